"""The rows a case panel shows, in four queries: the case's order with its shop, lines and
the reply settings (one row), every case of that order, their timelines, and the case's
evidence. services/case_snapshot.py computes the clocks and steps from them."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from shopdesk.domain.errors import NotFoundError
from shopdesk.domain.model import Case, Event, Evidence, Order, OrderLine, Shop
from shopdesk.domain.reply_clock import HOURS_SETTING, TARGET_SETTING, ReplyTarget, target_from
from shopdesk.store.store import CASE_COLUMNS, Store

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
QUERIES = 4  # what read_case_rows costs (tests/services/test_case_snapshot.py counts them)


@dataclass(frozen=True)
class CaseRows:
    case: Case
    order: Order
    shop: Shop | None
    lines: tuple[OrderLine, ...]
    order_cases: tuple[Case, ...]  # every case of the order, this one included
    timelines: dict[int, list[Event]]  # by case id, oldest first
    evidence: tuple[Evidence, ...]
    evidence_data: dict[int, dict]  # by evidence id: what it was recorded with
    reply_target: ReplyTarget


def read_case_rows(store: Store, case_id: int) -> CaseRows:
    """Case `case_id` with its order's rows, in QUERIES queries (NotFoundError: no such
    case)."""
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

    return CaseRows(
        case=next(c for c in cases if c.id == case_id),
        order=order,
        shop=shop,
        lines=lines,
        order_cases=cases,
        timelines=timelines,
        evidence=tuple(evidence),
        evidence_data=evidence_data,
        reply_target=target,
    )


def _json(text):
    if text is None:
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None  # a damaged value: read as missing, as the store's readers do
