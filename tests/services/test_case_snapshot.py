"""A case snapshot holds what the store's one-at-a-time reads give, read in four queries."""

from __future__ import annotations

import pytest

from shopdesk.domain.errors import NotFoundError
from shopdesk.domain.model import EvidenceKind
from shopdesk.platforms.case_flow import allowed_events
from shopdesk.services.case_snapshot import QUERIES, read_case
from shopdesk.store import deadlines_repo, evidence_repo
from shopdesk.store.templates_repo import case_context, snapshot_context


def test_snapshot_holds_what_the_store_reads_one_by_one(demo_store, now):
    cases = demo_store.list_cases()
    assert len(cases) > 20
    for case in cases:
        snapshot = read_case(demo_store, case.id, now)
        order = demo_store.get_order(case.order_id)
        assert snapshot.case == case
        assert snapshot.order == order
        assert snapshot.shop == demo_store.get_shop(order.shop_id)
        assert list(snapshot.lines) == demo_store.order_lines(order.id)
        assert list(snapshot.events) == demo_store.events(case.id)
        assert list(snapshot.evidence) == evidence_repo.list_evidence(demo_store, case.id)
        assert snapshot.order_cases == tuple(demo_store.list_cases(order_id=order.id))
        assert snapshot.shown_deadlines == deadlines_repo.deadlines_shown_with_case(
            demo_store, case, now
        )
        state = deadlines_repo.case_state(case, snapshot.events, now)
        assert list(snapshot.allowed) == allowed_events(
            case, demo_store.events(case.id), order=order, now=now, state=state
        )
        assert snapshot_context(snapshot) == case_context(demo_store, case.id, now=now)


CHAT = (
    "林间小鹿 2026-11-27 10:01:02\n你好，耳机左边没有声音\n\n"
    "小满家居生活馆:小美 2026-11-27 10:01:30\n亲，请拍个视频\n已读\n\n"
    "林间小鹿 2026-11-27 10:02:00\n好的\n"
)


def test_a_chat_log_counts_its_picked_messages_and_the_reply_clock_reads_it(demo_store, now):
    case = next(c for c in demo_store.list_cases() if c.state == "awaiting_seller")
    chat = evidence_repo.add_chat(demo_store, case.id, CHAT.encode(), "聊天.txt")
    evidence_repo.pick_messages(demo_store, chat.id, [0, 2])
    snapshot = read_case(demo_store, case.id, now)
    assert snapshot.chat_count(chat.id) == 2
    assert snapshot.chat_count(chat.id, picked_only=False) == 3
    assert [m.text for m in snapshot.chat] == [
        m.text for m in evidence_repo.case_chat_messages(demo_store, case.id)
    ]
    assert snapshot.shown_deadlines == deadlines_repo.deadlines_shown_with_case(
        demo_store, case, now
    )
    assert EvidenceKind.CHAT.value in {e.kind for e in snapshot.evidence}


def test_reading_a_case_costs_four_queries(demo_store, now):
    case = demo_store.list_cases()[0]
    seen: list[str] = []
    demo_store.db.conn.set_trace_callback(seen.append)
    try:
        read_case(demo_store, case.id, now)
    finally:
        demo_store.db.conn.set_trace_callback(None)
    assert len(seen) == QUERIES == 4


def test_a_case_that_is_not_there_is_named(demo_store, now):
    with pytest.raises(NotFoundError, match="没有编号为 999999 的售后单"):
        read_case(demo_store, 999_999, now)
