"""Taobao/Tmall rows -> records: the order report, the item report and the refund export."""

from __future__ import annotations

from collections.abc import Callable

from shopdesk.core.importers.cells import (
    CellError,
    clean_text,
    clean_tracking_no,
    normalize_status,
    parse_fen,
    parse_int,
    parse_order_no,
    parse_time,
    parse_yes,
)
from shopdesk.core.importers.layouts import Layout
from shopdesk.core.importers.records import ParsedLine, ParsedOrder, ParsedRefund, PlatformEvent
from shopdesk.core.model import CaseKind, CaseState, EventKind, OrderState


class RowError(Exception):
    """A row that cannot be imported: the column, the value and the reason."""

    def __init__(self, column: str, value: object, reason: str) -> None:
        super().__init__(reason)
        self.column = column
        self.value = "" if value is None else str(value)
        self.reason = reason


class Row:
    """One data row seen through its layout."""

    def __init__(self, layout: Layout, number: int, values: list[object]) -> None:
        self.layout = layout
        self.number = number
        self.values = values

    def raw(self, field: str) -> object:
        position = self.layout.index.get(field)
        if position is None or position >= len(self.values):
            return None
        return self.values[position]

    def text(self, field: str) -> str:
        return clean_text(self.raw(field))

    def parsed(self, field: str, parse: Callable[[object], object]):
        value = self.raw(field)
        try:
            return parse(value)
        except CellError as error:
            raise RowError(self.layout.column_name(field), clean_text(value), str(error)) from None


ORDER_STATES = {
    "等待买家付款": OrderState.UNPAID,
    "买家已付款，等待卖家发货": OrderState.PAID,
    "卖家已发货，等待买家确认": OrderState.SHIPPED,
    "交易成功": OrderState.SUCCESS,
    "交易关闭": OrderState.CLOSED,
}


def order_state(status: str) -> OrderState | None:
    """ShopDesk's reading of an order status text (either comma), None if unknown."""
    normalized = normalize_status(status)
    if normalized in ORDER_STATES:
        return ORDER_STATES[normalized]
    for words, state in (
        (("关闭",), OrderState.CLOSED),
        (("成功",), OrderState.SUCCESS),
        (("已发货", "部分发货"), OrderState.SHIPPED),
        (("等待卖家发货", "已付款"), OrderState.PAID),
        (("等待买家付款",), OrderState.UNPAID),
    ):
        if any(word in normalized for word in words):
            return state
    return None


ORDER_MONEY = ("goods_fen", "postage_fen", "total_fen", "paid_fen", "refund_fen")
ORDER_TIMES = ("created_at", "paid_at", "shipped_at", "confirmed_at")
ORDER_TEXTS = (
    "buyer_nick",
    "buyer_message",
    "receiver_name",
    "receiver_address",
    "item_titles",
    "courier",
    "seller_note",
    "closed_reason",
)


def parse_order(row: Row) -> ParsedOrder:
    order_no = row.parsed("order_no", parse_order_no)
    status = normalize_status(row.text("status"))
    state = order_state(status)
    if state is None:
        raise RowError(row.layout.column_name("status"), status, "未知的订单状态")
    values: dict[str, object] = {}
    precision: dict[str, str] = {}
    layout = row.layout
    for field in ORDER_TEXTS:
        if layout.has(field):
            values[field] = row.text(field)
    for field in ORDER_MONEY:
        if layout.has(field):
            values[field] = row.parsed(field, parse_fen)
    for field in ORDER_TIMES:
        if layout.has(field):
            at, exactness = row.parsed(field, parse_time)
            values[field] = at
            if exactness:
                precision[field] = exactness
    if values.get("created_at") is None:
        raise RowError(layout.column_name("created_at"), row.raw("created_at"), "订单创建时间为空")
    if layout.has("item_count"):
        values["item_count"] = row.parsed("item_count", parse_int)
    if layout.has("tracking_no"):
        values["tracking_no"] = clean_tracking_no(row.raw("tracking_no"))
    if layout.has("mobile") or layout.has("phone"):
        values["receiver_phone"] = row.text("mobile") or row.text("phone")
    return ParsedOrder(
        row=row.number,
        order_no=order_no,
        status=status,
        state=state.value,
        values=values,
        precision=precision,
        shop_name=row.text("shop_name"),
    )


class LineParser:
    """Item report rows; remembers each order's line count to give lines their position."""

    def __init__(self) -> None:
        self._positions: dict[str, int] = {}

    def __call__(self, row: Row) -> ParsedLine:
        order_no = row.parsed("order_no", parse_order_no)
        sub_order_no = None
        if row.layout.has("sub_order_no") and row.text("sub_order_no"):
            sub_order_no = row.parsed("sub_order_no", parse_order_no)
        title = row.text("title")
        price = row.parsed("price_fen", parse_fen)
        quantity = row.parsed("quantity", parse_int)
        outer_code = row.text("outer_code")
        if outer_code.lower() == "null":
            outer_code = ""
        position = self._positions.get(order_no, 0) + 1
        self._positions[order_no] = position
        return ParsedLine(
            row=row.number,
            order_no=order_no,
            position=position,
            sub_order_no=sub_order_no,
            title=title,
            price_fen=price,
            quantity=quantity,
            sku_props=row.text("sku_props"),
            outer_code=outer_code,
            status=normalize_status(row.text("status")),
        )


REFUND_STATES = {
    "买家已经申请退款，等待卖家同意": CaseState.AWAITING_SELLER,
    "卖家已经同意退款，等待买家退货": CaseState.AWAITING_RETURN,
    "买家已经退货，等待卖家确认收货": CaseState.RETURN_IN_TRANSIT,
    "卖家拒绝退款": CaseState.REFUSED,
    "退款关闭": CaseState.CLOSED,
    "退款成功": CaseState.REFUNDED,
}
_NOT_INTERVENED = ("不", "未", "无", "否", "没有")


def refund_state(status: str) -> CaseState | None:
    return REFUND_STATES.get(normalize_status(status))


def intervened(text: str) -> bool:
    """客服介入状态: 需要客服介入 / 客服介入中 ... yes; 不需要客服介入 / 未介入 / 无 ... no."""
    text = text.strip()
    return bool(text) and "介入" in text and not text.startswith(_NOT_INTERVENED)


def was_shipped(row: Row) -> bool:
    goods = row.text("goods_status")
    if "未发货" in goods:
        return False
    if goods.startswith("买家"):  # 买家已收到货 / 买家未收到货: the goods left the shop
        return True
    if row.text("ship_logistics"):
        return True
    phase = row.text("phase")
    return phase.startswith("售后")


def refund_kind(row: Row) -> CaseKind:
    if parse_yes(row.raw("need_return")):
        return CaseKind.RETURN_REFUND
    return CaseKind.REFUND_SHIPPED if was_shipped(row) else CaseKind.REFUND_UNSHIPPED


def _time(row: Row, field: str) -> str | None:
    if not row.layout.has(field):
        return None
    return row.parsed(field, parse_time)[0]


def parse_refund(row: Row) -> ParsedRefund:
    order_no = row.parsed("order_no", parse_order_no)
    refund_no = row.parsed("refund_no", parse_order_no)
    status = normalize_status(row.text("status"))
    state = refund_state(status)
    if state is None:
        raise RowError(row.layout.column_name("status"), status, "未知的退款状态")
    refund_fen = row.parsed("refund_fen", parse_fen)
    opened_at = _time(row, "applied_at")
    if opened_at is None:
        raise RowError(row.layout.column_name("applied_at"), "", "退款的申请时间为空")
    finished_at = _time(row, "finished_at") or _time(row, "done_at")
    returned_at = _time(row, "returned_at")
    deadline = _time(row, "deadline")
    kind = refund_kind(row)
    intervention = row.text("intervention")
    if intervened(intervention) and state.is_open:
        state = CaseState.INTERVENTION

    events = [PlatformEvent(EventKind.OPENED.value, opened_at, row.text("reason"))]
    agreed = state in (CaseState.AWAITING_RETURN, CaseState.RETURN_IN_TRANSIT) or (
        kind is CaseKind.RETURN_REFUND and returned_at is not None
    )
    if agreed:
        events.append(PlatformEvent(EventKind.SELLER_AGREED.value, returned_at))
    if returned_at is not None:
        courier = row.text("return_courier")
        tracking = clean_tracking_no(row.raw("return_tracking"))
        events.append(
            PlatformEvent(
                EventKind.BUYER_SHIPPED_RETURN.value, returned_at, f"{courier} {tracking}".strip()
            )
        )
    if normalize_status(status) == "卖家拒绝退款":
        events.append(PlatformEvent(EventKind.SELLER_REFUSED.value, None))
    if intervened(intervention):
        events.append(PlatformEvent(EventKind.PLATFORM_INTERVENED.value, finished_at, intervention))
    if state is CaseState.REFUNDED:
        events.append(PlatformEvent(EventKind.REFUNDED.value, finished_at, status))
    elif state is CaseState.CLOSED:
        events.append(PlatformEvent(EventKind.CLOSED.value, finished_at, status))
    paid_fen = row.parsed("paid_fen", parse_fen) if row.layout.has("paid_fen") else None
    return ParsedRefund(
        row=row.number,
        order_no=order_no,
        refund_no=refund_no,
        kind=kind.value,
        state=state.value,
        platform_status=status,
        refund_fen=refund_fen,
        opened_at=opened_at,
        closed_at=finished_at if not state.is_open else None,
        platform_deadline=deadline if state.is_open else None,
        reason=row.text("reason"),
        description=row.text("description"),
        title=row.text("title"),
        buyer_nick=row.text("buyer_nick"),
        paid_fen=paid_fen,
        events=tuple(events),
    )
