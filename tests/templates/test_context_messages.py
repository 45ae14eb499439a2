"""Reply templates, template files, the default statement and the evidence checklist speak
through the catalogue: the Chinese is word for word what it was, the English window reads
English, and the platform's statement stays Chinese whatever the window speaks."""

from __future__ import annotations

import pytest

from shopdesk.domain import messages, paths
from shopdesk.domain.errors import InputError
from shopdesk.domain.evidence_checklist import checklist
from shopdesk.domain.messages import say
from shopdesk.domain.model import Case, Order
from shopdesk.evidence.case_statement import build_statement
from shopdesk.services.template_io import CSV_COLUMNS, load_file, loads_csv, loads_json
from shopdesk.templates.context import deadline_text, exhibit_ref
from shopdesk.templates.library import VARIABLES, find_gaps, gap_marker, variable_label


@pytest.fixture
def english():
    messages.set_language("en")
    yield
    messages.set_language(None)


@pytest.mark.parametrize("language", ["zh-CN", "zh-TW", "en"])
def test_every_gap_marker_is_found_again_with_its_label(language):
    for name in VARIABLES:
        marker = gap_marker(name, language)
        assert find_gaps(f"前{marker}后") == [variable_label(name, language)]


def test_gap_markers_and_labels_read_as_before():
    assert gap_marker("tracking_no") == "【待填：运单号】"
    assert gap_marker("tracking_no", "zh-TW") == "【待填：運單號】"
    assert gap_marker("tracking_no", "en") == "[fill in: tracking number]"
    assert gap_marker("{0}", "fr") == "【待填：{0}】"  # an unknown language: zh-CN
    assert VARIABLES["signature"] == ("客服签名", "客服簽名", "signature")


def test_deadlines_and_exhibits_in_each_language():
    at = "2026-11-30T06:00:00Z"
    assert deadline_text(at) == "11月30日 14:00"
    assert deadline_text(at, "en") == "30 Nov 14:00 (China time)"
    assert exhibit_ref([2, 4], "photo") == "附件 2、4：照片"
    assert exhibit_ref([3], "shipping", "en") == "exhibit 3 (shipping record)"
    assert exhibit_ref([3, 5], "shipping", "en") == "exhibits 3, 5 (shipping record)"


def test_a_template_file_error_in_english_and_chinese(english):
    with pytest.raises(InputError) as caught:
        loads_json('[{"id": "a", "texts": {"xx": {}}}]', "f.json")
    error = caught.value
    assert str(error) == "f.json 第 1 个模板 字段 texts：不认识语言“xx”（可用：zh-CN、zh-TW、en）"
    assert say(error) == (
        "f.json, template 1, field texts: language “xx” is not known (available: zh-CN, zh-TW, en)"
    )
    assert error.key == "template_io.unknown_language"


def test_a_csv_error_names_its_line_in_english():
    with pytest.raises(InputError) as caught:
        loads_csv("phrase,limit_chars\nhi,0\n", "p.csv")
    assert str(caught.value) == "p.csv 第 2 行 字段 limit_chars：“0”应是 1 到 1000000 的整数"
    assert caught.value.text("en") == (
        "p.csv line 2, field limit_chars: “0” should be a whole number from 1 to 1000000"
    )


def test_an_unreadable_file_gives_the_reason_in_english(tmp_path):
    with pytest.raises(InputError) as caught:
        load_file(tmp_path / "gone.csv")
    assert caught.value.text("en").startswith("gone.csv: cannot be read (")
    assert str(caught.value).startswith("gone.csv：无法读取（")


def test_the_csv_headers_are_file_words_from_the_resource_file():
    assert paths.resource("template_csv", "columns.toml").is_file()
    (template,) = loads_csv("标题,快捷短语,分组\n问候,您好,常用\n", "q.csv")
    assert (template.title(), template.text().body, template.group) == ("问候", "您好", "常用")
    assert CSV_COLUMNS[:5] == ["id", "language", "group", "title", "phrase"]


def _case(**extra):
    fields = dict(
        id=1,
        order_id=1,
        order_no="C1",
        platform="taobao",
        kind="return_refund",
        state="open",
        reason="不想要了",
        opened_at="2026-11-30T06:00:00Z",
    )
    fields.update(extra)
    return Case(**fields)


ORDER = Order(
    id=1,
    shop_id=1,
    platform="taobao",
    order_no="O9",
    buyer_nick="b",
    status="s",
    state="x",
    courier="中通",
    tracking_no="ZT1",
)


def test_the_statement_is_chinese_whatever_the_window_speaks(english):
    text = build_statement(_case(), ORDER, [(1, "chat"), (2, "shipping")])
    assert text == (
        "订单O9卖家说明（退货退款）：买家于11月30日 14:00申请，原因：不想要了。"
        "退货物流轨迹见附件 2：物流记录。双方沟通经过见附件 1：聊天记录。请核实。"
    )


def test_the_statement_can_be_read_in_english():
    text = build_statement(_case(), ORDER, [], language="en")
    assert text.startswith("Seller's statement on order O9 (")
    assert text.endswith("Please check the platform's order and after-sales records.")
    assert "30 Nov 14:00 (China time)" in text


def test_the_checklist_says_why_in_the_front_ends_language(english):
    (first, *_) = checklist("return_refund", [])
    assert first.why == "退货物流单号和轨迹"  # as text: zh-CN, as the evidence summary prints it
    assert say(first.why) == "The return's tracking number and trace"
