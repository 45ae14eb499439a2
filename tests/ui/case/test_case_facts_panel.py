"""The 原因与费用 tab and the Qianniu paste dialog, as a seller uses them."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDialog

from shopdesk.domain.timeutil import from_text, now_utc
from shopdesk.services.case_steps import add_case_event
from shopdesk.store.case_facts import apply_reason
from shopdesk.ui.case.case_facts_panel import CaseFactsPanel
from shopdesk.ui.dialogs.paste_case_dialog import PasteCaseDialog
from tests.platforms.test_qianniu_paste import ONE_LINE


def _return_case(store, reason="包装/商品破损/污渍"):
    order = store.save_order(
        {"platform": "taobao", "order_no": "3515313147329357900", "buyer_nick": "tb_a",
         "state": "success"}
    )  # fmt: skip
    store.add_order_line(order.id, "日式保温杯 400ml", quantity=2, position=1)
    case = store.add_case(order.id, "return_refund", "2026-11-20T02:00:00Z", reason=reason)
    apply_reason(store, case.id, "taobao", reason)
    return case.id


def _panel(qtbot, store, case_id):
    panel = CaseFactsPanel(store)
    qtbot.addWidget(panel)
    panel.resize(900, 900)
    panel.show_case(case_id)
    return panel


def test_the_seller_answers_the_question_and_records_money(qtbot, store):
    case_id = _return_case(store)
    panel = _panel(qtbot, store, case_id)
    assert panel.platform_words.text() == "包装/商品破损/污渍"
    assert "外包装是否完好" in panel.question.text() and not panel.question.isHidden()
    panel.cause.setCurrentIndex(panel.cause.findData("courier_service"))
    panel.cause_note.setText("外包装破损")
    with qtbot.waitSignal(panel.changed):
        panel.save_cause.click()
    panel.show_case(case_id)
    assert store.get_case(case_id).cause_source == "seller"
    assert panel.question.isHidden()

    panel.money_kind.setCurrentIndex(panel.money_kind.findData("compensation"))
    panel.amount.setText("5")
    panel.money_note.setText("聊天里答应补偿5元运费")
    with qtbot.waitSignal(panel.changed):
        panel.add_money.click()
    panel.show_case(case_id)
    assert panel.money_table.rowCount() == 1
    assert panel.money_table.item(0, 1).text() == "¥5.00"
    assert "补偿 ¥5.00" in panel.totals.text() and "净损失 ¥5.00" in panel.totals.text()
    panel.amount.setText("-3")
    panel.add_money.click()
    assert "负数" in panel.message.text()
    assert panel.money_table.rowCount() == 1  # nothing written


def test_inspection_after_the_return_arrives_suggests_the_defect(qtbot, store):
    case_id = _return_case(store, reason="7天无理由退换货")
    panel = _panel(qtbot, store, case_id)
    assert not panel.inspection_rows  # not received yet: only a hint
    for step in ("seller_agreed", "buyer_shipped_return", "seller_received_return"):
        add_case_event(store, case_id, step)
    panel.show_case(case_id)
    [(position, good, bad, restock)] = panel.inspection_rows
    good.setValue(1)
    bad.setValue(1)
    with qtbot.waitSignal(panel.changed):
        panel.save_inspection.click()
    assert "次品照片" in panel.message.text()
    case = store.get_case(case_id)
    assert (case.cause, case.cause_source) == ("seller_defect", "inspection")


def test_a_case_that_ends_in_the_window_asks_how_it_ended(qtbot, store):
    case_id = _return_case(store)
    panel = _panel(qtbot, store, case_id)
    assert panel.outcome_dialog is None
    add_case_event(store, case_id, "withdrawn")
    panel.show_case(case_id)
    dialog = panel.outcome_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.form.outcome.setCurrentIndex(dialog.form.outcome.findData("withdrawn"))
    with qtbot.waitSignal(panel.changed):
        dialog.accept()
    assert store.get_case(case_id).outcome == "withdrawn"
    panel.show_case(case_id)  # asked once: not again
    assert panel.outcome_dialog is dialog


def test_the_paste_dialog_shows_what_it_read_and_opens_the_case(qtbot, store):
    dialog = PasteCaseDialog(store)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("退款原因：质量问题")
    assert not dialog.ok.isEnabled() and "没有订单编号或退款编号" in dialog.problem.text()
    dialog.text.setPlainText(ONE_LINE)
    assert dialog.ok.isEnabled()
    assert dialog.fields["order_no"].text() == "3515313147329357900"
    assert dialog.fields["reason"].text() == "质量问题（商品质量问题）"
    assert "平台显示" in dialog.fields["deadline"].text()
    with qtbot.waitSignal(dialog.created) as created:
        dialog.ok.click()
    case = store.get_case(created.args[0])
    assert case.platform_refund_no == "208812345678901234"
    assert dialog.result() == QDialog.DialogCode.Accepted
    left = from_text(case.platform_deadline) - now_utc()  # the page's 还剩 1天23时
    assert timedelta(days=1, hours=22) < left <= timedelta(days=1, hours=23)


def test_one_click_from_the_cases_list_sets_the_cause_and_progress_shows_it(qtbot, store):
    from shopdesk.store.case_facts import add_money
    from shopdesk.ui.case.timeline_panel import TimelinePanel
    from shopdesk.ui.main_window import MainWindow

    case_id = _return_case(store)
    add_money(store, case_id, "compensation", "5")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show_view("cases")
    assert window.cases_view.select_id(case_id)
    rect = window.cases_view.table.visualRect(window.cases_view.model.index(0, 0))
    window._cases_context_menu(rect.center())
    [causes] = [a.menu() for a in window._context_menu.actions() if a.menu()]
    [courier] = [a for a in causes.actions() if a.text() == "快递服务差"]
    courier.trigger()
    case = store.get_case(case_id)
    assert (case.cause, case.cause_source) == ("courier_service", "seller")
    panel = TimelinePanel(store)
    qtbot.addWidget(panel)
    panel.show_case(case_id)
    line = panel.facts_line.text()
    assert "原因：快递服务差" in line and "补偿 ¥5.00" in line and "结果：未记录" in line
