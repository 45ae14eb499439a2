"""The window's one background runner: every long job (import, evidence package, clock
recompute, search, backup, restore, data check, export, product alerts) runs here.

A job is a function of a `TaskContext`, run on one of a few worker threads; exactly one
of its callbacks then runs on the GUI thread: `on_success(result)`, `on_failure(error)`
or `on_cancelled()`. The worker thread opens its own Store when the job asks for one
(`context.store()`) and closes it when the job ends: a SQLite connection never crosses
threads. A read-only job that runs often (a search as the seller types) may ask to
`keep_store`: its worker thread then keeps that Store for its next such job, as long as
the path still names the same file (a restore replaces it) and the job did not fail.

With `progress=`, a dialog with 取消 appears only when the job is still running after
PROGRESS_DELAY_MS (a quick job never flashes one). Cancel sets the job's flag (the
job's `cancelled` callback, polled by the core) and interrupts its running SQL; the core
rolls its transaction back, so a cancelled job leaves nothing half-written.

(The shape follows Anki's operations: a function off the GUI thread and its callbacks on
it; the pool follows Picard's run_task: one place that owns the threads.)"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from shopdesk.domain.errors import ShopDeskError
from shopdesk.services.session import Store

log = logging.getLogger("shopdesk")

PROGRESS_DELAY_MS = 500
MAX_WORKERS = 3  # a long import, a recompute and a search at once; the machine has few cores
PROGRESS_STEPS = 1000  # the dialog's resolution, however many rows a job counts


class TaskCancelled(Exception):
    """Raised by `TaskContext.check()` once the job was cancelled."""


@dataclass(frozen=True)
class ProgressSpec:
    """The dialog shown for a job that takes longer than PROGRESS_DELAY_MS."""

    title: str
    label: str
    cancel_text: str = ""  # "" -> 取消
    cancellable: bool = True


class TaskContext:
    """What a job sees on its worker thread."""

    def __init__(self, task: Task):
        self._task = task
        self._store: Store | None = None

    def store(self) -> Store:
        """The job's own Store on this thread (opened on first use, closed at its end;
        with `keep_store`, kept by the thread for its next such job)."""
        if self._store is None:
            path = self._task.store_path
            if path is None:
                raise RuntimeError("this job was started without a store path")
            self._store = _kept_store(path) if self._task.keep_store else Store.open(path)
            self._task._attach(self._store)
        return self._store

    def cancelled(self) -> bool:
        return self._task.is_cancelled()

    def check(self) -> None:
        if self._task.is_cancelled():
            raise TaskCancelled()

    def progress(self, done: int, total: int) -> None:
        """Report progress (any thread-safe rate: only changes of the shown step are sent)."""
        self._task._report_progress(done, total)

    def _close(self, failed: bool = False) -> None:
        store, self._store = self._store, None
        if store is not None:
            self._task._attach(None)
            if self._task.keep_store and not failed:
                return  # the thread keeps it (_kept_store)
            _forget_kept(store)
            store.close()


_thread = threading.local()  # a worker thread's kept Stores, by path


def _kept_store(path: Path) -> Store:
    kept: dict[Path, Store] = _thread.__dict__.setdefault("stores", {})
    store = kept.get(path)
    if store is not None and not store.same_file():
        del kept[path]
        store.close()
        store = None
    if store is None:
        store = kept[path] = Store.open(path)
    return store


def _forget_kept(store: Store) -> None:
    kept = _thread.__dict__.get("stores", {})
    if kept.get(store.path) is store:
        del kept[store.path]


def _close_kept() -> None:
    for store in _thread.__dict__.pop("stores", {}).values():
        store.close()


class Task(QObject):
    """One job handed to the runner. Signals arrive on the GUI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    was_cancelled = Signal()
    finished = Signal()  # after whichever of the three above
    _delivered = Signal(str, object)  # worker -> GUI thread (queued)
    _progress_sent = Signal(int, int)

    def __init__(
        self,
        work: Callable[[TaskContext], Any],
        store_path: Path | None,
        progress: ProgressSpec | None,
        parent_widget: QWidget | None,
        cancel_errors: tuple[type[BaseException], ...],
        name: str,
        keep_store: bool = False,
    ):
        super().__init__()
        self.work = work
        self.store_path = Path(store_path) if store_path is not None else None
        self.keep_store = keep_store
        self.name = name
        self.spec = progress
        self.parent_widget = parent_widget
        self.cancel_errors = (TaskCancelled, *cancel_errors)
        self.dialog: QProgressDialog | None = None
        self.delay: QTimer | None = None  # shows the dialog after PROGRESS_DELAY_MS
        self.result: Any = None
        self.error: BaseException | None = None
        self.outcome = ""  # "success" | "failure" | "cancelled" once finished
        self.ran_on = ""  # the worker thread's name, once started
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._lock = threading.Lock()  # guards the running job's connection
        self._store: Store | None = None
        self._last_step = -1
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progress_sent.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    # -- asked from the GUI thread -------------------------------------------------------

    def cancel(self) -> None:
        """Stop the job: its `cancelled` callback turns true and its running query is
        interrupted. Its transaction is rolled back by the core; on_cancelled follows."""
        self._cancel.set()
        with self._lock:
            if self._store is not None:
                self._store.interrupt()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return not self.outcome

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job's function returned (its callbacks still wait for the
        event loop). For quitting and for tests."""
        return self._done.wait(timeout)

    def show_progress_now(self) -> None:
        """Show the progress dialog if the job is still running (the 0.5 s timer calls
        this; so can a test)."""
        if self.dialog is not None and self.is_running():
            self.dialog.show()

    # -- the worker side -----------------------------------------------------------------

    def _attach(self, store: Store | None) -> None:
        with self._lock:
            self._store = store

    def _report_progress(self, done: int, total: int) -> None:
        step = int(PROGRESS_STEPS * done / total) if total else 0
        if step != self._last_step or done == total:
            self._last_step = step
            self._progress_sent.emit(done, total)

    def _run(self) -> None:
        self.ran_on = threading.current_thread().name
        context = TaskContext(self)
        try:
            if self._cancel.is_set():
                raise TaskCancelled()
            result = self.work(context)
        except BaseException as exc:  # noqa: BLE001 - every outcome reaches the GUI thread
            if self._is_cancel(exc):
                outcome, value = "cancelled", None
            else:
                outcome, value = "failure", exc
        else:
            outcome, value = "success", result
        finally:
            try:
                context._close(failed=outcome == "failure")
            except Exception:  # noqa: BLE001 - closing a read connection cannot lose data
                log.exception("closing a task's store failed")
            self._done.set()
        try:
            self._delivered.emit(outcome, value)
        except RuntimeError:  # the window that asked closed meanwhile: no one to tell
            log.info("task %s finished after its owner was gone", self.name)

    def _is_cancel(self, exc: BaseException) -> bool:
        if isinstance(exc, self.cancel_errors):
            return True
        # An interrupted query after Cancel is the cancel arriving, not a failure.
        return (
            self._cancel.is_set()
            and isinstance(exc, sqlite3.OperationalError)
            and "interrupt" in str(exc)
        )

    # -- back on the GUI thread ----------------------------------------------------------

    def _show_progress(self, done: int, total: int) -> None:
        if self.dialog is not None and total:
            self.dialog.setMaximum(PROGRESS_STEPS)
            self.dialog.setValue(min(PROGRESS_STEPS, int(PROGRESS_STEPS * done / total)))
        self.progressed.emit(done, total)

    def _deliver(self, outcome: str, value: Any) -> None:
        self.outcome = outcome
        self._close_dialog()
        if outcome == "success":
            self.result = value
            self.succeeded.emit(value)
        elif outcome == "failure":
            self.error = value
            if not isinstance(value, ShopDeskError):
                log.error("task %s failed", self.name, exc_info=value)
            self.failed.emit(value)
        else:
            self.was_cancelled.emit()
        self.finished.emit()

    def _close_dialog(self) -> None:
        if self.delay is not None:
            self.delay.stop()
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()


class TaskRunner(QObject):
    """The window's pool of worker threads (plain Python threads: each job opens its own
    connections). `run` returns the Task; its callbacks run on the GUI thread."""

    def __init__(self, parent: QObject | None = None, max_workers: int = MAX_WORKERS):
        super().__init__(parent)
        self._queue: queue.Queue[Task | None] = queue.Queue()
        self._max_workers = max_workers
        self._threads: list[threading.Thread] = []
        self._free = 0  # worker threads waiting for a job
        self._lock = threading.Lock()
        self._tasks: set[Task] = set()  # alive until delivered, whatever happens to callers
        self._stopped = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def run(
        self,
        work: Callable[[TaskContext], Any],
        *,
        store_path: Path | str | None = None,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        progress: ProgressSpec | None = None,
        parent: QWidget | None = None,
        cancel_errors: tuple[type[BaseException], ...] = (),
        name: str = "",
        keep_store: bool = False,
    ) -> Task:
        """Queue `work(context)`; it starts on the next turn of the event loop, on the
        next free worker thread.
        `cancel_errors`: the core's own cancel exceptions (ImportCancelled ...), which
        mean on_cancelled, not on_failure.
        `keep_store`: a read-only job whose worker thread may keep its Store for the next
        one (see the module's doc)."""
        task = Task(
            work, store_path, progress, parent, cancel_errors, name or work.__name__, keep_store
        )
        if on_success is not None:
            task.succeeded.connect(on_success)
        if on_failure is not None:
            task.failed.connect(on_failure)
        if on_cancelled is not None:
            task.was_cancelled.connect(on_cancelled)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        if progress is not None:
            task.dialog = _progress_dialog(task, progress, parent)
            task.delay = QTimer(task, singleShot=True, interval=PROGRESS_DELAY_MS)
            task.delay.timeout.connect(task.show_progress_now)
            task.delay.start()
        self._tasks.add(task)
        task.finished.connect(lambda: self._tasks.discard(task))
        if self._stopped:
            task.cancel()
        # On the event loop's next turn: whoever got the task back connects first, and a
        # Cancel in this turn (a test, a seller faster than the loop) comes before any work.
        QTimer.singleShot(0, self, lambda: self._submit(task))
        return task

    def running(self) -> list[Task]:
        return [task for task in self._tasks if task.is_running()]

    def shutdown(self, timeout: float = 10.0) -> None:
        """Cancel every job and wait for the worker threads (the application quits)."""
        self._stopped = True
        for task in list(self._tasks):
            task.cancel()
        with self._lock:
            threads = list(self._threads)
            for _ in threads:
                self._queue.put(None)
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join(timeout)

    def _submit(self, task: Task) -> None:
        with self._lock:
            self._queue.put(task)
            if self._free < self._queue.qsize() and len(self._threads) < self._max_workers:
                thread = threading.Thread(
                    target=self._work_loop, name=f"shopdesk-task-{len(self._threads)}", daemon=True
                )
                self._threads.append(thread)
                thread.start()

    def _work_loop(self) -> None:
        while True:
            with self._lock:
                self._free += 1
            task = self._queue.get()
            with self._lock:
                self._free -= 1
            if task is None:
                _close_kept()
                return
            task._run()


def _progress_dialog(task: Task, spec: ProgressSpec, parent: QWidget | None) -> QProgressDialog:
    cancel_text = spec.cancel_text or QCoreApplication.translate("TaskRunner", "取消")
    dialog = QProgressDialog(spec.label, cancel_text if spec.cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(spec.title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(2**30)  # shown by the runner's own timer, never by Qt's guess
    dialog.canceled.connect(task.cancel)
    dialog.hide()
    return dialog


_runner: TaskRunner | None = None


def runner() -> TaskRunner:
    """The application's one runner (made on first use, shut down when the app quits)."""
    global _runner
    if _runner is None:
        _runner = TaskRunner(QCoreApplication.instance())
    return _runner
