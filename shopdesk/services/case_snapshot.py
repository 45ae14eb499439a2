"""A case as the case panel shows it, read once: the case, its order with the order's
lines and shop, the timelines of every case of that order, the case's evidence, the
reply target, and the clocks computed from all of it. Four queries, however many
sections the panel has; every section draws from the same snapshot instead of asking
the store again (a click used to run 53 queries, the same case eight times).

Qt-free: the command line and tests read the same snapshot."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime

from shopdesk.core import chatlog
from shopdesk.core.case_states import allowed_events, seller_agreed, state_word, step_word
from shopdesk.core.deadlines_repo import case_state, deadlines_for_case, deadlines_for_order
from shopdesk.core.errors import NotFoundError
from shopdesk.core.model import (
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
from shopdesk.core.reply_clock import HOURS_SETTING, TARGET_SETTING, ReplyTarget, target_from
from shopdesk.core.rules import Deadline, current_deadline
from shopdesk.core.store import CASE_COLUMNS, Store
from shopdesk.core.timeutil import to_text

_ORDER_FIELDS = [f.name for f in fields(Order) if f.name != "lines"]
_SHOP_FIELDS = [f.name for f in fields(Shop)]
_LINE_FIELDS = [f.name for f in fields(OrderLine)]
_CASE_FIELDS = [f.name for f in fields(Case)]
_EVENT_FIELDS = [f.name for f in fields(Event)]
_EVIDENCE_FIELDS = [f.name for f in fields(Evidence)]

# The order, its shop, its lines (as one JSON array) and the two reply settings: one row.
_ORDER_SQL = f"""
    SELECT {", ".join("o." + n for n in _ORDER_FIELDS)},
           {", ".join("s." + n for n in _SHOP_FIELDS)},
           (SELECT json_group_array(json_array({", ".join("l." + n for n in _LINE_FIELDS)}))
              FROM order_lines l WHERE l.order_id = o.id) AS lines_json,
           (SELECT value FROM settings WHERE key = ?) AS reply_minutes,
           (SELECT value FROM settings WHERE key = ?) AS reply_hours
    FROM cases c JOIN orders o ON o.id = c.order_id LEFT JOIN shops s ON s.id = o.shop_id
    WHERE c.id = ?
"""
_CASES_SQL = (
    f"SELECT {CASE_COLUMNS} FROM cases c JOIN orders o ON o.id = c.order_id "
    "WHERE c.order_id = ? ORDER BY c.id"
)
_EVENTS_SQL = (
    f"SELECT {', '.join('e.' + n for n in _EVENT_FIELDS)} FROM case_events e "
    "JOIN cases c ON c.id = e.case_id WHERE c.order_id = ? ORDER BY e.at, e.id"
)
_EVIDENCE_SQL = (
    f"SELECT {', '.join(_EVIDENCE_FIELDS)}, data FROM evidence WHERE case_id = ? ORDER BY id"
)
QUERIES = 4  # what read_case costs (tests/core/test_case_snapshot.py counts them)


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
    db = store.db
    row = db.execute(_ORDER_SQL, [TARGET_SETTING, HOURS_SETTING, case_id]).fetchone()
    if row is None:
        raise NotFoundError("store.no_case", id=case_id)
    n_order, n_shop = len(_ORDER_FIELDS), len(_SHOP_FIELDS)
    lines = tuple(
        sorted(
            (
                OrderLine(**dict(zip(_LINE_FIELDS, values, strict=True)))
                for values in _json(row[-3]) or []
            ),
            key=lambda line: line.position,
        )
    )
    order = Order(**dict(zip(_ORDER_FIELDS, row[:n_order], strict=True)), lines=len(lines))
    shop_values = row[n_order : n_order + n_shop]
    shop = Shop(**dict(zip(_SHOP_FIELDS, shop_values, strict=True))) if shop_values[0] else None
    target = target_from(_json(row[-2]), _json(row[-1]))

    cases = tuple(
        Case(**dict(zip(_CASE_FIELDS, values, strict=True)))
        for values in db.execute(_CASES_SQL, [order.id])
    )
    timelines: dict[int, list[Event]] = {c.id: [] for c in cases}
    for values in db.execute(_EVENTS_SQL, [order.id]):
        event = Event(**dict(zip(_EVENT_FIELDS, values, strict=True)))
        timelines.setdefault(event.case_id, []).append(event)
    evidence, evidence_data = [], {}
    for values in db.execute(_EVIDENCE_SQL, [case_id]):
        evidence.append(Evidence(**dict(zip(_EVIDENCE_FIELDS, values[:-1], strict=True))))
        data = _json(values[-1])
        evidence_data[values[0]] = data if isinstance(data, dict) else {}

    case = next(c for c in cases if c.id == case_id)
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


def _json(text):
    if text is None:
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None  # a damaged value: read as missing, as the store's readers do


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
