"""What an export looks like: its kind, its columns (found by their trimmed header name,
with the known spellings, never by position) and the headers only it has. Each platform
declares its own in shopdesk/platforms/<id>/layouts.py; platforms/detect.py finds them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shopdesk.importers.cells import clean_text


class ExportKind(StrEnum):
    ORDERS = "orders"
    ORDER_LINES = "order_lines"
    REFUNDS = "refunds"


@dataclass(frozen=True)
class LayoutSpec:
    """One export ShopDesk knows: whose, which kind, its columns and the headers that
    only it has (its signature). `columns` empty: known by sight, not imported yet."""

    platform: str
    kind: ExportKind
    title: str
    signature: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]
    required: tuple[str, ...] = ()

    @property
    def importable(self) -> bool:
        return bool(self.columns)

    def known_names(self) -> set[str]:
        return {name for spellings in self.columns.values() for name in spellings}


def normalize_header(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\ufeff", "").strip().strip('"').strip()


@dataclass(frozen=True)
class Layout:
    """A recognised header: its kind, each field's column index and the header names."""

    kind: ExportKind
    index: dict[str, int]
    names: list[str]
    platform: str
    title: str = ""
    # columns of the header including blank-named ones at its end (JD's 2021 layout has
    # unnamed trailing columns): content under them is not a misaligned row
    declared_width: int = 0

    def cell(self, values: list[object], field: str) -> object:
        """The row's cell of `field`; None where the header has no such column or the row
        ends before it."""
        position = self.index.get(field)
        if position is None or position >= len(values):
            return None
        return values[position]

    def text(self, values: list[object], field: str) -> str:
        """The row's cell of `field` as the seller meant it (`clean_text`); "" where absent."""
        return clean_text(self.cell(values, field))

    @property
    def width(self) -> int:
        return len(self.names)

    def column_name(self, field: str) -> str:
        return self.names[self.index[field]]

    def has(self, field: str) -> bool:
        return field in self.index
