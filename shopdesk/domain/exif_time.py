"""When a JPEG photo was taken, from its EXIF DateTimeOriginal (pure Python, reads only
the APP1 segment). Phones write local time; with no OffsetTimeOriginal it is taken as
China time, like every platform time ShopDesk reads."""

from __future__ import annotations

import struct
from datetime import datetime, timedelta, timezone

from shopdesk.domain.timeutil import CHINA, to_text

_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 0x9003
_DATETIME_DIGITIZED = 0x9004
_OFFSET_TIME_ORIGINAL = 0x9011
_DATETIME = 0x0132


def _exif_block(head: bytes) -> bytes | None:
    """The TIFF block of the first Exif APP1 segment in the start of a JPEG file."""
    if not head.startswith(b"\xff\xd8"):
        return None
    pos = 2
    while pos + 4 <= len(head):
        if head[pos] != 0xFF:
            return None
        marker = head[pos + 1]
        if marker in (0xD9, 0xDA):  # end of image / start of scan: no more metadata
            return None
        (length,) = struct.unpack(">H", head[pos + 2 : pos + 4])
        segment = head[pos + 4 : pos + 2 + length]
        if marker == 0xE1 and segment.startswith(b"Exif\x00\x00"):
            return segment[6:]
        pos += 2 + length
    return None


def _read_ifd(tiff: bytes, offset: int, order: str) -> dict[int, bytes | int]:
    entries: dict[int, bytes | int] = {}
    if offset + 2 > len(tiff):
        return entries
    (count,) = struct.unpack(order + "H", tiff[offset : offset + 2])
    for i in range(min(count, 512)):
        at = offset + 2 + 12 * i
        if at + 12 > len(tiff):
            break
        tag, kind, n = struct.unpack(order + "HHI", tiff[at : at + 8])
        raw = tiff[at + 8 : at + 12]
        if kind == 2:  # ASCII
            if n <= 4:
                entries[tag] = raw[:n]
            else:
                (where,) = struct.unpack(order + "I", raw)
                entries[tag] = tiff[where : where + n]
        elif kind == 4 and n == 1:  # LONG (IFD pointers)
            (entries[tag],) = struct.unpack(order + "I", raw)
    return entries


def _text(value: bytes | int | None) -> str:
    if not isinstance(value, bytes):
        return ""
    return value.split(b"\x00", 1)[0].decode("ascii", errors="ignore").strip()


def _offset(text: str) -> timezone | None:
    if len(text) == 6 and text[0] in "+-" and text[3] == ":":
        try:
            minutes = int(text[1:3]) * 60 + int(text[4:6])
        except ValueError:
            return None
        return timezone(timedelta(minutes=minutes if text[0] == "+" else -minutes))
    return None


def capture_time(head: bytes) -> str | None:
    """UTC text of when the photo was taken, or None when the file does not say."""
    tiff = _exif_block(head)
    if not tiff or len(tiff) < 8:
        return None
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return None
    try:
        (ifd0,) = struct.unpack(order + "I", tiff[4:8])
        main = _read_ifd(tiff, ifd0, order)
        exif = {}
        if isinstance(main.get(_EXIF_IFD), int):
            exif = _read_ifd(tiff, main[_EXIF_IFD], order)
    except struct.error:
        return None
    stamp = _text(exif.get(_DATETIME_ORIGINAL)) or _text(exif.get(_DATETIME_DIGITIZED))
    stamp = stamp or _text(main.get(_DATETIME))
    try:
        moment = datetime.strptime(stamp, "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    zone = _offset(_text(exif.get(_OFFSET_TIME_ORIGINAL))) or CHINA
    return to_text(moment.replace(tzinfo=zone))
