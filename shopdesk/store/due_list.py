"""The 待办 list read from the store: every running clock of orders and cases in one
list, soonest first, a page at a time (searched through due_search.py), each row with
its rule's title so that the table's cells look nothing up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from shopdesk.domain import messages
from shopdesk.domain.model import CLOSED_CASE_SQL, PLATFORM_RULE_ID, REPLY_RULE_ID, Party
from shopdesk.domain.scope import EVERYTHING, Scope
from shopdesk.platforms.rules_in_force import rule_titles
from shopdesk.store import due_search
from shopdesk.store.search_repo import match_ids
from shopdesk.store.store import Store

if TYPE_CHECKING:
    from shopdesk.domain.rules import RuleSet  # the engine: not loaded for a title

_OPEN_CASE = f"state NOT IN {CLOSED_CASE_SQL}"


# ---------------------------------------------------------------- the 待办 list, in pages
# Each arm walks its own next_due_at index and stops after offset + limit rows; the two
# arms are merged. Row ids: a case's id, or minus the order's id.

# Each half filters itself and the compound SELECT's own ORDER BY merges two index scans
# (orders_due_list, cases_due_list of step 0003_perf_search): the first page of a million
# orders costs a millisecond. Wrapping it in an outer SELECT would sort every due row.
_DUE_CASES = f"""
    SELECT c.id AS id, 'case' AS subject, c.id AS case_id, o.id AS order_id, o.order_no,
           o.platform, o.buyer_nick, o.item_titles, c.kind AS kind, c.state AS state,
           c.next_due_at AS next_due_at, c.next_due_party AS next_due_party,
           c.next_due_rule AS next_due_rule, c.platform_deadline AS platform_deadline
    FROM cases c JOIN orders o ON o.id = c.order_id
    WHERE c.next_due_at IS NOT NULL AND c.{_OPEN_CASE} AND {{where}}
"""
_DUE_ORDERS = """
    SELECT -o.id, 'order', NULL, o.id, o.order_no, o.platform, o.buyer_nick, o.item_titles,
           NULL, o.state, o.next_due_at, o.next_due_party, o.next_due_rule, o.ship_by_at
    FROM orders o WHERE o.next_due_at IS NOT NULL AND {where}
"""


def due_filter(
    alias: str, party: str, search: str | None = None, scope: Scope = EVERYTHING
) -> tuple[str, list]:
    """The WHERE part choosing the 待办 rows of `party` (matching `search`, of `scope`'s
    platform and shop) for table alias `alias` ("c" cases, "o" orders); with a scope, a
    case's half reads its order as o (a case's platform and shop are its order's)."""
    where, params = "1", []
    if party == Party.SELLER.value:
        where = f"{alias}.next_due_party IN ('seller', 'both')"
    elif party == Party.BUYER.value:
        where = f"{alias}.next_due_party IN ('buyer', 'both')"
    if search:
        ids, params = match_ids("case" if alias == "c" else "order", search)
        where += f" AND {alias}.id IN ({ids})"
    within, more = scope.where("o")
    return where + within, [*params, *more]


def _due_union(party: str, search: str | None, scope: Scope = EVERYTHING) -> tuple[str, list]:
    case_where, case_params = due_filter("c", party, search, scope)
    order_where, order_params = due_filter("o", party, search, scope)
    sql = (
        _DUE_CASES.format(where=case_where) + " UNION ALL " + _DUE_ORDERS.format(where=order_where)
    )
    return sql, [*case_params, *order_params]


def count_due(
    store: Store, party: str = "seller", search: str | None = None, scope: Scope = EVERYTHING
) -> int:
    if search and scope.everything:
        return due_search.search_count(store, party, search)
    case_where, case_params = due_filter("c", party, search, scope)
    order_where, order_params = due_filter("o", party, search, scope)
    # every case has its order: the orders are joined only to scope the cases
    cases = "cases c" if scope.everything else "cases c JOIN orders o ON o.id = c.order_id"
    sql = (
        f"SELECT (SELECT count(*) FROM {cases} WHERE c.next_due_at IS NOT NULL "
        f"AND c.{_OPEN_CASE} AND {case_where}) + (SELECT count(*) FROM orders o "
        f"WHERE o.next_due_at IS NOT NULL AND {order_where})"
    )
    return store.db.execute(sql, [*case_params, *order_params]).fetchone()[0]


def due_page(
    store: Store,
    offset: int,
    limit: int,
    party: str = "seller",
    search: str | None = None,
    descending: bool = False,
    language: str = "zh-CN",
    scope: Scope = EVERYTHING,
) -> list[dict]:
    """One page of the 待办 list (of one platform or shop with `scope`): orders (id < 0) and cases (id > 0) by cached due time,
    soonest first (`descending`: latest first, for reading the end of the list). Row ids:
    a case's id, or minus the order's id. `search`: as the orders and cases search.
    Each row comes with its rule's title in `language` (`rule_title`): the list's cells
    show it as it is."""
    if search and scope.everything:
        rows = due_search.search_page(store, offset, limit, party, search, descending)
    else:
        sql, params = _due_union(party, search, scope)
        direction = "DESC" if descending else "ASC"
        sql += f" ORDER BY next_due_at {direction}, id {direction} LIMIT ? OFFSET ?"
        rows = list(store.db.query(sql, [*params, limit, offset]))
    titles: dict[tuple[str, str | None], str] = {}  # a page holds a few rules, many times
    for row in rows:
        key = (row["platform"], row["next_due_rule"])
        if key not in titles:
            titles[key] = rule_title(*key, language)
        row["rule_title"] = titles[key]
    return rows


def rule_title(
    platform: str, rule_id: str | None, language: str = "zh-CN", ruleset: RuleSet | None = None
) -> str:
    """A rule's title in `language` (the newest version's wording) in `ruleset` (default:
    the platform's rule file in force, read without the clock engine)."""
    if not rule_id:
        return ""
    language = language if language in messages.LANGUAGES else "zh-CN"
    if rule_id == PLATFORM_RULE_ID:
        return messages.text("clock.platform_deadline", language)
    if rule_id == REPLY_RULE_ID:
        return messages.text("clock.reply_title", language)
    if ruleset is None:
        found = rule_titles(platform).get(rule_id)
        return (found.title_in(language) or rule_id) if found else rule_id
    for version in reversed(ruleset.versions):
        if rule_id in version.rules:
            return version.rules[rule_id].title_in(language)
    return rule_id
