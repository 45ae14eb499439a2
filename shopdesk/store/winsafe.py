"""What Windows refuses that Linux allows, in one place so it is tested on every machine:
file names (characters <>:"/\\|?*, control characters, reserved device names such as CON
or NUL.txt, trailing dots and spaces, very long names), renaming over a file another
program holds open (Excel keeping an export open, a virus scanner reading a new file), and
the window's executable that has no console. docs/windows.md lists every place ShopDesk
behaves differently on Windows."""

from __future__ import annotations

import errno
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from shopdesk.domain.errors import DiskError

_FORBIDDEN = re.compile(r'[\x00-\x1f<>:"/\\|?*\x7f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|conin\$|conout\$|(com|lpt)[0-9¹²³])$", re.IGNORECASE)
# Windows caps one name at 255 UTF-16 units and a whole path at 260 characters unless long
# paths are enabled: a short name leaves room for the seller's own folders.
MAX_NAME_CHARS = 120


def winsafe_filename(name: str, fallback: str = "file", max_chars: int = MAX_NAME_CHARS) -> str:
    """`name` as one file name every Windows folder accepts: only its last path part,
    forbidden characters as `_`, no trailing dot or space, a reserved device name
    prefixed with `_`, cut to `max_chars` keeping its extension."""
    base = re.split(r"[\\/]", name)[-1]
    base = _FORBIDDEN.sub("_", base).strip(" .")
    if not base:
        base = fallback
    stem, dot, suffix = base.rpartition(".")
    if not dot or not stem or len(suffix) > 10:
        stem, suffix = base, ""
    # CON, con.txt and "NUL .tar.gz" all name the device: the part before the first dot.
    if _RESERVED.match(base.split(".")[0].rstrip(" ")):
        stem = "_" + stem
    suffix = "." + suffix if suffix else ""
    stem = stem[: max(1, max_chars - len(suffix))].rstrip(" .") or fallback
    return stem + suffix


# ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: the target (or the
# temporary file) is open in another program without delete sharing.
_HELD_OPEN = {5, 32, 33}
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)


def _held_open(exc: OSError) -> bool:
    return getattr(exc, "winerror", None) in _HELD_OPEN  # only Windows sets winerror


def replace_file(
    source: Path | str,
    target: Path | str,
    *,
    delays: tuple[float, ...] | None = None,
    sleep: Callable[[float], None] | None = None,
) -> None:
    """os.replace, which on Windows fails while another program holds either file open: a
    scanner lets go within a moment, so try again a few times; a file the seller keeps open
    (an export in Excel) becomes a DiskError that says to close it."""
    delays = RETRY_DELAYS if delays is None else delays
    sleep = sleep or time.sleep
    for delay in (*delays, None):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if not _held_open(exc):
                raise
            if delay is None:
                raise DiskError("disk.held_open", path=target) from exc
            sleep(delay)


def ensure_standard_streams() -> None:
    """The window's executable on Windows has no console: sys.stdout and sys.stderr are
    None, and anything that writes to them (`shopdesk.exe cases --json`, a warning) would
    fail. Point the missing ones at the null device; output there is dropped."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def process_alive(pid: int) -> bool:
    """Whether process `pid` still runs (the owner of a temporary file may still write).
    Never os.kill(pid, 0) on Windows: there it terminates the process."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


_ERROR_ACCESS_DENIED = 5
_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_STILL_ACTIVE = 259


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only (CI job)
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    handle = kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        return ctypes.get_last_error() == _ERROR_ACCESS_DENIED  # exists, not ours to ask
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == _STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def reader_gone(exc: OSError) -> bool:
    """Whether writing to stdout failed because its reader stopped (`| head`,
    `| Select-Object -First 1`): BrokenPipeError on POSIX; on Windows a write to a closed
    pipe fails with EINVAL instead."""
    return isinstance(exc, BrokenPipeError) or (os.name == "nt" and exc.errno == errno.EINVAL)
