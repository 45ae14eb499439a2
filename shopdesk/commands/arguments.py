"""Values the command line accepts, checked where they are parsed: an id, a count, a
number of hours, a time. Anything outside the world (a negative count, nan hours, an id
past SQLite's 2^63, the year 1, an event dated tomorrow) is one line in the command
line's language (--lang, else zh-CN: the store is not open yet), exit 2, before the store
is opened."""

from __future__ import annotations

import argparse
import math
import os
import re
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from shopdesk.commands.common import CommandError
from shopdesk.domain.messages import Message, text
from shopdesk.domain.os_errors import reason
from shopdesk.domain.timeutil import CHINA, now_utc, parse_user_time

MAX_ID = 2**63 - 1  # SQLite's largest integer
MAX_HOURS = 24 * 366 * 10  # ten years: any platform clock fits
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
# A clock a few minutes fast still records "now"; a time further ahead has not happened.
CLOCK_SLACK = timedelta(minutes=10)
_DIGITS = re.compile(r"\s*[+-]?[0-9]+\s*")


def _integer(value: str, what: str, low: int, high: int) -> int:
    """`what`: the key of the thing counted (cli.arg.what.*)."""
    if not _DIGITS.fullmatch(
        value
    ):  # not 1_000 or ５ either: Python reads them, a seller would not
        raise argparse.ArgumentTypeError(
            text("cli.arg.not_integer", value=value, what=Message(what), low=low, high=high)
        )
    number = int(value)
    if not low <= number <= high:
        raise argparse.ArgumentTypeError(
            text(
                "cli.arg.integer_out_of_range", value=value, what=Message(what), low=low, high=high
            )
        )
    return number


def record_id(text: str) -> int:
    """An order, case, evidence id: 1 … 2^63 - 1."""
    return _integer(text, "cli.arg.what.id", 1, MAX_ID)


def count(high: int = MAX_ID):
    """A number of things (--limit, --orders): 0 … high."""

    def parse(text: str) -> int:
        return _integer(text, "cli.arg.what.count", 0, high)

    parse.__name__ = "count"
    return parse


def hours(given: str) -> float:
    """A number of hours ahead: finite, 0 … ten years."""
    try:
        value = float(given.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            text("cli.arg.not_hours", value=given, high=MAX_HOURS)
        ) from None
    if not math.isfinite(value) or not 0 <= value <= MAX_HOURS:
        raise argparse.ArgumentTypeError(
            text("cli.arg.hours_out_of_range", value=given, high=MAX_HOURS)
        )
    return value


def input_file(text: str) -> Path:
    """A file the seller named for a command to read: it exists and is a file, else one
    line saying why in the seller's language (the system's own reason is English)."""
    path = Path(text).expanduser()
    try:
        info = os.stat(path)
    except OSError as exc:
        raise CommandError("cli.arg.file_problem", path=text, reason=reason(exc)) from None
    except ValueError:  # a NUL in the name
        raise CommandError("cli.arg.file_bad_name", path=text) from None
    if stat.S_ISDIR(info.st_mode):
        raise CommandError("cli.arg.file_is_folder", path=text)
    if not stat.S_ISREG(info.st_mode):  # reading a pipe or /dev/zero never ends
        raise CommandError("cli.arg.file_not_regular", path=text)
    return path


def user_time(text: str | None, what: str, *, happened: bool) -> datetime:
    """A time the seller typed (now when empty), between 2000 and 2100; `happened`: a time
    something took place, so not later than now (give or take a clock a few minutes fast)."""
    now = now_utc()
    if not text:
        return now
    try:
        value = parse_user_time(text)
    except ValueError:
        raise CommandError("cli.arg.not_time", what=what, value=text) from None
    except OverflowError:  # the year 1 in China time falls before the first UTC instant
        value = EARLIEST - timedelta(days=1)
    if not EARLIEST <= value < LATEST:
        raise CommandError("cli.arg.time_out_of_range", what=what, value=text)
    if happened and value > now + CLOCK_SLACK:
        shown = now.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
        raise CommandError("cli.arg.time_in_future", what=what, value=text, now=shown)
    return value
