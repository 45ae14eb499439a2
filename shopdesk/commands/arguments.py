"""Values the command line accepts, checked where they are parsed: an id, a count, a
number of hours, a time. Anything outside the world (a negative count, nan hours, an id
past SQLite's 2^63, the year 1, an event dated tomorrow) is one line of Chinese, exit 2,
before the store is opened."""

from __future__ import annotations

import argparse
import math
import os
import re
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from shopdesk.commands.common import CommandError
from shopdesk.core.os_errors import reason
from shopdesk.core.timeutil import CHINA, now_utc, parse_user_time

MAX_ID = 2**63 - 1  # SQLite's largest integer
MAX_HOURS = 24 * 366 * 10  # ten years: any platform clock fits
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
# A clock a few minutes fast still records "now"; a time further ahead has not happened.
CLOCK_SLACK = timedelta(minutes=10)
_DIGITS = re.compile(r"\s*[+-]?[0-9]+\s*")
TIME_HINT = "请写成 2026-11-28 14:30（北京时间）或带时区的 ISO-8601"


def _integer(text: str, what: str, low: int, high: int) -> int:
    if not _DIGITS.fullmatch(text):  # not 1_000 or ５ either: Python reads them, a seller would not
        raise argparse.ArgumentTypeError(f"“{text}”不是{what}：应为 {low} 到 {high} 的整数")
    value = int(text)
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{what} {text} 超出范围：应为 {low} 到 {high} 的整数")
    return value


def record_id(text: str) -> int:
    """An order, case, evidence id: 1 … 2^63 - 1."""
    return _integer(text, "编号", 1, MAX_ID)


def count(high: int = MAX_ID):
    """A number of things (--limit, --orders): 0 … high."""

    def parse(text: str) -> int:
        return _integer(text, "数量", 0, high)

    parse.__name__ = "count"
    return parse


def hours(text: str) -> float:
    """A number of hours ahead: finite, 0 … ten years."""
    try:
        value = float(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"“{text}”不是小时数：应为 0 到 {MAX_HOURS} 的数"
        ) from None
    if not math.isfinite(value) or not 0 <= value <= MAX_HOURS:
        raise argparse.ArgumentTypeError(f"小时数 {text} 超出范围：应为 0 到 {MAX_HOURS} 的数")
    return value


def input_file(text: str) -> Path:
    """A file the seller named for a command to read: it exists and is a file, else one
    line saying why in Chinese (the system's own reason is English)."""
    path = Path(text).expanduser()
    try:
        info = os.stat(path)
    except OSError as exc:
        raise CommandError(f"“{text}”：{reason(exc)}") from None
    except ValueError:  # a NUL in the name
        raise CommandError(f"“{text}”：名称无效") from None
    if stat.S_ISDIR(info.st_mode):
        raise CommandError(f"“{text}”：这是文件夹，请给出文件")
    if not stat.S_ISREG(info.st_mode):  # reading a pipe or /dev/zero never ends
        raise CommandError(f"“{text}”：不是普通文件（设备、管道或套接字），无法读取")
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
        raise CommandError(f"{what}：“{text}”不是时间，{TIME_HINT}") from None
    except OverflowError:  # the year 1 in China time falls before the first UTC instant
        value = EARLIEST - timedelta(days=1)
    if not EARLIEST <= value < LATEST:
        raise CommandError(f"{what}：“{text}”不在 2000 年到 2099 年之间，请检查年份")
    if happened and value > now + CLOCK_SLACK:
        shown = now.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
        raise CommandError(
            f"{what}：“{text}”还没有到（现在是北京时间 {shown}）：发生过的事不能记在将来"
        )
    return value
