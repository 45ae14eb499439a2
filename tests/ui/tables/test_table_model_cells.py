"""Table cells are finished values: the page query brings display-ready rows, a row's
texts are made once, and painting a table asks neither the store nor the rule files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from shopdesk.store import due_list
from shopdesk.store.deadlines_repo import recompute_all
from shopdesk.ui import countdown as ui_countdown
from shopdesk.ui.tables.table_model import PagedTableModel
from shopdesk.ui.views.cases_view import CasesView
from shopdesk.ui.views.due_view import DueView


@pytest.fixture
def due_store(demo_store, now):
    ui_countdown.set_clock(lambda: now)
    recompute_all(demo_store, now)
    yield demo_store
    ui_countdown.set_clock(ui_countdown.now_utc)


def every_text(model) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_due_list_reads_rule_titles_with_its_page_not_per_cell(
    qtbot, qtmodeltester, due_store, monkeypatch
):
    view = DueView(due_store)
    qtbot.addWidget(view)
    view.party = "all"
    view.refresh()
    looked_up: list[str] = []
    real = due_list.rule_titles
    monkeypatch.setattr(due_list, "rule_titles", lambda p: (looked_up.append(p), real(p))[1])
    model = view.model
    model.refresh()  # the first page read again, with the rule titles it carries
    model.row(0)
    rules = {
        (model.row(r)["platform"], model.row(r)["next_due_rule"]) for r in range(model.rowCount())
    }
    pages = -(-model.rowCount() // model.PAGE_SIZE)
    assert model.rowCount() > 100
    assert 0 < len(looked_up) <= pages * len(rules)  # once a page per rule, not per row
    looked_up.clear()
    statements: list[str] = []
    due_store.db.conn.set_trace_callback(statements.append)
    try:
        texts = every_text(model)
    finally:
        due_store.db.conn.set_trace_callback(None)
    assert looked_up == [] and statements == []
    what = [c.title for c in model.columns].index("事项")
    assert "发货" in "".join(row[what] for row in texts)  # e.g. 发货时限: the rule's own title
    qtmodeltester.check(model)


def test_a_row_is_formatted_once_however_often_it_is_painted(qtbot, demo_store, monkeypatch):
    view = CasesView(demo_store)
    qtbot.addWidget(view)
    model = view.model
    made: list[int] = []
    kind = [c.title for c in model.columns].index("类型")
    real = model.columns[kind].display
    model.columns[kind].display = lambda row: (made.append(row["id"]), real(row))[1]
    first = every_text(model)
    assert sorted(made) == sorted(model.row_id(r) for r in range(model.rowCount()))
    made.clear()
    assert every_text(model) == first
    assert made == []  # painted again: the kept texts
    model.refresh()  # the store changed: made again from the new rows
    every_text(model)
    assert len(made) == model.rowCount()


def test_the_second_half_of_a_long_due_list_is_in_order(qtbot, due_store, monkeypatch):
    """Pages past the middle are read from the end; 待办 read them the wrong way round
    (the second half of a long list showed the first half's rows backwards)."""
    monkeypatch.setattr(PagedTableModel, "PAGE_SIZE", 5)
    view = DueView(due_store)
    qtbot.addWidget(view)
    view.party = "all"
    view.refresh()
    model = view.model
    assert model.rowCount() > 20
    shown = [model.row(r)["id"] for r in range(model.rowCount())]
    wanted = [r["id"] for r in due_list.due_page(due_store, 0, 10_000, "all")]
    assert shown == wanted
    assert model.data(model.index(model.rowCount() - 1, 0), Qt.ItemDataRole.DisplayRole)


def _every_role_by_multidata(model, row: int, column: int) -> dict[int, object]:
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    roles = [int(role) for role in Qt.ItemDataRole if int(role) < int(Qt.ItemDataRole.UserRole)]
    roles.append(int(Qt.ItemDataRole.UserRole) + 1)  # the row's id
    shown = {}
    for role in roles:
        asked = QModelRoleData(role)
        asked.setData("left from an earlier cell")  # a span may be reused: cleared or set
        model.multiData(model.index(row, column), QModelRoleDataSpan(asked))
        shown[role] = asked.data()
    return shown


def test_a_cell_painted_in_one_call_shows_what_data_gives_role_by_role(qtbot, due_store):
    # Qt's delegate asks all roles of a cell through multiData (one call into Python
    # instead of seven): the countdown's colour, a tooltip and the text must be the same.
    view = CasesView(due_store)
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() > 10
    for row in (0, 5, model.rowCount() - 1):
        for column in range(model.columnCount()):
            shown = _every_role_by_multidata(model, row, column)
            for role, value in shown.items():
                assert value == model.data(model.index(row, column), role), (row, column, role)
            assert shown[int(Qt.ItemDataRole.DisplayRole)] == every_text(model)[row][column]


def test_a_painted_table_asks_only_its_selected_row_through_multidata(
    qtbot, due_store, monkeypatch
):
    # Cells are drawn from their finished texts and looks (text_delegate.py), the
    # countdown's colours and bold font too; only a selected row goes to the style's
    # delegate, which asks all its roles in one multiData call.
    due = DueView(due_store)
    qtbot.addWidget(due)
    due.party = "all"
    due.refresh()
    due.resize(1000, 700)
    view = due.records
    view.table.clearSelection()
    cells: list[tuple[int, int]] = []
    real = PagedTableModel.multiData

    def counted(model, index, span):
        cells.append((index.row(), index.column()))
        return real(model, index, span)

    monkeypatch.setattr(PagedTableModel, "multiData", counted)
    assert not due.grab().isNull()
    assert cells == []
    view.table.selectRow(2)
    view.table.setCurrentIndex(view.model.index(2, 0))
    assert not due.grab().isNull()
    assert {row for row, _column in cells} == {2}
    table = view.table
    on_screen = {
        column
        for column in range(view.model.columnCount())
        if table.columnViewportPosition(column) < table.viewport().width()
    }
    assert len(on_screen) >= 5 and {column for _row, column in cells} == on_screen
