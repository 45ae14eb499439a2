"""One click on a case reads it once: a CaseSnapshot handed to every tab of the panel."""

from __future__ import annotations

from shopdesk.domain.model import EventKind
from shopdesk.services.case_steps import add_case_event, undo_last
from shopdesk.ui.case.timeline_panel import TimelinePanel
from shopdesk.ui.main_window import MainWindow


def statements_of(store, action) -> list[str]:
    """Every SQL statement `action` runs on the store's connection."""
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        action()
    finally:
        store.db.conn.set_trace_callback(None)
    return seen


def open_window(qtbot, store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.show_view("cases")
    return window


def click_row(window, row: int) -> None:
    table = window.cases_view.table
    table.selectRow(row)
    window.case_panel.grab()  # painted, as the seller sees it


def test_a_case_click_runs_at_most_six_queries(qtbot, demo_store):
    window = open_window(qtbot, demo_store)
    click_row(window, 0)  # the first click also builds the tabs' widgets
    busiest = max(  # the case whose order has the most cases, lines and events
        range(window.cases_view.model.rowCount()),
        key=lambda row: len(demo_store.events(window.cases_view.model.row_id(row))),
    )
    for row in (1, busiest, 2):
        statements = statements_of(demo_store, lambda r=row: click_row(window, r))
        shown = window.case_panel.case_id
        assert shown == window.cases_view.model.row_id(row)
        assert len(statements) <= 6, "\n".join(statements)
    assert str(shown) in window.case_panel.title.text()


def test_every_tab_shows_the_case_clicked(qtbot, demo_store):
    window = open_window(qtbot, demo_store)
    click_row(window, 3)
    case_id = window.case_panel.case_id
    events = demo_store.events(case_id)
    assert [s.case_id for s in window.case_panel.sections[1:]] == [case_id] * (
        len(window.case_panel.sections) - 1
    )
    overview = window.case_panel.sections[0]
    assert overview.timeline.count() == len(events)
    timeline = next(s for s in window.case_panel.sections if isinstance(s, TimelinePanel))
    assert timeline.timeline.count() == len(events)


def test_both_timelines_mark_an_undone_step_the_same_way(qtbot, demo_store, now):
    window = open_window(qtbot, demo_store)
    case = next(c for c in demo_store.list_cases() if c.state == "awaiting_seller")
    add_case_event(demo_store, case.id, EventKind.NOTE.value, now, "先记一笔", now=now)
    undo_last(demo_store, case.id, now=now)
    window.show_case(case.id)
    overview = window.case_panel.sections[0].timeline
    progress = next(s for s in window.case_panel.sections if isinstance(s, TimelinePanel)).timeline
    texts = [[w.item(i).text() for i in range(w.count())] for w in (overview, progress)]
    assert texts[0] == texts[1]
    (undone,) = [i for i, text in enumerate(texts[0]) if "先记一笔" in text]
    assert texts[0][undone].endswith("（已撤销）")
    for widget in (overview, progress):
        assert widget.item(undone).font().strikeOut()
