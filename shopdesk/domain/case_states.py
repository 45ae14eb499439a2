"""The after-sales case state machine: a case's state is derived from its timeline
(corrections applied).

This is the shared flow. A platform's own (its words for states and steps, the steps it
allows, the refusals it forbids) is laid over it by platforms/case_flow.py, which checks a
new step (`check_move`) and lists the allowed ones.

Pure functions over the model's dataclasses; nothing here reads the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from shopdesk.domain.model import (
    CLOSED_CASE_STATES,
    Case,
    CaseKind,
    CaseState,
    EventKind,
)
from shopdesk.domain.timeutil import from_text

E = EventKind
S = CaseState

RETURN_KINDS = {CaseKind.RETURN_REFUND.value, CaseKind.EXCHANGE.value}
_REFUND_KINDS = {
    CaseKind.REFUND_UNSHIPPED.value,
    CaseKind.REFUND_SHIPPED.value,
    CaseKind.RETURN_REFUND.value,
    CaseKind.EXCHANGE.value,
    CaseKind.RESHIP.value,
    CaseKind.REJECTED_DELIVERY.value,
}
TERMINAL = {S(state) for state in CLOSED_CASE_STATES}

# Events that never change the state.
# The seller's judgement and bookkeeping (store/case_facts.py records them).
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
SHARED_NEXT: dict[CaseState, tuple[EventKind, ...]] = {
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
        if kind in RETURN_KINDS:
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


def undoable_event(events: Sequence, now: datetime | None = None):
    """The latest event a correction would retract (None on an empty timeline)."""
    kept = effective_events(events, now)
    return kept[-1] if kept else None
