"""Columns wide enough for what they show whole: an order number cut short (PDD's
261202-86178795317…) makes the rows of one day look alike."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QStyle, QTableView

from shopdesk.services import platforms


def cell_padding(table: QTableView) -> int:
    """What a cell takes beside its text (its margins and focus frame)."""
    return 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 14


def width_for(table: QTableView, column: int, texts: Iterable[str]) -> int:
    """The width that shows each of `texts` whole in the table's font, and the column's
    title with its sort arrow."""
    widest = max((table.fontMetrics().horizontalAdvance(t) for t in texts), default=0)
    title = str(table.model().headerData(column, table.horizontalHeader().orientation()) or "")
    header = table.horizontalHeader().fontMetrics().horizontalAdvance(title) + 24
    return max(widest + cell_padding(table), header)


def fit_order_numbers(table: QTableView, column: int) -> None:
    """The order number column as wide as the longest order number of any platform."""
    table.setColumnWidth(column, width_for(table, column, platforms.order_no_forms()))
