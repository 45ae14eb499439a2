"""The window shows the core's errors and reasons in its own language: the English window
explains a refused import in English, the Chinese one in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopdesk.store.import_repo import import_files
from shopdesk.store.store import Store
from shopdesk.ui import i18n
from shopdesk.ui.dialogs.import_report import ImportReportDialog
from shopdesk.ui.main_window import MainWindow
from tests.importers_fixtures import order, write_orders

NO_A = "3515313147329357900"
NO_B = "3515313147329357921"


@pytest.fixture
def english(qapp, monkeypatch):
    monkeypatch.setattr(i18n, "_current", i18n.current_language())  # put back afterwards
    translator = i18n.install(qapp, "en")
    yield
    qapp.removeTranslator(translator)


def _refused(qtbot, store: Store, tmp_path: Path):
    window = MainWindow(store)
    qtbot.addWidget(window)
    bad = write_orders(
        tmp_path / "ExportOrderList202406211030.csv",
        [order(NO_B, 订单创建时间="2099-06-18 14:20:31"), order(NO_A, 订单创建时间="")],
    )
    with qtbot.waitSignal(window.import_controller.finished, timeout=20000):
        window.import_controller.start([str(bad)])
    box = window.import_controller.failure_box
    assert box is not None and box.isVisible()
    return box


def test_the_english_window_explains_a_refused_import_in_english(
    qtbot, store: Store, tmp_path: Path, english
) -> None:
    box = _refused(qtbot, store, tmp_path)
    text = box.text()
    assert text.startswith("ExportOrderList202406211030.csv: none of its 2 data rows")
    assert "nothing was changed" in text
    assert "the time is more than two years ahead" in text
    # only the file's own column name stays as the file writes it
    first = text.split("\n\n")[0].replace("订单创建时间", "")
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in first), text
    assert store.counts()["orders"] == 0
    box.close()


def test_the_chinese_window_explains_it_in_chinese(qtbot, store: Store, tmp_path: Path) -> None:
    box = _refused(qtbot, store, tmp_path)
    assert box.text().startswith("ExportOrderList202406211030.csv：2 行数据全部无法导入")
    box.close()


def test_the_english_report_gives_each_skipped_rows_reason_in_english(
    qtbot, store: Store, tmp_path: Path, now, english
) -> None:
    path = write_orders(
        tmp_path / "ExportOrderList202406201030.csv",
        [order(NO_A), order(NO_B, 买家实际支付金额="abc")],
    )
    report = import_files(store, [path], now=now)
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.model.cell_text(0, 4).startswith("the amount is not a number")
    assert dialog.model.cell_text(0, 2) == "买家实际支付金额"  # the file's own column name
    assert "the amount is not a number" in dialog.detail.text()


def test_the_english_window_names_case_kinds_and_states_in_english(
    qtbot, demo_store: Store, english
) -> None:
    from shopdesk.domain.labels import label
    from shopdesk.domain.model import CaseKind

    assert label(CaseKind, "reship") == "Reship"
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show_view("cases")
    model = window.cases_view.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    texts = {
        model.data(model.index(row, column))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    }
    assert "Refund only (not shipped)" in texts and "Awaiting seller" in texts
