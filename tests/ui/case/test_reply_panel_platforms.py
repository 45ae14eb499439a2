"""The case panel's 回复 section offers a case the replies in its platform's words: a JD
case in intervention reads JD's 纠纷单 statement, never one that speaks of 小二."""

from __future__ import annotations

import pytest

from shopdesk.ui.case.reply_panel import ReplyPanel
from shopdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_store):
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    yield window
    window.external_writes.stop()


def reply_panel(window) -> ReplyPanel:
    (panel,) = [s for s in window.case_panel.sections if isinstance(s, ReplyPanel)]
    return panel


def case_on(store, platform: str, order_no: str) -> int:
    shop = store.add_shop(f"{platform} 小满家居", platform=platform)
    order = store.save_order({"platform": platform, "order_no": order_no, "shop_id": shop.id})
    case = store.add_case(order.id, "platform_appeal", "2026-11-20T02:00:00Z", state="intervention")
    return case.id


def test_a_jd_case_is_offered_jds_words_never_xiaoer(window, demo_store):
    window.show_case(case_on(demo_store, "jd", "291184764662"))
    panel = reply_panel(window)
    ids = [s.template.id for s in panel.suggestions]
    assert ids[0] == "appeal_statement_jd"
    assert panel.list.item(0).text() == "京东纠纷单举证说明"
    assert "appeal_statement" not in ids and "appeal_statement_general" not in ids
    titles = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert not [t for t in titles if "小二" in t]
    assert "小二" not in panel.editor.toPlainText()
    assert panel.editor.toPlainText().startswith("纠纷单（订单291184764662）卖家举证：")


def test_a_taobao_case_still_reads_xiaoer(window, demo_store):
    case = next(c for c in demo_store.list_cases() if c.kind == "platform_appeal")
    window.show_case(case.id)
    panel = reply_panel(window)
    ids = [s.template.id for s in panel.suggestions]
    assert ids[0] == "appeal_statement" and "appeal_statement_jd" not in ids
    assert panel.list.item(0).text().startswith("小二介入举证说明")
