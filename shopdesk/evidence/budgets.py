"""The size and work budgets of everything packaging reads, each checked before the work:
pixels before an image is decoded, page size in points before a PDF page is rendered,
characters and pages before a chat is drawn, declared sizes before a zip member is
inflated (and then read in chunks, never whole). Each check returns the reason, in
Chinese and naming the file, or None; the callers raise it in their own error type.
Pure Python."""

from __future__ import annotations

import hashlib
import math
import struct
from typing import BinaryIO

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


def megapixels(pixels: float) -> str:
    return f"{pixels / 1e6:,.0f} 百万像素"


def image_problem(label: str, width: int, height: int, reduced_decode: bool) -> str | None:
    """Why an image of `width` x `height` may not be decoded (None: it may). A JPEG can be
    decoded straight at a reduced size (`reduced_decode`), other formats only in full."""
    pixels = width * height
    if width <= 0 or height <= 0:
        return None  # the reader will say what is wrong
    limit = SOURCE_MAX_PIXELS if reduced_decode else DECODE_MAX_PIXELS
    if pixels > limit:
        return (
            f"{label}：图片有 {width:,}×{height:,} 像素（{megapixels(pixels)}），"
            f"超过可读取的上限 {megapixels(limit)}，不是正常的照片或截图"
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
) -> tuple[float | None, str | None]:
    """The render scale (pixels per point) for pages of `sizes` (points) at `dpi`,
    lowered, never below PDF_MIN_DPI, until every page and the whole document fit their
    pixel budgets (the document also within `room`, what the package has left); else
    (None, the reason naming the page)."""
    for number, (width, height) in enumerate(sizes, start=1):
        if not (math.isfinite(width) and math.isfinite(height)) or width < 1 or height < 1:
            return None, f"{label} 第 {number} 页：页面尺寸无效（{width}×{height} 点）"
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
        return None, (
            f"{label} 第 {number} 页：页面有 {_cm(width)}×{_cm(height)} 厘米"
            f"（{width:,.0f}×{height:,.0f} 点），太大，无法清晰地转成图片"
            f"（{PDF_MIN_DPI} dpi 下超过 {megapixels(PDF_PAGE_MAX_PIXELS)}）"
        )
    if document_max < PDF_DOCUMENT_MAX_PIXELS:
        return None, plan_problem(label)
    return None, (
        f"{label}：{len(sizes)} 页合计在 {PDF_MIN_DPI} dpi 下有 {megapixels(total * floor**2)}，"
        f"超过上限 {megapixels(PDF_DOCUMENT_MAX_PIXELS)}：请拆分 PDF 或只保留相关的页"
    )


def plan_problem(label: str) -> str:
    return (
        f"{label}：加上前面的证据，一个证据包要生成的图片超过 {megapixels(PLAN_MAX_PIXELS)}"
        "的上限：请分几次打包"
    )


def _cm(points: float) -> str:
    return f"{points / POINTS_PER_INCH * 2.54:,.0f}"


def chat_chars_problem(label: str, characters: int) -> str | None:
    if characters > CHAT_RENDER_MAX_CHARS:
        return (
            f"{label}：选中的消息共 {characters:,} 个字，超过一次能生成图片的上限 "
            f"{CHAT_RENDER_MAX_CHARS:,} 字：请在证据里只勾选相关的消息"
        )
    return None


def chat_pages_problem(label: str, pages: int) -> str | None:
    if pages > CHAT_MAX_PAGES:
        return (
            f"{label}：选中的消息要 {pages} 页图片，超过上限 {CHAT_MAX_PAGES} 页："
            "请在证据里只勾选相关的消息"
        )
    return None


# ---------------------------------------------------------------- verifying


def manifest_problem(size: int) -> str | None:
    if size > MANIFEST_MAX_BYTES:
        return (
            f"manifest.json：有 {size:,} 字节，不是证据包的清单（上限 {MANIFEST_MAX_BYTES:,} 字节）"
        )
    return None


def files_problem(count: int) -> str | None:
    if count > PACKAGE_MAX_FILES:
        return f"证据包有 {count:,} 个文件，超过上限 {PACKAGE_MAX_FILES:,} 个，不是 ShopDesk 生成的证据包"
    return None


def member_problem(name: str, declared: int, compressed: int, archive_bytes: int) -> str | None:
    """Why a zip member is not inflated at all: it claims more than a package can hold,
    more compressed bytes than the archive has, or a ratio only a zip bomb has."""
    if declared > MEMBER_MAX_BYTES:
        return f"{name}：声明解压后有 {declared:,} 字节，超过证据包单个文件的上限 {MEMBER_MAX_BYTES:,} 字节"
    if compressed > archive_bytes:
        return f"{name}：声明的压缩大小 {compressed:,} 字节比整个 zip 还大，zip 已损坏"
    if declared >= SUSPECT_MIN_BYTES and declared > MAX_RATIO * max(compressed, 1):
        return (
            f"{name}：声明解压后有 {declared:,} 字节，压缩后只有 {compressed:,} 字节"
            f"（{declared / max(compressed, 1):,.0f} 倍），疑似压缩炸弹，未解压"
        )
    return None


def total_problem(total: int) -> str | None:
    if total > PACKAGE_MAX_BYTES:
        return f"证据包解压后共 {total:,} 字节，超过上限 {PACKAGE_MAX_BYTES:,} 字节"
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
