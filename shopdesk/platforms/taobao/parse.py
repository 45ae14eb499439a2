"""Taobao/Tmall rows -> records: the order report, the item report and the refund export."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from shopdesk.domain.messages import Message
from shopdesk.domain.model import CaseKind, CaseState, EventKind, OrderState
from shopdesk.importers.cells import (
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
from shopdesk.importers.layouts import Layout
from shopdesk.importers.records import ParsedLine, ParsedOrder, ParsedRefund, PlatformEvent
from shopdesk.importers.rows import Row, RowError
from shopdesk.platforms import words

UNKNOWN_ORDER_STATUS = Message("platform.taobao.unknown_order_status")
UNKNOWN_REFUND_STATUS = Message("platform.taobao.unknown_refund_status")


@cache
def status_words() -> dict:
    return words.load(Path(__file__).parent)


@cache
def _order_states() -> dict[str, OrderState]:
    return {word: OrderState(state) for word, state in status_words()["order_status"].items()}


@cache
def _refund_states() -> dict[str, CaseState]:
    return {word: CaseState(state) for word, state in status_words()["refund_status"].items()}


def order_state(status: str) -> OrderState | None:
    """ShopDesk's reading of an order status text (either comma), None if unknown."""
    normalized = normalize_status(status)
    known = _order_states()
    if normalized in known:
        return known[normalized]
    state = words.contained(status_words()["order_status_contains"], normalized)
    return OrderState(state) if state else None


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


class OrderParser:
    """Order report rows, with the layout's column positions worked out once (the order
    report is the big file: 100,000 rows of up to 71 columns)."""

    def __init__(self, layout: Layout) -> None:
        index = layout.index
        self.layout = layout
        self.texts = [(name, index[name]) for name in ORDER_TEXTS if name in index]
        self.money = [(name, index[name]) for name in ORDER_MONEY if name in index]
        self.times = [(name, index[name]) for name in ORDER_TIMES if name in index]
        self.phones = [index[name] for name in ("mobile", "phone") if name in index]
        self.optional = {
            name: index.get(name) for name in ("item_count", "tracking_no", "shop_name")
        }

    def _error(self, values: list[object], name: str, reason: str) -> RowError:
        position = self.layout.index[name]
        return RowError(self.layout.names[position], clean_text(values[position]), reason)

    def __call__(self, number: int, values: list[object]) -> ParsedOrder:
        index = self.layout.index
        name = "order_no"
        try:
            order_no = parse_order_no(values[index["order_no"]])
            status = normalize_status(values[index["status"]])
            state = order_state(status)
            if state is None:
                raise CellError(UNKNOWN_ORDER_STATUS)
            out: dict[str, object] = {name: clean_text(values[i]) for name, i in self.texts}
            for name, position in self.money:
                out[name] = parse_fen(values[position])
            precision: dict[str, str] = {}
            for name, position in self.times:
                at, exactness = parse_time(values[position])
                out[name] = at
                if exactness:
                    precision[name] = exactness
            name = "created_at"
            if out.get("created_at") is None:
                raise CellError(Message("platform.taobao.no_created_at"))
            position = self.optional["item_count"]
            if position is not None:
                name = "item_count"
                out["item_count"] = parse_int(values[position])
        except CellError as error:
            raise self._error(values, name, error.reason) from None
        position = self.optional["tracking_no"]
        if position is not None:
            out["tracking_no"] = clean_tracking_no(values[position])
        if self.phones:
            out["receiver_phone"] = next(
                (phone for phone in (clean_text(values[i]) for i in self.phones) if phone), ""
            )
        position = self.optional["shop_name"]
        return ParsedOrder(
            row=number,
            order_no=order_no,
            status=status,
            state=state.value,
            values=out,
            precision=precision,
            shop_name=clean_text(values[position]) if position is not None else "",
        )


def parse_order(row: Row) -> ParsedOrder:
    """One order row (see OrderParser, which the importer uses for whole files)."""
    return OrderParser(row.layout)(row.number, row.values)


class LineParser:
    """Item report rows; remembers each order's line count to give lines their position."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._positions: dict[str, int] = {}
        index = layout.index
        self.sub = index.get("sub_order_no")
        self.order_no = index["order_no"]
        self.title = index["title"]
        self.price = index["price_fen"]
        self.quantity = index["quantity"]
        self.sku = index.get("sku_props")
        self.code = index.get("outer_code")
        self.status = index.get("status")

    def __call__(self, number: int, values: list[object]) -> ParsedLine:
        position = self.order_no
        try:
            order_no = parse_order_no(values[position])
            sub_order_no = None
            if self.sub is not None and clean_text(values[self.sub]):
                position = self.sub
                sub_order_no = parse_order_no(values[position])
            position = self.price
            price = parse_fen(values[position])
            position = self.quantity
            quantity = parse_int(values[position])
        except CellError as error:
            raise RowError(
                self.layout.names[position], clean_text(values[position]), error.reason
            ) from None
        outer_code = clean_text(values[self.code]) if self.code is not None else ""
        if outer_code.lower() == "null":
            outer_code = ""
        line_position = self._positions.get(order_no, 0) + 1
        self._positions[order_no] = line_position
        return ParsedLine(
            row=number,
            order_no=order_no,
            position=line_position,
            sub_order_no=sub_order_no,
            title=clean_text(values[self.title]),
            price_fen=price,
            quantity=quantity,
            sku_props=clean_text(values[self.sku]) if self.sku is not None else "",
            outer_code=outer_code,
            status=normalize_status(values[self.status]) if self.status is not None else "",
        )


def refund_state(status: str) -> CaseState | None:
    return _refund_states().get(normalize_status(status))


def intervened(text: str) -> bool:
    """客服介入状态: 需要客服介入 / 客服介入中 ... yes; 不需要客服介入 / 未介入 / 无 ... no."""
    text = text.strip()
    said = status_words()["words"]
    return (
        bool(text)
        and said["intervened"] in text
        and not text.startswith(tuple(said["not_intervened"]))
    )


def was_shipped(row: Row) -> bool:
    """Whether the goods had left the shop when the buyer asked. 买家已收到货 / 买家已退货
    say so; 买家未收到货 does not (it is also what an order not yet shipped shows), so
    then the shipping record or 售后 (after the deal closed) decide."""
    said = status_words()["words"]
    goods = row.text("goods_status")
    if said["unshipped"] in goods:
        return False
    if goods.startswith(said["buyer_already"]):
        return True
    if row.text("ship_logistics"):
        return True
    phase = row.text("phase")
    return phase.startswith(said["after_sale"])


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
        raise RowError(row.layout.column_name("status"), status, UNKNOWN_REFUND_STATUS)
    refund_fen = row.parsed("refund_fen", parse_fen)
    opened_at = _time(row, "applied_at")
    if opened_at is None:
        raise RowError(
            row.layout.column_name("applied_at"), "", Message("platform.taobao.no_applied_at")
        )
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
    if refund_state(status) is CaseState.REFUSED:  # 卖家拒绝退款
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
