"""The products each case concerns come from case_products (kept by triggers, schema step
0010): whatever writes cases, their orders' lines or their return inspections, the table
must say what the rule says: the lines the latest kept inspection names, else the lines of
the item the refund names where the order has it, else every line of the order."""

from __future__ import annotations

import json
import random

from shopdesk.store.insights import PRODUCT_KEY

TITLES = ("马克杯", " 桌布 ", "抽纸盒", "桌布")


def _by_rule(store) -> set[tuple[int, str, str]]:
    """The rule worked out in Python over every case (the reference)."""
    found = set()
    for case_id, order_id, item in store.db.execute(
        "SELECT id, order_id, item_title FROM cases"
    ).fetchall():
        lines = store.db.execute(
            f"SELECT position, {PRODUCT_KEY}, l.title FROM order_lines l WHERE l.order_id = ?",
            [order_id],
        ).fetchall()
        named = None
        for event_id, data in store.db.execute(
            "SELECT id, data FROM case_events WHERE case_id = ? AND kind = 'inspected' ORDER BY id",
            [case_id],
        ).fetchall():
            retracted = store.db.execute(
                "SELECT 1 FROM case_events WHERE retracts = ?", [event_id]
            ).fetchone()
            if retracted is None:
                named = {int(line["line"]) for line in json.loads(data)["lines"]}
        if named is not None:
            lines = [line for line in lines if line[0] in named]
        elif item.strip() and any(line[2].strip() == item.strip() for line in lines):
            lines = [line for line in lines if line[2].strip() == item.strip()]
        titles: dict[str, str] = {}
        for _, key, title in lines:
            titles[key] = min(titles.get(key, title), title)
        found |= {(case_id, key, title) for key, title in titles.items()}
    return found


def _table(store) -> set[tuple[int, str, str]]:
    rows = store.db.execute("SELECT case_id, product, title FROM case_products").fetchall()
    return {tuple(row) for row in rows}


def _inspect(store, case_id: int, positions: list[int]) -> int:
    lines = [{"line": p, "good": 0, "bad": 1, "restock": False} for p in positions]
    return store.add_event(case_id, "inspected", "2026-11-05T02:00:00Z", data={"lines": lines}).id


def test_the_table_follows_every_write_the_rule_depends_on(store):
    rng = random.Random(10)
    shop = store.add_shop("小满家居", "taobao")
    orders, cases, inspections = [], [], []
    for n in range(60):
        order = store.save_order(
            {"shop_id": shop.id, "platform": "taobao", "order_no": f"39{n:017d}",
             "paid_at": "2026-11-01T02:00:00Z"}
        )  # fmt: skip
        for _ in range(rng.choice((0, 1, 2, 3))):
            store.add_order_line(
                order.id, rng.choice(TITLES), outer_code=rng.choice(("MUG-01", "", "null"))
            )
        orders.append(order.id)
        if rng.random() < 0.6:
            case = store.add_case(order.id, "return_refund", "2026-11-03T02:00:00Z")
            cases.append(case.id)
            if rng.random() < 0.5:
                store.db.execute(
                    "UPDATE cases SET item_title = ? WHERE id = ?",
                    [rng.choice((*TITLES, "改过的标题")), case.id],
                )
    assert _table(store) == _by_rule(store)
    for case_id in rng.sample(
        [cases[0], *cases[2:]], 12
    ):  # inspections, some retracted, some replaced
        inspections.append(_inspect(store, case_id, rng.sample((1, 2, 3), rng.randint(1, 2))))
    for event_id in rng.sample(inspections, 4):
        case_id = store.db.execute(
            "SELECT case_id FROM case_events WHERE id = ?", [event_id]
        ).fetchone()[0]
        store.add_event(case_id, "note", "2026-11-06T02:00:00Z", retracts=event_id)
    assert _table(store) == _by_rule(store)
    for order_id in rng.sample(orders, 10):  # a re-export adds, edits and drops lines
        store.add_order_line(order_id, rng.choice(TITLES), outer_code="NEW-1")
    for (line_id,) in store.db.execute("SELECT id FROM order_lines").fetchall()[::5]:
        store.db.execute(
            "UPDATE order_lines SET title = ?, outer_code = ? WHERE id = ?",
            [rng.choice(TITLES), rng.choice(("MUG-01", "", "TB-2")), line_id],
        )
    store.db.execute("DELETE FROM order_lines WHERE order_id = ?", [orders[3]])
    store.db.execute("UPDATE cases SET order_id = ? WHERE id = ?", [orders[5], cases[0]])
    store.db.conn.commit()
    assert _table(store) == _by_rule(store)


def test_a_case_whose_inspection_names_the_blanket_counts_under_the_blanket_only(store):
    shop = store.add_shop("小满家居", "taobao")
    order = store.save_order(
        {"shop_id": shop.id, "platform": "taobao", "order_no": "3900000000000000001",
         "paid_at": "2026-11-01T02:00:00Z"}
    )  # fmt: skip
    store.add_order_line(order.id, "马克杯", outer_code="MUG-01")
    store.add_order_line(order.id, "法兰绒毯子", outer_code="BLK-02")
    case = store.add_case(order.id, "return_refund", "2026-11-03T02:00:00Z")
    assert {p for _, p, _ in _table(store)} == {"MUG-01", "BLK-02"}
    inspection = _inspect(store, case.id, [2])
    assert {p for _, p, _ in _table(store)} == {"BLK-02"}
    store.add_event(case.id, "note", "2026-11-06T02:00:00Z", retracts=inspection)
    assert {p for _, p, _ in _table(store)} == {"MUG-01", "BLK-02"}
