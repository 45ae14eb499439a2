"""The countdown column (剩余 1天23时 · 估算, amber under 24 h, red under 4 h) and the
ticker that repaints it: only the rows on screen, only when their text changes, with
one timer set for the next instant any visible text changes. The cost of a tick depends
on the rows on screen, never on how many rows the table has."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from shopdesk.domain.countdown import Countdown, Urgency, countdown
from shopdesk.domain.timeutil import from_text, now_utc
from shopdesk.ui.i18n import current_language
from shopdesk.ui.tables.table_model import CellLook, Column, Row
from shopdesk.ui.tables.table_view import shown_height

_clock: Callable[[], datetime] = now_utc
MAX_WAIT = timedelta(minutes=30)  # re-check at least this often (sleep, clock changes)

FOREGROUND = {
    Urgency.AMBER: QColor("#8a5300"),
    Urgency.RED: QColor("#b00020"),
    Urgency.OVERDUE: QColor("#ffffff"),
}
BACKGROUND = {
    Urgency.AMBER: QColor("#fff1d6"),
    Urgency.RED: QColor("#ffdede"),
    Urgency.OVERDUE: QColor("#c62828"),
}


def ui_now() -> datetime:
    """The window's idea of now (tests and screenshots set a fixed clock)."""
    return _clock()


def set_clock(clock: Callable[[], datetime]) -> None:
    global _clock
    _clock = clock


def tr(text: str) -> str:
    return QCoreApplication.translate("Countdown", text)


# A row's countdown as last worked out: (row, due, language, from, countdown). A cell
# asks four times per paint (text, colours, font) and the text holds until `changes_at`.
_worked_out: dict[int, tuple] = {}
_KEEP = 1024


def row_countdown(row: Row, now: datetime | None = None) -> Countdown | None:
    due = row.get("next_due_at")
    if not due:
        return None
    now = now or ui_now()
    language = current_language()
    kept = _worked_out.get(id(row))
    if kept is not None:
        kept_row, kept_due, kept_language, since, shown = kept
        if (
            kept_row is row
            and kept_due == due
            and kept_language == language
            and since <= now < shown.changes_at
        ):
            return shown
    shown = countdown(from_text(due), now, language)
    if len(_worked_out) >= _KEEP:
        _worked_out.clear()
    _worked_out[id(row)] = (row, due, language, now, shown)
    return shown


def is_platform_basis(row: Row) -> bool:
    return bool(row.get("platform_deadline")) and row.get("platform_deadline") == row.get(
        "next_due_at"
    )


def countdown_display(row: Row) -> str:
    shown = row_countdown(row)
    if shown is None:
        return ""
    return shown.text if is_platform_basis(row) else f"{shown.text} · {tr('估算')}"


def seller_acts(row: Row) -> bool:
    """Colour is for urgency the seller must act on; a buyer's clock stays plain."""
    return row.get("next_due_party", "seller") in ("seller", "both", None)


LOOKS = {
    urgency: CellLook(FOREGROUND[urgency], BACKGROUND[urgency], bold=urgency != Urgency.AMBER)
    for urgency in FOREGROUND
}  # amber: coloured; red and overdue: bold too


def countdown_look(row: Row) -> CellLook | None:
    """How urgent the row's clock looks (None: plain)."""
    shown = row_countdown(row) if seller_acts(row) else None
    return None if shown is None else LOOKS.get(shown.urgency)


def countdown_column(explain: Callable[[Row], str] | None = None) -> Column:
    """The 剩余时间 column for a PagedTableModel whose rows carry next_due_at (and, for
    cases, platform_deadline). `explain(row)` gives the tooltip."""
    roles = {} if explain is None else {Qt.ItemDataRole.ToolTipRole: explain}
    return Column(
        tr("剩余时间"), countdown_display, "next_due", roles=roles, live=True, look=countdown_look
    )


class CountdownTicker(QObject):
    """Keeps one table's countdown column current: repaints the visible rows whose text
    changed, then sleeps until the next change of any visible row."""

    def __init__(self, view: QTableView, column: int, parent: QObject | None = None):
        super().__init__(parent or view)
        self.view = view
        self.column = column
        self.shown: dict[int, str] = {}  # row -> text last painted (visible rows only)
        self.repainted_rows = 0  # for tests and the benchmark
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # the text turns on the second
        self.timer.timeout.connect(self.tick)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self.restart)
        view.verticalScrollBar().valueChanged.connect(self.restart)
        self.scroll_bar = view.horizontalScrollBar()  # for shown_height(), every tick
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show:
            self.restart()
        return False

    def visible_rows(self) -> range:
        model = self.view.model()
        if model.rowCount() == 0:
            return range(0)
        top = self.view.rowAt(0)
        if top < 0:
            return range(0)
        bottom = self.view.rowAt(shown_height(self.view, self.scroll_bar) - 1)
        if bottom < 0:
            bottom = model.rowCount() - 1
        return range(top, bottom + 1)

    def restart(self, *_args) -> None:
        """The rows on screen changed (scroll, sort, reload): start over from them."""
        self.shown.clear()
        self.tick()

    def tick(self, now: datetime | None = None) -> int:
        """Repaint the visible rows whose text changed; schedule the next tick. Returns
        how many rows were repainted."""
        if not self.view.isVisible():
            self.timer.stop()  # hidden (another view, the tray): wake up on Show
            self.shown.clear()
            return 0
        now = now or ui_now()
        model = self.view.model()
        changed: list[int] = []
        next_change: datetime | None = None
        visible = self.visible_rows()
        for row in visible:
            data = model.row(row) if hasattr(model, "row") else None
            shown = row_countdown(data, now) if data else None
            text = "" if shown is None else f"{shown.text}|{shown.urgency}"
            if self.shown.get(row) != text:
                if row in self.shown:
                    changed.append(row)
                self.shown[row] = text
            if shown is not None and (next_change is None or shown.changes_at < next_change):
                next_change = shown.changes_at
        for row in [r for r in self.shown if r not in visible]:
            del self.shown[row]
        for first, last in _runs(changed):
            model.dataChanged.emit(
                model.index(first, self.column),
                model.index(last, self.column),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole],
            )
        self.repainted_rows += len(changed)
        self._schedule(now, next_change)
        return len(changed)

    def _schedule(self, now: datetime, next_change: datetime | None) -> None:
        wait = MAX_WAIT if next_change is None else min(MAX_WAIT, next_change - now)
        self.timer.start(max(0, int(wait.total_seconds() * 1000)) + 50)

    def next_tick_in_ms(self) -> int:
        return self.timer.remainingTime() if self.timer.isActive() else -1


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def add_countdown_column(
    view_widget, explain: Callable[[Row], str] | None = None, position: int = 1
) -> CountdownTicker:
    """Insert the countdown column into a RecordTable's model at `position` and keep it
    ticking."""
    model = view_widget.model
    model.beginInsertColumns(QModelIndex(), position, position)
    model.columns.insert(position, countdown_column(explain))
    model.endInsertColumns()
    view_widget.table.setColumnWidth(position, 150)
    ticker = CountdownTicker(view_widget.table, position, view_widget)
    ticker.restart()
    return ticker
