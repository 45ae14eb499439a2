"""A case's flow as its platform has it: the shared flow (domain/case_states.py) with the
platform's own words, steps and refusals from its flow.toml (platforms/flow.py), read
through the registry. Which steps a case allows now, and whether a new one may be recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from shopdesk.domain.case_states import (
    FACT_EVENTS,
    RETURN_KINDS,
    SHARED_NEXT,
    TERMINAL,
    E,
    derive_state,
    effective_events,
    seller_agreed,
)
from shopdesk.domain.errors import MoveNotAllowedError
from shopdesk.domain.messages import Message
from shopdesk.domain.model import Case, CaseKind, CaseState, EventKind, Order, OrderState
from shopdesk.platforms import registry


def _refusal_blocked(case: Case, order: Order | None) -> str | None:
    if case.kind == CaseKind.REFUND_UNSHIPPED.value or (
        order is not None and order.state in (OrderState.PAID.value, OrderState.UNPAID.value)
    ):
        return Message("case.move.refuse_unshipped")
    # the platform's own (Taobao's: a 七天无理由 return cannot be refused)
    key = registry.flow(case.platform).refusal_blocked(case.reason)
    return Message(key) if key else None


def next_steps(case: Case, state: CaseState, agreed: bool) -> tuple[EventKind, ...]:
    """What may happen next in `state`: the platform's flow, else the shared one."""
    steps = registry.flow(case.platform).steps(state.value, case.kind, agreed)
    return SHARED_NEXT[state] if steps is None else tuple(EventKind(step) for step in steps)


def state_word(case: Case, state: CaseState, agreed: bool) -> str:
    """The platform's word for where the case stands (JD's 待审核), "" when it gives none."""
    return registry.flow(case.platform).state_word(state.value, case.kind, agreed)


def step_word(case: Case, event: EventKind) -> str:
    """The platform's word for a step (JD's 审核通过), "" when it gives none."""
    return registry.flow(case.platform).step_word(event.value, case.kind)


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
        RETURN_KINDS | {CaseKind.REJECTED_DELIVERY.value}
    ):
        return Message("case.move.no_return_step", kind=CaseKind.parse(case.kind))
    if event == E.RESHIPPED and case.kind not in (CaseKind.RESHIP.value, CaseKind.EXCHANGE.value):
        return Message("case.move.no_reship", kind=CaseKind.parse(case.kind))
    if event not in steps:
        if state in TERMINAL:
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
