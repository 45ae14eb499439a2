"""The 待办 list searched: the rows that match, soonest first, without reading every match.

Each half (cases, orders) finds its first rows one of three ways:

- many matches (“tb”, “杯”: one row in ten or more): the 待办 list walked in due order
  (`*_due_list`), each row asked of the search index, within a window of the first rows
  that should hold a page of matches. Costs about page / share of matching rows.
- many matches, but too few among the first due rows for a walk (“耳机”, “保温杯”): the
  matches read once into a temporary index, the due list walked in order and each row
  looked up there. Costs about the number of matches, at a fraction of the next way.
- otherwise (a name, a rare word, or a walk that came up short): the matches from the
  search index, each looked up in the small due-rows index `*_due_ids` of step 0008 (id,
  due time, party, state: no table row), sorted. Costs about the number of matches.

The share of matching rows is guessed from the newest 1,000 matches, read straight from
the index (the 待办 rows are recent ones too); a wrong guess costs one window.
Then only the page's rows are read."""

from __future__ import annotations

import json

from shopdesk.domain.model import CLOSED_CASE_SQL
from shopdesk.store.search_repo import match_ids, recent_ids
from shopdesk.store.search_text import match_queries
from shopdesk.store.store import Store

OPEN_CASE = f"state NOT IN {CLOSED_CASE_SQL}"  # as cases_due_ids and cases_due_list say
SAMPLE = 1000
# Measured at 1,000,000 orders: asking the search index about one walked row ~10 µs,
# looking one match up in a due-rows index ~0.7 µs.
WALK_US, PROBE_US = 10.0, 0.7
# Above this many matches, reading them once into a temporary index and walking the due
# list costs less than looking each up in the due rows and sorting (measured: 1.9 vs
# 4.2 ms for 11,000 matching cases, 5.0 vs 7.2 ms for 28,000 matching orders).
LIST_ABOVE = 3000

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


def _share(store: Store, kind: str, search: str) -> float:
    """About what share of rows match (0 when fewer than SAMPLE do)."""
    sql, params = recent_ids(kind, search, 0, SAMPLE)
    ids = [row[0] for row in store.db.execute(sql, params)]
    if len(ids) < SAMPLE:
        return 0.0  # fewer than SAMPLE matches in all: going through them is cheap
    return SAMPLE / max(ids[0] - ids[-1] + 1, 1)


def _walk_window(store: Store, kind: str, search: str, need: int) -> int | None:
    """How many 待办 rows to walk for `need` matches; 0: going through the matches is
    cheapest; None: many match, but too few among the due rows for a walk."""
    share = _share(store, kind, search)
    if share == 0.0:
        return 0
    table = "cases" if kind == "case" else "orders"
    matches = share * (store.db.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0)
    window = int(2 * need / share) + 50  # twice what the share says: a margin for chance
    if window * WALK_US < matches * PROBE_US:
        return window
    return None if matches >= LIST_ABOVE else 0


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
    ids, params = match_ids(kind, search)
    window = _walk_window(store, kind, search, need)
    if window:
        index = "cases_due_list" if kind == "case" else "orders_due_list"
        sql = (
            f"SELECT id FROM (SELECT d.id AS id, d.next_due_at AS due FROM {table} d "
            f"INDEXED BY {index} WHERE {where} {order_by} LIMIT ?) w "
            f"WHERE EXISTS ({ids} AND rowid = w.id) LIMIT ?"
        )
        found = [row[0] for row in store.db.execute(sql, [window, *params, need])]
        if len(found) == need:  # the window's rows are in due order: these come first
            return found
    if window is None:
        # Many matches, too few among the first due rows for a walk: the due list read
        # in order, each row looked up in the matches (read once into a temporary
        # index) instead of each match looked up in the due rows and sorted.
        index = "cases_due_list" if kind == "case" else "orders_due_list"
        sql = (
            f"SELECT d.id FROM {table} d INDEXED BY {index} WHERE {where} "
            f"AND d.id IN ({ids}) {order_by} LIMIT ?"
        )
        return [row[0] for row in store.db.execute(sql, [*params, need])]
    index = "cases_due_ids" if kind == "case" else "orders_due_ids"
    cjk, plain = match_queries(search)
    if bool(cjk) != bool(plain):  # one index to read: its matches drive the look-ups
        fts = f"{kind}_cjk" if cjk else f"{kind}_words"
        sql = (
            f"SELECT d.id FROM {fts} m JOIN {table} d INDEXED BY {index} ON d.id = m.rowid "
            f"WHERE {fts} MATCH ? AND {where} {order_by} LIMIT ?"
        )
        params = [cjk or plain]
    else:
        sql = (
            f"SELECT d.id FROM {table} d INDEXED BY {index} WHERE {where} "
            f"AND d.id IN ({ids}) {order_by} LIMIT ?"
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
    """How many 待办 rows match `search`: every match, looked up in the due-rows indexes."""
    case_ids, case_params = match_ids("case", search)
    order_ids, order_params = match_ids("order", search)
    sql = (
        "SELECT (SELECT count(*) FROM cases d INDEXED BY cases_due_ids "
        f"WHERE d.next_due_at IS NOT NULL AND d.{OPEN_CASE} AND {party_filter('d', party)} "
        f"AND d.id IN ({case_ids})) + (SELECT count(*) FROM orders d INDEXED BY orders_due_ids "
        f"WHERE d.next_due_at IS NOT NULL AND {party_filter('d', party)} "
        f"AND d.id IN ({order_ids}))"
    )
    return store.db.execute(sql, [*case_params, *order_params]).fetchone()[0]
