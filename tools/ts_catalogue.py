"""The UI's Qt Linguist catalogues (resources/i18n/shopdesk_<lang>.ts): lupdate over the
sources under shopdesk/ui, and the messages of a .ts as data. Used by the one-time JSON
converter and by the tests that keep the catalogues complete and up to date.

`python tools/ts_catalogue.py` refreshes both .ts files from the sources (new strings
arrive unfinished, strings gone from the sources are dropped); then translate them in
Qt Linguist (`pyside6-linguist resources/i18n/shopdesk_en.ts`)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "shopdesk" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = {"zh-TW": "zh_TW", "en": "en"}  # ShopDesk's name -> Qt's


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    disambiguation: str
    numerus: bool
    translations: tuple[str, ...]  # one, or one per numerus form
    finished: bool


def ts_path(language: str) -> Path:
    return I18N / f"shopdesk_{LANGUAGES[language]}.ts"


def ui_sources(folder: Path = UI) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def lupdate(ts: Path, language: str, sources: list[Path] | None = None) -> None:
    """Bring `ts` (created if missing) up to date with the UI sources."""
    lupdate_bin = Path(sys.executable).parent / "pyside6-lupdate"
    command = [
        str(lupdate_bin),
        *map(str, sources or ui_sources()),
        "-source-language",
        "zh_CN",
        "-target-language",
        LANGUAGES[language],
        "-locations",
        "none",
        "-no-obsolete",
        "-silent",
        "-ts",
        str(ts),
    ]
    subprocess.run(command, check=True, capture_output=True, text=True)


def messages(ts: Path) -> list[Message]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform")
            texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    disambiguation=message.findtext("comment") or "",
                    numerus=message.get("numerus") == "yes",
                    translations=texts,
                    finished=translation.get("type") is None and all(texts),
                )
            )
    return found


if __name__ == "__main__":
    for language in LANGUAGES:
        lupdate(ts_path(language), language)
        print(ts_path(language).relative_to(ROOT))
