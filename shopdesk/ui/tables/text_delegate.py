"""Paints a table's cells itself: one finished text each, drawn at its place.

Qt's item delegate lays out every cell's text as a paragraph (QTextLayout, then elision),
which was half of a search's time to the painted page (≈ 37 µs a cell, 200 cells a page).
A cell in no special state is drawn here with one `drawText` at its baseline, cut short
with Qt's own elision only when the text is wider than the cell: a plain one (a column
with no colour, font or tooltip of its own, see table_model.Column) and one whose column
has a look (the countdown: its urgency's background filled, its text in its colour, bold
when late; the style's own delegate took 115 µs a cell for these). A selected or hovered
row and the cell with the focus are left to the style's delegate, so those look exactly
as the platform draws them, and so is a column with roles but no look.

In a CellTable (table_view.py) the cells Qt asks for during one paint are noted and drawn
together once Qt has painted the rest (backgrounds, grid, the style's cells): one loop
instead of a Python call with its own work per cell, a third of a page's paint.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from shopdesk.ui.tables.table_model import PagedTableModel

_ELIDE = Qt.TextElideMode.ElideRight
# The option's state as a plain number: Python's enum operators cost 2 µs a cell.
_STYLED = (  # states whose look belongs to the style: highlight, hover, focus frame
    QStyle.StateFlag.State_Selected
    | QStyle.StateFlag.State_MouseOver
    | QStyle.StateFlag.State_HasFocus
).value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value

# A cell to draw: its row, column, rect (x, y, width, height) and enabled/active state.
Cell = tuple[int, int, tuple[int, int, int, int], int]


class PlainTextDelegate(QStyledItemDelegate):
    """The delegate of a RecordTable over a PagedTableModel."""

    def __init__(self, model: PagedTableModel, view: QTableView):
        super().__init__(view)
        self._model = model
        self._view = view
        self._batch: list[Cell] | None = None
        self._forget_looks()
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _LOOKS_CHANGED:
            self._forget_looks()
        return False

    def _forget_looks(self) -> None:
        """The view's font, palette or style changed (a language, a zoom, a theme)."""
        self._metrics: QFontMetrics | None = None
        self._pens: dict[int, QColor] = {}  # by enabled/active state

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        column = index.column()
        state = option.state.value
        if state & _STYLED or column in self._model.styled_columns:
            super().paint(painter, option, index)
            return
        cell = (index.row(), column, option.rect.getRect(), state & (_ENABLED | _ACTIVE))
        if self._batch is not None:
            self._batch.append(cell)  # drawn by draw_batch, after the view's own painting
        else:
            self.draw_cells(painter, [cell])

    def begin_batch(self) -> None:
        """Note the cells asked for from now on instead of drawing each (a paint began)."""
        self._batch = []

    def draw_batch(self, painter: QPainter) -> None:
        """Draw the cells noted since begin_batch (`painter`: on the view's viewport)."""
        cells, self._batch = self._batch, None
        if cells:
            self.draw_cells(painter, cells)

    def draw_cells(self, painter: QPainter, cells: list[Cell]) -> None:
        """Each cell's text (and look) at its place, in the view's font."""
        if self._metrics is None:
            self._learn_font()
        model = self._model
        looks, right_aligned = model.looks, model.right_aligned
        painter.setFont(self._font)
        pen = None
        for number, column, rect, state in cells:
            text = model.plain_text(number, column)
            if not text:
                continue
            look = None if looks[column] is None else model.cell_look(number, column)
            wanted = self._pens.get(state) or self._pen(state)
            measures = self._regular
            if look is not None:
                if look.background is not None:
                    painter.fillRect(*rect, look.background)
                wanted = look.foreground or wanted
                if look.bold:
                    measures = self._bold
                    painter.setFont(self._bold_font)
            if wanted is not pen:
                painter.setPen(wanted)
                pen = wanted
            self._draw_text(painter, rect, text, measures, right_aligned[column])
            if measures is self._bold:
                painter.setFont(self._font)  # the next cell is in the view's font

    def _draw_text(self, painter, rect, text: str, measures: _Measures, right: bool) -> None:
        """One text in the painter's font (measured by `measures`) at its baseline in
        `rect`, cut short to fit."""
        metrics, advances, line_height, ascent = measures
        x, y, width, height = rect
        margin = self._margin
        room = width - margin * 2
        wide = 0
        for character in text:
            advance = advances.get(character)
            if advance is None:
                advance = advances[character] = metrics.horizontalAdvance(character)
            wide += advance
        if wide > room:
            text = metrics.elidedText(text, _ELIDE, room)
            wide = metrics.horizontalAdvance(text)
        left = x + width - margin - wide if right else x + margin
        painter.drawText(left, y + (height - line_height) // 2 + ascent, text)

    def _learn_font(self) -> None:
        """The view's font's measures, and the style's text margin (its own delegate
        leaves that much left and right)."""
        view = self._view
        self._font = view.font()
        self._bold_font = QFont(self._font)
        self._bold_font.setBold(True)
        self._regular = _measures(self._font)
        self._bold = _measures(self._bold_font)
        self._metrics = self._regular[0]
        focus_margin = QStyle.PixelMetric.PM_FocusFrameHMargin
        self._margin = view.style().pixelMetric(focus_margin, None, view) + 1

    def _pen(self, state: int) -> QColor:
        pen = self._pens.get(state)
        if pen is None:
            if not state & _ENABLED:
                group = QPalette.ColorGroup.Disabled
            elif state & _ACTIVE:
                group = QPalette.ColorGroup.Active
            else:
                group = QPalette.ColorGroup.Inactive
            pen = self._pens[state] = self._view.palette().color(group, QPalette.ColorRole.Text)
        return pen


# A font's metrics, the widths of the characters met so far, its line height and ascent.
_Measures = tuple[QFontMetrics, dict[str, int], int, int]


def _measures(font: QFont) -> _Measures:
    metrics = QFontMetrics(font)
    return metrics, {}, metrics.height(), metrics.ascent()


_LOOKS_CHANGED = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
