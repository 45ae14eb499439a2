"""Noticing what another process (the command line beside the window) wrote.

A timer asks SQLite's `PRAGMA data_version`, which changes only when another connection
committed: nothing else is read while nothing changed. When it moved, a few indexed
look-ups name the rows written since the last look (rows carry `updated_at`, events and
evidence their own times) and a fingerprint of the small tables tells the rest; the
result is a `Changes` for the window's dispatcher, so only the views that show it
re-read."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from shopdesk.domain.timeutil import now_text
from shopdesk.services.changes import ALL, NOTHING, Changes
from shopdesk.services.session import Store

INTERVAL_MS = 1000
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


def changes_since(store: Store, marks: Marks) -> tuple[Changes, Marks]:
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
    changes = Changes.of(
        orders=orders,
        cases=cases,
        evidence=ALL if removed else evidence,
        templates=now.templates != marks.templates,
        rules=now.rules != marks.rules,
        settings=now.settings != marks.settings,
        shops=now.shops != marks.shops,
    )
    return changes, now


class ExternalWrites(QObject):
    """Emits `changed(Changes)` when another process wrote to the window's store."""

    changed = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None, interval: int = INTERVAL_MS):
        super().__init__(parent)
        self.store = store
        self.checks = 0  # data_version asked
        self.looks = 0  # times it moved and the rows were looked at
        self._version = store.data_version()
        self._marks = take_marks(store)
        self.timer = QTimer(self, interval=interval)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> Changes:
        """One look: free unless another connection committed since the last one."""
        self.checks += 1
        version = self.store.data_version()
        if version == self._version:
            return NOTHING
        self._version = version
        self.looks += 1
        changes, self._marks = changes_since(self.store, self._marks)
        if changes.any():
            self.changed.emit(changes)
        return changes

    def settle(self) -> None:
        """The window's own writes (its jobs run on other connections) were applied:
        start looking from here, so they are not reported as someone else's."""
        self._version = self.store.data_version()
        self._marks = take_marks(self.store)
