"""Qt's own words (file dialog, Save/Cancel, OK, Close) in the seller's language."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from shopdesk.ui import qt_translations

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def installed(qapp):
    """Install for one language, then take Qt's catalogues off the shared app again."""
    made = []

    def install(language):
        translator = qt_translations.install(qapp, language)
        made.extend(getattr(qapp, "_shopdesk_qt_translators", ()) if translator else ())
        return translator

    yield install
    for translator in made:
        qapp.removeTranslator(translator)


def _buttons(box) -> list[str]:
    return sorted(button.text() for button in box.buttons())


@pytest.mark.parametrize(
    ("language", "words"),
    [("zh-CN", ["保存", "关闭", "取消"]), ("zh-TW", ["儲存", "取消", "關閉"])],
)
def test_standard_buttons_speak_chinese(qtbot, installed, language, words):
    assert installed(language) is not None
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(box)
    assert _buttons(box) == sorted(words)


def test_message_box_and_the_whole_file_dialog_in_simplified_chinese(qtbot, installed, tmp_path):
    installed("zh-CN")
    message = QMessageBox(
        QMessageBox.Icon.Question, "恢复备份", "替换？", QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
    )  # fmt: skip
    qtbot.addWidget(message)
    assert _buttons(message) == sorted(["确定", "取消"])
    dialog = QFileDialog(None, "导入", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [re.sub(r"\(&\w\)", "", label.text()) for label in dialog.findChildren(QLabel)]
    labels = [text for text in labels if text]
    assert len(labels) == 3, labels  # 查找范围, 文件名称, 文件类型
    assert all(not re.search("[A-Za-z]", text) for text in labels), labels


def test_english_loads_no_qt_catalogue(installed):
    assert installed("en") is None


def test_the_app_installs_them_at_start(qapp):
    from PySide6.QtCore import QCoreApplication

    from shopdesk.ui.app import make_application

    app = make_application("zh-CN")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        for translator in getattr(app, "_shopdesk_qt_translators", ()):
            app.removeTranslator(translator)
        app.removeTranslator(app._shopdesk_translator)


def test_the_build_keeps_the_two_catalogues_it_loads():
    """build.spec filters Qt's translations down to a list: the files loaded at run time
    must be on it, or the frozen window's dialogs fall back to English."""
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    kept = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", "") == "KEPT_QT_TRANSLATIONS" for t in node.targets)
    )
    for language in ("zh-CN", "zh-TW"):
        path = qt_translations.catalogue_path(language)
        assert path is not None and path.name in kept
