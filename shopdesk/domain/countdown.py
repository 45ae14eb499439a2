"""Countdown wording as Qianniu shows it (剩余 1天23时, 剩余 3时12分, 已超时 2时), the
urgency colour level, and the next instant the text or level changes, so a view can
refresh exactly when something visible changes and not before.

Remaining time r = due - now. While r > 24 h the text counts whole hours (days and
hours); while 0 < r <= 24 h it counts whole minutes; both round so that the text
changes exactly on the boundary (at r = 24 h it switches to 23时59分). Overdue time is
counted in whole minutes, hours, then days and hours.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import lru_cache

from shopdesk.domain.messages import LANGUAGES, text

HOUR = timedelta(hours=1)
MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)
AMBER_WITHIN = timedelta(hours=24)
RED_WITHIN = timedelta(hours=4)


class Urgency(StrEnum):
    NORMAL = "normal"
    AMBER = "amber"  # 24 h or less left
    RED = "red"  # 4 h or less left
    OVERDUE = "overdue"


@lru_cache(maxsize=4096)
def _word(key: str, language: str, value: int | str) -> str:
    """A countdown word (剩余 {span}, {n}天, ...) from the catalogue (resources/messages).
    Kept: a page of countdowns says the same few words many times, and rendering a
    message each time was most of a countdown's cost (≈ 40 µs a row of a first paint)."""
    name = "span" if key in ("left", "overdue") else "n"
    return text(f"countdown.{key}", language, **{name: value})


@dataclass(frozen=True)
class Countdown:
    text: str
    urgency: Urgency
    changes_at: datetime  # the next instant text or urgency differ


def _ceil_units(span: timedelta, unit: timedelta) -> int:
    return math.ceil(span / unit)


def countdown(due_at: datetime, now: datetime, language: str = "zh-CN") -> Countdown:
    language = language if language in LANGUAGES else "zh-CN"

    def left_word(span: str) -> str:
        return _word("left", language, span)

    def over_word(span: str) -> str:
        return _word("overdue", language, span)

    def d_word(n: int) -> str:
        return _word("days", language, n)

    def h_word(n: int) -> str:
        return _word("hours", language, n)

    def m_word(n: int) -> str:
        return _word("minutes", language, n)

    remaining = due_at - now
    if remaining > DAY:
        hours = _ceil_units(remaining, HOUR) - 1  # r in (H h, H+1 h] shows H
        text = left_word((d_word(hours // 24) + h_word(hours % 24)).strip())
        changes_at = due_at - hours * HOUR
        return Countdown(text, Urgency.NORMAL, changes_at)
    if remaining > timedelta(0):
        minutes = _ceil_units(remaining, MINUTE) - 1
        hours, mins = divmod(minutes, 60)
        body = (h_word(hours) if hours else "") + m_word(mins)
        urgency = Urgency.RED if remaining <= RED_WITHIN else Urgency.AMBER
        changes_at = due_at - minutes * MINUTE
        return Countdown(left_word(body.strip()), urgency, changes_at)
    overdue = now - due_at  # shows whole units already passed
    if overdue >= DAY:
        hours = overdue // HOUR
        body = d_word(hours // 24) + h_word(hours % 24)
        changes_at = due_at + (hours + 1) * HOUR
    elif overdue >= HOUR:
        hours = overdue // HOUR
        body = h_word(hours)
        changes_at = due_at + (hours + 1) * HOUR
    else:
        mins = overdue // MINUTE
        body = m_word(mins)
        changes_at = due_at + (mins + 1) * MINUTE
    return Countdown(over_word(body.strip()), Urgency.OVERDUE, changes_at)


def countdown_text(due_at: datetime, now: datetime, language: str = "zh-CN") -> str:
    return countdown(due_at, now, language).text


def urgency(due_at: datetime, now: datetime) -> Urgency:
    return countdown(due_at, now).urgency
