"""Fit an image into a byte limit without making it unreadable.

The image is decoded with its EXIF orientation applied, re-encoded (which drops every
piece of metadata, the GPS location included), then taken down a JPEG quality ladder and,
only when that is not enough, scaled down, never below a legibility floor: the short side
stays at least `min_short_side` pixels (and text we know the size of, such as a rendered
chat, stays at least `min_text_px` high). An image that cannot fit raises FitError saying
which one and why; nothing is written here. Same input, same bytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageIOHandler,
    QImageReader,
    QImageWriter,
    QPainter,
)

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message
from shopdesk.evidence import budgets

QUALITY_LADDER = (90, 82, 75, 68, 60, 52, 45)
_MAX_STEPS = 12
_ESTIMATE_QUALITY = 68


class FitError(InputError):
    """An evidence item cannot fit the destination (names the item and the reason)."""


@dataclass(frozen=True)
class Fitted:
    data: bytes
    fmt: str  # jpg | png
    width: int
    height: int
    quality: int | None
    scale: float  # relative to the decoded (oriented) image

    @property
    def bytes(self) -> int:
        return len(self.data)


def load_image(source: Path | bytes, max_long_side: int = 0, label: str = "") -> QImage:
    """Decode a file or bytes with its EXIF orientation applied. With `max_long_side`, a
    large JPEG is decoded straight at a reduced size (much faster for 12-MP photos).
    The pixel count is checked before decoding (budgets): a few hundred bytes can declare
    a 60000 x 60000 image."""
    buffer: QBuffer | None = None
    if isinstance(source, bytes | bytearray):
        buffer = QBuffer()
        buffer.setData(QByteArray(bytes(source)))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
    else:
        reader = QImageReader(str(source))
    name = label or (str(source) if buffer is None else Message("pack.image"))
    try:
        reader.setAutoTransform(True)
        reader.setAllocationLimit(budgets.DECODE_ALLOCATION_MB)  # for a size not declared
        _plan_decode(reader, max_long_side, name)
        image = reader.read()
        error = reader.errorString()
    finally:
        if buffer is not None:
            buffer.close()
    if image.isNull():
        raise FitError("pack.fit.unreadable", file=name, reason=error)
    return image


def _plan_decode(reader: QImageReader, max_long_side: int, name: str) -> None:
    """Refuse a declared size over the pixel budget; a JPEG (which decodes straight at a
    reduced size) is decoded at most at `max_long_side` and within the decode budget."""
    raw = reader.size()
    if not raw.isValid():
        return
    width, height = raw.width(), raw.height()
    reduced = reader.supportsOption(QImageIOHandler.ImageOption.ScaledSize)
    problem = budgets.image_problem(name, width, height, reduced)
    if problem:
        raise FitError(problem)
    target_w, target_h = width, height
    if max_long_side and max(width, height) > max_long_side:
        factor = max_long_side / max(width, height)
        target_w, target_h = max(1, round(width * factor)), max(1, round(height * factor))
    target_w, target_h = budgets.reduced_size(target_w, target_h)
    if (target_w, target_h) != (width, height):
        reader.setScaledSize(QSize(target_w, target_h))


def flatten(image: QImage) -> QImage:
    """RGB on white (JPEG has no transparency), in one pixel format for stable encoding."""
    if image.hasAlphaChannel():
        out = QImage(image.size(), QImage.Format.Format_RGB32)
        out.fill(QColor("white"))
        painter = QPainter(out)
        painter.drawImage(0, 0, image)
        painter.end()
        image = out
    return image.convertToFormat(QImage.Format.Format_RGB32)


def encode(image: QImage, fmt: str, quality: int | None = None) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"jpeg" if fmt == "jpg" else fmt.encode())
    if fmt == "jpg":
        writer.setQuality(quality or 90)
        writer.setOptimizedWrite(True)
        writer.setProgressiveScanWrite(False)
    elif fmt == "png":
        writer.setQuality(0)  # strongest compression; lossless either way
    if not writer.write(image):
        raise RuntimeError(f"cannot encode {fmt}: {writer.errorString()}")
    data = bytes(buffer.data())
    buffer.close()
    return data


def scaled(image: QImage, scale: float) -> QImage:
    if scale >= 1.0:
        return image
    width = max(1, round(image.width() * scale))
    height = max(1, round(image.height() * scale))
    return image.scaled(
        width,
        height,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def floor_scale(
    image: QImage, min_short_side: int, text_px: float | None = None, min_text_px: int = 12
) -> float:
    """The smallest scale that keeps the image legible (1.0: it may not shrink at all)."""
    short = min(image.width(), image.height())
    floor = min(1.0, min_short_side / short) if short else 1.0
    if text_px:
        floor = max(floor, min(1.0, min_text_px / text_px))
    return floor


def fit_image(
    image: QImage,
    max_bytes: int,
    *,
    formats: tuple[str, ...] = ("jpg", "png"),
    max_long_side: int = 2560,
    min_short_side: int = 600,
    text_px: float | None = None,
    min_text_px: int = 12,
    label: str = "",
    start_quality: int | None = None,
) -> Fitted:
    """The largest, best-quality encoding of `image` within `max_bytes`, or FitError.
    `start_quality` (the rung that fitted a similar image) only saves encodes: the result
    is still the highest rung that fits. `label` names the image in a refusal."""
    label = label or Message("pack.image")
    if image.isNull():  # a QImage too large to allocate is null
        raise FitError("pack.fit.too_large_to_make", file=label)
    image = flatten(image)
    long_side = max(image.width(), image.height())
    if max_long_side and long_side > max_long_side:
        # the size cap never goes below the legibility floor (a tall chat or screenshot)
        factor = max(
            max_long_side / long_side, floor_scale(image, min_short_side, text_px, min_text_px)
        )
        if factor < 1.0:
            image = scaled(image, factor)
            if text_px:
                text_px *= factor
    floor = floor_scale(image, min_short_side, text_px, min_text_px)
    use_jpg = "jpg" in formats
    use_png = "png" in formats
    if not (use_jpg or use_png):
        raise FitError("pack.fit.formats_not_taken", file=label, formats=", ".join(formats))
    if use_jpg and max(image.width(), image.height()) * floor > budgets.JPEG_MAX_SIDE:
        use_jpg = False  # JPEG cannot hold it legibly; PNG may
        if not use_png:
            raise FitError(
                "pack.fit.beyond_jpeg",
                file=label,
                width=f"{image.width():,}",
                height=f"{image.height():,}",
                limit=f"{budgets.JPEG_MAX_SIDE:,}",
            )
    scale = 1.0
    smallest = 0
    for step in range(_MAX_STEPS):
        if step == _MAX_STEPS - 1:
            scale = floor  # the last try is always at the legibility floor
        candidate = scaled(image, scale)
        smallest = 0
        if use_png and _looks_flat(candidate):
            data = encode(candidate, "png")
            if len(data) <= max_bytes:
                return Fitted(data, "png", candidate.width(), candidate.height(), None, scale)
            smallest = len(data)
        if use_jpg and max(candidate.width(), candidate.height()) <= budgets.JPEG_MAX_SIDE:
            at_floor = scale <= floor + 1e-9
            lowest = QUALITY_LADDER[-1] if at_floor else _ESTIMATE_QUALITY
            found, probed = _ladder(candidate, max_bytes, start_quality, lowest)
            if found is not None:
                quality, data = found
                return Fitted(data, "jpg", candidate.width(), candidate.height(), quality, scale)
            smallest = probed if not smallest else min(smallest, probed)
        if scale <= floor + 1e-9:
            break
        if not smallest:  # too long for JPEG at this size: straight to one it can hold
            side = max(image.width(), image.height())
            scale = max(floor, min(scale * 0.9, budgets.JPEG_MAX_SIDE / side))
            continue
        estimate = scale * math.sqrt(max_bytes / smallest) * 0.95
        scale = max(floor, min(scale * 0.9, estimate))
    if not smallest:
        raise FitError(
            "pack.fit.too_long",
            file=label,
            width=f"{image.width():,}",
            height=f"{image.height():,}",
        )
    final = scaled(image, floor)
    raise FitError(
        "pack.fit.over_limit",
        file=label,
        width=final.width(),
        height=final.height(),
        quality=QUALITY_LADDER[-1],
        size=f"{smallest:,}",
        limit=f"{max_bytes:,}",
    )


def _ladder(
    image: QImage, max_bytes: int, start_quality: int | None, lowest: int
) -> tuple[tuple[int, bytes] | None, int]:
    """The highest rung >= `lowest` of the quality ladder that fits (quality, bytes), else
    None, and the size at the lowest rung. The start only decides where the search begins
    (sizes fall as quality falls), never the answer."""
    rungs = [q for q in QUALITY_LADDER if q >= lowest]
    start = rungs.index(start_quality) if start_quality in rungs else 0
    sizes: dict[int, bytes] = {}

    def fits(i: int) -> bool:
        if i not in sizes:
            sizes[i] = encode(image, "jpg", rungs[i])
        return len(sizes[i]) <= max_bytes

    def climb(best: int, ceiling: int) -> tuple[tuple[int, bytes], int]:
        while best > ceiling and fits(best - 1):
            best -= 1
        return (rungs[best], sizes[best]), len(sizes[best])

    if fits(start):
        return climb(start, 0)
    last = len(rungs) - 1
    i = start
    while i < last:
        if len(sizes[i]) > max_bytes * 3:  # far off: try the lowest rung straight away
            if fits(last):
                return climb(last, i + 1)
            return None, len(sizes[last])
        i += 1
        if fits(i):
            return (rungs[i], sizes[i]), len(sizes[i])
    return None, len(sizes[last])


def _looks_flat(image: QImage) -> bool:
    """Screenshots and rendered text (few colours) compress better as PNG than JPEG."""
    step_x = max(1, image.width() // 64)
    step_y = max(1, image.height() // 64)
    colours = set()
    for y in range(0, image.height(), step_y):
        for x in range(0, image.width(), step_x):
            colours.add(image.pixel(x, y))
            if len(colours) > 256:
                return False
    return True
