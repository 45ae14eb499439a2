"""Pinduoduo exports as PDD and Excel write them (shared/domain/platforms/pdd.md): the
order CSV in each encoding and template, its tab quirk, status words, SKU rows and
re-saves; the after-sales workbook; shops; the ship-by deadline."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.domain.timeutil import from_text
from shopdesk.importers import open_export
from shopdesk.store.deadlines_repo import deadlines_for_case, deadlines_for_order
from shopdesk.store.import_repo import import_files
from shopdesk.store.store import Store
from tests.importers_fixtures import order, write_orders
from tests.pdd_fixtures import (
    PDD_2023,
    PDD_CUSTOM,
    PDD_OLD,
    pdd_order,
    pdd_refund,
    shipped,
    write_pdd_orders,
    write_pdd_orders_xlsx,
    write_pdd_refunds,
)

NO = "240613-861787953171000"
NO_SENT = "240612-113355779900112"
EXPORT = "7a23c0d4e5f60718293a4b5c6d7eb781orders_export2024-06-15-10-09-23.csv"


def only_order(store: Store):
    (found,) = store.list_orders()
    return found


def test_the_2023_layout_is_read_by_header_name_with_its_tabs(
    store: Store, tmp_path: Path, now
) -> None:
    path = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)])
    assert path.read_bytes()[:3] != b"\xef\xbb\xbf"  # plain UTF-8, no BOM
    assert '"17.2\t"' in path.read_text(encoding="utf-8")  # money ends in a tab
    report = import_files(store, [path], now=now)
    (file,) = report.files
    assert (file.platform, file.kind, file.rows, file.added) == ("pdd", "orders", 1, 1)
    found = only_order(store)
    assert found.platform == "pdd"
    assert found.order_no == NO
    assert found.status == "待发货"
    assert found.state == "paid"
    assert found.paid_fen == 1720  # 用户实付金额, not 商家实收金额 (20.2)
    assert found.paid_at == "2024-06-13T02:21:07Z"  # 支付时间, China time
    assert found.ship_by_at == "2024-06-15T02:21:09Z"  # 承诺发货时间
    assert found.tracking_no == ""  # a bare "\t"
    assert found.item_titles == "陶瓷马克杯 大容量 带盖勺"
    assert found.lines == 1
    (sku,) = store.order_lines(found.id)
    assert (sku.sku_props, sku.outer_code, sku.quantity) == ("白色,400ml", "MUG-400-W", 1)


@pytest.mark.parametrize("variant", ["bom", "gb18030", "gbk"])
def test_a_bom_gb18030_or_gbk_file_reads_the_same(
    store: Store, tmp_path: Path, now, variant: str
) -> None:
    """UTF-8 with a BOM, or an Excel re-save in GB18030 or GBK (Excel on a Chinese
    Windows): the same order, words and amounts as the plain UTF-8 file."""
    rows = [pdd_order(NO, 商家备注="周一发顺丰")]
    resaved = variant != "bom"
    path = write_pdd_orders(
        tmp_path / EXPORT,
        rows,
        bom=variant == "bom",
        excel=resaved,
        encoding=variant if resaved else "gb18030",
    )
    if resaved:
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")
    else:
        assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
    assert open_export(path).platform == "pdd"
    import_files(store, [path], now=now)
    found = only_order(store)
    assert (found.order_no, found.status, found.paid_fen) == (NO, "待发货", 1720)
    assert found.seller_note == "周一发顺丰"


def test_older_template_with_sku_code_and_group_time(store: Store, tmp_path: Path, now) -> None:
    row = pdd_order(NO, 收货人="王小明", 手机="13800001234", 详细地址="文一西路 88 号", 支付时间="")
    import_files(store, [write_pdd_orders(tmp_path / EXPORT, [row], PDD_OLD)], now=now)
    found = only_order(store)
    assert found.receiver_name == "王小明"
    assert found.receiver_address == "浙江省杭州市西湖区文新街道文一西路 88 号"
    assert found.paid_at == "2024-06-13T02:21:09Z"  # 支付时间 empty: 拼单成功时间
    (sku,) = store.order_lines(found.id)
    assert sku.outer_code == "MUG-400-W"  # 商家编码-SKU维度


def test_a_custom_template_with_only_the_deal_time(store: Store, tmp_path: Path, now) -> None:
    path = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)], PDD_CUSTOM)
    import_files(store, [path], now=now)
    found = only_order(store)
    assert found.paid_at == "2024-06-13T02:21:09Z"  # 订单成交时间 stands in for 支付时间
    assert found.paid_fen == 1720
    assert found.ship_by_at == "2024-06-15T02:21:09Z"


@pytest.mark.parametrize("order_first", ["paid_time_first", "deal_time_first"])
def test_a_deal_time_never_replaces_a_known_payment_time(
    store: Store, tmp_path: Path, now, order_first: str
) -> None:
    """订单成交时间 (成团) stands in for 支付时间 only while no payment time is known,
    whichever file is imported first and whichever is newer."""
    full = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)])  # 支付时间 10:21:07
    custom = write_pdd_orders(tmp_path / "custom_orders_export.csv", [pdd_order(NO)], PDD_CUSTOM)
    older = now.timestamp() - 86400
    os.utime(full if order_first == "deal_time_first" else custom, (older, older))
    files = [full, custom] if order_first == "paid_time_first" else [custom, full]
    import_files(store, [files[0]], now=now)
    first = only_order(store).paid_at
    assert first == ("2024-06-13T02:21:07Z" if files[0] is full else "2024-06-13T02:21:09Z")
    import_files(store, [files[1]], now=now)
    assert only_order(store).paid_at == "2024-06-13T02:21:07Z"  # 支付时间, kept or taken
    import_files(store, [custom], now=now)  # again, the newest file
    assert only_order(store).paid_at == "2024-06-13T02:21:07Z"


def test_a_later_deal_time_still_updates_a_deal_time(store: Store, tmp_path: Path, now) -> None:
    custom = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)], PDD_CUSTOM)
    import_files(store, [custom], now=now)
    moved = pdd_order(NO, 订单成交时间="2024-06-13 11:00:00")
    import_files(
        store, [write_pdd_orders(tmp_path / "b_orders_export.csv", [moved], PDD_CUSTOM)], now=now
    )
    assert only_order(store).paid_at == "2024-06-13T03:00:00Z"  # no payment time known yet


OLD_AND_NEW_WORDS = {
    "待支付": "unpaid",
    "待发货": "paid",
    "已发货，待签收": "shipped",
    "已发货，待收货": "shipped",
    "已签收": "success",
    "已收货": "success",
    "未发货，退款成功": "closed",
    "已发货，退款成功": "closed",
    "已签收，退款成功": "closed",
    "已收货，退款成功": "closed",
    "未成交，退款成功": "closed",
    "已取消": "closed",
    "已取消，退款成功": "closed",
}


def test_older_and_newer_status_words_are_kept_verbatim(store: Store, tmp_path: Path, now) -> None:
    rows = [
        pdd_order(f"240613-{index:015d}", 订单状态=word)
        for index, word in enumerate(OLD_AND_NEW_WORDS, 1)
    ]
    rows.append(pdd_order("240613-999999999999999", 订单状态="拼团中的新状态"))
    report = import_files(store, [write_pdd_orders(tmp_path / EXPORT, rows)], now=now)
    found = {o.status: o.state for o in store.list_orders()}
    assert found == OLD_AND_NEW_WORDS
    (skipped,) = report.files[0].skipped
    assert (skipped.row, skipped.column, skipped.value) == (15, "订单状态", "拼团中的新状态")
    assert "不认识这个拼多多订单状态" in skipped.reason


def test_a_second_sku_row_is_kept_an_identical_repeat_merged(
    store: Store, tmp_path: Path, now
) -> None:
    first = pdd_order(NO)
    second = pdd_order(NO, 商品规格="蓝色,400ml", 样式ID="1871385314710")
    report = import_files(
        store, [write_pdd_orders(tmp_path / EXPORT, [first, second, first])], now=now
    )
    (file,) = report.files
    assert (file.rows, file.added, file.merged, len(file.skipped)) == (3, 1, 2, 0)
    found = only_order(store)
    assert found.lines == 2
    assert [line.sku_props for line in store.order_lines(found.id)] == [
        "白色,400ml",
        "蓝色,400ml",
    ]


def test_excel_resave_slash_dates_and_mangled_numbers(store: Store, tmp_path: Path, now) -> None:
    original = [pdd_order(NO), shipped(pdd_order(NO_SENT))]
    import_files(store, [write_pdd_orders(tmp_path / EXPORT, original)], now=now)
    resaved = write_pdd_orders(
        tmp_path / "orders_export-resaved.csv",
        [*original, pdd_order("240610-224466880011223")],
        excel=True,
        typed={(1, "快递单号"): "7.73299E+14", (2, "订单号"): "2.40610E+20"},
    )
    assert "2024/6/13 10:21" in resaved.read_bytes().decode("gb18030")
    report = import_files(store, [resaved], now=now)
    (file,) = report.files
    # the mangled order number: skipped and reported, never stored rounded
    (skipped,) = file.skipped
    assert (skipped.row, skipped.column, skipped.value) == (4, "订单号", "2.40610E+20")
    assert "科学计数法" in skipped.reason
    assert {o.order_no for o in store.list_orders()} == {NO, NO_SENT}
    # the mangled tracking number: left out and reported, the stored one kept
    (cleared,) = file.cleared
    assert (cleared.row, cleared.column, cleared.value) == (3, "快递单号", "7.73299E+14")
    assert store.find_order("pdd", NO_SENT).tracking_no == "73529461803521"
    # minutes never replace the known seconds
    assert store.find_order("pdd", NO).paid_at == "2024-06-13T02:21:07Z"


def test_a_mangled_tracking_number_is_never_stored_on_a_new_order(
    store: Store, tmp_path: Path, now
) -> None:
    path = write_pdd_orders(
        tmp_path / EXPORT, [shipped(pdd_order(NO))], excel=True,
        typed={(0, "快递单号"): "7.73299E+14"},
    )  # fmt: skip
    report = import_files(store, [path], now=now)
    assert only_order(store).tracking_no == ""
    assert len(report.files[0].cleared) == 1
    assert report.files[0].added == 1


def test_the_order_export_resaved_as_xlsx(store: Store, tmp_path: Path, now) -> None:
    path = write_pdd_orders_xlsx(tmp_path / "orders_export.xlsx", [shipped(pdd_order(NO))])
    import_files(store, [path], now=now)
    found = only_order(store)
    assert (found.order_no, found.paid_fen, found.tracking_no) == (NO, 1720, "73529461803521")


def test_after_sales_workbook_states_and_kinds(store: Store, tmp_path: Path, now) -> None:
    orders = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO), shipped(pdd_order(NO_SENT))])
    refunds = write_pdd_refunds(
        tmp_path / "f7e9050c0488_20240615235138.xlsx",
        [
            pdd_refund(NO, "20240614000000001", 订单状态="未发货"),
            pdd_refund(
                NO_SENT,
                "20240614000000002",
                售后状态="用户已发货，待商家处理",
                退款类型="退货退款",
                退款金额=10.5,
            ),
            pdd_refund(
                NO_SENT,
                "20240614000000003",
                售后状态="退款成功",
                退款类型="极速退款",
                同意退款时间="2024-06-14 20:11:40",
            ),
            pdd_refund(NO_SENT, "20240614000000004", 售后状态="平台处理中"),
            pdd_refund(NO_SENT, 2.02406e16),  # typed over in Excel: digits lost
        ],
    )  # the data sits on the second sheet, 售后信息
    report = import_files(store, [orders, refunds], now=now)
    refunds_report = report.files[1]
    assert (refunds_report.platform, refunds_report.kind) == ("pdd", "refunds")
    assert (refunds_report.rows, refunds_report.added) == (5, 4)
    (skipped,) = refunds_report.skipped
    assert (skipped.row, skipped.column) == (6, "售后编号")
    cases = {case.platform_refund_no: case for case in store.list_cases()}
    asked, returned, speedy, joined = (cases[f"2024061400000000{i}"] for i in range(1, 5))
    assert (asked.platform, asked.order_no) == ("pdd", NO)
    assert (asked.kind, asked.state) == ("refund_unshipped", "awaiting_seller")
    assert asked.platform_status == "买家申请退款，待商家处理"
    assert asked.reason == "不想要了"
    assert (returned.kind, returned.state, returned.refund_fen) == (
        "return_refund",
        "return_in_transit",
        1050,
    )
    assert (speedy.state, speedy.platform_status) == ("refunded", "退款成功")  # closed
    assert joined.state == "intervention"
    assert {c.platform_refund_no for c in store.list_cases(open_only=True)} == {
        "20240614000000001",
        "20240614000000002",
        "20240614000000004",
    }


def test_reimport_adds_nothing_and_taobao_with_pdd_in_one_import(
    store: Store, tmp_path: Path, now
) -> None:
    files = [
        write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO), pdd_order(NO, 商品规格="蓝色")]),
        write_pdd_refunds(tmp_path / "after_20240615235138.xlsx", [pdd_refund(NO)]),
        write_orders(tmp_path / "ExportOrderList202406201030.csv", [order("3901234567890120")]),
    ]
    first = import_files(store, files, now=now)
    assert [(f.platform, f.kind, f.added) for f in first.files] == [
        ("pdd", "orders", 1),
        ("pdd", "refunds", 1),
        ("taobao", "orders", 1),
    ]
    again = import_files(store, files, now=now)
    assert [f.added + f.updated for f in again.files] == [0, 0, 0]
    assert sorted(o.platform for o in store.list_orders()) == ["pdd", "taobao"]
    assert store.find_order("pdd", NO).lines == 2


def test_shops_by_flag_only_shop_or_new_one(store: Store, tmp_path: Path, now) -> None:
    path = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)])
    import_files(store, [path], now=now)
    shops = store.db.execute("SELECT name, platform FROM shops").fetchall()
    assert shops == [("拼多多店铺", "pdd")]  # none yet: a new one named for the platform
    other = write_pdd_orders(tmp_path / "b_orders_export.csv", [pdd_order(NO_SENT)])
    import_files(store, [other], now=now)  # the only PDD shop
    assert store.db.execute("SELECT count(*) FROM shops").fetchone()[0] == 1
    third = write_pdd_orders(tmp_path / "c_orders_export.csv", [pdd_order("240601-1" + "0" * 14)])
    import_files(store, [third], now=now, shop="第二家拼多多")
    assert store.db.execute("SELECT count(*) FROM shops").fetchone()[0] == 2
    fourth = write_pdd_orders(tmp_path / "d_orders_export.csv", [pdd_order("240601-2" + "0" * 14)])
    with pytest.raises(InputError, match="已有 2 个拼多多店铺.*--shop"):
        import_files(store, [fourth], now=now)
    assert store.find_order("pdd", "240601-2" + "0" * 14) is None  # nothing imported


def test_ship_by_deadline_is_the_platform_basis_for_an_unshipped_order(
    store: Store, tmp_path: Path, now
) -> None:
    path = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO), shipped(pdd_order(NO_SENT))])
    import_files(store, [path], now=now)
    at = from_text("2024-06-14T04:00:00Z")
    (ship,) = deadlines_for_order(store, store.find_order("pdd", NO), at)
    assert (ship.rule_id, ship.basis) == ("ship.deadline", "platform")
    assert ship.due_at == from_text("2024-06-15T02:21:09Z")
    assert deadlines_for_order(store, store.find_order("pdd", NO_SENT), at) == []


def test_detection_scores_the_whole_header() -> None:
    from shopdesk.platforms.detect import guess_spec

    spec = guess_spec(PDD_2023)
    assert (spec.platform, spec.kind) == ("pdd", "orders")
    spec = guess_spec(["售后编号", "订单编号", "售后状态", "退款类型", "退款金额", "申请时间"])
    assert (spec.platform, spec.kind) == ("pdd", "refunds")  # 订单编号 is Taobao's name too


def test_the_due_list_marks_the_ship_by_time_as_the_platforms(
    store: Store, tmp_path: Path, now
) -> None:
    from shopdesk.store.deadlines_repo import due_page, refresh_due

    path = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)])
    import_files(store, [path], now=now)
    order_id = store.find_order("pdd", NO).id
    refresh_due(store, [order_id], now=from_text("2024-06-14T04:00:00Z"))
    (row,) = due_page(store, 0, 10)
    assert (row["platform"], row["next_due_rule"]) == ("pdd", "ship.deadline")
    assert row["platform_deadline"] == row["next_due_at"] == "2024-06-15T02:21:09Z"


# 售后状态 of the after-sales export -> case state: every word of states.toml
# [after_sales_status] (pdd.md (b) and the after_sales_status enum it lists).
AFTER_SALES_WORDS = {
    "买家申请退款，待商家处理": "awaiting_seller",
    "退货退款，待商家处理": "awaiting_seller",
    "售后处理中": "awaiting_seller",
    "商家同意退款，退款中": "awaiting_refund",
    "平台同意退款，退款中": "awaiting_refund",
    "退款中": "awaiting_refund",
    "驳回退款，待买家处理": "refused",
    "同意退货退款，待买家发货": "awaiting_return",
    "已同意退货退款，待用户发货": "awaiting_return",
    "用户已发货，待商家处理": "return_in_transit",
    "平台处理中": "intervention",
    "平台拒绝退款，退款关闭": "closed",
    "退款成功": "refunded",
    "买家撤销": "withdrawn",
    "买家逾期未处理，退款失败": "closed",
    "买家逾期，超过有效期": "closed",
    "已同意拒收退款": "awaiting_refund",
    "退款关闭": "closed",
    "售后取消": "withdrawn",
    "无售后或售后取消": "closed",
}


def test_the_words_table_is_states_toml() -> None:
    from shopdesk.platforms.pdd.parse import status_words

    assert status_words()["after_sales_status"] == AFTER_SALES_WORDS


@pytest.mark.parametrize("word", AFTER_SALES_WORDS)
def test_each_after_sales_status_word(store: Store, tmp_path: Path, now, word: str) -> None:
    orders = write_pdd_orders(tmp_path / EXPORT, [shipped(pdd_order(NO))])
    done = AFTER_SALES_WORDS[word] in ("refunded", "closed", "withdrawn")
    row = pdd_refund(NO, 售后状态=word, 同意退款时间="2024-06-15 09:00:00" if done else "")
    refunds = write_pdd_refunds(tmp_path / "f7e9050c0488_20240615235138.xlsx", [row])
    report = import_files(store, [orders, refunds], now=now)
    assert (report.files[1].added, report.files[1].skipped) == (1, [])
    (case,) = store.list_cases()
    assert (case.platform_status, case.state) == (word, AFTER_SALES_WORDS[word])
    assert case.opened_at == "2024-06-14T12:11:32Z"  # 申请时间, China time


def test_an_unknown_after_sales_word_is_skipped_and_named(
    store: Store, tmp_path: Path, now
) -> None:
    orders = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)])
    rows = [
        pdd_refund(NO, "20240614000000001"),
        pdd_refund(NO, "20240614000000002", 售后状态="待定"),
    ]
    refunds = write_pdd_refunds(tmp_path / "f7e9050c0488_20240615235138.xlsx", rows)
    report = import_files(store, [orders, refunds], now=now)
    (skipped,) = report.files[1].skipped
    assert (skipped.row, skipped.column, skipped.value) == (3, "售后状态", "待定")
    assert "不认识这个拼多多售后状态" in skipped.reason
    assert [case.platform_refund_no for case in store.list_cases()] == ["20240614000000001"]


@pytest.mark.parametrize("column", ["退款成功时间", "售后完成时间"])
def test_the_finish_time_may_be_named_otherwise(
    store: Store, tmp_path: Path, now, column: str
) -> None:
    """pdd.md (b): 同意退款时间, or 退款成功时间 / 售后完成时间 in other exports."""
    from tests.pdd_fixtures import AFTER_SALES

    header = [column if name == "同意退款时间" else name for name in AFTER_SALES]
    orders = write_pdd_orders(tmp_path / EXPORT, [shipped(pdd_order(NO))])
    row = pdd_refund(NO, 售后状态="退款成功", **{column: "2024-06-15 09:00:00"})
    refunds = write_pdd_refunds(tmp_path / "f7e9050c0488_20240615235138.xlsx", [row], header)
    report = import_files(store, [orders, refunds], now=now)
    assert (report.files[1].platform, report.files[1].kind) == ("pdd", "refunds")
    (case,) = store.list_cases()
    assert (case.state, case.closed_at) == ("refunded", "2024-06-15T01:00:00Z")


def test_a_return_waybill_is_the_buyers_return_step(store: Store, tmp_path: Path, now) -> None:
    """用户已发货 with its 退货运单号: the case shows the buyer's return shipment with the
    waybill the seller will look up; a row not yet shipped back carries no waybill step."""
    orders = write_pdd_orders(tmp_path / EXPORT, [shipped(pdd_order(NO_SENT))])
    refunds = write_pdd_refunds(
        tmp_path / "f7e9050c0488_20240615235138.xlsx",
        [
            pdd_refund(
                NO_SENT,
                "20240614000000011",
                售后状态="用户已发货，待商家处理",
                退款类型="退货退款",
                退货运单号="\t75312345678901",
            ),
            pdd_refund(
                NO_SENT,
                "20240614000000012",
                售后状态="买家申请退货，待商家处理",
                退款类型="退货退款",
                退货运单号="\t75312345678902",
            ),
        ],
    )
    import_files(store, [orders, refunds], now=now)
    cases = {case.platform_refund_no: case for case in store.list_cases()}
    sent, asked = cases["20240614000000011"], cases["20240614000000012"]
    assert sent.state == "return_in_transit"
    returns = [e for e in store.events(sent.id) if e.kind == "buyer_shipped_return"]
    assert [e.note for e in returns] == ["75312345678901"]
    assert not [e for e in store.events(asked.id) if e.kind == "buyer_shipped_return"]


def test_an_instant_refund_arrives_closed_with_no_clock(store: Store, tmp_path: Path, now) -> None:
    """极速退款 as the after-sales export writes it: a 仅退款 marked 退款成功 a second after
    it was asked. The case is closed as refunded at that time and no clock of the seller's
    runs for it (pdd.md: no seller clock applies)."""
    orders = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)])
    refunds = write_pdd_refunds(
        tmp_path / "f7e9050c0488_20240615235138.xlsx",
        [
            pdd_refund(
                NO,
                "20240614000000021",
                售后状态="退款成功",
                退款类型="仅退款",
                申请时间="2024-06-11 08:00:00",
                同意退款时间="2024-06-11 08:00:01",
            )
        ],
    )
    import_files(store, [orders, refunds], now=now)
    (case,) = store.list_cases()
    assert (case.state, case.platform_status) == ("refunded", "退款成功")
    assert case.closed_at == "2024-06-11T00:00:01Z"
    assert not store.list_cases(open_only=True)
    assert deadlines_for_case(store, case, now) == []


# -- cells, order numbers, Excel re-saves (pdd.md (a)) ----------------------------------


def test_every_cell_is_read_without_its_tab_and_a_bare_tab_is_empty(
    store: Store, tmp_path: Path, now
) -> None:
    row = pdd_order(
        NO,
        **{"商品数量(件)": "2", "商品总价(元)": "44.4", "用户实付金额(元)": "39.4"},
        商家备注="周一发顺丰\t",
    )
    path = write_pdd_orders(tmp_path / EXPORT, [row])
    text = path.read_text(encoding="utf-8")
    assert '"2\t"' in text and '"1871385314709\t"' in text and '"44.4\t"' in text
    assert '"2024-06-13 10:21:07"' in text  # a date has no tab
    assert text.count('"\t"') >= 10  # 发货时间, 确认收货时间, 快递单号, 买家留言 ...: bare tabs
    import_files(store, [path], now=now)
    found = only_order(store)
    assert (found.item_count, found.paid_fen, found.total_fen) == (2, 3940, 4440)
    assert (found.shipped_at, found.confirmed_at) == (None, None)
    assert (found.tracking_no, found.courier, found.buyer_message) == ("", "", "")
    assert found.seller_note == "周一发顺丰"
    (sku,) = store.order_lines(found.id)
    assert (sku.quantity, sku.price_fen) == (2, 2220)


def test_without_a_time_column_the_order_number_gives_the_creation_day(
    store: Store, tmp_path: Path, now
) -> None:
    """订单号 starts with its creation day (yymmdd-): a template without 支付时间 and
    订单成交时间 still dates the order, to the day; a number not of that form is refused."""
    header = [name for name in PDD_CUSTOM if name != "订单成交时间"]
    rows = [pdd_order(NO), pdd_order("861787953171000")]
    report = import_files(store, [write_pdd_orders(tmp_path / EXPORT, rows, header)], now=now)
    found = only_order(store)
    assert found.created_at == "2024-06-12T16:00:00Z"  # 2024-06-13 00:00 China time
    assert found.paid_at is None
    (skipped,) = report.files[0].skipped
    assert (skipped.row, skipped.column, skipped.value) == (3, "订单号", "861787953171000")
    assert "6 位日期" in skipped.reason


def test_an_excel_resave_alone_keeps_minutes_and_the_platforms_ship_by(
    store: Store, tmp_path: Path, now
) -> None:
    """A GBK re-save read first: its slash dates without seconds are stored to the minute,
    承诺发货时间 stays the platform's deadline; the original file adds the seconds."""
    resaved = write_pdd_orders(
        tmp_path / "orders_export-resaved.csv", [pdd_order(NO)], excel=True, encoding="gbk"
    )
    text = resaved.read_bytes().decode("gbk")
    assert "2024/6/13 10:21," in text and "2024/6/15 10:21," in text and "17.2\t" in text
    import_files(store, [resaved], now=now)
    found = only_order(store)
    assert (found.paid_at, found.ship_by_at) == ("2024-06-13T02:21:00Z", "2024-06-15T02:21:00Z")
    (ship,) = deadlines_for_order(store, found, from_text("2024-06-14T04:00:00Z"))
    assert (ship.rule_id, ship.basis, ship.due_at) == (
        "ship.deadline",
        "platform",
        from_text("2024-06-15T02:21:00Z"),
    )
    import_files(store, [write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)])], now=now)
    found = only_order(store)
    assert (found.paid_at, found.ship_by_at) == ("2024-06-13T02:21:07Z", "2024-06-15T02:21:09Z")


def test_a_mangled_after_sales_number_is_skipped_and_reported(
    store: Store, tmp_path: Path, now
) -> None:
    """售后编号 is the after-sales key: as scientific text, a rounded number cell or with
    other characters, its row is skipped and named; the other rows import."""
    orders = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)])
    rows = [
        pdd_refund(NO, "20240614000000001"),
        pdd_refund(NO, "2.02406E+16"),
        pdd_refund(NO, 2.02406e16),
        pdd_refund(NO, "售后20240614"),
    ]
    refunds = write_pdd_refunds(tmp_path / "f7e9050c0488_20240615235138.xlsx", rows)
    report = import_files(store, [orders, refunds], now=now)
    skipped = report.files[1].skipped
    assert [(s.row, s.column) for s in skipped] == [
        (3, "售后编号"),
        (4, "售后编号"),
        (5, "售后编号"),
    ]
    assert skipped[0].value == "2.02406E+16" and "科学计数法" in skipped[0].reason
    assert "丢失末尾几位" in skipped[1].reason
    assert "数字以外的字符" in skipped[2].reason
    assert [case.platform_refund_no for case in store.list_cases()] == ["20240614000000001"]


# -- the time in the file names (pdd.md (a) File, (b) File) -----------------------------

HEX = "7a23c0d4e5f60718293a4b5c6d7eb781"
# an after-sales file whose 32-hex token happens to hold a run of digits like a time
AFTER_DIGITS = "f7e9050c201912311200aa0b1c2d0488_20240616091500.xlsx"


def test_the_file_names_carry_the_export_time_in_china_time(tmp_path: Path) -> None:
    from shopdesk.platforms.export_file import export_stamp

    assert export_stamp(EXPORT) == "2024-06-15T02:09:23Z"  # orders_export2024-06-15-10-09-23
    assert export_stamp(f"{HEX}orders_export2026-07-20-10-09-23.csv") == "2026-07-20T02:09:23Z"
    assert export_stamp("f7e9050c0488_20240615235138.xlsx") == "2024-06-15T15:51:38Z"
    assert export_stamp(AFTER_DIGITS) == "2024-06-16T01:15:00Z"  # the stamp, not the token
    digits = "2024061510092399aabbccddeeff0011"
    assert export_stamp(f"{digits}orders_export2024-06-15-10-09-23.csv") == "2024-06-15T02:09:23Z"
    renamed = write_pdd_orders(tmp_path / "拼多多订单.csv", [pdd_order(NO)])
    export = open_export(renamed)  # found by its header, not by `orders_export` in its name
    try:
        assert (export.platform, export.kind.value, export.exported_at) == ("pdd", "orders", None)
    finally:
        export.close()
    export = open_export(write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)]))
    try:
        assert export.exported_at == "2024-06-15T02:09:23Z"
    finally:
        export.close()


@pytest.mark.parametrize("together", [False, True])
def test_the_newer_export_by_its_file_name_wins_whatever_the_import_order(
    store: Store, tmp_path: Path, now, together: bool
) -> None:
    """Two overlapping order exports: the one whose name says it was made later holds the
    order's current state, even when the older one is imported (or listed) after it."""
    newer = write_pdd_orders(
        tmp_path / f"{HEX}orders_export2024-06-15-10-09-23.csv", [shipped(pdd_order(NO))]
    )
    older = write_pdd_orders(
        tmp_path / f"{HEX}orders_export2024-06-14-08-00-00.csv", [pdd_order(NO)]
    )
    if together:
        import_files(store, [newer, older], now=now)
    else:
        import_files(store, [newer], now=now)
        report = import_files(store, [older], now=now)
        assert (report.files[0].updated, report.files[0].unchanged) == (0, 1)
    found = only_order(store)
    assert (found.status, found.state) == ("已发货，待收货", "shipped")
    assert (found.tracking_no, found.shipped_at) == ("73529461803521", "2024-06-14T01:02:44Z")


def test_the_newer_after_sales_file_by_its_name_wins(store: Store, tmp_path: Path, now) -> None:
    """The after-sales file's `_<yyyyMMddHHmmss>` is its export time even when the hex token
    before it holds digits: the older file, imported after, does not undo the refund."""
    orders = write_pdd_orders(tmp_path / EXPORT, [shipped(pdd_order(NO))])
    newer = write_pdd_refunds(
        tmp_path / AFTER_DIGITS,
        [pdd_refund(NO, 售后状态="退款成功", 同意退款时间="2024-06-16 09:00:00")],
    )
    older = write_pdd_refunds(tmp_path / "f7e9050c0488_20240615235138.xlsx", [pdd_refund(NO)])
    import_files(store, [orders, newer], now=now)
    import_files(store, [older], now=now)
    (case,) = store.list_cases()
    assert (case.state, case.platform_status) == ("refunded", "退款成功")


def test_an_after_sales_step_without_a_time_is_dated_by_the_file_name(
    store: Store, tmp_path: Path, now
) -> None:
    """平台处理中 says the platform stepped in, not when: the step is dated by the export
    time in the file's name (China time)."""
    orders = write_pdd_orders(tmp_path / EXPORT, [shipped(pdd_order(NO))])
    refunds = write_pdd_refunds(
        tmp_path / "f7e9050c0488_20240615235138.xlsx", [pdd_refund(NO, 售后状态="平台处理中")]
    )
    import_files(store, [orders, refunds], now=now)
    (case,) = store.list_cases()
    (joined,) = [e for e in store.events(case.id) if e.kind == "platform_intervened"]
    assert joined.at == "2024-06-15T15:51:38Z"


# -- an order known only from the after-sales file (pdd.md (b)) -------------------------


def test_an_order_known_only_from_the_after_sales_file(store: Store, tmp_path: Path, now) -> None:
    """An after-sales row whose 订单编号 is in no order export: its case is kept, tied to a
    minimal order holding only what the row says (交易金额, 商品名称, the shipping stage of
    its 订单状态); no buyer, time, waybill or ship-by deadline is made up. The order export
    read later fills that same order in."""
    refunds = write_pdd_refunds(
        tmp_path / "f7e9050c0488_20240615235138.xlsx",
        [
            pdd_refund(NO_SENT, "20240614000000031", 订单状态="已发货"),
            pdd_refund(NO, "20240614000000032", 订单状态="未发货", 交易金额=12.5, 退款金额=12),
        ],
    )
    report = import_files(store, [refunds], now=now)
    assert (report.files[0].added, report.files[0].skipped) == (2, [])
    sent, waiting = store.find_order("pdd", NO_SENT), store.find_order("pdd", NO)
    assert (sent.status, sent.state, sent.paid_fen) == ("", "shipped", 1720)
    assert (waiting.status, waiting.state, waiting.paid_fen) == ("", "paid", 1250)
    for stub in (sent, waiting):
        assert stub.item_titles == "陶瓷马克杯 大容量 带盖勺"  # 商品名称
        assert (stub.buyer_nick, stub.receiver_name, stub.receiver_address) == ("", "", "")
        assert (stub.created_at, stub.paid_at, stub.shipped_at, stub.ship_by_at) == (None,) * 4
        assert not stub.tracking_no and stub.lines == 0
        assert deadlines_for_order(store, stub, now) == []  # no ship-by time invented
    cases = {case.platform_refund_no: case for case in store.list_cases()}
    shipped_case, unshipped_case = cases["20240614000000031"], cases["20240614000000032"]
    assert (shipped_case.order_id, shipped_case.kind) == (sent.id, "refund_shipped")
    assert (unshipped_case.order_id, unshipped_case.kind) == (waiting.id, "refund_unshipped")
    assert unshipped_case.refund_fen == 1200

    import_files(store, [write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)])], now=now)
    full = store.find_order("pdd", NO)
    assert full.id == waiting.id and len(store.list_orders()) == 2
    assert (full.status, full.state, full.paid_fen, full.lines) == ("待发货", "paid", 1720, 1)
    assert full.paid_at == "2024-06-13T02:21:07Z"
    assert [case.order_id for case in store.list_cases(order_id=full.id)] == [full.id]


# -- money (pdd.md (a) Other values) ----------------------------------------------------


def test_paid_is_what_the_buyer_paid_never_the_merchants_net(
    store: Store, tmp_path: Path, now
) -> None:
    """用户实付金额 is the order's paid amount; 商家实收金额 (商品总价 + 邮费 − 店铺优惠,
    often larger) is never read: not stored anywhere, and a cell of it that is no amount
    at all is no problem."""
    row = pdd_order(
        NO,
        **{
            "商品总价(元)": "30",
            "邮费(元)": "5",
            "店铺优惠折扣(元)": "2",
            "平台优惠折扣(元)": "6.5",
            "用户实付金额(元)": "26.5",
            "商家实收金额(元)": "33",
        },
    )
    odd = pdd_order(NO_SENT, **{"商家实收金额(元)": "待结算"})
    report = import_files(store, [write_pdd_orders(tmp_path / EXPORT, [row, odd])], now=now)
    (file,) = report.files
    assert (file.added, file.skipped, file.cleared) == (2, [], [])
    found = store.find_order("pdd", NO)
    assert (found.paid_fen, found.total_fen, found.postage_fen) == (2650, 3500, 500)
    stored = store.db.execute("SELECT * FROM orders WHERE order_no = ?", [NO]).fetchone()
    assert 3300 not in stored and "33" not in stored  # 商家实收 is kept nowhere
    assert store.find_order("pdd", NO_SENT).paid_fen == 1720


def test_a_file_with_the_merchants_net_but_not_what_the_buyer_paid_is_refused(
    store: Store, tmp_path: Path, now
) -> None:
    header = [name for name in PDD_2023 if name != "用户实付金额(元)"]
    path = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)], header)
    with pytest.raises(InputError, match=r"缺少必需的列.*用户实付金额\(元\)"):
        import_files(store, [path], now=now)
    assert store.list_orders() == []


@pytest.mark.parametrize("saved", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("cell", "fen"),
    [("12.5", 1250), ("12", 1200), ("12.05", 1205), ("0.1", 10), ("1234.5", 123450), ("0", 0)],
)
def test_amounts_with_their_trailing_zeros_dropped(
    store: Store, tmp_path: Path, now, saved: str, cell: str, fen: int
) -> None:
    """PDD writes 元 with up to 2 decimals and drops trailing zeros (`12.5\\t`, `12\\t`);
    the .xlsx re-save has them as number cells (12.5, 12)."""
    row = pdd_order(NO, **{"商品总价(元)": cell, "邮费(元)": cell, "用户实付金额(元)": cell})
    if saved == "csv":
        path = write_pdd_orders(tmp_path / EXPORT, [row])
        assert f'"{cell}\t"' in path.read_text(encoding="utf-8")
    else:
        path = write_pdd_orders_xlsx(tmp_path / "orders_export.xlsx", [row])
    import_files(store, [path], now=now)
    found = only_order(store)
    assert (found.paid_fen, found.postage_fen, found.total_fen) == (fen, fen, 2 * fen)
    (sku,) = store.order_lines(found.id)
    assert sku.price_fen == fen


@pytest.mark.parametrize(("paid", "refund", "fen"), [(12.5, 12, 1200), ("12.5", "12.5", 1250)])
def test_after_sales_amounts_with_their_trailing_zeros_dropped(
    store: Store, tmp_path: Path, now, paid: object, refund: object, fen: int
) -> None:
    orders = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)])
    refunds = write_pdd_refunds(
        tmp_path / "f7e9050c0488_20240615235138.xlsx",
        [pdd_refund(NO, 交易金额=paid, 退款金额=refund)],
    )
    import_files(store, [orders, refunds], now=now)
    (case,) = store.list_cases()
    assert case.refund_fen == fen


def test_a_refunded_order_keeps_its_amounts(store: Store, tmp_path: Path, now) -> None:
    row = pdd_order(NO, 订单状态="已签收，退款成功", 售后状态="退款成功")
    import_files(store, [write_pdd_orders(tmp_path / EXPORT, [row])], now=now)
    found = only_order(store)
    assert (found.state, found.paid_fen, found.total_fen) == ("closed", 1720, 2220)


# -- clocks (pdd.md (d)) and what the order export holds besides -----------------------


def test_without_its_promise_the_ship_clock_has_no_estimate(
    store: Store, tmp_path: Path, now
) -> None:
    """A template without 承诺发货时间 (or an empty one): no ship-by time is made up from
    the goods-level 24/48 h settings the file does not carry."""
    header = [name for name in PDD_CUSTOM if name != "承诺发货时间"]
    rows = [pdd_order(NO), pdd_order(NO_SENT, 承诺发货时间="")]
    import_files(store, [write_pdd_orders(tmp_path / EXPORT, rows, header)], now=now)
    at = from_text("2024-06-14T04:00:00Z")
    for no in (NO, NO_SENT):
        found = store.find_order("pdd", no)
        assert found.ship_by_at is None
        (ship,) = deadlines_for_order(store, found, at)
        assert (ship.rule_id, ship.due_at, ship.unknown_length) == ("ship.deadline", None, True)


def test_every_after_sales_clock_is_of_unknown_length(store: Store, tmp_path: Path, now) -> None:
    """The after-sales export has no deadline column and no clock length is published: each
    open case's clock runs with no due time (never a guessed 48 h or 7 days)."""
    orders = write_pdd_orders(tmp_path / EXPORT, [shipped(pdd_order(NO))])
    words = {
        "买家申请退款，待商家处理": "refund.respond",
        "同意退货退款，待买家发货": "return.buyer_ships",
        "用户已发货，待商家处理": "return.seller_confirms",
        "平台处理中": "intervention.evidence",
    }
    rows = [
        pdd_refund(NO, f"2024061400000010{index}", 售后状态=word, 退款类型="退货退款")
        for index, word in enumerate(words)
    ]
    refunds = write_pdd_refunds(tmp_path / "f7e9050c0488_20240615235138.xlsx", rows)
    import_files(store, [orders, refunds], now=now)
    at = from_text("2024-06-16T04:00:00Z")
    for case in store.list_cases():
        assert case.platform_deadline is None
        (clock,) = deadlines_for_case(store, case, at)
        assert (clock.rule_id, clock.basis) == (words[case.platform_status], "estimate")
        assert (clock.due_at, clock.unknown_length) == (None, True)


def test_the_pdd_rules_are_all_of_unknown_length() -> None:
    from shopdesk.platforms.rulesets import builtin_ruleset

    rules = builtin_ruleset("pdd").latest().rules
    assert set(rules) == {
        "ship.deadline",
        "refund.respond",
        "return.buyer_ships",
        "return.seller_confirms",
        "intervention.evidence",
    }
    for rule in rules.values():
        assert rule.unknown_length and rule.source and rule.source_kind and rule.confidence


@pytest.mark.parametrize("word", ["无售后或售后取消", "售后处理中", "退款成功"])
def test_the_order_exports_after_sales_word_leaves_the_order_state(
    store: Store, tmp_path: Path, now, word: str
) -> None:
    """售后状态 in the order export is read from the after-sales file instead: any of its
    words imports, the order's state is its 订单状态's."""
    row = shipped(pdd_order(NO, 售后状态=word))
    report = import_files(store, [write_pdd_orders(tmp_path / EXPORT, [row])], now=now)
    assert report.files[0].skipped == []
    found = only_order(store)
    assert (found.status, found.state) == ("已发货，待收货", "shipped")
    assert store.list_cases() == []


def test_an_older_templates_id_card_columns_are_never_stored(
    store: Store, tmp_path: Path, now
) -> None:
    row = pdd_order(NO, 身份证姓名="王小明", 身份证号码="330106199001011234")
    import_files(store, [write_pdd_orders(tmp_path / EXPORT, [row], PDD_OLD)], now=now)
    assert only_order(store).order_no == NO
    conn = store.db.conn
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
    ).fetchall()
    for (table,) in tables:
        for values in conn.execute(f'SELECT * FROM "{table}"'):
            assert not any("330106199001011234" in str(value) for value in values), table
            assert "王小明" not in values, table


# -- the after-sales workbook's multi-line remark (pdd.md (b), Known columns) ------------

REMARKS = [
    "第一行\n第二行",
    "已联系买家\r\n同意退款\r\n退款成功",  # CRLF, and words of a status inside it
    "240601-100000000000009\n20240614000000099\n17.2",  # an order no., an id, an amount
    "\n\n开头空两行,逗号\t制表符\n",
]


def test_a_multi_line_remark_stays_in_its_own_cell(store: Store, tmp_path: Path, now) -> None:
    """The remark cells of the after-sales workbook hold line breaks (LF and CRLF), commas,
    tabs, even an order number or an amount on a line of its own: every row stays itself,
    each case has its own 售后编号, order, status, amount and reason, and no line of a
    remark turns up in another field, the case's own note or its steps. The order's own
    商家备注 from the order export stays as it was."""
    orders = write_pdd_orders(
        tmp_path / EXPORT, [shipped(pdd_order(NO, 商家备注="周一发顺丰")), pdd_order(NO_SENT)]
    )
    statuses = ["买家申请退款，待商家处理", "退款成功", "平台处理中", "买家撤销"]
    rows = [
        pdd_refund(
            NO if i % 2 else NO_SENT,
            f"2024061400000007{i}",
            售后状态=status,
            退款原因=f"原因{i}",
            退款金额=10 + i,
            商家备注=remark,
            同意退款时间="2024-06-15 08:00:00" if status == "退款成功" else "",
        )
        for i, (status, remark) in enumerate(zip(statuses, REMARKS, strict=True))
    ]
    refunds = write_pdd_refunds(tmp_path / "f7e9050c0488_20240615235138.xlsx", rows)
    import openpyxl

    sheet = openpyxl.load_workbook(refunds)["售后信息"]
    assert [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        remark.replace("\r\n", "\n")
        for remark in REMARKS  # XML keeps LF only
    ]
    report = import_files(store, [orders, refunds], now=now)
    found = report.files[1]
    assert (found.rows, found.added, found.skipped, found.cleared) == (4, 4, [], [])
    cases = {case.platform_refund_no: case for case in store.list_cases()}
    assert sorted(cases) == [f"2024061400000007{i}" for i in range(4)]
    for i, status in enumerate(statuses):
        case = cases[f"2024061400000007{i}"]
        assert case.order_no == (NO if i % 2 else NO_SENT)
        assert (case.platform_status, case.refund_fen) == (status, (10 + i) * 100)
        assert (case.reason, case.description, case.note) == (f"原因{i}", "", "")
        own = [line for line in REMARKS[i].splitlines() if line and line not in status]
        assert not [e.note for e in store.events(case.id) if any(x in e.note for x in own)]
    assert (cases["20240614000000071"].state, cases["20240614000000072"].state) == (
        "refunded",
        "intervention",
    )
    assert store.find_order("pdd", NO).seller_note == "周一发顺丰"
    assert store.find_order("pdd", NO_SENT).seller_note == ""
    assert store.find_order("pdd", "240601-100000000000009") is None  # a remark's line


# -- a renamed order export: no time in its name (pdd.md (a), File) ---------------------


def _saved_at(path: Path, china: str) -> Path:
    """The file's modification time set to `china` (China time, as a download leaves it)."""
    at = datetime.fromisoformat(china).replace(tzinfo=timezone(timedelta(hours=8)))
    os.utime(path, (at.timestamp(), at.timestamp()))
    return path


@pytest.mark.parametrize("together", [False, True], ids=["one-after-the-other", "together"])
def test_a_renamed_older_export_imported_after_a_newer_one_does_not_undo_it(
    store: Store, tmp_path: Path, now, together: bool
) -> None:
    """pdd.md (a): the export's time is in its name (`…orders_export2024-06-15-10-09-23`);
    sellers rename files. A renamed file (拼多多订单.csv) has no time in its name: it counts
    as exported when it was saved (downloaded, renamed: its modification time), not when it
    is imported. So the 待发货 copy downloaded a day before the newer export, imported after
    it, leaves the order shipped with its waybill."""
    newer = write_pdd_orders(tmp_path / EXPORT, [shipped(pdd_order(NO))])  # 06-15 10:09:23
    renamed = _saved_at(
        write_pdd_orders(tmp_path / "拼多多订单.csv", [pdd_order(NO), pdd_order(NO_SENT)]),
        "2024-06-14 08:00:05",
    )
    if together:
        report = import_files(store, [renamed, newer], now=now)
        assert [f.added for f in report.files] == [2, 0]  # the renamed one is read first
    else:
        import_files(store, [newer], now=now)
        report = import_files(store, [renamed], now=now)
        (file,) = report.files
        assert (file.added, file.updated, file.unchanged, file.skipped) == (1, 0, 1, [])
    found = store.find_order("pdd", NO)
    assert (found.status, found.state) == ("已发货，待收货", "shipped")
    assert (found.tracking_no, found.shipped_at) == ("73529461803521", "2024-06-14T01:02:44Z")
    assert store.find_order("pdd", NO_SENT).status == "待发货"  # its other order is taken


def test_a_renamed_newer_export_still_moves_the_order_on(store: Store, tmp_path: Path, now) -> None:
    """The same rule the other way: a renamed copy saved after the stamped export it follows
    is the newer one and updates the order. A copy saved again later (copied, re-saved in
    Excel) counts from then: the file holds no other clue to its age."""
    older = write_pdd_orders(tmp_path / EXPORT, [pdd_order(NO)])  # 06-15 10:09:23
    renamed = _saved_at(
        write_pdd_orders(tmp_path / "拼多多订单.csv", [shipped(pdd_order(NO))]),
        "2024-06-16 09:00:00",
    )
    import_files(store, [older], now=now)
    (file,) = import_files(store, [renamed], now=now).files
    assert (file.updated, file.skipped) == (1, [])
    assert store.find_order("pdd", NO).state == "shipped"
    # the stamped export again, older than the renamed copy: it changes nothing back
    (again,) = import_files(store, [older], now=now).files
    assert (again.updated, again.unchanged) == (0, 1)
    assert store.find_order("pdd", NO).state == "shipped"
