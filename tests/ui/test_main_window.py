from shopdesk.ui.dialogs.order_form import OrderForm
from shopdesk.ui.main_window import MainWindow


def test_window_opens_switches_views_and_shows_a_case(qtbot, demo_store):
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()
    assert {"orders", "cases"} <= set(window.view_keys())
    window.show_view("cases")
    assert window.current_view_key() == "cases"
    window.cases_view.select_first()
    assert window.detail.currentWidget() is window.case_panel
    case = demo_store.get_case(window.case_panel.case_id)
    assert str(case.id) in window.case_panel.title.text()
    assert window.case_panel.sections[0].timeline.count() >= 1
    assert str(demo_store.path) in window.status_path.text()


def test_every_view_has_a_ctrl_number_shortcut(qtbot, demo_store):
    from PySide6.QtGui import QKeySequence

    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    position = window.view_keys().index("cases") + 1
    wanted = QKeySequence(f"Ctrl+{position}")
    (action,) = [a for a in window.actions() if a.shortcut() == wanted]
    action.trigger()
    assert window.current_view_key() == "cases"


def test_typing_in_search_filters_the_current_view(qtbot, demo_store):
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show_view("orders")
    window.search.setText("耳")  # typed letter by letter, as an input method commits them
    window.search.setText("耳机")
    qtbot.waitUntil(lambda: 0 < window.orders_view.model.rowCount() < 300)


def test_an_order_added_by_hand_appears_in_the_list(qtbot, demo_store):
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    form = OrderForm(demo_store, parent=window)
    qtbot.addWidget(form)
    form.fields["order_no"].setText("WX202611280001")
    form.fields["buyer_nick"].setText("微信买家小林")
    form.fields["paid"].setText("59.90")
    form.fields["paid_at"].setText("2026-11-28 10:00")
    form.save()
    assert form.saved is not None
    order = demo_store.find_order("other", "WX202611280001")
    assert order.paid_fen == 5990 and order.buyer_nick == "微信买家小林"


def test_a_bad_amount_is_explained_and_nothing_saved(qtbot, demo_store):
    form = OrderForm(demo_store)
    qtbot.addWidget(form)
    form.fields["order_no"].setText("WX202611280002")
    form.fields["paid"].setText("五十")
    form.fields["paid_at"].setText("2026-11-28 10:00")
    form.save()
    assert "实付金额" in form.error.text()
    assert demo_store.find_order("other", "WX202611280002") is None


def test_the_window_notices_writes_from_another_process(qtbot, demo_store):
    from shopdesk.store.store import Store

    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    with Store.open(demo_store.path) as other:
        other.save_order({"platform": "taobao", "order_no": "999000111", "state": "paid"})
    window.external_writes.check()
    assert window.orders_view.model.rowCount() == 301
