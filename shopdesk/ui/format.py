"""How values read in the window: money in yuan, instants in local time, ids as names,
in the window's locale (QLocale)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QDateTime, QLocale

from shopdesk.domain.model import Labeled
from shopdesk.domain.timeutil import from_text
from shopdesk.ui.i18n import current_language

# A Chinese window writes times as the platforms' own pages and exports do; an English one
# as the seller's locale does (the system's, when it speaks English).
CHINESE_TIME = "yyyy-MM-dd HH:mm"


def window_locale(language: str | None = None) -> QLocale:
    return _locale(language or current_language(), QLocale.system().name())


@cache
def _locale(language: str, system_name: str) -> QLocale:
    system = QLocale(system_name)
    if language == "en":
        english = system.language() == QLocale.Language.English
        return (
            system if english else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        )
    country = QLocale.Country.Taiwan if language == "zh-TW" else QLocale.Country.China
    return QLocale(QLocale.Language.Chinese, country)


@cache
def _separators(language: str, system_name: str) -> tuple[str, str]:
    locale = _locale(language, system_name)
    return locale.groupSeparator(), locale.decimalPoint()


def money(fen: int | None) -> str:
    """Yuan with the locale's digit grouping and decimal point: ¥1,234.50."""
    if fen is None:
        return ""
    group, point = _separators(current_language(), QLocale.system().name())
    digits = f"{abs(fen) / 100:,.2f}"
    if (group, point) != (",", "."):
        digits = digits.replace(",", "\0").replace(".", point).replace("\0", group)
    return f"-¥{digits}" if fen < 0 else f"¥{digits}"


def time_format(seconds: bool = False, language: str | None = None) -> str:
    language = language or current_language()
    if language.startswith("zh"):
        return CHINESE_TIME + (":ss" if seconds else "")
    shown = window_locale(language).dateTimeFormat(QLocale.FormatType.ShortFormat)
    shown = shown.replace("yyyy", "yy").replace("yy", "yyyy")  # a four-digit year always
    return shown.replace("mm", "mm:ss", 1) if seconds else shown


def local_time(text: str | None, seconds: bool = False) -> str:
    """Stored UTC text shown in the seller's local time, written as the window's locale
    writes a date and time."""
    if not text:
        return ""
    instant = from_text(text)
    # the machine's local time (Qt::LocalTime, from the C library: asking for
    # QTimeZone.systemTimeZone() first reads the zone database, 5 ms of the first paint)
    shown = QDateTime.fromSecsSinceEpoch(int(instant.timestamp()))
    return window_locale().toString(shown, time_format(seconds))


def label(enum_type: type[Labeled], value: str) -> str:
    try:
        return enum_type(value).label(current_language())
    except ValueError:
        return value
