from shopdesk.ui.views.cases_view import CasesView
from shopdesk.ui.views.orders_view import OrdersView


def test_orders_model_passes_the_model_tester(qtbot, qtmodeltester, demo_store):
    view = OrdersView(demo_store)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 300


def test_cases_model_passes_the_model_tester(qtbot, qtmodeltester, demo_store):
    view = CasesView(demo_store)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == demo_store.count_cases()


def test_search_narrows_the_orders_and_clearing_it_brings_them_back(qtbot, demo_store):
    view = OrdersView(demo_store)
    qtbot.addWidget(view)
    view.set_search("保温杯")
    shown = view.model.rowCount()
    assert 0 < shown < 300
    titles = [view.model.row(i)["item_titles"] for i in range(shown)]
    assert all("保温杯" in t for t in titles)
    view.set_search("")
    assert view.model.rowCount() == 300


def test_sorting_by_amount_puts_the_biggest_first(qtbot, demo_store):
    from PySide6.QtCore import Qt

    view = OrdersView(demo_store)
    qtbot.addWidget(view)
    column = [c.sort_key for c in view.model.columns].index("paid_fen")
    view.model.sort(column, Qt.SortOrder.DescendingOrder)
    first, second = view.model.row(0)["paid_fen"], view.model.row(1)["paid_fen"]
    biggest = demo_store.db.execute("SELECT max(paid_fen) FROM orders").fetchone()[0]
    assert first == biggest >= second
