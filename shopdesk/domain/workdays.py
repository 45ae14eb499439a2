"""China's working days: weekends, public holidays and the 调休 make-up working days.

The calendar comes from the `chinesecalendar` package, which follows each year's State
Council notice (国务院办公厅关于节假日安排的通知). For a year it does not know yet (the
notice comes out each November), a day counts as a working day when it is Monday to
Friday, and the answer says it is an estimate.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import chinese_calendar

from shopdesk.domain.timeutil import CHINA


def is_working_day(day: date) -> tuple[bool, bool]:
    """(whether `day` is a working day in China, whether that is only an estimate)."""
    try:
        return chinese_calendar.is_workday(day), False
    except NotImplementedError:  # a year after (or before) the package's last notice
        return day.weekday() < 5, True


def last_known_year() -> int:
    return max(day.year for day in chinese_calendar.holidays)


def add_working_days(start: datetime, count: int) -> tuple[datetime, bool]:
    """The end of the `count`-th working day after the China-time day of `start` (the day
    the clock starts on does not count), and whether a day on the way was estimated."""
    day = start.astimezone(CHINA).date()
    estimated = False
    counted = 0
    while counted < count:
        day += timedelta(days=1)
        working, guessed = is_working_day(day)
        estimated = estimated or guessed
        counted += working
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=CHINA)
    return end, estimated
