"""The store's files before SQLite touches them: the database header and the `-wal` file.

SQLite's locks are POSIX advisory locks, owned per process: closing *any* descriptor on
the database file drops every lock the process holds on it, and another process then
believes it is the last user and deletes the WAL under us. So these plain reads happen
only while no connection to the store is open in this process (`Store.open` keeps the
count); afterwards only SQLite reads the database. SQLite never locks the `-wal` file.

A WAL is replayed over the database by the first connection. One that belongs to another
file (a backup copied over the store while the old `-wal` stayed, another store's `-wal`
copied beside it) would write its pages over ours: it is set aside (renamed, kept), never
replayed. SQLite itself cannot tell (its "How To Corrupt" page, 2.x); it only replays the
frames whose salts match the WAL header and whose running checksum is right, up to the
last commit frame. Of those frames, we call the WAL foreign when its page size is not the
database's, when the database is not in WAL mode (a rollback-journal file, such as a
backup, never has a live WAL), or when a frame of page 1 carries another file's identity
(application id, or the store id ShopDesk keeps in the header's user version).
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from shopdesk.domain.messages import Message

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
_WAL_MAGICS = {0x377F0682: "<", 0x377F0683: ">"}  # the checksum's byte order
_WAL_HEADER = 32
_FRAME_HEADER = 24


@dataclass(frozen=True)
class Header:
    """What the first 100 bytes of a SQLite database say."""

    page_size: int
    wal_mode: bool  # file format read/write versions are 2
    user_version: int
    application_id: int


def read_header(path: Path) -> Header | None:
    """The header of a SQLite database, or None when the file is not one. Plain I/O:
    call only while this process has no connection to the store."""
    with open(path, "rb") as handle:
        data = handle.read(HEADER_SIZE)
    if len(data) < HEADER_SIZE or not data.startswith(SQLITE_MAGIC):
        return None
    return parse_header(data)


def parse_header(data: bytes) -> Header:
    size = struct.unpack(">H", data[16:18])[0]
    return Header(
        page_size=65536 if size == 1 else size,
        wal_mode=data[18] == 2 and data[19] == 2,
        user_version=struct.unpack(">I", data[60:64])[0],
        application_id=struct.unpack(">I", data[68:72])[0],
    )


def wal_path(store: Path) -> Path:
    return store.with_name(store.name + "-wal")


def shm_path(store: Path) -> Path:
    return store.with_name(store.name + "-shm")


def _checksum(data: bytes, order: str, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    mask = 0xFFFFFFFF
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & mask
        s1 = (s1 + words[i + 1] + s0) & mask
    return s0, s1


@dataclass(frozen=True)
class WalSummary:
    page_size: int
    committed_frames: int  # frames SQLite would replay
    page_one_headers: tuple[Header, ...]  # page 1 as each replayed frame would write it


def read_wal(path: Path, verify: bool = True) -> WalSummary | None:
    """The frames of a WAL that SQLite would replay, checked the way SQLite checks them
    (header checksum, salts, running checksum, commit frames). None when there is no
    WAL or nothing in it would be replayed. `verify=False` skips the running checksum
    (a quick first look: reads only the frame headers and page 1)."""
    try:
        with open(path, "rb") as handle:
            return _scan_wal(handle, verify)
    except FileNotFoundError:
        return None


def _scan_wal(handle, verify: bool) -> WalSummary | None:
    head = handle.read(_WAL_HEADER)
    if len(head) < _WAL_HEADER:
        return None
    magic, version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", head)
    order = _WAL_MAGICS.get(magic)
    valid_size = 512 <= page_size <= 65536 and page_size & (page_size - 1) == 0
    if order is None or version != 3007000 or not valid_size:
        return None
    if _checksum(head[:24], order, 0, 0) != (c0, c1):
        return None
    s0, s1 = c0, c1
    committed, pending, page_ones, pending_ones = 0, 0, [], []
    while True:
        frame_head = handle.read(_FRAME_HEADER)
        if len(frame_head) < _FRAME_HEADER:
            break
        pgno, commit_size, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", frame_head)
        if (f_salt1, f_salt2) != (salt1, salt2) or pgno == 0:
            break
        if verify or pgno == 1:
            page = handle.read(page_size)
            if len(page) < page_size:
                break
        else:
            handle.seek(page_size, os.SEEK_CUR)
        if verify:
            s0, s1 = _checksum(frame_head[:8], order, s0, s1)
            s0, s1 = _checksum(page, order, s0, s1)
            if (s0, s1) != (f0, f1):
                break
        pending += 1
        if pgno == 1:
            pending_ones.append(parse_header(page[:HEADER_SIZE]))
        if commit_size:
            committed += pending
            page_ones += pending_ones
            pending, pending_ones = 0, []
    if not committed:
        return None
    return WalSummary(page_size, committed, tuple(page_ones))


def foreign_wal(store: Path, header: Header) -> str | None:
    """Why the store's `-wal` cannot be its own, or None (no WAL, nothing SQLite would
    replay, or nothing that tells it apart). A quick look first; the checksums are only
    verified when the quick look finds something."""
    path = wal_path(store)
    quick = read_wal(path, verify=False)
    if quick is None or foreign_wal_reason(header, quick) is None:
        return None
    verified = read_wal(path, verify=True)
    return None if verified is None else foreign_wal_reason(header, verified)


def foreign_wal_reason(header: Header, wal: WalSummary) -> str | None:
    """Why the WAL cannot belong to the database with `header`, or None."""
    if wal.page_size != header.page_size:
        return Message("store.wal.page_size", wal=wal.page_size, store=header.page_size)
    if not header.wal_mode:
        return Message("store.wal.not_wal_mode")
    for page_one in wal.page_one_headers:
        if page_one.application_id != header.application_id:
            return Message("store.wal.other_program")
        if header.user_version and page_one.user_version != header.user_version:
            return Message("store.wal.other_store")
    return None


def set_aside(store: Path, reason_tag: str) -> Path:
    """Rename the store's `-wal` (and its `-shm`, which indexes it) out of SQLite's way,
    keeping them. Returns the new name of the WAL."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    wal = wal_path(store)
    kept = wal.with_name(f"{wal.name}.{reason_tag}-{stamp}")
    os.replace(wal, kept)
    shm = shm_path(store)
    if shm.exists():
        os.replace(shm, shm.with_name(f"{shm.name}.{reason_tag}-{stamp}"))
    return kept
