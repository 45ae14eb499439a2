"""The 待办 list searched: the rows that match, soonest first, read in the list's order.

The matches come from the 待办 rows' own search index (steps 0012 and 0013: only the rows
with a running clock, a tenth of a big store), whose documents are numbered by their
place in the 待办 list (the second a row falls due, then the row: see migrations.py). FTS5
gives a term's documents in that order, so a page of a search is its first matching
documents, whether 20 rows match or 30,000: the page's rows are then read by id."""

from __future__ import annotations

import json

from shopdesk.domain.model import Party
from shopdesk.store.migrations import DUE_CASE_BASE, DUE_ID_BITS
from shopdesk.store.search_text import match_queries
from shopdesk.store.store import Store

CASE_COLUMNS = """
    c.id AS id, 'case' AS subject, c.id AS case_id, o.id AS order_id, o.order_no,
    o.platform, o.buyer_nick, o.item_titles, c.kind AS kind, c.state AS state,
    c.next_due_at AS next_due_at, c.next_due_party AS next_due_party,
    c.next_due_rule AS next_due_rule, c.platform_deadline AS platform_deadline
"""
ORDER_COLUMNS = """
    -o.id, 'order', NULL, o.id, o.order_no, o.platform, o.buyer_nick, o.item_titles,
    NULL, o.state, o.next_due_at, o.next_due_party, o.next_due_rule, o.ship_by_at
"""
_WITHIN_SECOND = (1 << DUE_ID_BITS) - 1


def _parties(party: str) -> tuple[str, ...] | None:
    """The clock parties a 待办 list of `party` shows (None: every row)."""
    if party == Party.SELLER.value:
        return (Party.SELLER.value, Party.BOTH.value)
    if party == Party.BUYER.value:
        return (Party.BUYER.value, Party.BOTH.value)
    return None


def _matching_docs(search: str, party: str) -> tuple[str, list] | None:
    """FROM ... WHERE of the 待办 documents (`f.rowid`) matching `search` whose clock is
    `party`'s; None when the search has no words to look for."""
    cjk, plain = match_queries(search)
    tables = [(table, query) for table, query in (("due_cjk", cjk), ("due_words", plain)) if query]
    if not tables:
        return None
    (first, query), *rest = tables
    # The index is the outer loop (CROSS JOIN keeps it there), read in its documents' order;
    # the other table's matches are read once ("+": as a list, not as rowids handed to the
    # first table, which ran its MATCH once per rowid: half a second for "tb 杯").
    sql = f"FROM {first} f"
    where = [f"f.{first} MATCH ?"]
    params: list = [query]
    for table, other in rest:
        where.append(f"+f.rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
        params.append(other)
    parties = _parties(party)
    if parties is not None:
        sql += " CROSS JOIN due_docs d"
        where.append(f"d.id = f.rowid AND d.party IN ({', '.join('?' for _ in parties)})")
        params += parties
    return f"{sql} WHERE {' AND '.join(where)}", params


def _row_of(doc: int) -> tuple[str, int]:
    """The 待办 row a document stands for: ("case", id) or ("order", id)."""
    within = doc & _WITHIN_SECOND
    if within > DUE_CASE_BASE:
        return "case", within - DUE_CASE_BASE
    return "order", DUE_CASE_BASE - within


def search_page(
    store: Store, offset: int, limit: int, party: str, search: str, descending: bool
) -> list[dict]:
    """One page of the 待办 rows matching `search` (as due_page without a search)."""
    matching = _matching_docs(search, party)
    if matching is None:
        return []
    docs, params = matching
    direction = "DESC" if descending else "ASC"
    sql = f"SELECT f.rowid {docs} ORDER BY f.rowid {direction} LIMIT ? OFFSET ?"
    ids: dict[str, list[int]] = {"case": [], "order": []}
    for (doc,) in store.db.execute(sql, [*params, limit, offset]):
        kind, row_id = _row_of(doc)
        ids[kind].append(row_id)
    sql = (
        f"SELECT {CASE_COLUMNS} FROM cases c JOIN orders o ON o.id = c.order_id "
        "WHERE c.id IN (SELECT value FROM json_each(?)) "
        f"UNION ALL SELECT {ORDER_COLUMNS} FROM orders o "
        "WHERE o.id IN (SELECT value FROM json_each(?)) "
        f"ORDER BY next_due_at {direction}, id {direction}"
    )
    return list(store.db.query(sql, [json.dumps(ids["case"]), json.dumps(ids["order"])]))


def search_count(store: Store, party: str, search: str) -> int:
    """How many 待办 rows match `search`."""
    matching = _matching_docs(search, party)
    if matching is None:
        return 0
    docs, params = matching
    return store.db.execute(f"SELECT count(*) {docs}", params).fetchone()[0]
