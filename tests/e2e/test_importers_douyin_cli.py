"""`shopdesk import` / `orders` / `cases` / `due` on Douyin shop (抖店) files beside Taobao
and Pinduoduo ones, as a seller's script runs them (the real process)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.douyin_fixtures import (
    LAYOUT_B,
    douyin_after_sale,
    douyin_line,
    excel_scientific,
    order_export_name,
    shipped,
    write_douyin_after_sales,
    write_douyin_orders,
)
from tests.e2e.conftest import shopdesk
from tests.importers_fixtures import order, write_orders
from tests.pdd_fixtures import pdd_order, write_pdd_orders

NO = "6917546239482019245"  # not shipped yet
TWO = "6917546239482020011"  # two 子订单, shipped in two parcels
SUB_1, SUB_2 = "6917546239482020012", "6917546239482020013"
PDD_NO = "240613-861787953171000"
TAOBAO_NO = "3901234567890120"


def day_files(tmp_path: Path) -> list[str]:
    mug = shipped(
        douyin_line(TWO, SUB_1), ("SF0220481613112", "顺丰速运"), ("770291786060549", "申通快递")
    )
    blanket = shipped(
        douyin_line(TWO, SUB_2, 选购商品="毛毯", 订单应付金额="80.00", 支付优惠="0.00"),
        ("770291786060549", "申通快递"),
    )
    return [
        str(
            write_douyin_orders(
                tmp_path / order_export_name(), [douyin_line(NO), mug, blanket], LAYOUT_B
            )
        ),
        str(
            write_douyin_after_sales(
                tmp_path / "售后单导出-2026-11-28-09-30-00.xlsx",
                [
                    douyin_after_sale("7318945612387450001", NO),
                    douyin_after_sale(
                        "7318945612387450002",
                        TWO,
                        SUB_2,
                        售后类型="退货退款",
                        售后状态="待买家退货",
                        售后原因="质量问题",
                        **{"退商品金额（元）": "80.00", "退支付优惠（元）": "-"},
                    ),
                ],
            )
        ),
        str(
            write_pdd_orders(tmp_path / "orders_export2024-06-15-10-09-23.csv", [pdd_order(PDD_NO)])
        ),
        str(write_orders(tmp_path / "ExportOrderList202406201030.csv", [order(TAOBAO_NO)])),
    ]


def test_douyin_pdd_and_taobao_in_one_import_then_listed(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    files = day_files(tmp_path)
    result = shopdesk("import", *files, "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)["files"]
    assert [(f["platform"], f["kind"], f["rows"], f["added"]) for f in report] == [
        ("douyin", "orders", 3, 2),
        ("douyin", "refunds", 2, 2),
        ("pdd", "orders", 1, 1),
        ("taobao", "orders", 1, 1),
    ]
    again = json.loads(shopdesk("import", *files, "--db", db, "--json").stdout)["files"]
    assert [(f["added"], f["updated"]) for f in again] == [(0, 0)] * 4

    listed = json.loads(shopdesk("orders", "--db", db, "--json", "--platform", "douyin").stdout)
    by_no = {o["order_no"]: o for o in listed}
    assert set(by_no) == {NO, TWO}  # 主订单编号, not the 子订单's
    waiting, two = by_no[NO], by_no[TWO]
    assert (waiting["platform"], waiting["status"], waiting["paid_fen"]) == (
        "douyin",
        "待发货",
        3540,
    )
    assert waiting["paid_at"] == "2026-11-27T10:21:15+08:00"
    assert (waiting["lines"], waiting["tracking_no"]) == (1, None)
    assert (two["status"], two["paid_fen"], two["lines"]) == ("已发货", 3540 + 8000, 2)
    assert two["tracking_no"] == "SF0220481613112"  # the first waybill of 快递信息
    everything = json.loads(shopdesk("orders", "--db", db, "--json").stdout)
    assert {o["platform"] for o in everything} == {"douyin", "pdd", "taobao"}
    shop = json.loads(shopdesk("orders", "--db", db, "--json", "--shop", "抖店店铺").stdout)
    assert {o["order_no"] for o in shop} == {NO, TWO}

    cases = {c["order_no"]: c for c in json.loads(shopdesk("cases", "--db", db, "--json").stdout)}
    asked, returned = cases[NO], cases[TWO]
    assert (asked["platform"], asked["refund_fen"], asked["kind"]) == (
        "douyin",
        3540,
        "refund_unshipped",
    )
    assert (asked["platform_status"], asked["platform_reason"]) == ("待商家处理", "不想要了")
    assert (returned["kind"], returned["refund_fen"]) == ("return_refund", 8000)
    assert (returned["platform_status"], returned["platform_reason"]) == ("待买家退货", "质量问题")

    due = json.loads(
        shopdesk("due", "--db", db, "--json", "--now", "2026-11-28T12:00:00+08:00").stdout
    )
    douyin = {(d["order_no"], d["subject"]): d for d in due if d["platform"] == "douyin"}
    assert set(douyin) == {(NO, "order"), (NO, "case"), (TWO, "case")}
    ship = douyin[(NO, "order")]
    assert (ship["rule"], ship["basis"], ship["due_at"]) == (
        "ship.deadline",
        "platform",
        "2026-11-29T10:21:15+08:00",  # 承诺发货时间
    )
    answer = douyin[(NO, "case")]
    assert (answer["rule"], answer["basis"], answer["due_at"]) == (
        "refund.respond",
        "platform",
        "2026-11-29T20:11:32+08:00",  # 自动处理截止时间
    )
    assert douyin[(TWO, "case")]["basis"] == "platform"


def test_an_excel_resave_with_rounded_ids_is_refused_and_named(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    path = write_douyin_orders(tmp_path / "resaved.csv", [douyin_line(NO)], excel=True)
    result = shopdesk("import", str(path), "--db", db)
    assert result.returncode == 2
    assert "主订单编号" in result.stderr and "科学计数法" in result.stderr
    assert "Traceback" not in result.stderr
    one_bad = write_douyin_orders(
        tmp_path / order_export_name(),
        [douyin_line(NO), douyin_line(TWO, SUB_1)],
        typed={(1, "子订单编号"): excel_scientific(SUB_1)},
    )
    report = json.loads(shopdesk("import", str(one_bad), "--db", db, "--json").stdout)
    (file,) = report["files"]
    assert (file["added"], [(s["row"], s["column"]) for s in file["skipped"]]) == (
        1,
        [(3, "子订单编号")],
    )
    listed = json.loads(shopdesk("orders", "--db", db, "--json", "--platform", "douyin").stdout)
    assert [o["order_no"] for o in listed] == [NO]


def test_cases_json_gives_douyin_s_status_verbatim_and_its_reason(tmp_path: Path) -> None:
    """`shopdesk cases --json` on 抖店 售后单: platform_status is the export's word as
    written (the full-width comma of 同意退款，退款成功, an API word read by its words),
    platform_reason its 售后原因 (`-`: none); the open ones count down to 自动处理截止时间
    in `due --json` (basis platform), the return with its waybill among them."""
    db = str(tmp_path / "s.db")
    orders = write_douyin_orders(
        tmp_path / order_export_name(),
        [douyin_line(NO), shipped(douyin_line(TWO, SUB_1)), shipped(douyin_line(TWO, SUB_2))],
        LAYOUT_B,
    )
    refunds = write_douyin_after_sales(
        tmp_path / "售后单导出-2026-11-28-09-30-00.xlsx",
        [
            douyin_after_sale(
                "7318945612387450001",
                NO,
                售后状态="同意退款，退款成功",
                售后原因="七天无理由",
                商家退款时间="2026-11-27 21:00:00",
                自动处理截止时间="-",
            ),
            douyin_after_sale(
                "7318945612387450002",
                TWO,
                SUB_1,
                售后类型="退货退款",
                售后状态="待商家收货",
                售后原因="质量问题",
                退货物流单号="YT9912345678901",
                退货物流公司="圆通速递",
                退货发货时间="2026-11-28 09:12:00",
                自动处理截止时间="2026-12-05 09:12:00",
            ),
            douyin_after_sale(
                "7318945612387450003",
                TWO,
                SUB_2,
                售后类型="已发货退款",
                售后状态="商家一次拒绝",
                售后原因="-",
            ),
        ],
    )
    result = shopdesk("import", str(orders), str(refunds), "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(shopdesk("cases", "--db", db, "--json", "--platform", "douyin").stdout)
    by_order = {(c["order_no"], c["kind"]): c for c in listed}
    assert {
        key: (c["state"], c["platform_status"], c["platform_reason"]) for key, c in by_order.items()
    } == {
        (NO, "refund_unshipped"): ("refunded", "同意退款，退款成功", "七天无理由"),
        (TWO, "return_refund"): ("return_in_transit", "待商家收货", "质量问题"),
        (TWO, "refund_shipped"): ("refused", "商家一次拒绝", None),
    }
    refunded = by_order[(NO, "refund_unshipped")]
    assert (refunded["refund_fen"], refunded["platform_deadline"]) == (3540, None)
    returned = by_order[(TWO, "return_refund")]
    assert returned["platform_deadline"] == "2026-12-05T09:12:00+08:00"
    opened = json.loads(shopdesk("cases", "--db", db, "--json", "--open").stdout)
    assert {c["kind"] for c in opened if c["platform"] == "douyin"} == {
        "return_refund",
        "refund_shipped",
    }

    due = json.loads(
        shopdesk("due", "--db", db, "--json", "--now", "2026-11-28T12:00:00+08:00").stdout
    )
    (confirm,) = [d for d in due if d["rule"] == "return.seller_confirms"]
    assert (confirm["order_no"], confirm["basis"], confirm["due_at"]) == (
        TWO,
        "platform",
        "2026-12-05T09:12:00+08:00",
    )
