"""Instants: stored as UTC ISO-8601 text (`2026-11-28T04:37:24Z`, sortable as text);
platform times arrive as China time; shown in the seller's local time."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")

_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def to_text(instant: datetime) -> str:
    """UTC ISO-8601 text for an aware datetime."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime: say which time zone it is in")
    return instant.astimezone(UTC).strftime(_FORMAT)


def from_text(text: str) -> datetime:
    """An aware UTC datetime from stored text (or any ISO-8601 with an offset)."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_user_time(text: str) -> datetime:
    """ISO-8601 typed by a seller or a script: China time unless it carries an offset."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=CHINA)
    return value.astimezone(UTC)


def china_to_text(naive: datetime) -> str:
    """A naive China-time datetime (as in platform exports) as stored UTC text."""
    return to_text(naive.replace(tzinfo=CHINA))


def now_utc() -> datetime:
    return datetime.now(UTC)


def now_text() -> str:
    return to_text(now_utc())


def as_china(text: str | None) -> str:
    """Stored UTC text shown as China time with its offset, for JSON output."""
    if not text:
        return ""
    return from_text(text).astimezone(CHINA).isoformat()
