"""A demo store that looks like a small Taobao home-goods shop on a busy week: a few
hundred orders in every status and after-sales cases of every kind at different stages.
Seeded, so the same `now` gives the same store."""

from __future__ import annotations

import random
import tomllib
from datetime import UTC, datetime, timedelta

from shopdesk.domain import paths
from shopdesk.domain.case_states import derive_state
from shopdesk.domain.errors import MoveNotAllowedError
from shopdesk.domain.exif_time import capture_time
from shopdesk.domain.model import (
    Case,
    CaseKind,
    CaseState,
    Cause,
    Event,
    EventKind,
    MoneyKind,
    Order,
    OrderState,
    Outcome,
)
from shopdesk.domain.timeutil import CHINA, from_text, to_text
from shopdesk.platforms import registry
from shopdesk.platforms.case_flow import check_move
from shopdesk.store import demo_rows
from shopdesk.store.deadlines_repo import refresh_due
from shopdesk.store.evidence_repo import add_bytes
from shopdesk.store.store import Store


def _load() -> dict:
    with open(paths.resource("demo", "demo.toml"), "rb") as handle:
        return tomllib.load(handle)


# The demo's names and words are data (resources/demo/demo.toml), written as its buyers
# and its seller would, in Chinese whatever the window's language.
DATA = _load()
SHOP_NAME = DATA["shop"]["name"]
DEMO_PLATFORM = registry.default_id()  # the demo shop is on the first platform listed
RETURN_ADDRESS = DATA["shop"]["return_address"]

PRODUCTS = [(title, props, price) for title, props, price in DATA["products"]]
# 商家编码 of the products above (as the seller's export would carry them).
PRODUCT_CODES = {title: f"XM-{n + 1:03d}" for n, (title, _, _) in enumerate(PRODUCTS)}
# The weeks before the busy one (see _add_history): a product whose defects keep growing
# and a courier that loses parcels, for the 分析 view to find.
DEFECT_PRODUCT = DATA["defect_product"]
LOSING_COURIER = DATA["losing_courier"]
DEFECT_WORDS = [entry["text"] for entry in DATA["history"]["defect_words"]]
LOST_WORDS = list(DATA["history"]["lost_words"])
NICKS = list(DATA["nicks"])
RECEIVERS = list(DATA["receivers"])
CITIES = [tuple(city) for city in DATA["cities"]]
COURIERS = [tuple(courier) for courier in DATA["couriers"]]
STATUS_TEXT = {state: DATA["order"]["status"][state.value] for state in OrderState}
REASONS = {
    kind: (DATA["reasons"][kind.value][0], Cause(DATA["reasons"][kind.value][1]))
    for kind in CaseKind
}
NOTES = DATA["notes"]
_ORDER = DATA["order"]

# Stages the demo shows a case at: the events after `opened`. Each kind gets those the
# platform allows for it (case_states decides, as it does for the seller's own clicks),
# and the case's state is the one its timeline leads to.
E = EventKind
STAGES: list[tuple[EventKind, ...]] = [
    (),
    (E.SELLER_AGREED,),
    (E.SELLER_AGREED, E.BUYER_SHIPPED_RETURN),
    (E.SELLER_REFUSED,),
    (E.SELLER_REFUSED, E.PLATFORM_INTERVENED),
    (E.SELLER_AGREED, E.REFUNDED),
    (E.SELLER_AGREED, E.BUYER_SHIPPED_RETURN, E.SELLER_RECEIVED_RETURN, E.REFUNDED),
    (E.WITHDRAWN,),
]
RESHIP_STAGES: list[tuple[EventKind, ...]] = [(), (E.RESHIPPED,)]
COMPLAINT_STAGES: list[tuple[EventKind, ...]] = [
    (),
    (E.REPLIED,),
    (E.PLATFORM_INTERVENED,),
    (E.CLOSED,),
]
# A refund-only request the seller agrees to is paid at once (the seller FAQ: 卖家同意或者
# 无响应，钱款会直接退回), so the demo never leaves one waiting at 待退款.
_PAID_ON_AGREEMENT = {CaseKind.REFUND_UNSHIPPED, CaseKind.REFUND_SHIPPED}
_STAGE_START = datetime(2024, 1, 1, tzinfo=UTC)  # only orders a stage's events


def order_state_for(kind: CaseKind) -> OrderState:
    """The state of the orders the demo opens a case of `kind` on."""
    return OrderState.PAID if kind is CaseKind.REFUND_UNSHIPPED else OrderState.SHIPPED


def _stages_for(kind: CaseKind) -> list[tuple[tuple[EventKind, ...], CaseState]]:
    if kind is CaseKind.RESHIP:
        candidates = RESHIP_STAGES
    elif kind in (CaseKind.REFUND_UNSHIPPED, CaseKind.REFUND_SHIPPED, CaseKind.RETURN_REFUND):
        candidates = STAGES
        if kind in _PAID_ON_AGREEMENT:
            candidates = [s for s in candidates if s != (E.SELLER_AGREED,)]
    else:
        candidates = COMPLAINT_STAGES
    stages = []
    for events in candidates:
        state = _state_if_allowed(kind, events)
        if state is not None:
            stages.append((events, state))
    return stages


def _state_if_allowed(kind: CaseKind, events: tuple[EventKind, ...]) -> CaseState | None:
    """Where `events` (after `opened`) leave a case of `kind` on a demo order, or None if
    the platform does not allow one of them."""
    reason = REASONS[kind][0]
    case = Case(0, 0, "", DEMO_PLATFORM, kind.value, CaseState.AWAITING_SELLER.value, reason=reason)
    order_state = order_state_for(kind)
    order = Order(0, 0, DEMO_PLATFORM, "", "", STATUS_TEXT[order_state], order_state.value)
    timeline = [Event(0, 0, E.OPENED.value, to_text(_STAGE_START))]
    for n, event in enumerate(events, start=1):
        try:
            check_move(case, timeline, event, order=order)
        except MoveNotAllowedError:
            return None
        timeline.append(Event(n, 0, event.value, to_text(_STAGE_START + timedelta(hours=n))))
    return derive_state(case, timeline)


def build_demo(
    store: Store, now: datetime, orders: int = 300, seed: int = 7, photos: bool = True
) -> dict[str, int]:
    """Fill `store` with the demo shop. Returns what was created. Without `photos` its
    cases have no evidence (a copy of the database file alone is then a whole store)."""
    rng = random.Random(seed)
    made = {"orders": 0, "cases": 0}
    with store.transaction():
        signature = DATA["shop"]["signature"]
        shop = store.add_shop(SHOP_NAME, DEMO_PLATFORM, RETURN_ADDRESS, 48, signature)
        created = []
        for n in range(orders):
            created.append(_add_order(store, shop.id, rng, now, n))
        made["orders"] = len(created)
        candidates = [o for o in created if o[1] in (OrderState.SHIPPED, OrderState.SUCCESS)]
        unshipped = [o for o in created if o[1] is OrderState.PAID]
        n_case = 0
        for kind in CaseKind:
            pool = unshipped if order_state_for(kind) is OrderState.PAID else candidates
            if not pool:  # a tiny demo may have no order in the state this kind needs
                continue
            for stage_events, state in _stages_for(kind):
                order_id, _, paid = pool[n_case % len(pool)]
                n_case += 1
                _add_case(store, rng, now, order_id, paid, kind, stage_events, state)
                made["cases"] += 1
        made["cases"] += _add_history(store, random.Random(seed + 1), now)
        if photos:
            _add_photos(store, now, seed)
        # The cached cause, responsibility and money of every case (refunds paid count).
        refresh_due(store, case_ids=store.case_ids(), now=now)
    return made


def _add_order(store: Store, shop_id: int, rng: random.Random, now: datetime, n: int):
    state = rng.choices(list(OrderState), weights=[4, 12, 25, 50, 9], k=1)[0]
    created = now - timedelta(hours=rng.uniform(1, 24 * 40))
    if state is OrderState.PAID:
        created = now - timedelta(hours=rng.uniform(0.5, 47))
    elif state is OrderState.SHIPPED:
        created = now - timedelta(hours=rng.uniform(30, 24 * 9))
    paid = None if state is OrderState.UNPAID else created + timedelta(minutes=rng.randint(1, 30))
    shipped = None
    if state in (OrderState.SHIPPED, OrderState.SUCCESS) and paid:
        shipped = paid + timedelta(hours=rng.uniform(2, 30))
    confirmed = None
    if state is OrderState.SUCCESS and shipped:
        confirmed = min(now, shipped + timedelta(days=rng.uniform(2, 9)))
    items = rng.sample(PRODUCTS, k=rng.choice([1, 1, 1, 2, 3]))
    quantities = [rng.choice([1, 1, 1, 2]) for _ in items]
    total = sum(p[2] * q for p, q in zip(items, quantities, strict=True))
    postage = 0 if total >= 4900 else 600
    province, city, district = rng.choice(CITIES)
    courier, prefix = rng.choice(COURIERS)
    order_no = str(3000000000000000000 + n * 7919 + 1234567)
    values = {
        "shop_id": shop_id,
        "platform": DEMO_PLATFORM,
        "order_no": order_no,
        "buyer_nick": rng.choice(NICKS),
        "status": STATUS_TEXT[state],
        "state": state.value,
        "receiver_name": rng.choice(RECEIVERS),
        "receiver_phone": f"1{rng.choice('3578')}{rng.randint(100000000, 999999999)}",
        "receiver_address": _ORDER["address"].format(
            province=province,
            city=city,
            district=district,
            road=rng.randint(1, 300),
            building=rng.randint(1, 30),
            room=rng.randint(101, 2505),
        ),
        "item_titles": _ORDER["titles_joined_by"].join(p[0] for p in items),
        "item_count": sum(quantities),
        "total_fen": total + postage,
        "paid_fen": 0 if paid is None else total + postage,
        "postage_fen": postage,
        "created_at": to_text(created),
        "paid_at": to_text(paid) if paid else None,
        "shipped_at": to_text(shipped) if shipped else None,
        "confirmed_at": to_text(confirmed) if confirmed else None,
        "closed_reason": _ORDER["closed_reason" if state is OrderState.CLOSED else "not_closed"],
        "courier": courier if shipped else "",
        "tracking_no": f"{prefix}{rng.randint(10**11, 10**12 - 1)}" if shipped else "",
        "buyer_message": rng.choice(_ORDER["buyer_messages"]),
        "source": "demo",
    }
    order = store.save_order(values)
    for (title, props, price), quantity in zip(items, quantities, strict=True):
        store.add_order_line(
            order.id,
            title,
            sku_props=props,
            price_fen=price,
            quantity=quantity,
            status=STATUS_TEXT[state],
            outer_code=PRODUCT_CODES.get(title, ""),
        )
    return order.id, state, paid


def _add_case(store, rng, now, order_id, paid, kind, stage_events, state) -> None:
    reason, cause = REASONS[kind]
    order = store.get_order(order_id)
    opened = now - timedelta(hours=rng.uniform(2, 60))
    if paid:
        opened = max(opened, paid + timedelta(hours=1))
    case = store.add_case(
        order_id,
        kind.value,
        to_text(opened),
        state=state.value,
        cause=cause.value,
        refund_fen=order.paid_fen if kind is not CaseKind.BAD_REVIEW else 0,
        reason=reason,
        description=DATA["case"]["description"].format(reason=reason),
    )
    at = opened
    for event in stage_events:
        at = min(now - timedelta(minutes=5), at + timedelta(hours=rng.uniform(1, 20)))
        store.add_event(case.id, event.value, to_text(at))
    _book_busy_week(store, case.id, order, kind, stage_events, at)
    if not state.is_open:
        store.update_case(case.id, closed_at=to_text(at))


_ENDED_AS = {
    E.REFUNDED: Outcome.AGREED_REFUND,
    E.WITHDRAWN: Outcome.WITHDRAWN,
    E.RESHIPPED: Outcome.RESHIPPED,
    E.CLOSED: Outcome.REFUSED_ACCEPTED,
}


def _book_busy_week(store, case_id, order: Order, kind: CaseKind, events, at: datetime) -> None:
    """The money and outcome a seller would have entered by now on this week's cases
    (money while the case was open: a minute before its last step)."""
    before = at - timedelta(minutes=1)
    if kind is CaseKind.RESHIP and E.RESHIPPED in events:
        _money(store, case_id, MoneyKind.RESHIP_COST, 1800, before, NOTES["reship_cost"])
    if kind is CaseKind.BAD_REVIEW and E.REPLIED in events:
        _money(store, case_id, MoneyKind.COMPENSATION, 500, before, NOTES["apology_red_packet"])
    if kind is CaseKind.REJECTED_DELIVERY and events and E.PLATFORM_INTERVENED not in events:
        claim = min(order.paid_fen, 3000)
        _money(store, case_id, MoneyKind.COURIER_CLAIM, claim, before, NOTES["damage_claim"])
    if events and events[-1] in _ENDED_AS:
        _outcome(store, case_id, _ENDED_AS[events[-1]], at)


_HISTORY_KINDS = {
    which: (CaseKind(DATA["history"][which][0]), DATA["history"][which][1],
            Cause(DATA["history"][which][2]))
    for which in ("defect", "lost", "mind")
}  # fmt: skip


def _add_history(store: Store, rng: random.Random, now: datetime) -> int:
    """Finished cases of the weeks before the busy one, on orders that have none: the
    defect product's cases grow week by week, the losing courier loses about one parcel
    in four, and a few buyers change their minds. Only moves the platform allows."""
    added = 0
    rows = demo_rows.finished_orders_without_cases(store)
    for order_id, paid_at, courier in rows:
        paid = from_text(paid_at)
        age = (now - paid).total_seconds() / 86400
        if age < 9:  # the busy week is the demo's own
            continue
        titles = {line.title for line in store.order_lines(order_id)}
        growth = max(0.0, 1 - age / 40)  # 0 forty days ago, about 0.8 in the week before
        if DEFECT_PRODUCT in titles and rng.random() < 0.1 + 0.9 * growth:
            which, words = "defect", rng.choice(DEFECT_WORDS)
        elif courier == LOSING_COURIER and rng.random() < 0.3:
            which, words = "lost", rng.choice(LOST_WORDS)
        elif rng.random() < 0.05:
            which, words = "mind", DATA["history"]["mind_words"]
        else:
            continue
        kind, reason, cause = _HISTORY_KINDS[which]
        if _finish_case(store, rng, order_id, paid, kind, reason, cause, words):
            added += 1
    return added


def _finish_case(store, rng, order_id, paid, kind, reason, cause, words) -> bool:
    order = store.get_order(order_id)
    steps = [E.SELLER_AGREED, E.REFUNDED]
    if kind is CaseKind.RETURN_REFUND:
        steps = [E.SELLER_AGREED, E.BUYER_SHIPPED_RETURN, E.SELLER_RECEIVED_RETURN, E.REFUNDED]
    opened = paid + timedelta(days=rng.uniform(2, 6))
    probe = Case(0, order_id, "", DEMO_PLATFORM, kind.value, CaseState.AWAITING_SELLER.value)
    timeline = [Event(0, 0, E.OPENED.value, to_text(opened))]
    at = opened
    for n, step in enumerate(steps, start=1):
        at += timedelta(minutes=rng.uniform(10, 600))
        try:
            check_move(probe, timeline, step, order=order)
        except MoveNotAllowedError:
            return False
        timeline.append(Event(n, 0, step.value, to_text(at)))
    state = derive_state(probe, timeline)
    case = store.add_case(
        order_id,
        kind.value,
        to_text(opened),
        state=state.value,
        cause=cause.value,
        refund_fen=order.paid_fen,
        reason=reason,
        description=DATA["case"]["history_description"].format(words=words),
    )
    for event in timeline[1:]:
        store.add_event(case.id, event.kind, event.at)
    _book_history(store, rng, case.id, order, cause, from_text(timeline[-1].at))
    store.update_case(case.id, closed_at=timeline[-1].at)
    return True


def _money(store: Store, case_id: int, kind: MoneyKind, fen: int, at: datetime, note="") -> None:
    """A money entry on the timeline, as 原因与费用 writes one (the case row's cached sums
    follow in build_demo's refresh)."""
    direction = "out" if kind.out else "in"
    data = {"kind": kind.value, "fen": fen, "direction": direction}
    store.add_event(case_id, E.MONEY.value, to_text(at), note=note, data=data)


def _outcome(store: Store, case_id: int, outcome: Outcome, at: datetime, ruling="") -> None:
    data = {"outcome": outcome.value, "ruling": ruling}
    store.add_event(case_id, E.OUTCOME.value, to_text(at), data=data)


def _book_history(store, rng, case_id: int, order: Order, cause: Cause, ended) -> None:
    """What a case cost and how it ended (the refund itself counts from the platform's
    退款成功): a defect's return postage is the seller's, and half of them get an apology
    payment; about two lost parcels in three are paid back by the courier. Money is
    entered while the case is open (a minute before its last step), as the window allows."""
    before = ended - timedelta(minutes=1)
    if cause is Cause.SELLER_DEFECT:
        postage, why = MoneyKind.POSTAGE_REFUND, NOTES["defect_postage"]
        _money(store, case_id, postage, 1000, before, why)
        if rng.random() < 0.5:
            paid = rng.choice((500, 1000))
            _money(store, case_id, MoneyKind.COMPENSATION, paid, before, NOTES["apology"])
        _outcome(store, case_id, Outcome.AGREED_REFUND, ended)
    elif cause is Cause.COURIER_LOST and rng.random() < 0.65:
        claim = min(order.paid_fen, rng.choice((3000, 5000, order.paid_fen)))
        _money(store, case_id, MoneyKind.COURIER_CLAIM, claim, before, NOTES["lost_claim"])
        _outcome(store, case_id, Outcome.COURIER_PAID, ended)
    else:
        _outcome(store, case_id, Outcome.AGREED_REFUND, ended)


# Buyers' photos of the defect product (drawn by shopdesk/evidence/demo_photos.py): on its
# quality cases, newest first, so the 产品改进单 and the evidence panel show them. A cap
# keeps a big demo quick to build.
PHOTO_CASES = 24
_DEFECT_PHOTOS = {entry["text"]: entry for entry in DATA["history"]["defect_words"]}
_PHONES = [tuple(phone) for phone in DATA["photos"]["phones"]]


def _add_photos(store: Store, now: datetime, seed: int) -> int:
    """The photos each buyer sent with a quality complaint about the defect product, as
    the seller saved them onto the case: what the buyer wrote about is what they show,
    taken on the buyer's phone after the parcel came and before the buyer asked for the
    refund. Seeded apart from the rest of the demo, so the figures do not move."""
    from shopdesk.evidence.demo_photos import defect_photos, jpeg_with_exif

    rows = demo_rows.latest_cases_of_product(
        store, Cause.SELLER_DEFECT, DEFECT_PRODUCT, PHOTO_CASES
    )
    added = 0
    for case_id, kind, description, opened_at, shipped_at in sorted(rows):
        opened = from_text(opened_at)
        latest = opened - timedelta(minutes=5)
        earliest = opened - timedelta(hours=6)
        if shipped_at:  # the parcel came at least half a day after it left
            earliest = max(earliest, from_text(shipped_at) + timedelta(hours=12))
        if earliest >= latest:
            continue  # opened before the parcel could have come: nothing to photograph
        rng = random.Random(f"{seed}-photos-{case_id}")
        shown = _what_the_photos_show(rng, kind, description)
        count = min(len(shown["captions"]), 1 if rng.random() < 0.3 else 2)
        make, model = rng.choice(_PHONES)
        taken = earliest + (latest - earliest) * rng.uniform(0.3, 0.9)
        pictures = defect_photos(f"{seed}-{case_id}", shown["defect"], count)
        saved = min(now - timedelta(minutes=1), opened + timedelta(minutes=rng.uniform(8, 90)))
        for n, picture in enumerate(pictures):
            local = taken.astimezone(CHINA)
            data = jpeg_with_exif(picture, local, make, model)
            add_bytes(
                store,
                case_id,
                data,
                _photo_name(rng, make, local),
                "photo",
                caption=shown["captions"][n],
                captured_at=capture_time(data),
                now=saved + timedelta(seconds=n),
            )
            added += 1
            taken = min(taken + timedelta(seconds=rng.uniform(15, 120)), latest)
    return added


def _what_the_photos_show(rng: random.Random, kind: str, description: str) -> dict:
    if kind == CaseKind.BAD_REVIEW.value:
        return DATA["photos"]["bad_review"]
    for text, entry in _DEFECT_PHOTOS.items():
        if text in description:
            return entry
    return rng.choice(list(_DEFECT_PHOTOS.values()))  # a busy-week 质量问题 case


def _photo_name(rng: random.Random, make: str, taken: datetime) -> str:
    """The name the file came with: the phone's own, or WeChat's when the buyer sent it
    there first."""
    if rng.random() < 0.3:
        return f"mmexport{int(taken.timestamp() * 1000) + rng.randint(0, 999)}.jpg"
    if make == "Apple":
        return f"IMG_{rng.randint(1000, 9999)}.JPG"
    return f"IMG_{taken:%Y%m%d_%H%M%S}.jpg"
