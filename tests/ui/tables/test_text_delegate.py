"""The table's own painting of plain cells: the same text in the same place as the
style's delegate draws it, cut short inside its cell, and every special cell (selected,
the countdown's colours) still drawn by the style."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QStyledItemDelegate

from shopdesk.store.deadlines_repo import recompute_all
from shopdesk.ui import countdown as ui_countdown
from shopdesk.ui.tables.table_model import Column, PagedTableModel
from shopdesk.ui.tables.table_view import RecordTable
from shopdesk.ui.tables.text_delegate import PlainTextDelegate
from shopdesk.ui.views.cases_view import CasesView
from shopdesk.ui.views.due_view import DueView


def _ink(image: QImage, left: int, top: int, width: int, height: int) -> tuple | None:
    """The box of the text's pixels in a cell (far from the cell's background), or None."""
    background = QColor(image.pixel(left + 1, top + 1))
    found = []
    for y in range(top + 2, top + height - 2):
        for x in range(left + 1, left + width - 1):
            colour = QColor(image.pixel(x, y))
            if abs(colour.lightness() - background.lightness()) > 80:
                found.append((x, y))
    if not found:
        return None
    xs, ys = [x for x, _ in found], [y for _, y in found]
    return min(xs), min(ys), max(xs), max(ys)


def _cells(view: RecordTable, rows: int) -> list[tuple[int, int, tuple[int, int, int, int]]]:
    table = view.table
    found = []
    for row in range(rows):
        for column in range(view.model.columnCount()):
            rect = table.visualRect(view.model.index(row, column))
            found.append((row, column, (rect.x(), rect.y(), rect.width(), rect.height())))
    return found


def _painted(view: RecordTable) -> QImage:
    return view.table.viewport().grab().toImage()


@pytest.fixture
def cases_view(qtbot, demo_store, now):
    ui_countdown.set_clock(lambda: now)
    recompute_all(demo_store, now)
    view = CasesView(demo_store)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.table.clearSelection()
    yield view
    ui_countdown.set_clock(ui_countdown.now_utc)


def test_the_tables_draw_their_plain_cells_themselves(cases_view):
    assert isinstance(cases_view.table.itemDelegate(), PlainTextDelegate)


@pytest.mark.parametrize("points", [None, 15])
def test_plain_cells_show_their_text_where_the_styles_delegate_puts_it(cases_view, points):
    view = cases_view
    _painted(view)  # painted once in the window's font: a new font is measured anew
    if points:
        font = view.table.font()
        font.setPointSize(points)
        view.table.setFont(font)
        view.table.verticalHeader().setDefaultSectionSize(34)
    ours = _painted(view)
    view.table.setItemDelegate(QStyledItemDelegate(view.table))
    styles = _painted(view)
    rows = min(view.model.rowCount(), 12)
    compared = 0
    for row, column, cell in _cells(view, rows):
        theirs = _ink(styles, *cell)
        mine = _ink(ours, *cell)
        assert (theirs is None) == (mine is None), (row, column)
        if theirs is not None:
            assert all(abs(a - b) <= 2 for a, b in zip(theirs, mine, strict=True)), (
                row,
                column,
                theirs,
                mine,
            )
            compared += 1
    assert compared >= rows * 5  # ids, platforms, order numbers, money, times, reasons


def _one_row_table(qtbot, texts: list[str], widths: list[int], right: int = -1) -> RecordTable:
    rows = [{"id": 1, **{str(n): text for n, text in enumerate(texts)}}]
    columns = [
        Column(f"c{n}", lambda r, n=n: r[str(n)], align=_align(n == right))
        for n in range(len(texts))
    ]
    model = PagedTableModel(columns, lambda search: 1, lambda *args: rows, default_sort="id")
    view = RecordTable(model, widths)
    qtbot.addWidget(view)
    view.table.horizontalHeader().setStretchLastSection(False)
    view.resize(sum(widths) + 40, 200)
    view.table.clearSelection()
    return view


def _align(right: bool) -> Qt.AlignmentFlag:
    horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
    return horizontal | Qt.AlignmentFlag.AlignVCenter


def test_a_long_title_is_cut_short_inside_its_cell(qtbot):
    title = "实木加厚空气炸锅家用大容量多功能全自动智能电炸锅 10只装，ins风 北欧 白色 " * 3
    view = _one_row_table(qtbot, [title, ""], [160, 160])
    image = _painted(view)
    (_, _, first), (_, _, second) = _cells(view, 1)
    box = _ink(image, *first)
    assert box is not None and box[2] < first[0] + first[2] - 1  # inside its own cell
    assert _ink(image, *second) is None  # nothing spilled into the empty cell beside it
    assert box[2] > first[0] + first[2] - 30  # and it fills its cell up to the "…"
    assert view.model.data(view.model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == title


def test_money_stands_at_the_right_edge_of_its_cell(qtbot):
    view = _one_row_table(qtbot, ["¥1.00", "¥1.00"], [200, 200], right=1)
    image = _painted(view)
    (_, _, left_cell), (_, _, right_cell) = _cells(view, 1)
    left_box, right_box = _ink(image, *left_cell), _ink(image, *right_cell)
    assert left_box[0] - left_cell[0] < 10  # left-aligned: near the left edge
    assert right_cell[0] + right_cell[2] - right_box[2] < 10  # right-aligned: near the right
    assert right_box[0] - right_cell[0] > 150


def test_a_selected_row_is_drawn_by_the_style_in_its_highlight(cases_view):
    view = cases_view
    view.table.selectRow(1)
    image = _painted(view)
    palette = view.table.palette()
    highlight = palette.color(palette.ColorGroup.Inactive, palette.ColorRole.Highlight)
    rect = view.table.visualRect(view.model.index(1, 2))
    assert QColor(image.pixel(rect.x() + rect.width() - 3, rect.center().y())) == highlight
    other = view.table.visualRect(view.model.index(3, 2))
    assert QColor(image.pixel(other.x() + other.width() - 3, other.center().y())) != highlight


@pytest.fixture
def due_view(qtbot, demo_store, now):
    ui_countdown.set_clock(lambda: now)
    recompute_all(demo_store, now)
    view = DueView(demo_store)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.party = "all"
    view.refresh()
    view.records.table.clearSelection()
    yield view
    ui_countdown.set_clock(ui_countdown.now_utc)


def _strongest(image: QImage, box: tuple[int, int, int, int], background: QColor) -> QColor:
    """The text's colour: its pixel farthest from the cell's background."""
    left, top, right, bottom = box
    pixels = (
        QColor(image.pixel(x, y)) for y in range(top, bottom + 1) for x in range(left, right + 1)
    )
    return max(pixels, key=lambda c: abs(c.lightness() - background.lightness()))


def test_the_countdowns_cells_look_as_the_style_draws_them(due_view):
    # The urgent countdowns are drawn by the table's own delegate too: the urgency's
    # background over the whole cell, the text in its colour, bold when red or overdue,
    # where the style's delegate puts it.
    view = due_view
    records = view.records
    column = [c.title for c in view.model.columns].index("剩余时间")
    ours = _painted(records)
    records.table.setItemDelegate(QStyledItemDelegate(records.table))
    styles = _painted(records)
    urgencies = set()
    for row in range(min(view.model.rowCount(), 15)):
        index = view.model.index(row, column)
        rect = records.table.visualRect(index)
        cell = (rect.x(), rect.y(), rect.width(), rect.height())
        wanted = view.model.data(index, Qt.ItemDataRole.BackgroundRole)
        for x, y in ((rect.x() + 1, rect.y() + 1), (rect.right() - 1, rect.bottom() - 1)):
            assert QColor(ours.pixel(x, y)) == QColor(styles.pixel(x, y)), (row, x, y)
        theirs, mine = _ink(styles, *cell), _ink(ours, *cell)
        assert theirs is not None and mine is not None, row
        assert all(abs(a - b) <= 2 for a, b in zip(theirs, mine, strict=True)), (row, theirs, mine)
        if wanted is None:
            continue
        background = wanted.color()
        assert QColor(ours.pixel(rect.x() + 2, rect.y() + 2)) == background
        text = view.model.data(index, Qt.ItemDataRole.ForegroundRole).color()
        strongest = _strongest(ours, mine, background)
        assert abs(strongest.lightness() - text.lightness()) < 40, (row, strongest.name())
        assert strongest == _strongest(styles, theirs, background), row
        urgencies.add(background.name())
    # the demo store has a clock running out and one past it (bold), and an amber one
    assert len(urgencies) >= 2, urgencies


def test_a_repaint_of_one_cell_draws_that_cell_in_the_same_paint(qtbot, monkeypatch):
    # The countdown's tick repaints one cell: the cells Qt paints in a paint of that
    # cell's region are drawn before the paint ends (on its painter), and only those.
    drawn: list[tuple[int, int, bool]] = []
    real = PlainTextDelegate.draw_cells

    def noted(self, painter, cells):
        drawn.extend((row, column, painter.isActive()) for row, column, _rect, _state in cells)
        return real(self, painter, cells)

    monkeypatch.setattr(PlainTextDelegate, "draw_cells", noted)
    view = _one_row_table(qtbot, ["甲方乙方", "保温杯"], [160, 160])
    table = view.table
    table.setCurrentIndex(QModelIndex())  # no focus frame: both cells are plain
    table.viewport().grab()
    assert sorted(drawn) == [(0, 0, True), (0, 1, True)]
    drawn.clear()
    table.viewport().grab(table.visualRect(view.model.index(0, 1)))  # that cell's region
    assert drawn == [(0, 1, True)]
    assert table.itemDelegate()._batch is None  # nothing waits for a paint that ended
