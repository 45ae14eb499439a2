"""Units sold per product come from product_units (kept by triggers, schema step 0008):
whatever writes orders and lines, and for any period, the 分析 figures must equal a count
over every order line."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from shopdesk.store import insights
from shopdesk.store.insights import PRODUCT_KEY, Period, Scope

FIRST = date(2026, 1, 1)


def _raw_units(store, period: Period, scope: Scope) -> dict[str, int]:
    start, after = period.bounds()
    where, params = scope.where()
    return {
        key: n
        for key, n in store.db.execute(
            f"SELECT {PRODUCT_KEY} AS k, sum(l.quantity) FROM orders o JOIN order_lines l "
            f"ON l.order_id = o.id WHERE o.paid_at >= ? AND o.paid_at < ?{where} GROUP BY k",
            [start, after, *params],
        )
    }


def _units(store, period: Period, scope: Scope) -> dict[str, int]:
    rows = insights.breakdown(store, "product", period, scope, with_previous=False)
    return {r.key: r.units for r in rows if r.units is not None and r.key in _keys(store)}


def _keys(store) -> set[str]:
    return {k for (k,) in store.db.execute(f"SELECT DISTINCT {PRODUCT_KEY} FROM order_lines l")}


def _random_store(store, rng: random.Random) -> list[int]:
    shops = [store.add_shop("小满家居", "taobao"), store.add_shop("小满拼多多店", "pdd")]
    orders = []
    for n in range(120):
        shop = rng.choice(shops)
        paid = FIRST + timedelta(days=rng.randrange(300), hours=rng.randrange(24))
        order = store.save_order(
            {
                "shop_id": shop.id,
                "platform": shop.platform,
                "order_no": f"39{n:017d}",
                # UTC: the hours 16-23 are the next China day
                "paid_at": f"{paid:%Y-%m-%d}T{rng.randrange(24):02d}:30:00Z",
            }
        )
        for _ in range(rng.choice((1, 1, 2, 3))):
            store.add_order_line(
                order.id,
                rng.choice(("马克杯", "桌布", "抽纸盒")),
                outer_code=rng.choice(("MUG-01", "", "null", " TB-2 ")),
                quantity=rng.randrange(1, 5),
            )
        orders.append(order.id)
    return orders


def _check_every_period(store, rng: random.Random) -> None:
    for _ in range(40):
        start = FIRST + timedelta(days=rng.randrange(320))
        period = Period(start, start + timedelta(days=rng.choice((0, 6, 29, 30, 90, 200))))
        for scope in (Scope(), Scope(platform="pdd"), Scope(shop_id=1)):
            assert _units(store, period, scope) == _raw_units(store, period, scope), period


def test_units_equal_a_count_over_every_line_for_any_period(store):
    rng = random.Random(21)
    _random_store(store, rng)
    _check_every_period(store, rng)


def test_units_follow_edited_lines_moved_payments_and_removed_orders(store):
    rng = random.Random(22)
    orders = _random_store(store, rng)
    for order_id in rng.sample(orders, 30):  # a re-export with another payment time
        store.db.execute(
            "UPDATE orders SET paid_at = ? WHERE id = ?",
            [f"2026-{rng.randrange(1, 12):02d}-{rng.randrange(1, 28):02d}T20:00:00Z", order_id],
        )
    for (line_id,) in store.db.execute("SELECT id FROM order_lines").fetchall()[::4]:
        store.db.execute(
            "UPDATE order_lines SET quantity = ?, outer_code = ? WHERE id = ?",
            [rng.randrange(1, 9), rng.choice(("MUG-01", "NEW-9", "")), line_id],
        )
    store.db.execute("UPDATE orders SET paid_at = NULL WHERE id = ?", [orders[0]])
    store.db.execute("DELETE FROM order_lines WHERE order_id = ?", [orders[1]])
    store.db.execute("DELETE FROM orders WHERE id = ?", [orders[2]])
    store.db.conn.commit()
    _check_every_period(store, rng)


def test_a_store_from_before_step_0008_counts_the_lines_it_already_had(tmp_path):
    import shutil
    from pathlib import Path

    from shopdesk.store.store import Store

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "stores" / "v0007.db"
    shutil.copy(fixture, tmp_path / "old.db")
    with Store.open(tmp_path / "old.db") as store:
        rows = insights.breakdown(store, "product", Period(date(2026, 11, 1), date(2026, 11, 30)))
        assert [(r.key, r.units, r.cases) for r in rows] == [
            ("北欧风陶瓷马克杯 带盖勺 400ml", 1, 1)
        ]


def test_a_refund_counts_under_the_item_the_export_names_else_every_line(store, tmp_path):
    """One order of a mug and a blanket; the refund export names the blanket (宝贝标题):
    the blanket has the case, the mug none. A refund naming an item the order does not
    have (an edited title) counts under every line, as one naming nothing does."""
    from shopdesk.store.import_repo import import_files
    from tests.importers_fixtures import (
        PRODUCTS,
        line,
        order,
        refund,
        write_lines,
        write_orders,
        write_refunds_csv,
    )

    mug, blanket = PRODUCTS[0], PRODUCTS[1]
    both, other = "3901234567890123401", "3901234567890123402"
    orders = write_orders(tmp_path / "ExportOrderList202406201030.csv", [order(both), order(other)])
    lines = write_lines(
        tmp_path / "ExportOrderDetailList202406201030.csv",
        [
            line(both, 标题=mug[0], 商品属性=mug[1], 商家编码=mug[3]),
            line(both, 标题=blanket[0], 商品属性=blanket[1], 商家编码=blanket[3]),
            line(other, 标题=mug[0], 商品属性=mug[1], 商家编码=mug[3]),
            line(other, 标题=blanket[0], 商品属性=blanket[1], 商家编码=blanket[3]),
        ],
    )
    refunds = write_refunds_csv(
        tmp_path / "RefundList202406201030.csv",
        [
            refund(both, "208123456789012", 宝贝标题=blanket[0]),
            refund(other, "209123456789012", 宝贝标题="已下架的旧标题"),
        ],
    )
    import_files(store, [orders, lines, refunds], now=datetime(2024, 6, 21, tzinfo=UTC))
    june = Period(date(2024, 6, 1), date(2024, 6, 30))
    rows = {r.key: r for r in insights.breakdown(store, "product", june, with_previous=False)}
    # the blanket's 商家编码 is `null`: its key is its title
    assert (rows[blanket[0]].units, rows[blanket[0]].cases) == (2, 2)
    assert (rows[mug[3]].units, rows[mug[3]].cases) == (2, 1)
    by_order = {
        store.get_case(i).order_no: i for i in insights.case_ids(store, "product", mug[3], june)
    }
    assert list(by_order) == [other]
