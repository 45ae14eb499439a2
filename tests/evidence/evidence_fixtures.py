"""Images for the evidence tests: a 12-MP photo with a printed label and a tall
phone screenshot of a chat, both drawn here (no binary fixtures), plus EXIF helpers."""

from __future__ import annotations

import os
import random
import struct

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter  # noqa: E402

SCREENSHOT_TEXT_PX = 40  # the chat text size in the phone screenshot


def draw_photo(width: int = 4000, height: int = 3000, seed: int = 1) -> QImage:
    from shopdesk.evidence import qtenv

    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, width, height)
    gradient.setColorAt(0, QColor(200, 120, 40))
    gradient.setColorAt(1, QColor(20, 90, 200))
    painter.fillRect(image.rect(), gradient)
    rnd = random.Random(seed)
    for _ in range(2500):  # texture, so JPEG has work to do, like a real photo
        painter.setPen(QColor(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
        painter.drawEllipse(
            rnd.randrange(width),
            rnd.randrange(height),
            rnd.randrange(5, 160),
            rnd.randrange(5, 160),
        )
    painter.fillRect(QRect(150, 250, 2600, 260), QColor("white"))
    painter.setPen(QColor("black"))
    painter.setFont(qtenv.font(120))
    painter.drawText(200, 440, "快递单号 SF1234567890 重1.25kg")
    painter.end()
    return image


def draw_screenshot(width: int = 1080, height: int = 2400) -> QImage:
    """A phone screenshot of a chat: grey background, white and green bubbles of text."""
    from shopdesk.evidence import qtenv

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(237, 237, 237))
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, width, 160), QColor(250, 250, 250))
    painter.setFont(qtenv.font(SCREENSHOT_TEXT_PX))
    rnd = random.Random(7)
    words = "亲您好耳机左边没有声音请拍个视频给我们看看补发快递单号已签收退款售后客服谢谢"
    y = 200
    while y < height - 160:
        mine = rnd.random() < 0.5
        lines = rnd.randint(1, 3)
        bubble = QRect(40 if not mine else 300, y, 740, lines * 56 + 30)
        painter.fillRect(bubble, QColor(149, 236, 105) if mine else QColor("white"))
        painter.setPen(QColor(20, 20, 20))
        for i in range(lines):
            text = "".join(rnd.choice(words) for _ in range(15))
            painter.drawText(bubble.x() + 24, bubble.y() + 56 * (i + 1), text)
        y += bubble.height() + 40
    painter.end()
    return image


def jpeg_bytes(image: QImage, quality: int = 92) -> bytes:
    from shopdesk.evidence.fitting import encode

    return encode(image, "jpg", quality)


def exif_segment(orientation: int, with_gps: bool = True) -> bytes:
    """An APP1 Exif segment with an Orientation tag and (optionally) a GPS position."""
    entries = [(0x0112, 3, 1, struct.pack("<HH", orientation, 0))]
    ifd0_count = 2 if with_gps else 1
    ifd0_size = 2 + 12 * ifd0_count + 4
    gps_offset = 8 + ifd0_size
    if with_gps:
        entries.append((0x8825, 4, 1, struct.pack("<I", gps_offset)))
    body = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(entries))
    for tag, typ, count, value in entries:
        body += struct.pack("<HHI", tag, typ, count) + value
    body += struct.pack("<I", 0)
    if with_gps:
        # GPSLatitudeRef 'N', GPSLatitude 30/1 15/1 0/1 (rationals stored after the IFD)
        rationals_offset = gps_offset + 2 + 12 * 2 + 4
        body += struct.pack("<H", 2)
        body += struct.pack("<HHI", 0x0001, 2, 2) + b"N\x00\x00\x00"
        body += struct.pack("<HHII", 0x0002, 5, 3, rationals_offset)
        body += struct.pack("<I", 0)
        body += struct.pack("<6I", 30, 1, 15, 1, 0, 1)
    payload = b"Exif\x00\x00" + body
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def with_exif(jpeg: bytes, orientation: int, with_gps: bool = True) -> bytes:
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + exif_segment(orientation, with_gps) + jpeg[2:]
