"""A table of store rows (orders, cases ...) that tells which record is selected."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QScrollBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.ui.tables.search_worker import SearchSource, SearchWorker
from shopdesk.ui.tables.table_model import PagedTableModel
from shopdesk.ui.tables.text_delegate import PlainTextDelegate

FIRST_ROWS = 64  # a search's first rows at least: a tall screen's worth


def shown_height(table: QTableView, scroll_bar: QScrollBar | None = None) -> int:
    """The height of the table's viewport, where its rows are shown, read without asking
    for the viewport widget: PySide's first wrapper of it works out its class by creating
    every widget class it knows (13 ms, measured), and the countdown asked before the
    window's first paint. `scroll_bar`: the table's horizontal one, if the caller keeps it
    (asked every countdown tick)."""
    height = table.maximumViewportSize().height()  # the viewport without scroll bars
    if scroll_bar is None:
        scroll_bar = table.horizontalScrollBar()
    return height - scroll_bar.height() if scroll_bar.isVisibleTo(table) else height


class CellTable(QTableView):
    """A QTableView whose cells' texts its PlainTextDelegate draws in one pass, once Qt
    has painted the rest of the page (see text_delegate.py)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # A viewport of our own, so that painting on it needs no wrapper of Qt's (see
        # shown_height: PySide's first one costs 13 ms).
        self._viewport = QWidget()
        self.setViewport(self._viewport)
        self.text_delegate: PlainTextDelegate | None = None

    def set_text_delegate(self, delegate: PlainTextDelegate) -> None:
        self.text_delegate = delegate
        self.setItemDelegate(delegate)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        delegate = self.text_delegate
        if delegate is None or self.itemDelegate() is not delegate:
            super().paintEvent(event)
            return
        delegate.begin_batch()
        try:
            super().paintEvent(event)
        finally:
            painter = QPainter(self._viewport)
            delegate.draw_batch(painter)
            painter.end()


class RecordTable(QWidget):
    """A view of one PagedTableModel; emits `selected(id)` and `activated(id)`."""

    selected = Signal(int)
    activated = Signal(int)
    search_shown = Signal(str)  # a search's first page is on screen (its text)

    def __init__(
        self,
        model: PagedTableModel,
        widths: list[int],
        parent=None,
        search_source: SearchSource | None = None,
    ):
        """`search_source`: where `start_search` reads in the background (without one,
        it searches on the GUI thread)."""
        super().__init__(parent)
        self.model = model
        self._search_source = search_source
        self._worker: SearchWorker | None = None
        self._asked = model.PAGE_SIZE  # rows the latest background search reads first
        self.table = CellTable(self)
        self._scroll_bar = self.table.horizontalScrollBar()  # for shown_height()
        # Cells are names, numbers and Chinese: nothing to shape (no ligatures, no joins),
        # and skipping it is a quarter of a page's paint. Only this property is set, so the
        # table still follows the window's font.
        cell_font = QFont()
        cell_font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        self.table.setFont(cell_font)
        # Rows of one fixed height and no row numbers, set before the model: else the row
        # header first asks the model about every row of its first page.
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(26)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.hide()
        self.table.setModel(model)
        self.table.set_text_delegate(PlainTextDelegate(model, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        # No column chosen yet: enabling sorting sorts by the indicator's column, so clear
        # it first and the model keeps its own default order (newest first).
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        header.setStretchLastSection(True)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda index: self._emit(self.activated, index.row()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self._emit(self.selected, current.row())

    def _emit(self, signal, row: int) -> None:
        record_id = self.model.row_id(row)
        if record_id is not None:
            signal.emit(record_id)

    def set_search(self, text: str) -> None:
        """Search now, on this thread (the rows are there when it returns)."""
        self.model.set_search(text)

    def start_search(self, text: str) -> None:
        """Search as the seller types: in the background, only the latest text is shown."""
        if self._search_source is None:
            self.set_search(text)
            self.search_shown.emit(text)
            return
        if self._worker is None:
            if (text or None) == self.model.search_text():
                return  # already shown (switching views, an empty box at start-up)
            worker = self._worker = SearchWorker(self._search_source)
            worker.page_ready.connect(self._show_page)
            worker.count_ready.connect(self._show_count)
            self.destroyed.connect(lambda *_args, w=worker: w.stop())
        sort, descending = self.model.sort_for(text or None)
        self._asked = self.first_rows()
        self._worker.search(text or None, sort, descending, self._asked)

    def first_rows(self) -> int:
        """How many rows a search reads before it is shown: the screen's and as many
        again for a scroll (the rest of the page is read when a row past them is asked
        for). Reading the whole page first cost the 待办 search half its time."""
        row_height = self.table.verticalHeader().defaultSectionSize()
        on_screen = shown_height(self.table, self._scroll_bar) // max(row_height, 1) + 1
        return min(self.model.PAGE_SIZE, max(FIRST_ROWS, 2 * on_screen))

    def stop_searching(self) -> None:
        if self._worker is not None:
            self._worker.stop()

    def _show_page(self, number: int, text: str | None, rows: list) -> None:
        if self._worker is None or number != self._worker.latest():
            return  # an older search: a newer one is on its way
        self.model.apply_search(text, rows, None, asked=self._asked)
        self.search_shown.emit(text or "")
        # Count once the page is painted (the timer runs after the pending paint).
        QTimer.singleShot(0, lambda w=self._worker, n=number: w.count_after(n))

    def _show_count(self, number: int, count: int) -> None:
        if self._worker is not None and number == self._worker.latest():
            self.model.apply_count(count)

    def refresh(self) -> None:
        """Re-read the rows, keeping the selected record selected if it is still there."""
        current = self.table.currentIndex()
        keep = self.model.row_id(current.row()) if current.isValid() else None
        self.model.refresh()
        if keep is not None:
            for row in range(min(self.model.rowCount(), self.model.PAGE_SIZE)):
                if self.model.row_id(row) == keep:
                    self.table.selectRow(row)
                    break

    def select_id(self, record_id: int) -> bool:
        """Select the record's row if it is among the rows read so far."""
        for row in range(min(self.model.rowCount(), self.model.PAGE_SIZE)):
            if self.model.row_id(row) == record_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return True
        return False

    def select_first(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)

    def visible_rows(self) -> tuple[int, int]:
        """First and last row on screen (-1, -1 when empty), for countdown repaints."""
        top = self.table.rowAt(0)
        if top < 0:
            return -1, -1
        bottom = self.table.rowAt(shown_height(self.table, self._scroll_bar) - 1)
        return top, bottom if bottom >= 0 else self.model.rowCount() - 1
