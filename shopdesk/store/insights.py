"""What after-sales tells the shop: cases, rates and money by product, cause,
responsibility and courier over a period; appeals and service times.

Definitions (the 分析 view, `shopdesk insights` and the 产品改进单 all read them here):
- A period is whole China-time days, `start` to `end` inclusive.
- A product's key is its 商家编码 as exported, or the line's title when the export has
  none (or the text `null`).
- `units`: the 购买数量 of every line of an order PAID in the period (refunded or closed
  later or not): each order line once.
- A case counts in the period it was OPENED in, under the shop and platform of its own
  order (a case on another shop's order is not counted), once under each product it
  concerns: the lines its return inspection names where it has one, else the lines of
  the item its refund names (the export's 宝贝标题) where the order has that item, else
  every line of its order. Its money counts in full under each of them.
- Money is what the case's record holds (case_facts): `refund_fen` refunded (not
  requested), `compensation_fen` goodwill paid, `recovered_fen` paid back (courier claim,
  运费险), `net_cost_fen` everything out minus everything in.
- By courier: the cases the cause puts on the courier, per 100 parcels (orders paid in
  the period with that courier).
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from shopdesk.domain import messages
from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message, say
from shopdesk.domain.model import Cause, Event, EventKind, Outcome, Responsibility
from shopdesk.domain.scope import EVERYTHING, Scope
from shopdesk.domain.timeutil import CHINA, from_text, now_utc, to_text
from shopdesk.store.store import Store

DIMENSIONS = ("product", "cause", "responsibility", "courier")
NO_COURIER = messages.text("insights.no_courier", "zh-CN")  # a JSON key: never translated
UNJUDGED = "unknown"  # the responsibility key of a case whose cause puts it on no one

# A line's product key: 商家编码, else the title (an export writes `null` for none).
PRODUCT_KEY = (
    "CASE WHEN trim(l.outer_code) = '' OR lower(trim(l.outer_code)) = 'null' "
    "THEN l.title ELSE trim(l.outer_code) END"
)


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise InputError("insights.period_reversed", start=self.start, end=self.end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def bounds(self) -> tuple[str, str]:
        """Stored UTC text of the first instant and of the instant after the last day."""
        first = datetime.combine(self.start, time(), CHINA)
        after = datetime.combine(self.end + timedelta(days=1), time(), CHINA)
        return to_text(first), to_text(after)

    def previous(self) -> Period:
        length = timedelta(days=self.days)
        return Period(self.start - length, self.end - length)

    def words(self) -> Message:
        return Message(
            "insights.period",
            start=f"{self.start:%Y-%m-%d}",
            end=f"{self.end:%Y-%m-%d}",
            n=self.days,
        )

    def describe(self, language: str | None = None) -> str:
        """The period in words, in `language` (default: the current one)."""
        return say(self.words(), language)


def today_china(now: datetime | None = None) -> date:
    return (now or now_utc()).astimezone(CHINA).date()


def last_days(days: int, now: datetime | None = None) -> Period:
    end = today_china(now)
    return Period(end - timedelta(days=days - 1), end)


def this_week(now: datetime | None = None) -> Period:
    end = today_china(now)
    return Period(end - timedelta(days=end.weekday()), end)


def this_month(now: datetime | None = None) -> Period:
    end = today_china(now)
    return Period(end.replace(day=1), end)


def parse_day(text: str, what: str | None = None) -> date:
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        what = what if what is not None else Message("insights.date")
        raise InputError("insights.bad_day", what=what, text=text) from None


def find_shop(store: Store, text: str) -> int:
    """A shop by id or by name; InputError naming the shops otherwise."""
    shops = store.list_shops()
    for shop in shops:
        if str(shop.id) == str(text).strip() or shop.name == str(text).strip():
            return shop.id
    known = [f"{s.id}（{s.name}）" for s in shops] or Message("insights.no_shops")
    raise InputError("insights.no_shop", text=text, known=known)


@dataclass(slots=True)  # thousands per breakdown: a frozen dataclass's __init__ is slow
class Row:
    key: str
    label: str
    cases: int
    units: int | None  # None where units do not apply (cause, responsibility)
    rate_per_100: float | None
    refund_fen: int
    compensation_fen: int
    recovered_fen: int
    net_cost_fen: int
    causes: tuple[tuple[str, int], ...] = ()  # leading causes, most cases first
    previous_cases: int = 0
    previous_units: int | None = None
    previous_rate_per_100: float | None = None

    @property
    def cases_change(self) -> int:
        return self.cases - self.previous_cases

    def contract(self) -> dict:
        """The keys `shopdesk insights --json` promises."""
        return {
            "key": self.key,
            "label": self.label,
            "cases": self.cases,
            "units": self.units,
            "rate_per_100": self.rate_per_100,
            "refund_fen": self.refund_fen,
            "compensation_fen": self.compensation_fen,
            "recovered_fen": self.recovered_fen,
            "net_cost_fen": self.net_cost_fen,
        }


def rate(cases: int, units: int | None) -> float | None:
    if not units:
        return None
    return round(cases * 100 / units, 2)


# ---------------------------------------------------------------- SQL pieces


def _cases_sql(period: Period, scope: Scope, courier: bool = False) -> tuple[str, list]:
    """The cases opened in the period on orders in scope, oldest first; with `courier`
    only those the cause puts on the courier, with their order's courier. Every case has
    its order, so without a shop, platform or courier the orders are not read (a third
    of the time at a million orders)."""
    start, after = period.bounds()
    where, params = scope.where()
    with_order = courier or bool(params)
    columns = (
        "c.id, c.order_id, c.cause, c.responsibility, c.money_refund_fen, "
        "c.money_compensation_fen, c.money_recovered_fen, c.money_net_fen, "
        + ("o.courier" if with_order else "''")
        + ", c.opened_at, c.item_title"
    )
    source = "cases c JOIN orders o ON o.id = c.order_id" if with_order else "cases c"
    if courier:
        where += " AND c.responsibility = 'courier'"
    return (
        f"SELECT {columns} FROM {source} WHERE c.opened_at >= ? AND c.opened_at < ?{where} "
        "ORDER BY c.opened_at, c.id",
        [start, after, *params],
    )


def _product_cases_sql(
    period: Period, scope: Scope, columns: str, product: str | None = None, tail: str = ""
) -> tuple[str, list]:
    """`columns` of (case c, its product cp) once per product each case opened in the
    period concerns (case_products, kept by triggers: schema step 0010)."""
    start, after = period.bounds()
    where, params = scope.where()
    source = "cases c JOIN case_products cp ON cp.case_id = c.id"
    if params:
        source += " JOIN orders o ON o.id = c.order_id"
    if product is not None:
        where += " AND cp.product = ?"
        params = [*params, product]
    return (
        f"SELECT {columns} FROM {source} WHERE c.opened_at >= ? AND c.opened_at < ?{where}{tail}",
        [start, after, *params],
    )


def _product_case_ids(store: Store, period: Period, scope: Scope, product: str) -> list[int]:
    sql, params = _product_cases_sql(period, scope, "c.id", product, " ORDER BY c.opened_at, c.id")
    return [row[0] for row in store.db.execute(sql, params).fetchall()]


# product_units buckets and about how many rows each holds at a busy shop (a day sells
# part of the catalogue, a week or a month nearly all of it)
_BUCKET_ROWS = {"d": 1.0, "w": 2.3, "m": 2.4}


def _bucket_at(level: str, day: date) -> tuple[date, date] | None:
    """The bucket of this level starting on `day` (first, last day), or None."""
    if level == "d":
        return day, day
    if level == "w":
        return (day, day + timedelta(days=6)) if day.weekday() == 0 else None
    if day.day != 1:
        return None
    return day, (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _unit_ranges(period: Period) -> list[tuple[str, str, str]]:
    """The period as the fewest product_units rows: (level, first bucket, last bucket)
    runs of whole days, weeks and months covering it exactly (by dynamic programming
    from its last day back)."""
    after = period.end + timedelta(days=1)
    # best[day]: (rows from `day` to the end, the level of the bucket starting on `day`)
    best: dict[date, tuple[float, str]] = {after: (0.0, "")}
    day = period.end
    while day >= period.start:
        choices = []
        for level, rows in _BUCKET_ROWS.items():
            bucket = _bucket_at(level, day)
            if bucket and bucket[1] <= period.end:
                choices.append((best[bucket[1] + timedelta(days=1)][0] + rows, level))
        best[day] = min(choices)
        day -= timedelta(days=1)
    runs: list[list] = []
    day = period.start
    while day < after:
        level = best[day][1]
        if runs and runs[-1][0] == level:
            runs[-1][2] = day
        else:
            runs.append([level, day, day])
        bucket = _bucket_at(level, day)
        assert bucket is not None
        day = bucket[1] + timedelta(days=1)
    return [(level, first.isoformat(), last.isoformat()) for level, first, last in runs]


def _units_sql(
    period: Period, scope: Scope, columns: str, extra: str = "", value: str | None = None
) -> tuple[str, list]:
    """product_units rows of the period (kept by triggers: schema step 0008)."""
    where, params = scope.where("u")
    parts, values = [], []
    for level, first, last in _unit_ranges(period):
        parts.append(
            f"SELECT {columns} FROM product_units u WHERE u.level = ? "
            f"AND u.bucket >= ? AND u.bucket <= ?{where}{extra}"
        )
        values += [level, first, last, *params, *([] if value is None else [value])]
    return " UNION ALL ".join(parts), values


def _units(
    store: Store, period: Period, scope: Scope, dimension: str, product: str | None = None
) -> tuple[dict[str, int], dict[str, str]]:
    """Units sold (or parcels) per key, and each product key's title."""
    start, after = period.bounds()
    where, params = scope.where()
    if dimension == "product":
        rows, values = _units_sql(
            period,
            scope,
            "u.product, u.units, u.lines, u.title",
            "" if product is None else " AND u.product = ?",
            product,
        )
        sql = (
            f"SELECT product, sum(units), min(title) FROM ({rows}) "
            "GROUP BY product HAVING sum(lines) > 0"
        )
    else:  # courier: parcels
        sql = (
            "SELECT o.courier, count(*), '' FROM orders o "
            f"WHERE o.paid_at >= ? AND o.paid_at < ? AND o.courier != ''{where} "
            "GROUP BY o.courier"
        )
        values = [start, after, *params]
    units, titles = {}, {}
    for key, n, title in store.db.execute(sql, values).fetchall():
        units[key] = int(n or 0)
        titles[key] = title
    return units, titles


_MONEY_SUMS = (
    "count(*), sum(c.money_refund_fen), sum(c.money_compensation_fen), "
    "sum(c.money_recovered_fen), sum(c.money_net_fen)"
)


def _grouped(
    store: Store, period: Period, scope: Scope, dimension: str, product: str | None = None
) -> list[tuple]:
    """(key, cause, cases, refund, compensation, recovered, net, title) per key and cause."""
    if dimension == "product":
        sql, params = _product_cases_sql(
            period, scope, f"cp.product, c.cause, {_MONEY_SUMS}, min(cp.title)", product,
            " GROUP BY cp.product, c.cause",
        )  # fmt: skip
        return store.db.execute(sql, params).fetchall()
    sql, params = _cases_sql(period, scope, courier=dimension == "courier")
    key = {
        "cause": "cause",
        "responsibility": f"coalesce(responsibility, '{UNJUDGED}')",
        "courier": f"CASE WHEN courier = '' THEN '{NO_COURIER}' ELSE courier END",
    }[dimension]
    sql = f"SELECT {key} AS k, cause, {_MONEY_SUMS}, '' FROM ({sql}) c GROUP BY k, cause"
    return store.db.execute(sql, params).fetchall()


def _label(dimension: str, key: str, title: str, language: str) -> str:
    if dimension == "product":
        return title if title and title != key else key
    if dimension == "cause":
        try:
            return Cause(key).label(language)
        except ValueError:
            return key  # a cause id of a newer version
    if dimension == "responsibility":
        try:
            return Responsibility(key).label(language)
        except ValueError:
            return messages.text("insights.unjudged", language)
    if dimension == "courier" and key == NO_COURIER:
        return messages.text("insights.no_courier", language)
    return key


def cause_label(cause: str, language: str = "zh-CN") -> str:
    return _label("cause", cause, "", language)


def breakdown(
    store: Store,
    dimension: str,
    period: Period,
    scope: Scope = EVERYTHING,
    *,
    language: str = "zh-CN",
    with_previous: bool = True,
    product: str | None = None,
    orders: Sequence[int] | None = None,  # unused: kept for scripts written against it
) -> list[Row]:
    """One row per product / cause / responsibility / courier, most cases first (then the
    biggest net cost); products sold without any case are listed too, with 0 cases.
    With `product`, that product's row only."""
    if dimension not in DIMENSIONS:
        raise InputError("insights.bad_dimension", dimension=dimension, names=list(DIMENSIONS))
    has_units = dimension in ("product", "courier")
    units, titles = _units(store, period, scope, dimension, product) if has_units else ({}, {})
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    causes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for key, cause, n, *money, title in _grouped(store, period, scope, dimension, product):
        t = tally[key]
        t[0] += n
        for i, fen in enumerate(money, start=1):
            t[i] += fen or 0
        causes[key][cause] += n
        if title and key not in titles:
            titles[key] = title
    keys = set(tally) | set(units)
    if product is not None:
        keys &= {product}
    previous: dict[str, tuple[int, int | None]] = {}
    if with_previous:
        before = period.previous()
        old_units = _units(store, before, scope, dimension, product)[0] if has_units else {}
        old_counts: dict[str, int] = defaultdict(int)
        for row in _grouped(store, before, scope, dimension, product):
            old_counts[row[0]] += row[2]
        previous = {
            k: (old_counts.get(k, 0), old_units.get(k, 0) if has_units else None) for k in keys
        }
    rows = []
    for key in keys:
        cases, refund, comp, back, net = tally.get(key, (0, 0, 0, 0, 0))
        sold = units.get(key, 0) if has_units else None
        old_cases, old_units_n = previous.get(key, (0, None))
        counted = causes.get(key)
        leading = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))[:3] if counted else ()
        rows.append(
            Row(
                key=key,
                label=_label(dimension, key, titles.get(key, ""), language),
                cases=cases,
                units=sold,
                rate_per_100=rate(cases, sold) if has_units else None,
                refund_fen=refund,
                compensation_fen=comp,
                recovered_fen=back,
                net_cost_fen=net,
                causes=tuple(leading),
                previous_cases=old_cases,
                previous_units=old_units_n,
                previous_rate_per_100=rate(old_cases, old_units_n) if has_units else None,
            )
        )
    rows.sort(key=lambda r: (-r.cases, -r.net_cost_fen, r.key))
    return rows


def case_ids(
    store: Store, dimension: str, key: str, period: Period, scope: Scope = EVERYTHING
) -> list[int]:
    """The cases a breakdown row counts (its drill-down), oldest first."""
    if dimension == "product":
        found = _product_case_ids(store, period, scope, key)
    else:
        sql, params = _cases_sql(period, scope, courier=dimension == "courier")
        found = []
        for r in store.db.execute(sql, params).fetchall():
            value = {"cause": r[2], "responsibility": r[3] or UNJUDGED}.get(
                dimension, r[8] or NO_COURIER
            )
            if value == key:
                found.append(r[0])
    return sorted(set(found))


# ---------------------------------------------------------------- trend (per week)


@dataclass(frozen=True)
class Week:
    start: date
    cases: int
    units: int
    rate_per_100: float | None


def weekly_trend(
    store: Store,
    period: Period,
    scope: Scope = EVERYTHING,
    product: str | None = None,
    orders: Sequence[int] | None = None,  # unused: kept for scripts written against it
) -> list[Week]:
    """Cases and rate per week (weeks start on Monday, cut to the period), of one product
    or of the whole shop (every case once; every unit sold)."""
    # China days: stored UTC + 8 hours (China has no daylight saving time).
    unit_where, unit_params = scope.where("u")
    units_sql = (
        "SELECT u.bucket AS d, sum(u.units) FROM product_units u WHERE u.level = 'd' "
        f"AND u.bucket >= ? AND u.bucket <= ?{unit_where}"
    )
    unit_params = [period.start.isoformat(), period.end.isoformat(), *unit_params]
    if product is not None:
        units_sql += " AND u.product = ?"
        unit_params.append(product)
        sql, case_params = _product_cases_sql(period, scope, "c.opened_at", product)
        opened = [r[0] for r in store.db.execute(sql, case_params).fetchall()]
    else:
        sql, case_params = _cases_sql(period, scope)
        opened = [r[9] for r in store.db.execute(sql, case_params).fetchall()]  # opened_at

    def week_of(day: date) -> date:
        return max(period.start, day - timedelta(days=day.weekday()))

    cases: dict[date, int] = defaultdict(int)
    units: dict[date, int] = defaultdict(int)
    for at in opened:  # China days: stored UTC + 8 hours
        cases[week_of((from_text(at) + timedelta(hours=8)).date())] += 1
    for day, n in store.db.execute(units_sql + " GROUP BY d", unit_params).fetchall():
        units[week_of(date.fromisoformat(day))] += n or 0
    weeks = []
    day = period.start
    while day <= period.end:
        weeks.append(Week(day, cases[day], units[day], rate(cases[day], units[day])))
        day = day + timedelta(days=7 - day.weekday())
    return weeks


# ---------------------------------------------------------------- appeals


@dataclass(frozen=True)
class AppealRow:
    key: str  # cause id
    label: str
    cases: int
    won: int
    lost: int
    split: int
    pending: int
    kept_fen: int  # requested refunds of the cases won, not refunded


def appeals(
    store: Store, period: Period, scope: Scope = EVERYTHING, language: str = "zh-CN"
) -> list[AppealRow]:
    """Cases the platform stepped into (小二介入, not retracted), by cause, with how
    they were ruled. Won: ruled for the seller; lost: for the buyer; split: shared."""
    cases, params = _cases_sql(period, scope)
    sql = (
        f"SELECT pc.cause, c.outcome, c.refund_fen, pc.money_refund_fen FROM ({cases}) pc "
        "JOIN cases c ON c.id = pc.id WHERE EXISTS (SELECT 1 FROM case_events e "
        "WHERE e.case_id = pc.id AND e.kind = ? AND NOT EXISTS (SELECT 1 FROM case_events r "
        "WHERE r.case_id = e.case_id AND r.retracts = e.id))"
    )
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for cause, outcome, requested, refunded in store.db.execute(
        sql, [*params, EventKind.PLATFORM_INTERVENED.value]
    ):
        t = tally[cause]
        t[0] += 1
        if outcome == Outcome.RULED_FOR_SELLER.value:
            t[1] += 1
            t[5] += max(0, requested - refunded)
        elif outcome == Outcome.RULED_FOR_BUYER.value:
            t[2] += 1
        elif outcome == Outcome.RULED_SPLIT.value:
            t[3] += 1
        else:
            t[4] += 1
    rows = [AppealRow(key, cause_label(key, language), *values) for key, values in tally.items()]
    rows.sort(key=lambda r: (-r.cases, r.key))
    return rows


def appealed_ids(store: Store, ids: Sequence[int]) -> list[int]:
    """Those of these cases the platform stepped into (not retracted)."""
    found = []
    for case_id in ids:
        row = store.db.execute(
            "SELECT 1 FROM case_events e WHERE e.case_id = ? AND e.kind = ? AND NOT EXISTS "
            "(SELECT 1 FROM case_events r WHERE r.case_id = e.case_id AND r.retracts = e.id)",
            [case_id, EventKind.PLATFORM_INTERVENED.value],
        ).fetchone()
        if row:
            found.append(case_id)
    return found


# ---------------------------------------------------------------- service


@dataclass(frozen=True)
class Service:
    cases: int
    replied: int  # cases with a first reply
    first_reply_median_min: float | None
    first_reply_p90_min: float | None
    resolved: int
    resolution_median_h: float | None
    resolution_p90_h: float | None
    asked: int  # cases where the buyer spoke (the reply clock ran)
    clock_ran_out: int  # of those: first reply after the shop's reply target, or none yet
    # and the target passed

    @property
    def ran_out_share(self) -> float | None:
        return round(self.clock_ran_out / self.asked, 4) if self.asked else None


def _timelines(store: Store, cases: str, params: list) -> tuple[dict, dict]:
    """Every event and chat message of these cases, in two queries."""
    from shopdesk.platforms import chatlog

    events: dict[int, list[Event]] = defaultdict(list)
    for row in store.db.query(
        f"SELECT e.* FROM ({cases}) pc JOIN case_events e ON e.case_id = pc.id "
        "ORDER BY e.case_id, e.at, e.id",
        params,
    ):
        events[row["case_id"]].append(Event(**row))
    chats: dict[int, list] = defaultdict(list)
    for case_id, data in store.db.execute(
        f"SELECT v.case_id, v.data FROM ({cases}) pc JOIN evidence v ON v.case_id = pc.id "
        "WHERE v.kind = 'chat'",
        params,
    ):
        try:
            chats[case_id] += chatlog.from_data(json.loads(data or "{}").get("messages", []))
        except (ValueError, TypeError, KeyError):
            continue  # a damaged row: the clock goes by the timeline alone
    return events, chats


def percentile(values: Sequence[float], share: float) -> float | None:
    """The nearest-rank percentile (p90: the value 90% of cases are at or under)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * int(share * 100) // 100))
    return ordered[rank - 1]


def service(
    store: Store, period: Period, scope: Scope = EVERYTHING, now: datetime | None = None
) -> Service:
    """Time to first reply (the reply clock's definition: the buyer's first ask, on the
    timeline or in a chat, to the seller's first answer after it) and to resolution
    (opened to closed), for the cases opened in the period."""
    from shopdesk.domain.reply_clock import contacts, first_reply, reply_target

    now = now or now_utc()
    target = reply_target(store)
    cases, params = _cases_sql(period, scope)
    spans = {
        case_id: (opened, closed)
        for case_id, opened, closed in store.db.execute(
            f"SELECT pc.id, pc.opened_at, c.closed_at FROM ({cases}) pc "
            "JOIN cases c ON c.id = pc.id",
            params,
        )
    }
    events, chats = _timelines(store, cases, params)
    replies, resolutions = [], []
    asked = ran_out = 0
    for case_id, (opened, closed) in spans.items():
        found = contacts(events.get(case_id, ()), chats.get(case_id, ()), now)
        first = first_reply(found, target)
        if first.asked_at is not None:
            asked += 1
            if first.replied_at is not None:
                replies.append((first.replied_at - first.asked_at).total_seconds() / 60)
                ran_out += not first.met
            elif target.due(first.asked_at) < now:
                ran_out += 1
        if closed and opened:
            hours = (from_text(closed) - from_text(opened)).total_seconds()
            resolutions.append(hours / 3600)
    ids = list(spans)

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    return Service(
        cases=len(ids),
        replied=len(replies),
        first_reply_median_min=rounded(statistics.median(replies)) if replies else None,
        first_reply_p90_min=rounded(percentile(replies, 0.9)),
        resolved=len(resolutions),
        resolution_median_h=rounded(statistics.median(resolutions)) if resolutions else None,
        resolution_p90_h=rounded(percentile(resolutions, 0.9)),
        asked=asked,
        clock_ran_out=ran_out,
    )


# ---------------------------------------------------------------- 产品预警


@dataclass(frozen=True)
class Alert:
    product: str
    label: str
    cases_7d: int
    units_7d: int
    rate_7d: float | None
    rate_90d: float | None
    cause: str  # the leading cause of the last 7 days
    cause_label: str

    def as_dict(self) -> dict:
        return {
            "product": self.product,
            "label": self.label,
            "cases_7d": self.cases_7d,
            "units_7d": self.units_7d,
            "rate_7d": self.rate_7d,
            "rate_90d": self.rate_90d,
            "cause": self.cause,
            "cause_label": self.cause_label,
        }


ALERT_MIN_CASES = 5


def alerts(store: Store, now: datetime | None = None, scope: Scope = EVERYTHING) -> list[Alert]:
    """Products whose rate over the last 7 days is more than twice their 90-day rate,
    with at least 5 cases in the 7 days. A product with no units in 90 days but cases
    has no rate to compare and is not flagged."""
    recent = breakdown(store, "product", last_days(7, now), scope, with_previous=False)
    long = {
        r.key: r
        for r in breakdown(store, "product", last_days(90, now), scope, with_previous=False)
    }
    found = []
    for row in recent:
        base = long.get(row.key)
        if row.cases < ALERT_MIN_CASES or row.rate_per_100 is None or base is None:
            continue
        if base.rate_per_100 is None or row.rate_per_100 <= 2 * base.rate_per_100:
            continue
        cause = row.causes[0][0] if row.causes else Cause.UNKNOWN.value
        found.append(
            Alert(
                row.key,
                row.label,
                row.cases,
                row.units or 0,
                row.rate_per_100,
                base.rate_per_100,
                cause,
                cause_label(cause),
            )
        )
    return found


# ---------------------------------------------------------------- one product's detail


@dataclass(frozen=True)
class ProductDetail:
    row: Row
    period: Period
    case_ids: tuple[int, ...]
    trend: tuple[Week, ...] = field(default=())


def product_detail(
    store: Store, product: str, period: Period, scope: Scope = EVERYTHING
) -> ProductDetail:
    rows = breakdown(store, "product", period, scope, product=product)
    if not rows:
        raise InputError("insights.no_product", period=period.words(), product=product)
    ids = sorted(_product_case_ids(store, period, scope, product))
    trend = weekly_trend(store, period, scope, product)
    return ProductDetail(rows[0], period, tuple(ids), tuple(trend))


def buyer_words(store: Store, case_id: int) -> dict:
    """What the buyer said: the refund's 退款说明 and the buyer's chat lines."""
    from shopdesk.store.evidence_repo import case_chat_messages

    case = store.get_case(case_id)
    lines = [
        m.text
        for m in case_chat_messages(store, case_id)
        if not m.is_seller and not m.is_system and m.kind == "text" and m.text
    ]
    return {"reason": case.reason, "description": case.description, "chat": lines}


def evidence_photos(store: Store, case_ids: Sequence[int], limit: int = 12) -> list[dict]:
    """The photo evidence of these cases (newest first), for the sheet's thumbnails."""
    found = []
    for case_id in case_ids:
        for row in store.db.query(
            "SELECT id, case_id, sha256, file_name, caption, data FROM evidence "
            "WHERE case_id = ? AND kind = 'photo' ORDER BY id DESC",
            [case_id],
        ):
            try:
                row["data"] = json.loads(row["data"] or "{}")
            except ValueError:
                row["data"] = {}
            found.append(row)
            if len(found) >= limit:
                return found
    return found
