"""Noticing what another process (the command line beside the window) wrote.

A timer asks SQLite's `PRAGMA data_version`, which changes only when another connection
committed: nothing else is read while nothing changed. When it moved, a few indexed
look-ups name the rows written since the last look (rows carry `updated_at`, events and
evidence their own times) and a fingerprint of the small tables tells the rest; the
result is a `Changes` for the window's dispatcher, so only the views that show it
re-read."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from shopdesk.services.changes import NOTHING, Changes
from shopdesk.services.external_writes import changes_since, take_marks
from shopdesk.services.session import Store

INTERVAL_MS = 1000


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
