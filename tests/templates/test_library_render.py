"""Safe rendering: only known names, no code, gaps stay visible and block copying."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from shopdesk.templates.context import build_context, deadline_text, money_text
from shopdesk.templates.library import VARIABLES, can_copy, find_gaps, gap_marker, render
from tests.templates_fixtures import ORDER, SHOP, make_case

VALUES = {"buyer_nick": "tb_蓝色小猫", "order_no": "3912345678901234567", "order": ORDER}


def test_known_variables_are_filled():
    rendered = render("{buyer_nick}，您的订单 {order_no} 已发货", VALUES)
    assert rendered.text == "tb_蓝色小猫，您的订单 3912345678901234567 已发货"
    assert rendered.gaps == [] and rendered.can_copy


def test_a_missing_value_is_a_marked_gap_that_blocks_copy():
    rendered = render("运单号：{tracking_no}，{courier}", {"courier": ""})
    assert rendered.text == "运单号：【待填：运单号】，【待填：快递公司】"
    assert rendered.gaps == ["tracking_no", "courier"]
    assert not rendered.can_copy and not can_copy(rendered.text)
    assert [s.gap for s in rendered.segments if s.gap] == ["tracking_no", "courier"]


def test_gap_marks_follow_the_language():
    assert render("{tracking_no}", {}, "zh-TW").text == "【待填：運單號】"
    assert render("{tracking_no}", {}, "en").text == "[fill in: tracking number]"


def test_filling_the_gap_by_hand_unblocks_copy():
    text = render("运单号：{tracking_no}", {}).text
    assert find_gaps(text) == ["运单号"]
    edited = text.replace(gap_marker("tracking_no"), "YT1234567890")
    assert can_copy(edited) and find_gaps(edited) == []
    assert not can_copy("   ")


def test_attribute_index_format_and_positional_access_never_evaluate():
    hostile = (
        "{order.__class__}|{order.__init__.__globals__}|{0}|{x:>10}|{buyer_nick!r}"
        "|{buyer_nick:>30}|{order[0]}|{__import__('os')}"
    )
    rendered = render(hostile, VALUES)
    assert "class" not in rendered.text.replace("order.__class__", "")
    assert "<" not in rendered.text and "Order(" not in rendered.text
    assert rendered.gaps == [
        "order.__class__",
        "order.__init__.__globals__",
        "0",
        "x:>10",
        "buyer_nick!r",
        "buyer_nick:>30",
        "order[0]",
        "__import__('os')",
    ]
    assert not rendered.can_copy


def test_nested_and_doubled_braces_stay_as_text():
    assert render("{{}}", VALUES).text == "{{}}"
    assert render("{{buyer_nick}}", VALUES).text == "{tb_蓝色小猫}"
    assert render("{赠品：杯垫}", VALUES).text == "{赠品：杯垫}"
    assert render("{ }", VALUES).gaps == []


def test_values_are_pasted_as_text_and_never_rendered_again():
    rendered = render("{buyer_nick}", {"buyer_nick": "{order_no}{0.__class__}"})
    assert rendered.text == "{order_no}{0.__class__}"
    assert rendered.gaps == []


def test_context_from_order_case_and_shop():
    case = make_case("return_refund", refund_fen=2990, platform_deadline="2026-11-30T06:00:00Z")
    values = build_context(ORDER, case, SHOP, "zh-CN")
    assert values["item_title"] == "北欧风陶瓷马克杯 大容量办公室咖啡杯 350ml…"
    assert values["refund_amount"] == "¥29.90"
    assert values["paid_amount"] == "¥54.80"
    assert values["deadline"] == "11月30日 14:00"  # the platform's clock, China time
    assert values["shop_name"] == "小满家居"
    assert values["case_kind"] == "退货退款"
    assert build_context(ORDER, case, SHOP, "en")["deadline"] == "30 Nov 14:00 (China time)"
    assert set(values) <= set(VARIABLES)


def test_empty_facts_stay_out_of_the_context():
    order = ORDER.__class__(
        id=1, shop_id=1, platform="taobao", order_no="1", buyer_nick="b", status="", state="paid"
    )
    values = build_context(order, None, None)
    assert "tracking_no" not in values and "paid_amount" not in values


def test_money_and_deadline_text():
    assert money_text(5) == "¥0.05" and money_text(123456) == "¥1234.56"
    assert deadline_text("2026-12-31T16:30:00Z") == "1月1日 00:30"


HOSTILE = st.sampled_from(
    ["{order.__class__}", "{0}", "{x:>10}", "{{}}", "{", "}", "{{buyer_nick}}", "{order}"]
)
NAMES = st.sampled_from([f"{{{name}}}" for name in VARIABLES])
PLAIN = st.text(alphabet=string.ascii_letters + "您好，订单 .:!", max_size=12)


@given(st.lists(st.one_of(HOSTILE, NAMES, PLAIN), max_size=12), st.booleans())
def test_rendering_never_raises_and_never_evaluates(pieces, with_values):
    body = "".join(pieces)
    values = {"order": ORDER, "buyer_nick": "小猫", "x": 1} if with_values else {}
    rendered = render(body, values)
    assert "<" not in rendered.text and "Order(" not in rendered.text
    assert rendered.can_copy == (rendered.gaps == [])
    assert "".join(s.text for s in rendered.segments) == rendered.text
    for gap in rendered.gaps:
        assert gap in VARIABLES or f"{{{gap}}}" in body


@given(st.text(max_size=200), st.dictionaries(st.text(max_size=12), st.text(max_size=12)))
def test_rendering_any_text_never_raises(body, values):
    rendered = render(body, values)
    if "{" not in body:
        assert rendered.text == body.rstrip() or not body.strip()
