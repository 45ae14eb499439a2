"""`shopdesk order ship`: the seller shipped; the 卖家发货 clock leaves `due` at once."""

from __future__ import annotations

import json

from tests.e2e.test_cli import shopdesk


def _ship_rows(db: str, order_no: str) -> list[dict]:
    due = json.loads(shopdesk("due", "--db", db, "--json").stdout)
    return [d for d in due if d["order_no"] == order_no and d["rule"] == "ship.deadline"]


def _unshipped(db: str) -> str:
    orders = json.loads(shopdesk("orders", "--db", db, "--json").stdout)
    return next(o["order_no"] for o in orders if o["state"] == "paid")


def test_order_ship_stops_the_ship_by_clock(tmp_path):
    db = str(tmp_path / "x.db")
    shopdesk("demo", "--db", db)
    order_no = _unshipped(db)
    assert _ship_rows(db, order_no)
    result = shopdesk(
        "order", "ship", order_no, "--db", db, "--json",
        "--tracking", "75312345678901", "--courier", "中通快递",
    )  # fmt: skip
    document = json.loads(result.stdout)
    assert (document["state"], document["courier"], document["tracking_no"]) == (
        "shipped",
        "中通快递",
        "75312345678901",
    )
    assert [d["rule"] for d in document["deadlines"]] == ["receipt.auto_confirm"]
    assert _ship_rows(db, order_no) == []
    listed = json.loads(
        shopdesk("orders", "--db", db, "--json", "--search", "75312345678901").stdout
    )
    assert [o["order_no"] for o in listed] == [order_no]


def test_order_ship_refuses_what_cannot_be_right_and_writes_nothing(tmp_path):
    db = str(tmp_path / "x.db")
    shopdesk("demo", "--db", db)
    order_no = _unshipped(db)
    for extra, words in (
        (["--tracking", "?", "--courier", "中通"], "运单号"),
        (["--tracking", "75312345678901", "--courier", " "], "快递公司"),
        (["--tracking", "75312345678901", "--courier", "中通", "--at", "2099-01-01"], "将来"),
        (["--tracking", "75312345678901", "--courier", "中通", "--at", "昨天"], "--at"),
    ):
        result = shopdesk("order", "ship", order_no, "--db", db, *extra, check=False)
        assert result.returncode == 2, result.stderr
        assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert _ship_rows(db, order_no)
    unknown = shopdesk(
        "order", "ship", "42", "--db", db, "--tracking", "1234567", "--courier", "中通", check=False
    )
    assert unknown.returncode == 2 and "42" in unknown.stderr
