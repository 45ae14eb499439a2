"""Why, what it cost, how it ended: a case's cause, money, return inspection and outcome.

Each is an entry on the case's append-only timeline (cause_set, money, inspected,
outcome; a mistake is retracted by a correction, never edited in place). `derive_facts`
reads them back; the store caches the result on the case row for lists and exports
(deadlines_repo.refresh_due keeps it current, after every write and import).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from shopdesk.domain.case_states import effective_events
from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message
from shopdesk.domain.model import (
    Case,
    CaseKind,
    CaseState,
    Cause,
    Event,
    EventKind,
    MoneyKind,
    Outcome,
    Responsibility,
)
from shopdesk.domain.money import parse_fen
from shopdesk.domain.timeutil import now_utc, to_text
from shopdesk.platforms.reasons import read_reason
from shopdesk.store.store import Store

MAX_TEXT = 2000  # a pasted ruling or a note
_RETURN_KINDS = {
    CaseKind.RETURN_REFUND.value,
    CaseKind.EXCHANGE.value,
    CaseKind.REJECTED_DELIVERY.value,
}


@dataclass(frozen=True)
class Money:
    refund_fen: int = 0  # refunded to the buyer (goods and postage)
    compensation_fen: int = 0  # goodwill paid to the buyer (补偿)
    recovered_fen: int = 0  # paid back to the seller (courier claim, 运费险)
    net_cost_fen: int = 0  # everything out minus everything in

    def as_dict(self) -> dict[str, int]:
        return {
            "refund_fen": self.refund_fen,
            "compensation_fen": self.compensation_fen,
            "recovered_fen": self.recovered_fen,
            "net_cost_fen": self.net_cost_fen,
        }


@dataclass(frozen=True)
class MoneyEntry:
    event_id: int
    kind: str  # MoneyKind id
    fen: int
    out: bool
    at: str
    note: str
    automatic: bool = False  # the refund the platform's export reports


@dataclass(frozen=True)
class InspectedLine:
    position: int
    good: int
    bad: int
    restock: bool


@dataclass(frozen=True)
class Facts:
    cause: str
    cause_source: str  # platform | seller | inspection
    cause_question: str  # "" once the seller has judged
    responsibility: str | None
    outcome: str | None
    ruling: str
    money: Money
    entries: tuple[MoneyEntry, ...] = ()
    inspected: tuple[InspectedLine, ...] = field(default=())


def _data(event) -> dict:
    try:
        value = json.loads(getattr(event, "data", None) or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _responsibility_of(cause: str) -> str | None:
    try:
        return Cause(cause).responsibility
    except ValueError:  # a cause id written by a newer ShopDesk
        return None


def derive_facts(case: Case, events: Sequence[Event], now: datetime | None = None) -> Facts:
    """The case's cause, money, inspection and outcome, from its timeline (corrections
    applied) and what the platform's export said."""
    kept = effective_events(events, now)
    cause = case.platform_cause or Cause.UNKNOWN.value
    source, question = "platform", case.cause_question
    responsibility: str | None = None
    outcome, ruling = None, ""
    entries: list[MoneyEntry] = []
    inspected: list[InspectedLine] = []
    for event in kept:
        data = _data(event)
        if event.kind == EventKind.CAUSE_SET.value:
            cause, source, question = data.get("cause", cause), "seller", ""
            responsibility = data.get("responsibility")
        elif event.kind == EventKind.INSPECTED.value:
            inspected = [
                InspectedLine(
                    int(line["line"]), int(line["good"]), int(line["bad"]), bool(line["restock"])
                )
                for line in data.get("lines", ())
            ]
            if data.get("cause") and source != "seller":
                cause, source, question = data["cause"], "inspection", ""
        elif event.kind == EventKind.MONEY.value:
            entries.append(
                MoneyEntry(
                    event.id,
                    data.get("kind", MoneyKind.OTHER.value),
                    int(data.get("fen", 0)),
                    data.get("direction", "out") == "out",
                    event.at,
                    event.note,
                )
            )
        elif event.kind == EventKind.OUTCOME.value:
            outcome, ruling = data.get("outcome"), data.get("ruling", "")
    if not any(e.kind == MoneyKind.REFUND.value for e in entries) and (
        case.state == CaseState.REFUNDED.value and case.refund_fen > 0
    ):
        # The platform reports the refund as paid: it counts without the seller typing it.
        at = case.closed_at or (kept[-1].at if kept else case.opened_at or "")
        entries.insert(
            0, MoneyEntry(0, MoneyKind.REFUND.value, case.refund_fen, True, at, "", True)
        )
    return Facts(
        cause=cause,
        cause_source=source,
        cause_question=question if source == "platform" else "",
        responsibility=responsibility or _responsibility_of(cause),
        outcome=outcome,
        ruling=ruling,
        money=_money(entries),
        entries=tuple(entries),
        inspected=tuple(inspected),
    )


def _money(entries: Sequence[MoneyEntry]) -> Money:
    refunds = (MoneyKind.REFUND.value, MoneyKind.POSTAGE_REFUND.value)
    refund = sum(e.fen for e in entries if e.out and e.kind in refunds)
    compensation = sum(e.fen for e in entries if e.out and e.kind == MoneyKind.COMPENSATION.value)
    out = sum(e.fen for e in entries if e.out)
    back = sum(e.fen for e in entries if not e.out)
    return Money(refund, compensation, back, out - back)


def cached_columns(facts: Facts) -> dict[str, object]:
    """The case row's cache of these facts (what lists, exports and insights read)."""
    return {
        "cause": facts.cause,
        "cause_source": facts.cause_source,
        "cause_question": facts.cause_question,
        "responsibility": facts.responsibility,
        "outcome": facts.outcome,
        "money_refund_fen": facts.money.refund_fen,
        "money_compensation_fen": facts.money.compensation_fen,
        "money_recovered_fen": facts.money.recovered_fen,
        "money_net_fen": facts.money.net_cost_fen,
    }


# ---------------------------------------------------------------- reading the seller's input


def _text(value: str, what: str) -> str:
    value = (value or "").strip()
    if len(value) > MAX_TEXT:
        raise InputError("facts.too_long", what=what, length=len(value), limit=MAX_TEXT)
    return value


def _parse(enum, text: str, what: str):
    try:
        return enum.parse(str(text))
    except ValueError as error:
        raise InputError("facts.bad_value", what=what, error=str(error)) from None


# ---------------------------------------------------------------- recording


def apply_reason(store: Store, case_id: int, platform: str, reason: str) -> None:
    """A case opened by hand with the platform's reason words: their cause, provisional
    where the seller must judge (as an import does)."""
    reading = read_reason(platform, reason)
    store.db.execute(
        "UPDATE cases SET platform_cause = ?, cause_question = ?, cause = CASE "
        "WHEN cause_source = 'platform' THEN ? ELSE cause END WHERE id = ?",
        [reading.cause, reading.question, reading.cause, case_id],
    )


def _record(
    store: Store,
    case: Case,
    kind: EventKind,
    data: dict,
    note: str,
    at: datetime,
    *,
    retracts: int | None = None,
) -> Event:
    from shopdesk.store.deadlines_repo import refresh_due  # it reads these facts back

    with store.transaction():
        if retracts is not None:
            store.add_event(
                case.id,
                EventKind.CORRECTION.value,
                to_text(at),
                note=str(Message("facts.correction_note")),
                retracts=retracts,
            )
        event = store.add_event(case.id, kind.value, to_text(at), note=note, data=data)
        refresh_due(store, case_ids=[case.id], now=max(at, now_utc()))
    return event


def set_cause(
    store: Store,
    case_id: int,
    cause: str,
    note: str = "",
    responsibility: str | None = None,
    at: datetime | None = None,
) -> Event:
    """The seller's judgement of the cause (and, if not the cause's own, who is
    responsible). A re-import never overwrites it."""
    case = store.get_case(case_id)
    chosen = _parse(Cause, cause, Message("field.cause"))
    data: dict = {"cause": chosen.value}
    if responsibility:
        data["responsibility"] = _parse(
            Responsibility, responsibility, Message("field.responsibility")
        ).value
    return _record(
        store, case, EventKind.CAUSE_SET, data, _text(note, Message("field.note")), at or now_utc()
    )


def add_money(
    store: Store,
    case_id: int,
    kind: str,
    amount: str,
    *,
    incoming: bool | None = None,
    note: str = "",
    at: datetime | None = None,
    replaces: int | None = None,
) -> Event:
    """A money entry: paid out (refund, postage, compensation, reshipment) or recovered
    (courier claim, 运费险); `incoming` overrides the kind's usual direction. A finished
    case takes money only as a correction of an entry it has (`replaces`)."""
    case = store.get_case(case_id)
    money_kind = _parse(MoneyKind, kind, Message("field.money_kind"))
    fen = parse_fen(amount)
    out = money_kind.out if incoming is None else not incoming
    events = store.events(case_id)
    if replaces is not None:
        current = {e.id for e in effective_events(events) if e.kind == EventKind.MONEY.value}
        if replaces not in current:
            raise InputError("facts.no_such_entry", id=case_id, entry=replaces)
    elif not CaseState.parse(case.state).is_open:
        raise InputError("facts.finished", id=case_id, state=CaseState.parse(case.state))
    data = {"kind": money_kind.value, "fen": fen, "direction": "out" if out else "in"}
    return _record(
        store,
        case,
        EventKind.MONEY,
        data,
        _text(note, Message("field.note")),
        at or now_utc(),
        retracts=replaces,
    )


@dataclass(frozen=True)
class Inspection:
    event: Event
    defective: bool  # some came back defective: photograph them for the evidence


def record_inspection(
    store: Store,
    case_id: int,
    lines: Sequence[tuple[int, int, int, bool]],
    note: str = "",
    at: datetime | None = None,
) -> Inspection:
    """How the returned goods came back, per order line: (line position, good, bad,
    back to stock). A defective return suggests the cause seller_defect (unless the
    seller has judged the cause already)."""
    case = store.get_case(case_id)
    if case.kind not in _RETURN_KINDS:
        raise InputError("facts.no_return", kind=CaseKind.parse(case.kind))
    kept = effective_events(store.events(case_id))
    if not any(e.kind == EventKind.SELLER_RECEIVED_RETURN.value for e in kept):
        raise InputError("facts.return_not_received", id=case_id)
    if not lines:
        raise InputError("facts.no_lines")
    quantities = {line.position: line.quantity for line in store.order_lines(case.order_id)}
    recorded = []
    for position, good, bad, restock in lines:
        if quantities and position not in quantities:
            raise InputError(
                "facts.no_such_line",
                order_no=case.order_no,
                position=position,
                known=[str(p) for p in sorted(quantities)],
            )
        if good < 0 or bad < 0 or good + bad == 0:
            raise InputError("facts.line_counts", position=position)
        limit = quantities.get(position)
        if limit is not None and good + bad > limit:
            raise InputError("facts.line_too_many", position=position, back=good + bad, limit=limit)
        recorded.append({"line": position, "good": good, "bad": bad, "restock": bool(restock)})
    defective = any(line["bad"] > 0 for line in recorded)
    data: dict = {"lines": recorded}
    if defective:
        data["cause"] = Cause.SELLER_DEFECT.value
    event = _record(
        store, case, EventKind.INSPECTED, data, _text(note, Message("field.note")), at or now_utc()
    )
    return Inspection(event, defective)


def set_outcome(
    store: Store,
    case_id: int,
    outcome: str,
    ruling: str = "",
    note: str = "",
    at: datetime | None = None,
) -> Event:
    """How the case ended (the ruling's text may be pasted)."""
    case = store.get_case(case_id)
    chosen = _parse(Outcome, outcome, Message("field.outcome"))
    data = {"outcome": chosen.value, "ruling": _text(ruling, Message("field.ruling"))}
    return _record(
        store, case, EventKind.OUTCOME, data, _text(note, Message("field.note")), at or now_utc()
    )
