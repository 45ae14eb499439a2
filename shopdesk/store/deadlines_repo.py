"""Deadlines against the store: which rule set is in force, recording case events through
the state machine, and the cached `next_due_at` that lists sort by.

The cache holds, per order and per case, the soonest running deadline (any party); the
engine in rules.py stays the source of truth and is re-run after every change (events,
imports, a new rule set).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from shopdesk.domain.case_states import derive_state, effective_events
from shopdesk.domain.errors import InputError
from shopdesk.domain.labels import newer_version_id
from shopdesk.domain.model import CLOSED_CASE_SQL, Case, CaseState, Event, Order, Party
from shopdesk.domain.reply_clock import ReplyTarget, contacts, reply_deadline, reply_target
from shopdesk.domain.rules import (
    Deadline,
    RuleSet,
    case_deadlines,
    current_deadline,
    order_deadlines,
)
from shopdesk.domain.timeutil import now_utc, to_text
from shopdesk.platforms.rulesets import (  # noqa: F401 - also reached from here
    RulesInfo,
    active_ruleset,
    keep_loaded_file,
    loaded_rules_dir,
    rules_info,
)
from shopdesk.store.case_facts import cached_columns, derive_facts
from shopdesk.store.clock_marks import (  # noqa: F401 - also reached from here
    CHANGES_SETTING,
    EXPIRED_SETTING,
    RULES_STAMP_SETTING,
    CatchUp,
    mark_refreshed,
    pending_catch_up,
    recompute_size_bound,
    rules_changed,
    rules_stamp,
)
from shopdesk.store.due_list import (  # noqa: F401 - also reached from here
    _due_union,  # noqa: F401 - the due search tests' plain way
    count_due,
    due_filter,
    due_page,
    rule_title,
)
from shopdesk.store.evidence_repo import case_chat_messages
from shopdesk.store.store import Store

_OPEN_CASE = f"state NOT IN {CLOSED_CASE_SQL}"
_CHUNK = 500

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def load_rules_file(
    store: Store,
    path: Path | str,
    now: datetime | None = None,
    on_progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RuleSet:
    """Check a rule set file, keep a copy in the data folder and recompute every open
    case and order at once. InputError (nothing kept) for a file that does not load."""
    ruleset = keep_loaded_file(path)
    recompute_all(store, now, on_progress, cancelled)
    return active_ruleset(ruleset.platform)


# ---------------------------------------------------------------- computing from the store


def _promised_hours(store: Store, order: Order) -> int | None:
    row = store.db.execute(
        "SELECT promised_ship_hours FROM shops WHERE id = ?", [order.shop_id]
    ).fetchone()
    return row[0] if row else None


def deadlines_for_order(
    store: Store | None,
    order: Order,
    now: datetime,
    cases: Sequence[Case] | None = None,
    *,
    timelines: dict[int, Sequence[Event]] | None = None,
    promised_hours: int | None = None,
) -> list[Deadline]:
    """The order's clocks. What is passed (its cases, their `timelines` by case id, the
    shop's `promised_hours`) is not read again: a case snapshot has read it already."""
    if cases is None:
        cases = store.list_cases(order_id=order.id)
    if timelines is None:
        timelines = {c.id: store.events(c.id) for c in cases}
    if promised_hours is None and store is not None:
        promised_hours = _promised_hours(store, order)
    return order_deadlines(
        order,
        active_ruleset(order.platform),
        now,
        cases=[(c, timelines[c.id]) for c in cases],
        promised_ship_hours=promised_hours,
    )


def case_state(case: Case, events: Sequence[Event], now: datetime) -> CaseState:
    """The state derived from the timeline, unless the platform said otherwise last: an
    export may report a state without the event that led there (no return time, so no
    "buyer shipped the return"), and the platform's word wins."""
    derived = derive_state(case, events, now)
    if derived.value == case.state or not events:
        return derived
    kept = effective_events(events, now)
    latest = max(events, key=lambda e: (e.at, e.id))
    if kept and kept[-1] is latest and latest.source == "platform":
        return CaseState.parse(case.state)
    return derived


def deadlines_for_case(
    store: Store | None,
    case: Case,
    now: datetime,
    events: Sequence[Event] | None = None,
    *,
    chat: Sequence | None = None,
    target: ReplyTarget | None = None,
) -> list[Deadline]:
    """The case's clocks. What is passed (its `events`, its `chat` messages, the reply
    `target`) is not read again from the store."""
    if events is None:
        events = store.events(case.id)
    if newer_version_id(case, events):
        return []  # a newer ShopDesk's case: its clocks follow rules this version lacks
    state = case_state(case, events, now)
    found = case_deadlines(case, events, active_ruleset(case.platform), now, state=state)
    if state.is_open:
        if chat is None:
            chat = case_chat_messages(store, case.id)
        spoken = contacts(events, chat, now, timeline_asks=False)
        reply = reply_deadline(case, spoken, target or reply_target(store))
        if reply is not None:
            found.append(reply)
    return found


def deadlines_shown_with_case(
    store: Store, case: Case, now: datetime, events: Sequence[Event] | None = None
) -> list[Deadline]:
    """The case's clocks, then the order's clocks that stand still while it is open (the
    ship-by clock during an unshipped refund request): the seller sees what waits and why."""
    own = deadlines_for_case(store, case, now, events)
    order = store.get_order(case.order_id)
    paused = [d for d in deadlines_for_order(store, order, now) if d.is_paused]
    return own + paused


def _cached(deadlines: Iterable[Deadline]) -> list[str | None]:
    """next_due_at, next_due_party, next_due_rule: the soonest running deadline."""
    soonest = current_deadline(list(deadlines))
    if soonest is None:
        return [None, None, None]
    return [to_text(soonest.due_at), soonest.party, soonest.rule_id]


def refresh_due(
    store: Store,
    order_ids: Iterable[int] = (),
    case_ids: Iterable[int] = (),
    now: datetime | None = None,
) -> int:
    """Recompute the cached state and next due time of these cases and of these orders
    (and of the orders the cases belong to, whose clocks they pause). For the import
    code to call after it wrote orders or cases. Returns how many rows it looked at."""
    now = now or now_utc()
    orders = set(order_ids)
    touched = 0
    with store.transaction():
        for case_id in set(case_ids):
            case = store.get_case(case_id)
            events = store.events(case_id)
            if newer_version_id(case, events):
                continue  # written by a newer ShopDesk: its rules are not ours to apply
            state = case_state(case, events, now).value
            cached = _cached(deadlines_for_case(store, case, now, events))
            facts = cached_columns(derive_facts(replace(case, state=state), events))
            store.db.execute(
                "UPDATE cases SET state = ?, next_due_at = ?, next_due_party = ?, "
                f"next_due_rule = ?, {', '.join(f'{k} = ?' for k in facts)} WHERE id = ?",
                [state, *cached, *facts.values(), case_id],
            )
            orders.add(case.order_id)
            touched += 1
        for order_id in orders:
            order = store.get_order(order_id)
            cached = _cached(deadlines_for_order(store, order, now))
            store.db.execute(
                "UPDATE orders SET next_due_at = ?, next_due_party = ?, next_due_rule = ? "
                "WHERE id = ?",
                [*cached, order_id],
            )
            touched += 1
    return touched


def recompute_all(
    store: Store,
    now: datetime | None = None,
    on_progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Recompute every open case and every order that may have a running clock, in
    chunks (each chunk one transaction; the cache is only a cache, so a cancel leaves
    correct rows behind). Finished, every due time up to `now` counts as checked."""
    now = now or now_utc()
    case_ids = [r[0] for r in store.db.execute(f"SELECT id FROM cases WHERE {_OPEN_CASE}")]
    order_ids = [r[0] for r in store.db.execute(_ORDER_CANDIDATES, _horizon_params(now))]
    done, finished = _recompute_in_chunks(store, order_ids, case_ids, now, on_progress, cancelled)
    if finished:
        store.set_setting(EXPIRED_SETTING, to_text(now))
    return done


def _recompute_in_chunks(
    store: Store,
    order_ids: Sequence[int],
    case_ids: Sequence[int],
    now: datetime,
    on_progress: Progress | None,
    cancelled: Cancelled | None,
) -> tuple[int, bool]:
    """refresh_due over many rows, a transaction per chunk. Returns (rows looked at,
    whether it got through them all)."""
    work = [("case", i) for i in case_ids] + [("order", i) for i in order_ids]
    done = 0
    for start in range(0, len(work), _CHUNK):
        if cancelled and cancelled():
            return done, False
        chunk = work[start : start + _CHUNK]
        refresh_due(
            store,
            order_ids=[i for kind, i in chunk if kind == "order"],
            case_ids=[i for kind, i in chunk if kind == "case"],
            now=now,
        )
        done += len(chunk)
        if on_progress:
            on_progress(done, len(work))
    return done, True


# Orders that may have a running clock at `now`: unshipped or undelivered ones, those
# with a cached due time, and those whose last step is recent enough for any window.
_ORDER_CANDIDATES = (
    "SELECT id FROM orders WHERE state IN ('paid', 'shipped') OR next_due_at IS NOT NULL "
    "OR coalesce(confirmed_at, shipped_at, paid_at, '') >= ?"
)
_HORIZON = timedelta(days=45)  # longer than any order rule (30 days + pauses)


def _horizon_params(now: datetime) -> list[str]:
    return [to_text(now - _HORIZON)]


# ---------------------------------------------------------------- listing


def open_deadlines(
    store: Store,
    now: datetime,
    party: str = "all",
    within_hours: float | None = None,
    *,
    from_cache: bool = False,
    waiting: bool = False,
) -> list[Deadline]:
    """Every open deadline at `now`, soonest first, overdue ones included; paused clocks
    and clocks of unknown length only with `waiting` (after the running ones). `party`:
    seller (the seller must act, alone or with the buyer), buyer, or all. `from_cache` looks only at rows with a cached due time (the 待办 view, which is
    kept fresh); without it every candidate is recomputed (`shopdesk due --now`, where
    events after `now` are ignored)."""
    if from_cache:
        case_sql = f"SELECT id FROM cases WHERE {_OPEN_CASE} AND next_due_at IS NOT NULL"
        order_sql, order_params = "SELECT id FROM orders WHERE next_due_at IS NOT NULL", []
        case_params: list = []
    else:
        stamp = to_text(now)
        case_sql = (
            f"SELECT id FROM cases WHERE ({_OPEN_CASE} OR id IN "
            "(SELECT case_id FROM case_events WHERE at > ?)) AND coalesce(opened_at, '') <= ?"
        )
        case_params = [stamp, stamp]
        order_sql = (
            _ORDER_CANDIDATES + " OR coalesce(shipped_at, '') > ? OR coalesce(confirmed_at, '') > ?"
        )
        order_params = [*_horizon_params(now), stamp, stamp]
    found: list[Deadline] = []
    for (case_id,) in store.db.execute(case_sql, case_params).fetchall():
        found += deadlines_for_case(store, store.get_case(case_id), now)
    for (order_id,) in store.db.execute(order_sql, order_params).fetchall():
        found += deadlines_for_order(store, store.get_order(order_id), now)
    chosen = select(found, now, party, within_hours)
    if waiting:
        chosen += _waiting(found, party)
    return chosen


def _waiting(deadlines: Iterable[Deadline], party: str) -> list[Deadline]:
    """The clocks without a due time (paused, or of unknown length), by order and rule."""
    stand_ins = [replace(d, due_at=_NEVER) for d in deadlines if d.due_at is None]
    chosen = select(stand_ins, _NEVER, party)
    return [replace(d, due_at=None) for d in chosen]


_NEVER = datetime.max.replace(tzinfo=UTC)


def select(
    deadlines: Iterable[Deadline], now: datetime, party: str = "all", within_hours=None
) -> list[Deadline]:
    chosen = [d for d in deadlines if d.due_at is not None]
    if party == Party.SELLER.value:
        chosen = [d for d in chosen if d.seller_must_act()]
    elif party == Party.BUYER.value:
        chosen = [d for d in chosen if d.party in (Party.BUYER.value, Party.BOTH.value)]
    elif party != "all":
        raise InputError(f"party must be seller, buyer or all, not '{party}'")
    if within_hours is not None:
        limit = now + timedelta(hours=within_hours)
        chosen = [d for d in chosen if d.due_at <= limit]
    return sorted(chosen, key=lambda d: (d.due_at, d.order_no, d.case_id or 0, d.rule_id))


def subject_deadlines(store: Store, subject: str, subject_id: int, now: datetime):
    """The deadlines of one order or case (for a row's explanation)."""
    if subject == "order":
        return deadlines_for_order(store, store.get_order(subject_id), now)
    return deadlines_for_case(store, store.get_case(subject_id), now)


def bring_up_to_date(
    store: Store,
    now: datetime | None = None,
    on_progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """The cached clocks as the rules in force compute them: every open one again when
    the rule sets changed since they were last computed, else what was written or came
    due. The window and the command line both start here, so they show the same times.
    Returns the rows looked at."""
    now = now or now_utc()
    if not rules_changed(store):
        return catch_up(store, now, on_progress=on_progress, cancelled=cancelled)
    stamp = rules_stamp()
    mark_refreshed(store)
    done = recompute_all(store, now, on_progress, cancelled)
    if not (cancelled and cancelled()):
        store.set_setting(RULES_STAMP_SETTING, stamp)
    return done


def catch_up(
    store: Store,
    now: datetime | None = None,
    changed: bool = True,
    on_progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    pending: CatchUp | None = None,
) -> int:
    """Recompute the rows `pending_catch_up` finds (or `pending`, when the caller has just
    asked it), in chunks. Cancelled, it leaves its marks as they were, so the next call
    does the rest. Returns the rows looked at."""
    now = now or now_utc()
    pending = pending or pending_catch_up(store, now, changed)
    done, finished = _recompute_in_chunks(
        store, pending.order_ids, pending.case_ids, now, on_progress, cancelled
    )
    if finished:
        for key, value in pending.marks.items():
            store.set_setting(key, value)
    return done


def expire_passed(store: Store, now: datetime) -> int:
    """Recompute only the rows whose cached due time passed since the last check: a
    clock that lapses drops out and the next one takes its place; each due time costs
    one recompute, however many rows sit overdue."""
    return catch_up(store, now, changed=False)
