"""A case's steps as the seller takes them, from the window or the command line: open one,
record a step, undo the last, copy the platform's deadline. Each writes, brings the case's
clocks up to date in the same transaction, and says what changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shopdesk.domain.case_states import seller_agreed
from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message
from shopdesk.domain.model import Case, CaseKind, CaseState, Event, EventKind
from shopdesk.domain.timeutil import now_utc, to_text
from shopdesk.platforms.case_flow import allowed_events, state_word, step_word
from shopdesk.services import case_steps
from shopdesk.services.changes import Changes
from shopdesk.services.door import door
from shopdesk.store import deadlines_repo
from shopdesk.store.case_facts import apply_reason
from shopdesk.store.store import Store


def _changed(case: Case) -> Changes:
    # a case's clocks pause its order's, so the order's row changes with it
    return Changes.of(cases=[case.id], orders=[case.order_id])


def _unknown_kind(text: str) -> Message:
    """`不认识“x”，可用：refund_unshipped（仅退款（未发货））、…` in any language."""
    choices = [
        Message("word.parse.choice", id=kind.value, name=Message(f"word.case_kind.{kind.value}"))
        for kind in CaseKind
    ]
    return Message("word.parse.unknown", text=text, choices=choices)


def open_case(
    store: Store,
    order_id: int,
    kind: str,
    opened_at: datetime,
    *,
    reason: str = "",
    now: datetime | None = None,
) -> tuple[Case, Changes]:
    """A new after-sales case of `kind` (an id or its Chinese name) on an order, started at
    `opened_at`: the case, the cause its platform's reason words point to, and its
    clocks, in one transaction (all or nothing)."""
    try:
        kind = CaseKind.parse(kind).value
    except ValueError:
        raise InputError("service.case.unknown_kind", reason=_unknown_kind(kind)) from None
    now = max(opened_at, now or now_utc())
    reason = reason.strip()
    with store.transaction():
        case = store.add_case(order_id, kind, to_text(opened_at), reason=reason)
        apply_reason(store, case.id, case.platform, reason)
        deadlines_repo.refresh_due(store, case_ids=[case.id], now=now)
    case = store.get_case(case.id)
    return case, _changed(case)


def record_step(
    store: Store,
    case_id: int,
    kind: str,
    at: datetime | None = None,
    note: str = "",
    *,
    now: datetime | None = None,
) -> tuple[Event, Changes]:
    """A step on the case's timeline (checked against the case's flow)."""
    event = case_steps.add_case_event(store, case_id, kind, at, note, now=now)
    return event, _changed(store.get_case(case_id))


def undo_last_step(
    store: Store, case_id: int, *, now: datetime | None = None
) -> tuple[Event, Changes]:
    """The last step taken back (a correction on the timeline; nothing is deleted)."""
    event = case_steps.undo_last(store, case_id, now=now)
    return event, _changed(store.get_case(case_id))


def set_platform_deadline(
    store: Store, case_id: int, due: datetime | None, *, now: datetime | None = None
) -> tuple[Case, Changes]:
    """The deadline the platform shows for the case's current step (None: clear it)."""
    case = case_steps.set_platform_deadline(store, case_id, due, now=now)
    return case, _changed(case)


@dataclass(frozen=True)
class Step:
    """A step the seller may record next, with the platform's word for it ("" when the
    platform gives none: the shared name, `event.label()`, is what to show)."""

    event: EventKind
    word: str = ""


@dataclass(frozen=True)
class CaseFlow:
    """Where a case stands in its platform's flow and what may be recorded next."""

    state: CaseState
    state_word: str  # the platform's word (JD's 待审核), "" when it gives none
    steps: tuple[Step, ...]

    @property
    def events(self) -> tuple[EventKind, ...]:
        return tuple(step.event for step in self.steps)


def case_flow(store: Store, case_id: int, *, now: datetime | None = None) -> CaseFlow:
    """The case's state (the platform's last word or the timeline's) and the steps its
    platform's flow allows now, in the order the case panel offers them."""
    now = now or now_utc()
    case = store.get_case(case_id)
    order = store.get_order(case.order_id)
    events = store.events(case_id)
    state = deadlines_repo.case_state(case, events, now)
    agreed = seller_agreed(events, now)
    allowed = allowed_events(case, events, order=order, now=now, state=state)
    return CaseFlow(
        state=state,
        state_word=state_word(case, state, agreed),
        steps=tuple(Step(event, step_word(case, event)) for event in allowed),
    )


# What the window and the command line read through here from the layers below,
# each loaded when first asked for (services/door.py).
__getattr__ = door(
    __name__,
    {
        "Facts": "shopdesk.store.case_facts",
        "add_money": "shopdesk.store.case_facts",
        "derive_facts": "shopdesk.store.case_facts",
        "record_inspection": "shopdesk.store.case_facts",
        "set_cause": "shopdesk.store.case_facts",
        "set_outcome": "shopdesk.store.case_facts",
    },
)
