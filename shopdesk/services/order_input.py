"""Checking what a seller types into the order form, with messages that name the field."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message
from shopdesk.domain.model import OrderState
from shopdesk.domain.timeutil import china_to_text
from shopdesk.platforms import registry

_ORDER_NO = re.compile(r"^[0-9A-Za-z_-]{4,40}$")


def parse_yuan(text: str, field: str) -> int:
    """'158.8', '¥1,009.00', '0元' -> fen. Never a float on the way."""
    cleaned = text.strip().replace("¥", "").replace("元", "").replace(",", "").replace("，", "")
    if not cleaned:
        return 0
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InputError("order.not_money", field=field, text=text) from None
    if value < 0 or value.as_tuple().exponent < -2:
        raise InputError("order.bad_money", field=field, text=text)
    return int(value * 100)


def parse_china_time(text: str, field: str) -> str | None:
    """'2026-11-28 14:20[:05]' in China time -> stored UTC text; empty -> None."""
    text = text.strip()
    if not text:
        return None
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M"):
        try:
            return china_to_text(datetime.strptime(text, pattern))
        except ValueError:
            continue
    raise InputError("order.not_a_time", field=field, text=text)


def check_order_form(values: dict[str, str]) -> dict:
    """The form's text fields -> the store's order values, or InputError naming the field."""
    order_no = values.get("order_no", "").strip()
    if not _ORDER_NO.match(order_no):
        raise InputError("order.bad_order_no")
    state = OrderState.parse(values.get("state", OrderState.PAID.value))
    paid_at = parse_china_time(values.get("paid_at", ""), Message("field.paid_at"))
    shipped_at = parse_china_time(values.get("shipped_at", ""), Message("field.shipped_at"))
    if shipped_at and paid_at and shipped_at < paid_at:
        raise InputError("order.shipped_before_paid")
    if state is not OrderState.UNPAID and not paid_at:
        raise InputError("order.paid_needs_time")
    return {
        "platform": values.get("platform") or registry.manual_id(),
        "order_no": order_no,
        "buyer_nick": values.get("buyer_nick", "").strip(),
        "receiver_name": values.get("receiver_name", "").strip(),
        "receiver_phone": values.get("receiver_phone", "").strip(),
        "receiver_address": values.get("receiver_address", "").strip(),
        "item_titles": values.get("item_titles", "").strip(),
        "paid_fen": parse_yuan(values.get("paid", ""), Message("field.paid")),
        "state": state.value,
        "status": state.label("zh-CN"),
        "paid_at": paid_at,
        "created_at": paid_at,
        "shipped_at": shipped_at,
        "courier": values.get("courier", "").strip(),
        "tracking_no": values.get("tracking_no", "").strip(),
        "seller_note": values.get("seller_note", "").strip(),
    }
