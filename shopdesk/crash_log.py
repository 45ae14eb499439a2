"""Crash logs: an unexpected error (a bug of ours) becomes one line on screen, in the
command line's language (zh-CN by default), and a file the seller can send, never a
traceback on screen.

Each crash is a file `crash-YYYYmmdd-HHMMSS-<pid>.log` in `paths.crash_logs_dir()` (the
newest is the last by name; 帮助 → 诊断信息 shows it), holding ShopDesk's version, the
command line (values of options that may carry secrets blanked), the Python, SQLite and
Qt versions and the traceback. The newest `KEEP` files are kept.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from shopdesk import __version__
from shopdesk.domain import paths

KEEP = 20
# The exit status of a command that hit a bug (BSD sysexits' EX_SOFTWARE): none of the
# statuses the command line promises (0, 1, 2, 3, 130, 141) means "internal error".
EXIT_INTERNAL = 70
PREFIX = "crash-"
_SECRET_WORDS = ("password", "passwd", "token", "secret", "key", "cookie", "auth")


def _safe_argv(argv: list[str]) -> list[str]:
    """The command line with the value of any option named like a secret replaced."""
    shown, hide_next = [], False
    for arg in argv:
        if hide_next:
            shown.append("***")
            hide_next = False
            continue
        name, eq, _value = arg.partition("=")
        secret = arg.startswith("-") and any(w in name.lower() for w in _SECRET_WORDS)
        if secret and eq:
            shown.append(f"{name}=***")
        else:
            shown.append(arg)
            hide_next = secret
    return shown


def _qt_version() -> str:
    module = sys.modules.get("PySide6")  # never imported just to report it
    if module is None:
        return "（未加载）"
    core = sys.modules.get("PySide6.QtCore")
    qt = core.qVersion() if core else "?"
    return f"PySide6 {getattr(module, '__version__', '?')}, Qt {qt}"


def _text(error: BaseException, tb: TracebackType | None, argv: list[str]) -> str:
    import platform  # only when a crash is written: not on a start-up

    lines = [
        f"ShopDesk {__version__}",
        f"时间: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"命令: {' '.join(_safe_argv(argv))}",
        f"Python {sys.version.split()[0]} ({platform.platform()})",
        f"SQLite {sqlite3.sqlite_version}",
        f"Qt: {_qt_version()}",
        f"frozen: {paths.is_frozen()}",
        "",
        "".join(traceback.format_exception(type(error), error, tb)),
    ]
    return "\n".join(lines)


def _rotate(folder: Path, keep: int = KEEP) -> None:
    logs = sorted(p for p in folder.glob(f"{PREFIX}*.log") if p.is_file())
    for old in logs[: max(0, len(logs) - keep)]:
        old.unlink(missing_ok=True)


def write_crash_log(
    error: BaseException, tb: TracebackType | None = None, argv: list[str] | None = None
) -> Path | None:
    """The crash log of `error`; None when even that cannot be written (a full disk)."""
    argv = list(sys.argv if argv is None else argv)
    try:
        folder = paths.crash_logs_dir()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / f"{PREFIX}{stamp}-{os.getpid()}.log"
        serial = 2
        while path.exists():  # two crashes within the same second of one process
            path = folder / f"{PREFIX}{stamp}-{os.getpid()}-{serial}.log"
            serial += 1
        path.write_text(_text(error, tb or error.__traceback__, argv), encoding="utf-8")
        _rotate(folder)
        return path
    except Exception:  # noqa: BLE001 — reporting a crash must never crash
        return None


def crash_line(log: Path | None) -> str:
    """The one line the seller reads, in the current language (cli.crash.* in the
    catalogue); in zh-CN as written here when even the catalogue cannot be read."""
    try:
        from shopdesk.domain import messages

        if log is None:
            return f"shopdesk: {messages.text('cli.crash.no_log')}"
        return f"shopdesk: {messages.text('cli.crash.logged', log=log)}"
    except Exception:  # noqa: BLE001 — reporting a crash must never crash
        if log is None:
            return "shopdesk: 出现了意外错误（程序问题，不是您的操作问题），且无法写入错误日志。"
        return f"shopdesk: 出现了意外错误（程序问题，不是您的操作问题），详情已记录到 {log}，可发给客服。"


def report_crash(error: BaseException, argv: list[str] | None = None) -> int:
    """Log `error`, say so in one line on stderr, return EXIT_INTERNAL."""
    log = write_crash_log(error, argv=argv)
    with contextlib.suppress(Exception):  # stderr gone (windowed build): the log is there
        print(crash_line(log), file=sys.stderr)
    return EXIT_INTERNAL
