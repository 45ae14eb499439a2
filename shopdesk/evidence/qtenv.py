"""Headless Qt for rendering: a QGuiApplication when none exists (CLI, background
scripts) and the bundled CJK font, loaded once, so text renders the same everywhere."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from shopdesk.domain import paths

_family: str | None = None
_app: QGuiApplication | None = None


def ensure_gui() -> None:
    """Text rendering needs a QGuiApplication; the window's QApplication is one."""
    global _app
    if QCoreApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])


def font_family() -> str:
    """The family name of the bundled CJK font (loaded on first use)."""
    global _family
    ensure_gui()
    if _family is None:
        font_id = QFontDatabase.addApplicationFont(str(paths.font_path()))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise RuntimeError(f"cannot load the bundled font {paths.font_path()}")
        _family = families[0]
    return _family


def font(pixel_size: int, bold: bool = False) -> QFont:
    result = QFont(font_family())
    result.setPixelSize(pixel_size)
    result.setBold(bold)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    result.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return result
