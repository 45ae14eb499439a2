"""Jobs a seller does in the window on one order: open a case (any kind, its start time),
mark the order shipped; and a restore that asks first and leaves every panel current."""

from __future__ import annotations

import contextlib
import io
import json
from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import QPoint
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from shopdesk.cli import main as cli_main
from shopdesk.domain.model import OrderState
from shopdesk.domain.timeutil import now_utc, to_text
from shopdesk.ui import safety
from shopdesk.ui.main_window import MainWindow
from shopdesk.ui.order_jobs import NewCaseDialog, ShipDialog, set_china_time


@pytest.fixture
def window(qtbot, demo_store):
    made = MainWindow(demo_store)
    qtbot.addWidget(made)
    made.resize(1280, 720)
    made.show()
    yield made
    made.external_writes.stop()


def _order_without_cases(store, state=OrderState.SHIPPED.value):
    for order in store.list_orders():
        if order.state == state and not store.list_cases(order_id=order.id):
            return order
    raise AssertionError(f"the demo has no {state} order without cases")


def _texts(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def _due_rows(window, title: str, order_no: str) -> list[int]:
    model = window.due_view.model
    found = []
    for row in range(model.rowCount()):
        texts = [model.index(row, c).data() or "" for c in range(model.columnCount())]
        if order_no in " ".join(texts) and title in " ".join(texts):
            found.append(row)
    return found


def test_a_bad_review_opened_from_an_order_shows_in_cases_with_its_clock(window, demo_store):
    order = _order_without_cases(demo_store)
    window.show_order(order.id)
    window.order_panel.new_case_button.click()
    dialog = window.findChild(NewCaseDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("bad_review"))
    started = now_utc() - timedelta(hours=2)
    set_china_time(dialog.opened_at, started)
    dialog.reason.setText("差评：物流慢")
    dialog.save()

    (case,) = demo_store.list_cases(order_id=order.id)
    assert case.kind == "bad_review" and case.reason == "差评：物流慢"
    assert case.opened_at == to_text(started.replace(second=0, microsecond=0))
    assert window.current_view_key() == "cases"
    assert window.detail.currentWidget() is window.case_panel
    assert window.case_panel.case_id == case.id
    current = window.cases_view.table.currentIndex()
    assert window.cases_view.model.row_id(current.row()) == case.id
    # its clock is on screen: 卖家解释评价, 30 days from the start
    assert window.case_panel.tabs.currentWidget().widget() is window.timeline_panel
    titles = [card.title.text() for card in window.timeline_panel.cards]
    assert any("解释评价" in t for t in titles), titles
    window.grab().save("/tmp/shots/window-jobs-case-from-order.png")


def test_the_window_and_case_add_write_the_same_case(window, demo_store):
    first = _order_without_cases(demo_store)
    window.new_case_for(first.id)
    dialog = window.findChild(NewCaseDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("return_refund"))
    started = (now_utc() - timedelta(hours=5)).replace(second=0, microsecond=0)
    set_china_time(dialog.opened_at, started)
    dialog.save()
    (from_window,) = demo_store.list_cases(order_id=first.id)
    out = io.StringIO()
    at = started.astimezone().isoformat()
    with contextlib.redirect_stdout(out):
        code = cli_main(
            ["case", "add", first.order_no, "--kind", "return_refund", "--at", at]
            + ["--db", str(demo_store.path), "--json"]
        )
    assert code == 0
    from_cli = demo_store.get_case(json.loads(out.getvalue())["id"])
    same = ("kind", "state", "opened_at", "next_due_at", "reason")
    assert [getattr(from_window, f) for f in same] == [getattr(from_cli, f) for f in same]


def test_a_start_in_the_future_is_refused_and_nothing_written(window, demo_store):
    order = _order_without_cases(demo_store)
    dialog = window.new_case_for(order.id)
    set_china_time(dialog.opened_at, now_utc() + timedelta(days=2))
    dialog.save()
    assert dialog.isVisible() and "开始时间" in dialog.error.text()
    assert demo_store.list_cases(order_id=order.id) == []


def test_ctrl_shift_n_and_the_orders_context_menu_open_a_case(window, demo_store):
    order = _order_without_cases(demo_store)
    wanted = QKeySequence("Ctrl+Shift+N")
    assert window.new_case_action.shortcut() == wanted
    window.show_order(order.id)
    window.new_case_action.trigger()
    dialog = window.findChild(NewCaseDialog)
    assert dialog is not None and dialog.order.id == order.id
    dialog.reject()
    shiboken6.delete(dialog)

    window.show_view("orders")
    table = window.orders_view.table
    window.orders_view.select_id(order.id)
    rect = table.visualRect(table.currentIndex())
    window._orders_context_menu(QPoint(rect.center()))
    texts = [a.text() for a in window._context_menu.actions()]
    assert texts[:2] == ["新建售后单…", "标记发货…"]
    window._context_menu.actions()[0].trigger()
    assert window.findChild(NewCaseDialog).order.id == order.id


def test_marking_shipped_clears_its_ship_by_row_from_due(window, demo_store):
    order = _order_without_cases(demo_store, OrderState.PAID.value)
    window.show_view("due")
    window.due_view.refresh()
    assert _due_rows(window, "卖家发货", order.order_no)
    window.show_order(order.id)
    window.order_panel.ship_button.click()
    dialog = window.findChild(ShipDialog)
    dialog.courier.setCurrentText("中通快递")
    dialog.tracking.setText("75312345678901")
    dialog.save()
    assert not dialog.isVisible()
    assert _due_rows(window, "卖家发货", order.order_no) == []
    shipped = demo_store.get_order(order.id)
    assert (shipped.state, shipped.courier, shipped.tracking_no) == (
        "shipped",
        "中通快递",
        "75312345678901",
    )
    assert "中通快递 75312345678901" in _texts(window.order_panel.facts)
    assert "已标记发货" in window.statusBar().currentMessage()


def test_a_tracking_number_that_cannot_be_one_is_refused(window, demo_store):
    order = _order_without_cases(demo_store, OrderState.PAID.value)
    dialog = window.ship_order(order.id)
    dialog.courier.setCurrentText("中通快递")
    dialog.tracking.setText("见聊天")
    dialog.save()
    assert dialog.isVisible() and "运单号" in dialog.error.text()
    assert demo_store.get_order(order.id).state == OrderState.PAID.value


def test_restore_asks_with_what_it_replaces_and_every_panel_shows_the_backup(
    qtbot, window, demo_store, monkeypatch
):
    safety.install(window)
    dialog = safety.open_backup_dialog(window)
    with qtbot.waitSignal(dialog.back_up_now().finished):
        pass
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    case = demo_store.list_cases()[0]
    demo_store.update_case(case.id, reason="备份之后改的原因")
    window.refresh()
    window.show_case(case.id)

    asked = []
    monkeypatch.setattr(dialog, "ask", lambda text: asked.append(text) or False)
    assert dialog.restore_selected() is None  # declined: nothing happens
    (question,) = asked
    counts = demo_store.counts()
    backup = dialog.list.currentItem().data(256)
    assert str(demo_store.path) in question and backup in question
    assert f"现有订单 {counts['orders']} 个" in question
    assert "备份时间：20" in question and "手动备份" in question
    assert demo_store.get_case(case.id).reason == "备份之后改的原因"

    monkeypatch.setattr(dialog, "ask", lambda text: True)
    with qtbot.waitSignal(dialog.restore_selected().finished):
        pass
    qtbot.waitUntil(lambda: "已恢复" in dialog.status.text())
    overview = window.case_panel.sections[0]
    shown = _texts(overview.facts)
    assert "备份之后改的原因" not in shown and case.reason in shown
