"""First start: a welcome page inside the main window on an empty store (never in front
of data), and an empty 待办 that says what to do next."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QProcess

from shopdesk.store.store import Store
from shopdesk.ui.dialogs import welcome
from shopdesk.ui.main_window import MainWindow


@pytest.fixture
def open_window(qtbot):
    made = []

    def open_(store) -> MainWindow:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        made.append(window)
        return window

    yield open_
    for window in made:
        window.external_writes.stop()
        window.close()
        shiboken6.delete(window)


def test_an_empty_store_opens_on_the_welcome_page_and_saves_the_shop(open_window, store):
    window = open_window(store)
    assert window.welcome is not None and window.pages.currentWidget() is window.welcome
    assert window.welcome.isVisible() and not window.splitter.isVisible()
    window.grab().save("/tmp/shots/window-jobs-welcome-test.png")
    page = window.welcome
    page.name.setText("小满家居旗舰店")
    page.platform.setCurrentIndex(page.platform.findData("taobao"))
    page.address.setPlainText("浙江省杭州市余杭区 小满 13800000000")
    page.signature.setText("小满家居 客服小满")
    page.save_button.click()
    (shop,) = store.list_shops()
    assert (shop.name, shop.platform, shop.return_address, shop.signature) == (
        "小满家居旗舰店",
        "taobao",
        "浙江省杭州市余杭区 小满 13800000000",
        "小满家居 客服小满",
    )
    assert window.welcome is None and window.pages.currentWidget() is window.splitter
    assert open_window(store).welcome is None  # once is enough


def test_a_shop_name_is_needed_to_save_but_the_page_can_be_skipped(open_window, store):
    window = open_window(store)
    window.welcome.save_button.click()
    assert "店铺名称" in window.welcome.error.text() and store.list_shops() == []
    window.welcome.skip_button.click()
    assert window.welcome is None and store.list_shops() == []
    assert open_window(store).welcome is None  # skipped: later in 设置 → 店铺设置


def test_a_store_with_data_never_gets_the_welcome(open_window, demo_store):
    assert open_window(demo_store).welcome is None


def test_the_page_offers_import_and_the_demo_in_a_window_of_its_own(
    open_window, store, monkeypatch
):
    window = open_window(store)
    chosen = []
    monkeypatch.setattr(window.import_controller, "choose_files", lambda: chosen.append(1))
    window.welcome.import_button.click()
    assert chosen == [1]
    started = []
    monkeypatch.setattr(
        QProcess, "startDetached", lambda program, args: started.append(args) or (True, 1)
    )
    window.welcome.demo_button.click()
    (args,) = started
    assert "--demo" in args and "--db" not in args
    assert "另一个窗口" in window.welcome.demo_status.text()
    assert store.counts()["orders"] == 0  # the seller's store is left as it was


def test_data_arriving_while_the_page_shows_leaves_it(open_window, store, tmp_path):
    window = open_window(store)
    with Store.open(store.path) as other:  # as an import or the command line would
        other.save_order(
            {"platform": "taobao", "order_no": "300000000000123", "state": "paid",
             "status": "买家已付款，等待卖家发货", "paid_at": "2026-11-28T01:00:00Z"}
        )  # fmt: skip
    window.refresh()
    assert window.welcome is None and window.pages.currentWidget() is window.splitter


def test_an_empty_due_list_says_what_to_do_next(open_window, store, monkeypatch):
    window = open_window(store)
    window.welcome.skip_button.click()
    window.show_view("due")
    due = window.due_view
    assert due.pages.currentWidget() is due.empty and due.empty.isVisible()
    assert "还没有订单" in due.empty.heading.text()
    assert "Ctrl+I" in due.empty.message.text()
    asked = []
    monkeypatch.setattr(window.import_controller, "choose_files", lambda: asked.append("import"))
    due.empty.import_button.click()
    monkeypatch.setattr(window, "add_order", lambda: asked.append("add"))
    due.empty.add_order_requested.disconnect()
    due.empty.add_order_requested.connect(window.add_order)
    due.empty.add_button.click()
    assert asked == ["import", "add"]
    window.grab().save("/tmp/shots/window-jobs-due-empty-test.png")


def test_a_full_due_list_shows_its_rows_and_a_search_without_match_says_so(open_window, demo_store):
    window = open_window(demo_store)
    due = window.due_view
    assert due.pages.currentWidget() is due.records and due.model.rowCount() > 0
    due.set_search("没有这样的买家zzzz")
    assert due.pages.currentWidget() is due.empty
    assert "没有符合搜索" in due.empty.heading.text() and not due.empty.add_button.isVisible()
    due.set_search("")
    assert due.pages.currentWidget() is due.records


def test_needs_welcome_only_for_a_store_with_nothing(store, demo_store):
    assert welcome.needs_welcome(store)
    assert not welcome.needs_welcome(demo_store)
