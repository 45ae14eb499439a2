"""Run one function on a worker thread and hear about its result on the GUI thread.

The function must not touch widgets or the window's Store (a SQLite connection never
crosses threads): it opens its own connections from a path."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal


class BackgroundJob(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._thread: threading.Thread | None = None
        self._started = False

    def start(self) -> None:
        """Start on the next turn of the event loop, so whoever got this job back can
        connect to its signals first."""
        self._started = True
        QTimer.singleShot(0, self._start_now)

    def _start_now(self) -> None:
        self._thread = threading.Thread(target=self._run, name="shopdesk-job", daemon=True)
        self._thread.start()

    def is_running(self) -> bool:
        return self._started and (self._thread is None or self._thread.is_alive())

    def _run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # handed to the GUI thread, which shows or logs it
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        self.finished.emit()
