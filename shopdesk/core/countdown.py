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


_WORDS = {
    "zh-CN": ("剩余 {}", "已超时 {}", "{}天", "{}时", "{}分"),
    "zh-TW": ("剩餘 {}", "已逾時 {}", "{}天", "{}時", "{}分"),
    "en": ("{} left", "{} overdue", "{}d ", "{}h ", "{}m"),
}


@dataclass(frozen=True)
class Countdown:
    text: str
    urgency: Urgency
    changes_at: datetime  # the next instant text or urgency differ


def _ceil_units(span: timedelta, unit: timedelta) -> int:
    return math.ceil(span / unit)


def countdown(due_at: datetime, now: datetime, language: str = "zh-CN") -> Countdown:
    left_word, over_word, d_word, h_word, m_word = _WORDS.get(language, _WORDS["zh-CN"])
    remaining = due_at - now
    if remaining > DAY:
        hours = _ceil_units(remaining, HOUR) - 1  # r in (H h, H+1 h] shows H
        text = left_word.format((d_word.format(hours // 24) + h_word.format(hours % 24)).strip())
        changes_at = due_at - hours * HOUR
        return Countdown(text, Urgency.NORMAL, changes_at)
    if remaining > timedelta(0):
        minutes = _ceil_units(remaining, MINUTE) - 1
        hours, mins = divmod(minutes, 60)
        body = (h_word.format(hours) if hours else "") + m_word.format(mins)
        urgency = Urgency.RED if remaining <= RED_WITHIN else Urgency.AMBER
        changes_at = due_at - minutes * MINUTE
        return Countdown(left_word.format(body.strip()), urgency, changes_at)
    overdue = now - due_at  # shows whole units already passed
    if overdue >= DAY:
        hours = overdue // HOUR
        body = d_word.format(hours // 24) + h_word.format(hours % 24)
        changes_at = due_at + (hours + 1) * HOUR
    elif overdue >= HOUR:
        hours = overdue // HOUR
        body = h_word.format(hours)
        changes_at = due_at + (hours + 1) * HOUR
    else:
        mins = overdue // MINUTE
        body = m_word.format(mins)
        changes_at = due_at + (mins + 1) * MINUTE
    return Countdown(over_word.format(body.strip()), Urgency.OVERDUE, changes_at)


def countdown_text(due_at: datetime, now: datetime, language: str = "zh-CN") -> str:
    return countdown(due_at, now, language).text


def urgency(due_at: datetime, now: datetime) -> Urgency:
    return countdown(due_at, now).urgency
