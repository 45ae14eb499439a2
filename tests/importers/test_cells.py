"""Single cells: the Excel quirks are undone, untrustworthy values are refused."""

from __future__ import annotations

from datetime import datetime

import pytest

from shopdesk.domain.model import OrderState
from shopdesk.domain.timeutil import china_to_text
from shopdesk.importers.cells import (
    CellError,
    clean_text,
    clean_tracking_no,
    parse_fen,
    parse_order_no,
    parse_time,
)
from shopdesk.importers.source import detect_encoding
from shopdesk.platforms.taobao.parse import intervened, order_state


def test_excel_text_formula_is_unwrapped() -> None:
    assert clean_text('="35153131473293579"') == "35153131473293579"
    assert clean_text('=""') == ""
    assert parse_order_no('="35153131473293579"') == "35153131473293579"


def test_leading_apostrophe_of_phones_is_removed() -> None:
    assert clean_text("'13925130165") == "13925130165"


@pytest.mark.parametrize(
    ("text", "fen"),
    [("1009.00", 100900), ("158.8", 15880), ("0", 0), ("0元", 0), ("109.00元", 10900), ("", 0)],
)
def test_money_in_fen(text: str, fen: int) -> None:
    assert parse_fen(text) == fen


def test_money_from_numeric_cells_is_exact() -> None:
    assert parse_fen(158.8) == 15880
    with pytest.raises(CellError):
        parse_fen(0.1 + 0.2)  # 0.30000000000000004: not an amount


@pytest.mark.parametrize("text", ["abc", "1,009.00", "12.345", "--"])
def test_money_that_is_not_a_number_is_refused(text: str) -> None:
    with pytest.raises(CellError, match="金额"):
        parse_fen(text)


def test_tracking_no_prefix_is_removed() -> None:
    assert clean_tracking_no("No:YT7428813390021") == "YT7428813390021"
    assert clean_tracking_no("NO：SF1234567") == "SF1234567"
    assert clean_tracking_no('="773012345678"') == "773012345678"


def test_full_date_has_second_precision_in_utc() -> None:
    assert parse_time("2024-06-18 14:20:31") == ("2024-06-18T06:20:31Z", "s")


def test_slashed_excel_date_has_minute_precision() -> None:
    assert parse_time("2024/6/18 14:20") == ("2024-06-18T06:20:00Z", "m")
    assert parse_time("2024/6/8 9:05:07") == ("2024-06-08T01:05:07Z", "s")


def test_empty_date_is_none_and_datetime_cells_are_seconds() -> None:
    assert parse_time("") == (None, "")
    assert parse_time(datetime(2024, 6, 18, 14, 20, 31)) == ("2024-06-18T06:20:31Z", "s")


@pytest.mark.parametrize("text", ["昨天", "2024-13-01 10:00:00", "2024-02-30 10:00", "18/06/2024"])
def test_date_that_does_not_parse_is_refused(text: str) -> None:
    with pytest.raises(CellError):
        parse_time(text)


@pytest.mark.parametrize("text", ["3.28777E+18", "3.28777e18", "1E+16"])
def test_scientific_order_number_is_refused(text: str) -> None:
    with pytest.raises(CellError, match="科学计数法"):
        parse_order_no(text)


def test_order_number_rounded_by_excel_is_refused() -> None:
    with pytest.raises(CellError):
        parse_order_no("3287770000000000000")
    with pytest.raises(CellError):
        parse_order_no(3.2877712345678904e18)
    assert parse_order_no("3287771234567890123") == "3287771234567890123"
    # written by the platform as Excel text, the digits are exact even when they end in zeros
    assert parse_order_no('="3287770000000000000"') == "3287770000000000000"


def test_order_status_with_either_comma() -> None:
    assert order_state("买家已付款，等待卖家发货") is OrderState.PAID
    assert order_state("买家已付款,等待卖家发货") is OrderState.PAID
    assert order_state("卖家已发货,等待买家确认") is OrderState.SHIPPED
    assert order_state("交易关闭") is OrderState.CLOSED
    assert order_state("等待买家付款") is OrderState.UNPAID
    assert order_state("交易成功") is OrderState.SUCCESS
    assert order_state("火星状态") is None


def test_intervention_text() -> None:
    assert intervened("需要客服介入")
    assert intervened("客服介入中")
    assert not intervened("不需要客服介入")
    assert not intervened("未介入")
    assert not intervened("")


def test_encoding_detection() -> None:
    text = "订单编号,买家会员名\r\n"
    assert detect_encoding(text.encode("gb18030")) == "gb18030"
    assert detect_encoding(text.encode("utf-8")) == "utf-8"
    assert detect_encoding(b"\xef\xbb\xbf" + text.encode("utf-8")) == "utf-8-sig"
    # a UTF-8 sequence cut at the end of the sniffed block is still UTF-8
    assert detect_encoding("订单编号".encode() + "名".encode()[:2]) == "utf-8"


@pytest.mark.parametrize(
    "text",
    ["2024-06-18 00:10:00", "2024-01-01 07:59:59", "2003-01-01 00:00:00", "2024-12-31 23:59:59"],
)
def test_fast_time_path_agrees_with_the_zone_database(text: str) -> None:
    expected = china_to_text(datetime.fromisoformat(text))
    assert parse_time(text) == (expected, "s")


def test_money_cells_with_excel_wrappers() -> None:
    assert parse_fen('="12.50"') == 1250
    assert parse_fen(" 7 ") == 700
    with pytest.raises(CellError):
        parse_fen("１２.00")  # full-width digits are not what the platform writes


@pytest.mark.parametrize(
    "value", ["99999999999999999999.00", "100000000.01", 1e25, 99999999999999999999, "-0.01", -3.5]
)
def test_amounts_outside_the_world_are_refused(value) -> None:
    with pytest.raises(CellError, match="负数|1 亿元"):
        parse_fen(value)


def test_largest_believable_amount_is_kept() -> None:
    assert parse_fen("100000000.00") == 10_000_000_000
    assert parse_fen(0.0) == 0
    with pytest.raises(CellError):
        parse_fen(float("nan"))


@pytest.mark.parametrize(
    "value",
    [
        datetime(1, 1, 1),
        datetime(9999, 12, 31, 23, 59, 59),
        datetime(2099, 1, 1),
        "0001-01-01 00:00:00",
        "2002-12-31 23:59:59",
        "2099-01-01",
    ],
)
def test_times_outside_the_world_are_refused(value) -> None:
    with pytest.raises(CellError, match="2003 年|两年以后"):
        parse_time(value)


def test_a_formula_without_its_result_is_never_a_value() -> None:
    from shopdesk.importers.cells import UnreadableCell, parse_int

    cell = UnreadableCell("=G2*1", "这一格是公式，但文件里没有保存计算结果")
    for parse in (parse_fen, parse_time, parse_order_no, parse_int):
        with pytest.raises(CellError, match="公式"):
            parse(cell)
    assert clean_text(cell) == "=G2*1"


@pytest.mark.parametrize(
    "text", ["2026-11727 10:21:07", "2003-01601 07:00:00", "2026-11-2x 10:21:07"]
)
def test_a_time_mangled_inside_is_refused_not_stored_malformed(text: str) -> None:
    """The quick reading of `yyyy-MM-dd HH:mm:ss` takes only exactly that form: a cell
    with a wrong separator or digit is checked in full (and refused), never stored as a
    broken time."""
    with pytest.raises(CellError):
        parse_time(text)


def test_a_time_off_the_quick_form_is_read_in_full() -> None:
    assert parse_time("2026-11/27 10:21:07") == ("2026-11-27T02:21:07Z", "s")
    assert parse_time("２026-11-27 10:21:07") == ("2026-11-27T02:21:07Z", "s")
