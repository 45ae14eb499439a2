"""Jobs a seller does on one order by hand: mark it shipped, note when the buyer signed
for it, check when a case on it may start (services.cases.open_case opens it). The window and the command line both go
through here, so they agree."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from shopdesk.core.deadlines_repo import refresh_due
from shopdesk.core.errors import InputError
from shopdesk.core.model import Order, OrderState
from shopdesk.core.store import Store
from shopdesk.core.timeutil import CHINA, from_text, now_utc, to_text

# A clock a minute or two fast on the seller's PC is not a time "in the future".
_CLOCK_SLACK = timedelta(minutes=5)
_TRACKING_NO = re.compile(r"^[0-9A-Za-z-]{6,40}$")


def _china(instant: datetime) -> str:
    return instant.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def check_case_start(order: Order, opened_at: datetime, now: datetime) -> None:
    """A start time the window accepts: not in the future, not before the order."""
    if opened_at > now + _CLOCK_SLACK:
        raise InputError(f"开始时间：{_china(opened_at)} 还没到，请填写买家实际申请的时间。")
    placed = order.created_at or order.paid_at
    if placed and opened_at < from_text(placed):
        raise InputError(
            f"开始时间：不能早于下单时间 {_china(from_text(placed))}（订单 {order.order_no}）。"
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
        raise InputError("快递公司：请填写（如 中通快递）。")
    if not _TRACKING_NO.match(tracking_no):
        raise InputError(
            f"运单号：“{tracking_no}”不像运单号（6-40 位字母、数字或横线）。"
            if tracking_no
            else "运单号：请填写快递单上的运单号。"
        )
    if order.state not in (OrderState.PAID.value, OrderState.SHIPPED.value):
        raise InputError(
            f"订单 {order.order_no} 的状态是“{order.status or order.state}”，不能再标记发货。"
        )
    _check_step_time("发货时间", shipped_at, now, order.paid_at, "付款时间")
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
        raise InputError(f"{field}：{_china(at)} 还没到。")
    if after and at < from_text(after):
        raise InputError(f"{field}：不能早于{after_field} {_china(from_text(after))}。")


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
            f"订单 {order.order_no} 的状态是“{order.status or order.state}”：发货后才有签收时间。"
        )
    _check_step_time("签收时间", delivered_at, now, order.shipped_at, "发货时间")
    with store.transaction():
        store.db.execute(
            "UPDATE orders SET delivered_at = ?, updated_at = ? WHERE id = ?",
            [to_text(delivered_at), to_text(now), order_id],
        )
        refresh_due(store, order_ids=[order_id], now=max(now, delivered_at))
    return store.get_order(order_id)
