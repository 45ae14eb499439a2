"""The size and work budgets of everything packaging reads, each checked before the work:
pixels before an image is decoded, page size in points before a PDF page is rendered,
characters and pages before a chat is drawn, declared sizes before a zip member is
inflated (and then read in chunks, never whole). Each check returns the reason, a
catalogue Message naming the file, or None; the callers raise it in their own error type.
Pure Python."""

from __future__ import annotations

import hashlib
import math
import struct
from typing import BinaryIO

from shopdesk.domain.messages import Message

# -- images: what a decode may cost
DECODE_MAX_PIXELS = 64_000_000  # decoded at full size (PNG, GIF, BMP ...): 256 MB as RGB32
SOURCE_MAX_PIXELS = 260_000_000  # a JPEG decoded at a reduced size: 200-MP phones fit
DECODE_ALLOCATION_MB = 320  # Qt's own limit, for a format that does not say its size

# -- PDF pages (rendered on the packaging thread, all pages held until fitted)
PDF_PAGE_MAX_PIXELS = 40_000_000  # A0 at 150 dpi is 35 MP
PDF_DOCUMENT_MAX_PIXELS = 200_000_000  # 50 A4 pages at 150 dpi are 109 MP; 50 A3 drawn at 143
PDF_MIN_DPI = 100  # 10-pt text is 14 px: still legible
POINTS_PER_INCH = 72

# -- everything one package renders (PDF pages and chat pages are held until fitted)
PLAN_MAX_PIXELS = 250_000_000

# -- chats
CHAT_RENDER_MAX_CHARS = 150_000  # of the picked messages, checked before any layout
CHAT_MAX_PAGES = 60  # 750 x 2000 px each: 360 MB
CHAT_TALL_PAGE_MAX = 20_000  # px: a one-image destination's whole chat, within JPEG's 65,535

# -- the encoders
JPEG_MAX_SIDE = 65_500

# -- verifying a package
MANIFEST_MAX_BYTES = 16 * 1024**2
PACKAGE_MAX_FILES = 10_000
MEMBER_MAX_BYTES = 2 * 1024**3 + 64 * 1024**2  # an original within the evidence budget
PACKAGE_MAX_BYTES = 16 * 1024**3
SUSPECT_MIN_BYTES = 64 * 1024**2  # below this, any compression ratio is harmless
MAX_RATIO = 200  # photos, PDFs and video barely compress; 2 GiB of zeros is ~1000:1
HASH_CHUNK = 1024**2


def megapixels(pixels: float) -> Message:
    return Message("pack.megapixels", n=f"{pixels / 1e6:,.0f}")


def image_problem(label: str, width: int, height: int, reduced_decode: bool) -> Message | None:
    """Why an image of `width` x `height` may not be decoded (None: it may). A JPEG can be
    decoded straight at a reduced size (`reduced_decode`), other formats only in full."""
    pixels = width * height
    if width <= 0 or height <= 0:
        return None  # the reader will say what is wrong
    limit = SOURCE_MAX_PIXELS if reduced_decode else DECODE_MAX_PIXELS
    if pixels > limit:
        return Message(
            "pack.image_too_many_pixels",
            file=label,
            width=f"{width:,}",
            height=f"{height:,}",
            pixels=megapixels(pixels),
            limit=megapixels(limit),
        )
    return None


def reduced_size(width: int, height: int, limit: int = DECODE_MAX_PIXELS) -> tuple[int, int]:
    """The size within `limit` pixels that keeps the aspect ratio."""
    if width * height <= limit:
        return width, height
    factor = math.sqrt(limit / (width * height))
    return max(1, int(width * factor)), max(1, int(height * factor))


def pdf_scale(
    label: str, sizes: list[tuple[float, float]], dpi: float, room: float | None = None
) -> tuple[float | None, Message | None]:
    """The render scale (pixels per point) for pages of `sizes` (points) at `dpi`,
    lowered, never below PDF_MIN_DPI, until every page and the whole document fit their
    pixel budgets (the document also within `room`, what the package has left); else
    (None, the reason naming the page)."""
    for number, (width, height) in enumerate(sizes, start=1):
        if not (math.isfinite(width) and math.isfinite(height)) or width < 1 or height < 1:
            return None, Message(
                "pack.pdf.page_size_invalid", file=label, page=number, width=width, height=height
            )
    scale = dpi / POINTS_PER_INCH
    floor = min(scale, PDF_MIN_DPI / POINTS_PER_INCH)
    largest = max(w * h for w, h in sizes)
    total = sum(w * h for w, h in sizes)
    document_max = min(PDF_DOCUMENT_MAX_PIXELS, max(room, 0) if room is not None else math.inf)
    scale = min(  # 1% under: pdfium rounds each side up
        scale,
        0.99 * math.sqrt(PDF_PAGE_MAX_PIXELS / largest),
        0.99 * math.sqrt(document_max / total),
    )
    if scale >= floor:
        return scale, None
    if largest * floor**2 > PDF_PAGE_MAX_PIXELS:
        number, (width, height) = max(enumerate(sizes, start=1), key=lambda p: p[1][0] * p[1][1])
        return None, Message(
            "pack.pdf.page_too_large",
            file=label,
            page=number,
            width_cm=_cm(width),
            height_cm=_cm(height),
            width_pt=f"{width:,.0f}",
            height_pt=f"{height:,.0f}",
            dpi=PDF_MIN_DPI,
            limit=megapixels(PDF_PAGE_MAX_PIXELS),
        )
    if document_max < PDF_DOCUMENT_MAX_PIXELS:
        return None, plan_problem(label)
    return None, Message(
        "pack.pdf.document_too_large",
        file=label,
        pages=len(sizes),
        dpi=PDF_MIN_DPI,
        pixels=megapixels(total * floor**2),
        limit=megapixels(PDF_DOCUMENT_MAX_PIXELS),
    )


def plan_problem(label: str) -> Message:
    return Message("pack.plan_too_large", file=label, limit=megapixels(PLAN_MAX_PIXELS))


def _cm(points: float) -> str:
    return f"{points / POINTS_PER_INCH * 2.54:,.0f}"


def chat_chars_problem(label: str, characters: int) -> Message | None:
    if characters > CHAT_RENDER_MAX_CHARS:
        return Message(
            "pack.chat.too_many_chars",
            file=label,
            n=f"{characters:,}",
            limit=f"{CHAT_RENDER_MAX_CHARS:,}",
        )
    return None


def chat_pages_problem(label: str, pages: int) -> Message | None:
    if pages > CHAT_MAX_PAGES:
        return Message("pack.chat.too_many_pages", file=label, n=pages, limit=CHAT_MAX_PAGES)
    return None


# ---------------------------------------------------------------- verifying


def manifest_problem(size: int) -> Message | None:
    if size > MANIFEST_MAX_BYTES:
        return Message(
            "pack.verify.manifest_too_large", size=f"{size:,}", limit=f"{MANIFEST_MAX_BYTES:,}"
        )
    return None


def files_problem(count: int) -> Message | None:
    if count > PACKAGE_MAX_FILES:
        return Message("pack.verify.too_many_files", n=f"{count:,}", limit=f"{PACKAGE_MAX_FILES:,}")
    return None


def member_problem(name: str, declared: int, compressed: int, archive_bytes: int) -> Message | None:
    """Why a zip member is not inflated at all: it claims more than a package can hold,
    more compressed bytes than the archive has, or a ratio only a zip bomb has."""
    if declared > MEMBER_MAX_BYTES:
        return Message(
            "pack.verify.member_too_large",
            file=name,
            size=f"{declared:,}",
            limit=f"{MEMBER_MAX_BYTES:,}",
        )
    if compressed > archive_bytes:
        return Message("pack.verify.member_compressed_too_large", file=name, size=f"{compressed:,}")
    if declared >= SUSPECT_MIN_BYTES and declared > MAX_RATIO * max(compressed, 1):
        return Message(
            "pack.verify.zip_bomb",
            file=name,
            size=f"{declared:,}",
            compressed=f"{compressed:,}",
            ratio=f"{declared / max(compressed, 1):,.0f}",
        )
    return None


def total_problem(total: int) -> Message | None:
    if total > PACKAGE_MAX_BYTES:
        return Message(
            "pack.verify.total_too_large", size=f"{total:,}", limit=f"{PACKAGE_MAX_BYTES:,}"
        )
    return None


def zip_entries(handle: BinaryIO) -> int | None:
    """The entry count a zip's end record declares, read from its last 64 KiB before
    the central directory is parsed (each entry costs memory); None: no end record."""
    handle.seek(0, 2)
    size = handle.tell()
    tail_start = max(0, size - (65536 + 22))
    handle.seek(tail_start)
    tail = handle.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return None
    (count,) = struct.unpack("<H", tail[at + 10 : at + 12])
    locator = at - 20
    if count == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
        (offset,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
        handle.seek(offset)
        record = handle.read(56)
        if record[:4] == b"PK\x06\x06" and len(record) == 56:
            (count,) = struct.unpack("<Q", record[32:40])
    return count


def hash_stream(stream: BinaryIO, limit: int) -> tuple[int, str, bool]:
    """(bytes read, SHA-256, whether there was more than `limit`), reading at most
    `limit` + 1 bytes in chunks: memory stays at one chunk whatever the member holds."""
    digest = hashlib.sha256()
    size = 0
    while size <= limit:
        chunk = stream.read(min(HASH_CHUNK, limit + 1 - size))
        if not chunk:
            break
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest(), size > limit
