"""What another connection wrote to the store since the last look: a few indexed look-ups
name the rows written (rows carry `updated_at`, events and evidence their own times) and
a fingerprint of the small tables (templates, rules, settings, shops) tells the rest.
Asked only after SQLite's `PRAGMA data_version` moved (ui/store_watch.py)."""

from __future__ import annotations

from dataclasses import dataclass

from shopdesk.domain.timeutil import now_text
from shopdesk.store.store import Store

# Settings the clocks' catch-up writes on every pass: bookkeeping, nothing a view shows.
_BOOKKEEPING = ("rules.refreshed_at", "rules.expired_until")


@dataclass(frozen=True)
class Marks:
    """Where the store stood at the last look."""

    since: str  # the clock `updated_at` is written with
    evidence: tuple[int, int]  # count, max id (a removal lowers the count)
    templates: tuple
    rules: tuple
    settings: tuple
    shops: tuple


def take_marks(store: Store) -> Marks:
    one = store.db.execute
    settings = one(
        "SELECT key, value FROM settings WHERE key NOT IN (?, ?) ORDER BY key", _BOOKKEEPING
    ).fetchall()
    return Marks(
        since=now_text(),
        evidence=tuple(one("SELECT count(*), coalesce(max(id), 0) FROM evidence").fetchone()),
        templates=tuple(
            one(
                "SELECT count(*), max(updated_at), (SELECT total(uses) FROM template_usage) "
                "FROM templates"
            ).fetchone()
        ),
        rules=tuple(tuple(row) for row in settings if row[0].startswith("rules.")),
        settings=tuple(tuple(row) for row in settings if not row[0].startswith("rules.")),
        shops=tuple(tuple(row) for row in one("SELECT * FROM shops ORDER BY id").fetchall()),
    )


@dataclass(frozen=True)
class Written:
    """What was written since the marks: the rows by id, and whether each small table moved
    (`evidence` None: some was removed, every case's evidence may have changed)."""

    orders: set[int]
    cases: set[int]
    evidence: set[int] | None
    templates: bool
    rules: bool
    settings: bool
    shops: bool


def written_since(store: Store, marks: Marks) -> tuple[Written, Marks]:
    """What was written since `marks` (>=: a write in the same second is not missed;
    one seen again only refreshes its view once more)."""
    now = take_marks(store)
    since = marks.since
    one = store.db.execute
    orders = {r[0] for r in one("SELECT id FROM orders WHERE updated_at >= ?", [since])}
    cases = {r[0] for r in one("SELECT id FROM cases WHERE updated_at >= ?", [since])}
    cases |= {r[0] for r in one("SELECT case_id FROM case_events WHERE created_at >= ?", [since])}
    evidence = {r[0] for r in one("SELECT case_id FROM evidence WHERE added_at >= ?", [since])}
    removed = now.evidence[0] < marks.evidence[0] + len(
        {r[0] for r in one("SELECT id FROM evidence WHERE added_at >= ?", [since])}
    )
    written = Written(
        orders=orders,
        cases=cases,
        evidence=None if removed else evidence,
        templates=now.templates != marks.templates,
        rules=now.rules != marks.rules,
        settings=now.settings != marks.settings,
        shops=now.shops != marks.shops,
    )
    return written, now
