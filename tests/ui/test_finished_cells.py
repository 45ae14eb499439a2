"""Table cells are finished values: the page query brings display-ready rows, a row's
texts are made once, and painting a table asks neither the store nor the rule files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from shopdesk.core import deadlines_repo
from shopdesk.core.deadlines_repo import recompute_all
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
    real = deadlines_repo.active_ruleset
    monkeypatch.setattr(
        deadlines_repo, "active_ruleset", lambda p: (looked_up.append(p), real(p))[1]
    )
    model = view.model
    model.refresh()  # the first page read again, with the rule titles it carries
    model.row(0)
    platforms = {model.row(r)["platform"] for r in range(model.rowCount())}
    pages = -(-model.rowCount() // model.PAGE_SIZE)
    assert model.rowCount() > 100
    assert len(looked_up) <= pages * len(platforms)  # once a page per platform, not per row
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
    wanted = [r["id"] for r in deadlines_repo.due_page(due_store, 0, 10_000, "all")]
    assert shown == wanted
    assert model.data(model.index(model.rowCount() - 1, 0), Qt.ItemDataRole.DisplayRole)
