"""Paints a table's plain cells itself: one finished text, drawn at its place.

Qt's item delegate lays out every cell's text as a paragraph (QTextLayout, then elision),
which was half of a search's time to the painted page (≈ 37 µs a cell, 200 cells a page).
A cell in no special state is drawn here with one `drawText` at its baseline, cut short
with Qt's own elision only when the text is wider than the cell: a plain one (a column
with no colour, font or tooltip of its own, see table_model.Column) and one whose column
has a look (the countdown: its urgency's background filled, its text in its colour, bold
when late; the style's own delegate took 115 µs a cell for these). A selected or hovered
row and the cell with the focus are left to the style's delegate, so those look exactly
as the platform draws them, and so is a column with roles but no look.
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


class PlainTextDelegate(QStyledItemDelegate):
    """The delegate of a RecordTable over a PagedTableModel."""

    def __init__(self, model: PagedTableModel, view: QTableView):
        super().__init__(view)
        self._model = model
        self._view = view
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
        text = self._model.plain_text(index.row(), column)
        state = option.state.value
        if text is None or state & _STYLED:
            super().paint(painter, option, index)
            return
        if not text:
            return
        if self._metrics is None:
            self._learn_font()
        rect = option.rect
        looks = self._model.looks[column]
        look = None if looks is None else self._model.cell_look(index.row(), column)
        if look is None:
            pen = self._pen(state & (_ENABLED | _ACTIVE))
            self._draw(painter, rect, column, text, self._regular, pen)
            return
        if look.background is not None:
            painter.fillRect(rect, look.background)
        pen = look.foreground or self._pen(state & (_ENABLED | _ACTIVE))
        if not look.bold:
            self._draw(painter, rect, column, text, self._regular, pen)
            return
        painter.setFont(self._bold_font)
        self._draw(painter, rect, column, text, self._bold, pen)
        painter.setFont(self._font)  # the next cell expects the view's font

    def _draw(self, painter, rect, column, text, font: _Measures, pen) -> None:
        """`text` at its baseline in `rect` in the painter's font (measured by `font`),
        cut short to fit."""
        metrics, advances, line_height, ascent = font
        x, y, width, height = rect.getRect()
        room = width - self._margin * 2
        wide = 0
        for character in text:
            advance = advances.get(character)
            if advance is None:
                advance = advances[character] = metrics.horizontalAdvance(character)
            wide += advance
        if wide > room:
            text = metrics.elidedText(text, _ELIDE, room)
            wide = metrics.horizontalAdvance(text)
        if self._model.right_aligned[column]:
            x += width - self._margin - wide
        else:
            x += self._margin
        painter.setPen(pen)
        painter.drawText(x, y + (height - line_height) // 2 + ascent, text)

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
