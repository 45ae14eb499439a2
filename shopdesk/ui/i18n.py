"""Languages. Source strings in tr() are Simplified Chinese (the first language); zh-TW
and en come from flat JSON files in resources/i18n (source -> translation), served to Qt
through a QTranslator, so every widget's tr() works as usual."""

from __future__ import annotations

import json

from PySide6.QtCore import QLocale, QTranslator

from shopdesk import paths

LANGUAGES = ("zh-CN", "zh-TW", "en")
_current = "zh-CN"


def current_language() -> str:
    return _current


def system_language() -> str:
    """zh-CN on a Simplified Chinese system, zh-TW on a Traditional one, else English."""
    name = QLocale.system().name()  # e.g. zh_CN, zh_TW, zh_HK, en_US
    if name.startswith(("zh_TW", "zh_HK", "zh_MO")) or "Hant" in QLocale.system().bcp47Name():
        return "zh-TW"
    if name.startswith("zh"):
        return "zh-CN"
    return "en"


def load_table(language: str) -> dict[str, str]:
    if language == "zh-CN":
        return {}
    path = paths.resource("i18n", f"{language}.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


class JsonTranslator(QTranslator):
    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.table = load_table(language)

    def translate(self, context, source_text, disambiguation=None, n=-1):
        # None (a null QString) lets Qt fall back to the source text; "" would blank it.
        return self.table.get(source_text)

    def isEmpty(self) -> bool:
        return not self.table


def install(app, language: str | None) -> JsonTranslator:
    """Install the translator for `language` (None: the system's) on the application."""
    global _current
    _current = language if language in LANGUAGES else system_language()
    translator = JsonTranslator(_current)
    app.installTranslator(translator)
    app._shopdesk_translator = translator  # keep it alive as long as the app
    return translator
