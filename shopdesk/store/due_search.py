"""The 待办 list searched: the rows that match, soonest first, without reading every match.

The matches come from the 待办 rows' own search index (step 0012_due_search: only the
rows with a running clock, a tenth of a big store), so a buyer's name that 32,000 orders
carry reads the 2,000 that are 待办 rows. Each half (cases, orders) then finds its first
rows one of three ways:

- few matches (under SAMPLE): each looked up in the small due-rows index
  `*_due_ids` of step 0009 (id, due time, party, state: no table row), sorted;
- many, and so common that a walk is cheaper than reading them (“tb” at a million orders:
  one in two): the 待办 list walked in due order (`*_due_list`), each row asked of the
  index, within a window of the first rows that should hold a page of matches;
- otherwise many (“杯”): the matches read once into a temporary index, the 待办 list
  walked in order and each row looked up there.

The share of matching rows is guessed from SAMPLE matches and the 待办 rows they are
found among; a wrong guess costs one window. Then only the page's rows are read."""

from __future__ import annotations

import json
import math
import time

from shopdesk.domain.model import CLOSED_CASE_SQL
from shopdesk.store.migrations import ORDER_DOC
from shopdesk.store.search_text import match_queries
from shopdesk.store.store import Store

OPEN_CASE = f"state NOT IN {CLOSED_CASE_SQL}"  # as cases_due_ids and cases_due_list say
SAMPLE = 1000  # fewer matching 待办 rows than this: each looked up, sorted
# Measured at 100,000 and 1,000,000 orders: asking the 待办 rows' index about one walked
# row ~25 µs; reading one match into the temporary index and walking past it ~0.25 µs.
WALK_US, LIST_US = 25.0, 0.25

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


def party_filter(alias: str, party: str) -> str:
    if party == "seller":
        return f"{alias}.next_due_party IN ('seller', 'both')"
    if party == "buyer":
        return f"{alias}.next_due_party IN ('buyer', 'both')"
    return "1"


def _due_matches(kind: str, search: str, row: str = "") -> tuple[str, list]:
    """SELECT of the ids of one half's 待办 rows matching `search`, from the 待办 rows'
    own index (step 0012: case ids, order ids + ORDER_DOC). `row`: only that id (a
    walk's probe)."""
    if kind == "case":
        doc, half, seek = "rowid", f"rowid < {ORDER_DOC}", f"rowid = {row}"
    else:
        doc, half, seek = (
            f"rowid - {ORDER_DOC}",
            f"rowid > {ORDER_DOC}",
            f"rowid = {row} + {ORDER_DOC}",
        )
    if row:  # alone: FTS5 seeks one rowid, but with a range beside it reads the range
        half = seek
    cjk, plain = match_queries(search)
    tables = [(table, query) for table, query in (("due_cjk", cjk), ("due_words", plain)) if query]
    if not tables:
        return "SELECT NULL WHERE 0", []
    (first, query), *rest = tables
    sql = f"SELECT {doc} AS id FROM {first} WHERE {first} MATCH ? AND {half}"
    for table, _query in rest:
        sql += f" AND rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH ? AND {half})"
    return sql, [query, *(query for _table, query in rest)]


def _due_rows(store: Store, kind: str) -> int:
    """About how many 待办 rows one half has: counted (1-2 ms at a million orders) at most
    once a minute per store; it only steers which way a search reads."""
    key = (str(store.path), kind)
    counted = _DUE_ROWS.get(key)
    if counted is None or time.monotonic() - counted[1] > 60:
        half = f"id < {ORDER_DOC}" if kind == "case" else f"id > {ORDER_DOC}"
        rows = store.db.execute(f"SELECT count(*) FROM due_docs WHERE {half}").fetchone()[0]
        counted = _DUE_ROWS[key] = (rows, time.monotonic())
    return counted[0]


_DUE_ROWS: dict[tuple[str, str], tuple[int, float]] = {}


def _walk_window(store: Store, kind: str, sample: tuple[int, int], need: int) -> int:
    """How many 待办 rows to walk for `need` matches, judged by the SAMPLE matches with
    the lowest ids (`sample`: the first and last of them); 0: reading every match is
    cheaper.

    A walk costs need / share * WALK_US, reading the matches share * rows * LIST_US: the
    walk is cheaper above the share `least`, so the 待办 rows among which the sample is
    found are counted only as far as that share needs."""
    rows = _due_rows(store, kind)
    least = math.sqrt(need * WALK_US / LIST_US / max(rows, 1))
    if least >= 1:
        return 0
    first, last = sample
    if kind == "order":
        first, last = first + ORDER_DOC, last + ORDER_DOC
    enough = int(SAMPLE / least) + 1
    among = store.db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM due_docs WHERE id BETWEEN ? AND ? LIMIT ?)",
        [first, last, enough],
    ).fetchone()[0]
    if among >= enough:
        return 0  # rarer than `least`
    share = SAMPLE / max(among, 1)
    return int(2 * need / share) + 50  # twice what the share says: a margin for chance


def _first_ids(
    store: Store, kind: str, party: str, search: str, need: int, direction: str
) -> list[int]:
    """The ids of the first `need` matching 待办 rows of one half, in due order."""
    table = "cases" if kind == "case" else "orders"
    second = "d.id" if kind == "case" else "-d.id"
    where = f"d.next_due_at IS NOT NULL AND {party_filter('d', party)}"
    if kind == "case":
        where += f" AND d.{OPEN_CASE}"
    order_by = f"ORDER BY d.next_due_at {direction}, {second} {direction}"
    matches, params = _due_matches(kind, search)
    # SAMPLE matches in the index's own order (FTS5 reads a doclist backwards several
    # times slower), summed up in SQL (a thousand rows into Python cost a millisecond)
    sampled = f"SELECT count(*), min(id), max(id), json_group_array(id) FROM ({matches} LIMIT ?)"
    found, lowest, highest, ids = store.db.execute(sampled, [*params, SAMPLE]).fetchone()
    if found < SAMPLE:
        # Few: each looked up in the small due-rows index (id, due time, party), sorted.
        index = "cases_due_ids" if kind == "case" else "orders_due_ids"
        sql = (
            f"SELECT d.id FROM {table} d INDEXED BY {index} WHERE {where} "
            f"AND d.id IN (SELECT value FROM json_each(?)) {order_by} LIMIT ?"
        )
        return [row[0] for row in store.db.execute(sql, [ids, need])]
    index = "cases_due_list" if kind == "case" else "orders_due_list"
    window = _walk_window(store, kind, (lowest, highest), need)
    if window:
        # Many, and common: the 待办 list walked in due order, each row asked of the index.
        probe, probe_params = _due_matches(kind, search, row="w.id")
        sql = (
            f"SELECT id FROM (SELECT d.id AS id, d.next_due_at AS due FROM {table} d "
            f"INDEXED BY {index} WHERE {where} {order_by} LIMIT ?) w "
            f"WHERE EXISTS ({probe}) LIMIT ?"
        )
        found = [row[0] for row in store.db.execute(sql, [window, *probe_params, need])]
        if len(found) == need:  # the window's rows are in due order: these come first
            return found
    # Many: the matches read once into a temporary index, the 待办 list walked in order
    # and each row looked up there (no sort of thousands of rows).
    sql = (
        f"SELECT d.id FROM {table} d INDEXED BY {index} WHERE {where} "
        f"AND d.id IN ({matches}) {order_by} LIMIT ?"
    )
    return [row[0] for row in store.db.execute(sql, [*params, need])]


def search_page(
    store: Store, offset: int, limit: int, party: str, search: str, descending: bool
) -> list[dict]:
    """One page of the 待办 rows matching `search` (as due_page without a search)."""
    direction = "DESC" if descending else "ASC"
    need = offset + limit
    cases = _first_ids(store, "case", party, search, need, direction)
    orders = _first_ids(store, "order", party, search, need, direction)
    sql = (
        f"SELECT {CASE_COLUMNS} FROM cases c JOIN orders o ON o.id = c.order_id "
        "WHERE c.id IN (SELECT value FROM json_each(?)) "
        f"UNION ALL SELECT {ORDER_COLUMNS} FROM orders o "
        "WHERE o.id IN (SELECT value FROM json_each(?)) "
        f"ORDER BY next_due_at {direction}, id {direction} LIMIT ? OFFSET ?"
    )
    params = [json.dumps(cases), json.dumps(orders), limit, offset]
    return list(store.db.query(sql, params))


def search_count(store: Store, party: str, search: str) -> int:
    """How many 待办 rows match `search`: every match of the 待办 rows' index, looked up
    in the due-rows indexes for its party."""
    case_ids, case_params = _due_matches("case", search)
    order_ids, order_params = _due_matches("order", search)
    sql = (
        "SELECT (SELECT count(*) FROM cases d INDEXED BY cases_due_ids "
        f"WHERE d.next_due_at IS NOT NULL AND d.{OPEN_CASE} AND {party_filter('d', party)} "
        f"AND d.id IN ({case_ids})) + (SELECT count(*) FROM orders d INDEXED BY orders_due_ids "
        f"WHERE d.next_due_at IS NOT NULL AND {party_filter('d', party)} "
        f"AND d.id IN ({order_ids}))"
    )
    return store.db.execute(sql, [*case_params, *order_params]).fetchone()[0]
