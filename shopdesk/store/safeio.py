"""Writing files so that nothing is ever half-written.

A file is written under a hidden temporary name in its final folder, flushed and synced,
then renamed over its final name (atomic on every platform we ship to). A full disk or a
read-only folder becomes a `DiskError` the seller can read; the temporary file is gone.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from shopdesk.domain.errors import DiskError
from shopdesk.store.winsafe import process_alive, replace_file

# Temporary names start with this, so the app and the harness can recognise (and sweep) them.
TEMP_PREFIX = ".shopdesk-tmp-"

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_IO_FAILED = {errno.EIO, getattr(errno, "ENOTRECOVERABLE", errno.EIO)}


def disk_error(exc: BaseException, target: Path | str) -> DiskError | None:
    """The seller's message for an OSError/sqlite3 error that means "disk full" or
    "cannot write here", else None (a bug, to be logged)."""
    if isinstance(exc, OSError):
        if exc.errno in _DISK_FULL:
            return DiskError("disk.full", path=target)
        if exc.errno in _IO_FAILED:
            return DiskError("disk.io_failed", path=target, reason=exc.strerror or exc)
        if exc.errno in _READ_ONLY:
            return DiskError("disk.folder_read_only", path=target)
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        if "disk is full" in text or "disk i/o error" in text:
            return DiskError("disk.full_or_failed", path=target)
        if "readonly" in text or "read-only" in text:
            return DiskError("disk.read_only", path=target)
    return None


@contextmanager
def disk_errors(target: Path | str) -> Iterator[None]:
    """Turn disk-full / read-only errors raised inside into DiskError."""
    try:
        yield
    except (OSError, sqlite3.OperationalError) as exc:
        mapped = disk_error(exc, target)
        if mapped is None:
            raise
        raise mapped from exc


def temp_path_for(final: Path) -> Path:
    return final.with_name(f"{TEMP_PREFIX}{os.getpid()}-{final.name}")


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where directories cannot be opened)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


@contextmanager
def atomic_write(final: str | Path, mode: str = "wb", **open_args) -> Iterator[BinaryIO]:
    """Write `final` all at once: yields a handle on a temporary sibling; on success it is
    synced and renamed over `final`, on any error it is removed and `final` is untouched."""
    final = Path(final)
    temp = temp_path_for(final)
    try:
        with disk_errors(final):
            with open(temp, mode, **open_args) as handle:
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            existed = final.exists()
            replace_file(temp, final)  # Windows: retried while a scanner holds it
            try:
                fsync_dir(final.parent)
            except OSError:  # the rename may not last: take back a file that was not there
                if not existed:
                    final.unlink(missing_ok=True)
                raise
    finally:
        if temp.exists():
            temp.unlink()


def link_or_copy(source: Path, target: Path) -> bool:
    """Hard-link `source` at `target` (an immutable, content-addressed file), or copy it
    where the disk does not allow links. Returns True when linked."""
    try:
        os.link(source, target)
        return True
    except OSError as exc:
        if exc.errno in _DISK_FULL:
            raise
    temp = temp_path_for(target)
    try:
        shutil.copyfile(source, temp)
        fsync_file(temp)
        replace_file(temp, target)
    finally:
        if temp.exists():
            temp.unlink()
    return False


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


# The evidence store writes `<sha256>.part-<pid>` beside the file it is about to rename;
# packaging builds `.<name>.part-<pid>` (a folder) and `.<name>.zip-part-<pid>`.
_PART = re.compile(r"[.-]part-(\d+)$")


def is_temp_name(name: str) -> bool:
    return name.startswith(TEMP_PREFIX) or _PART.search(name) is not None


def _owner_pid(name: str) -> str:
    if name.startswith(TEMP_PREFIX):
        return name[len(TEMP_PREFIX) :].split("-", 1)[0]
    match = _PART.search(name)
    return match.group(1) if match else ""


def _writer_alive(name: str) -> bool:
    """Whether the process that owns a temporary name is still running (it may still write)."""
    pid_text = _owner_pid(name)
    return pid_text.isdigit() and process_alive(int(pid_text))


def sweep_temp_files(folder: Path) -> int:
    """Remove leftovers of writes that were cut off (by a crash or a kill) whose writer is
    gone. Returns the count."""
    removed = 0
    if not folder.is_dir():
        return 0
    for entry in folder.iterdir():
        if is_temp_name(entry.name) and not _writer_alive(entry.name):
            if entry.is_dir() and not entry.is_symlink():
                remove_tree(entry)
            else:
                entry.unlink(missing_ok=True)
            removed += 1
    return removed
