"""Jobs a seller does on one order by hand: mark it shipped, note when the buyer signed
for it, check when a case on it may start (services.cases.open_case opens it). The window and the command line both go
through here, so they agree."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message
from shopdesk.domain.model import Order, OrderState
from shopdesk.domain.timeutil import CHINA, from_text, now_utc, to_text
from shopdesk.store.deadlines_repo import refresh_due
from shopdesk.store.store import Store

# A clock a minute or two fast on the seller's PC is not a time "in the future".
_CLOCK_SLACK = timedelta(minutes=5)
_TRACKING_NO = re.compile(r"^[0-9A-Za-z-]{6,40}$")


def _china(instant: datetime) -> str:
    return instant.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def check_case_start(order: Order, opened_at: datetime, now: datetime) -> None:
    """A start time the window accepts: not in the future, not before the order."""
    if opened_at > now + _CLOCK_SLACK:
        raise InputError("order.start_in_future", at=_china(opened_at))
    placed = order.created_at or order.paid_at
    if placed and opened_at < from_text(placed):
        raise InputError(
            "order.start_before_order", placed=_china(from_text(placed)), order_no=order.order_no
        )


def mark_shipped(
    store: Store,
    order_id: int,
    tracking_no: str,
    courier: str,
    shipped_at: datetime,
    now: datetime | None = None,
) -> Order:
    """Record that the seller shipped the order (courier, tracking number, when) and
    recompute its clocks: the 卖家发货 deadline stops at once. Raises InputError naming the
    field for anything that cannot be right; nothing is written then."""
    now = now or now_utc()
    order = store.get_order(order_id)
    tracking_no = tracking_no.strip()
    courier = courier.strip()
    if not courier:
        raise InputError("order.no_courier")
    if not _TRACKING_NO.match(tracking_no):
        if tracking_no:
            raise InputError("order.bad_tracking_no", tracking_no=tracking_no)
        raise InputError("order.no_tracking_no")
    if order.state not in (OrderState.PAID.value, OrderState.SHIPPED.value):
        raise InputError(
            "order.cannot_ship", order_no=order.order_no, status=order.status or order.state
        )
    _check_step_time(
        Message("field.shipped_at"), shipped_at, now, order.paid_at, Message("field.paid_at")
    )
    with store.transaction():
        store.db.execute(
            "UPDATE orders SET state = ?, status = ?, shipped_at = ?, courier = ?, "
            "tracking_no = ?, updated_at = ? WHERE id = ?",
            [
                OrderState.SHIPPED.value,
                OrderState.SHIPPED.label("zh-CN"),
                to_text(shipped_at),
                courier,
                tracking_no,
                to_text(now),
                order_id,
            ],
        )
        refresh_due(store, order_ids=[order_id], now=max(now, shipped_at))
    return store.get_order(order_id)


def _check_step_time(
    field: str, at: datetime, now: datetime, after: str | None, after_field: str
) -> None:
    """A step of the order happened: not in the future, not before the step before it."""
    if at > now + _CLOCK_SLACK:
        raise InputError("order.step_in_future", field=field, at=_china(at))
    if after and at < from_text(after):
        raise InputError(
            "order.step_before",
            field=field,
            after_field=after_field,
            after=_china(from_text(after)),
        )


def mark_delivered(
    store: Store, order_id: int, delivered_at: datetime, now: datetime | None = None
) -> Order:
    """Record when the buyer signed for the parcel (签收, from the courier's tracking):
    the 7-day no-reason return then counts from the next day, no longer estimated from
    交易成功. Raises InputError for a time that cannot be right; nothing is written then."""
    now = now or now_utc()
    order = store.get_order(order_id)
    if order.state not in (OrderState.SHIPPED.value, OrderState.SUCCESS.value):
        raise InputError(
            "order.not_shipped_yet", order_no=order.order_no, status=order.status or order.state
        )
    _check_step_time(
        Message("field.delivered_at"),
        delivered_at,
        now,
        order.shipped_at,
        Message("field.shipped_at"),
    )
    with store.transaction():
        store.db.execute(
            "UPDATE orders SET delivered_at = ?, updated_at = ? WHERE id = ?",
            [to_text(delivered_at), to_text(now), order_id],
        )
        refresh_due(store, order_ids=[order_id], now=max(now, delivered_at))
    return store.get_order(order_id)
