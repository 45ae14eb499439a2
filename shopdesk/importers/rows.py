"""A data row seen through its layout, and the error that skips it: shared by every
platform's parsers."""

from __future__ import annotations

from collections.abc import Callable

from shopdesk.importers.cells import CellError, clean_text
from shopdesk.importers.layouts import Layout


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
            raise RowError(
                self.layout.column_name(field), clean_text(value), error.reason
            ) from None
