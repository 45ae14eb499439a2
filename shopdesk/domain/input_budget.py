"""How much of a seller's file ShopDesk will read, checked before reading: an evidence
file must be a regular file within a size budget (never a device, a pipe or a folder: a
link to /dev/zero or a FIFO would be read without end), and a chat log is read with a
byte limit, then held to a character and a message budget before anything is stored.
Pure Python."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message

EVIDENCE_MAX_BYTES = 2 * 1024**3  # a packing video of a few minutes fits
CHAT_MAX_BYTES = 8 * 1024**2  # a copied conversation; a year of one buyer is well under
CHAT_MAX_CHARS = 3_000_000
CHAT_MAX_MESSAGES = 20_000


def size_text(size: int) -> str:
    """1536 -> '1.5 KB', as a seller reads sizes."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return Message("evidence.bytes", n=size)


def _refuse_kind(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise InputError("evidence.is_folder", path=path)
    if not stat.S_ISREG(mode):
        raise InputError("evidence.not_regular", path=path)


def check_evidence_file(path: str | Path, limit: int = EVIDENCE_MAX_BYTES) -> int:
    """The size of a file that may be added as evidence; InputError naming the file when
    it does not exist, is not a regular file, or is larger than `limit`."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError("evidence.missing", path=path) from None
    except OSError as exc:
        raise InputError("evidence.unreadable", file=path, reason=exc.strerror or exc) from None
    _refuse_kind(path, info.st_mode)
    if info.st_size > limit:
        raise InputError(
            "evidence.too_big", path=path, size=size_text(info.st_size), limit=size_text(limit)
        )
    return info.st_size


def read_chat_file(path: str | Path) -> bytes:
    """The bytes of a chat log file, at most CHAT_MAX_BYTES. The file is opened without
    blocking (a FIFO never stalls) and checked on the open handle, so what is read is
    what was checked."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError("evidence.missing", path=path) from None
    except IsADirectoryError:
        raise InputError("evidence.is_folder", path=path) from None
    except OSError as exc:
        raise InputError("evidence.unreadable", file=path, reason=exc.strerror or exc) from None
    with os.fdopen(fd, "rb") as handle:
        _refuse_kind(path, os.fstat(fd).st_mode)
        try:
            return read_chat_stream(handle, str(path))
        except OSError as exc:
            raise InputError("evidence.unreadable", file=path, reason=exc.strerror or exc) from None


def read_chat_stream(stream: BinaryIO, name: str) -> bytes:
    """At most CHAT_MAX_BYTES from a stream (standard input may be endless)."""
    data = stream.read(CHAT_MAX_BYTES + 1)
    check_chat_bytes(data, name)
    return data


def check_chat_bytes(raw: bytes, name: str) -> None:
    if len(raw) > CHAT_MAX_BYTES:
        raise InputError("evidence.chat_too_big", file=name, limit=size_text(CHAT_MAX_BYTES))


def check_chat_text(text: str, name: str) -> None:
    if len(text) > CHAT_MAX_CHARS:
        raise InputError("evidence.chat_too_long", file=name, chars=len(text), limit=CHAT_MAX_CHARS)


def check_chat_messages(count: int, name: str) -> None:
    if count > CHAT_MAX_MESSAGES:
        raise InputError("evidence.chat_too_many", file=name, count=count, limit=CHAT_MAX_MESSAGES)
