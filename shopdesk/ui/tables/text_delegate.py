"""Paints a table's plain cells itself: one finished text, drawn at its place.

Qt's item delegate lays out every cell's text as a paragraph (QTextLayout, then elision),
which was half of a search's time to the painted page (≈ 37 µs a cell, 200 cells a page).
A plain cell (a column with no colour, font or tooltip of its own, see table_model.Column)
in no special state is drawn here with one `drawText` at its baseline, cut short with
Qt's own elision only when the text is wider than the cell. Everything else (a selected
or hovered row, the cell with the focus, the countdown's coloured cells) is left to the
style's delegate, so those look exactly as the platform draws them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
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
        self._advances: dict[str, int] = {}  # a character's width in the view's font
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
        metrics = self._metrics
        if metrics is None:
            metrics = self._learn_font()
        x, y, width, height = option.rect.getRect()
        room = width - self._margin * 2
        advances = self._advances
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
        # The painter has the view's font: the style's delegate restores what it changes.
        painter.setPen(self._pen(state & (_ENABLED | _ACTIVE)))
        painter.drawText(x, y + (height - self._line_height) // 2 + self._ascent, text)

    def _learn_font(self) -> QFontMetrics:
        """The view's font's measures, and the style's text margin (its own delegate
        leaves that much left and right)."""
        view = self._view
        metrics = self._metrics = QFontMetrics(view.font())
        self._line_height = metrics.height()
        self._ascent = metrics.ascent()
        focus_margin = QStyle.PixelMetric.PM_FocusFrameHMargin
        self._margin = view.style().pixelMetric(focus_margin, None, view) + 1
        return metrics

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


_LOOKS_CHANGED = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
