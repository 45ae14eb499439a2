"""Whole export files: kinds, layouts, encodings, Excel re-saves, cut and broken files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.domain.model import CaseKind, CaseState, EventKind, OrderState
from shopdesk.importers import (
    ExportKind,
    ParsedLine,
    ParsedOrder,
    ParsedRefund,
    export_stamp,
    open_export,
)
from tests.importers_fixtures import (
    line,
    order,
    refund,
    write_lines,
    write_orders,
    write_refunds_csv,
    write_refunds_xlsx,
    write_rows,
)

NO_A = "3515313147329357900"
NO_B = "3515313147329357921"
NO_C = "2088123456789012342"


def parse(path: Path):
    export = open_export(path)
    records = list(export.records())
    return export, records


def by_no(records) -> dict[str, ParsedOrder]:
    return {record.order_no: record for record in records}


# Orders ------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8", "utf-8-sig"])
def test_order_report_in_each_encoding_reads_the_same(tmp_path: Path, encoding: str) -> None:
    rows = [order(NO_A, 买家留言="请发顺丰，谢谢"), order(NO_B, 订单状态="交易成功")]
    path = write_orders(
        tmp_path / "ExportOrderList202406201030.csv",
        rows,
        encoding="utf-8" if encoding == "utf-8-sig" else encoding,
        bom=encoding == "utf-8-sig",
    )
    export, records = parse(path)
    assert export.kind is ExportKind.ORDERS
    assert export.encoding == encoding
    assert export.problems == []
    assert export.rows == 2
    first = by_no(records)[NO_A]
    assert first.values["buyer_nick"] == "tb_柳絮飞"
    assert first.values["buyer_message"] == "请发顺丰，谢谢"
    assert first.values["receiver_phone"] == "13925130165"  # apostrophe gone
    assert first.values["receiver_address"].endswith("(518057)")
    assert first.values["paid_fen"] == 3900
    assert first.values["created_at"] == "2024-06-18T06:20:31Z"
    assert first.precision["created_at"] == "s"
    assert first.state == OrderState.SHIPPED.value
    assert first.status == "卖家已发货，等待买家确认"
    assert by_no(records)[NO_B].state == OrderState.SUCCESS.value
    assert first.shop_name == "小满家居旗舰店"


@pytest.mark.parametrize("layout", [46, 61, 71])
def test_every_order_layout_maps_by_header_name(tmp_path: Path, layout: int) -> None:
    rows = [order(NO_A, **{"物流单号 ": "No:YT7428813390021"})]
    export, records = parse(write_orders(tmp_path / "ExportOrderList.csv", rows, layout=layout))
    assert export.layout.width == layout
    (record,) = records
    assert record.values["tracking_no"] == "YT7428813390021"
    assert record.values["item_titles"] == "北欧风陶瓷马克杯 大容量带盖"
    if layout == 71:
        assert record.values["shipped_at"] == "2024-06-19T02:02:11Z"
    else:
        assert "shipped_at" not in record.values  # the layout does not say: never nulls a known one
    if layout == 46:
        assert "refund_fen" not in record.values
    else:
        assert record.values["refund_fen"] == 0  # "0.00元"


def test_unpaid_order_has_no_payment_time_and_zero_paid(tmp_path: Path) -> None:
    rows = [order(NO_A, 订单状态="等待买家付款", 买家实际支付金额="0.00", **{"订单付款时间 ": ""})]
    _, (record,) = parse(write_orders(tmp_path / "o.csv", rows))
    assert record.values["paid_at"] is None
    assert record.values["paid_fen"] == 0
    assert record.state == OrderState.UNPAID.value


def test_several_items_and_half_width_status(tmp_path: Path) -> None:
    rows = [
        order(
            NO_A,
            订单状态="买家已付款,等待卖家发货",
            **{"宝贝标题 ": "北欧风陶瓷马克杯，加厚珊瑚绒毛毯", "宝贝种类 ": "2"},
            宝贝总数量="3",
        )
    ]
    _, (record,) = parse(write_orders(tmp_path / "o.csv", rows))
    assert record.state == OrderState.PAID.value
    assert record.status == "买家已付款，等待卖家发货"
    assert record.values["item_titles"] == "北欧风陶瓷马克杯，加厚珊瑚绒毛毯"
    assert record.values["item_count"] == 3


def test_excel_resave_plain_digits_slashed_dates_scientific_rejected(tmp_path: Path) -> None:
    rows = [
        order(NO_A, 订单创建时间="2024/6/18 14:20", 买家实际支付金额="158.8"),
        order(NO_B, 订单编号="3.28777E+18"),
        order(NO_C, 买家实际支付金额="一百"),
        order("2088123456789012353", 订单创建时间="上周三"),
    ]
    path = write_orders(tmp_path / "ExportOrderList202406201030.csv", rows, excel=True)
    raw = path.read_bytes().decode("gb18030")
    assert '="' not in raw and "\r\n" in raw  # really an Excel-style file
    export, records = parse(path)
    assert [record.order_no for record in records] == [NO_A]
    (record,) = records
    assert record.values["paid_fen"] == 15880
    assert record.values["created_at"] == "2024-06-18T06:20:00Z"
    assert record.precision["created_at"] == "m"
    problems = [(p.file, p.row, p.column, p.value, p.reason) for p in export.problems]
    assert problems[0][:4] == (path.name, 3, "订单编号", "3.28777E+18")
    assert "科学计数法" in problems[0][4]
    assert problems[1][:4] == (path.name, 4, "买家实际支付金额", "一百")
    assert problems[2][1:4] == (5, "订单创建时间", "上周三")
    assert export.rows == 4


def test_duplicate_orders_in_one_file_are_both_read(tmp_path: Path) -> None:
    rows = [order(NO_A), order(NO_B), order(NO_A)]
    export, records = parse(write_orders(tmp_path / "o.csv", rows))
    assert [r.order_no for r in records] == [NO_A, NO_B, NO_A]
    assert export.problems == []


def test_file_cut_in_the_middle_of_the_last_row(tmp_path: Path) -> None:
    path = write_orders(tmp_path / "o.csv", [order(NO_A), order(NO_B), order(NO_C)])
    data = path.read_bytes().rstrip(b"\r\n")
    path.write_bytes(data[: len(data) - 200])
    export, records = parse(path)
    assert [r.order_no for r in records] == [NO_A, NO_B]
    (problem,) = export.problems
    assert problem.row == 4
    assert "中途结束" in problem.reason


def test_excel_resaved_file_cut_in_the_middle(tmp_path: Path) -> None:
    path = write_orders(tmp_path / "o.csv", [order(NO_A), order(NO_B)], excel=True)
    data = path.read_bytes().rstrip(b"\r\n")
    path.write_bytes(data[:-60])
    export, records = parse(path)
    assert [r.order_no for r in records] == [NO_A]
    (problem,) = export.problems
    assert problem.row == 3 and "中途结束" in problem.reason


def test_file_cut_inside_a_quoted_field(tmp_path: Path) -> None:
    path = write_orders(tmp_path / "o.csv", [order(NO_A), order(NO_B, 买家留言="周末再送")])
    data = path.read_bytes().rstrip(b"\r\n")
    cut = data.index("周末".encode("gb18030")) + 4  # inside 买家留言
    path.write_bytes(data[:cut])
    export, records = parse(path)
    assert [r.order_no for r in records] == [NO_A]
    assert export.problems[0].row == 3


def test_kind_comes_from_the_header_not_the_name(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "ExportOrderList202406201030.csv", [line(NO_A)])
    export, _ = parse(path)
    assert export.kind is ExportKind.ORDER_LINES


def test_export_stamp_from_name() -> None:
    assert export_stamp("ExportOrderList202406201030.csv") == "2024-06-20T02:30:00Z"
    assert export_stamp("ExportOrderDetailList20240620103015.csv") == "2024-06-20T02:30:15Z"
    assert export_stamp("orders.csv") is None


# Item report -------------------------------------------------------------------------------


def test_old_item_report_trailing_comma_positions_and_null_code(tmp_path: Path) -> None:
    rows = [
        line(NO_A),
        line(NO_A, 标题="加厚珊瑚绒毛毯 午睡毯", 商家编码="null", 购买数量="2", 价格="89.00"),
        line(NO_B, 订单状态="交易关闭"),
    ]
    path = write_lines(tmp_path / "ExportOrderDetailList202406201030.csv", rows, layout=10)
    assert path.read_bytes().split(b"\r\n")[1].endswith(b",")
    export, records = parse(path)
    assert export.problems == []
    assert all(isinstance(r, ParsedLine) for r in records)
    assert [(r.order_no, r.position) for r in records] == [(NO_A, 1), (NO_A, 2), (NO_B, 1)]
    second = records[1]
    assert second.outer_code == ""
    assert second.quantity == 2 and second.price_fen == 8900
    assert records[0].sku_props == "颜色分类：奶白色;容量：400ml"
    assert records[0].sub_order_no is None
    assert records[2].status == "交易关闭"


def test_new_item_report_has_sub_order_numbers(tmp_path: Path) -> None:
    rows = [
        line(NO_A, 子订单编号="3515313147330357910"),
        line(NO_A, 子订单编号="3515313147331357910", 标题="不锈钢保温饭盒 三层"),
    ]
    path = write_lines(tmp_path / "d.csv", rows, layout=18, encoding="utf-8", bom=True)
    export, records = parse(path)
    assert export.layout.width == 18
    assert [r.sub_order_no for r in records] == ["3515313147330357910", "3515313147331357910"]
    assert {r.order_no for r in records} == {NO_A}


# Refund export -----------------------------------------------------------------------------


def refund_rows() -> list[dict[str, object]]:
    return [
        refund(NO_A, "150001234567890101"),  # waiting for the seller, deadline given
        refund(
            NO_B,
            "150001234567890102",
            是否需要退货="是",
            退款状态="买家已经退货，等待卖家确认收货",
            买家退货时间="2024-06-21 18:30:00",
            退货物流公司="中通快递",
            退货物流单号="No:75312345678901",
            超时时间="2024-07-01 18:30:00",
            售中或售后="售后退款",
        ),
        refund(
            NO_C,
            "150001234567890103",
            货物状态="卖家未发货",
            发货物流信息="",
            退款状态="退款成功",
            退款完结时间="2024-06-20 10:00:00",
            超时时间="",
        ),
        refund(
            "2088123456789012353",
            "150001234567890104",
            退款状态="卖家拒绝退款",
            客服介入状态="客服介入中",
        ),
    ]


def check_refunds(records: list[ParsedRefund]) -> None:
    waiting, returned, refunded, disputed = records
    assert waiting.kind == CaseKind.REFUND_SHIPPED.value
    assert waiting.state == CaseState.AWAITING_SELLER.value
    assert waiting.platform_deadline == "2024-06-22T01:15:02Z"
    assert waiting.opened_at == "2024-06-20T01:15:02Z"
    assert waiting.refund_fen == 3900
    assert [e.kind for e in waiting.events] == [EventKind.OPENED.value]

    assert returned.kind == CaseKind.RETURN_REFUND.value
    assert returned.state == CaseState.RETURN_IN_TRANSIT.value
    assert [e.kind for e in returned.events] == [
        EventKind.OPENED.value,
        EventKind.SELLER_AGREED.value,
        EventKind.BUYER_SHIPPED_RETURN.value,
    ]
    assert returned.events[2].at == "2024-06-21T10:30:00Z"
    assert returned.events[2].note == "中通快递 75312345678901"

    assert refunded.kind == CaseKind.REFUND_UNSHIPPED.value
    assert refunded.state == CaseState.REFUNDED.value
    assert refunded.closed_at == "2024-06-20T02:00:00Z"
    assert refunded.platform_deadline is None
    assert refunded.events[-1].kind == EventKind.REFUNDED.value

    assert disputed.state == CaseState.INTERVENTION.value
    kinds = [e.kind for e in disputed.events]
    assert kinds == [
        EventKind.OPENED.value,
        EventKind.SELLER_REFUSED.value,
        EventKind.PLATFORM_INTERVENED.value,
    ]
    assert disputed.events[1].at is None  # the export does not say when: seen at export time


def test_refund_workbook(tmp_path: Path) -> None:
    path = write_refunds_xlsx(tmp_path / "退款管理导出.xlsx", refund_rows())
    export, records = parse(path)
    assert export.kind is ExportKind.REFUNDS
    assert export.encoding == "xlsx"
    assert export.problems == []
    check_refunds(records)


@pytest.mark.parametrize("layout", ["42", "old", "new"])
def test_refund_csv_resaved_in_gbk_each_spelling(tmp_path: Path, layout: str) -> None:
    path = write_refunds_csv(tmp_path / "refunds.csv", refund_rows(), layout=layout)
    export, records = parse(path)
    assert export.kind is ExportKind.REFUNDS and export.encoding == "gb18030"
    assert export.problems == []
    check_refunds(records)
    if layout == "old":
        assert records[0].buyer_nick == "tb_柳絮飞"


def test_refund_row_with_scientific_order_number_is_skipped(tmp_path: Path) -> None:
    rows = refund_rows()
    rows[1]["订单编号"] = "3.51531E+18"
    export, records = parse(write_refunds_xlsx(tmp_path / "r.xlsx", rows))
    assert len(records) == 3
    (problem,) = export.problems
    assert (problem.row, problem.column, problem.value) == (3, "订单编号", "3.51531E+18")


# Files that cannot be used at all ----------------------------------------------------------


def expect_input_error(path: Path, words: str) -> None:
    with pytest.raises(InputError, match=words) as caught:
        export = open_export(path)
        list(export.records())
    assert path.name in str(caught.value)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "ExportOrderList202406201030.csv"
    path.write_bytes(b"")
    expect_input_error(path, "空")
    path.write_bytes(b"\r\n\r\n")
    expect_input_error(path, "空")


def test_header_only(tmp_path: Path) -> None:
    expect_input_error(write_orders(tmp_path / "o.csv", []), "没有数据行")


def test_binary_junk(tmp_path: Path) -> None:
    path = tmp_path / "ExportOrderList.csv"
    path.write_bytes(bytes(range(256)) * 40)
    expect_input_error(path, "二进制")


def test_truncated_workbook(tmp_path: Path) -> None:
    path = write_refunds_xlsx(tmp_path / "refunds.xlsx", refund_rows())
    path.write_bytes(path.read_bytes()[:1500])
    expect_input_error(path, "不完整")


def test_zip_bomb_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 1024 * 1024))
    expect_input_error(path, "压缩比")


def test_missing_required_columns_are_named(tmp_path: Path) -> None:
    header = [
        name for name in ("订单编号", "买家会员名", "收货地址", "订单创建时间", "买家应付邮费")
    ]
    path = write_rows(tmp_path / "o.csv", header, [order(NO_A)])
    expect_input_error(path, "缺少必需的列：订单状态、买家实际支付金额")


def test_another_platforms_export_is_refused_naming_what_it_looks_like(tmp_path: Path) -> None:
    # JD's after-sales export shares 订单号 with JD's and Pinduoduo's order exports and
    # 商品编号 with others: the whole header decides (no verbatim header of it is known)
    header = ["服务单号", "申请单号", "申请时间", "订单号", "商品编号", "商品名称", "客户期望"]
    header += ["审核时间", "审核结果", "处理结果", "客户姓名", "取件方式"]
    row = {"服务单号": "1234567890", "订单号": "291184764662"}
    path = write_rows(tmp_path / "jd.csv", header, [row])
    expect_input_error(path, "京东售后服务单导出缺少必需的列：服务单状态")


def test_a_file_of_no_known_platform_is_refused(tmp_path: Path) -> None:
    header = ["编号", "名称", "金额", "备注"]
    expect_input_error(
        write_rows(tmp_path / "x.csv", header, [{"编号": "1"}]), "不是 ShopDesk 认识的"
    )


def test_a_refund_before_shipping_is_not_taken_for_one_after(tmp_path: Path) -> None:
    # 买家未收到货 is also what an order not yet shipped shows: the shipping record decides
    rows = [
        refund(
            NO_A, "150001234567890101", 货物状态="买家未收到货", 发货物流信息="", 售中或售后="售中"
        ),
        refund(NO_B, "150001234567890102", 货物状态="买家未收到货", 售中或售后="售中"),
    ]
    _export, (unshipped, in_transit) = parse(write_refunds_csv(tmp_path / "r.csv", rows))
    assert unshipped.kind == CaseKind.REFUND_UNSHIPPED.value
    assert in_transit.kind == CaseKind.REFUND_SHIPPED.value
