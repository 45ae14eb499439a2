"""`shopdesk import` / `orders` / `cases` / `due` on Pinduoduo files beside Taobao ones, as
a seller's script runs them (the real process)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.test_importers_cli import shopdesk
from tests.importers_fixtures import order, write_orders
from tests.pdd_fixtures import pdd_order, pdd_refund, shipped, write_pdd_orders, write_pdd_refunds

NO = "240613-861787953171000"
NO_SENT = "240612-113355779900112"
TAOBAO_NO = "3901234567890120"


def day_files(tmp_path: Path) -> list[str]:
    return [
        str(
            write_pdd_orders(
                tmp_path / "7a23c0d4e5f60718293a4b5c6d7eb781orders_export2024-06-15-10-09-23.csv",
                [pdd_order(NO), shipped(pdd_order(NO_SENT), "YT1111 YT2222")],
                bom=True,
            )
        ),
        str(write_pdd_refunds(tmp_path / "f7e9_20240615235138.xlsx", [pdd_refund(NO)])),
        str(write_orders(tmp_path / "ExportOrderList202406201030.csv", [order(TAOBAO_NO)])),
    ]


def test_pdd_and_taobao_in_one_import_then_listed(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    files = day_files(tmp_path)
    result = shopdesk("import", *files, "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)["files"]
    assert [(f["platform"], f["kind"], f["rows"], f["added"]) for f in report] == [
        ("pdd", "orders", 2, 2),
        ("pdd", "refunds", 1, 1),
        ("taobao", "orders", 1, 1),
    ]
    again = json.loads(shopdesk("import", *files, "--db", db, "--json").stdout)["files"]
    assert [f["added"] for f in again] == [0, 0, 0]

    listed = json.loads(shopdesk("orders", "--db", db, "--json", "--platform", "pdd").stdout)
    by_no = {o["order_no"]: o for o in listed}
    assert set(by_no) == {NO, NO_SENT}
    waiting = by_no[NO]
    assert (waiting["platform"], waiting["status"], waiting["paid_fen"]) == ("pdd", "待发货", 1720)
    assert waiting["paid_at"] == "2024-06-13T10:21:07+08:00"
    assert (waiting["lines"], waiting["tracking_no"]) == (1, None)
    assert by_no[NO_SENT]["tracking_no"] == "YT1111"  # the first waybill
    everything = json.loads(shopdesk("orders", "--db", db, "--json").stdout)
    assert {o["platform"] for o in everything} == {"pdd", "taobao"}
    shop = json.loads(shopdesk("orders", "--db", db, "--json", "--shop", "拼多多店铺").stdout)
    assert {o["order_no"] for o in shop} == {NO, NO_SENT}

    (case,) = json.loads(shopdesk("cases", "--db", db, "--json").stdout)
    assert (case["platform"], case["order_no"], case["refund_fen"]) == ("pdd", NO, 1720)
    assert case["platform_status"] == "买家申请退款，待商家处理"
    assert case["platform_reason"] == "不想要了"

    due = json.loads(
        shopdesk("due", "--db", db, "--json", "--now", "2024-06-14T12:00:00+08:00").stdout
    )
    ship = [d for d in due if d["order_no"] == NO and d["subject"] == "order"]
    assert [(d["rule"], d["basis"], d["due_at"]) for d in ship] == [
        ("ship.deadline", "platform", "2024-06-15T10:21:09+08:00")
    ]
    assert not [d for d in due if d["order_no"] == NO_SENT]


def test_several_shops_of_a_platform_need_shop(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    first = write_pdd_orders(tmp_path / "a_orders_export.csv", [pdd_order(NO)])
    assert shopdesk("import", str(first), "--db", db, "--shop", "一店").returncode == 0
    second = write_pdd_orders(tmp_path / "b_orders_export.csv", [pdd_order(NO_SENT)])
    assert shopdesk("import", str(second), "--db", db, "--shop", "二店").returncode == 0
    third = write_pdd_orders(tmp_path / "c_orders_export.csv", [pdd_order("240601-1" + "0" * 14)])
    result = shopdesk("import", str(third), "--db", db)
    assert result.returncode == 2
    assert "--shop" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    listed = json.loads(shopdesk("orders", "--db", db, "--json", "--shop", "二店").stdout)
    assert [o["order_no"] for o in listed] == [NO_SENT]


def test_the_export_time_in_the_file_names_orders_the_files(tmp_path: Path) -> None:
    """Two overlapping order exports in one import, the older listed last: the one whose
    name says it was made later gives the order's status."""
    db = str(tmp_path / "s.db")
    stamp = "7a23c0d4e5f60718293a4b5c6d7eb781orders_export"
    newer = write_pdd_orders(tmp_path / f"{stamp}2024-06-15-10-09-23.csv", [shipped(pdd_order(NO))])
    older = write_pdd_orders(tmp_path / f"{stamp}2024-06-14-08-00-00.csv", [pdd_order(NO)])
    assert shopdesk("import", str(newer), str(older), "--db", db).returncode == 0
    (found,) = json.loads(shopdesk("orders", "--db", db, "--json").stdout)
    assert (found["status"], found["tracking_no"]) == ("已发货，待收货", "73529461803521")


def test_after_sales_rows_of_orders_in_no_export(tmp_path: Path) -> None:
    """Only the after-sales file imported: each row's case is listed, tied to a minimal
    order that holds what the row says and nothing made up (no buyer, times, waybill or
    ship-by clock); the order export imported later fills the same order in."""
    db = str(tmp_path / "s.db")
    refunds = write_pdd_refunds(
        tmp_path / "f7e9050c0488_20240615235138.xlsx",
        [
            pdd_refund(NO_SENT, "20240614000000031", 订单状态="已发货"),
            pdd_refund(NO, "20240614000000032", 订单状态="未发货", 交易金额=12.5, 退款金额=12),
        ],
    )
    result = shopdesk("import", str(refunds), "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    (file,) = json.loads(result.stdout)["files"]
    assert (file["platform"], file["kind"], file["added"], file["skipped"]) == (
        "pdd",
        "refunds",
        2,
        [],
    )
    listed = json.loads(shopdesk("orders", "--db", db, "--json", "--platform", "pdd").stdout)
    by_no = {o["order_no"]: o for o in listed}
    assert set(by_no) == {NO, NO_SENT}
    assert [(by_no[no]["state"], by_no[no]["paid_fen"]) for no in (NO_SENT, NO)] == [
        ("shipped", 1720),
        ("paid", 1250),
    ]
    for stub in by_no.values():
        assert (stub["platform"], stub["status"], stub["buyer"], stub["lines"]) == (
            "pdd",
            "",
            "",
            0,
        )
        assert (stub["paid_at"], stub["shipped_at"], stub["tracking_no"]) == (None, None, None)
        assert stub["items"] == "陶瓷马克杯 大容量 带盖勺"
    cases = json.loads(shopdesk("cases", "--db", db, "--json").stdout)
    assert sorted((c["order_no"], c["kind"], c["refund_fen"]) for c in cases) == [
        (NO_SENT, "refund_shipped", 1720),
        (NO, "refund_unshipped", 1200),
    ]
    due = json.loads(
        shopdesk("due", "--db", db, "--json", "--now", "2024-06-16T12:00:00+08:00").stdout
    )
    assert not [d for d in due if d["subject"] == "order"]  # no ship-by time invented

    orders = write_pdd_orders(
        tmp_path / "7a23c0d4e5f60718293a4b5c6d7eb781orders_export2024-06-15-10-09-23.csv",
        [pdd_order(NO)],
    )
    assert shopdesk("import", str(orders), "--db", db).returncode == 0
    listed = json.loads(shopdesk("orders", "--db", db, "--json", "--platform", "pdd").stdout)
    assert len(listed) == 2
    (full,) = [o for o in listed if o["order_no"] == NO]
    assert (full["status"], full["paid_fen"], full["lines"]) == ("待发货", 1720, 1)
    assert full["paid_at"] == "2024-06-13T10:21:07+08:00"
    cases = json.loads(shopdesk("cases", "--db", db, "--json").stdout)
    assert sorted(c["order_no"] for c in cases) == sorted([NO, NO_SENT])


def test_cases_json_keeps_the_platforms_words_and_amounts(tmp_path: Path) -> None:
    """`cases --json` for PDD cases: platform, order_no, refund_fen from 退款金额 (trailing
    zeros dropped), platform_status exactly as 售后状态 writes it (full-width comma) and
    platform_reason as 退款原因 (null when the cell is empty)."""
    db = str(tmp_path / "s.db")
    orders = write_pdd_orders(
        tmp_path / "7a23c0d4e5f60718293a4b5c6d7eb781orders_export2024-06-15-10-09-23.csv",
        [pdd_order(NO), shipped(pdd_order(NO_SENT))],
    )
    rows = [
        pdd_refund(NO, "20240614000000041", 订单状态="未发货"),
        pdd_refund(
            NO_SENT,
            "20240614000000042",
            售后状态="用户已发货，待商家处理",
            退款类型="退货退款",
            退款金额=10.5,
            退款原因="质量问题",
            退货运单号="YT8812345678",
        ),
        pdd_refund(
            NO_SENT,
            "20240614000000043",
            售后状态="退款成功",
            退款金额=12,
            退款原因="",
            同意退款时间="2024-06-15 09:00:00",
        ),
        pdd_refund(NO_SENT, "20240614000000044", 售后状态="平台处理中", 退款原因="商品与描述不符"),
    ]
    refunds = write_pdd_refunds(tmp_path / "f7e9050c0488_20240615235138.xlsx", rows)
    assert shopdesk("import", str(orders), str(refunds), "--db", db).returncode == 0
    cases = json.loads(shopdesk("cases", "--db", db, "--json").stdout)
    keys = ("platform", "order_no", "refund_fen", "platform_status", "platform_reason")
    assert all(set(keys) <= set(case) for case in cases)
    assert sorted(tuple(case[key] for key in keys) for case in cases) == sorted(
        [
            ("pdd", NO, 1720, "买家申请退款，待商家处理", "不想要了"),
            ("pdd", NO_SENT, 1050, "用户已发货，待商家处理", "质量问题"),
            ("pdd", NO_SENT, 1200, "退款成功", None),  # no 退款原因: null
            ("pdd", NO_SENT, 1720, "平台处理中", "商品与描述不符"),
        ]
    )
    assert all(case["platform_deadline"] is None for case in cases)  # no such column
    states = {case["platform_status"]: case["state"] for case in cases}
    assert states == {
        "买家申请退款，待商家处理": "awaiting_seller",
        "用户已发货，待商家处理": "return_in_transit",
        "退款成功": "refunded",
        "平台处理中": "intervention",
    }
