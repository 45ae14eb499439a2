"""Qt's own words in the seller's language: the file dialog, Save/Cancel, OK, Close.

Qt ships them as `qtbase_<locale>.qm` in its translations folder (PySide6 carries it; the
frozen build keeps only the Chinese ones, see build.spec). ShopDesk's own strings come
from i18n.py; Qt asks the translators newest first, and a catalogue that lacks a string
passes it on, so the two never shadow each other."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator

QT_CATALOGUES = {"zh-CN": "qtbase_zh_CN", "zh-TW": "qtbase_zh_TW"}

# Strings this Qt version shows in its file dialog that its own catalogue still lacks
# (they gained a mnemonic, or moved context, after the catalogue was last translated).
MISSING_FROM_QT = {
    "zh-CN": {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
        ("QAbstractFileIconProvider", "Folder"): "文件夹",
        ("QAbstractFileIconProvider", "Drive"): "驱动器",
        ("QAbstractFileIconProvider", "Unknown"): "未知",
    },
    "zh-TW": {
        ("QFileDialog", "&Look in:"): "尋找於(&L)：",
        ("QFileDialog", "Files of &type:"): "檔案型態(&T)：",
        ("QAbstractFileIconProvider", "Folder"): "資料夾",
        ("QAbstractFileIconProvider", "Drive"): "磁碟機",
        ("QAbstractFileIconProvider", "Unknown"): "未知",
    },
}


class _MissingStrings(QTranslator):
    def __init__(self, table: dict[tuple[str, str], str], parent=None):
        super().__init__(parent)
        self.table = table

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return self.table.get((context, source_text))  # None: ask the next translator

    def isEmpty(self) -> bool:
        return not self.table


def translations_folders() -> list[Path]:
    """Where Qt's catalogues are: what Qt itself reports, then the folder inside the
    PySide6 package (a frozen build whose qt.conf points elsewhere still has it there)."""
    import PySide6

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    package = Path(PySide6.__file__).resolve().parent
    folders += [package / "Qt" / "translations", package / "translations"]
    return folders


def catalogue_path(language: str) -> Path | None:
    name = QT_CATALOGUES.get(language)
    if name is None:
        return None  # English: Qt's source strings already are
    for folder in translations_folders():
        candidate = folder / f"{name}.qm"
        if candidate.is_file():
            return candidate
    return None


def install(app, language: str) -> QTranslator | None:
    """Install Qt's catalogue for `language` on the application; None when there is none
    (English, or a build without it: Qt then speaks English, nothing breaks)."""
    path = catalogue_path(language)
    if path is None:
        return None
    translator = QTranslator(app)
    if not translator.load(str(path)):
        return None
    app.installTranslator(translator)
    missing = _MissingStrings(MISSING_FROM_QT.get(language, {}), app)
    app.installTranslator(missing)
    app._shopdesk_qt_translators = (translator, missing)  # alive as long as the app
    return translator
