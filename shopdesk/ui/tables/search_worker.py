"""Search off the GUI thread, as jobs of the task runner (each on its own Store).

The view asks for a search as the seller types; a newer request cancels the one before
(its running query is interrupted), the first page comes back as soon as it is read, and
the count is a second job started once the view says the page is on screen
(`count_after`), so the count never competes with the first paint. Every answer carries
its request's number so the view applies only the latest one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from shopdesk.services.session import Store
from shopdesk.ui.tasks import Task, TaskRunner, runner

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class SearchSource:
    """Where a view's rows come from, for a connection of the job's own."""

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
    """Runs one view's searches on the runner; signals arrive on the GUI thread."""

    page_ready = Signal(int, object, object)  # request number, text, rows
    count_ready = Signal(int, int)  # request number, count
    failed = Signal(int, str)

    def __init__(self, source: SearchSource, parent=None, tasks: TaskRunner | None = None):
        super().__init__(parent)
        self._source = source
        self._tasks = tasks or runner()
        self._number = 0
        self._latest: _Request | None = None
        self._job: Task | None = None  # the page or count job of the latest request
        self._stopped = False
        self._rows_read: dict[int, int] = {}  # the latest request's first-page length

    def search(self, text: str | None, sort: str, descending: bool, limit: int) -> int:
        """Ask for `text`'s first page; returns the request's number."""
        self._number += 1
        request = self._latest = _Request(self._number, text, sort, descending, limit)
        self._cancel_job()  # a stale query stops now
        if not self._stopped:
            self._start(
                lambda context: self._source.page(
                    context.store(),
                    0,
                    request.limit,
                    request.text,
                    request.sort,
                    request.descending,
                ),
                lambda rows: self._page_read(request, rows),
                request,
            )
        return request.number

    def count_after(self, number: int) -> None:
        """The first page of request `number` is shown: count it now."""
        request = self._latest
        if request is None or request.number != number or self._stopped:
            return
        if self._rows_read.get(number, request.limit) < request.limit:
            return  # the first page held every row
        self._start(
            lambda context: self._source.count(context.store(), request.text),
            lambda count: self._counted(request, count),
            request,
        )

    def latest(self) -> int:
        return self._number

    def stop(self) -> None:
        self._stopped = True
        self._cancel_job()

    def _start(self, work, on_success, request: _Request) -> None:
        self._job = self._tasks.run(
            work,
            store_path=self._source.path,
            on_success=on_success,
            on_failure=lambda exc: self._failed(request, exc),
            name="search",
            keep_store=True,  # a search reads: the thread's connection serves the next
        )

    def _cancel_job(self) -> None:
        if self._job is not None and self._job.is_running():
            self._job.cancel()
        self._job = None

    def _fresh(self, request: _Request) -> bool:
        return not self._stopped and request.number == self._number

    def _page_read(self, request: _Request, rows: Rows) -> None:
        if not self._fresh(request):
            return
        self._rows_read = {request.number: len(rows)}
        # A short first page is all there is (its length is the count); else the count
        # follows once the page is on screen (count_after).
        self.page_ready.emit(request.number, request.text, rows)

    def _counted(self, request: _Request, count: int) -> None:
        if self._fresh(request):
            self.count_ready.emit(request.number, count)

    def _failed(self, request: _Request, error: BaseException) -> None:
        if self._fresh(request):
            self.failed.emit(request.number, str(error))
