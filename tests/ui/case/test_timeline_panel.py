"""The case panel's 进度 tab speaks the case's platform: where its seller reads a deadline
(千牛 for Taobao, 京麦 for JD) and the platform's own words for the steps (JD's 审核)."""

from __future__ import annotations

from shopdesk.ui.case.timeline_panel import TimelinePanel


def _case(store, platform: str) -> int:
    shop = store.add_shop("小满", platform)
    order = store.save_order(
        {"shop_id": shop.id, "platform": platform, "order_no": f"{platform}-1",
         "state": "shipped", "paid_at": "2026-11-30T02:00:00Z"}
    )  # fmt: skip
    return store.add_case(order.id, "return_refund", "2026-12-01T02:00:00Z").id


def test_a_jd_case_asks_for_the_deadline_jingmai_shows_and_offers_shen_he(qtbot, store):
    panel = TimelinePanel(store)
    qtbot.addWidget(panel)
    panel.show_case(_case(store, "jd"))
    assert panel.platform_due.placeholderText().startswith("京麦显示的截止时间")
    texts = {button.text() for button in panel.event_buttons.values()}
    assert {"审核通过", "审核不通过"} <= texts


def test_a_taobao_case_still_names_qianniu(qtbot, store):
    panel = TimelinePanel(store)
    qtbot.addWidget(panel)
    panel.show_case(_case(store, "taobao"))
    assert panel.platform_due.placeholderText().startswith("千牛显示的截止时间")
    assert not {"审核通过", "审核不通过"} & {b.text() for b in panel.event_buttons.values()}
