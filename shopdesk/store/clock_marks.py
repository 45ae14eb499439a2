"""When the cached clocks are out of date: the rules stamp (a rule file changed, so every
open clock is computed again once) and the rows written or come due since the last
catch-up. Cheap questions the window asks before its first paint; the recomputing
itself is in deadlines_repo.py."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from shopdesk.domain.model import CLOSED_CASE_SQL
from shopdesk.domain.paths import loaded_rules_dir  # not rulesets: that loads the engine
from shopdesk.domain.timeutil import now_text, to_text
from shopdesk.platforms.registry import rule_files
from shopdesk.store.store import Store

_OPEN_CASE = f"state NOT IN {CLOSED_CASE_SQL}"


RULES_STAMP_SETTING = "rules.stamp"


def rules_stamp() -> str:
    """What the rule sets in force say, as one short text: it changes when any rule
    file changes (an update of ShopDesk, a file the seller loads), so every open clock
    is computed again once."""
    # The files' bytes, not their parsed rules: the window asks at start-up, before its
    # first paint, and parsing every rule set then cost more than the rest of the check.
    # A seller's file that is not in force (older than the built-in one) counts too: a
    # change to it only means one needless recompute.
    digest = hashlib.sha256()
    for platform, path in rule_files():
        digest.update(platform.encode())
        for source in (path, loaded_rules_dir() / f"{platform}.toml"):
            digest.update(source.read_bytes() if source.exists() else b"")
            digest.update(b"\0")
    return digest.hexdigest()[:16]


def rules_changed(store: Store) -> bool:
    return store.get_setting(RULES_STAMP_SETTING) != rules_stamp()


CHANGES_SETTING = "rules.refreshed_at"
EXPIRED_SETTING = "rules.expired_until"


def mark_refreshed(store: Store) -> None:
    """Remember that every row changed until now has its deadlines recomputed."""
    store.set_setting(CHANGES_SETTING, now_text())


@dataclass
class CatchUp:
    """The rows whose cached deadlines are out of date: written since the last refresh
    (an import, an edit, another process), or due since the last check."""

    order_ids: list[int]
    case_ids: list[int]
    marks: dict[str, str]  # the settings that record this catch-up once it is done

    @property
    def size(self) -> int:
        return len(self.order_ids) + len(self.case_ids)


def pending_catch_up(store: Store, now: datetime, changed: bool = True) -> CatchUp:
    """What `catch_up` would recompute (`changed`: also the rows written since the last
    refresh; else only those that came due). Cheap: indexed look-ups."""
    stamp = to_text(now)
    orders: dict[int, None] = {}
    cases: dict[int, None] = {}
    marks = {EXPIRED_SETTING: stamp}
    if changed:
        since = store.get_setting(CHANGES_SETTING) or ""
        marks[CHANGES_SETTING] = now_text()  # the clock `updated_at` is written with
        orders.update(
            (r[0], None)
            for r in store.db.execute("SELECT id FROM orders WHERE updated_at >= ?", [since])
        )
        cases.update(
            (r[0], None)
            for r in store.db.execute(
                "SELECT id FROM cases WHERE updated_at >= ? "
                "UNION SELECT case_id FROM case_events WHERE created_at >= ? "
                "UNION SELECT case_id FROM evidence WHERE added_at >= ?",  # a chat: reply clock
                [since, since, since],
            )
        )
    # Due since the last check. A row already overdue then was recomputed then and stays
    # as it is until something is written to it, so it is not looked at again.
    checked = store.get_setting(EXPIRED_SETTING)
    if checked is not None and checked > stamp:
        checked = None  # the computer's clock went back: look at everything due
    window = "next_due_at <= ?" if checked is None else "next_due_at > ? AND next_due_at <= ?"
    params = [stamp] if checked is None else [checked, stamp]
    cases.update(
        (r[0], None)
        for r in store.db.execute(f"SELECT id FROM cases WHERE {window} AND {_OPEN_CASE}", params)
    )
    orders.update(
        (r[0], None) for r in store.db.execute(f"SELECT id FROM orders WHERE {window}", params)
    )
    return CatchUp(list(orders), list(cases), marks)


def recompute_size_bound(store: Store) -> int:
    """At least as many rows as `recompute_all` would look at, read at once from the
    ids (an exact count reads every order: 0.4 s on a million)."""
    orders = store.db.execute("SELECT coalesce(max(id), 0) FROM orders").fetchone()[0]
    cases = store.db.execute("SELECT coalesce(max(id), 0) FROM cases").fetchone()[0]
    return orders + cases
