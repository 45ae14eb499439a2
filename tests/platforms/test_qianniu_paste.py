"""A refund page copied from Qianniu: read tolerantly, opened as a case with the
platform's deadline, refused when it is not a Taobao refund page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.domain.timeutil import CHINA, to_text
from shopdesk.platforms.qianniu_paste import parse_paste
from shopdesk.services.paste_case import case_from_paste

ONE_LINE = """退款详情
退款编号：208812345678901234
订单编号：3515313147329357900
买家：tb_wangxm
申请时间：2026-11-27 09:15:02
退款类型：仅退款
货物状态：买家已收到货
退款金额：¥129.00
退款原因：质量问题
退款说明：杯盖漏水
还剩 1天23时 自动退款
同意退款  拒绝退款
"""

LABEL_THEN_VALUE = """退款金额
129.00元
申请时间
2026/11/27 9:15
退款原因
包装/商品破损/污渍
订单号
3515313147329357900
退款编号:
208812345678901234
剩余2天3小时15分
"""

NOW = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)


def test_label_and_value_on_one_line_with_a_full_width_colon():
    pasted = parse_paste(ONE_LINE)
    assert (pasted.order_no, pasted.refund_no) == ("3515313147329357900", "208812345678901234")
    assert pasted.applied_at == datetime(2026, 11, 27, 9, 15, 2, tzinfo=CHINA)
    assert pasted.amount_fen == 12900 and pasted.reason == "质量问题"
    assert pasted.kind == "refund_shipped" and pasted.buyer == "tb_wangxm"
    assert pasted.remaining == timedelta(days=1, hours=23)
    assert "同意退款  拒绝退款" in pasted.ignored and "退款详情" in pasted.ignored


def test_label_on_one_line_and_its_value_on_the_next_in_any_order():
    pasted = parse_paste(LABEL_THEN_VALUE)
    assert pasted.order_no == "3515313147329357900"
    assert pasted.refund_no == "208812345678901234"
    assert pasted.applied_at == datetime(2026, 11, 27, 9, 15, tzinfo=CHINA)
    assert pasted.amount_fen == 12900
    assert pasted.reason == "包装/商品破损/污渍"
    assert pasted.remaining == timedelta(days=2, hours=3, minutes=15)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("退款原因：质量问题\n还剩 1天", "没有订单编号或退款编号"),
        ("服务单号：12345678\n京东 售后服务单 审核", "京东"),
        ("拼多多 售后编号：240613-861787953171000", "拼多多"),
        ("", "没有订单编号或退款编号"),
    ],
)
def test_a_text_that_cannot_be_a_taobao_refund_is_refused(text, message):
    with pytest.raises(InputError, match=message):
        parse_paste(text)


def test_the_paste_opens_a_case_on_the_order_with_the_platforms_deadline(store):
    order = store.save_order(
        {
            "platform": "taobao",
            "order_no": "3515313147329357900",
            "buyer_nick": "tb_wangxm",
            "state": "shipped",
        }
    )
    result = case_from_paste(store, ONE_LINE, now=NOW)
    case = result.case
    assert result.created and case.order_id == order.id
    assert case.platform_refund_no == "208812345678901234"
    assert case.platform_deadline == to_text(NOW + timedelta(days=1, hours=23))
    assert case.cause == "seller_defect" and case.refund_fen == 12900
    assert case.next_due_at == case.platform_deadline  # the platform's clock wins
    later = NOW + timedelta(hours=5)
    again = case_from_paste(store, ONE_LINE.replace("1天23时", "1天18时"), now=later)
    assert not again.created and again.case.id == case.id
    assert again.case.platform_deadline == to_text(later + timedelta(days=1, hours=18))
    assert len(store.list_cases()) == 1


def test_the_command_line_reads_the_paste_from_a_file(tmp_path, store):
    store.close()
    page = tmp_path / "退款.txt"
    page.write_text(LABEL_THEN_VALUE, encoding="gb18030")
    done = subprocess.run(
        [sys.executable, "-m", "shopdesk", "case", "paste", str(page), "--db", str(store.path),
         "--json"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    case = json.loads(done.stdout)
    assert case["order_no"] == "3515313147329357900"
    assert case["platform_reason"] == "包装/商品破损/污渍"
    assert case["cause_question"] and case["platform_deadline"]


def test_the_page_is_read_by_the_platform_whose_seller_tool_it_comes_from():
    """The Qianniu page is Taobao's: its spec reads it (PlatformSpec.paste_parser), and
    the case opens on that platform, not on whichever platform is listed first."""
    from shopdesk.platforms import registry

    spec = registry.paste_spec()
    assert spec is not None and spec.id == "taobao" and spec.paste_parser is not None
    assert parse_paste(ONE_LINE).platform == "taobao"
    assert {"jd", "pdd", "douyin", "taobao"} <= set(registry.page_words())
