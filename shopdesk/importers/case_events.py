"""The steps an after-sales export row implies, from the state the platform's status word
means: shared by every platform whose export gives a state but no timeline."""

from __future__ import annotations

from shopdesk.domain.model import CaseState, EventKind
from shopdesk.importers.records import PlatformEvent


def implied_events(
    state: CaseState,
    *,
    opened_at: str,
    reason: str,
    status: str,
    finished_at: str | None,
    agreed_at: str | None = None,
    return_tracking: str = "",
) -> tuple[PlatformEvent, ...]:
    """The buyer's request, then what the state says happened since (the seller agreed,
    the buyer sent the return back, a refusal, the platform stepping in, the end)."""
    events = [PlatformEvent(EventKind.OPENED.value, opened_at, reason)]
    if state in (CaseState.AWAITING_RETURN, CaseState.RETURN_IN_TRANSIT):
        events.append(PlatformEvent(EventKind.SELLER_AGREED.value, agreed_at))
    if state is CaseState.RETURN_IN_TRANSIT:
        events.append(PlatformEvent(EventKind.BUYER_SHIPPED_RETURN.value, None, return_tracking))
    if state is CaseState.REFUSED:
        events.append(PlatformEvent(EventKind.SELLER_REFUSED.value, None))
    if state is CaseState.INTERVENTION:
        events.append(PlatformEvent(EventKind.PLATFORM_INTERVENED.value, None, status))
    ending = {
        CaseState.REFUNDED: EventKind.REFUNDED,
        CaseState.CLOSED: EventKind.CLOSED,
        CaseState.WITHDRAWN: EventKind.WITHDRAWN,
    }.get(state)
    if ending is not None:
        events.append(PlatformEvent(ending.value, finished_at, status))
    return tuple(events)
