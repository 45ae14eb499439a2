"""Platform clocks as data, and the engine that counts them.

A rule set file (shopdesk/platforms/<id>/rules.toml) holds versions by `effective_from`;
each version lists the rules that changed. The engine is pure: given an order or a case
with its events, a rule set and `now`, it returns the open deadlines. The rule version in
force when a clock starts governs that clock; days are 24-hour periods from the starting
instant; business windows are China time; the platform's own deadline for the current
step overrides the estimate.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from pathlib import Path

from shopdesk.domain import messages, parsed_toml
from shopdesk.domain.case_states import derive_state, effective_events
from shopdesk.domain.errors import InputError
from shopdesk.domain.model import (  # noqa: F401 - PLATFORM_RULE_ID also reached from here
    PLATFORM_RULE_ID,
    Case,
    CaseState,
    Cause,
    EventKind,
    Order,
    OrderState,
    Party,
)
from shopdesk.domain.rule_dates import ruleset_as_of
from shopdesk.domain.timeutil import CHINA, as_china, from_text
from shopdesk.domain.workdays import add_working_days

CONFIDENCES = ("high", "medium-high", "medium", "low-medium", "low")
# What a rule's source is, and the highest confidence such a source can carry: only a
# rule's own text (or a law, or the platform's API documentation) is "high".
SOURCE_KINDS = {
    "rule_article": "high",  # an article of the platform's published rules
    "regulation": "high",  # a national law or regulation
    "official_api": "high",  # the platform's open API documentation
    "help_page": "medium-high",  # the platform's help or service pages
    "compilation": "medium",  # a third-party compilation of rules
    "seed": "medium",  # the after-sales FAQ ShopDesk grew from
    "observed": "medium",  # seen in the platform's own exports or pages
    "shop_setting": "high",  # the shop's own target (its reply time), set by the seller
}
# Which version governs a clock already running when a new version takes effect.
VERSION_POLICIES = ("start", "current")
_SUBJECTS = ("order", "case")
_ORDER_EVENTS = ("order.paid", "order.shipped", "order.delivered", "order.success", "order.closed")
_CASE_EVENTS = tuple(k.value for k in EventKind)


@dataclass(frozen=True)
class Rule:
    id: str
    subject: str  # "order" | "case"
    start: tuple[str, ...]
    party: str  # Party id
    title: dict[str, str]
    on_timeout: dict[str, str]
    source: str
    confidence: str
    version: str  # label of the version that defined this rule
    effective_from: datetime
    source_kind: str = "help_page"  # a SOURCE_KINDS id
    source_date: str = ""  # the date of the source text (ISO date, or a year)
    order_states: tuple[str, ...] = ()
    case_kinds: tuple[str, ...] = ()  # empty: every kind
    case_states: tuple[str, ...] = ()
    stop: tuple[str, ...] = ()
    pause: tuple[str, ...] = ()
    resume: tuple[str, ...] = ()
    pause_case_kinds: tuple[str, ...] = ()
    pause_note: dict[str, str] | None = None  # why the clock stands still while paused
    case_causes: tuple[str, ...] = ()  # empty: any cause
    hours: float | None = None
    days: float | None = None
    business_minutes: int | None = None
    working_days: int | None = None  # China's working days (holidays, 调休)
    unknown_length: bool = False  # no duration is established: only the platform's own
    window: tuple[time, time] | None = None
    start_align: str = ""  # "" | "next_day"
    start_estimate: tuple[str, ...] = ()  # starts here, as an estimate, without `start`
    fallback_for: str = ""  # runs only while this other rule has no running clock
    shop_promise: str = ""  # "" | "replace" | "add"
    lapses: bool = False  # the clock ends when it runs out; never listed as overdue

    def title_in(self, language: str = "zh-CN") -> str:
        return self.title.get(language) or self.title["zh-CN"]

    def duration(self, promised_ship_hours: int | None = None) -> timedelta:
        """The calendar length of the clock (business windows: the counted minutes)."""
        if self.business_minutes is not None:
            return timedelta(minutes=self.business_minutes)
        if self.days is not None:
            return timedelta(days=self.days)
        hours = self.hours or 0
        if self.shop_promise == "replace" and promised_ship_hours:
            hours = promised_ship_hours
        elif self.shop_promise == "add":
            hours += promised_ship_hours or 48
        return timedelta(hours=hours)


@dataclass(frozen=True)
class RuleVersion:
    effective_from: datetime
    label: str
    note: str
    rules: dict[str, Rule]  # every rule in force in this version, in file order


@dataclass(frozen=True)
class RuleSet:
    platform: str
    as_of: str
    versions: tuple[RuleVersion, ...]  # oldest first
    path: str = ""
    # "start": the version in force when a clock started governs it to the end;
    # "current": a new version applies to clocks already running (unfinished trades).
    version_policy: str = "start"

    def version_at(self, instant: datetime) -> RuleVersion:
        """The version in force at `instant` (the oldest one for earlier instants)."""
        current = self.versions[0]
        for version in self.versions:
            if version.effective_from <= instant:
                current = version
        return current

    def rule_ids(self) -> list[str]:
        ids: list[str] = []
        for version in self.versions:
            ids += [rule_id for rule_id in version.rules if rule_id not in ids]
        return ids

    def latest(self) -> RuleVersion:
        return self.versions[-1]

    def newest_rule(self, rule_id: str) -> Rule:
        return next(v.rules[rule_id] for v in reversed(self.versions) if rule_id in v.rules)


@dataclass(frozen=True)
class Deadline:
    rule_id: str
    subject: str  # "order" | "case"
    order_id: int
    order_no: str
    case_id: int | None
    platform: str
    party: str  # Party id
    due_at: datetime | None  # None while the clock is paused
    basis: str  # "platform" | "estimate"
    started_by: str  # the event that started the clock
    started_at: datetime
    paused: tuple[tuple[datetime, datetime | None], ...]
    source: str
    confidence: str
    on_timeout: dict[str, str]
    title: dict[str, str]
    rule_version: str
    estimate_due_at: datetime | None = None  # the rule's own estimate, even when overridden
    source_kind: str = ""
    start_estimated: bool = False  # the starting event itself is a stand-in (签收 unknown)
    calendar_estimated: bool = False  # counted over days the holiday calendar does not know
    pause_note: dict[str, str] | None = None
    unknown_length: bool = False  # no established duration: due only when the platform says
    fallback_for: str = ""

    @property
    def is_paused(self) -> bool:
        return self.due_at is None and not self.unknown_length

    def no_due_reason(self, language: str = "zh-CN") -> str:
        """Why a clock has no due time (paused, or of unknown length); "" when it has one."""
        if self.due_at is not None:
            return ""
        if self.unknown_length:
            return messages.text("clock.no_due.unknown", _known(language))
        note = self.pause_note or {}
        return (
            note.get(language)
            or note.get("zh-CN")
            or messages.text("clock.no_due.paused", _known(language))
        )

    def title_in(self, language: str = "zh-CN") -> str:
        return self.title.get(language) or self.title.get("zh-CN", self.rule_id)

    def on_timeout_in(self, language: str = "zh-CN") -> str:
        return self.on_timeout.get(language) or self.on_timeout.get("zh-CN", "")

    def seller_must_act(self) -> bool:
        return self.party in (Party.SELLER.value, Party.BOTH.value)


# ---------------------------------------------------------------- loading


def _china_instant(text: str, where: str) -> datetime:
    try:
        value = datetime.fromisoformat(str(text))
    except ValueError:
        raise InputError(f"{where}: effective_from '{text}' is not an ISO-8601 time") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=CHINA)
    return value


def _known(language: str) -> str:
    return language if language in messages.LANGUAGES else "zh-CN"


def _window(text: str, where: str) -> tuple[time, time]:
    try:
        first, last = (time.fromisoformat(part.strip()) for part in text.split("-"))
    except ValueError:
        raise InputError(f"{where}: window '{text}' should look like 09:00-18:00") from None
    if first >= last:
        raise InputError(f"{where}: window '{text}' ends before it starts")
    return first, last


def _rule(raw: dict, version: str, effective_from: datetime, where: str) -> Rule:
    def need(key: str):
        if key not in raw:
            raise InputError(f"{where}: rule '{raw.get('id', '?')}' has no '{key}'")
        return raw[key]

    rule_id = need("id")
    where = f"{where}, rule '{rule_id}'"
    subject = need("subject")
    if subject not in _SUBJECTS:
        raise InputError(f"{where}: subject must be order or case, not '{subject}'")
    known_events = _ORDER_EVENTS + tuple(f"case.{k}" for k in _CASE_EVENTS)
    if subject == "case":
        known_events = _CASE_EVENTS
    for key in ("start", "stop", "pause", "resume"):
        for name in raw.get(key, ()):
            if name not in known_events:
                raise InputError(f"{where}: unknown event '{name}' in {key}")
    for name in raw.get("start_estimate", ()):
        if name not in known_events:
            raise InputError(f"{where}: unknown event '{name}' in start_estimate")
    durations = [
        k
        for k in ("hours", "days", "business_minutes", "working_days", "unknown_length")
        if k in raw
    ]
    if len(durations) != 1:
        raise InputError(
            f"{where}: give exactly one of hours, days, business_minutes, working_days, "
            "unknown_length"
        )
    if "business_minutes" in raw and "window" not in raw:
        raise InputError(f"{where}: business_minutes needs a window such as 09:00-18:00")
    party = need("party")
    Party.parse(party)
    confidence = need("confidence")
    if confidence not in CONFIDENCES:
        raise InputError(f"{where}: confidence must be one of {', '.join(CONFIDENCES)}")
    source_kind = need("source_kind")
    if source_kind not in SOURCE_KINDS:
        raise InputError(f"{where}: source_kind must be one of {', '.join(SOURCE_KINDS)}")
    ceiling = SOURCE_KINDS[source_kind]
    if CONFIDENCES.index(confidence) < CONFIDENCES.index(ceiling):
        raise InputError(
            f"{where}: a {source_kind} source carries at most '{ceiling}' confidence, "
            f"not '{confidence}'"
        )
    source_date = str(need("source_date"))
    for key in ("title", "on_timeout"):
        if "zh-CN" not in need(key):
            raise InputError(f"{where}: {key} needs a zh-CN text")
    for state in raw.get("order_states", ()):
        OrderState.parse(state)
    for state in raw.get("case_states", ()):
        CaseState.parse(state)
    for cause in raw.get("case_causes", ()):
        Cause.parse(cause)
    return Rule(
        id=rule_id,
        subject=subject,
        start=tuple(need("start")),
        party=party,
        title=dict(raw["title"]),
        on_timeout=dict(raw["on_timeout"]),
        source=need("source"),
        confidence=confidence,
        version=version,
        effective_from=effective_from,
        source_kind=source_kind,
        source_date=source_date,
        order_states=tuple(raw.get("order_states", ())),
        case_kinds=tuple(raw.get("case_kinds", ())),
        case_states=tuple(raw.get("case_states", ())),
        stop=tuple(raw.get("stop", ())),
        pause=tuple(raw.get("pause", ())),
        resume=tuple(raw.get("resume", ())),
        pause_case_kinds=tuple(raw.get("pause_case_kinds", ())),
        pause_note=dict(raw["pause_note"]) if "pause_note" in raw else None,
        case_causes=tuple(raw.get("case_causes", ())),
        hours=raw.get("hours"),
        days=raw.get("days"),
        business_minutes=raw.get("business_minutes"),
        working_days=raw.get("working_days"),
        unknown_length=bool(raw.get("unknown_length", False)),
        window=_window(raw["window"], where) if "window" in raw else None,
        start_align=raw.get("start_align", ""),
        start_estimate=tuple(raw.get("start_estimate", ())),
        fallback_for=raw.get("fallback_for", ""),
        shop_promise=raw.get("shop_promise", ""),
        lapses=bool(raw.get("lapses", False)),
    )


def parse_ruleset(data: dict, where: str = "rule set") -> RuleSet:
    """A RuleSet from the parsed TOML; InputError naming the version and rule at fault."""
    platform = data.get("platform")
    if not platform:
        raise InputError(f"{where}: no platform")
    raw_versions = data.get("versions") or []
    if not raw_versions:
        raise InputError(f"{where}: no versions")
    staged = []
    for raw in raw_versions:
        if "effective_from" not in raw:
            raise InputError(f"{where}: a version has no effective_from")
        effective_from = _china_instant(raw["effective_from"], where)
        staged.append((effective_from, raw))
    staged.sort(key=lambda pair: pair[0])
    versions: list[RuleVersion] = []
    in_force: dict[str, Rule] = {}
    for effective_from, raw in staged:
        label = str(raw.get("label") or effective_from.date().isoformat())
        vwhere = f"{where}, version {label}"
        in_force = dict(in_force)
        for rule_id in raw.get("removed", ()):
            in_force.pop(rule_id, None)
        seen: set[str] = set()
        for raw_rule in raw.get("rules", ()):
            rule = _rule(raw_rule, label, effective_from, vwhere)
            if rule.id in seen:
                raise InputError(f"{vwhere}: rule '{rule.id}' is defined twice")
            seen.add(rule.id)
            in_force[rule.id] = rule
        versions.append(RuleVersion(effective_from, label, raw.get("note", ""), in_force))
    for version in versions:
        for rule in version.rules.values():
            if rule.fallback_for and rule.fallback_for not in version.rules:
                raise InputError(
                    f"{where}, version {version.label}, rule '{rule.id}': fallback_for "
                    f"names '{rule.fallback_for}', which is not in force"
                )
    policy = data.get("version_policy", "start")
    if policy not in VERSION_POLICIES:
        raise InputError(f"{where}: version_policy must be start or current, not '{policy}'")
    as_of = ruleset_as_of(data)
    return RuleSet(
        platform=platform,
        as_of=as_of,
        versions=tuple(versions),
        path=where,
        version_policy=policy,
    )


def load_ruleset(path: Path | str) -> RuleSet:
    path = Path(path)
    try:
        data = parsed_toml.read(path)
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not a valid rule set file ({error})") from None
    return parse_ruleset(data, str(path))


EMPTY_VERSION = RuleVersion(datetime(2000, 1, 1, tzinfo=CHINA), "-", "", {})


# ---------------------------------------------------------------- clock arithmetic

Interval = tuple[datetime, datetime | None]


def _merge(intervals: Iterable[Interval]) -> list[Interval]:
    merged: list[list] = []
    for first, last in sorted(intervals, key=lambda i: i[0]):
        if merged and (merged[-1][1] is None or first <= merged[-1][1]):
            if merged[-1][1] is not None and (last is None or last > merged[-1][1]):
                merged[-1][1] = last
            continue
        merged.append([first, last])
    return [(a, b) for a, b in merged]


def _window_bounds(instant: datetime, window: tuple[time, time]) -> tuple[datetime, datetime]:
    """The counting window (China time) that contains `instant` or comes next."""
    local = instant.astimezone(CHINA)
    day = local.date()
    for offset in (0, 1):
        d = day + timedelta(days=offset)
        opens = datetime.combine(d, window[0], tzinfo=CHINA)
        closes = datetime.combine(d, window[1], tzinfo=CHINA)
        if instant < closes:
            return max(opens, instant), closes
    raise AssertionError("unreachable")  # pragma: no cover


def advance(
    start: datetime,
    amount: timedelta,
    paused: Sequence[Interval] = (),
    window: tuple[time, time] | None = None,
) -> datetime | None:
    """The instant when `amount` of counted time has passed since `start`, not counting
    the paused intervals nor (with a window) the time outside the daily window.
    None when an open-ended pause stops the clock before it runs out."""
    pauses = [p for p in _merge(paused) if p[1] is None or p[1] > start]
    remaining = amount
    t = start
    while True:
        for first, last in pauses:
            if first <= t and (last is None or t < last):
                if last is None:
                    return None
                t = last
        segment_end: datetime | None = None
        if window is not None:
            opens, closes = _window_bounds(t, window)
            if opens > t:
                t = opens
                continue
            segment_end = closes
        upcoming = [first for first, _ in pauses if first > t]
        if upcoming and (segment_end is None or min(upcoming) < segment_end):
            segment_end = min(upcoming)
        if segment_end is None or t + remaining <= segment_end:
            return t + remaining
        remaining -= segment_end - t
        t = segment_end


def _next_china_midnight(instant: datetime) -> datetime:
    local = instant.astimezone(CHINA)
    return datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=CHINA)


# ---------------------------------------------------------------- the engine

Happening = tuple[datetime, str]  # (instant, event name)


def _pause_intervals(rule: Rule, timelines: Iterable[Sequence[Happening]]) -> list[Interval]:
    intervals: list[Interval] = []
    for timeline in timelines:
        since: datetime | None = None
        for at, name in timeline:
            if name in rule.pause and since is None:
                since = at
            elif name in rule.resume and since is not None:
                intervals.append((since, at))
                since = None
        if since is not None:
            intervals.append((since, None))
    return _merge(intervals)


def _latest_start(
    starts: tuple[str, ...], stops: tuple[str, ...], timeline: Sequence[Happening]
) -> Happening | None:
    started: Happening | None = None
    for at, name in timeline:
        if name in starts:
            started = (at, name)
        elif name in stops and started is not None:
            started = None
    return started


def _clock_start(rule: Rule, timeline: Sequence[Happening]) -> tuple[Happening, bool] | None:
    """The latest start of the clock, unless a stop event came after it, and whether it
    is an estimated start (`start_estimate`: the real starting event is not known)."""
    started = _latest_start(rule.start, rule.stop, timeline)
    if started is not None:
        return started, False
    if rule.start_estimate and not any(name in rule.start for _, name in timeline):
        estimated = _latest_start(rule.start_estimate, rule.stop, timeline)
        if estimated is not None:
            return estimated, True
    return None


def _governing(
    ruleset: RuleSet, rule_id: str, timeline: Sequence[Happening], now: datetime
) -> tuple[Rule, Happening, bool] | None:
    """The rule version that governs this clock, with the clock's start. Policy "start":
    the version in force when the clock started; "current": the version in force now."""
    if ruleset.version_policy == "current":
        rule = ruleset.version_at(now).rules.get(rule_id)
        found = _clock_start(rule, timeline) if rule is not None else None
        return (rule, *found) if found is not None else None
    newest = ruleset.newest_rule(rule_id)
    found = _clock_start(newest, timeline)
    if found is None:
        return None
    rule = ruleset.version_at(found[0][0]).rules.get(rule_id)
    if rule is None:
        return None
    if rule.start != newest.start or rule.stop != newest.stop:
        found = _clock_start(rule, timeline)
        if found is None or ruleset.version_at(found[0][0]).rules.get(rule_id) is not rule:
            return None
    return rule, *found


def _open_deadline(
    rule: Rule, started: Happening, pauses: list[Interval], now: datetime, **where
) -> Deadline | None:
    deadline = _deadline(rule, started, pauses, now, **where)
    if rule.lapses and deadline.due_at is not None and deadline.due_at <= now:
        return None
    return deadline


def _due(
    rule: Rule, start_at: datetime, pauses: list[Interval], promised_ship_hours: int | None
) -> tuple[datetime | None, bool]:
    """When the clock runs out (None: paused, or no known length), and whether the
    holiday calendar had to be guessed for it."""
    if rule.unknown_length:
        return None, False
    if rule.working_days is not None:
        return add_working_days(start_at, rule.working_days)
    due = advance(start_at, rule.duration(promised_ship_hours), pauses, rule.window)
    return due, False


def _deadline(
    rule: Rule,
    started: Happening,
    pauses: list[Interval],
    now: datetime,
    *,
    subject: str,
    order_id: int,
    order_no: str,
    case_id: int | None,
    platform: str,
    promised_ship_hours: int | None = None,
    start_estimated: bool = False,
) -> Deadline:
    start_at = started[0]
    if rule.start_align == "next_day":
        start_at = _next_china_midnight(start_at)
    due, calendar_estimated = _due(rule, start_at, pauses, promised_ship_hours)
    confidence = rule.confidence
    if start_estimated and CONFIDENCES.index(confidence) < CONFIDENCES.index("medium"):
        confidence = "medium"  # the rule is sure; when it started is not
    shown_pauses = tuple(
        (max(a, start_at), b) for a, b in pauses if (b is None or b > start_at) and a <= now
    )
    return Deadline(
        rule_id=rule.id,
        subject=subject,
        order_id=order_id,
        order_no=order_no,
        case_id=case_id,
        platform=platform,
        party=rule.party,
        due_at=due,
        basis="estimate",
        started_by=started[1],
        started_at=started[0],
        paused=shown_pauses,
        source=rule.source,
        confidence=confidence,
        on_timeout=rule.on_timeout,
        title=rule.title,
        rule_version=rule.version,
        estimate_due_at=due,
        source_kind=rule.source_kind,
        start_estimated=start_estimated,
        calendar_estimated=calendar_estimated,
        pause_note=rule.pause_note,
        unknown_length=rule.unknown_length,
        fallback_for=rule.fallback_for,
    )


_PROGRESS = {OrderState.PAID: 0, OrderState.SHIPPED: 1, OrderState.SUCCESS: 2}


def _order_state_at(order: Order, now: datetime) -> str:
    if order.state not in (OrderState.PAID, OrderState.SHIPPED, OrderState.SUCCESS):
        return order.state
    reached = _PROGRESS[OrderState(order.state)]
    for field_name, state in (
        ("confirmed_at", OrderState.SUCCESS),
        ("shipped_at", OrderState.SHIPPED),
        ("paid_at", OrderState.PAID),
    ):
        value = getattr(order, field_name)
        if value and from_text(value) <= now:
            return state.value
        if not value and _PROGRESS[state] <= reached:
            # The platform's status says the order got this far, the export did not say
            # when (the common order report has no 发货时间): it did, and the clocks that
            # start at that step stay unknown rather than the earlier ones running on.
            return state.value
    return OrderState.UNPAID.value


def _order_timeline(order: Order, now: datetime) -> list[Happening]:
    happenings = []
    for field_name, name in (
        ("paid_at", "order.paid"),
        ("shipped_at", "order.shipped"),
        ("delivered_at", "order.delivered"),
        ("confirmed_at", "order.success"),
    ):
        value = getattr(order, field_name)
        if value and from_text(value) <= now:
            happenings.append((from_text(value), name))
    return sorted(happenings)


def _case_timeline(events: Iterable, now: datetime, prefix: str = "") -> list[Happening]:
    return [(from_text(e.at), prefix + e.kind) for e in effective_events(events, now)]


def order_deadlines(
    order: Order,
    ruleset: RuleSet,
    now: datetime,
    *,
    cases: Sequence[tuple[Case, Sequence]] = (),
    promised_ship_hours: int | None = None,
) -> list[Deadline]:
    """The order's open clocks at `now` (ship by, auto-confirm, after-sales windows ...).
    `cases` are the order's after-sales cases with their events (they pause clocks)."""
    state = _order_state_at(order, now)
    timeline = _order_timeline(order, now)
    case_timelines = [(case.kind, _case_timeline(events, now, "case.")) for case, events in cases]
    found = []
    for rule_id in ruleset.rule_ids():
        kinds = ruleset.newest_rule(rule_id).pause_case_kinds
        # The cases that pause the clock (of these kinds) may also stop it (case.refunded).
        pausing = [tl for kind, tl in case_timelines if not kinds or kind in kinds]
        merged = sorted([*timeline, *(h for tl in pausing for h in tl)], key=lambda h: h[0])
        governing = _governing(ruleset, rule_id, merged, now)
        if governing is None:
            continue
        rule, started, start_estimated = governing
        if rule.subject != "order" or state not in rule.order_states:
            continue
        pauses = _pause_intervals(rule, [timeline, *pausing])
        found.append(
            _open_deadline(
                rule,
                started,
                pauses,
                now,
                subject="order",
                order_id=order.id,
                order_no=order.order_no,
                case_id=None,
                platform=order.platform,
                promised_ship_hours=promised_ship_hours,
                start_estimated=start_estimated,
            )
        )
    found = _without_fallbacks([d for d in found if d is not None])
    if order.ship_by_at and state == OrderState.PAID.value:
        found = _with_platform_ship_by(found, from_text(order.ship_by_at))
    return found


SHIP_RULE_ID = "ship.deadline"


def _with_platform_ship_by(found: list[Deadline], due: datetime) -> list[Deadline]:
    """The ship clock counts down to the ship-by time the platform's export gives (PDD's
    承诺发货时间) instead of the rule's estimate, unless it is paused by a case."""
    return [
        replace(d, due_at=due, basis="platform", confidence="high")
        if d.rule_id == SHIP_RULE_ID and (d.due_at is not None or d.unknown_length)
        else d
        for d in found
    ]


def _without_fallbacks(found: list[Deadline]) -> list[Deadline]:
    """Drop a fallback clock (the statutory one) while the clock it stands in for runs."""
    running = {d.rule_id for d in found if d.due_at is not None}
    return [d for d in found if not d.fallback_for or d.fallback_for not in running]


def case_deadlines(
    case: Case,
    events: Sequence,
    ruleset: RuleSet,
    now: datetime,
    *,
    platform_deadline: str | None = None,
    state: CaseState | None = None,
) -> list[Deadline]:
    """The case's open clocks at `now`. The platform's deadline (`platform_deadline`, else
    case.platform_deadline) replaces the estimate of the current step. `state` overrides
    the state derived from the events (the platform's word, when its export skipped an
    event)."""
    state = state or derive_state(case, events, now)
    if not state.is_open:
        return []
    if not effective_events(events, now) and case.opened_at:
        events = [_SyntheticOpened(case.opened_at)]
    timeline = _case_timeline(events, now)
    found = []
    for rule_id in ruleset.rule_ids():
        governing = _governing(ruleset, rule_id, timeline, now)
        if governing is None:
            continue
        rule, started, start_estimated = governing
        if rule.subject != "case" or state.value not in rule.case_states:
            continue
        if rule.case_kinds and case.kind not in rule.case_kinds:
            continue
        if rule.case_causes and case.cause not in rule.case_causes:
            continue
        pauses = _pause_intervals(rule, [timeline])
        found.append(
            _open_deadline(
                rule,
                started,
                pauses,
                now,
                subject="case",
                order_id=case.order_id,
                order_no=case.order_no,
                case_id=case.id,
                platform=case.platform,
                start_estimated=start_estimated,
            )
        )
    found = _without_fallbacks([d for d in found if d is not None])
    override = platform_deadline or case.platform_deadline
    if override:
        found = _apply_platform_deadline(case, state, found, from_text(override), timeline)
    return found


@dataclass(frozen=True)
class _SyntheticOpened:
    at: str
    kind: str = EventKind.OPENED.value
    id: int = 0
    retracts: int | None = None


def _apply_platform_deadline(
    case: Case,
    state: CaseState,
    found: list[Deadline],
    due: datetime,
    timeline: Sequence[Happening],
) -> list[Deadline]:
    running = [d for d in found if not d.is_paused]
    if running:
        current = max(running, key=lambda d: (d.started_at, -found.index(d)))
        replaced = replace(current, due_at=due, basis="platform")
        return [replaced if d is current else d for d in found]
    started = timeline[-1] if timeline else (due, EventKind.OPENED.value)
    party = (
        Party.BUYER.value
        if state in (CaseState.AWAITING_RETURN, CaseState.REFUSED)
        else Party.SELLER.value
    )
    title = messages.names("clock.platform_deadline")
    timeout = messages.names("clock.as_platform_shows")
    return [
        *found,
        Deadline(
            rule_id=PLATFORM_RULE_ID,
            subject="case",
            order_id=case.order_id,
            order_no=case.order_no,
            case_id=case.id,
            platform=case.platform,
            party=party,
            due_at=due,
            basis="platform",
            started_by=started[1],
            started_at=started[0],
            paused=(),
            source=messages.text("clock.platform_source", "zh-CN"),
            confidence="high",
            on_timeout=timeout,
            title=title,
            rule_version="",
            estimate_due_at=None,
        ),
    ]


def current_deadline(deadlines: Sequence[Deadline]) -> Deadline | None:
    """The soonest running deadline (the one a list sorts by)."""
    running = [d for d in deadlines if d.due_at is not None]
    return min(running, key=lambda d: d.due_at) if running else None


# ---------------------------------------------------------------- explanation

_EXPLAIN_WORDS = (
    "zone", "rule", "version", "start", "paused", "until", "ongoing", "due", "platform",
    "estimate", "timeout", "source", "confidence", "party", "start_estimated",
    "calendar_estimated", "no_due",
)  # fmt: skip
_CONFIDENCES = ("high", "medium-high", "medium", "low-medium", "low")
_SOURCE_KINDS = (
    "rule_article", "regulation", "official_api", "help_page", "compilation", "seed",
    "observed", "shop_setting",
)  # fmt: skip


def _source_kind_name(kind: str, language: str) -> str:
    if kind not in _SOURCE_KINDS:
        return ""
    name = messages.text(f"word.source_kind.{kind}", language)
    return f" ({name})" if language == "en" else f"（{name}）"


def _china(instant: datetime) -> str:
    return as_china(instant.isoformat())[:16].replace("T", " ")


_CLOCK_EVENTS = ("order.paid", "order.shipped", "order.success", "order.delivered", "buyer_message")


def _event_name(name: str, language: str) -> str:
    if name in _CLOCK_EVENTS:
        return messages.text(f"word.clock_event.{name.replace('.', '_')}", language)
    try:
        return EventKind.parse(name.removeprefix("case.")).label(language)
    except ValueError:
        return name


def explain(deadline: Deadline, language: str = "zh-CN", computer_time: bool = False) -> str:
    """What the deadline rests on, one fact a line: times in China time, or with
    `computer_time` in the computer's own time zone (the window shows every time so; on
    a computer set to China time it says 北京时间 all the same)."""
    zone = _computer_zone_label(deadline.started_at, language) if computer_time else None

    def _local(instant: datetime) -> str:
        if not computer_time:
            return _china(instant)
        return instant.astimezone().strftime("%Y-%m-%d %H:%M")

    language = language if language in messages.LANGUAGES else "zh-CN"
    w = {word: messages.text(f"explain.{word}", language) for word in _EXPLAIN_WORDS}
    c = "：" if language.startswith("zh") else ": "
    # The seller reads the rule's title and version; its id is for the CLI's JSON.
    wide = c == "："
    version = f"{w['version']} {deadline.rule_version}" if deadline.rule_version else ""
    version = (f"（{version}）" if wide else f" ({version})") if version else ""
    lines = [
        f"{w['rule']}{c}{deadline.title_in(language)}{version}",
        f"{w['party']}{c}{Party.parse(deadline.party).label(language)}",
        f"{w['start']}{c}{_event_name(deadline.started_by, language)} "
        f"{_local(deadline.started_at)}{w['start_estimated'] if deadline.start_estimated else ''}",
    ]
    for first, last in deadline.paused:
        end = _local(last) if last else w["ongoing"]
        lines.append(f"{w['paused']}{c}{_local(first)} {w['until']} {end}")
    if deadline.due_at is not None:
        calendar = w["calendar_estimated"] if deadline.calendar_estimated else ""
        lines.append(f"{w['due']}{c}{_local(deadline.due_at)}（{w[deadline.basis]}）{calendar}")
    else:
        lines.append(f"{w['no_due']}{c}{deadline.no_due_reason(language)}")
    if deadline.basis == "platform" and deadline.estimate_due_at is not None:
        lines.append(f"{w['estimate']}{c}{_local(deadline.estimate_due_at)}")
    confidence = (
        messages.text(f"explain.confidence_level.{deadline.confidence.replace('-', '_')}", language)
        if deadline.confidence in _CONFIDENCES
        else None
    )
    lines += [
        f"{w['timeout']}{c}{deadline.on_timeout_in(language)}",
        f"{w['source']}{c}{deadline.source}{_source_kind_name(deadline.source_kind, language)}",
        f"{w['confidence']}{c}{confidence or deadline.confidence}",
        zone or w["zone"],
    ]
    return "\n".join(lines)


def _computer_zone_label(instant: datetime, language: str) -> str | None:
    """None when the computer keeps China time (the usual label then holds)."""
    if instant.astimezone().utcoffset() == instant.astimezone(CHINA).utcoffset():
        return None
    return messages.text("explain.computer_zone", language)
