"""Pinduoduo (拼多多) rows -> records: the order export (one row per SKU) and the
after-sales export. What the status words mean is data: states.toml beside this file."""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from pathlib import Path

from shopdesk.domain.messages import Message
from shopdesk.domain.model import CaseKind, CaseState
from shopdesk.domain.timeutil import china_to_text
from shopdesk.importers.case_events import implied_events
from shopdesk.importers.cells import (
    CellError,
    clean_text,
    clean_tracking_no,
    is_scientific,
    mangled_number,
    normalize_status,
    parse_fen,
    parse_int,
    parse_order_no,
    parse_time,
)
from shopdesk.importers.layouts import Layout
from shopdesk.importers.records import Note, ParsedLine, ParsedOrder, ParsedRefund
from shopdesk.importers.rows import RowError
from shopdesk.platforms import words

_ORDER_NO = re.compile(r"^(\d{6})-\d{10,20}$")

UNKNOWN_ORDER_STATUS = Message("platform.pdd.unknown_order_status")
UNKNOWN_AFTER_SALES_STATUS = Message("platform.pdd.unknown_after_sales_status")
MANGLED_TRACKING = Message("platform.pdd.mangled_tracking")


@cache
def status_words() -> dict:
    return words.load(Path(__file__).parent)


def _word(name: str) -> str:
    """One of the other words of Pinduoduo's cells (states.toml [words])."""
    return status_words()["words"][name]


def parse_pdd_order_no(value: object) -> str:
    """`240613-861787953171000`: the creation date (yymmdd), a hyphen, then digits."""
    text = clean_text(value)
    if not text:
        raise CellError(Message("platform.pdd.order_no_empty"))
    if is_scientific(text) or isinstance(value, float):
        raise CellError(Message("platform.pdd.order_no_scientific"))
    if not _ORDER_NO.match(text):
        raise CellError(Message("platform.pdd.order_no_format"))
    return text


def _day_of(order_no: str) -> str | None:
    """The creation day the order number starts with, as UTC text of that China midnight."""
    digits = order_no[:6]
    try:
        day = datetime(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return None
    return china_to_text(day)


def order_state(status: str) -> str | None:
    known = status_words()["order_status"]
    if status in known:
        return known[status]
    return words.contained(status_words()["order_status_contains"], status)


class PddOrderParser:
    """Order export rows: each is an order (its amounts repeated on every SKU row) and one
    SKU line of it. Positions count per order in file order. Column positions are worked
    out once: the order export is the big file (100,000 orders of up to 82 columns)."""

    TIMES = ("paid_time", "formed_at", "ship_by_at", "shipped_at", "confirmed_at")
    MONEY = ("paid_fen", "goods_fen", "postage_fen")
    TEXTS = {  # stored field -> export field
        "item_titles": "title",
        "courier": "courier",
        "buyer_message": "buyer_message",
        "seller_note": "seller_note",
        "receiver_name": "receiver_name",
        "receiver_phone": "mobile",
    }

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._positions: dict[str, int] = {}
        index = layout.index
        self.at = index.get
        self.money = [(name, index[name]) for name in self.MONEY if name in index]
        self.times = [(name, index.get(name)) for name in self.TIMES]
        self.texts = [(name, index[field]) for name, field in self.TEXTS.items() if field in index]
        self.address = [
            index[name]
            for name in ("province", "city", "district", "street", "address")
            if name in index
        ]
        self.quantity = index.get("quantity")
        self.tracking = index.get("tracking_no")
        self.sku = index.get("sku_props")
        self.code = index.get("outer_code")
        self.total = "goods_fen" in index and "postage_fen" in index

    def _error(self, values: list[object], field: str, reason: str) -> RowError:
        position = self.layout.index.get(field)
        if position is None:
            return RowError(field, "", reason)
        return RowError(self.layout.names[position], clean_text(values[position]), reason)

    def __call__(self, number: int, values: list[object]) -> ParsedOrder:
        index = self.layout.index
        field = "order_no"
        out: dict[str, object] = {}
        precision: dict[str, str] = {}
        times: dict[str, str | None] = {}
        try:
            order_no = parse_pdd_order_no(values[index["order_no"]])
            field = "status"
            status = normalize_status(values[index["status"]])
            state = order_state(status)
            if state is None:
                raise CellError(UNKNOWN_ORDER_STATUS)
            for field, position in self.money:
                out[field] = parse_fen(values[position])
            for field, position in self.times:
                cell = values[position] if position is not None else "\t"
                if cell == "\t" or cell == "":  # PDD's empty cell: a bare tab
                    times[field] = None
                    continue
                at, exactness = parse_time(cell)
                times[field] = at
                if exactness:
                    precision[field] = exactness
            field = "quantity"
            quantity = parse_int(values[self.quantity]) if self.quantity is not None else 1
        except CellError as error:
            raise self._error(values, field, error.reason) from None
        for name, position in self.texts:
            cell = values[position]
            out[name] = "" if cell == "\t" else clean_text(cell)
        if self.address:
            out["receiver_address"] = "".join(clean_text(values[i]) for i in self.address)
        notes: list[Note] = []
        if self.tracking is not None:
            out["tracking_no"] = self._tracking(values[self.tracking], notes)
        paid_key = "paid_time" if times["paid_time"] else "formed_at"
        created_key = "formed_at" if times["formed_at"] else "paid_time"
        created_at = times[created_key]
        if created_at is None:
            created_at = _day_of(order_no)
            precision["created_at"] = "d"
        else:
            precision["created_at"] = precision.get(created_key, "s")
        out["created_at"] = created_at
        if index.get("paid_time") is not None or index.get("formed_at") is not None:
            out["paid_at"] = times[paid_key]
            if times[paid_key] is not None:
                precision["paid_at"] = precision.get(paid_key, "s")
                if paid_key == "formed_at":
                    # 成团 time standing in: it never replaces a stored 支付时间, and a
                    # 支付时间 replaces it (import_repo._merge_order reads "<field>.from").
                    precision["paid_at.from"] = "formed_at"
        precision.pop("paid_time", None)
        precision.pop("formed_at", None)
        for name in ("ship_by_at", "shipped_at", "confirmed_at"):
            if name in index:
                out[name] = times[name]
        if self.quantity is not None:
            out["item_count"] = quantity
        if self.total:
            out["total_fen"] = out["goods_fen"] + out["postage_fen"]
        goods = out.get("goods_fen", out["paid_fen"])
        position = self._positions.get(order_no, 0) + 1
        self._positions[order_no] = position
        line = ParsedLine(
            row=number,
            order_no=order_no,
            position=position,
            sub_order_no=None,
            title=out.get("item_titles", ""),
            price_fen=goods // quantity if quantity > 1 else goods,
            quantity=quantity,
            sku_props=clean_text(values[self.sku]) if self.sku is not None else "",
            outer_code=clean_text(values[self.code]) if self.code is not None else "",
            status=status,
        )
        return ParsedOrder(
            row=number,
            order_no=order_no,
            status=status,
            state=state,
            values=out,
            precision=precision,
            line=line,
            notes=tuple(notes),
        )

    def _tracking(self, raw: object, notes: list[Note]) -> str:
        text = clean_tracking_no(raw)
        if text and mangled_number(text, raw):
            notes.append(Note(self.layout.column_name("tracking_no"), text, MANGLED_TRACKING))
            return ""
        return text


def after_sales_state(status: str) -> CaseState | None:
    known = status_words()["after_sales_status"]
    if status in known:
        return CaseState(known[status])
    state = words.contained(status_words()["after_sales_status_contains"], status)
    return CaseState(state) if state else None


def _case_kind(refund_type: str, shipping_stage: str) -> CaseKind:
    kind = words.contained(status_words()["refund_type_contains"], refund_type)
    kind = kind or words.contained(status_words()["shipping_stage_contains"], shipping_stage)
    return CaseKind(kind) if kind else CaseKind.REFUND_UNSHIPPED


class PddRefundParser:
    """After-sales rows, keyed by 售后编号 and joined to orders on 订单编号."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout

    def __call__(self, number: int, values: list[object]) -> ParsedRefund:
        field = "refund_no"
        try:
            refund_no = parse_order_no(self.layout.cell(values, "refund_no"))
            field = "order_no"
            order_no = parse_pdd_order_no(self.layout.cell(values, "order_no"))
            field = "status"
            status = normalize_status(self.layout.text(values, "status"))
            state = after_sales_state(status)
            if state is None:
                raise CellError(UNKNOWN_AFTER_SALES_STATUS)
            field = "refund_fen"
            refund_fen = parse_fen(self.layout.cell(values, "refund_fen"))
            field = "paid_fen"
            paid_fen = (
                parse_fen(self.layout.cell(values, field)) if self.layout.has(field) else None
            )
            field = "applied_at"
            opened_at = parse_time(self.layout.cell(values, field))[0]
            if opened_at is None:
                raise CellError(Message("platform.pdd.no_applied_at"))
            field = "finished_at"
            finished_at = parse_time(self.layout.cell(values, field))[0]
        except CellError as error:
            name = self.layout.column_name(field) if self.layout.has(field) else field
            raise RowError(name, self.layout.text(values, field), error.reason) from None
        refund_type = self.layout.text(values, "refund_type")
        stage = self.layout.text(values, "shipping_stage")
        kind = _case_kind(refund_type, stage)
        if _word("speedy") in refund_type or _word("speedy") in status:
            # 极速退款: the platform refunded at once; no step and no clock is the seller's.
            state = CaseState.REFUNDED if _word("success") in status else CaseState.CLOSED
        reason = self.layout.text(values, "reason")
        tracking = ""
        if state is CaseState.RETURN_IN_TRANSIT:
            tracking = clean_tracking_no(self.layout.cell(values, "return_tracking"))
        events = implied_events(
            state,
            opened_at=opened_at,
            reason=reason,
            status=status,
            finished_at=finished_at,
            return_tracking=tracking,
        )
        return ParsedRefund(
            row=number,
            order_no=order_no,
            refund_no=refund_no,
            kind=kind.value,
            state=state.value,
            platform_status=status,
            refund_fen=refund_fen,
            opened_at=opened_at,
            closed_at=finished_at if not state.is_open else None,
            platform_deadline=None,  # the export carries no deadline column
            reason=reason,
            title=self.layout.text(values, "title"),
            paid_fen=paid_fen,
            events=events,
            order_state=words.contained(status_words()["shipping_stage_order_state"], stage),
        )
