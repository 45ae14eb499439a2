"""File dialogs start in Downloads and remember the last folder, for each purpose; a
copied reply says so in the status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from shopdesk.ui import safety
from shopdesk.ui.dialogs import file_dialogs
from shopdesk.ui.main_window import MainWindow
from tests.ui.case.test_reply_panel import open_case

SYSTEM_DOWNLOADS = file_dialogs.downloads_folder  # before the fixture replaces it


@pytest.fixture(autouse=True)
def fresh_folders(tmp_path, monkeypatch):
    """A Downloads folder of this test's own; no folder remembered from another test."""
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    monkeypatch.setattr(file_dialogs, "downloads_folder", lambda: downloads)
    settings = QSettings()
    settings.remove("folders")
    yield downloads
    settings.remove("folders")


@pytest.fixture
def asked(monkeypatch):
    """Each file dialog's start folder; the seller picks what `answer` holds."""
    calls: list[str] = []
    answer: dict[str, object] = {}

    def open_names(parent, title, folder, filters):
        calls.append(folder)
        return answer.get("names", []), ""

    def open_name(parent, title, folder, filters):
        calls.append(folder)
        return answer.get("name", ""), ""

    def save_name(parent, title, suggested, filters):
        calls.append(suggested)
        return answer.get("name", ""), ""

    def directory(parent, title, folder):
        calls.append(folder)
        return answer.get("folder", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_names)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_name)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", directory)
    return calls, answer


@pytest.fixture
def window(qtbot, demo_store):
    made = MainWindow(demo_store)
    qtbot.addWidget(made)
    safety.install(made)
    yield made
    made.external_writes.stop()


def test_import_starts_in_downloads_then_where_the_last_import_came_from(
    window, asked, fresh_folders, tmp_path, monkeypatch
):
    calls, answer = asked
    monkeypatch.setattr(window.import_controller, "start", lambda files: True)
    window.import_action.trigger()
    assert calls == [str(fresh_folders)]
    exports = tmp_path / "千牛导出"
    exports.mkdir()
    answer["names"] = [str(exports / "ExportOrderList202611.csv")]
    window.import_action.trigger()
    window.import_action.trigger()
    assert calls[-1] == str(exports)


def test_each_purpose_remembers_its_own_folder(window, asked, fresh_folders, tmp_path):
    calls, answer = asked
    photos = tmp_path / "photos"
    photos.mkdir()
    evidence = next(s for s in window.case_panel.sections if type(s).__name__ == "EvidencePanel")
    window.show_case(window.store.list_cases()[0].id)
    answer["names"] = [str(photos / "开箱.jpg")]
    evidence._choose_files()  # the file does not exist: the panel says so, the folder stays
    evidence._choose_chat()
    assert calls == [str(fresh_folders), str(photos)]
    answer.clear()
    safety.choose_export(window, "orders")  # exports did not move with the photos
    assert calls[-1] == str(fresh_folders / "shopdesk-orders.xlsx")
    packages = tmp_path / "证据包"
    packages.mkdir()
    answer["folder"] = str(packages)
    evidence.build = lambda out: None  # the folder is what this test is about
    evidence.confirm = lambda box: True  # packing with required evidence missing: go on
    evidence._choose_output()
    answer.clear()
    safety.choose_export(window, "cases")
    assert calls[-1] == str(packages / "shopdesk-cases.xlsx")


def test_a_remembered_folder_that_is_gone_falls_back_to_downloads(asked, fresh_folders, tmp_path):
    file_dialogs.remember(file_dialogs.IMPORT, tmp_path / "gone" / "x.csv")
    assert file_dialogs.start_folder(file_dialogs.IMPORT) == fresh_folders


def test_copying_a_reply_says_so_in_the_status_bar(qtbot, window, demo_store):
    window.show()
    case, panel = open_case(window, demo_store, "return_refund", cause="seller_defect")
    text = panel.editor.toPlainText()
    panel.copy_button.click()
    message = window.statusBar().currentMessage()
    assert message.startswith("已复制") and str(len(text)) in message


def test_downloads_is_the_systems_download_folder_or_home(monkeypatch, tmp_path):
    from PySide6.QtCore import QStandardPaths

    folder = tmp_path / "下载"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda location: str(folder))
    assert SYSTEM_DOWNLOADS() == Path.home()  # not made yet
    folder.mkdir()
    assert SYSTEM_DOWNLOADS() == folder
