"""Small JPEG thumbnails of evidence photos, for documents that show them beside text
(the xlsx 产品改进单): decoded within the image budgets, EXIF orientation applied,
metadata (GPS) dropped by re-encoding."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice

from shopdesk.evidence import qtenv
from shopdesk.evidence.fitting import FitError, flatten, load_image, scaled


@dataclass(frozen=True)
class Thumbnail:
    jpeg: bytes
    width: int
    height: int


def thumbnail(path: Path, side: int) -> Thumbnail | None:
    """The photo at most `side` pixels on its long side, or None when the file is gone
    or cannot be read (the document then says so instead of showing it)."""
    qtenv.ensure_gui()
    if not path.is_file():
        return None
    try:
        image = load_image(path, max_long_side=side, label=path.name)
    except FitError:
        return None
    image = flatten(scaled(image, side / max(image.width(), image.height())))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 85)
    return Thumbnail(bytes(buffer.data()), image.width(), image.height())
