"""A case as the case panel shows it, read once: the case, its order with the order's
lines and shop, the timelines of every case of that order, the case's evidence, the
reply target, and the clocks computed from all of it. Four queries (store/case_rows.py),
however many sections the panel has; every section draws from the same snapshot instead of asking
the store again (a click used to run 53 queries, the same case eight times).

Qt-free: the command line and tests read the same snapshot."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from shopdesk.domain.case_states import seller_agreed
from shopdesk.domain.model import (
    Case,
    CaseState,
    Event,
    EventKind,
    Evidence,
    EvidenceKind,
    Order,
    OrderLine,
    Shop,
)
from shopdesk.domain.reply_clock import ReplyTarget
from shopdesk.domain.rules import Deadline, current_deadline
from shopdesk.domain.timeutil import to_text
from shopdesk.platforms import chatlog
from shopdesk.platforms.case_flow import allowed_events, state_word, step_word
from shopdesk.store import case_rows
from shopdesk.store.deadlines_repo import case_state, deadlines_for_case, deadlines_for_order
from shopdesk.store.store import Store

QUERIES = case_rows.QUERIES  # what read_case costs (tests/services/test_case_snapshot.py)


@dataclass(frozen=True)
class CaseSnapshot:
    case: Case
    order: Order
    shop: Shop | None
    lines: tuple[OrderLine, ...]
    events: tuple[Event, ...]  # the case's timeline, oldest first
    evidence: tuple[Evidence, ...]
    evidence_data: dict[int, dict]  # by evidence id: what it was recorded with
    chat: tuple  # every message of the case's chat logs (who spoke last: the reply clock)
    order_cases: tuple[Case, ...]  # every case of the order, this one included
    reply_target: ReplyTarget
    now: datetime
    state: CaseState  # as the timeline (or the platform's last word) says
    deadlines: tuple[Deadline, ...]  # the case's running clocks
    paused_order_deadlines: tuple[Deadline, ...]  # the order's clocks this case holds
    allowed: tuple[EventKind, ...]  # what the seller may record next
    # the platform's words (its flow.toml): for where the case stands (JD's 待审核) and for
    # the steps allowed (审核通过); "" / absent where it gives none
    state_word: str = ""
    step_words: dict[EventKind, str] = field(default_factory=dict)

    @property
    def case_id(self) -> int:
        return self.case.id

    @property
    def shown_deadlines(self) -> list[Deadline]:
        """The case's clocks, then the order's that stand still while it is open."""
        return [*self.deadlines, *self.paused_order_deadlines]

    def next_deadline_at(self) -> str | None:
        """The case's soonest running deadline (UTC text)."""
        soonest = current_deadline(list(self.deadlines))
        return to_text(soonest.due_at) if soonest and soonest.due_at else None

    def chat_count(self, evidence_id: int, picked_only: bool = True) -> int:
        """How many messages of a chat log go into a package (the picked ones)."""
        data = self.evidence_data.get(evidence_id, {})
        messages = data.get("messages") or []
        picked = data.get("picked")
        if not picked_only or picked is None:
            return len(messages)
        return sum(1 for i in picked if isinstance(i, int) and 0 <= i < len(messages))


def read_case(store: Store, case_id: int, now: datetime) -> CaseSnapshot:
    """Everything the case panel shows of case `case_id` at `now`, in QUERIES queries.
    NotFoundError when there is no such case."""
    rows = case_rows.read_case_rows(store, case_id)
    case, order, shop, cases = rows.case, rows.order, rows.shop, rows.order_cases
    timelines, evidence, evidence_data = rows.timelines, rows.evidence, rows.evidence_data
    lines, target = rows.lines, rows.reply_target
    events = timelines[case_id]
    chat = _chat_messages(evidence, evidence_data)
    state = case_state(case, events, now)
    own = deadlines_for_case(None, case, now, events, chat=chat, target=target)
    promised = shop.promised_ship_hours if shop is not None else None
    order_clocks = deadlines_for_order(
        None, order, now, cases, timelines=timelines, promised_hours=promised
    )
    allowed = tuple(allowed_events(case, events, order=order, now=now, state=state))
    return CaseSnapshot(
        case=case,
        order=order,
        shop=shop,
        lines=lines,
        events=tuple(events),
        evidence=tuple(evidence),
        evidence_data=evidence_data,
        chat=tuple(chat),
        order_cases=cases,
        reply_target=target,
        now=now,
        state=state,
        deadlines=tuple(own),
        paused_order_deadlines=tuple(d for d in order_clocks if d.is_paused),
        allowed=allowed,
        state_word=state_word(case, state, seller_agreed(events, now)),
        step_words={step: word for step in allowed if (word := step_word(case, step))},
    )


def _chat_messages(evidence: Sequence[Evidence], data: dict[int, dict]) -> list:
    """Every message of every chat log (picked or not), as case_chat_messages reads them."""
    messages: list = []
    for item in evidence:
        if item.kind != EvidenceKind.CHAT.value:
            continue
        try:
            messages += chatlog.from_data(data.get(item.id, {}).get("messages", []))
        except (ValueError, TypeError, KeyError, AttributeError):
            continue  # a damaged row: the clock goes by the timeline alone
    return messages
