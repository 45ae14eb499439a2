"""`--platform` and `--shop` on orders, cases and due: one store holding shops on several
platforms, listed together and filtered."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from shopdesk.domain.timeutil import now_utc, to_text
from shopdesk.services import cases
from shopdesk.store.store import Store
from tests.e2e.conftest import shopdesk


@pytest.fixture
def two_platforms(tmp_path):
    """A Taobao shop and a Pinduoduo shop, an unshipped order and a refund case in each
    (the Pinduoduo order with its 承诺发货时间, the clock its platform gives)."""
    path = tmp_path / "shops.db"
    now = now_utc()
    with Store.open(path) as store:
        for platform, shop, order_no in (
            ("taobao", "小满淘宝店", "3600000000000000101"),
            ("pdd", "小满拼多多店", "240613-861787953171000"),
        ):
            shop_id = store.add_shop(shop, platform).id
            order = store.save_order(
                {
                    "platform": platform,
                    "shop_id": shop_id,
                    "order_no": order_no,
                    "status": "待发货",
                    "state": "paid",
                    "paid_fen": 3900,
                    "created_at": to_text(now - timedelta(hours=5)),
                    "paid_at": to_text(now - timedelta(hours=5)),
                    "ship_by_at": to_text(now + timedelta(hours=43)) if platform == "pdd" else None,
                }
            )
            cases.open_case(store, order.id, "refund_unshipped", now - timedelta(hours=1), now=now)
    return str(path)


def _json(*args):
    result = shopdesk(*args, "--json", check=True)
    return json.loads(result.stdout)


def test_every_shop_is_listed_together_and_each_filter_narrows_it(two_platforms):
    db = two_platforms
    assert {o["platform"] for o in _json("orders", "--db", db)} == {"taobao", "pdd"}
    assert [o["order_no"] for o in _json("orders", "--db", db, "--platform", "pdd")] == [
        "240613-861787953171000"
    ]
    assert [c["platform"] for c in _json("cases", "--db", db, "--shop", "小满淘宝店")] == ["taobao"]
    assert [c["platform"] for c in _json("cases", "--db", db, "--platform", "pdd")] == ["pdd"]
    due = _json("due", "--db", db)
    assert {d["platform"] for d in due} == {"taobao", "pdd"}
    only = _json("due", "--db", db, "--shop", "小满拼多多店")
    assert only and {d["platform"] for d in only} == {"pdd"}
    assert _json("due", "--db", db, "--platform", "pdd", "--shop", "小满淘宝店") == []


def test_a_shop_that_does_not_exist_is_named_with_the_shops_there_are(two_platforms):
    result = shopdesk("orders", "--db", two_platforms, "--shop", "小满京东店", "--json")
    assert result.returncode == 2
    assert "小满京东店" in result.stderr and "小满拼多多店" in result.stderr
    assert result.stdout == ""


def test_a_case_is_opened_on_a_unique_order_number_of_any_platform(two_platforms):
    added = _json(
        "case", "add", "240613-861787953171000", "--kind", "return_refund", "--db", two_platforms
    )
    assert added["platform"] == "pdd" and added["kind"] == "return_refund"
