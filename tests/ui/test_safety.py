"""Backups from the menu, the check after the window is up, one window per store."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QFileDialog, QMessageBox

from shopdesk.store.backup import StartupReport, default_backup_dir, list_backups
from shopdesk.ui import safety
from shopdesk.ui.main_window import MainWindow
from shopdesk.ui.single_instance import InstanceServer, bring_forward_running
from tests.safety_support import snapshot


@pytest.fixture
def windows():
    """Windows made by a test stop watching their store before the store closes."""
    made: list[MainWindow] = []
    yield made
    for window in made:
        window.external_writes.stop()
        window.close()
        shiboken6.delete(window)


@pytest.fixture
def make_window(qtbot, windows):
    def make(store) -> MainWindow:
        window = MainWindow(store)
        windows.append(window)
        safety.install(window)
        window.show()
        qtbot.waitUntil(lambda: window.clocks.settled)  # the clocks' catch-up writes
        return window

    return make


def test_back_up_then_restore_from_the_file_menu(qtbot, demo_store, make_window):
    window = make_window(demo_store)
    (action,) = [a for a in window.menu("file").actions() if a.text() == "备份 / 恢复…"]
    before = snapshot(demo_store.path)
    action.trigger()
    dialog = window.findChild(safety.BackupDialog)
    assert dialog is not None and dialog.list.count() == 0
    with qtbot.waitSignal(dialog.back_up_now().finished):
        pass
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    assert "已备份到" in dialog.status.text()

    order = demo_store.list_orders(limit=1)[0]
    demo_store.add_case(order.id, "refund_unshipped", "2026-11-28T05:00:00Z")
    window.refresh()
    cases_before_restore = window.cases_view.model.rowCount()
    with qtbot.waitSignal(dialog.restore_selected(confirm=False).finished):
        pass
    qtbot.waitUntil(lambda: window.cases_view.model.rowCount() == cases_before_restore - 1)
    assert snapshot(demo_store.path) == before
    assert "恢复前的数据已备份到" in dialog.status.text()
    grab = dialog.grab()
    grab.save("/tmp/shots/safety-backup-dialog.png")


def test_daily_backup_runs_in_the_background_once_a_day(qtbot, store, make_window):
    window = make_window(store)
    with qtbot.waitSignal(safety.start_background_checks(window).finished, timeout=10000):
        pass
    assert [b.kind for b in list_backups(default_backup_dir(store.path))] == ["auto"]
    with qtbot.waitSignal(safety.start_background_checks(window).finished, timeout=10000):
        pass
    assert len(list_backups(default_backup_dir(store.path))) == 1


def test_a_damaged_store_is_reported_with_what_to_do(qtbot, store, monkeypatch, make_window):
    window = make_window(store)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    safety._report_startup(window, StartupReport(damage="database disk image is malformed"))
    assert len(shown) == 1
    assert "malformed" in shown[0] and "从最近的备份恢复" in shown[0] and "未做任何改动" in shown[0]


def test_a_second_shopdesk_on_the_same_store_brings_the_first_forward(qtbot, tmp_path, make_window):
    server = InstanceServer(tmp_path / "a.db")
    assert server.is_listening()
    with qtbot.waitSignal(server.raise_requested, timeout=5000):
        assert bring_forward_running(tmp_path / "a.db")
    assert not bring_forward_running(tmp_path / "b.db", timeout_ms=200)
    server.close()


def test_export_from_the_file_menu(qtbot, demo_store, tmp_path, monkeypatch, make_window):
    window = make_window(demo_store)
    (export_menu,) = [a.menu() for a in window.menu("file").actions() if a.text() == "导出"]
    titles = [a.text() for a in export_menu.actions()]
    assert titles == ["订单…", "售后单…", "待办时限…"]
    out = tmp_path / "售后"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "CSV (*.csv)"))
    export_menu.actions()[1].trigger()
    with qtbot.waitSignal(window.export_job.finished, timeout=10000):
        pass
    assert (tmp_path / "售后.csv").read_text(encoding="utf-8-sig").startswith("售后单,订单号")
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage())


def test_a_failed_export_says_why(qtbot, demo_store, tmp_path, monkeypatch, make_window):
    window = make_window(demo_store)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    with qtbot.waitSignal(safety.export_to(window, "orders", tmp_path / "none" / "x.csv").failed):
        pass
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "不存在" in shown[0]


def test_a_store_too_damaged_to_open_names_the_backup_to_restore(qapp, store, now):
    from shopdesk.domain.errors import DamagedStoreError, NewerStoreError
    from shopdesk.store.backup import make_backup

    backup = make_backup(store.path, now)
    text = safety.open_failure_text(store.path, DamagedStoreError("“shop.db” 已损坏。"))
    assert str(backup) in text and f'shopdesk restore "{backup}"' in text
    assert safety.open_failure_text(store.path, NewerStoreError("更新版本")) == "更新版本"
