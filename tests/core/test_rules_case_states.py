import pytest

from shopdesk.core.case_states import (
    allowed_events,
    check_move,
    derive_state,
    undoable_event,
)
from shopdesk.core.errors import MoveNotAllowedError
from shopdesk.core.model import CaseState, EventKind
from tests.core.rules_helpers import Timeline, case, cn, order


def test_return_walks_through_its_states():
    c = case("return_refund")
    t = Timeline()
    assert derive_state(c, t.events) == CaseState.AWAITING_SELLER
    steps = [
        ("opened", CaseState.AWAITING_SELLER),
        ("seller_agreed", CaseState.AWAITING_RETURN),
        ("buyer_shipped_return", CaseState.RETURN_IN_TRANSIT),
        ("seller_received_return", CaseState.AWAITING_REFUND),
        ("refunded", CaseState.REFUNDED),
    ]
    for hour, (kind, state) in enumerate(steps, start=10):
        check_move(c, t.events, kind)
        t.add(kind, f"2026-11-27 {hour}:00")
        assert derive_state(c, t.events) == state


def test_refusing_an_unshipped_refund_is_not_allowed():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    with pytest.raises(MoveNotAllowedError, match="尚未发货"):
        check_move(case("refund_unshipped"), t.events, "seller_refused")
    assert EventKind.SELLER_REFUSED not in allowed_events(case("refund_unshipped"), t.events)
    # any kind, when the order itself is not shipped yet
    unshipped = order("paid", paid="2026-11-26 10:00")
    with pytest.raises(MoveNotAllowedError, match="尚未发货"):
        check_move(case("return_refund"), t.events, "seller_refused", order=unshipped)


def test_refusing_a_seven_day_no_reason_return_is_not_allowed():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    no_reason = case("return_refund", reason="七天无理由退换货")
    with pytest.raises(MoveNotAllowedError, match="七天无理由"):
        check_move(no_reason, t.events, "seller_refused")
    check_move(case("return_refund", reason="质量问题"), t.events, "seller_refused")


def test_moves_out_of_order_are_refused_with_the_state_named():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    with pytest.raises(MoveNotAllowedError, match="待卖家处理"):
        check_move(case("return_refund"), t.events, "seller_received_return")
    with pytest.raises(MoveNotAllowedError, match="没有退货环节"):
        check_move(case("refund_shipped"), t.events, "buyer_shipped_return")
    with pytest.raises(MoveNotAllowedError, match="不能再次申请"):
        check_move(case("refund_shipped"), t.events, "opened")


def test_a_finished_case_only_takes_notes():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    t.add("withdrawn", "2026-11-27 11:00")
    c = case("refund_shipped")
    assert allowed_events(c, t.events) == [EventKind.NOTE, EventKind.CORRECTION]
    with pytest.raises(MoveNotAllowedError, match="售后已结束"):
        check_move(c, t.events, "seller_agreed")


def test_undo_is_a_correction_of_the_last_event():
    c = case("return_refund")
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    agreed = t.add("seller_agreed", "2026-11-27 11:00")
    last = undoable_event(t.events)
    assert last.id == agreed.id
    check_move(c, t.events, "correction", retracts=last.id)
    t.add("correction", "2026-11-27 11:05", retracts=last.id)
    assert derive_state(c, t.events) == CaseState.AWAITING_SELLER
    with pytest.raises(MoveNotAllowedError, match="更正"):
        check_move(c, t.events, "correction", retracts=agreed.id)


def test_events_after_now_do_not_count():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    t.add("seller_agreed", "2026-11-28 10:00")
    c = case("return_refund")
    assert derive_state(c, t.events, now=cn("2026-11-27 12:00")) == CaseState.AWAITING_SELLER
    assert derive_state(c, t.events) == CaseState.AWAITING_RETURN


def test_platform_events_win_even_when_they_skip_a_step():
    t = Timeline()
    t.add("opened", "2026-11-20 10:00")
    t.add("buyer_shipped_return", "2026-11-22 10:00")
    assert derive_state(case("return_refund"), t.events) == CaseState.RETURN_IN_TRANSIT


def test_empty_timeline_offers_opening():
    assert allowed_events(case(), []) == [EventKind.OPENED, EventKind.NOTE]
    with pytest.raises(MoveNotAllowedError, match="还没有买家申请"):
        check_move(case(), [], "seller_agreed")
