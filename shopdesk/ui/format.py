"""How values read in the window: money in yuan, instants in local time, ids as names."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QTimeZone

from shopdesk.core.model import Labeled
from shopdesk.core.timeutil import from_text
from shopdesk.ui.i18n import current_language


def money(fen: int | None) -> str:
    if fen is None:
        return ""
    return f"-¥{-fen / 100:,.2f}" if fen < 0 else f"¥{fen / 100:,.2f}"


def local_time(text: str | None, seconds: bool = False) -> str:
    """Stored UTC text shown in the seller's local time."""
    if not text:
        return ""
    instant = from_text(text)
    shown = QDateTime.fromSecsSinceEpoch(int(instant.timestamp()), QTimeZone.systemTimeZone())
    return shown.toString("yyyy-MM-dd HH:mm:ss" if seconds else "yyyy-MM-dd HH:mm")


def label(enum_type: type[Labeled], value: str) -> str:
    try:
        return enum_type(value).label(current_language())
    except ValueError:
        return value
