"""What the importers hand to the store: parsed records and the problems found on the way."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """A row (or cell) that was not imported, and why, in the seller's words."""

    file: str
    row: int | None
    column: str
    value: str
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {"row": self.row, "column": self.column, "value": self.value, "reason": self.reason}


@dataclass(frozen=True)
class Note:
    """A cell left empty on import (a mangled non-key number), the rest of its row kept."""

    column: str
    value: str
    reason: str


@dataclass(frozen=True)
class ParsedOrder:
    row: int
    order_no: str
    status: str  # platform text, full-width comma
    state: str  # OrderState id
    values: dict[str, object]  # order columns the layout carries (None: empty time)
    precision: dict[str, str] = field(default_factory=dict)  # time field -> 's' | 'm' | 'd'
    shop_name: str = ""
    line: ParsedLine | None = None  # exports with one row per item line (Pinduoduo, JD)
    notes: tuple[Note, ...] = ()
    # A parent the platform split into these orders (JD's `(删除)等待出库`): not an order
    # of its own beside them; `replaced_reason` says so in the import report.
    replaced_by: tuple[str, ...] = ()
    replaced_reason: str = ""


@dataclass(frozen=True)
class ParsedLine:
    row: int
    order_no: str
    position: int  # 1-based within its order, in file order
    sub_order_no: str | None
    title: str
    price_fen: int
    quantity: int
    sku_props: str = ""
    outer_code: str | None = ""  # None: the cell was left empty (mangled), keep the stored
    status: str = ""
    kept: tuple[str, ...] = ()  # fields whose cell was mangled: the stored value stays


@dataclass(frozen=True)
class PlatformEvent:
    kind: str  # EventKind id
    at: str | None  # UTC text; None: the export does not say when (seen at export time)
    note: str = ""


@dataclass(frozen=True)
class ParsedRefund:
    row: int
    order_no: str
    refund_no: str
    kind: str  # CaseKind id
    state: str  # CaseState id
    platform_status: str
    refund_fen: int
    opened_at: str
    closed_at: str | None
    platform_deadline: str | None
    reason: str = ""
    description: str = ""
    title: str = ""
    buyer_nick: str = ""
    paid_fen: int | None = None
    events: tuple[PlatformEvent, ...] = ()
    notes: tuple[Note, ...] = ()  # cells left empty (a mangled return waybill)
    # the OrderState id an order known only from this row starts in (None: paid); an
    # order export read later says where it really is
    order_state: str | None = None
    # the order line (子订单编号) the row is about, where the export names it (Douyin's
    # 商品单号); None: not named, the stored one stays
    sub_order_no: str | None = None
    # the seller's own waybill of the goods (Douyin's 发货物流单号): fills an order whose
    # export gave none (layout A has no tracking column); "" when the row names none
    ship_tracking: str = ""
