"""Keeping the cached clocks (next deadline per order and case) up to date for the window.

At start the window paints first, with the clocks as last saved (after a night, a big
store has hundreds come due); then they are brought up to date. Little work is done at
once; a big catch-up (the first start on a big store, a new rule set, an import of
100,000 orders) is a job of the task runner, started after the window's first paint (it
competes with the window for Python's one interpreter lock)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from shopdesk.domain.errors import StoreLockedError
from shopdesk.services import clocks
from shopdesk.services.changes import ALL, Changes
from shopdesk.services.session import Store
from shopdesk.ui.countdown import ui_now
from shopdesk.ui.tasks import Task, TaskContext, TaskRunner

BACKGROUND_ABOVE = 5000  # rows: recompute on the task runner above this


def tr(text: str) -> str:
    return QCoreApplication.translate("DueView", text)


class FirstPaint(QObject):
    """Notes a widget's first paint and then runs what waited for it, so the seller sees
    the window before background work starts."""

    def __init__(self, widget: QObject):
        super().__init__(widget)
        self.painted = False
        self.waiting: list = []
        widget.installEventFilter(self)

    def then(self, work) -> None:
        if self.painted:
            work()
        else:
            self.waiting.append(work)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            watched.removeEventFilter(self)
            for work in self.waiting:
                QTimer.singleShot(0, work)  # once this paint is done
            self.waiting.clear()
        return False


class ClockCatchUp(QObject):
    """`bring_up_to_date()`: everything when the rule sets changed since the store was
    last computed (first start, an update, a loaded file), else what was written or came
    due. Emits `caught_up` when work done after the first paint or in the background is
    done (the window then refreshes the views that show clocks). Interrupted (the window
    closed, Cancel), the job leaves its marks unset and the next one starts over."""

    caught_up = Signal(object)  # the Changes of services.clocks

    def __init__(
        self,
        store: Store,
        tasks: TaskRunner,
        first_paint: FirstPaint,
        status_bar: QStatusBar,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.first_paint = first_paint
        self.status_bar = status_bar
        self.waiting = False  # a background job waits for the first paint
        self.task: Task | None = None
        self.started = False  # the catch-up at start has run (or started its job)

    @property
    def busy(self) -> bool:
        return self.waiting or self.task is not None

    def bring_up_to_date(self) -> int:
        """Returns the rows recomputed here and now (0 when none, or when a background
        job will do it and emit `caught_up`)."""
        if self.store.read_only:
            return 0  # a store on a read-only disk shows its clocks as last saved
        if self.busy:
            return 0  # the job running will have the views refreshed when done
        store, now = self.store, ui_now()
        work = clocks.clock_work(store, now)
        if work.nothing:
            return 0  # nothing written or come due: the clock engine is not even loaded
        if work.size <= BACKGROUND_ABOVE:
            try:
                with store.not_waiting():  # never frozen behind an import's write lock
                    return clocks.do_clock_work(store, now, work)  # the rows just found
            except StoreLockedError:
                return 0  # a worker is writing: its Changes bring the next catch-up
        self.waiting = True
        self.first_paint.then(self._start)
        return 0

    def once_painted(self) -> None:
        """At start: bring the clocks up to date once the window has painted."""
        self.first_paint.then(self._catch_up_at_start)

    @property
    def settled(self) -> bool:
        """The catch-up at start is done and nothing runs: the store is not being written."""
        return self.started and not self.busy

    def _catch_up_at_start(self) -> None:
        self.started = True
        if self.bring_up_to_date():  # a little, done here: else a job emits when done
            self.caught_up.emit(Changes(orders=ALL, cases=ALL))

    def cancel(self) -> None:
        self.waiting = False
        if self.task is not None:
            self.task.cancel()

    def _start(self) -> None:
        if not self.waiting:
            return  # cancelled before the window painted
        self.waiting = False
        label = _RecomputeLabel(tr("正在计算平台时限…"))
        self.status_bar.addPermanentWidget(label)
        self.task = self.tasks.run(
            _recompute,
            store_path=self.store.path,
            on_progress=label.show_progress,
            name="recompute clocks",
        )
        self.task.finished.connect(label.deleteLater)
        self.task.finished.connect(self._finished)

    def _finished(self) -> None:
        task, self.task = self.task, None
        if task is not None and task.outcome == "success":
            self.caught_up.emit(task.result)


def _recompute(context: TaskContext) -> Changes:
    return clocks.bring_up_to_date(
        context.store(), ui_now(), on_progress=context.progress, cancelled=context.cancelled
    )


class _RecomputeLabel(QLabel):
    def show_progress(self, done: int, total: int) -> None:
        self.setText(
            tr("正在计算平台时限… %1/%2").replace("%1", str(done)).replace("%2", str(total))
        )
