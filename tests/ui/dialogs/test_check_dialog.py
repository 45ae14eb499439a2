"""文件 → 检查数据…: the check runs off the GUI thread and its dialog names what is wrong."""

from __future__ import annotations

import os

import pytest
import shiboken6
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QPushButton

from shopdesk.ui.dialogs.check_dialog import CheckResultDialog
from shopdesk.ui.main_window import MainWindow
from tests.safety_support import put_evidence, snapshot
from tests.verify_heal_support import damage_page, rot_evidence

PHOTO = b"\xff\xd8\xff\xe0 the buyer's photo of a scratched lid"


@pytest.fixture
def windows():
    made: list[MainWindow] = []
    yield made
    for window in made:
        window.external_writes.stop()
        window.close()
        shiboken6.delete(window)


def open_window(qtbot, windows, store) -> MainWindow:
    window = MainWindow(store)
    windows.append(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.clocks.settled)  # the clocks' catch-up writes the store
    return window


def run_check(qtbot, window) -> CheckResultDialog:
    (action,) = [a for a in window.menu("file").actions() if a.text() == "检查数据…"]
    action.trigger()
    run = window.check_run
    with qtbot.waitSignal(run.done, timeout=20000):
        pass
    assert run.job.ran_on.startswith("shopdesk-task")  # a worker thread did it
    return run.result_dialog


def save_screenshot(window, dialog, name: str) -> None:
    """The window at 1280x720 with the result dialog over it, as the seller sees it."""
    picture = window.grab()
    painter = QPainter(picture)
    dialog_picture = dialog.grab()
    corner = QPoint(
        (picture.width() - dialog_picture.width()) // 2,
        (picture.height() - dialog_picture.height()) // 2,
    )
    painter.drawPixmap(corner, dialog_picture)
    painter.end()
    picture.save(os.path.join(os.environ.get("SHOPDESK_SHOTS", "/tmp"), name))


def test_check_data_names_the_case_file_and_hash_of_a_rotted_evidence_file(
    qtbot, demo_store, windows
):
    case = demo_store.list_cases()[4]
    sha = put_evidence(demo_store, case.id, PHOTO, "划痕照片.jpg")
    rot_evidence(demo_store.path, sha)
    window = open_window(qtbot, windows, demo_store)
    before = snapshot(demo_store.path)
    dialog = run_check(qtbot, window)
    assert snapshot(demo_store.path) == before  # a check repairs nothing behind one's back
    assert dialog.isVisible()
    assert "发现 1 个问题" in dialog.headline.text()
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(5)]
    assert row == [
        f"#{case.id}",
        case.order_no,
        "划痕照片.jpg",
        "已损坏（内容与 SHA-256 不符）",
        sha,
    ]
    assert f"受影响的售后单：#{case.id}" in dialog.summary.text()
    save_screenshot(window, dialog, "verify-heal-check-rotted.png")
    dialog.open_case(0)
    assert window.detail.currentWidget() is window.case_panel
    dialog.copy_report()
    assert sha in dialog.report_text() and "划痕照片.jpg" in dialog.report_text()


def test_check_data_finds_a_damaged_page(qtbot, demo_store, windows):
    if True:  # the page goes bad while the window is open (a damaged store does not open)
        window = open_window(qtbot, windows, demo_store)
        damage_page(demo_store.path)
        dialog = run_check(qtbot, window)
        assert "发现" in dialog.headline.text()
        assert "已损坏" in dialog.summary.text()
        assert dialog.details.isVisible() and dialog.details.toPlainText()
        assert "备份 / 恢复" in dialog.advice.text()
        save_screenshot(window, dialog, "verify-heal-check-damaged.png")
        window.external_writes.stop()


def test_check_data_on_a_sound_store_says_so(qtbot, demo_store, windows):
    window = open_window(qtbot, windows, demo_store)
    dialog = run_check(qtbot, window)
    assert dialog.headline.text().startswith("✓")
    assert not dialog.table.isVisible()
    save_screenshot(window, dialog, "verify-heal-check-ok.png")


def test_cancel_stops_the_check_and_says_so(qtbot, demo_store, windows):
    from shopdesk.ui.dialogs.check_dialog import start_check

    window = open_window(qtbot, windows, demo_store)
    run = start_check(window)
    (cancel,) = run.progress.findChildren(QPushButton)
    assert cancel.text() == "取消"
    with qtbot.waitSignal(run.job.finished, timeout=20000):
        cancel.click()  # the seller presses 取消 (the worker starts on the next turn)
    qtbot.waitUntil(lambda: "检查已取消" in window.statusBar().currentMessage())
    assert run.result_dialog is None and not run.progress.isVisible()
