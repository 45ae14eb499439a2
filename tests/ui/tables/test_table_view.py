"""The height a table shows its rows in, read without the viewport widget."""

from __future__ import annotations

import pytest

from shopdesk.ui.tables.table_view import shown_height
from shopdesk.ui.views.orders_view import OrdersView


@pytest.mark.parametrize("width", [600, 2000])  # with and without a horizontal scroll bar
def test_the_shown_height_is_the_viewports(qtbot, demo_store, width):
    view = OrdersView(demo_store)
    qtbot.addWidget(view)
    view.resize(width, 500)
    view.show()
    qtbot.waitExposed(view)
    table = view.table
    assert table.horizontalScrollBar().isVisible() == (width == 600)
    assert shown_height(table) == table.viewport().height()
    first, last = view.visible_rows()
    assert first == 0 and last == table.rowAt(table.viewport().height() - 1)
