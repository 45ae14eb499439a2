"""The after-sales case state machine: a case's state is derived from its timeline
(corrections applied), and a new event is checked against what the platform allows.

This is the shared flow. A platform's own (its words for states and steps, the steps it
allows, the refusals it forbids) overrides it from its folder's flow.toml, read through
the registry (platforms/flow.py).

Pure functions over the model's dataclasses; nothing here reads the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from shopdesk.core.errors import MoveNotAllowedError
from shopdesk.core.messages import Message
from shopdesk.core.model import (
    CLOSED_CASE_STATES,
    Case,
    CaseKind,
    CaseState,
    EventKind,
    Order,
    OrderState,
)
from shopdesk.core.timeutil import from_text
from shopdesk.platforms import registry

E = EventKind
S = CaseState

_RETURN_KINDS = {CaseKind.RETURN_REFUND.value, CaseKind.EXCHANGE.value}
_REFUND_KINDS = {
    CaseKind.REFUND_UNSHIPPED.value,
    CaseKind.REFUND_SHIPPED.value,
    CaseKind.RETURN_REFUND.value,
    CaseKind.EXCHANGE.value,
    CaseKind.RESHIP.value,
    CaseKind.REJECTED_DELIVERY.value,
}
_TERMINAL = {S(state) for state in CLOSED_CASE_STATES}

# Events that never change the state.
# The seller's judgement and bookkeeping (core/case_facts.py records them).
FACT_EVENTS = frozenset({E.CAUSE_SET, E.MONEY, E.INSPECTED, E.OUTCOME})
_NEUTRAL = {
    *FACT_EVENTS,
    E.EVIDENCE_SUBMITTED,
    E.EVIDENCE_REQUESTED,
    E.DISPUTE_SUSPENDED,
    E.COURT_NOTICE,
    E.REPLIED,
    E.NOTE,
    E.CORRECTION,
}

# What may happen next, by state (the shared flow; a platform's flow.toml may replace a
# state's list; refusals are checked further below).
_NEXT: dict[CaseState, tuple[EventKind, ...]] = {
    S.AWAITING_SELLER: (
        E.SELLER_AGREED,
        E.SELLER_REFUSED,
        E.RESHIPPED,
        E.BUYER_MODIFIED,
        E.PLATFORM_INTERVENED,
        E.REFUNDED,
        E.WITHDRAWN,
        E.CLOSED,
        E.REPLIED,
        E.NOTE,
    ),
    S.AWAITING_RETURN: (
        E.BUYER_SHIPPED_RETURN,
        E.BUYER_MODIFIED,
        E.PLATFORM_INTERVENED,
        E.WITHDRAWN,
        E.CLOSED,
        E.REPLIED,
        E.NOTE,
    ),
    S.RETURN_IN_TRANSIT: (
        E.SELLER_RECEIVED_RETURN,
        E.SELLER_REFUSED,
        E.PLATFORM_INTERVENED,
        E.REFUNDED,
        E.WITHDRAWN,
        E.REPLIED,
        E.NOTE,
    ),
    S.REFUSED: (
        E.BUYER_MODIFIED,
        E.SELLER_AGREED,
        E.PLATFORM_INTERVENED,
        E.WITHDRAWN,
        E.CLOSED,
        E.REPLIED,
        E.NOTE,
    ),
    S.INTERVENTION: (
        E.EVIDENCE_SUBMITTED,
        E.EVIDENCE_REQUESTED,
        E.DISPUTE_SUSPENDED,
        E.COURT_NOTICE,
        E.RULING,
        E.SELLER_AGREED,
        E.REFUNDED,
        E.WITHDRAWN,
        E.REPLIED,
        E.NOTE,
    ),
    S.AWAITING_REFUND: (E.REFUNDED, E.PLATFORM_INTERVENED, E.CLOSED, E.REPLIED, E.NOTE),
    S.RESOLVED: (E.REFUNDED, E.RESHIPPED, E.CLOSED, E.REPLIED, E.NOTE),
    S.REFUNDED: (E.NOTE,),
    S.CLOSED: (E.NOTE,),
    S.WITHDRAWN: (E.NOTE,),
}


def _at(event) -> datetime:
    return from_text(event.at)


def effective_events(events: Iterable, now: datetime | None = None) -> list:
    """The timeline as it stands: events dated after `now` ignored, corrections and the
    events they retract removed, oldest first."""
    visible = [e for e in events if now is None or _at(e) <= now]
    retracted = {e.retracts for e in visible if e.kind == E.CORRECTION and e.retracts}
    kept = [e for e in visible if e.kind != E.CORRECTION and e.id not in retracted]
    return sorted(kept, key=lambda e: (_at(e), e.id))


def _target(kind: str, event: EventKind, current: CaseState) -> CaseState:
    if event == E.OPENED or event == E.BUYER_MODIFIED:
        return S.AWAITING_SELLER
    if event == E.SELLER_AGREED:
        if kind in _RETURN_KINDS:
            return S.AWAITING_RETURN
        if kind == CaseKind.RESHIP.value:
            return S.AWAITING_SELLER if current != S.RESOLVED else current
        if kind in _REFUND_KINDS:
            return S.AWAITING_REFUND
        return S.RESOLVED
    if event == E.SELLER_REFUSED:
        return S.REFUSED
    if event == E.BUYER_SHIPPED_RETURN:
        return S.RETURN_IN_TRANSIT
    if event == E.SELLER_RECEIVED_RETURN:
        return S.AWAITING_SELLER if kind == CaseKind.EXCHANGE.value else S.AWAITING_REFUND
    if event == E.PLATFORM_INTERVENED:
        return S.INTERVENTION
    if event in (E.RULING, E.RESHIPPED):
        return S.RESOLVED
    if event == E.REFUNDED:
        return S.REFUNDED
    if event == E.CLOSED:
        return S.CLOSED
    if event == E.WITHDRAWN:
        return S.WITHDRAWN
    return current


def derive_state(case: Case, events: Iterable, now: datetime | None = None) -> CaseState:
    """The case's state from its timeline. The platform's word wins, so an imported event
    that skips a step still moves the case to where the platform says it is."""
    state = S.AWAITING_SELLER
    for event in effective_events(events, now):
        kind = EventKind.parse(event.kind)
        if kind not in _NEUTRAL:
            state = _target(case.kind, kind, state)
    return state


def _refusal_blocked(case: Case, order: Order | None) -> str | None:
    if case.kind == CaseKind.REFUND_UNSHIPPED.value or (
        order is not None and order.state in (OrderState.PAID.value, OrderState.UNPAID.value)
    ):
        return Message("case.move.refuse_unshipped")
    # the platform's own (Taobao's: a 七天无理由 return cannot be refused)
    key = registry.flow(case.platform).refusal_blocked(case.reason)
    return Message(key) if key else None


def seller_agreed(events: Iterable, now: datetime | None = None) -> bool:
    """Whether the seller agreed since the buyer's (latest) request: a platform's flow may
    offer other steps then (JD's 待审核 before, 待处理 after)."""
    agreed = False
    for event in effective_events(events, now):
        if event.kind in (E.OPENED.value, E.BUYER_MODIFIED.value):
            agreed = False
        elif event.kind == E.SELLER_AGREED.value:
            agreed = True
    return agreed


def next_steps(case: Case, state: CaseState, agreed: bool) -> tuple[EventKind, ...]:
    """What may happen next in `state`: the platform's flow, else the shared one."""
    steps = registry.flow(case.platform).steps(state.value, case.kind, agreed)
    return _NEXT[state] if steps is None else tuple(EventKind(step) for step in steps)


def state_word(case: Case, state: CaseState, agreed: bool) -> str:
    """The platform's word for where the case stands (JD's 待审核), "" when it gives none."""
    return registry.flow(case.platform).state_word(state.value, case.kind, agreed)


def step_word(case: Case, event: EventKind) -> str:
    """The platform's word for a step (JD's 审核通过), "" when it gives none."""
    return registry.flow(case.platform).step_word(event.value, case.kind)


def undoable_event(events: Sequence, now: datetime | None = None):
    """The latest event a correction would retract (None on an empty timeline)."""
    kept = effective_events(events, now)
    return kept[-1] if kept else None


def allowed_events(
    case: Case,
    events: Sequence,
    order: Order | None = None,
    now: datetime | None = None,
    state: CaseState | None = None,
) -> list[EventKind]:
    """The events the seller may record next, in the order the case panel offers them.
    A correction is offered whenever there is an event to retract. `state` overrides the
    derived state (the platform's word)."""
    kept = effective_events(events, now)
    if not kept:
        return [E.OPENED, E.NOTE]
    state = state or derive_state(case, events, now)
    steps = next_steps(case, state, seller_agreed(kept))
    moves = [k for k in steps if _move_problem(case, state, k, order, steps) is None]
    moves.append(E.CORRECTION)
    return moves


def _move_problem(
    case: Case,
    state: CaseState,
    event: EventKind,
    order: Order | None,
    steps: tuple[EventKind, ...],
) -> str | None:
    if event == E.SELLER_REFUSED:
        blocked = _refusal_blocked(case, order)
        if blocked:
            return blocked
    if event in (E.BUYER_SHIPPED_RETURN, E.SELLER_RECEIVED_RETURN) and case.kind not in (
        _RETURN_KINDS | {CaseKind.REJECTED_DELIVERY.value}
    ):
        return Message("case.move.no_return_step", kind=CaseKind.parse(case.kind))
    if event == E.RESHIPPED and case.kind not in (CaseKind.RESHIP.value, CaseKind.EXCHANGE.value):
        return Message("case.move.no_reship", kind=CaseKind.parse(case.kind))
    if event not in steps:
        if state in _TERMINAL:
            return Message("case.move.finished", state=state)
        return Message("case.move.not_now", state=state, event=event)
    return None


def check_move(
    case: Case,
    events: Sequence,
    event: EventKind | str,
    order: Order | None = None,
    now: datetime | None = None,
    retracts: int | None = None,
    state: CaseState | None = None,
) -> None:
    """Raise MoveNotAllowedError (with the reason in Chinese) unless `event` may be
    recorded now."""
    kind = EventKind.parse(event) if isinstance(event, str) else event
    if kind in FACT_EVENTS:
        raise MoveNotAllowedError("case.move.not_a_platform_step", event=kind)
    kept = effective_events(events, now)
    if kind == E.CORRECTION:
        ids = {e.id for e in kept}
        if retracts is None or retracts not in ids:
            raise MoveNotAllowedError("case.move.correction_needs_event")
        return
    if kind == E.OPENED:
        if kept:
            raise MoveNotAllowedError("case.move.already_opened")
        return
    if not kept and kind != E.NOTE:
        raise MoveNotAllowedError("case.move.not_opened")
    if kind == E.NOTE:
        return
    state = state or derive_state(case, events, now)
    agreed = seller_agreed(kept)
    steps = next_steps(case, state, agreed)
    problem = _move_problem(case, state, kind, order, steps)
    word = state_word(case, state, agreed)
    if problem and problem.key == "case.move.not_now" and word:
        # said in the platform's words, with what it allows now
        possible = [
            step_word(case, step) or step
            for step in steps
            if _move_problem(case, state, step, order, steps) is None
        ]
        problem = Message(
            "flow.move.not_now",
            platform=Message(f"word.platform.{case.platform}"),
            word=word,
            event=kind,
            steps=possible,
        )
    if problem:
        raise MoveNotAllowedError(problem)
