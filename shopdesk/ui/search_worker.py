"""Search off the GUI thread: one worker thread with its own Store connection.

The view asks for a search as the seller types; the worker always runs the newest
request (older pending ones are dropped, a running one is interrupted), sends the first
page as soon as it has it, and counts once the view says the page is on screen
(`count_after`), so the count never competes with the first paint. Every result carries its request's
number so the view applies only the latest one.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from shopdesk.core.store import Store

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class SearchSource:
    """Where a view's rows come from, for a connection of the worker's own."""

    path: Path
    page: Callable[[Store, int, int, str | None, str, bool], Rows]
    count: Callable[[Store, str | None], int]


@dataclass(frozen=True)
class _Request:
    number: int
    text: str | None
    sort: str
    descending: bool
    limit: int


class SearchWorker(QObject):
    """Runs searches for one view; signals arrive on the GUI thread (queued)."""

    page_ready = Signal(int, object, object)  # request number, text, rows
    count_ready = Signal(int, int)  # request number, count
    failed = Signal(int, str)

    def __init__(self, source: SearchSource, parent=None):
        super().__init__(parent)
        self._source = source
        self._wake = threading.Condition()
        self._pending: _Request | None = None
        self._number = 0
        self._count_go = 0  # the request whose count the view is ready for
        self._stopping = False
        self._store: Store | None = None
        self._thread: threading.Thread | None = None

    def search(self, text: str | None, sort: str, descending: bool, limit: int) -> int:
        """Ask for `text`'s first page; returns the request's number."""
        with self._wake:
            self._number += 1
            self._pending = _Request(self._number, text, sort, descending, limit)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="shopdesk-search", daemon=True
                )
                self._thread.start()
            elif self._store is not None:
                self._store.db.conn.interrupt()  # a stale query stops now
            self._wake.notify()
            return self._number

    def count_after(self, number: int) -> None:
        """The first page of request `number` is shown: count it now."""
        with self._wake:
            self._count_go = max(self._count_go, number)
            self._wake.notify()

    def latest(self) -> int:
        return self._number

    def stop(self) -> None:
        with self._wake:
            self._stopping = True
            self._pending = None
            if self._store is not None:
                self._store.db.conn.interrupt()
            self._wake.notify()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def _next(self) -> _Request | None:
        with self._wake:
            while self._pending is None and not self._stopping:
                self._wake.wait()
            request, self._pending = self._pending, None
            return None if self._stopping else request

    def _stale(self, request: _Request) -> bool:
        with self._wake:
            return self._stale_locked(request)

    def _stale_locked(self, request: _Request) -> bool:
        return self._stopping or request.number != self._number

    def _run(self) -> None:
        store = Store.open(self._source.path)
        with self._wake:
            self._store = store
        try:
            while (request := self._next()) is not None:
                self._answer(store, request)
        finally:
            with self._wake:
                self._store = None
            store.close()

    def _answer(self, store: Store, request: _Request) -> None:
        try:
            rows = self._source.page(
                store, 0, request.limit, request.text, request.sort, request.descending
            )
            if self._stale(request):
                return
            self.page_ready.emit(request.number, request.text, rows)
            if len(rows) < request.limit:
                return  # the first page is all there is: its length is the count
            with self._wake:
                while self._count_go < request.number and not self._stale_locked(request):
                    self._wake.wait()
            if self._stale(request):
                return
            count = self._source.count(store, request.text)
            if not self._stale(request):
                self.count_ready.emit(request.number, count)
        except sqlite3.OperationalError as exc:
            if "interrupt" not in str(exc) and not self._stale(request):
                self.failed.emit(request.number, str(exc))
