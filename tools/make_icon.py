"""Draw ShopDesk's app icon (a rounded square with 售) with QPainter and write
resources/icons/shopdesk.png (256 px) and shopdesk.ico (16-256 px) for the build.

Run again after changing the drawing: `python tools/make_icon.py`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
)

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw_icon(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.04
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    shape = QPainterPath()
    shape.addRoundedRect(box, size * 0.2, size * 0.2)
    gradient = QLinearGradient(box.topLeft(), box.bottomRight())
    gradient.setColorAt(0.0, QColor("#ff7a2f"))
    gradient.setColorAt(1.0, QColor("#e0411b"))
    painter.fillPath(shape, gradient)
    painter.setPen(QColor("white"))
    painter.setFont(_font(size))
    painter.drawText(box.adjusted(0, -size * 0.02, 0, 0), Qt.AlignmentFlag.AlignCenter, "售")
    painter.end()
    return image


def _font(size: int) -> QFont:
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    font = QFont(families[0] if families else "sans-serif")
    font.setPixelSize(max(10, round(size * 0.66)))
    font.setBold(True)
    return font


def ico_bytes(images: list[QImage]) -> bytes:
    """A Windows .ico holding one PNG per size (Vista and later read PNG entries)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    blobs = []
    for image in images:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        blobs.append(bytes(data))
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little")
    header += len(images).to_bytes(2, "little")
    offset = 6 + 16 * len(images)
    entries = b""
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() % 256  # 0 means 256
        entries += bytes([side, side, 0, 0]) + (1).to_bytes(2, "little")
        entries += (32).to_bytes(2, "little") + len(blob).to_bytes(4, "little")
        entries += offset.to_bytes(4, "little")
        offset += len(blob)
    return header + entries + b"".join(blobs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    ICONS.mkdir(parents=True, exist_ok=True)
    draw_icon(256).save(str(ICONS / "shopdesk.png"))
    (ICONS / "shopdesk.ico").write_bytes(ico_bytes([draw_icon(s) for s in ICO_SIZES]))
    print(f"wrote {ICONS / 'shopdesk.png'} and {ICONS / 'shopdesk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
