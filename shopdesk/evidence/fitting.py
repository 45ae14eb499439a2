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
from PySide6.QtGui import QColor, QImage, QImageReader, QImageWriter, QPainter

from shopdesk.core.errors import InputError

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
    large JPEG is decoded straight at a reduced size (much faster for 12-MP photos)."""
    buffer: QBuffer | None = None
    if isinstance(source, bytes | bytearray):
        buffer = QBuffer()
        buffer.setData(QByteArray(bytes(source)))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
    else:
        reader = QImageReader(str(source))
    reader.setAutoTransform(True)
    reader.setAllocationLimit(1024)  # MB; 100-MP photos exist
    raw = reader.size()
    if max_long_side and raw.isValid() and max(raw.width(), raw.height()) > max_long_side:
        factor = max_long_side / max(raw.width(), raw.height())
        reader.setScaledSize(
            QSize(max(1, round(raw.width() * factor)), max(1, round(raw.height() * factor)))
        )
    image = reader.read()
    error = reader.errorString()
    if buffer is not None:
        buffer.close()
    if image.isNull():
        name = label or (str(source) if buffer is None else "图片")
        raise FitError(f"{name}：无法读取图片（{error}）")
    return image


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
    label: str = "图片",
) -> Fitted:
    """The largest, best-quality encoding of `image` within `max_bytes`, or FitError."""
    image = flatten(image)
    long_side = max(image.width(), image.height())
    if max_long_side and long_side > max_long_side:
        factor = max_long_side / long_side
        image = scaled(image, factor)
        if text_px:
            text_px *= factor
    floor = floor_scale(image, min_short_side, text_px, min_text_px)
    use_jpg = "jpg" in formats
    use_png = "png" in formats
    if not (use_jpg or use_png):
        raise FitError(f"{label}：目的地只收 {', '.join(formats)}，无法生成")
    scale = 1.0
    smallest = 0
    for _ in range(_MAX_STEPS):
        candidate = scaled(image, scale)
        smallest = 0
        if use_png and _looks_flat(candidate):
            data = encode(candidate, "png")
            if len(data) <= max_bytes:
                return Fitted(data, "png", candidate.width(), candidate.height(), None, scale)
            smallest = len(data)
        if use_jpg:
            for quality in QUALITY_LADDER:
                data = encode(candidate, "jpg", quality)
                if len(data) <= max_bytes:
                    return Fitted(
                        data, "jpg", candidate.width(), candidate.height(), quality, scale
                    )
                smallest = len(data) if not smallest else min(smallest, len(data))
                if len(data) > max_bytes * 3 and quality > _ESTIMATE_QUALITY:
                    # far off: shrinking is needed anyway; size it for a middle quality
                    data = encode(candidate, "jpg", _ESTIMATE_QUALITY)
                    smallest = min(smallest, len(data))
                    break
        if scale <= floor + 1e-9:
            break
        estimate = scale * math.sqrt(max_bytes / smallest) * 0.95
        scale = max(floor, min(scale * 0.9, estimate))
    final = scaled(image, floor)
    raise FitError(
        f"{label}：缩小到清晰度下限 {final.width()}×{final.height()} 像素、"
        f"质量 {QUALITY_LADDER[-1]} 后仍有 {smallest:,} 字节，超过目的地上限 {max_bytes:,} 字节"
    )


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
