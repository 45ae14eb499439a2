"""Reminders before deadlines: which ones are due now (each fires once, remembered in the
reminders_fired table across restarts) and what came due while ShopDesk was closed.

Only rows whose cached next due time is close are recomputed, so a check costs the same
with a hundred or a hundred thousand open cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from shopdesk.domain.model import CLOSED_CASE_SQL
from shopdesk.domain.rules import Deadline
from shopdesk.domain.timeutil import from_text, to_text
from shopdesk.store.deadlines_repo import (
    deadlines_for_case,
    deadlines_for_order,
    due_filter,
    select,
)
from shopdesk.store.store import Store

DEFAULT_LEAD_HOURS = (24, 4, 1)
LEAD_SETTING = "reminders.lead_hours"
LAST_SEEN_SETTING = "reminders.last_seen"
_OPEN_CASE = f"state NOT IN {CLOSED_CASE_SQL}"


@dataclass(frozen=True)
class Reminder:
    key: str
    deadline: Deadline
    lead_hours: float


def lead_hours(store: Store) -> tuple[float, ...]:
    hours = store.get_setting(LEAD_SETTING, list(DEFAULT_LEAD_HOURS))
    return tuple(sorted({float(h) for h in hours if float(h) > 0}, reverse=True))


def set_lead_hours(store: Store, hours: Sequence[float]) -> None:
    store.set_setting(LEAD_SETTING, sorted({float(h) for h in hours if float(h) > 0}))


def reminder_key(deadline: Deadline, lead: float) -> str:
    subject = f"case:{deadline.case_id}" if deadline.case_id else f"order:{deadline.order_id}"
    return f"{subject}|{deadline.rule_id}|{to_text(deadline.due_at)}|{lead:g}h"


def _near(store: Store, now: datetime, until: datetime, since: datetime | None = None):
    """Deadlines (any party) of rows whose cached due time is before `until`."""
    lower = to_text(since) if since else ""
    found: list[Deadline] = []
    case_rows = store.db.execute(
        f"SELECT id FROM cases WHERE {_OPEN_CASE} AND next_due_at > ? AND next_due_at <= ?",
        [lower, to_text(until)],
    ).fetchall()
    for (case_id,) in case_rows:
        found += deadlines_for_case(store, store.get_case(case_id), now)
    order_rows = store.db.execute(
        "SELECT id FROM orders WHERE next_due_at > ? AND next_due_at <= ?",
        [lower, to_text(until)],
    ).fetchall()
    for (order_id,) in order_rows:
        found += deadlines_for_order(store, store.get_order(order_id), now)
    return found


def pending_reminders(
    store: Store, now: datetime, leads: Sequence[float] | None = None, party: str = "seller"
) -> list[Reminder]:
    """Reminders to show now: for each deadline not yet due, the closest lead time already
    reached that has not fired. Earlier lead times reached at the same check are skipped
    (marked by `mark_fired`, so they never fire late)."""
    leads = tuple(leads) if leads is not None else lead_hours(store)
    if not leads:
        return []
    horizon = now + timedelta(hours=max(leads))
    fired = _fired_keys(store)
    found = []
    for deadline in select(_near(store, now, horizon, since=now), now, party):
        if deadline.due_at <= now:
            continue
        reached = [h for h in leads if deadline.due_at - timedelta(hours=h) <= now]
        if not reached:
            continue
        closest = min(reached)
        key = reminder_key(deadline, closest)
        if key not in fired:
            found.append(Reminder(key, deadline, closest))
    return found


def mark_fired(store: Store, reminders: Sequence[Reminder], now: datetime) -> None:
    """Remember shown reminders, and the longer lead times they made unnecessary."""
    rows = []
    for reminder in reminders:
        for lead in (reminder.lead_hours, *_longer_leads(store, reminder.lead_hours)):
            rows.append([reminder_key(reminder.deadline, lead), to_text(now)])
    if store.read_only:
        return  # a store on a read-only disk: shown again next start rather than fail
    with store.transaction():
        for row in rows:
            store.db.execute(
                "INSERT OR IGNORE INTO reminders_fired (key, fired_at) VALUES (?, ?)", row
            )


def _longer_leads(store: Store, lead: float) -> list[float]:
    return [h for h in lead_hours(store) if h > lead]


def _fired_keys(store: Store) -> set[str]:
    return {r[0] for r in store.db.execute("SELECT key FROM reminders_fired")}


def came_due_while_closed(store: Store, now: datetime, party: str = "seller") -> list[Deadline]:
    """Deadlines that ran out between the last time ShopDesk was seen running and `now`
    (empty on the first start). Call `mark_seen` afterwards and while running."""
    last_seen = store.get_setting(LAST_SEEN_SETTING)
    if not last_seen:
        return []
    since = from_text(last_seen)
    found = _near(store, now, now, since=since)
    return [d for d in select(found, now, party) if since < d.due_at <= now]


def mark_seen(store: Store, now: datetime) -> None:
    store.set_setting(LAST_SEEN_SETTING, to_text(now))


@dataclass(frozen=True)
class DueSummary:
    """What the status bar tells: how many deadlines ran out and how many come due
    within the reminder horizon, each with the first one (recomputed; None when the
    cached times were stale)."""

    overdue: int
    first_overdue: Deadline | None
    upcoming: int
    first_upcoming: Deadline | None


def _due_between(store: Store, after: str, until: str, party: str) -> tuple[int, tuple | None]:
    """How many orders and open cases have their cached next due time in (after, until],
    and the soonest one as ("case" | "order", id)."""
    cases_of, _ = due_filter("c", party)
    orders_of, _ = due_filter("o", party)
    rows = (
        f"SELECT 'case' AS subject, c.id, c.next_due_at FROM cases c WHERE c.{_OPEN_CASE} "
        f"AND {cases_of} AND c.next_due_at > ? AND c.next_due_at <= ? UNION ALL "
        f"SELECT 'order', o.id, o.next_due_at FROM orders o WHERE {orders_of} "
        f"AND o.next_due_at > ? AND o.next_due_at <= ?"
    )
    params = [after, until, after, until]
    count = store.db.execute(f"SELECT count(*) FROM ({rows})", params).fetchone()[0]
    first = store.db.execute(
        f"SELECT subject, id FROM ({rows}) ORDER BY next_due_at, subject, id LIMIT 1", params
    ).fetchone()
    return count, (tuple(first) if first else None)


def _first_deadline(store: Store, subject: tuple | None, now: datetime, party: str, late: bool):
    if subject is None:
        return None
    kind, subject_id = subject
    if kind == "case":
        found = deadlines_for_case(store, store.get_case(subject_id), now)
    else:
        found = deadlines_for_order(store, store.get_order(subject_id), now)
    chosen = [d for d in select(found, now, party) if (d.due_at <= now) == late]
    return chosen[0] if chosen else None


def due_summary(
    store: Store, now: datetime, within_hours: float | None = None, party: str = "seller"
) -> DueSummary:
    """Deadlines already run out (the longest overdue first, as the 待办 list has them)
    and those due within `within_hours` (default: the longest reminder lead time), from
    the cached due times the 待办 list shows: two counts and two rows recomputed,
    whatever the size of the store."""
    hours = within_hours if within_hours is not None else max(lead_hours(store), default=24)
    stamp = to_text(now)
    overdue, first_late = _due_between(store, "", stamp, party)
    upcoming, first_soon = _due_between(store, stamp, to_text(now + timedelta(hours=hours)), party)
    return DueSummary(
        overdue,
        _first_deadline(store, first_late, now, party, late=True),
        upcoming,
        _first_deadline(store, first_soon, now, party, late=False),
    )
