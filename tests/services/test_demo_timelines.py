"""The demo store only shows after-sales timelines the platform allows: every event on a
case is a move the case panel would let the seller record at that point, for that kind
of case on that order (case_states decides, not this test)."""

from __future__ import annotations

import pytest

from shopdesk.domain.case_states import derive_state
from shopdesk.domain.errors import MoveNotAllowedError
from shopdesk.domain.model import CaseKind, EventKind
from shopdesk.platforms.case_flow import check_move

# What the seller records beside the platform's steps (原因与费用), not moves on it
FACTS = {EventKind.MONEY.value, EventKind.OUTCOME.value, EventKind.CAUSE_SET.value}


def _disallowed_moves(store, now) -> list[str]:
    problems = []
    for case in store.list_cases():
        order = store.get_order(case.order_id)
        events = [e for e in store.events(case.id) if e.kind not in FACTS]
        for n, event in enumerate(events):
            try:
                check_move(case, events[:n], event.kind, order=order, now=now)
            except MoveNotAllowedError as exc:
                timeline = " -> ".join(e.kind for e in events)
                problems.append(
                    f"case {case.id} ({case.kind}, order {order.state}): {timeline}: {exc}"
                )
    return problems


def test_every_demo_case_has_a_timeline_the_platform_allows(demo_store, now):
    assert _disallowed_moves(demo_store, now) == []


def test_every_demo_case_is_in_the_state_its_timeline_leads_to(demo_store, now):
    wrong = [
        (case.id, case.kind, case.state, derive_state(case, demo_store.events(case.id), now).value)
        for case in demo_store.list_cases()
        if derive_state(case, demo_store.events(case.id), now).value != case.state
    ]
    assert wrong == []


def test_the_demo_shows_every_kind_of_case(demo_store):
    shown = {case.kind for case in demo_store.list_cases()}
    assert shown == {kind.value for kind in CaseKind}


def test_no_refund_on_an_unshipped_order_is_refused_in_the_demo(demo_store):
    refused = [
        case.id
        for case in demo_store.list_cases()
        if case.kind == CaseKind.REFUND_UNSHIPPED.value
        and any(e.kind == EventKind.SELLER_REFUSED.value for e in demo_store.events(case.id))
    ]
    assert refused == []


@pytest.mark.parametrize("seed", [1, 2])
def test_other_seeds_and_sizes_give_allowed_timelines_too(tmp_path, now, seed):
    from shopdesk.services.demo import build_demo
    from shopdesk.store.store import Store

    with Store.open(tmp_path / "demo.db") as store:
        build_demo(store, now, orders=40, seed=seed)
        assert store.counts()["cases"] > 0
        assert _disallowed_moves(store, now) == []


@pytest.mark.parametrize("orders", [1, 5])
def test_a_tiny_demo_leaves_out_the_cases_it_has_no_order_for(tmp_path, now, orders):
    from shopdesk.services.demo import build_demo
    from shopdesk.store.store import Store

    with Store.open(tmp_path / "demo.db") as store:
        made = build_demo(store, now, orders=orders)
        assert made["orders"] == orders == store.counts()["orders"]
        assert _disallowed_moves(store, now) == []


def test_demo_money_is_entered_while_its_case_is_open(demo_store):
    """As the window allows: a finished case takes money only as a correction."""
    late = []
    for case in demo_store.list_cases():
        for event in demo_store.events(case.id):
            if (
                event.kind == EventKind.MONEY.value
                and case.closed_at
                and event.at >= case.closed_at
            ):
                late.append((case.id, event.at, case.closed_at))
    assert late == []
