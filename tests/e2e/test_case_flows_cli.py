"""Pinduoduo's and Douyin's case flows on the command line, as a seller's script runs it:
a 极速退款 is closed on import, a Douyin 换货 takes the goods back before new ones go out
(JD's 审核: tests/e2e/test_importers_jd_cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.douyin_fixtures import (
    douyin_after_sale,
    douyin_line,
    order_export_name,
    write_douyin_after_sales,
    write_douyin_orders,
)
from tests.e2e.conftest import shopdesk
from tests.pdd_fixtures import pdd_order, pdd_refund, write_pdd_orders, write_pdd_refunds


def _cases(db: str) -> dict[str, dict]:
    listed = json.loads(shopdesk("cases", "--db", db, "--json", check=True).stdout)
    return {c["platform"] + ":" + c["kind"] + ":" + c["state"]: c for c in listed}


def test_a_speedy_refund_is_closed_and_a_douyin_exchange_goes_step_by_step(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "s.db")
    pdd_orders = write_pdd_orders(
        tmp_path / "a_orders_export2024-06-15.csv", [pdd_order(订单状态="已发货，待收货")]
    )
    speedy = pdd_refund(refund_no="1001", 退款类型="极速退款", 售后状态="退款成功")
    pdd_refunds = write_pdd_refunds(tmp_path / "pdd.xlsx", [speedy])
    douyin_orders = write_douyin_orders(
        tmp_path / order_export_name(), [douyin_line(订单状态="已发货")]
    )
    exchange = douyin_after_sale("7318945612387456001", 售后类型="换货", 商品发货状态="已发货")
    douyin_refunds = write_douyin_after_sales(tmp_path / "douyin.xlsx", [exchange])
    files = [pdd_orders, pdd_refunds, douyin_orders, douyin_refunds]
    result = shopdesk("import", *files, "--db", db, "--json")
    assert result.returncode == 0, result.stderr

    found = _cases(db)
    closed = found["pdd:refund_shipped:refunded"]
    assert (closed["platform_status"], closed["next_due_at"]) == ("退款成功", None)
    finished = shopdesk("case", "event", closed["id"], "seller_agreed", "--db", db)
    assert finished.returncode == 2 and "售后已结束" in finished.stderr

    case_id = found["douyin:exchange:awaiting_seller"]["id"]
    early = shopdesk("case", "event", case_id, "reshipped", "--db", db)
    assert early.returncode == 2
    assert "抖店售后单「待商家处理」时不能「已补发」" in early.stderr
    assert "同意换货" in early.stderr
    steps = [
        ("seller_agreed", "awaiting_return"),
        ("buyer_shipped_return", "return_in_transit"),
        ("seller_received_return", "awaiting_seller"),
        ("reshipped", "resolved"),
    ]
    for at, (step, state) in enumerate(steps, 1):
        moved = shopdesk(
            "case", "event", case_id, step, "--at", f"2026-11-28 1{at}:00", "--db", db, "--json"
        )
        assert moved.returncode == 0, moved.stderr
        assert json.loads(moved.stdout)["state"] == state
