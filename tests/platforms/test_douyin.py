"""Douyin shop (抖店) exports as 抖店 and Excel write them (shared/domain/platforms/douyin.md):
the order CSV in both layouts with its BOM, tab-prefixed ids and `-` cells, one row per
子订单 folded into its 主订单 (paid, status, gifts, repeats), 快递信息, Excel re-saves
and mangled numbers, the .xlsx download; the 售后 workbook (kinds, states, refund amount,
自动处理截止时间); the clocks; shops; re-imports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.domain.timeutil import from_text
from shopdesk.platforms.detect import guess_spec
from shopdesk.platforms.export_file import export_stamp, open_export
from shopdesk.store.deadlines_repo import deadlines_for_case, deadlines_for_order
from shopdesk.store.import_repo import import_files
from shopdesk.store.store import Store
from tests.douyin_fixtures import (
    AFTER_SALES,
    LAYOUT_A,
    LAYOUT_B,
    NO,
    douyin_after_sale,
    douyin_line,
    excel_scientific,
    express_info,
    order_export_name,
    shipped,
    write_douyin_after_sales,
    write_douyin_orders,
    write_douyin_orders_xlsx,
)
from tests.importers_fixtures import order, write_orders
from tests.pdd_fixtures import pdd_order, write_pdd_orders

TWO = "6917546239482020011"  # a 主订单 of two 子订单
SUB_1, SUB_2 = "6917546239482020012", "6917546239482020013"
EXPORT = order_export_name()
AFTER = "售后单导出-2026-11-28-09-30-00.xlsx"


def only_order(store: Store):
    (found,) = store.list_orders()
    return found


def blanket(order_no: str = TWO, sub_no: str = SUB_2, **fields) -> dict:
    """A second 子订单: 89.00, 80.00 to pay, no payment discount."""
    return douyin_line(
        order_no,
        sub_no,
        选购商品="加厚珊瑚绒毛毯 午睡毯",
        商品规格="雾霾蓝;150x200cm",
        商品单价="89.00",
        商品金额="89.00",
        订单应付金额="80.00",
        支付优惠="0.00",
        商家编码="BLK-150",
        **fields,
    )


@pytest.mark.parametrize("header", [LAYOUT_A, LAYOUT_B], ids=["74 columns", "75 columns"])
def test_both_layouts_are_read_by_header_name(
    store: Store, tmp_path: Path, now, header: list[str]
) -> None:
    path = write_douyin_orders(tmp_path / EXPORT, [douyin_line(NO)], header)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    assert f'"\t{NO}"'.encode() in raw  # ids written with a tab before them
    assert b'"-"' in raw  # and "-" for an empty cell
    report = import_files(store, [path], now=now)
    (file,) = report.files
    assert (file.platform, file.kind, file.rows, file.added) == ("douyin", "orders", 1, 1)
    found = only_order(store)
    assert (found.platform, found.order_no, found.status, found.state) == (
        "douyin",
        NO,
        "待发货",
        "paid",
    )
    assert found.paid_fen == 3540  # 订单应付金额 36.90 - 支付优惠 1.50
    assert found.created_at == "2026-11-27T02:21:07Z"  # 订单提交时间, China time
    assert found.paid_at == "2026-11-27T02:21:15Z"  # 支付完成时间
    assert found.ship_by_at == "2026-11-29T02:21:15Z"  # 承诺发货时间
    assert (found.tracking_no, found.buyer_message, found.closed_reason) == ("", "", "")  # "-"
    assert found.receiver_address == "浙江省杭州市西湖区文新街道文一西路****号"
    (line,) = store.order_lines(found.id)
    assert line.sub_order_no == NO  # a single-item order: 子订单编号 = 主订单编号
    assert (line.title, line.price_fen, line.quantity, line.outer_code) == (
        "北欧风陶瓷马克杯 大容量带盖",
        3990,  # 商品单价 (A) / 商品金额 (B): the unit price
        1,
        "MUG-400-W",
    )


def test_sub_orders_add_up_to_their_main_order_a_repeated_row_once(
    store: Store, tmp_path: Path, now
) -> None:
    mug = douyin_line(TWO, SUB_1)
    rows = [mug, blanket(), mug]  # the mug row twice: overlapping export tasks
    report = import_files(store, [write_douyin_orders(tmp_path / EXPORT, rows)], now=now)
    (file,) = report.files
    assert (file.rows, file.added, file.merged, len(file.skipped)) == (3, 1, 2, 0)
    found = only_order(store)
    assert found.paid_fen == 3540 + 8000  # each 子订单's paid, the repeat not counted again
    assert found.item_count == 2
    assert [(line.sub_order_no, line.position) for line in store.order_lines(found.id)] == [
        (SUB_1, 1),
        (SUB_2, 2),
    ]


def test_a_main_order_s_rows_apart_in_the_file_still_add_up(
    store: Store, tmp_path: Path, now
) -> None:
    rows = [douyin_line(TWO, SUB_1), douyin_line(NO), blanket()]
    import_files(store, [write_douyin_orders(tmp_path / EXPORT, rows)], now=now)
    assert store.find_order("douyin", TWO).paid_fen == 11540
    assert store.find_order("douyin", TWO).lines == 2


def status_of(store: Store, tmp_path: Path, now, rows: list[dict]) -> tuple[str, str]:
    import_files(store, [write_douyin_orders(tmp_path / EXPORT, rows)], now=now)
    found = store.find_order("douyin", TWO)
    return found.status, found.state


GIFT = {
    "选购商品": "【赠品】竹纤维洗碗布 2片",
    "商品单价": "0.00",
    "订单应付金额": "0.00",
    "支付优惠": "0.00",
}
GIFT_CANCELLED = "主品订单售后完成，未发货赠品订单取消"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("待发货", "已发货", ("已发货", "shipped")),
        ("已完成", "已发货", ("已完成", "success")),
        ("待发货", "已完成", ("已完成", "success")),
        ("已关闭", "待发货", ("待发货", "paid")),  # one item refunded, the other still to ship
        ("已关闭", "已完成", ("已完成", "success")),
        ("已关闭", "已关闭", ("已关闭", "closed")),
    ],
)
def test_the_main_order_shows_its_most_advanced_sub_order(
    store: Store, tmp_path: Path, now, first: str, second: str, expected: tuple[str, str]
) -> None:
    rows = [douyin_line(TWO, SUB_1, 订单状态=first), blanket(订单状态=second)]
    assert status_of(store, tmp_path, now, rows) == expected


def test_closed_when_every_item_but_the_gift_is_closed(store: Store, tmp_path: Path, now) -> None:
    main = douyin_line(TWO, SUB_1, 订单状态="已关闭", 取消原因="买家申请退款")
    gift = douyin_line(TWO, SUB_2, 订单状态="待发货", **GIFT)  # the gift not cancelled yet
    assert status_of(store, tmp_path, now, [main, gift]) == ("已关闭", "closed")
    assert store.find_order("douyin", TWO).closed_reason == "买家申请退款"


def test_a_cancelled_gift_does_not_close_an_order_whose_item_arrived(
    store: Store, tmp_path: Path, now
) -> None:
    main = douyin_line(TWO, SUB_1, 订单状态="已完成")
    gift = blanket(订单状态="已关闭", 取消原因=GIFT_CANCELLED)  # priced, but cancelled as a gift
    assert status_of(store, tmp_path, now, [main, gift]) == ("已完成", "success")
    assert store.find_order("douyin", TWO).closed_reason == ""


def test_an_unknown_status_word_skips_the_row_and_names_it(
    store: Store, tmp_path: Path, now
) -> None:
    rows = [douyin_line(NO), douyin_line("6917546239482029999", 订单状态="拼团中")]
    report = import_files(store, [write_douyin_orders(tmp_path / EXPORT, rows)], now=now)
    (skipped,) = report.files[0].skipped
    assert (skipped.row, skipped.column, skipped.value) == (3, "订单状态", "拼团中")
    assert "不认识这个抖店订单状态" in skipped.reason
    assert [o.order_no for o in store.list_orders()] == [NO]


@pytest.mark.parametrize("discount", ["店铺满减-3.00", "3.00", "-"])
def test_merchant_discount_as_name_and_amount_or_a_number(
    store: Store, tmp_path: Path, now, discount: str
) -> None:
    path = write_douyin_orders(tmp_path / EXPORT, [douyin_line(NO, 商家优惠=discount)])
    import_files(store, [path], now=now)
    assert only_order(store).paid_fen == 3540


def test_express_info_gives_every_waybill_and_courier_the_first_is_the_tracking_no(
    store: Store, tmp_path: Path, now
) -> None:
    mug = shipped(
        douyin_line(TWO, SUB_1), ("SF0220481613112", "顺丰速运"), ("770291786060549", "申通快递")
    )
    sent = shipped(blanket(), ("770291786060549", "申通快递"))  # shares the 申通 parcel
    assert mug["快递信息"] == (
        "SF0220481613112-顺丰速运,北欧风陶瓷马克杯 大容量带盖-3788410999938351943,1;"
        "770291786060549-申通快递,北欧风陶瓷马克杯 大容量带盖-3788410999938351943,1;"
    )
    path = write_douyin_orders(tmp_path / EXPORT, [mug, sent], LAYOUT_B)
    import_files(store, [path], now=now)
    found = only_order(store)
    assert found.tracking_no == "SF0220481613112,770291786060549"
    assert found.courier == "顺丰速运,申通快递"
    assert (found.status, found.shipped_at) == ("已发货", "2026-11-27T10:02:44Z")


def test_layout_a_has_no_waybill_only_the_ship_time(store: Store, tmp_path: Path, now) -> None:
    path = write_douyin_orders(tmp_path / EXPORT, [shipped(douyin_line(NO))], LAYOUT_A)
    import_files(store, [path], now=now)
    found = only_order(store)
    assert (found.state, found.shipped_at, found.tracking_no) == (
        "shipped",
        "2026-11-27T10:02:44Z",
        "",
    )


def test_excel_resave_with_ids_kept_as_text_imports_the_same(
    store: Store, tmp_path: Path, now
) -> None:
    rows = [douyin_line(NO, 商家备注="周一发顺丰"), shipped(douyin_line(TWO, SUB_1))]
    import_files(store, [write_douyin_orders(tmp_path / EXPORT, rows, LAYOUT_B)], now=now)
    resaved = write_douyin_orders(
        tmp_path / "resaved.csv",
        rows,
        LAYOUT_B,
        excel=True,
        keep_text={"主订单编号", "子订单编号", "快递信息"},
    )
    text = resaved.read_bytes().decode("gbk")  # GBK now, no BOM, slash dates, no seconds
    assert "2026/11/27 10:21" in text and "\t" not in text
    with pytest.raises(UnicodeDecodeError):
        resaved.read_bytes().decode("utf-8")
    assert excel_scientific("3788410999938351943") in text  # 商品ID is not kept: not stored
    report = import_files(store, [resaved], now=now)
    (file,) = report.files
    assert (file.added, file.updated, len(file.skipped), len(file.cleared)) == (0, 0, 0, 0)
    found = store.find_order("douyin", NO)
    assert found.paid_at == "2026-11-27T02:21:15Z"  # minutes never replace the known seconds
    assert found.seller_note == "周一发顺丰"


def test_excel_resave_as_first_import_reads_minutes(store: Store, tmp_path: Path, now) -> None:
    path = write_douyin_orders(
        tmp_path / EXPORT, [douyin_line(NO)], excel=True, keep_text={"主订单编号", "子订单编号"}
    )
    import_files(store, [path], now=now)
    found = only_order(store)
    assert (found.paid_fen, found.paid_at, found.ship_by_at) == (
        3540,
        "2026-11-27T02:21:00Z",
        "2026-11-29T02:21:00Z",
    )


def test_a_file_excel_left_with_rounded_ids_is_refused_whole(
    store: Store, tmp_path: Path, now
) -> None:
    path = write_douyin_orders(tmp_path / EXPORT, [douyin_line(NO), blanket()], excel=True)
    assert excel_scientific(NO) == "6.91755E+18"
    assert "6.91755E+18" in path.read_bytes().decode("gbk")
    with pytest.raises(InputError, match="2 行数据全部无法导入.*主订单编号.*科学计数法"):
        import_files(store, [path], now=now)
    assert store.list_orders() == []


@pytest.mark.parametrize("column", ["主订单编号", "子订单编号"])
def test_a_mangled_key_number_skips_its_row_never_stored_under_a_wrong_number(
    store: Store, tmp_path: Path, now, column: str
) -> None:
    rows = [douyin_line(NO), douyin_line(TWO, SUB_1), blanket()]
    mangled = excel_scientific(rows[1][column])
    path = write_douyin_orders(tmp_path / EXPORT, rows, typed={(1, column): mangled})
    report = import_files(store, [path], now=now)
    (skipped,) = report.files[0].skipped
    assert (skipped.row, skipped.column, skipped.value) == (3, column, mangled)
    assert "科学计数法" in skipped.reason
    assert {o.order_no for o in store.list_orders()} == {NO, TWO}
    two = store.find_order("douyin", TWO)
    assert (two.paid_fen, two.lines) == (8000, 1)  # only the row that could be trusted


def test_a_mangled_waybill_is_cleared_and_the_stored_one_kept(
    store: Store, tmp_path: Path, now
) -> None:
    rows = [shipped(douyin_line(NO), ("770291786060549", "申通快递"))]
    import_files(store, [write_douyin_orders(tmp_path / EXPORT, rows, LAYOUT_B)], now=now)
    info = express_info(("7.70292E+14", "申通快递", "北欧风陶瓷马克杯", "3788410999938351943", 1))
    resaved = write_douyin_orders(
        tmp_path / "resaved.csv",
        rows,
        LAYOUT_B,
        excel=True,
        keep_text={"主订单编号", "子订单编号"},
        typed={(0, "快递信息"): info, (0, "商家编码"): "6.92346E+12"},
    )
    report = import_files(store, [resaved], now=now)
    (file,) = report.files
    assert file.skipped == []
    cleared = {(problem.row, problem.column, problem.value) for problem in file.cleared}
    assert cleared == {(2, "快递信息", "7.70292E+14"), (2, "商家编码", "6.92346E+12")}
    found = only_order(store)
    assert (found.tracking_no, found.courier) == ("770291786060549", "申通快递")
    (line,) = store.order_lines(found.id)
    assert line.outer_code == "MUG-400-W"  # kept, not replaced by the rounded one


def test_a_mangled_waybill_on_a_new_order_is_left_empty(store: Store, tmp_path: Path, now) -> None:
    info = express_info(
        ("7.70292E+14", "申通快递", "杯", "1", 1), ("SF02204816131", "顺丰速运", "杯", "1", 1)
    )
    row = {**shipped(douyin_line(NO)), "快递信息": info}
    report = import_files(store, [write_douyin_orders(tmp_path / EXPORT, [row], LAYOUT_B)], now=now)
    assert only_order(store).tracking_no == "SF02204816131"
    (cleared,) = report.files[0].cleared
    assert (cleared.column, cleared.value) == ("快递信息", "7.70292E+14")


def test_the_order_export_downloaded_as_xlsx(store: Store, tmp_path: Path, now) -> None:
    rows = [shipped(douyin_line(NO), ("SF0220481613112", "顺丰速运"))]
    path = write_douyin_orders_xlsx(tmp_path / "1795826520_5a6b7c8d9e0f1a2b.xlsx", rows)
    import_files(store, [path], now=now)
    found = only_order(store)
    assert (found.order_no, found.paid_fen, found.tracking_no) == (NO, 3540, "SF0220481613112")


def test_export_times_from_the_file_names() -> None:
    assert export_stamp("1795826400_3edeb47b86bdb5b9.csv") == "2026-11-28T00:40:00Z"  # unix s
    token = "9f0c2b7e4d1a6c3b8e5f7a9d0b2c4e6fHNkQx1"  # 32 characters and a shop code
    assert export_stamp(f"1795826460_{token}.csv") == "2026-11-28T00:41:00Z"
    assert export_stamp(AFTER) == "2026-11-28T01:30:00Z"  # China time in the name


def test_detection_of_both_layouts_and_the_after_sales_export() -> None:
    for header in (LAYOUT_A, LAYOUT_B):
        spec = guess_spec(header)
        assert (spec.platform, spec.kind) == ("douyin", "orders")
    spec = guess_spec(AFTER_SALES)
    assert (spec.platform, spec.kind) == ("douyin", "refunds")


def after_sales_file(tmp_path: Path, rows: list[dict], **kw) -> Path:
    return write_douyin_after_sales(tmp_path / AFTER, rows, **kw)


def test_after_sales_kinds_states_amounts_and_deadline(store: Store, tmp_path: Path, now) -> None:
    orders = write_douyin_orders(
        tmp_path / EXPORT, [douyin_line(NO), shipped(douyin_line(TWO, SUB_1)), blanket()]
    )
    rows = [
        douyin_after_sale("7318945612387450001", NO),
        douyin_after_sale(
            "7318945612387450002", TWO, SUB_1, 售后类型="已发货退款", 商品发货状态="已发货"
        ),
        douyin_after_sale(
            "7318945612387450003",
            TWO,
            SUB_2,
            售后类型="退货退款",
            售后状态="待商家收货",
            **{"退商品金额（元）": "80.00", "退支付优惠（元）": "0.00"},
            退货物流单号="YT9912345678901",
        ),
        douyin_after_sale(
            "7318945612387450004", TWO, SUB_1, 售后类型="换货", 售后状态="待买家退货"
        ),
        douyin_after_sale(
            "7318945612387450005",
            NO,
            售后状态="同意退款，退款成功",
            售后完结时间="2026-11-27 20:11:40",
        ),
        douyin_after_sale("7318945612387450006", NO, 售后类型="未发货仅退款", 售后状态="售后关闭"),
        douyin_after_sale("7318945612387450007", TWO, SUB_1, 售后类型="已发货仅退款"),
    ]
    report = import_files(store, [orders, after_sales_file(tmp_path, rows)], now=now)
    refunds = report.files[1]
    assert (refunds.platform, refunds.kind, refunds.rows, refunds.added) == (
        "douyin",
        "refunds",
        7,
        7,
    )
    cases = {case.platform_refund_no[-1]: case for case in store.list_cases()}
    assert {n: (c.order_no, c.kind, c.state) for n, c in cases.items()} == {
        "1": (NO, "refund_unshipped", "awaiting_seller"),
        "2": (TWO, "refund_shipped", "awaiting_seller"),
        "3": (TWO, "return_refund", "return_in_transit"),
        "4": (TWO, "exchange", "awaiting_return"),
        "5": (NO, "refund_unshipped", "refunded"),
        "6": (NO, "refund_unshipped", "closed"),
        "7": (TWO, "refund_shipped", "awaiting_seller"),
    }
    asked = cases["1"]
    assert asked.refund_fen == 3540  # 退商品金额 36.90 - 退支付优惠 "-1.50"
    assert cases["3"].refund_fen == 8000
    assert (asked.platform_status, asked.reason) == ("待商家处理", "不想要了")
    assert cases["5"].platform_status == "同意退款，退款成功"  # full-width comma, verbatim
    assert asked.platform_deadline == "2026-11-29T12:11:32Z"  # 自动处理截止时间
    assert cases["5"].platform_deadline is None  # a finished case has no deadline
    assert cases["5"].closed_at == "2026-11-27T12:11:40Z"


def test_a_speedy_refund_is_finished_by_the_platform(store: Store, tmp_path: Path, now) -> None:
    rows = [
        douyin_after_sale(
            售后状态="同意退款，退款成功", 是否极速退款="是", 商家退款时间="2026-11-27 20:11:40"
        )
    ]
    import_files(store, [after_sales_file(tmp_path, rows)], now=now)
    (case,) = store.list_cases()
    assert (case.state, case.closed_at) == ("refunded", "2026-11-27T12:11:40Z")
    assert store.list_cases(open_only=True) == []


def test_after_sales_resaved_with_mangled_numbers(store: Store, tmp_path: Path, now) -> None:
    rows = [
        douyin_after_sale("7318945612387450001"),
        douyin_after_sale("7318945612387450002"),
        douyin_after_sale("7318945612387450003"),
        douyin_after_sale("7318945612387450004", 售后类型="退货退款", 售后状态="待商家收货"),
    ]
    path = after_sales_file(
        tmp_path,
        rows,
        excel=True,
        typed={
            (0, "售后单号"): 7.31894561238745e18,  # typed over: a number now
            (1, "订单号"): excel_scientific(NO),
            (2, "商品单号"): excel_scientific(NO),
            (3, "退货物流单号"): "7.70292E+14",  # pasted from a re-saved CSV
        },
    )
    report = import_files(store, [path], now=now)
    (file,) = report.files
    assert [(p.row, p.column) for p in file.skipped] == [
        (2, "售后单号"),
        (3, "订单号"),
        (4, "商品单号"),
    ]
    (cleared,) = file.cleared
    assert (cleared.row, cleared.column) == (5, "退货物流单号")
    (case,) = store.list_cases()
    assert (case.platform_refund_no, case.state) == ("7318945612387450004", "return_in_transit")
    assert case.opened_at == "2026-11-27T12:11:00Z"  # a date cell, to the minute


def test_reimport_adds_nothing_and_three_platforms_import_at_once(
    store: Store, tmp_path: Path, now
) -> None:
    files = [
        write_douyin_orders(tmp_path / EXPORT, [douyin_line(TWO, SUB_1), blanket()], LAYOUT_B),
        after_sales_file(tmp_path, [douyin_after_sale(order_no=TWO, sub_no=SUB_1)]),
        write_pdd_orders(tmp_path / "orders_export2024-06-15.csv", [pdd_order()]),
        write_orders(tmp_path / "ExportOrderList202406201030.csv", [order("3901234567890120")]),
    ]
    first = import_files(store, files, now=now)
    assert [(f.platform, f.kind, f.added) for f in first.files] == [
        ("douyin", "orders", 1),
        ("douyin", "refunds", 1),
        ("pdd", "orders", 1),
        ("taobao", "orders", 1),
    ]
    again = import_files(store, files, now=now)
    assert [(f.added, f.updated) for f in again.files] == [(0, 0)] * 4
    assert sorted(o.platform for o in store.list_orders()) == ["douyin", "pdd", "taobao"]
    assert store.find_order("douyin", TWO).lines == 2
    shops = store.db.execute("SELECT name FROM shops WHERE platform = 'douyin'").fetchall()
    assert shops == [("抖店店铺",)]  # a new shop named for the platform


def test_ship_by_is_the_platform_deadline_of_an_unshipped_order(
    store: Store, tmp_path: Path, now
) -> None:
    sent = shipped(douyin_line(TWO, SUB_1))
    path = write_douyin_orders(tmp_path / EXPORT, [douyin_line(NO), sent])
    import_files(store, [path], now=now)
    at = from_text("2026-11-28T04:00:00Z")
    (ship,) = deadlines_for_order(store, store.find_order("douyin", NO), at)
    assert (ship.rule_id, ship.basis) == ("ship.deadline", "platform")
    assert ship.due_at == from_text("2026-11-29T02:21:15Z")
    assert deadlines_for_order(store, store.find_order("douyin", TWO), at) == []


def test_without_its_promise_the_ship_clock_has_no_estimate(
    store: Store, tmp_path: Path, now
) -> None:
    path = write_douyin_orders(tmp_path / EXPORT, [douyin_line(NO, 承诺发货时间="")])
    import_files(store, [path], now=now)
    (ship,) = deadlines_for_order(store, only_order(store), from_text("2026-11-28T04:00:00Z"))
    assert (ship.due_at, ship.unknown_length) == (None, True)  # none invented
    assert "平台未公布时长" in ship.no_due_reason()


def test_the_after_sales_deadline_is_the_platform_s_and_none_is_invented(
    store: Store, tmp_path: Path, now
) -> None:
    rows = [
        douyin_after_sale("7318945612387450001"),
        douyin_after_sale("7318945612387450002", 自动处理截止时间="-"),
    ]
    import_files(store, [after_sales_file(tmp_path, rows)], now=now)
    at = from_text("2026-11-28T04:00:00Z")
    with_deadline, without = sorted(store.list_cases(), key=lambda c: c.platform_refund_no)
    (clock,) = deadlines_for_case(store, with_deadline, at)
    assert (clock.rule_id, clock.basis, clock.due_at) == (
        "refund.respond",
        "platform",
        from_text("2026-11-29T12:11:32Z"),
    )
    (clock,) = deadlines_for_case(store, without, at)
    assert (clock.rule_id, clock.due_at, clock.unknown_length) == ("refund.respond", None, True)


def test_the_douyin_rules_name_source_kind_and_confidence() -> None:
    from shopdesk.platforms.rulesets import builtin_ruleset

    rules = builtin_ruleset("douyin").latest().rules
    assert set(rules) >= {"ship.deadline", "refund.respond", "return.seller_confirms"}
    for rule in rules.values():
        assert rule.source and rule.source_kind and rule.confidence
    # only the 7-day window has a published length; the rest count to the export's deadline
    assert [r.id for r in rules.values() if not r.unknown_length] == ["no_reason_return"]
    assert rules["no_reason_return"].duration().total_seconds() == 168 * 3600


def test_open_export_names_the_platform_and_kind(tmp_path: Path) -> None:
    export = open_export(write_douyin_orders(tmp_path / EXPORT, [douyin_line(NO)], LAYOUT_B))
    assert (export.platform, export.kind.value, export.encoding) == (
        "douyin",
        "orders",
        "utf-8-sig",
    )
    export.close()


@pytest.mark.parametrize("header", [LAYOUT_A, LAYOUT_B], ids=["74 columns", "75 columns"])
@pytest.mark.parametrize(
    "row",
    [
        douyin_line(NO),
        shipped(douyin_line(NO), ("SF0220481613112", "顺丰速运")),
        {**shipped(douyin_line(NO)), "订单状态": "已完成", "订单完成时间": "2026-11-28 09:00:00"},
        douyin_line(NO, 订单状态="已关闭", 取消原因="买家申请退款", 订单提交时间="-"),
        {**shipped(douyin_line(NO)), "售后状态": "退款成功"},
    ],
    ids=["waiting", "shipped", "finished", "closed", "refunded"],
)
def test_a_one_item_order_gets_the_values_a_longer_one_would(
    tmp_path: Path, header: list[str], row: dict
) -> None:
    """One 子订单 takes a short way to its order's values: the same as the same 子订单 read
    as two would give, but for the amounts, which add up."""
    from shopdesk.platforms.douyin.parse import DouyinOrderParser

    export = open_export(write_douyin_orders(tmp_path / EXPORT, [row], header))
    parser = DouyinOrderParser(export.layout)
    parser(2, next(export._raw).values)
    export.close()
    (sub,) = parser._subs.values()
    (record,) = parser.finish()
    single, single_precision = parser._single_values(sub, record.state)
    double, double_precision = parser._order_values([sub, sub], record.state)
    for name in ("paid_fen", "total_fen", "postage_fen", "item_count", "refund_fen"):
        assert double.pop(name) == 2 * single.pop(name), name
    assert (single, single_precision) == (double, double_precision)


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("待商家同意", "awaiting_seller"),  # the API's words, as a newer export may write them
        ("待商家二次同意", "return_in_transit"),
        ("商家一次拒绝", "refused"),
        ("商家二次拒绝", "refused"),
        ("售后成功", "refunded"),
        ("换货成功", "closed"),
        ("售后失败", "closed"),
        ("已全额退款", "refunded"),
    ],
)
def test_after_sales_status_words_of_the_platform(
    store: Store, tmp_path: Path, now, status: str, state: str
) -> None:
    rows = [douyin_after_sale(售后类型="退货退款", 售后状态=status)]
    import_files(store, [after_sales_file(tmp_path, rows)], now=now)
    (case,) = store.list_cases()
    assert (case.platform_status, case.state) == (status, state)


def test_an_unknown_after_sales_status_or_a_repeated_row(store: Store, tmp_path: Path, now) -> None:
    rows = [
        douyin_after_sale("7318945612387450001"),
        douyin_after_sale("7318945612387450001"),  # the same 售后单 twice: folded
        douyin_after_sale("7318945612387450002", 售后状态="新的状态"),
    ]
    report = import_files(store, [after_sales_file(tmp_path, rows)], now=now)
    (file,) = report.files
    assert (file.rows, file.added, file.merged) == (3, 1, 1)
    (skipped,) = file.skipped
    assert (skipped.row, skipped.column, skipped.value) == (4, "售后状态", "新的状态")
    assert "不认识这个抖店售后状态" in skipped.reason


def test_after_sales_amounts_as_numbers(store: Store, tmp_path: Path, now) -> None:
    """Amounts typed into the workbook are number cells; 退支付优惠 is still a deduction."""
    path = after_sales_file(
        tmp_path,
        [douyin_after_sale()],
        excel=True,
        typed={(0, "退商品金额（元）"): 36.9, (0, "退支付优惠（元）"): -1.5},
    )
    import_files(store, [path], now=now)
    assert store.list_cases()[0].refund_fen == 3540


def test_express_info_variants() -> None:
    from shopdesk.platforms.douyin.parse import parse_express

    text = (
        "JDVA12345678901-1-1-京东快递,保温饭盒-3788410999938351944,1;"  # a hyphen in the waybill
        "1234567890123-EMS,保温饭盒-3788410999938351944,1；"  # a full-width semicolon
        "YT8812345678901,保温饭盒-3788410999938351944,1;"  # no courier
        "7.70292E+14-申通快递,保温饭盒-3788410999938351944,1;"  # rounded by Excel
    )
    assert parse_express(text) == (
        ["JDVA12345678901-1-1", "1234567890123", "YT8812345678901"],
        ["京东快递", "EMS", "申通快递"],
        ["7.70292E+14"],
    )
    assert parse_express("-") == ([], [], [])


@pytest.mark.parametrize(
    ("word", "state"),
    [("部分发货", "shipped"), ("已关闭（超时未支付）", "closed"), ("待付款", "unpaid")],
)
def test_a_new_status_wording_is_read_by_its_words_and_kept(
    store: Store, tmp_path: Path, now, word: str, state: str
) -> None:
    path = write_douyin_orders(tmp_path / EXPORT, [douyin_line(NO, 订单状态=word)])
    import_files(store, [path], now=now)
    assert (only_order(store).status, only_order(store).state) == (word, state)


def test_a_main_order_s_row_far_from_the_others_is_skipped_and_named(
    store: Store, tmp_path: Path, now, monkeypatch
) -> None:
    """Rows of one 主订单 are folded while the parser still holds it (10,000 orders); a row
    further away cannot be folded in, and is reported rather than overwriting the order."""
    from shopdesk.platforms.douyin import parse

    monkeypatch.setattr(parse, "DONE_WINDOW", 1)
    other = "6917546239482029999"
    rows = [douyin_line(TWO, SUB_1), douyin_line(NO), douyin_line(other), blanket()]
    report = import_files(store, [write_douyin_orders(tmp_path / EXPORT, rows)], now=now)
    (skipped,) = report.files[0].skipped
    assert (skipped.row, skipped.column, skipped.value) == (5, "主订单编号", TWO)
    assert "相隔太远" in skipped.reason
    assert store.find_order("douyin", TWO).paid_fen == 3540  # the first row's, never half-summed


def test_a_file_saved_again_without_its_bom_reads_the_same(
    store: Store, tmp_path: Path, now
) -> None:
    """Some tools re-save the export as UTF-8 without the BOM: the same order, the same
    Chinese, the same ids (nothing read as GBK)."""
    path = write_douyin_orders(tmp_path / EXPORT, [douyin_line(NO)], LAYOUT_B)
    path.write_bytes(path.read_bytes().removeprefix(b"\xef\xbb\xbf"))
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    report = import_files(store, [path], now=now)
    (file,) = report.files
    assert (file.platform, file.kind, file.added, file.skipped) == ("douyin", "orders", 1, [])
    found = only_order(store)
    assert (found.order_no, found.status, found.paid_fen) == (NO, "待发货", 3540)
    assert found.receiver_address == "浙江省杭州市西湖区文新街道文一西路****号"
    (line,) = store.order_lines(found.id)
    assert line.title == "北欧风陶瓷马克杯 大容量带盖"


# -- 商品单号: the order line a case is about -------------------------------------------


def test_a_case_knows_its_order_line_by_its_goods_number(store: Store, tmp_path: Path, now) -> None:
    """商品单号 (= 子订单编号) ties the 售后单 to its 子订单: of a 主订单 of two items the
    case names the blanket's line, a second 售后单 of the same 子订单 too; a later export
    without the column leaves the stored line as it was."""
    orders = write_douyin_orders(tmp_path / EXPORT, [douyin_line(TWO, SUB_1), blanket()])
    rows = [
        douyin_after_sale("7318945612387450001", TWO, SUB_2, 商品名称="加厚珊瑚绒毛毯 午睡毯"),
        douyin_after_sale("7318945612387450002", TWO, SUB_2, 售后状态="售后关闭"),
        douyin_after_sale("7318945612387450003", TWO, SUB_1),
    ]
    refunds = after_sales_file(tmp_path, rows)
    import_files(store, [orders, refunds], now=now)
    order = store.find_order("douyin", TWO)
    lines = {line.sub_order_no: line for line in store.order_lines(order.id)}
    cases = {case.platform_refund_no[-1]: case for case in store.list_cases()}
    assert {n: c.sub_order_no for n, c in cases.items()} == {"1": SUB_2, "2": SUB_2, "3": SUB_1}
    line = lines[cases["1"].sub_order_no]
    assert (line.position, line.title, line.outer_code) == (2, "加厚珊瑚绒毛毯 午睡毯", "BLK-150")
    assert lines[cases["3"].sub_order_no].title == "北欧风陶瓷马克杯 大容量带盖"

    from shopdesk.services.case_snapshot import read_case

    snapshot = read_case(store, cases["1"].id, from_text("2026-11-28T04:00:00Z"))
    named = [li.position for li in snapshot.lines if li.sub_order_no == snapshot.case.sub_order_no]
    assert named == [2]  # the case panel's snapshot finds the line among the order's

    without = [name for name in AFTER_SALES if name != "商品单号"]
    later = write_douyin_after_sales(
        tmp_path / "售后单导出-2026-11-28-10-30-00.xlsx", rows[:1], without
    )
    import_files(store, [later], now=now)
    assert store.get_case(cases["1"].id).sub_order_no == SUB_2


def test_an_old_store_upgrades_and_its_cases_learn_their_line(tmp_path: Path, now) -> None:
    """A store made before the case's line was kept (schema 0010) opens with the new step,
    its case without a line; importing the 售后 export names the line."""
    import shutil

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "stores" / "v0010.db"
    path = tmp_path / "old.db"
    shutil.copyfile(fixture, path)
    with Store.open(path) as store:
        assert "0011_case_sub_order_no" in store_steps(store)
        (old,) = store.list_cases()
        assert old.sub_order_no is None
        orders = write_douyin_orders(tmp_path / EXPORT, [douyin_line(TWO, SUB_1), blanket()])
        refunds = after_sales_file(tmp_path, [douyin_after_sale(order_no=TWO, sub_no=SUB_2)])
        import_files(store, [orders, refunds], now=now)
        douyin = [case for case in store.list_cases() if case.platform == "douyin"]
        assert [case.sub_order_no for case in douyin] == [SUB_2]
        assert store.get_case(old.id).sub_order_no is None


def store_steps(store: Store) -> list[str]:
    from shopdesk.store.migrations import migrations

    return migrations.applied(store.db)


# -- SKU: 商家编码 `-`, 货号, 商品规格, unit prices ------------------------------------------


@pytest.mark.parametrize(
    ("header", "code", "spu", "stored"),
    [
        (LAYOUT_B, "", "MUG-400", "MUG-400"),  # written "-": 货号 is the line's code
        (LAYOUT_B, "-", "MUG-400", "MUG-400"),  # written "\t-" as an id cell: the same
        (LAYOUT_B, "MUG-400-W", "MUG-400", "MUG-400-W"),  # 商家编码 first
        (LAYOUT_B, "", "", ""),  # both "-": empty, never the dash
        (LAYOUT_A, "", "MUG-400", ""),  # layout A has no 货号
    ],
    ids=["dash-spu", "tab-dash-spu", "code", "both-dash", "A-dash"],
)
def test_a_dash_seller_code_is_empty_and_the_spu_code_is_kept(
    store: Store, tmp_path: Path, now, header: list[str], code: str, spu: str, stored: str
) -> None:
    path = write_douyin_orders(
        tmp_path / EXPORT, [douyin_line(NO, 商家编码=code, 货号=spu)], header
    )
    names, cells = csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")))
    written = cells[names.index("商家编码")]
    assert written == ("-" if code == "" else "\t" + code)  # as 抖店 writes it
    import_files(store, [path], now=now)
    (line,) = store.order_lines(only_order(store).id)
    assert line.outer_code == stored


def test_spec_unit_price_quantity_and_masked_receiver(store: Store, tmp_path: Path, now) -> None:
    """商品单价 (A) / 商品金额 (B) are unit prices: two mugs are 2 x 39.90, not 19.95 each;
    商品规格 is layout A's only; there is no buyer account column, the receiver is masked
    and kept as written, 省/市/区/街道 in clear."""
    row = douyin_line(NO, 商品数量="2", 订单应付金额="76.80")
    import_files(store, [write_douyin_orders(tmp_path / EXPORT, [row], LAYOUT_A)], now=now)
    found = only_order(store)
    (line,) = store.order_lines(found.id)
    assert (line.price_fen, line.quantity, line.sku_props) == (3990, 2, "奶白色;400ml")
    assert (found.item_count, found.paid_fen, found.total_fen) == (2, 7680 - 150, 7680)
    assert (found.buyer_nick, found.receiver_name, found.receiver_phone) == (
        "",
        "王**",
        "1********35",
    )
    other = "6917546239482029999"
    path = write_douyin_orders(tmp_path / "b.csv", [douyin_line(other, 商品数量="2")], LAYOUT_B)
    import_files(store, [path], now=now)
    (line,) = store.order_lines(store.find_order("douyin", other).id)
    assert (line.price_fen, line.quantity, line.sku_props) == (3990, 2, "")  # no 商品规格 in B


def test_every_flag_colour_imports(store: Store, tmp_path: Path, now) -> None:
    """旗帜颜色 灰/紫/青/绿/橙/红: ShopDesk does not read it; no colour stops a row."""
    rows = [
        douyin_line(f"691754623948203{i:03d}1", 旗帜颜色=colour)
        for i, colour in enumerate("灰紫青绿橙红")
    ]
    report = import_files(store, [write_douyin_orders(tmp_path / EXPORT, rows)], now=now)
    assert (report.files[0].added, report.files[0].skipped) == (6, [])


# -- 售后状态 of the order export ------------------------------------------------------


@pytest.mark.parametrize("header", [LAYOUT_A, LAYOUT_B], ids=["74 columns", "75 columns"])
@pytest.mark.parametrize(
    ("after_sales", "refund_fen"),
    [
        ("", 0),  # written "-"
        ("退款成功", 3540),
        ("已全额退款", 3540),
        ("同意退款，退款成功", 3540),
        ("售后关闭", 0),  # asked, then closed: nothing went back
        ("待商家处理", 0),
        ("待商家收货", 0),
    ],
)
def test_the_order_export_s_after_sales_status_gives_the_refunded_amount(
    store: Store, tmp_path: Path, now, header: list[str], after_sales: str, refund_fen: int
) -> None:
    """A 子订单 whose 售后状态 says the money went back counts its paid (订单应付金额 - 支付优惠)
    as the order's refund; its 订单状态 is still the order's status."""
    row = {**shipped(douyin_line(NO)), "订单状态": "已完成", "售后状态": after_sales}
    import_files(store, [write_douyin_orders(tmp_path / EXPORT, [row], header)], now=now)
    found = only_order(store)
    assert (found.status, found.state, found.refund_fen) == ("已完成", "success", refund_fen)


def test_a_sub_order_refunded_after_shipping_does_not_hide_the_one_still_to_ship(
    store: Store, tmp_path: Path, now
) -> None:
    """One 子订单 shipped and refunded (已发货, 售后状态 退款成功), the other still 待发货: the
    主订单 is still to ship, its ship clock runs to that 子订单's 承诺发货时间; the
    refund is the refunded one's paid. Both refunded: the 订单状态 as written."""
    refunded = {**shipped(douyin_line(TWO, SUB_1)), "售后状态": "退款成功"}
    waiting = blanket(承诺发货时间="2026-11-30 09:00:00")
    assert status_of(store, tmp_path, now, [refunded, waiting]) == ("待发货", "paid")
    found = store.find_order("douyin", TWO)
    assert (found.refund_fen, found.paid_fen) == (3540, 3540 + 8000)
    (ship,) = deadlines_for_order(store, found, from_text("2026-11-28T04:00:00Z"))
    assert (ship.rule_id, ship.basis) == ("ship.deadline", "platform")
    assert ship.due_at == from_text("2026-11-30T01:00:00Z")
    (line, _) = store.order_lines(found.id)
    assert (line.sub_order_no, line.status) == (SUB_1, "已发货")  # the line keeps its word


def test_every_sub_order_refunded_keeps_the_written_status(
    store: Store, tmp_path: Path, now
) -> None:
    rows = [
        {**shipped(douyin_line(TWO, SUB_1)), "售后状态": "退款成功"},
        {**shipped(blanket()), "售后状态": "已全额退款"},
    ]
    assert status_of(store, tmp_path, now, rows) == ("已发货", "shipped")
    assert store.find_order("douyin", TWO).refund_fen == 3540 + 8000


# -- return waybills (退货物流单号 / 退货物流公司 / 退货发货时间) ------------------------------


RETURN = {
    "售后类型": "退货退款",
    "商品发货状态": "已发货",
    "同意售后申请时间": "2026-11-27 20:30:00",
    "退货物流单号": "YT9912345678901",
    "退货物流公司": "圆通速递",
    "退货发货时间": "2026-11-28 09:12:00",
}


def test_a_return_on_its_way_shows_its_waybill_and_courier(
    store: Store, tmp_path: Path, now
) -> None:
    """待商家收货 with 退货物流单号 and 退货物流公司: the case shows the buyer's return step at
    退货发货时间 with the waybill as the seller looks it up; the case panel's snapshot has
    it; a 待买家退货 row has no waybill step."""
    orders = write_douyin_orders(tmp_path / EXPORT, [shipped(douyin_line(NO))])
    rows = [
        douyin_after_sale("7318945612387450001", NO, 售后状态="待商家收货", **RETURN),
        douyin_after_sale(
            "7318945612387450002",
            NO,
            售后状态="待买家退货",
            **{**RETURN, "退货物流单号": "", "退货物流公司": "", "退货发货时间": ""},
        ),
    ]
    import_files(store, [orders, after_sales_file(tmp_path, rows)], now=now)
    sent, waiting = sorted(store.list_cases(), key=lambda c: c.platform_refund_no)
    assert (sent.kind, sent.state, sent.platform_status) == (
        "return_refund",
        "return_in_transit",
        "待商家收货",
    )
    events = [(e.kind, e.at, e.note) for e in store.events(sent.id)]
    assert events == [
        ("opened", "2026-11-27T12:11:32Z", "不想要了"),
        ("seller_agreed", "2026-11-27T12:30:00Z", ""),
        ("buyer_shipped_return", "2026-11-28T01:12:00Z", "圆通速递 YT9912345678901"),
    ]
    assert not [e for e in store.events(waiting.id) if e.kind == "buyer_shipped_return"]

    from shopdesk.services.case_snapshot import read_case

    snapshot = read_case(store, sent.id, now)
    shown = [e.note for e in snapshot.events if e.kind == "buyer_shipped_return"]
    assert shown == ["圆通速递 YT9912345678901"]
    assert snapshot.state.value == "return_in_transit"
    again = import_files(store, [after_sales_file(tmp_path, rows)], now=now)
    assert (again.files[0].added, again.files[0].updated) == (0, 0)


def test_a_return_without_its_send_time_or_agreement_time(
    store: Store, tmp_path: Path, now
) -> None:
    """No 退货发货时间: the return step still carries the waybill, at the export's time; no
    同意售后申请时间 but a send time: the agreement is no later than the return was sent."""
    rows = [
        douyin_after_sale(
            "7318945612387450001", 售后状态="待商家收货", **{**RETURN, "退货发货时间": ""}
        ),
        douyin_after_sale(
            "7318945612387450002", 售后状态="待商家收货", **{**RETURN, "同意售后申请时间": ""}
        ),
    ]
    import_files(store, [after_sales_file(tmp_path, rows)], now=now)
    untimed, unagreed = sorted(store.list_cases(), key=lambda c: c.platform_refund_no)
    (step,) = [e for e in store.events(untimed.id) if e.kind == "buyer_shipped_return"]
    assert (step.at, step.note) == ("2026-11-28T01:30:00Z", "圆通速递 YT9912345678901")
    kinds = [(e.kind, e.at) for e in store.events(unagreed.id)][1:]
    assert kinds == [
        ("seller_agreed", "2026-11-28T01:12:00Z"),
        ("buyer_shipped_return", "2026-11-28T01:12:00Z"),
    ]


def test_a_finished_return_keeps_its_waybill_on_the_timeline(
    store: Store, tmp_path: Path, now
) -> None:
    """A 退货退款 refunded after the goods came back: the timeline is asked, agreed, sent
    back (with the waybill), refunded, and the case is refunded."""
    rows = [
        douyin_after_sale(
            售后状态="同意退款，退款成功",
            商家退款时间="2026-11-29 10:00:00",
            售后完结时间="2026-11-29 10:00:00",
            **RETURN,
        )
    ]
    import_files(store, [after_sales_file(tmp_path, rows)], now=now)
    (case,) = store.list_cases()
    assert (case.state, case.platform_deadline) == ("refunded", None)
    assert [(e.kind, e.at, e.note) for e in store.events(case.id)] == [
        ("opened", "2026-11-27T12:11:32Z", "不想要了"),
        ("seller_agreed", "2026-11-27T12:30:00Z", ""),
        ("buyer_shipped_return", "2026-11-28T01:12:00Z", "圆通速递 YT9912345678901"),
        ("refunded", "2026-11-29T02:00:00Z", "同意退款，退款成功"),
    ]
    from shopdesk.store.deadlines_repo import case_state

    assert case_state(case, store.events(case.id), from_text("2026-11-30T00:00:00Z")).value == (
        "refunded"
    )


def test_the_sample_tool_s_files_read_as_douyin_md_says(store: Store, tmp_path: Path, now) -> None:
    """tools/make_douyin_samples.py's set, imported: each quirk it writes is read as
    shared/domain/platforms/douyin.md says (tests/e2e/test_sample_tools.py checks each file's
    kind and its skipped and cleared cells)."""
    import importlib.util

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "make_douyin_samples", root / "tools" / "make_douyin_samples.py"
    )
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    folder = tmp_path / "samples"
    assert tool.main(["make_douyin_samples.py", str(folder)]) == 0
    layout_a = folder / "1795826400_3edeb47b86bdb5b9.csv"
    layout_b = folder / "1795826460_9f0c2b7e4d1a6c3b8e5f7a9d0b2c4e6fHNkQx1.csv"
    after = folder / "售后单导出-2026-11-28-09-30-00.xlsx"
    report = import_files(store, [layout_a, layout_b, after], now=now)
    assert [(f.kind, f.rows, f.skipped, f.cleared) for f in report.files] == [
        ("orders", 9, [], []),
        ("orders", 9, [], []),
        ("refunds", 7, [], []),
    ]
    order = {no: store.find_order("douyin", no) for no in (tool.WAITING, tool.MIXED, tool.PART)}
    waiting, mixed, part = order[tool.WAITING], order[tool.MIXED], order[tool.PART]
    assert (waiting.state, waiting.paid_fen, waiting.ship_by_at) == (
        "paid",
        3540,
        "2026-11-29T02:21:15Z",
    )
    assert (mixed.status, mixed.lines, mixed.paid_fen) == ("已发货", 2, 3540 + 8000)  # a repeat
    assert (mixed.tracking_no, mixed.courier) == (
        "SF0220481613112,770291786060549",
        "顺丰速运,申通快递",
    )
    closed = store.find_order("douyin", tool.CLOSED)
    assert (closed.state, closed.closed_reason, closed.refund_fen) == (
        "closed",
        "买家申请退款",
        3540,
    )
    assert (part.status, part.refund_fen, part.shipped_at) == ("待发货", 3540, None)
    sent, two_mugs = store.order_lines(part.id)
    assert (two_mugs.outer_code, two_mugs.quantity, two_mugs.price_fen) == ("MUG-400", 2, 3990)

    cases = {case.platform_refund_no[-2:]: case for case in store.list_cases()}
    assert cases["90"].sub_order_no == "6917546239482020012"  # the mug, not the blanket
    assert cases["94"].sub_order_no == sent.sub_order_no
    assert cases["89"].sub_order_no == tool.WAITING  # one item: 商品单号 = 订单号
    for number, state in (("91", "return_in_transit"), ("95", "refunded")):
        returns = [
            e.note for e in store.events(cases[number].id) if e.kind == "buyer_shipped_return"
        ]
        assert (cases[number].state, len(returns)) == (state, 1)
    assert cases["89"].platform_deadline == "2026-11-29T12:11:32Z"  # 自动处理截止时间
    assert cases["93"].state == "refunded"  # 极速退款

    resaved = import_files(store, [folder / "excel-resaved-ids-as-text.csv"], now=now)
    assert (resaved.files[0].added, resaved.files[0].skipped) == (0, [])


def test_a_seller_s_own_field_set_in_its_own_order(store: Store, tmp_path: Path, now) -> None:
    """The seller picks the fields and their order: columns are found by name; without
    支付优惠 the paid is 订单应付金额, without 承诺发货时间 no ship-by is invented. A file
    without 订单状态 is refused whole, naming it."""
    picked = ["订单状态", "支付完成时间", "订单提交时间", "订单应付金额", "商品数量"]
    header = [*picked, "选购商品", "子订单编号", "主订单编号"]
    path = write_douyin_orders(tmp_path / EXPORT, [douyin_line(NO)], header)
    report = import_files(store, [path], now=now)
    assert (report.files[0].platform, report.files[0].added) == ("douyin", 1)
    found = only_order(store)
    assert (found.status, found.paid_fen, found.ship_by_at) == ("待发货", 3690, None)
    assert found.paid_at == "2026-11-27T02:21:15Z"
    without = write_douyin_orders(
        tmp_path / "1795826460_3edeb47b86bdb5b9.csv",
        [douyin_line(TWO, SUB_1)],
        [name for name in LAYOUT_B if name != "订单状态"],
    )
    with pytest.raises(InputError, match="订单状态"):
        import_files(store, [without], now=now)
    assert store.find_order("douyin", TWO) is None


def test_the_seven_day_return_counts_from_the_day_after_signing(
    store: Store, tmp_path: Path, now
) -> None:
    """《七天无理由退货服务规范》: 168 hours from 0:00 (China) of the day after 签收, which the
    seller enters (no Douyin export has it)."""
    from shopdesk.store.order_jobs import mark_delivered

    path = write_douyin_orders(tmp_path / EXPORT, [shipped(douyin_line(NO))], LAYOUT_B)
    import_files(store, [path], now=now)
    signed = from_text("2026-11-28T03:00:00Z")  # 11:00 China
    order = mark_delivered(store, only_order(store).id, signed, now=now)
    clocks = {d.rule_id: d for d in deadlines_for_order(store, order, now)}
    seven = clocks["no_reason_return"]
    assert seven.due_at == from_text("2026-12-05T16:00:00Z")  # 2026-11-29 0:00 China + 168 h
    assert (seven.party, seven.unknown_length) == ("buyer", False)


def test_the_goods_waybill_of_an_after_sales_row_fills_an_order_without_one(
    store: Store, tmp_path: Path, now
) -> None:
    """douyin.md (c): layout A has no tracking column, the 售后 file has 发货物流单号. It
    fills the order's tracking number when the order export gave none; a waybill known
    from 快递信息 is never replaced; one Excel rounded is left out and named."""
    shipped_a = shipped(douyin_line(NO))  # layout A: only 发货时间, no waybill
    known = shipped(douyin_line(TWO, SUB_1), ("770291786060549", "申通快递"))
    orders_a = write_douyin_orders(tmp_path / EXPORT, [shipped_a])
    orders_b = write_douyin_orders(tmp_path / "b.csv", [known], LAYOUT_B)
    rows = [
        douyin_after_sale(
            "7318945612387450001", NO, 商品发货状态="已发货", 发货物流单号="YT1234567890123"
        ),
        douyin_after_sale("7318945612387450002", TWO, 商品发货状态="已发货", 发货物流单号="SF999"),
    ]
    import_files(store, [orders_a, orders_b, after_sales_file(tmp_path, rows)], now=now)
    by_no = {o.order_no: o for o in store.list_orders()}
    assert by_no[NO].tracking_no == "YT1234567890123"
    assert by_no[TWO].tracking_no == "770291786060549"  # from 快递信息, kept
    assert store.count_orders("YT1234567890123") == 1  # found by its waybill in search

    resaved = after_sales_file(
        tmp_path,
        [douyin_after_sale("7318945612387450003", "6917546239482019777", 发货物流单号="x")],
        excel=True,
        typed={(0, "发货物流单号"): "7.73299E+14"},
    )
    (file,) = import_files(store, [resaved], now=now).files
    assert [(p.row, p.column) for p in file.cleared] == [(2, "发货物流单号")]
    assert store.find_order("douyin", "6917546239482019777").tracking_no == ""
