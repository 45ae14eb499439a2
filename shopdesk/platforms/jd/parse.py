"""JD POP (京东) rows -> records: the order export, one row per SKU with the order's
amounts repeated on each. What the status words mean is data: states.toml beside this
file."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from shopdesk.domain.messages import Message
from shopdesk.importers.cells import (
    CellError,
    clean_text,
    clean_tracking_no,
    is_scientific,
    mangled_number,
    normalize_status,
    parse_fen,
    parse_int,
    parse_time,
)
from shopdesk.importers.layouts import Layout
from shopdesk.importers.records import Note, ParsedLine, ParsedOrder
from shopdesk.importers.rows import RowError
from shopdesk.platforms import words

_DIGITS = re.compile(r"^\d+$")

UNKNOWN_STATUS = Message("platform.jd.unknown_status")
MANGLED_ORDER_NO = Message("platform.jd.mangled_order_no")
MANGLED_NUMBER = Message("platform.jd.mangled_number")
SHARED_TUPLES = 50_000
# export time field -> stored order field
STORED_TIMES = {"created_at": "created_at", "paid_time": "paid_at", "finished_at": "confirmed_at"}


@cache
def status_words() -> dict:
    return words.load(Path(__file__).parent)


@cache
def _prefixes(name: str) -> tuple[str, ...]:
    """订单状态 prefixes: (锁定) a pending cancel, (删除) a deleted or split order."""
    return tuple(status_words()["words"][name])


@cache
def _split_note() -> re.Pattern[str]:
    note = re.escape(status_words()["words"]["split_note"])
    return re.compile(note + r"[\s:：]*((?:\d{6,}[\s,，、]*)+)")


def order_state(status: str) -> str | None:
    """The order state a JD status word means; None for a word ShopDesk does not know."""
    known = status_words()["order_status"]
    if status in known:
        return known[status]
    for prefix in _prefixes("deleted"):
        if status.startswith(prefix):
            return "closed"
    for prefix in _prefixes("locked"):
        if status.startswith(prefix):
            return known.get(status[len(prefix) :])
    return None


def parse_jd_order_no(value: object) -> str:
    """订单号: digits (11 in 2015–18, 12 since), kept as text. Scientific notation or an
    inexact number means Excel dropped digits: never rounded, never guessed."""
    if isinstance(value, float):
        if not value.is_integer() or abs(value) >= 1e15:
            raise CellError(MANGLED_ORDER_NO)
        value = int(value)
    text = clean_text(value)
    if not text:
        raise CellError(Message("platform.jd.order_no_empty"))
    if is_scientific(text):
        raise CellError(MANGLED_ORDER_NO)
    if text.endswith(".0") and _DIGITS.match(text[:-2]):
        text = text[:-2]
    if not _DIGITS.match(text):
        raise CellError(Message("platform.jd.order_no_not_digits"))
    return text


def _text(value: object) -> str:
    """clean_text, with the common cell (plain printable text) done here."""
    if type(value) is str:
        text = value.strip()
        if not text or (text[0] not in "='" and text.isprintable()):
            return text
    return clean_text(value)


def split_children(status: str, seller_note: str) -> tuple[str, ...]:
    """The orders a deleted parent was split into, from 商家备注 `订单拆分为  <id>    <id>`."""
    if not status.startswith(_prefixes("deleted")):
        return ()
    match = _split_note().search(seller_note)
    return tuple(re.findall(r"\d{6,}", match.group(1))) if match else ()


class JdOrderParser:
    """Order export rows: each is an order (its amounts repeated on every SKU row) and one
    SKU line of it. The order's titles and item count gather over its rows, so every row
    of an order carries the whole order so far (the last one all of it). The order's own
    cells are parsed once for a run of rows that repeat them (the big file: 100,000
    orders)."""

    ORDER_MONEY = ("payable_fen", "balance_fen", "goods_fen", "postage_fen")
    TIMES = ("created_at", "paid_time", "finished_at")
    TEXTS = {  # stored field -> export field
        "buyer_nick": "buyer_nick",
        "receiver_name": "receiver_name",
        "receiver_address": "receiver_address",
        "buyer_message": "buyer_message",
        "seller_note": "seller_note",
        "courier": "courier",
    }
    LINE_NUMBERS = ("sku_id", "outer_sku", "article_no")  # non-key numbers of a SKU row

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        index = layout.index
        self.money = [(name, index[name]) for name in self.ORDER_MONEY if name in index]
        self.times = [(name, index[name]) for name in self.TIMES if name in index]
        self.texts = [(name, index[field]) for name, field in self.TEXTS.items() if field in index]
        self.numbers = [(name, index[name]) for name in self.LINE_NUMBERS if name in index]
        self.tracking = index.get("tracking_no")
        self.phone = index.get("phone")
        self.quantity = index.get("quantity")
        self.title = index.get("title")
        self.price = index.get("price_fen")
        # the cells an order repeats on each of its rows, and what they were read as
        self.order_cells = [i for i in sorted(set(index.values())) if i not in self._line_cells()]
        self._last: tuple[list[object], _Order] | None = None
        # order_no -> (rows read, line keys seen, titles, item count): the order so far,
        # in tuples (100,000 orders stay small in memory)
        self._orders: dict[str, tuple[int, tuple, tuple[str, ...], int]] = {}
        # one copy of each SKU key and title tuple: a shop sells few products
        self._shared: dict[tuple, tuple] = {}

    def _line_cells(self) -> set[int]:
        index = self.layout.index
        names = ("title", "quantity", "price_fen", *self.LINE_NUMBERS)
        return {index[name] for name in names if name in index}

    def _error(self, values: list[object], field: str, reason: str) -> RowError:
        position = self.layout.index.get(field)
        if position is None:
            return RowError(field, "", reason)
        return RowError(self.layout.names[position], clean_text(values[position]), reason)

    def __call__(self, number: int, values: list[object]) -> ParsedOrder:
        cells = [values[i] for i in self.order_cells]
        last = self._last
        if last is not None and last[0] == cells:
            order = last[1]
        else:
            order = self._order(values)
            self._last = (cells, order)
        field = "quantity"
        try:
            quantity = parse_int(values[self.quantity]) if self.quantity is not None else 1
            field = "price_fen"
            price = parse_fen(values[self.price]) if self.price is not None else 0
        except CellError as error:
            raise self._error(values, field, error.reason) from None
        notes = list(order.notes)
        numbers = {name: self._number(values[i], name, notes) for name, i in self.numbers}
        order_no = order.order_no
        title = _text(values[self.title]) if self.title is not None else ""
        sku_id = numbers.get("sku_id") or None
        position, titles, count = self._gather(order_no, (sku_id, title), title, quantity)
        out = dict(order.values)
        out["item_titles"] = "，".join(titles)
        out["item_count"] = count
        line = ParsedLine(
            row=number,
            order_no=order_no,
            position=position,
            sub_order_no=sku_id,  # JD keys an order's SKU rows by 商品ID
            title=title,
            price_fen=price,  # 京东价, the unit price
            quantity=quantity,
            outer_code=self._outer_code(numbers, notes),
            status=order.status,
        )
        return ParsedOrder(
            row=number,
            order_no=order_no,
            status=order.status,
            state=order.state,
            values=out,
            precision=order.precision,
            line=line,
            notes=tuple(notes),
            replaced_by=order.replaced_by,
            replaced_reason=order.replaced_reason,
        )

    def _order(self, values: list[object]) -> _Order:
        """The order-level cells of a row, read and checked (RowError otherwise)."""
        index = self.layout.index
        field = "order_no"
        money: dict[str, int] = {}
        times: dict[str, str | None] = {}
        exact: dict[str, str] = {}
        try:
            order_no = parse_jd_order_no(values[index["order_no"]])
            field = "status"
            status = normalize_status(values[index["status"]])
            state = order_state(status)
            if state is None:
                raise CellError(UNKNOWN_STATUS)
            for field, position in self.money:
                money[field] = parse_fen(values[position])
            for field, position in self.times:
                cell = values[position]
                if cell == "":  # most rows: not finished yet
                    times[field] = None
                    continue
                at, exactness = parse_time(cell)
                times[field] = at
                if at is not None:
                    exact[STORED_TIMES[field]] = exactness or "s"
        except CellError as error:
            raise self._error(values, field, error.reason) from None
        out: dict[str, object] = {name: _text(values[i]) for name, i in self.texts}
        notes: list[Note] = []
        if self.phone is not None:  # a phone Excel rounded is no phone
            out["receiver_phone"] = self._number(values[self.phone], "phone", notes)
        if self.tracking is not None:
            out["tracking_no"] = self._number(values[self.tracking], "tracking_no", notes)
        paid_at = times.get("paid_time")
        # What the buyer paid once JD confirmed the payment: 应付金额 online plus the JD
        # balance (余额支付) used, never 结算金额 (jd.md, Money).
        paid = money["payable_fen"] + money.get("balance_fen", 0)
        out["paid_fen"] = paid if paid_at else 0
        out["paid_at"] = paid_at
        out["created_at"] = times.get("created_at") or paid_at
        if not times.get("created_at") and paid_at:
            exact["created_at"] = exact["paid_at"]
        if "finished_at" in times:
            out["confirmed_at"] = times["finished_at"]
        if "goods_fen" in money:
            out["total_fen"] = money["goods_fen"] + money.get("postage_fen", 0)
        if "postage_fen" in money:
            out["postage_fen"] = money["postage_fen"]
        children = split_children(status, str(out.get("seller_note", "")))
        return _Order(
            order_no,
            status,
            state,
            out,
            exact,
            tuple(notes),
            children,
            Message("platform.jd.split_parent", children=list(children)) if children else "",
        )

    def _gather(
        self, order_no: str, key: tuple, title: str, quantity: int
    ) -> tuple[int, tuple[str, ...], int]:
        """This row's position in its order, and the order's titles and item count so far."""
        rows, seen, titles, count = self._orders.get(order_no) or (0, (), (), 0)
        if key not in seen:  # an identical repeated row adds nothing
            seen = self._share((*seen, key))
            if title and title not in titles:
                titles = self._share((*titles, title))
            count += quantity
        self._orders[order_no] = (rows + 1, seen, titles, count)
        return rows + 1, titles, count

    def _share(self, value: tuple) -> tuple:
        shared = self._shared
        found = shared.get(value)
        if found is None:
            if len(shared) >= SHARED_TUPLES:  # many distinct products: no saving to be had
                return value
            found = shared[value] = value
        return found

    def _outer_code(self, numbers: dict[str, str], notes: list[Note]) -> str | None:
        """The seller's code of the SKU: 商家SKUID, else 货号; None when the one it would
        be was left empty (a mangled barcode), so the stored one stays."""
        for name in ("outer_sku", "article_no"):
            if numbers.get(name):
                return numbers[name]
            if name in numbers and any(
                note.column == self.layout.column_name(name) for note in notes
            ):
                return None
        return ""

    def _number(self, raw: object, name: str, notes: list[Note]) -> str:
        """A non-key number (商品ID, 商家SKUID, 货号, a waybill, a phone): left empty and reported
        when Excel turned it into scientific notation or a rounded number."""
        if type(raw) is str:
            text = raw.strip()
            if not text or (text.isdigit() and text.isascii()):  # the common cells
                return text
        text = clean_tracking_no(raw) if name == "tracking_no" else clean_text(raw)
        if text and mangled_number(text, raw):
            notes.append(Note(self.layout.column_name(name), text, MANGLED_NUMBER))
            return ""
        return text


class _Order(NamedTuple):
    """The order-level part of a row, as read."""

    order_no: str
    status: str
    state: str
    values: dict[str, object]
    precision: dict[str, str]
    notes: tuple[Note, ...]
    replaced_by: tuple[str, ...]
    replaced_reason: str
