"""The 分析 view on the known-number store: the same figures as the core and the CLI,
tooltips that say what is counted, a drill-down to the cases, models that pass the
model tester, its Ctrl+number."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from shopdesk.ui.main_window import MainWindow
from shopdesk.ui.views.insights_models import KEY_ROLE
from shopdesk.ui.views.insights_view import InsightsView
from tests.insights_store import CLOTH, MUG, TISSUE, build_known_store


@pytest.fixture
def known(store):
    return store, build_known_store(store)


@pytest.fixture
def view(qtbot, known):
    store, ids = known
    widget = InsightsView(store)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.shop_box.setCurrentIndex(widget.shop_box.findData(ids["shop_a"]))
    widget.set_period(date(2026, 11, 1), date(2026, 11, 30))
    return widget


def _cells(model) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _column(model, title: str) -> int:
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index(title)


def test_product_table_shows_the_known_figures(view):
    model = view.breakdowns["product"].model
    keys = [model.data(model.index(r, 0), KEY_ROLE) for r in range(model.rowCount())]
    assert keys == [MUG, CLOTH, TISSUE]
    mug = _cells(model)[0]
    assert mug[_column(model, "售出件数")] == "8"
    assert mug[_column(model, "售后单")] == "4"
    assert mug[_column(model, "每百件售后")] == "50"
    assert mug[_column(model, "已退款")] == "¥59.00"
    assert mug[_column(model, "净损失")] == "¥52.00"
    assert mug[_column(model, "较上期")] == "+3（10 → 50）"
    assert "2026-11-01 至 2026-11-30" in view.summary.text()
    assert "售后 5 单" in view.summary.text()


def test_tooltips_say_what_each_figure_counts_and_the_period(view):
    model = view.breakdowns["product"].model
    tip = model.headerData(
        _column(model, "售出件数"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "付款" in tip and "2026-11-01 至 2026-11-30" in tip
    cell_tip = model.data(model.index(0, _column(model, "已退款")), Qt.ItemDataRole.ToolTipRole)
    assert "实际退" in cell_tip


def test_other_tabs_show_causes_couriers_appeals_and_service(view, qtbot):
    view.tabs.setCurrentIndex(1)
    causes = view.breakdowns["cause"].model
    assert [row[0] for row in _cells(causes)][:1] == ["商品质量问题"]
    assert _cells(causes)[0][_column(causes, "占比")] == "40.0%"
    view.tabs.setCurrentIndex(3)
    couriers = view.breakdowns["courier"].model
    assert [(r[0], r[1], r[2]) for r in _cells(couriers)] == [
        ("顺丰速运", "2", "1"),
        ("中通快递", "2", "1"),
    ]
    view.tabs.setCurrentIndex(4)
    appeals = _cells(view.appeals_model)
    assert ["快递丢件", "1", "1", "0", "0", "0", "¥10.00"] in appeals
    with qtbot.waitSignal(view.service_shown, timeout=10_000):
        view.tabs.setCurrentIndex(5)
    assert "中位数 105 分钟" in view.service_label.text()
    assert "5 单中 2 单" in view.service_label.text()


def test_service_times_are_worked_out_off_the_window_thread(view, qtbot, monkeypatch):
    """At a big shop they read every case's timeline: the window keeps answering."""
    import threading

    from shopdesk.store import insights

    seen = []
    real = insights.service

    def recording(store, period, scope, now=None):
        seen.append((threading.current_thread(), store is view.store))
        return real(store, period, scope, now)

    monkeypatch.setattr(insights, "service", recording)
    with qtbot.waitSignal(view.service_shown, timeout=10_000):
        view.tabs.setCurrentIndex(5)
        assert view.service_label.text() == "正在计算服务时间…"  # shown while it works
    assert seen == [(seen[0][0], False)] and seen[0][0] is not threading.main_thread()
    assert "5 单中 2 单" in view.service_label.text()


def test_a_late_answer_for_an_older_period_is_not_shown(view, qtbot):
    view.tabs.setCurrentIndex(5)
    with qtbot.waitSignal(view.service_shown, timeout=10_000):
        view.set_period(date(2026, 10, 1), date(2026, 10, 31))  # asked again before it came
    # shop A in October: C7 only (November's 5 cases came first and were dropped)
    assert "期间内申请的售后单：1\n" in view.service_label.text()


def test_models_pass_the_model_tester(view, qtmodeltester):
    for index in range(6):
        view.tabs.setCurrentIndex(index)
    for tab in view.breakdowns.values():
        qtmodeltester.check(tab.model)
    qtmodeltester.check(view.appeals_model)
    dialog = view.drill_down("product", view.breakdowns["product"].model.index(2, 0))
    qtmodeltester.check(dialog.model)


def test_double_click_drills_down_to_the_rows_cases(view, known, qtbot):
    _, ids = known
    table = view.breakdowns["product"].table
    model = view.breakdowns["product"].model
    row = [model.data(model.index(r, 0), KEY_ROLE) for r in range(model.rowCount())].index(TISSUE)
    table.doubleClicked.emit(model.index(row, 0))
    dialog = view.last_dialog
    shown = [
        dialog.model.data(dialog.model.index(r, 0), KEY_ROLE)
        for r in range(dialog.model.rowCount())
    ]
    assert shown == sorted([ids["C3"], ids["C9"]])
    with qtbot.waitSignal(view.selected_case) as opened:
        dialog.table.doubleClicked.emit(dialog.model.index(1, 0))
    assert opened.args == [ids["C9"]]


def test_the_sheet_button_needs_a_product_row(view):
    assert not view.sheet_button.isEnabled()
    view.breakdowns["product"].table.selectRow(0)
    assert view.sheet_button.isEnabled()


def test_the_window_lists_analysis_after_templates_with_the_next_ctrl_number(qtbot, known):
    store, _ = known
    window = MainWindow(store)
    qtbot.addWidget(window)
    keys = window.view_keys()
    assert keys.index("insights") == keys.index("templates") + 1
    wanted = QKeySequence(f"Ctrl+{keys.index('insights') + 1}")
    (action,) = [a for a in window.actions() if a.shortcut() == wanted]
    action.trigger()
    assert window.current_view_key() == "insights"


def test_a_product_alert_shows_as_a_row_in_due_and_opens_its_cases(qtbot, store):
    from shopdesk.domain.timeutil import now_utc
    from shopdesk.ui.views.product_alerts import ProductAlerts
    from tests.insights_store import build_alert_store

    build_alert_store(store, 5, now_utc())
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    due = window.view("due")
    (strip,) = due.findChildren(ProductAlerts)
    with qtbot.waitSignal(strip.worker_done, timeout=10000):
        strip.compute()
    assert strip.isVisible() and strip.count() == 1
    assert "保温杯" in strip.item(0).text() and "商品质量问题" in strip.item(0).text()
    assert all("保温杯" not in str(due.model.row(i)) for i in range(due.model.rowCount()))
    assert "保温杯" in window.view("insights").alert_label.text()
    strip.itemActivated.emit(strip.item(0))
    assert window.current_view_key() == "insights"
    dialog = window.view("insights").last_dialog
    assert dialog.model.rowCount() == 5
