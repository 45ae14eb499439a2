"""The capture time of a photo from its EXIF, without Qt or Pillow."""

from __future__ import annotations

import struct

import pytest

from shopdesk.domain.exif_time import capture_time
from shopdesk.store import evidence_repo


def jpeg_with_time(stamp: str, offset: str | None = None, order: str = "<") -> bytes:
    """A minimal JPEG start: SOI + an Exif APP1 with DateTimeOriginal (+ OffsetTimeOriginal)."""
    mark = b"II" if order == "<" else b"MM"
    date = stamp.encode() + b"\x00"  # 20 bytes
    exif_entries = [(0x9003, 2, len(date))]
    blobs = [date]
    if offset:
        blobs.append(offset.encode() + b"\x00")  # 7 bytes
        exif_entries.append((0x9011, 2, 7))
    ifd0 = 8
    exif_ifd = ifd0 + 2 + 12 + 4
    data_at = exif_ifd + 2 + 12 * len(exif_entries) + 4
    tiff = mark + struct.pack(order + "HI", 42, ifd0)
    tiff += struct.pack(order + "H", 1) + struct.pack(order + "HHII", 0x8769, 4, 1, exif_ifd)
    tiff += struct.pack(order + "I", 0)
    tiff += struct.pack(order + "H", len(exif_entries))
    where = data_at
    for (tag, kind, count), blob in zip(exif_entries, blobs, strict=True):
        tiff += struct.pack(order + "HHII", tag, kind, count, where)
        where += len(blob)
    tiff += struct.pack(order + "I", 0) + b"".join(blobs)
    payload = b"Exif\x00\x00" + tiff
    return b"\xff\xd8" + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + b"\xff\xd9"


@pytest.mark.parametrize("order", ["<", ">"])
def test_the_photo_time_is_read_as_china_time_when_no_offset_is_given(order):
    assert (
        capture_time(jpeg_with_time("2026:11:19 16:30:05", order=order)) == "2026-11-19T08:30:05Z"
    )


def test_an_offset_in_the_file_wins():
    data = jpeg_with_time("2026:11:19 16:30:05", offset="+09:00")
    assert capture_time(data) == "2026-11-19T07:30:05Z"


@pytest.mark.parametrize(
    "data",
    [b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00II*\x00", b"\xff\xd8" * 3],
)
def test_files_without_a_readable_time_give_none(data):
    assert capture_time(data) is None


def test_an_added_photo_takes_its_exif_time(demo_store, tmp_path):
    path = tmp_path / "IMG_0001.jpg"
    path.write_bytes(jpeg_with_time("2026:11:19 16:30:05"))
    case = demo_store.list_cases()[0]
    item = evidence_repo.add_file(demo_store, case.id, path, "photo")
    assert item.captured_at == "2026-11-19T08:30:05Z"
