import pytest

from shopdesk.domain.case_states import derive_state, seller_agreed, undoable_event
from shopdesk.domain.errors import MoveNotAllowedError
from shopdesk.domain.model import CaseState, EventKind
from shopdesk.platforms import flow, registry
from shopdesk.platforms.case_flow import allowed_events, check_move, state_word, step_word
from tests.rules_helpers import Timeline, case, cn, order


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


# -- each platform's flow over the shared one ------------------------------------------


def test_the_seven_day_no_reason_refusal_ban_is_taobaos_own():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    for platform in ("pdd", "jd", "douyin"):
        no_reason = case("return_refund", reason="七天无理由退换货", platform=platform)
        check_move(no_reason, t.events, "seller_refused")  # their own facts: no such ban
        assert EventKind.SELLER_REFUSED in allowed_events(no_reason, t.events)
    taobao = case("return_refund", reason="七天無理由退換貨", platform="taobao")
    assert EventKind.SELLER_REFUSED not in allowed_events(taobao, t.events)


def test_a_platform_without_a_flow_of_its_own_follows_the_shared_one():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    shared = allowed_events(case("return_refund", platform="taobao"), t.events)
    assert allowed_events(case("return_refund", platform="wechat"), t.events) == shared
    assert EventKind.RESHIPPED in allowed_events(case("exchange", platform="taobao"), t.events)


def test_a_jd_service_order_is_reviewed_before_it_is_carried_out():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    c = case("reship", platform="jd")
    assert state_word(c, CaseState.AWAITING_SELLER, False) == "待审核"
    assert allowed_events(c, t.events)[:2] == [EventKind.SELLER_AGREED, EventKind.SELLER_REFUSED]
    with pytest.raises(MoveNotAllowedError, match="京东售后单「待审核」时不能「已补发」.*审核通过"):
        check_move(c, t.events, "reshipped")
    t.add("seller_agreed", "2026-11-27 11:00")
    assert seller_agreed(t.events)
    assert derive_state(c, t.events) == CaseState.AWAITING_SELLER
    assert state_word(c, CaseState.AWAITING_SELLER, True) == "待处理"
    assert allowed_events(c, t.events)[0] == EventKind.RESHIPPED
    check_move(c, t.events, "reshipped")
    assert step_word(c, EventKind.SELLER_AGREED) == "审核通过"


def test_a_new_request_starts_the_review_again():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    t.add("seller_agreed", "2026-11-27 11:00")
    t.add("buyer_modified", "2026-11-27 12:00")
    assert not seller_agreed(t.events)
    assert EventKind.SELLER_AGREED in allowed_events(case("reship", platform="jd"), t.events)


def test_every_platforms_flow_names_only_known_states_kinds_and_steps(tmp_path):
    for platform_id in registry.ids():
        registry.flow(platform_id)  # loads, or says which id is wrong
    wrong = tmp_path / "flow.toml"
    wrong.write_text('[[state]]\nstate = "awaiting_seller"\nsteps = ["seller_agread"]\n')
    with pytest.raises(ValueError, match="seller_agread"):
        flow.load(wrong)
    opened = tmp_path / "opened.toml"
    opened.write_text('[steps]\nopened = "申请"\n')  # the request is not a seller's step
    with pytest.raises(ValueError, match="opened"):
        flow.load(opened)
