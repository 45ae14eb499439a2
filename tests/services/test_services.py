"""The services the window and the command line share: what each writes, and the Changes
it reports (which the window's views refresh from)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.model import Order
from shopdesk.domain.timeutil import to_text
from shopdesk.services import cases, clocks, imports
from shopdesk.services.changes import NOTHING
from tests.importers_fixtures import order, write_orders


def _paid_order(store, now) -> Order:
    return store.save_order(
        {
            "platform": "taobao",
            "order_no": "3600000000000000001",
            "status": "买家已付款，等待卖家发货",
            "state": "paid",
            "paid_fen": 5900,
            "created_at": to_text(now - timedelta(days=2)),
            "paid_at": to_text(now - timedelta(days=2)),
        }
    )


def test_a_case_opened_with_the_platforms_reason_words_gets_their_cause_and_clocks(store, now):
    placed = _paid_order(store, now)
    case, changes = cases.open_case(
        store,
        placed.id,
        "refund_unshipped",
        now - timedelta(hours=1),
        reason="七天无理由退货",
        now=now,
    )
    assert case.platform_cause == "buyer_changed_mind"  # as an import reads the same words
    assert case.next_due_at is not None  # its clock runs from the buyer's request
    assert case.id in changes.cases and placed.id in changes.orders


def test_a_case_of_an_unknown_kind_writes_nothing(store, now):
    placed = _paid_order(store, now)
    with pytest.raises(ShopDeskError):
        cases.open_case(store, placed.id, "refund", now, now=now)
    assert store.list_cases(order_id=placed.id) == []


def test_a_step_and_its_undo_report_the_case_and_its_order(store, now):
    placed = _paid_order(store, now)
    case, _ = cases.open_case(
        store, placed.id, "refund_unshipped", now - timedelta(hours=1), now=now
    )
    event, changes = cases.record_step(store, case.id, "seller_agreed", now, now=now)
    assert event.kind == "seller_agreed"
    assert store.get_case(case.id).state == "awaiting_refund"
    assert changes.touches_case(case.id) and changes.touches_order(placed.id)
    _, undone = cases.undo_last_step(store, case.id, now=now)
    assert store.get_case(case.id).state == "awaiting_seller"
    assert undone.touches_case(case.id)


def test_clocks_report_a_changed_rule_set_once(store, now):
    first = clocks.bring_up_to_date(store, now)
    assert first.rules  # a new store: its clocks were computed with no rule set before
    assert clocks.bring_up_to_date(store, now) == NOTHING


def test_an_import_reports_what_it_wrote_and_a_repeat_reports_nothing(store, now, tmp_path):
    path = write_orders(
        tmp_path / "ExportOrderList202611280930.csv", [order("3600000000000000002")]
    )
    report, changes = imports.import_exports(store, [path], now=now)
    assert report.files[0].added == 1 and changes.orders and changes.shops
    again, unchanged = imports.import_exports(store, [path], now=now)
    assert again.files[0].unchanged == 1 and unchanged == NOTHING
