"""Languages. Source strings in tr() are Simplified Chinese (the first language); zh-TW
and en are Qt Linguist catalogues: resources/i18n/shopdesk_<lang>.ts, made by
pyside6-lupdate from shopdesk/ui and compiled to .qm by pyside6-lrelease (scripts/setup,
build.spec). The window loads the compiled .qm through a QTranslator, so every widget's
tr() works as usual, with contexts and %n plurals."""

from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator

from shopdesk.domain import messages, paths
from shopdesk.domain.errors import ShopDeskError

LANGUAGES = ("zh-CN", "zh-TW", "en")
TRANSLATED = ("zh-TW", "en")  # zh-CN is the source language: no catalogue
_current = "zh-CN"


class CatalogueMissing(ShopDeskError):
    """No compiled catalogue for a language, and none could be built."""


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


def ts_path(language: str) -> Path:
    return paths.resource("i18n", f"shopdesk_{language.replace('-', '_')}.ts")


def qm_path(language: str) -> Path:
    return ts_path(language).with_suffix(".qm")


def lrelease_command() -> list[str]:
    """PySide6's own lrelease (the binary its pyside6-lrelease wrapper runs)."""
    import PySide6

    binary = shutil.which("lrelease", path=str(Path(PySide6.__file__).parent))
    return [binary or str(Path(sys.executable).parent / "pyside6-lrelease")]


def compile_catalogue(language: str) -> Path:
    """Build the .qm of `language` from its .ts with lrelease; returns the .qm."""
    import subprocess  # only when a catalogue is built: not on a start-up

    ts, qm = ts_path(language), qm_path(language)
    try:
        done = subprocess.run(
            [*lrelease_command(), "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
        )
    except OSError as exc:
        raise CatalogueMissing("window.catalogue.no_lrelease", ts=ts, reason=exc) from exc
    if done.returncode != 0 or not qm.is_file():
        raise CatalogueMissing(
            "window.catalogue.failed", ts=ts, reason=(done.stderr or done.stdout).strip()
        )
    return qm


def compiled_catalogue(language: str) -> Path:
    """The .qm to load. A source checkout builds it on the fly when it is missing or
    older than its .ts (a fresh clone, a pull that changed the .ts), so a seller never
    sees stale or missing translations; the frozen build ships only the .qm."""
    ts, qm = ts_path(language), qm_path(language)
    if paths.is_frozen() or not ts.is_file():
        if not qm.is_file():
            raise CatalogueMissing("window.catalogue.missing", qm=qm)
        return qm
    if not qm.is_file():
        return compile_catalogue(language)
    if qm.stat().st_mtime < ts.stat().st_mtime:
        try:
            compile_catalogue(language)
        except CatalogueMissing as exc:  # a read-only checkout: last build's words still do
            print(f"shopdesk: {exc}", file=sys.stderr)
    return qm


def _qm_source_contexts(data: bytes) -> dict[tuple[str, str], str]:
    """(source text, disambiguation) -> the context lrelease stored it under, read from
    the .qm's message records (tags as in Qt's qtranslator.cpp)."""
    found: dict[tuple[str, str], str] = {}
    pos = 16  # magic
    messages = b""
    while pos + 5 <= len(data):
        tag, length = data[pos], struct.unpack(">I", data[pos + 1 : pos + 5])[0]
        if tag == 0x69:  # Messages
            messages = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    pos, fields = 0, {}
    while pos < len(messages):
        tag = messages[pos]
        pos += 1
        if tag == 1:  # end of one message
            if "source" in fields:
                key = (fields["source"], fields.get("comment", ""))
                context = fields.get("context", "")
                if context == "" or key not in found:  # "": where the tr() helpers land
                    found[key] = context
            fields = {}
            continue
        length = struct.unpack(">I", messages[pos : pos + 4])[0]
        value = messages[pos + 4 : pos + 4 + length]
        pos += 4 + length
        if tag == 6:
            fields["source"] = value.decode("utf-8")
        elif tag == 7:
            fields["context"] = value.decode("utf-8")
        elif tag == 8:
            fields["comment"] = value.decode("utf-8")
    return found


class CatalogueTranslator(QTranslator):
    """A QTranslator on the compiled catalogue. A lookup first takes the context the
    caller asks for (the class of self.tr(), the first argument of translate()); where
    lupdate filed the string under another one (a module's tr() helper, window.tr() in a
    function: lupdate names them "" or "window"), it takes the catalogue's own context
    for that source text."""

    def __init__(self, language: str):
        super().__init__()
        self.language = language
        qm = compiled_catalogue(language)
        if not self.load(str(qm)):
            raise CatalogueMissing("window.catalogue.unreadable", qm=qm)
        self._contexts = _qm_source_contexts(qm.read_bytes())

    def translate(self, context, source_text, disambiguation=None, n=-1):
        text = super().translate(context, source_text, disambiguation, n)
        if text:
            return text
        stored = self._contexts.get((source_text, disambiguation or ""))
        if stored is not None and stored != context:
            text = super().translate(stored, source_text, disambiguation, n)
        # None (a null QString) lets Qt fall back to the source text; "" would blank it.
        return text or None


def install(app, language: str | None) -> QTranslator:
    """Install the translator for `language` (None: the system's) on the application;
    zh-CN, the source language, gets an empty one."""
    global _current
    _current = language if language in LANGUAGES else system_language()
    messages.set_language(_current)  # the core's errors and reasons speak the window's language
    previous = getattr(app, "_shopdesk_translator", None)
    if previous is not None:
        app.removeTranslator(previous)
    translator = CatalogueTranslator(_current) if _current in TRANSLATED else QTranslator()
    app.installTranslator(translator)
    app._shopdesk_translator = translator  # keep it alive as long as the app
    return translator
