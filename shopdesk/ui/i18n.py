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
    """The language the system asks for (see language_for_locale)."""
    system = QLocale.system()
    return language_for_locale(system.name(), system.bcp47Name())


def language_for_locale(name: str, bcp47: str = "") -> str:
    """zh-TW on a Traditional Chinese system, English on one set to another language,
    else zh-CN: ShopDesk's own language, also where no language is set at all (the C
    locale of a bare Linux session or a service)."""
    if name.startswith(("zh_TW", "zh_HK", "zh_MO")) or "Hant" in bcp47:
        return "zh-TW"
    if name.startswith("zh") or name in ("C", "POSIX", ""):
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
