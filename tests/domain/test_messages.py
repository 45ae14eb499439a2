"""The core's messages: one catalogue (resources/messages/*.toml) of keys with zh-CN, zh-TW
and en templates; errors carry a key and parameters, read in zh-CN by str() and in the
front end's language by say(); no Chinese literal is left in a converted core module."""

from __future__ import annotations

import ast
import pickle
import re
import string
from pathlib import Path

import pytest

from shopdesk.domain import messages
from shopdesk.domain.errors import DamagedStoreError, InputError, StoreLockedError
from shopdesk.domain.messages import Message, say
from shopdesk.importers import open_export
from tests.douyin_fixtures import (
    douyin_after_sale,
    douyin_line,
    order_export_name,
    write_douyin_after_sales,
    write_douyin_orders,
)
from tests.importers_fixtures import order, write_orders
from tests.jd_fixtures import jd_order, write_jd_orders

PACKAGE = Path(__file__).resolve().parents[2] / "shopdesk"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")  # Chinese characters, not punctuation

# Code that says things to the seller: every layer below the window, the services, the evidence packager, the
# platforms' readers (their layouts.py hold the export headers as the platforms write them)
# and the command line. Every message comes from the catalogue.
SPEAKING = [
    *("domain", "importers", "platforms", "templates", "store", "services", "evidence"),
    *("commands", "cli.py", "smoke.py"),
]
NOT_SPEAKING = {
    "platforms/taobao/layouts.py",
    "platforms/pdd/layouts.py",
    "platforms/jd/layouts.py",
    "platforms/douyin/layouts.py",
}


def _speaking_modules() -> list[str]:
    found = []
    for part in SPEAKING:
        root = PACKAGE / part
        files = [root] if root.suffix == ".py" else sorted(root.rglob("*.py"))
        found += [file.relative_to(PACKAGE).as_posix() for file in files]
    return [name for name in found if name not in NOT_SPEAKING]


CONVERTED = _speaking_modules()


def test_the_grep_reads_every_speaking_package():
    assert {"store/insights.py", "commands/evidence.py", "evidence/package.py", "cli.py"} <= set(
        CONVERTED
    )


# Words ShopDesk reads in the platforms' files, not messages it says: they stay as the
# files write them in every language.
READ_FROM_FILES = {
    "importers/cells.py": {"元", "件", "是", "需要"},  # 109.00元, 2件, 是否: 是/需要
    "importers/xlsx.py": {"售后信息"},  # the sheet name of an after-sales workbook
    "services/order_input.py": {"元"},
    "domain/money.py": {"元"},  # 5元, 158.8元 typed as the platforms write it
    # the administrative words (省, 自治区, 市, 区, 县) a receiver address in an order export
    # is written with: province and city are kept when the address is masked
    "evidence/masking.py": {r"(?P<head>(?:[^\s省市区县]{1,8}(?:省|自治区|市)){1,2})(?P<tail>.+)"},
}


def _chinese_literals(path: Path) -> list[tuple[int, str]]:
    """String constants with Chinese text, docstrings left out (comments are not in the AST)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CJK.search(node.value)
    ]


@pytest.mark.parametrize("name", CONVERTED)
def test_a_converted_module_says_nothing_in_chinese_outside_the_catalogue(name):
    allowed = READ_FROM_FILES.get(name, set())
    found = [
        (line, text) for line, text in _chinese_literals(PACKAGE / name) if text not in allowed
    ]
    assert not found, f"{name}: Chinese literals outside resources/messages: {found[:5]}"


def test_the_grep_finds_a_chinese_literal(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""文档可以是中文。"""\nX = "只有表头"\n', encoding="utf-8")
    assert _chinese_literals(module) == [(2, "只有表头")]


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


@pytest.mark.parametrize("key", sorted(messages.catalogue()))
def test_every_message_has_three_languages_with_the_same_parameters(key):
    entry = messages.catalogue()[key]
    assert set(entry) == set(messages.LANGUAGES), f"{key}: {sorted(entry)}"
    wanted = _fields(entry["zh-CN"])
    for language in messages.LANGUAGES:
        template = entry[language]
        forms = template.values() if isinstance(template, dict) else [template]
        if isinstance(template, dict):
            assert set(template) == {"one", "other"}, key
        for form in forms:
            assert _fields(form) == wanted, f"{key} [{language}]: {_fields(form)} != {wanted}"


def test_an_error_reads_chinese_by_default_and_the_front_ends_language_when_asked():
    error = InputError("import.header_only", file="订单.csv")
    assert str(error) == "订单.csv：只有表头，没有数据行：请确认导出时选择了时间范围"
    assert error.key == "import.header_only" and error.params == {"file": "订单.csv"}
    assert error.text("en") == (
        "订单.csv: only a header, no data rows: check that a date range was chosen when exporting"
    )
    assert error.text("zh-TW").startswith("订单.csv：只有表頭，沒有資料列")
    assert say(error) == str(error)  # the core speaks zh-CN until a front end says otherwise


def test_a_message_inside_a_message_is_rendered_in_the_same_language():
    error = StoreLockedError("store.locked", path="shop.db", seconds=15.0)
    assert "等了 15 秒" in str(error)
    assert "after 15 seconds" in error.text("en")
    reason = Message("import.open.no_permission")
    wrapped = InputError("import.open.failed", file="a.csv", reason=reason)
    assert str(wrapped) == "a.csv：没有读取这个文件的权限"
    assert wrapped.text("en") == "a.csv: no permission to read this file"


def test_plain_text_errors_still_work_in_every_language():
    error = InputError("这个平台的文件还没有转换")
    assert error.key is None
    assert error.text("en") == "这个平台的文件还没有转换"


def test_a_misspelt_key_fails_where_it_is_raised():
    with pytest.raises(KeyError):
        InputError("import.header_onyl", file="x.csv")


def test_an_english_plural_and_lists_joined_as_each_language_writes_them():
    one = Message("backup.evidence_others", n=1)
    assert one.render("en") == " and 1 more"
    error = InputError("export.unknown_kind", kind="x", kinds=["orders", "cases"])
    assert "orders、cases" in str(error)
    assert "orders, cases" in error.text("en")


def test_errors_keep_their_key_through_a_process_pool():
    error = DamagedStoreError("store.damaged", path="s.db", detail="page 3")
    again = pickle.loads(pickle.dumps(error))
    assert again.key == "store.damaged"
    assert "is damaged (page 3)" in again.text("en")


def test_an_import_of_a_header_only_file_explains_itself_in_english(tmp_path):
    path = write_orders(tmp_path / "orders.csv", [])
    with pytest.raises(InputError) as caught:
        list(open_export(path).records())
    assert "没有数据行" in str(caught.value)
    assert caught.value.text("en") == (
        "orders.csv: only a header, no data rows: check that a date range was chosen when exporting"
    )


def test_every_row_skipped_names_the_commonest_reason_in_english(tmp_path):
    rows = [order(f"351531314732935790{i}", 订单创建时间="昨天") for i in range(3)]
    path = write_orders(tmp_path / "orders.csv", rows)
    with pytest.raises(InputError) as caught:
        list(open_export(path).records())
    english = caught.value.text("en")
    assert english.startswith("orders.csv: none of its 3 data rows can be imported")
    assert "not a date and time ShopDesk can read" in english
    assert "全部无法导入" in str(caught.value)


def test_the_reason_of_a_skipped_row_keeps_its_key(tmp_path):
    rows = [order("3515313147329357900"), order("3515313147329357921", 订单创建时间="昨天")]
    export = open_export(write_orders(tmp_path / "orders.csv", rows))
    list(export.records())
    (problem,) = export.problems
    assert say(problem.reason, "en").startswith("not a date and time")
    assert problem.reason == str(problem.reason)  # and compares as its Chinese text


def _only_problem(path: Path):
    export = open_export(path)
    list(export.records())
    (problem,) = export.problems
    return problem


def test_a_jd_row_skipped_says_why_in_english(tmp_path):
    rows = [jd_order("11729384072"), jd_order("11729384073", 订单号="2.91185E+11")]
    problem = _only_problem(write_jd_orders(tmp_path / "jd-orders.csv", rows))
    assert problem.reason.key == "platform.jd.mangled_order_no"
    assert "科学计数法" in problem.reason  # zh-CN as before
    assert say(problem.reason, "en").startswith("the order number turned into scientific notation")
    rows = [jd_order("11729384072"), jd_order("11729384073", 订单状态="等待商家处理新状态")]
    problem = _only_problem(write_jd_orders(tmp_path / "jd-status.csv", rows))
    assert say(problem.reason, "en").startswith("ShopDesk does not know this JD order status")
    assert say(problem.reason, "zh-TW").startswith("ShopDesk 不認識這個京東訂單狀態")


def test_a_douyin_row_skipped_says_why_in_english(tmp_path):
    rows = [
        douyin_line("6917546239482020011"),
        douyin_line("6917546239482029999", 订单状态="拼团中"),
    ]
    problem = _only_problem(write_douyin_orders(tmp_path / order_export_name(), rows))
    assert problem.reason == (
        "ShopDesk 不认识这个抖店订单状态（应是“待发货”“已发货”“已完成”“已关闭”）："
        "可能放错了列，或平台有了新状态，请检查这一格"
    )
    assert say(problem.reason, "en").startswith("ShopDesk does not know this Douyin order status")
    rows = [douyin_after_sale("7318945612387450001", 售后申请时间="")]
    after = tmp_path / "售后单导出-2026-11-28-09-30-00.xlsx"
    with pytest.raises(InputError) as caught:  # its only row: the file is refused
        list(open_export(write_douyin_after_sales(after, rows)).records())
    assert "after-sales request time is empty" in caught.value.text("en")
    assert "售后申请时间是空的" in str(caught.value)


def test_a_chat_log_that_is_none_says_so_in_english():
    from shopdesk.platforms import chatlog

    with pytest.raises(chatlog.ChatLogError) as caught:
        chatlog.parse("你好\n在吗")
    assert str(caught.value).startswith("不是千牛/旺旺聊天记录")
    assert say(caught.value, "en").startswith("not a Qianniu/Wangwang chat log")
    again = pickle.loads(pickle.dumps(caught.value))
    assert say(again, "en") == say(caught.value, "en")
    chat = "tb5528190347 2026-11-27 20:11:32\n杯子裂了，订单号 4274970615263666714\n"
    problems = chatlog.mismatches(chatlog.parse(chat), "zhangwei1988", "4428265436565263618")
    assert problems[0] == "聊天记录里的买家是 tb5528190347，这个售后单的买家是 zhangwei1988"
    assert say(problems, "en") == [
        "the buyer in the chat is tb5528190347; this case's buyer is zhangwei1988",
        "the chat names the order number 4274970615263666714;"
        " this case's order number is 4428265436565263618",
    ]


def test_a_pasted_page_of_another_platform_is_named_in_english():
    from shopdesk.platforms.qianniu_paste import parse_paste

    with pytest.raises(InputError) as caught:
        parse_paste("服务单号：12345678\n京东 售后服务单 审核")
    assert str(caught.value).startswith("这像是京东的页面，不是千牛的退款详情")
    assert caught.value.text("en").startswith("this looks like a page of JD, not a Qianniu")
    with pytest.raises(InputError) as caught:
        parse_paste("退款原因：质量问题")
    assert caught.value.key == "paste.no_number"
    assert parse_paste("订单编号：3515313147329357900").platform  # the platform that read it


def test_set_language_takes_only_languages_it_knows():
    try:
        assert messages.set_language("en") == "en"
        assert messages.language() == "en"
        assert messages.set_language("fr") == "zh-CN"
        assert messages.set_language(None) == "zh-CN"
    finally:
        messages.set_language(None)
