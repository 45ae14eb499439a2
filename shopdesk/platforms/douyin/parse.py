"""Douyin shop (抖店) rows -> records: the order export (one row per 子订单) and the 售后
export. Facts: shared/domain/platforms/douyin.md. What the status words mean is data:
states.toml beside this file.

A 主订单's values come from all its 子订单 rows (paid = the sum of 订单应付金额 - 支付优惠,
refunded = the paid of those whose 售后状态 says the money went back, the status from the
statuses of its 子订单), so the order parser holds the rows of one
主订单 (the export writes them together) and hands them out when the next one begins."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from shopdesk.domain.messages import Message
from shopdesk.domain.model import CaseKind, CaseState, EventKind
from shopdesk.importers.case_events import implied_events
from shopdesk.importers.cells import (
    CellError,
    china_time,
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
from shopdesk.importers.records import Note, ParsedLine, ParsedOrder, ParsedRefund, PlatformEvent
from shopdesk.importers.rows import RowError
from shopdesk.platforms import words

EMPTY = "-"  # 抖店's empty cell
DONE_WINDOW = 10_000  # 主订单 kept after they are handed out (rows of one come together)

UNKNOWN_ORDER_STATUS = Message("platform.douyin.unknown_order_status")
UNKNOWN_AFTER_SALES_STATUS = Message("platform.douyin.unknown_after_sales_status")
MANGLED_KEY = Message("platform.douyin.mangled_key")
MANGLED_WAYBILL = Message("platform.douyin.mangled_waybill")
MANGLED_CODE = Message("platform.douyin.mangled_code")
MANGLED_RETURN_WAYBILL = Message("platform.douyin.mangled_return_waybill")
MANGLED_SHIP_WAYBILL = Message("platform.douyin.mangled_ship_waybill")
FAR_APART = Message("platform.douyin.far_apart")
NEGATIVE_REFUND = Message("platform.douyin.negative_refund")
NO_APPLIED_AT = Message("platform.douyin.no_applied_at")


@cache
def status_words() -> dict:
    return words.load(Path(__file__).parent)


def _word(name: str) -> str:
    """One of the other words of Douyin's cells (states.toml [words])."""
    return status_words()["words"][name]


def _text(value: object) -> str:
    """A cell's text, `-` (抖店's empty) as empty; the tab 抖店 puts before ids is trimmed."""
    if type(value) is str:
        text = value.strip()
        if text == EMPTY:
            return ""
        if not text or (text[0] not in "='" and text.isprintable()):
            return text  # the common cell: nothing else to undo
    text = clean_text(value)
    return "" if text == EMPTY else text


def _key(value: object) -> str:
    """A 主订单编号 / 子订单编号 / 售后单号: digits only, never a number Excel rounded."""
    if type(value) is str:
        text = value.strip()
        if text.isdigit() and text.isascii() and not text.endswith("000"):
            return text  # the common cell (a number Excel cut to 15 digits ends in zeros)
        if is_scientific(text):
            raise CellError(MANGLED_KEY)
    return parse_order_no(value)


# Amounts and counts repeat (prices, 0.00, 1): each cell text is read once.
_FEN: dict[str, int] = {}
_COUNTS: dict[str, int] = {}
_SEEN_LIMIT = 50_000


def _remembered(seen: dict[str, int], read, value: object) -> int:
    """`read(value)` of a text cell, from `seen` when the same text came before."""
    if type(value) is not str:
        return read(_text(value))
    found = seen.get(value)
    if found is None:
        found = read(_text(value))
        if len(seen) < _SEEN_LIMIT:
            seen[value] = found
    return found


def _money(value: object) -> int:
    """A money cell (`-`: 0) in fen; CellError as parse_fen says."""
    return _remembered(_FEN, parse_fen, value)


def _count(value: object) -> int:
    """A 商品数量 cell (`-`: 0); CellError as parse_int says."""
    return _remembered(_COUNTS, parse_int, value)


def _cell_text(values: list[object], position: int | None) -> str:
    """The text of the cell at `position` ('' when the export has no such column)."""
    return "" if position is None else _text(values[position])


def parse_express(text: str) -> tuple[list[str], list[str], list[str]]:
    """快递信息 `运单号-快递公司,商品名称-商品ID,数量;` (parcels joined by `;`) -> the
    waybills and couriers (each once, in order) and the waybills Excel mangled."""
    waybills: list[str] = []
    couriers: list[str] = []
    mangled: list[str] = []
    for parcel in text.replace("；", ";").split(";"):
        head = parcel.strip().split(",", 1)[0].strip()
        if not head or head == EMPTY:
            continue
        # the courier's name has no hyphen; a waybill may (JD's `JDVA…-1-1`)
        waybill, dash, courier = head.rpartition("-")
        if not dash or not courier.strip() or courier.strip().isdigit():
            waybill, courier = head, ""
        waybill, courier = waybill.strip(), courier.strip()
        if mangled_number(waybill):
            mangled.append(waybill)
        elif waybill and waybill not in waybills:
            waybills.append(waybill)
        if courier and courier not in couriers:
            couriers.append(courier)
    return waybills, couriers, mangled


def order_state(status: str) -> str | None:
    known = status_words()["order_status"]
    if status in known:
        return known[status]
    return words.contained(status_words()["order_status_contains"], status)


# How far a 子订单 has got: the 主订单 shows its most advanced one (待发货 < 已发货 < 已完成).
_PROGRESS = {"unpaid": 0, "paid": 1, "shipped": 2, "success": 3}


@dataclass(slots=True)
class _SubOrder:
    """What a 子订单 row adds to its 主订单."""

    record_row: int
    status: str
    state: str
    gift: bool
    refunded: bool  # 售后状态 says its money went back (退款成功, 已全额退款, ...)
    paid_fen: int
    payable_fen: int
    unit_price_fen: int
    postage_fen: int
    quantity: int
    title: str
    created_at: str | None
    paid_at: str | None
    ship_by_at: str | None
    shipped_at: str | None
    finished_at: str | None
    cancel_reason: str
    waybills: tuple[str, ...]
    couriers: tuple[str, ...]
    texts: dict[str, str]
    precision: dict[str, str]
    sub_order_no: str
    sku_props: str
    outer_code: str
    kept: tuple[str, ...]
    notes: tuple[Note, ...]


def order_status(subs: list[_SubOrder]) -> tuple[str, str]:
    """The 主订单's status word and state: 已关闭 only when every 子订单 that is not a gift
    is closed, else the most advanced status of its open 子订单 (a gift's does not count,
    nor one refunded in full by its 售后状态 while another is still under way: a 子订单
    refunded after shipping does not hide the one still to ship)."""
    counted = [sub for sub in subs if not sub.gift] or subs
    open_subs = [sub for sub in counted if sub.state != "closed"]
    if not open_subs:
        return counted[0].status, "closed"
    live = [sub for sub in open_subs if not sub.refunded] or open_subs
    best = max(live, key=lambda sub: _PROGRESS.get(sub.state, 0))
    return best.status, best.state


def refunded_status(status: str) -> bool:
    """Whether an order row's 售后状态 (退款成功, 已全额退款, 同意退款，退款成功; `-`: none)
    says the 子订单's money went back to the buyer. 售后关闭 and open words do not."""
    return bool(status) and after_sales_state(normalize_status(status)) is CaseState.REFUNDED


class DouyinOrderParser:
    """Order export rows -> one ParsedOrder per row (each with its 子订单 as the line),
    handed out when its 主订单 is complete: every record of a 主订单 carries the order's
    values worked out from all its rows. `grouped`: the reader calls `finish()` at the end."""

    grouped = True
    TIMES = ("created_at", "paid_time", "ship_by_at", "shipped_at", "finished_at")
    TEXTS = {  # stored field -> export field
        "buyer_message": "buyer_message",
        "seller_note": "seller_note",
        "receiver_name": "receiver_name",
        "receiver_phone": "mobile",
    }

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        index = layout.index
        self.index = index
        at = index.get
        # where each cell is (None: the seller's export has no such column)
        self._order_at = index["order_no"]
        self._sub_at = index["sub_order_no"]
        self._status_at = index["status"]
        self._payable_at = index["payable"]
        self._discount_at = at("pay_discount")
        self._postage_at = at("postage")
        self._price_at = at("unit_price")
        self._quantity_at = at("quantity")
        self._title_at = at("title")
        self._cancel_at = at("cancel_reason")
        self._express_at = at("express")
        self._code_at = at("outer_code")
        self._spu_at = at("spu_code")
        self._after_sales_at = at("after_sales_status")
        self._refunded: dict[str, bool] = {}  # 售后状态 text -> refunded; a few words
        self._props_at = at("sku_props")
        self.times = [(name, index[name]) for name in self.TIMES if name in index]
        self.texts = [(name, index[field]) for name, field in self.TEXTS.items() if field in index]
        self.address = [
            index[name]
            for name in ("province", "city", "district", "street", "address")
            if name in index
        ]
        self._gift = _word("gift")
        # the times of a 主订单 of one 子订单 (when exported): stored field, export field,
        # the _SubOrder's attribute
        self._single_times = [
            (name, key, attribute)
            for name, key, attribute in (
                ("paid_at", "paid_time", "paid_at"),
                ("ship_by_at", "ship_by_at", "ship_by_at"),
                ("shipped_at", "shipped_at", "shipped_at"),
                ("confirmed_at", "finished_at", "finished_at"),
            )
            if key in index
        ]
        # 订单状态 cells as written -> (status word, state); a few words, many rows
        self._statuses: dict[str, tuple[str, str]] = {}
        self._current: str | None = None
        self._subs: dict[str, _SubOrder] = {}  # the current 主订单's 子订单, by number
        self._rows: list[_SubOrder] = []  # its rows not handed out yet, repeats included
        # The 主订单 handed out last, should more of their rows come later in the file (a
        # repeated row, two exports pasted together); older ones are only remembered.
        self._done: OrderedDict[str, dict[str, _SubOrder]] = OrderedDict()
        self._forgotten: set[str] = set()

    def _cell(self, values: list[object], field: str) -> object:
        position = self.index.get(field)
        return values[position] if position is not None else None

    def _error(self, values: list[object], field: str, reason: str) -> RowError:
        position = self.index.get(field)
        if position is None:
            return RowError(field, "", reason)
        return RowError(self.layout.names[position], clean_text(values[position]), reason)

    def _status(self, value: object) -> tuple[str, str]:
        """The 订单状态 cell's word and state (CellError: a word ShopDesk cannot read)."""
        known = self._statuses.get(value) if type(value) is str else None
        if known is not None:
            return known
        status = normalize_status(_text(value))
        state = order_state(status)
        if state is None:
            raise CellError(UNKNOWN_ORDER_STATUS)
        if type(value) is str and len(self._statuses) < 1000:
            self._statuses[value] = (status, state)
        return status, state

    def __call__(self, number: int, values: list[object]) -> list[ParsedOrder]:
        field = "order_no"
        times: dict[str, str | None] = {}
        precision: dict[str, str] = {}
        try:
            order_no = _key(values[self._order_at])
            if order_no != self._current and order_no in self._forgotten:
                raise CellError(FAR_APART)
            field = "sub_order_no"
            sub_no = _key(values[self._sub_at])
            field = "status"
            status, state = self._status(values[self._status_at])
            field = "payable"
            payable = _money(values[self._payable_at])
            field = "pay_discount"
            position = self._discount_at
            discount = 0 if position is None else _money(values[position])
            field = "postage"
            position = self._postage_at
            postage = 0 if position is None else _money(values[position])
            field = "unit_price"
            position = self._price_at
            unit_price = 0 if position is None else _money(values[position])
            for field, position in self.times:
                value = values[position]
                at = china_time(value) if type(value) is str else None
                if at is not None:  # the export's own form
                    times[field] = at
                    precision[field] = "s"
                    continue
                text = _text(value)
                if not text:
                    times[field] = None
                    continue
                at, exactness = parse_time(text)
                times[field] = at
                if at is not None and exactness:
                    precision[field] = exactness
            field = "quantity"
            position = self._quantity_at
            quantity = 1 if position is None else _count(values[position])
        except CellError as error:
            raise self._error(values, field, error.reason) from None
        notes: list[Note] = []
        title = _cell_text(values, self._title_at)
        cancel_reason = _cell_text(values, self._cancel_at)
        after_sales = _cell_text(values, self._after_sales_at)
        refunded = self._refunded.get(after_sales)
        if refunded is None:
            refunded = refunded_status(after_sales)
            if len(self._refunded) < 1000:
                self._refunded[after_sales] = refunded
        waybills: tuple[str, ...] = ()
        couriers: tuple[str, ...] = ()
        if self._express_at is not None:
            express = _text(values[self._express_at])
            if express:
                found, names, mangled = parse_express(express)
                waybills, couriers = tuple(found), tuple(names)
                if mangled:
                    name = self.layout.column_name("express")
                    notes.extend(Note(name, waybill, MANGLED_WAYBILL) for waybill in mangled)
        code_raw = values[self._code_at] if self._code_at is not None else None
        outer_code = _text(code_raw)
        kept: tuple[str, ...] = ()
        if outer_code and mangled_number(outer_code, code_raw):
            notes.append(Note(self.layout.column_name("outer_code"), outer_code, MANGLED_CODE))
            outer_code, kept = "", ("outer_code",)
        if not outer_code and not kept:
            spu = _cell_text(values, self._spu_at)
            outer_code = "" if mangled_number(spu) else spu
        texts = {name: _text(values[position]) for name, position in self.texts}
        if self.address:
            texts["receiver_address"] = "".join([_text(values[i]) for i in self.address])
        # A gift line: cancelled because its main item's after-sale completed, or free.
        gift = self._gift in cancel_reason or (
            payable == 0 and (unit_price == 0 or self._gift in title)
        )
        sub = _SubOrder(
            record_row=number,
            status=status,
            state=state,
            gift=gift,
            refunded=refunded,
            paid_fen=max(payable - discount, 0),
            payable_fen=payable,
            unit_price_fen=unit_price,
            postage_fen=postage,
            quantity=quantity,
            title=title,
            created_at=times.get("created_at"),
            paid_at=times.get("paid_time"),
            ship_by_at=times.get("ship_by_at"),
            shipped_at=times.get("shipped_at"),
            finished_at=times.get("finished_at"),
            cancel_reason=cancel_reason,
            waybills=waybills,
            couriers=couriers,
            texts=texts,
            precision=precision,
            sub_order_no=sub_no,
            sku_props=_cell_text(values, self._props_at),
            outer_code=outer_code,
            kept=kept,
            notes=tuple(notes),
        )
        out: list[ParsedOrder] = []
        if order_no != self._current:
            out = self._hand_out()
            self._current = order_no
            self._subs = self._done.pop(order_no, {})  # a 主订单 seen earlier in the file
        self._subs[sub_no] = sub  # a repeated 子订单 row replaces the first
        self._rows.append(sub)
        return out

    def finish(self) -> list[ParsedOrder]:
        out = self._hand_out()
        self._current = None
        return out

    def _hand_out(self) -> list[ParsedOrder]:
        """The records of the 主订单 read so far: one per row, all with its values."""
        if self._current is None:
            return []
        rows, self._rows = self._rows, []
        done = self._done
        done[self._current] = self._subs
        if len(done) > DONE_WINDOW:
            self._forgotten.add(done.popitem(last=False)[0])
        positions: dict[str, int] | None = None
        if len(self._subs) == 1:  # most 主订单: one 子订单, its own values
            (only,) = self._subs.values()
            status, state = only.status, only.state
            values, precision = self._single_values(only, state)
        else:
            subs = list(self._subs.values())
            status, state = order_status(subs)
            values, precision = self._order_values(subs, state)
            positions = {sub_no: position for position, sub_no in enumerate(self._subs, 1)}
        records = []
        order_no = self._current
        for sub in rows:
            line = ParsedLine(
                sub.record_row,
                order_no,
                positions[sub.sub_order_no] if positions else 1,
                sub.sub_order_no,
                sub.title,
                sub.unit_price_fen,
                sub.quantity,
                sub.sku_props,
                sub.outer_code,
                sub.status,
                sub.kept,
            )
            records.append(
                ParsedOrder(
                    row=sub.record_row,
                    order_no=self._current,
                    status=status,
                    state=state,
                    values=values,
                    precision=precision,
                    line=line,
                    notes=sub.notes,
                )
            )
        return records

    def _order_values(
        self, subs: list[_SubOrder], state: str
    ) -> tuple[dict[str, object], dict[str, str]]:
        if len(subs) == 1:
            return self._single_values(subs[0], state)
        index = self.index
        first = subs[0]
        out: dict[str, object] = dict(first.texts)
        precision: dict[str, str] = {}

        def earliest(name: str, found: list[tuple[str, str]]) -> None:
            if found:
                at, exactness = min(found)
                out[name] = at
                precision[name] = exactness

        def times(attribute: str, key: str, among: list[_SubOrder]) -> list[tuple[str, str]]:
            return [
                (getattr(sub, attribute), sub.precision.get(key, "s"))
                for sub in among
                if getattr(sub, attribute)
            ]

        earliest("created_at", times("created_at", "created_at", subs))
        if "paid_time" in index:
            out["paid_at"] = None
            earliest("paid_at", times("paid_at", "paid_time", subs))
        if "created_at" not in out:
            out["created_at"] = out.get("paid_at")
            if "paid_at" in precision:
                precision["created_at"] = precision["paid_at"]
        if "ship_by_at" in index:
            # the promise of what is still to ship (else the order's first)
            waiting = [sub for sub in subs if sub.state == "paid"] or subs
            out["ship_by_at"] = None
            earliest("ship_by_at", times("ship_by_at", "ship_by_at", waiting))
        if "shipped_at" in index:
            # a 子订单 refunded after it was sent says nothing of when the rest ship
            sent = [sub for sub in subs if not sub.refunded] or subs
            out["shipped_at"] = None
            earliest("shipped_at", times("shipped_at", "shipped_at", sent))
        if "finished_at" in index:
            out["confirmed_at"] = None
            if state == "success":
                done = times("finished_at", "finished_at", subs)
                if done:
                    at, exactness = max(done)
                    out["confirmed_at"] = at
                    precision["confirmed_at"] = exactness
        out["paid_fen"] = sum(sub.paid_fen for sub in subs)
        out["total_fen"] = sum(sub.payable_fen for sub in subs)
        if "after_sales_status" in index:
            out["refund_fen"] = sum(sub.paid_fen for sub in subs if sub.refunded)
        if "postage" in index:
            out["postage_fen"] = sum(sub.postage_fen for sub in subs)
        out["item_count"] = sum(sub.quantity for sub in subs)
        out["item_titles"] = "，".join(dict.fromkeys(sub.title for sub in subs if sub.title))
        if "cancel_reason" in index:
            reasons = [sub.cancel_reason for sub in subs if sub.cancel_reason and not sub.gift]
            out["closed_reason"] = reasons[0] if state == "closed" and reasons else ""
        if "express" in index:
            waybills = dict.fromkeys(w for sub in subs for w in sub.waybills)
            couriers = dict.fromkeys(c for sub in subs for c in sub.couriers)
            out["tracking_no"] = ",".join(waybills)
            out["courier"] = ",".join(couriers)
        return out, precision

    def _single_values(
        self, sub: _SubOrder, state: str
    ) -> tuple[dict[str, object], dict[str, str]]:
        """The values of a 主订单 of one 子订单 (most are): the same as `_order_values`
        gives, without the comparing."""
        out: dict[str, object] = dict(sub.texts)
        exact = sub.precision
        precision = {}
        created = sub.created_at or sub.paid_at
        out["created_at"] = created
        if created is not None:
            precision["created_at"] = exact.get(
                "created_at" if sub.created_at else "paid_time", "s"
            )
        for name, key, attribute in self._single_times:
            at = getattr(sub, attribute)
            if name == "confirmed_at" and state != "success":
                at = None
            out[name] = at
            if at is not None:
                precision[name] = exact.get(key, "s")
        out["paid_fen"] = sub.paid_fen
        out["total_fen"] = sub.payable_fen
        if self._after_sales_at is not None:
            out["refund_fen"] = sub.paid_fen if sub.refunded else 0
        if self._postage_at is not None:
            out["postage_fen"] = sub.postage_fen
        out["item_count"] = sub.quantity
        out["item_titles"] = sub.title
        if self._cancel_at is not None:
            closed = state == "closed" and not sub.gift
            out["closed_reason"] = sub.cancel_reason if closed else ""
        if self._express_at is not None:
            out["tracking_no"] = ",".join(sub.waybills)
            out["courier"] = ",".join(sub.couriers)
        return out, precision


def after_sales_state(status: str) -> CaseState | None:
    known = status_words()["after_sales_status"]
    if status in known:
        return CaseState(known[status])
    state = words.contained(status_words()["after_sales_status_contains"], status)
    return CaseState(state) if state else None


def case_kind(after_sale_type: str, ship_stage: str) -> CaseKind:
    """售后类型 未发货退款 / 已发货退款 / 退货退款 / 换货 (2022: 未发货仅退款 / 已发货仅退款)."""
    kinds = status_words()["after_sale_type"]
    if after_sale_type in kinds:
        return CaseKind(kinds[after_sale_type])
    kind = words.contained(status_words()["after_sale_type_contains"], after_sale_type)
    kind = kind or words.contained(status_words()["ship_stage_contains"], ship_stage)
    return CaseKind(kind) if kind else CaseKind.REFUND_SHIPPED


def parse_discount(value: object) -> int:
    """退支付优惠 is written as a deduction (`-1.50`): its size in fen."""
    text = _text(value)
    return parse_fen(text[1:] if text.startswith("-") else text)


class DouyinRefundParser:
    """售后 rows, keyed by 售后单号 and joined to orders on 订单号 (= 主订单编号); 商品单号
    (= 子订单编号) is checked like a key. 自动处理截止时间 of an open row is the platform's
    deadline of the case's current step."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout

    def _t(self, values: list[object], field: str) -> str:
        return _text(self.layout.cell(values, field))

    def _time(self, values: list[object], field: str) -> str | None:
        return parse_time(_text(self.layout.cell(values, field)))[0]

    def __call__(self, number: int, values: list[object]) -> ParsedRefund:
        field = "refund_no"
        try:
            refund_no = _key(self.layout.cell(values, field))
            field = "order_no"
            order_no = _key(self.layout.cell(values, field))
            field = "sub_order_no"
            sub_order_no = None
            if self.layout.has(field):
                sub_order_no = _key(self.layout.cell(values, field))
            field = "status"
            status = normalize_status(self._t(values, field))
            state = after_sales_state(status)
            if state is None:
                raise CellError(UNKNOWN_AFTER_SALES_STATUS)
            field = "refund_goods"
            goods = parse_fen(self._t(values, field))
            field = "refund_discount"
            discount = parse_discount(self.layout.cell(values, field))
            if discount > goods:
                raise CellError(NEGATIVE_REFUND)
            field = "payable"
            paid_fen = None
            if self.layout.has(field):
                paid_fen = parse_fen(self._t(values, field))
                field = "pay_discount"
                paid_fen = max(paid_fen - parse_discount(self.layout.cell(values, field)), 0)
            field = "applied_at"
            opened_at = self._time(values, field)
            if opened_at is None:
                raise CellError(NO_APPLIED_AT)
            field = "deadline"
            deadline = self._time(values, field)
            finished_at = None
            for field in ("finished_at", "refunded_at", "closed_at"):
                finished_at = finished_at or self._time(values, field)
            field = "agreed_at"
            agreed_at = self._time(values, field)
            field = "returned_at"
            returned_at = self._time(values, field)
        except CellError as error:
            name = self.layout.column_name(field) if self.layout.has(field) else field
            raise RowError(name, self._t(values, field), error.reason) from None
        kind = case_kind(self._t(values, "refund_type"), self._t(values, "ship_stage"))
        if self._t(values, "speedy") == _word("yes") and not state.is_open:
            # 极速退款: the platform refunded at once; no step and no clock is the seller's.
            state = CaseState.REFUNDED if _word("success") in status else CaseState.CLOSED
        notes: list[Note] = []
        tracking = self._t(values, "return_tracking")
        raw_tracking = self.layout.cell(values, "return_tracking")
        if tracking and mangled_number(tracking, raw_tracking):
            name = self.layout.column_name("return_tracking")
            notes.append(Note(name, tracking, MANGLED_RETURN_WAYBILL))
            tracking = ""
        ship_tracking = self._t(values, "ship_tracking")
        if ship_tracking and mangled_number(
            ship_tracking, self.layout.cell(values, "ship_tracking")
        ):
            notes.append(
                Note(self.layout.column_name("ship_tracking"), ship_tracking, MANGLED_SHIP_WAYBILL)
            )
            ship_tracking = ""
        # the return waybill as the seller looks it up: 退货物流公司 and 退货物流单号
        waybill = f"{self._t(values, 'return_courier')} {tracking}".strip()
        reason = self._t(values, "reason")
        events = implied_events(
            state,
            opened_at=opened_at,
            reason=reason,
            status=status,
            finished_at=finished_at,
            agreed_at=agreed_at,
            return_tracking=waybill,
        )
        events = _with_return(events, state, waybill, returned_at, agreed_at)
        return ParsedRefund(
            row=number,
            order_no=order_no,
            refund_no=refund_no,
            kind=kind.value,
            state=state.value,
            platform_status=status,
            refund_fen=goods - discount,
            opened_at=opened_at,
            closed_at=finished_at if not state.is_open else None,
            platform_deadline=deadline if state.is_open else None,
            reason=reason,
            description=self._t(values, "description"),
            title=self._t(values, "title"),
            paid_fen=paid_fen,
            events=events,
            notes=tuple(notes),
            sub_order_no=sub_order_no,
            ship_tracking=clean_tracking_no(ship_tracking),
        )


# States a case reaches after the buyer sent the goods back (when the row names the return).
_AFTER_RETURN = (
    CaseState.REFUSED,
    CaseState.INTERVENTION,
    CaseState.REFUNDED,
    CaseState.CLOSED,
)


def _with_return(
    events: tuple[PlatformEvent, ...],
    state: CaseState,
    waybill: str,
    returned_at: str | None,
    agreed_at: str | None,
) -> tuple[PlatformEvent, ...]:
    """The buyer's return shipment on the timeline, when it is sent (退货发货时间) and with
    its waybill (退货物流公司 退货物流单号). On its way (待商家收货): the step carries the
    time, and the seller's agreement without a time of its own is no later than it (as
    Taobao's is read). Past it (refunded, closed, refused, with the platform): the step is
    added where the row says when it was sent, after the seller's agreement when that is
    known; without a time nothing is placed after the case's end."""
    shipped = EventKind.BUYER_SHIPPED_RETURN.value
    agreed = EventKind.SELLER_AGREED.value
    if state is CaseState.RETURN_IN_TRANSIT:
        if returned_at is None:
            return events
        return tuple(
            replace(event, at=returned_at)
            if event.kind == shipped or (event.kind == agreed and event.at is None)
            else event
            for event in events
        )
    if state not in _AFTER_RETURN or returned_at is None or not waybill:
        return events
    opened, *rest = events
    added = [opened]
    if agreed_at is not None:
        added.append(PlatformEvent(agreed, agreed_at))
    added.append(PlatformEvent(shipped, returned_at, waybill))
    return (*added, *rest)
