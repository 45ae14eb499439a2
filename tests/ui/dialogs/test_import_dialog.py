"""Importing from the window: menu action, drag-and-drop, background run, report, cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from shopdesk.importers import Problem
from shopdesk.store.store import Store
from shopdesk.ui.dialogs import import_dialog
from shopdesk.ui.dialogs.import_report import ImportReportDialog, SkippedRowsModel
from shopdesk.ui.main_window import MainWindow
from tests.importers_fixtures import order, write_orders

NO_A = "3515313147329357900"
NO_B = "3515313147329357921"


def export_with_a_bad_row(folder: Path) -> Path:
    return write_orders(
        folder / "ExportOrderList202406201030.csv",
        [order(NO_A), order(NO_B, 订单编号="3.51531E+18"), order(NO_B, 买家实际支付金额="abc")],
        excel=True,
    )


def make_window(qtbot, store: Store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    return window


def test_skipped_rows_model(qtmodeltester) -> None:
    problems = [
        Problem("/x/a.csv", 3, "订单编号", "3.5E+18", "编号是科学计数法"),
        Problem("/x/a.csv", 7, "", "", "文件在此行中途结束"),
    ]
    model = SkippedRowsModel(problems)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 5
    assert model.as_tsv().splitlines()[1] == "a.csv\t3\t订单编号\t3.5E+18\t编号是科学计数法"


def test_menu_import_runs_in_background_and_reports(qtbot, store: Store, tmp_path: Path) -> None:
    window = make_window(qtbot, store)
    controller = window.import_controller
    assert window.import_action in window.menu("file").actions()
    with qtbot.waitSignal(controller.finished, timeout=20000):
        assert controller.start([str(export_with_a_bad_row(tmp_path))])
    dialog = controller.report_dialog
    assert dialog is not None and dialog.isVisible()
    assert "新增 1" in dialog.summary.text() and "跳过 2 行" in dialog.summary.text()
    assert dialog.model.rowCount() == 2
    dialog.copy_all()
    copied = QApplication.clipboard().text()
    assert "3.51531E+18" in copied and "金额不是数字" in copied
    dialog.table.selectRow(1)
    dialog.copy_selection()
    assert QApplication.clipboard().text().splitlines()[1].startswith("ExportOrderList")
    assert "abc" in QApplication.clipboard().text()
    # the window's views show the new order
    assert store.counts()["orders"] == 1
    assert window.orders_view.model.rowCount() == 1
    dialog.close()


def test_dropped_files_are_imported(qtbot, store: Store, tmp_path: Path) -> None:
    window = make_window(qtbot, store)
    controller = window.import_controller
    controller.show_reports = False
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(export_with_a_bad_row(tmp_path)))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()  # the window says it takes files
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(controller.imported, timeout=20000) as caught:
        QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    (file,) = caught.args[0].files
    assert (file.kind, file.added, len(file.skipped)) == ("orders", 1, 2)
    qtbot.waitUntil(lambda: not controller.busy)


def test_unusable_file_shows_why_and_imports_nothing(qtbot, store: Store, tmp_path: Path) -> None:
    window = make_window(qtbot, store)
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\x00\x01" * 300)
    good = export_with_a_bad_row(tmp_path)
    with qtbot.waitSignal(window.import_controller.finished, timeout=20000):
        window.import_controller.start([str(good), str(junk)])
    box = window.import_controller.failure_box
    assert box is not None and box.isVisible()
    assert box.icon() == QMessageBox.Icon.Warning
    assert "junk.csv" in box.text() and "没有导入" in box.text()
    assert store.counts()["orders"] == 0
    box.close()


def long_export(folder: Path, rows: int = 1200) -> Path:
    """More rows than one chunk of the importer: Cancel can arrive between chunks."""
    numbers = [f"35153131473293{n:05d}" for n in range(rows)]
    return write_orders(folder / "ExportOrderList202406201030.csv", [order(n) for n in numbers])


def orders_in(store: Store) -> list[tuple]:
    return store.db.execute("SELECT order_no, paid_fen FROM orders ORDER BY id").fetchall()


def test_cancel_during_a_long_import_leaves_the_store_unchanged(
    qtbot, store: Store, tmp_path: Path, monkeypatch
) -> None:
    window = make_window(qtbot, store)
    with qtbot.waitSignal(window.import_controller.finished, timeout=20000):
        window.import_controller.start([str(write_orders(tmp_path / "a.csv", [order(NO_A)]))])
    window.import_controller.report_dialog.close()
    before = orders_in(store)
    controller = window.import_controller
    controller.show_reports = False
    written: list[int] = []
    real = import_dialog.import_exports

    def import_then_cancel(target, files, **kw):
        """The seller presses 取消 once the first chunk of rows is in the transaction."""
        report = kw.pop("on_progress")

        def progress(done: int, total: int) -> None:
            report(done, total)
            if 0 < done < total and not written:
                written.append(target.db.execute("SELECT count(*) FROM orders").fetchone()[0])
                controller.task.cancel()  # what the dialog's 取消 button does

        return real(target, files, on_progress=progress, **kw)

    monkeypatch.setattr(import_dialog, "import_exports", import_then_cancel)
    with qtbot.waitSignal(controller.finished, timeout=60000):
        assert controller.start([str(long_export(tmp_path))])
    assert written and written[0] > len(before)  # rows were written, then rolled back
    assert orders_in(store) == before
    assert controller.report_dialog is None or not controller.report_dialog.isVisible()
    assert controller.failure_box is None  # a cancel is not reported as a failure
    assert not controller.busy
    assert window.statusBar().currentMessage() == "导入已取消：没有导入任何数据。"


def test_the_progress_dialog_waits_half_a_second_and_its_cancel_stops_the_import(
    qtbot, store: Store, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QPushButton

    from shopdesk.ui import tasks

    window = make_window(qtbot, store)
    controller = window.import_controller
    controller.show_reports = False
    started = []
    release = __import__("threading").Event()
    real = import_dialog.import_exports

    def held(target, files, **kw):  # an import that is still running when the dialog shows
        started.append(1)
        release.wait(30)
        return real(target, files, **kw)

    monkeypatch.setattr(import_dialog, "import_exports", held)
    assert controller.start([str(long_export(tmp_path, 10))])
    dialog, delay = controller.progress, controller.task.delay
    assert dialog is not None and not dialog.isVisible()  # not at once: a quick one never flashes
    assert delay.isActive() and delay.interval() == tasks.PROGRESS_DELAY_MS == 500
    qtbot.waitUntil(lambda: bool(started))
    delay.stop()
    delay.timeout.emit()  # half a second later, still importing: the dialog shows
    assert dialog.isVisible() and "正在导入 1 个文件" in dialog.labelText()
    (cancel,) = dialog.findChildren(QPushButton)
    assert cancel.text() == "取消"
    cancel.click()
    release.set()
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    assert store.counts()["orders"] == 0


def test_report_dialog_without_skipped_rows(qtbot, store: Store, tmp_path: Path, now) -> None:
    from shopdesk.store.import_repo import import_files

    report = import_files(store, [write_orders(tmp_path / "o.csv", [order(NO_A)])], now=now)
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert not dialog.copy_button.isEnabled()
    assert dialog.table.isHidden()


def test_report_counts_repeated_rows_as_merged(qtbot, store: Store, tmp_path: Path) -> None:
    window = make_window(qtbot, store)
    controller = window.import_controller
    path = write_orders(
        tmp_path / "ExportOrderList202406201030.csv",
        [order(NO_A), order(NO_B), order(NO_A), order(NO_B, 买家实际支付金额="-5.00")],
    )
    with qtbot.waitSignal(controller.finished, timeout=20000):
        assert controller.start([str(path)])
    dialog = controller.report_dialog
    text = dialog.summary.text()
    assert "读取 4 行，新增 2，更新 0，未变 0，跳过 1 行，重复行已合并 1 行" in text
    assert "负数" in dialog.model.cell_text(0, 4)
    dialog.close()


def test_a_file_whose_every_row_is_skipped_is_refused_in_the_window(
    qtbot, store: Store, tmp_path: Path
) -> None:
    window = make_window(qtbot, store)
    good = write_orders(tmp_path / "ExportOrderList202406201030.csv", [order(NO_A)])
    bad = write_orders(
        tmp_path / "ExportOrderList202406211030.csv",
        [order(NO_B, 订单创建时间="2099-06-18 14:20:31"), order(NO_A, 订单创建时间="")],
    )
    with qtbot.waitSignal(window.import_controller.finished, timeout=20000):
        window.import_controller.start([str(good), str(bad)])
    box = window.import_controller.failure_box
    assert box is not None and box.isVisible()
    assert box.text().startswith("ExportOrderList202406211030.csv：2 行数据全部无法导入")
    assert "没有导入任何文件的任何数据" in box.text()
    assert store.counts()["orders"] == 0
    box.close()


def test_the_chosen_skipped_row_shows_its_whole_reason(qtbot, store: Store, tmp_path, now) -> None:
    from shopdesk.store.import_repo import import_files

    report = import_files(store, [export_with_a_bad_row(tmp_path)], now=now)
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.detail.text().startswith("ExportOrderList202406201030.csv 第 3 行 订单编号")
    assert dialog.detail.text().endswith("请用平台导出的原始文件")
    dialog.table.selectRow(1)
    assert "第 4 行 买家实际支付金额“abc”：金额不是数字" in dialog.detail.text()


def test_a_new_platform_asks_its_shop_once(qtbot, store: Store, tmp_path: Path) -> None:
    from tests.pdd_fixtures import pdd_order, write_pdd_orders

    window = make_window(qtbot, store)
    controller = window.import_controller
    controller.show_reports = False
    asked: list[str] = []

    def answer(platform: str) -> str:
        asked.append(platform)
        return "小满拼多多店"

    controller.ask_shop_name = answer
    first = write_pdd_orders(tmp_path / "a_orders_export.csv", [pdd_order()])
    with qtbot.waitSignal(controller.finished, timeout=20000):
        assert controller.start([str(first)])
    assert asked == ["pdd"]
    shops = store.db.execute("SELECT name FROM shops WHERE platform = 'pdd'").fetchall()
    assert shops == [("小满拼多多店",)]
    second = write_pdd_orders(
        tmp_path / "b_orders_export.csv", [pdd_order("240612-113355779900112")]
    )
    with qtbot.waitSignal(controller.finished, timeout=20000):
        assert controller.start([str(second)])
    assert asked == ["pdd"]  # remembered: the shop it made is the platform's only one
    assert {o.order_no for o in store.list_orders()} == {
        "240613-861787953171000",
        "240612-113355779900112",
    }


def test_cancelling_the_shop_question_imports_nothing(qtbot, store: Store, tmp_path: Path) -> None:
    from tests.pdd_fixtures import pdd_order, write_pdd_orders

    window = make_window(qtbot, store)
    controller = window.import_controller
    controller.ask_shop_name = lambda platform: None
    path = write_pdd_orders(tmp_path / "a_orders_export.csv", [pdd_order()])
    assert not controller.start([str(path)])
    assert store.list_orders() == []


def test_a_pdd_case_clock_without_a_known_length_says_so(qtbot, store: Store, tmp_path) -> None:
    from datetime import datetime

    from shopdesk.domain.timeutil import CHINA
    from shopdesk.store.deadlines_repo import deadlines_for_case
    from shopdesk.store.import_repo import import_files
    from shopdesk.ui.case.timeline_panel import DeadlineCard
    from tests.pdd_fixtures import pdd_refund, write_pdd_refunds

    at = datetime(2024, 6, 15, 12, 0, tzinfo=CHINA)
    refunds = write_pdd_refunds(tmp_path / "after_20240615110000.xlsx", [pdd_refund()])
    import_files(store, [refunds], now=at)
    (case,) = store.list_cases()
    (clock,) = deadlines_for_case(store, case, at)
    card = DeadlineCard(clock)
    qtbot.addWidget(card)
    assert card.countdown.text() == "无估计"  # not 已暂停: nothing waits to resume
    assert "暂停" not in card.detail.text()
    assert "平台未公布时长" in card.detail.text()
