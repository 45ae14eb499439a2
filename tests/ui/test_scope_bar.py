"""One store, shops on several platforms: 订单, 售后 and 待办 show them together, and
the platform and shop choosers beside the search box narrow all three at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import shiboken6

from shopdesk.domain.scope import Scope
from shopdesk.services.clocks import bring_up_to_date
from shopdesk.store import deadlines_repo
from shopdesk.ui.main_window import MainWindow

PAID = (datetime.now(UTC) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _shops_on_three_platforms(store) -> dict[str, int]:
    shops = {
        "taobao": store.add_shop("小满家居", "taobao").id,
        "taobao2": store.add_shop("小满二店", "taobao").id,
        "jd": store.add_shop("小满京东自营店", "jd").id,
        "pdd": store.add_shop("小满拼多多", "pdd").id,
    }
    numbers = {"taobao": 3, "taobao2": 2, "jd": 4, "pdd": 1}
    for name, count in numbers.items():
        platform = "taobao" if name.startswith("taobao") else name
        for n in range(count):
            order = store.save_order(
                {"shop_id": shops[name], "platform": platform, "order_no": f"{name}-{n:04d}",
                 "buyer_nick": f"买家{n}", "item_titles": "保温杯", "state": "paid",
                 "paid_at": PAID}
            )  # fmt: skip
            if n == 0:
                store.add_case(order.id, "refund_unshipped", PAID)
    bring_up_to_date(store)  # every clock computed, as the window would
    return shops


def test_store_pages_and_counts_follow_the_scope(store):
    shops = _shops_on_three_platforms(store)
    assert store.count_orders() == 10
    assert store.count_orders(scope=Scope("taobao")) == 5
    assert store.count_orders(scope=Scope(shop_id=shops["taobao2"])) == 2
    jd = store.orders_page(0, 50, scope=Scope("jd"))
    assert {r["order_no"] for r in jd} == {f"jd-{n:04d}" for n in range(4)}
    assert store.count_orders("保温杯", Scope("pdd")) == 1
    assert [
        r["order_no"] for r in store.orders_page(0, 50, "保温杯", "recent", True, Scope("pdd"))
    ] == ["pdd-0000"]
    assert store.count_cases(scope=Scope("taobao")) == 2
    assert {r["platform"] for r in store.cases_page(0, 50, scope=Scope("jd"))} == {"jd"}
    everything = deadlines_repo.count_due(store, "all")
    taobao_due = deadlines_repo.count_due(store, "all", scope=Scope("taobao"))
    assert 0 < taobao_due < everything
    rows = deadlines_repo.due_page(store, 0, 50, "all", scope=Scope("taobao"))
    assert len(rows) == taobao_due and {r["platform"] for r in rows} == {"taobao"}
    mine = Scope(shop_id=shops["taobao2"])
    searched = deadlines_repo.due_page(store, 0, 50, "all", "买家1", scope=mine)
    assert {r["order_no"] for r in searched} == {"taobao2-0001"}
    assert deadlines_repo.count_due(store, "all", "买家1", mine) == 1


@pytest.fixture
def window(qtbot, store):
    made = MainWindow(store)
    qtbot.addWidget(made)
    made.resize(1280, 720)
    made.show()
    yield made
    made.external_writes.stop()
    made.close()
    shiboken6.delete(made)


def _pick(box, data) -> None:
    box.setCurrentIndex(box.findData(data))


def test_the_choosers_narrow_orders_cases_and_due_together(qtbot, store):
    shops = _shops_on_three_platforms(store)
    made = MainWindow(store)
    qtbot.addWidget(made)
    made.show()
    boxes = made.scope_boxes
    assert boxes.platform_box.isVisible() and boxes.shop_box.isVisible()
    assert made.orders_view.model.rowCount() == 10
    _pick(boxes.platform_box, "jd")
    assert made.orders_view.model.rowCount() == 4
    assert made.cases_view.model.rowCount() == 1
    due = made.due_view.model
    assert {due.row(i)["platform"] for i in range(due.rowCount())} <= {"jd"}
    # the shop chooser lists only the chosen platform's shops
    assert [boxes.shop_box.itemText(i) for i in range(1, boxes.shop_box.count())] == [
        "小满京东自营店"
    ]
    _pick(boxes.platform_box, "taobao")
    assert {due.row(i)["platform"] for i in range(due.rowCount())} == {"taobao"}
    _pick(boxes.shop_box, shops["taobao2"])
    assert made.orders_view.model.rowCount() == 2
    assert made.cases_view.model.rowCount() == 1
    _pick(boxes.platform_box, None)
    _pick(boxes.shop_box, None)
    assert made.orders_view.model.rowCount() == 10
    made.external_writes.stop()
    made.close()


def test_a_store_of_one_shop_shows_no_choosers(window):
    assert not window.scope_boxes.platform_box.isVisible()
    assert not window.scope_boxes.shop_box.isVisible()
