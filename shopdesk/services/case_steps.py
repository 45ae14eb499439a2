"""A case's steps as the seller records them: a step the platform allows now (checked
against its flow), undoing the last one (a correction, never a delete), and the deadline
copied from the platform's seller tool. Each refreshes the case's state and clocks in the
same transaction; services.cases returns what they changed to the front ends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shopdesk.domain import messages
from shopdesk.domain.case_states import derive_state, undoable_event
from shopdesk.domain.errors import InputError
from shopdesk.domain.model import Case, Event, EventKind
from shopdesk.domain.timeutil import now_utc, to_text
from shopdesk.platforms.case_flow import check_move
from shopdesk.store.deadlines_repo import case_state, refresh_due
from shopdesk.store.store import Store


def add_case_event(
    store: Store,
    case_id: int,
    kind: str,
    at: datetime | None = None,
    note: str = "",
    *,
    retracts: int | None = None,
    now: datetime | None = None,
    source: str = "local",
) -> Event:
    """Record an event the platform allows (MoveNotAllowedError with the reason
    otherwise), then refresh the case's state and clocks. A move to another state clears
    the platform's deadline, which belonged to the step before; the event keeps what it
    cleared (its `data`), so undoing the step can put it back."""
    now = now or now_utc()
    at = at or now
    kind = EventKind.parse(kind).value
    case = store.get_case(case_id)
    order = store.get_order(case.order_id)
    events = store.events(case_id)
    before = case_state(case, events, max(at, now))
    check_move(case, events, kind, order=order, now=max(at, now), retracts=retracts, state=before)
    after = derive_state(case, [*events, _Probe(kind, to_text(at))], max(at, now))
    clears = after != before and case.platform_deadline and kind != EventKind.CORRECTION
    restores = _cleared_by(store, retracts) if kind == EventKind.CORRECTION else {}
    data: dict = {}
    if clears:
        data[CLEARED_DEADLINE] = case.platform_deadline
    if restores:
        data[RESTORED_DEADLINE] = restores[CLEARED_DEADLINE]
    with store.transaction():
        event = store.add_event(
            case_id, kind, to_text(at), note=note, source=source, retracts=retracts, data=data
        )
        if clears:
            store.set_platform_deadline(case_id, None)
        if restores:
            store.set_platform_deadline(case_id, restores[CLEARED_DEADLINE])
        refresh_due(store, case_ids=[case_id], now=now)
    return event


# What a step changed besides the timeline, kept in its event's `data` (JSON).
CLEARED_DEADLINE = "cleared_platform_deadline"
RESTORED_DEADLINE = "restored_platform_deadline"


@dataclass(frozen=True)
class _Probe:
    """The event about to be recorded, as the state machine reads it."""

    kind: str
    at: str
    id: int = 1 << 62
    retracts: int | None = None
    source: str = "local"


def _cleared_by(store: Store, event_id: int | None) -> dict:
    """{CLEARED_DEADLINE: ...} when recording `event_id` cleared the platform's deadline."""
    value = store.event_data(event_id).get(CLEARED_DEADLINE)
    return {CLEARED_DEADLINE: value} if isinstance(value, str) and value else {}


def undo_last(store: Store, case_id: int, now: datetime | None = None) -> Event:
    """Retract the latest event with a correction (never a delete), and put back what
    that step changed: the platform's deadline it cleared."""
    now = now or now_utc()
    last = undoable_event(store.events(case_id), now)
    if last is None:
        raise InputError("case.nothing_to_undo")
    return add_case_event(
        store,
        case_id,
        EventKind.CORRECTION.value,
        now,
        note=messages.text("case.undo_note", "zh-CN", step=EventKind.parse(last.kind).label()),
        retracts=last.id,
        now=now,
    )


def set_platform_deadline(
    store: Store, case_id: int, due: datetime | None, now: datetime | None = None
) -> Case:
    """The deadline the seller copied from Qianniu for the current step (None clears it)."""
    with store.transaction():
        store.set_platform_deadline(case_id, to_text(due) if due else None)
        refresh_due(store, case_ids=[case_id], now=now)
    return store.get_case(case_id)
