"""帮助 menu: 关于 shows the version, the store and its size, SQLite and Qt; 诊断信息 copies
the same with the newest crash log; 打开数据文件夹 opens the seller's data folder."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog

from shopdesk.domain import paths
from shopdesk.ui.dialogs import about, diagnostics
from shopdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot, demo_store):
    shown = MainWindow(demo_store)
    qtbot.addWidget(shown)
    return shown


@pytest.fixture
def opened_dialogs(monkeypatch, qtbot):
    """Dialogs the menu opens, shown instead of run modally (so the test goes on)."""
    opened: list[QDialog] = []

    def show_instead(dialog):
        opened.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        return 0

    monkeypatch.setattr(QDialog, "exec", show_instead)
    return opened


def trigger(window, text: str) -> None:
    (action,) = [a for a in window.menu("help").actions() if a.text() == text]
    action.trigger()


def crash_logs(data_dir: Path, logs: dict[str, str]) -> Path:
    folder = data_dir / "crash-logs"
    folder.mkdir(parents=True)
    for name, text in logs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_about_shows_the_version_the_store_its_size_sqlite_and_qt(window, opened_dialogs):
    trigger(window, "关于 ShopDesk")
    (about,) = opened_dialogs
    shown = "\n".join(label.text() for label in about.values.values())
    version = subprocess.run(
        [sys.executable, "-m", "shopdesk", "--version"], capture_output=True, text=True
    ).stdout.split()[-1]
    assert f"ShopDesk {version}" in shown  # the same version as `shopdesk --version`
    assert str(window.store.path.resolve()) in shown
    on_disk = sum(
        Path(f"{window.store.path}{suffix}").stat().st_size
        for suffix in ("", "-wal")
        if Path(f"{window.store.path}{suffix}").exists()
    )
    assert diagnostics.size_text(on_disk) in shown  # the database and its WAL
    assert sqlite3.sqlite_version in shown
    assert f"Qt {qVersion()}" in shown


def test_diagnostics_copies_the_facts_with_the_newest_crash_log(window, opened_dialogs, data_dir):
    crash_logs(
        data_dir,
        {
            "crash-20261130-080000-41.log": "Traceback: the older crash\n",
            "crash-20261201-093000-42.log": "Traceback (most recent call last):\nKeyError: 'refund_fen'\n",
            "shopdesk.log": "not a crash log\n",
        },
    )
    trigger(window, "诊断信息…")
    (dialog,) = opened_dialogs
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.view.toPlainText()
    assert "KeyError: 'refund_fen'" in copied
    assert "crash-20261201-093000-42.log" in copied
    assert "the older crash" not in copied
    assert str(window.store.path.resolve()) in copied
    assert sqlite3.sqlite_version in copied
    assert "已复制" in dialog.status.text()


def test_diagnostics_without_a_crash_log_says_so(window, opened_dialogs):
    trigger(window, "诊断信息…")
    (dialog,) = opened_dialogs
    assert "没有崩溃记录" in QGuiApplication.clipboard().text()
    assert "没有崩溃记录" in dialog.findChildren(type(dialog.status))[0].text()


def test_a_runaway_crash_log_is_cut_to_its_end(window, data_dir):
    tail = "RuntimeError: the last line that matters"
    crash_logs(data_dir, {"crash-20261201-093000-42.log": "x" * 100_000 + "\n" + tail})
    dialog = about.DiagnosticsDialog(window.store, window)
    assert dialog.text.rstrip().endswith(tail)
    assert len(dialog.text) < 30_000
    assert "已省略" in dialog.text


def test_diagnostics_copy_again_puts_the_report_back_on_the_clipboard(window, qtbot):
    dialog = about.DiagnosticsDialog(window.store, window)
    qtbot.addWidget(dialog)
    QGuiApplication.clipboard().setText("something else")
    dialog.copy()
    assert QGuiApplication.clipboard().text() == dialog.text


class _UrlCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_data_folder_opens_the_sellers_data_folder(window):
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        trigger(window, "打开数据文件夹")
    finally:
        QDesktopServices.unsetUrlHandler("file")
    (url,) = catcher.urls
    assert Path(url.toLocalFile()) == paths.data_dir()
