"""A table model over a store query that fetches only the rows a view asks for.

It reports the full rowCount() and loads fixed-size pages into a small LRU cache, so a
million rows open, scroll and jump to the end like a hundred (see DESIGN.md, "Tables that
stay fast"); canFetchMore/fetchMore would load every row on the way down.

A page past the middle is read from the other end (the reverse order, a short OFFSET),
so the last row is as quick as the first. A search may be answered in the background
(`apply_search` with its first page, `apply_count` when counted: see search_worker.py).

Cells are finished values: the page query gives display-ready rows (the 待办 rule's title
comes with its row), and a row's texts are made once, the first time it is painted, and
kept with its page; only a `live` column (the countdown, which turns with the clock) is
made at every paint. A repaint or a scroll back does no work per cell."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

Row = dict[str, Any]
_ROOT = QModelIndex()
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
# What a table's delegate asks besides the text: answered None unless a column fills it.
_ASKED = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.SizeHintRole,
    )
)


@dataclass(frozen=True)
class CellLook:
    """A cell's own colours and weight (the countdown's urgency), beside its text."""

    foreground: QColor | None = None
    background: QColor | None = None
    bold: bool = False


_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)


@dataclass
class Column:
    title: str
    display: Callable[[Row], str]
    sort_key: str | None = None  # the store's sort id, None: not sortable
    roles: dict[int, Callable[[Row], Any]] = field(default_factory=dict)
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    live: bool = False  # its text changes with the time: made at each paint, never kept
    # A row's look (None: plain). The table's delegate draws it itself; the colour and
    # font roles, for everyone else who asks the model, are made from it.
    look: Callable[[Row], CellLook | None] | None = None

    def __post_init__(self) -> None:
        if self.look is not None:
            look = self.look
            self.roles = {
                _FOREGROUND: lambda row: _brush(look(row), "foreground"),
                _BACKGROUND: lambda row: _brush(look(row), "background"),
                _FONT: lambda row: _bold_font(look(row)),
                **self.roles,
            }


def _brush(look: CellLook | None, which: str) -> QBrush | None:
    colour = None if look is None else getattr(look, which)
    return None if colour is None else QBrush(colour)


def _bold_font(look: CellLook | None) -> QFont | None:
    if look is None or not look.bold:
        return None
    font = QFont()
    font.setBold(True)
    return font


class PagedTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    CACHED_PAGES = 16

    def __init__(
        self,
        columns: list[Column],
        count: Callable[[str | None], int],
        page: Callable[[int, int, str | None, str, bool], list[Row]],
        default_sort: str,
        parent=None,
        search_sort: str | None = None,
        count_later: bool = False,
    ):
        """`search_sort`: the order of search results until the seller sorts by a column
        (e.g. "recent", which the store answers straight from the search index).
        `count_later`: read the first page now and count the rows when `count_rows()` is
        called (a big store's count is not needed for the first paint)."""
        super().__init__(parent)
        self.columns = columns
        self._note_unfilled()
        self._count_fn = count
        self._page_fn = page
        self._sort = default_sort
        self._descending = True
        self._search: str | None = None
        self._search_sort = search_sort
        self._user_sorted = False
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._texts: dict[int, list[tuple[str, ...] | None]] = {}  # by page: finished texts
        self._first_short = False  # page 0 holds only a search's first rows (apply_search)
        self.columnsInserted.connect(self._forget_texts)  # add_countdown_column
        self.columnsRemoved.connect(self._forget_texts)
        if count_later:
            first = page(0, self.PAGE_SIZE, None, *self.sort_for(None))
            self._pages[0] = first
            self._count = len(first)
            self._count_exact = len(first) < self.PAGE_SIZE
        else:
            self._count = count(None)
            self._count_exact = True

    def count_known(self) -> bool:
        return self._count_exact

    def count_rows(self) -> int:
        """Count the rows shown now (after `count_later`, or a search shown before its
        count) and tell the view; returns the count."""
        count = self._count_fn(self._search)
        self.apply_count(count)
        return count

    # -- Qt interface -----------------------------------------------------------------

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole):
        # A view asks for seven roles per cell at each paint: the text comes first, the
        # roles no column fills are answered from one set, without touching the row.
        if role == _DISPLAY:
            number = index.row()
            if number >= self._count or not index.isValid():
                return None
            row = self.row(number)
            return None if row is None else self._text(number, row, index.column())
        if role in self._unfilled or not index.isValid():
            return None
        number = index.row()
        if number >= self._count:
            return None
        return self._role_value(number, index.column(), role)

    def multiData(self, index: QModelIndex, roleDataSpan) -> None:  # noqa: N802, N803 - Qt's
        """Every role a delegate asks for one cell, in one call: Qt 6's item delegate
        asks through here, and seven calls into Python per cell were a third of a
        table's paint. The same values as data(), role by role."""
        number = index.row()
        usable = index.isValid() and number < self._count
        row = self.row(number) if usable else None
        for role_data in roleDataSpan:
            role = role_data.role()
            if row is None or role in self._unfilled:
                value = None
            elif role == _DISPLAY:
                value = self._text(number, row, index.column())
            else:
                value = self._role_value(number, index.column(), role)
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _role_value(self, number: int, column_no: int, role: int):
        """A role other than the text, for a row in range."""
        column = self.columns[column_no]
        if role == _ALIGNMENT:
            return int(column.align)
        if role != ROW_ID_ROLE and role != _TOOLTIP and role not in column.roles:
            return None
        row = self.row(number)
        if row is None:
            return None
        if role == ROW_ID_ROLE:
            return row["id"]
        if role not in column.roles:  # a tooltip: the whole text of a cell cut short
            return self._text(number, row, column_no) or None
        return column.roles[role](row)

    def _note_unfilled(self) -> None:
        """The roles no column answers (again when the columns change)."""
        filled = {role for column in self.columns for role in column.roles}
        self._unfilled = frozenset(_ASKED - filled)
        # Columns whose painting is the style's: roles of their own, not only a look's.
        self.styled_columns = frozenset(
            n for n, column in enumerate(self.columns) if column.roles and column.look is None
        )
        self.looks = [column.look for column in self.columns]
        # Columns whose finished text is kept with its row (not live, not the style's).
        self._kept = frozenset(
            n
            for n, column in enumerate(self.columns)
            if not column.live and n not in self.styled_columns
        )
        right = Qt.AlignmentFlag.AlignRight
        self.right_aligned = [bool(column.align & right) for column in self.columns]

    def plain_text(self, number: int, column_no: int) -> str | None:
        """A cell's finished text, for a delegate that draws it itself ("" past the
        rows; its look, if the column has one, from `cell_look`); None for a column
        with colours, a font or a tooltip of its own and no look."""
        texts = self._texts.get(number // self.PAGE_SIZE)  # a repaint: the text is kept
        if texts is not None and column_no in self._kept and number < self._count:
            finished = texts[number % self.PAGE_SIZE]
            if finished is not None:
                return finished[column_no]
        if column_no in self.styled_columns:
            return None
        row = self.row(number) if 0 <= number < self._count else None
        return "" if row is None else self._text(number, row, column_no)

    def cell_look(self, number: int, column_no: int) -> CellLook | None:
        """The look of a cell of a column with one (`looks`)."""
        row = self.row(number) if 0 <= number < self._count else None
        return None if row is None else self.looks[column_no](row)

    def _text(self, number: int, row: Row, column_no: int) -> str:
        column = self.columns[column_no]
        if column.live:
            return column.display(row)
        page_no, offset = divmod(number, self.PAGE_SIZE)
        texts = self._texts.setdefault(page_no, [None] * self.PAGE_SIZE)
        finished = texts[offset]
        if finished is None:  # the row's first paint: every kept text at once
            finished = tuple("" if c.live else c.display(row) for c in self.columns)
            texts[offset] = finished
        return finished[column_no]

    def _forget_texts(self, *_args) -> None:
        self._texts.clear()
        self._note_unfilled()  # the columns changed

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key if 0 <= column < len(self.columns) else None
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._user_sorted = True
        self._clear_pages()
        self.layoutChanged.emit()

    # -- ShopDesk interface -----------------------------------------------------------

    def sort_by_key(self, key: str, descending: bool = False) -> None:
        """Sort by a store sort id even if no column shows it (e.g. "next_due")."""
        self.layoutAboutToBeChanged.emit()
        self._sort = key
        self._descending = descending
        self._user_sorted = True
        self._clear_pages()
        self.layoutChanged.emit()

    def row(self, number: int) -> Row | None:
        page_no, offset = divmod(number, self.PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None or (page_no == 0 and self._first_short and offset >= len(page)):
            if page is not None:  # a search's first rows only: now the whole page
                self._first_short = False
                self._texts.pop(0, None)
            page = self._fetch(page_no)
            self._pages[page_no] = page
            while len(self._pages) > self.CACHED_PAGES:
                evicted, _rows = self._pages.popitem(last=False)
                self._texts.pop(evicted, None)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def sort_for(self, search: str | None) -> tuple[str, bool]:
        """The sort key and direction rows are read in when searching for `search`."""
        if search and self._search_sort and not self._user_sorted:
            return self._search_sort, True
        return self._sort, self._descending

    def _fetch(self, page_no: int) -> list[Row]:
        start = page_no * self.PAGE_SIZE
        sort, descending = self.sort_for(self._search)
        if self._count_exact and start > self._count // 2:
            end = min(start + self.PAGE_SIZE, self._count)
            rows = self._page_fn(self._count - end, end - start, self._search, sort, not descending)
            rows.reverse()
            return rows
        return self._page_fn(start, self.PAGE_SIZE, self._search, sort, descending)

    def _clear_pages(self) -> None:
        self._pages.clear()
        self._texts.clear()
        self._first_short = False

    def row_id(self, number: int) -> int | None:
        row = self.row(number)
        return None if row is None else row["id"]

    def set_search(self, text: str | None) -> None:
        self._search = text or None
        self.refresh()

    def search_text(self) -> str | None:
        return self._search

    def refresh(self) -> None:
        self.beginResetModel()
        self._clear_pages()
        self._count = self._count_fn(self._search)
        self._count_exact = True
        self.endResetModel()

    def apply_search(
        self, text: str | None, first_rows: list[Row], count: int | None, asked: int = 0
    ) -> None:
        """Show a search answered elsewhere: its first `asked` rows (default a page) now,
        the count if known. Fewer rows than asked are the whole answer; a first page
        shorter than a page is completed when a row past it is first asked for."""
        asked = asked or self.PAGE_SIZE
        self.beginResetModel()
        self._search = text or None
        self._clear_pages()
        self._pages[0] = list(first_rows)
        if count is None and len(first_rows) < asked:
            count = len(first_rows)
        self._first_short = count is None and asked < self.PAGE_SIZE
        self._count = len(first_rows) if count is None else count
        self._count_exact = count is not None
        self.endResetModel()

    def apply_count(self, count: int) -> None:
        """The full count of the search shown by `apply_search` arrived."""
        if count > self._count:
            self.beginInsertRows(_ROOT, self._count, count - 1)
            self._count = count
            self._count_exact = True
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(_ROOT, count, self._count - 1)
            self._count = count
            self._count_exact = True
            self.endRemoveRows()
        self._count_exact = True

    def refresh_rows(self, first: int, last: int, columns: list[int] | None = None) -> None:
        """Repaint rows whose time-dependent text changed (no re-query)."""
        if self._count == 0:
            return
        last = min(last, self._count - 1)
        cols = columns or [0, len(self.columns) - 1]
        self.dataChanged.emit(self.index(first, min(cols)), self.index(last, max(cols)))
