"""The case panel's 回复 section as the seller uses it on the demo store."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

import shopdesk.ui.views.templates_view  # noqa: F401  (registers the section and the view)
from shopdesk.domain.model import CareStep, EventKind
from shopdesk.store import templates_repo
from shopdesk.templates.context import deadline_text
from shopdesk.templates.library import gap_marker
from shopdesk.ui.case.reply_panel import ReplyPanel
from shopdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_store):
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    yield window
    window.external_writes.stop()  # its store closes with the test; its data_version timer must not outlive it


def reply_panel(window) -> ReplyPanel:
    (panel,) = [s for s in window.case_panel.sections if isinstance(s, ReplyPanel)]
    return panel


def open_case(window, demo_store, kind, state="awaiting_seller", cause=None):
    case = next(
        c
        for c in demo_store.list_cases()
        if c.kind == kind and c.state == state and (cause is None or c.cause == cause)
    )
    window.show_case(case.id)
    return case, reply_panel(window)


def choose(panel: ReplyPanel, template_id: str) -> None:
    ids = [s.template.id for s in panel.suggestions]
    panel.list.setCurrentRow(ids.index(template_id))


def test_fitting_replies_first_filled_and_copied(qtbot, window, demo_store):
    case, panel = open_case(window, demo_store, "return_refund", cause="seller_defect")
    order = demo_store.get_order(case.order_id)
    assert panel.suggestions[0].template.id == "quality_ask_photos"
    assert panel.list.item(0).text() == "质量问题·请买家拍照"
    text = panel.editor.toPlainText()
    assert text.startswith(order.buyer_nick) and "小满家居 客服小满" in text
    assert panel.copy_button.isEnabled() and "可以复制" in panel.gaps_label.text()
    assert not panel.step_done(CareStep.LISTEN)

    with qtbot.waitSignal(window.case_panel.changed):
        panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    last = demo_store.events(case.id)[-1]
    assert last.kind == EventKind.REPLIED.value and "质量问题·请买家拍照" in last.note
    assert templates_repo.usage(demo_store) == {"quality_ask_photos": 1}
    for step in (CareStep.RESPOND_FAST, CareStep.LISTEN, CareStep.APOLOGISE):
        assert reply_panel(window).step_done(step)
    assert not reply_panel(window).step_done(CareStep.FOLLOW_UP)
    overview = window.case_panel.sections[0]
    assert "质量问题·请买家拍照" in overview.timeline.item(overview.timeline.count() - 1).text()


def test_a_gap_blocks_copy_until_the_seller_fills_it(window, demo_store):
    shop = demo_store.default_shop()
    demo_store.update_shop(shop.id, return_address="")  # not set in 店铺设置 yet
    case, panel = open_case(window, demo_store, "return_refund", cause="seller_defect")
    choose(panel, "no_reason_return")
    marker = gap_marker("return_address")
    assert marker in panel.editor.toPlainText()
    assert not panel.copy_button.isEnabled()
    assert "退货地址" in panel.gaps_label.text()
    panel.copy()  # a shortcut or a stray call does nothing while the gap is there
    assert demo_store.events(case.id)[-1].kind != EventKind.REPLIED.value
    panel.editor.setPlainText(panel.editor.toPlainText().replace(marker, "杭州市文一西路 1 号"))
    assert panel.copy_button.isEnabled()


def test_the_return_reminder_names_the_buyers_deadline(window, demo_store):
    case, panel = open_case(window, demo_store, "return_refund", state="awaiting_return")
    choose(panel, "return_reminder")
    deadline = templates_repo.next_deadline_at(demo_store, case)
    assert deadline_text(deadline) in panel.editor.toPlainText()
    assert panel.copy_button.isEnabled()


def test_the_limit_is_counted_as_the_seller_types(window, demo_store):
    _, panel = open_case(window, demo_store, "bad_review")
    assert panel.suggestions[0].template.id == "review_explanation"
    assert panel.counter.text().endswith("/ 500 字")
    panel.editor.setPlainText("好" * 501)
    assert panel.counter.text() == "501 / 500 字"
    assert not panel.copy_button.isEnabled()
    panel.editor.setPlainText("好" * 500)
    assert panel.copy_button.isEnabled()


def test_switching_language_fills_the_english_text(window, demo_store):
    _, panel = open_case(window, demo_store, "return_refund", cause="seller_defect")
    panel.language.setCurrentIndex(panel.language.findData("en"))
    assert panel.editor.toPlainText().startswith("Hello ")
    assert "could you send us a few close-up photos" in panel.editor.toPlainText().lower()


def test_an_empty_shop_signature_is_a_gap_not_filled_completely(qtbot, window, demo_store):
    shop = demo_store.default_shop()
    demo_store.update_shop(shop.id, signature="")
    _case, panel = open_case(window, demo_store, "return_refund", cause="seller_defect")
    assert panel.suggestions[0].template.id == "quality_ask_photos"
    assert gap_marker("signature") in panel.editor.toPlainText()
    assert "客服签名" in panel.gaps_label.text() and "已填写完整" not in panel.gaps_label.text()
    assert not panel.copy_button.isEnabled()
