"""Photos a buyer would send of a defective 香薰蜡烛 (a soy-wax candle in a glass jar, from
a gift box), drawn for the demo store: the jar on a table, a bed or a tiled floor, with
the defect the buyer wrote about (a cracked jar leaking wax, a crack in its bottom, a
sunken middle, cracks or white bloom on the wax, scratches on the glass). One case's
photos share a scene, the first whole and the others close up on the same defect; the
JPEG carries EXIF with the buyer's phone and when it was taken, as a phone writes it.

Shapes only, no text: QPainter on a QImage needs no QGuiApplication, so the demo can be
built anywhere (the command line, the window, a test session before pytest-qt's
QApplication). Seeded: the same seed draws the same photos."""

from __future__ import annotations

import math
import random
import struct
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QRadialGradient,
)

DEFECTS = (
    "cracked_jar",
    "cracked_bottom",
    "sunken",
    "surface_cracks",
    "frosting",
    "scratched",
)
SURFACES = ("wood", "sheet", "tiles")
_ON_TOP = {"sunken", "surface_cracks", "frosting"}  # seen from above
JPEG_QUALITY = 84

# --- EXIF -------------------------------------------------------------------------------

_ASCII, _SHORT, _LONG = 2, 3, 4


def _ifd(entries: list[tuple[int, int, object]], start: int) -> bytes:
    """One big-endian IFD at offset `start` of the TIFF block, its long values after it.
    Entries: (tag, type, value) with bytes for ASCII and an int otherwise."""
    entries = sorted(entries, key=lambda e: e[0])
    extra_at = start + 2 + 12 * len(entries) + 4
    head, extra = struct.pack(">H", len(entries)), b""
    for tag, kind, value in entries:
        if kind == _ASCII:
            data = bytes(value) + b"\x00"
            if len(data) <= 4:
                slot = data.ljust(4, b"\x00")
            else:
                slot = struct.pack(">I", extra_at + len(extra))
                extra += data + (b"\x00" if len(data) % 2 else b"")
            head += struct.pack(">HHI", tag, kind, len(data)) + slot
        elif kind == _SHORT:
            head += struct.pack(">HHIHH", tag, kind, 1, int(value), 0)
        else:
            head += struct.pack(">HHII", tag, kind, 1, int(value))
    return head + b"\x00\x00\x00\x00" + extra


def exif_segment(taken: datetime, make: str, model: str) -> bytes:
    """An APP1 Exif segment: Make, Model, DateTime and, in the Exif IFD, DateTimeOriginal
    and DateTimeDigitized (the phone's local time) with OffsetTimeOriginal."""
    stamp = taken.strftime("%Y:%m:%d %H:%M:%S").encode("ascii")
    offset = taken.strftime("%z")
    offset_text = f"{offset[:3]}:{offset[3:]}".encode("ascii") if offset else b""
    exif_entries: list[tuple[int, int, object]] = [
        (0x9003, _ASCII, stamp),
        (0x9004, _ASCII, stamp),
    ]
    if offset_text:
        exif_entries.append((0x9011, _ASCII, offset_text))
    main_entries: list[tuple[int, int, object]] = [
        (0x010F, _ASCII, make.encode("ascii")),
        (0x0110, _ASCII, model.encode("ascii")),
        (0x0112, _SHORT, 1),  # orientation: as stored
        (0x0132, _ASCII, stamp),
        (0x8769, _LONG, 0),  # the Exif IFD, placed below
    ]
    main = _ifd(main_entries, 8)
    exif_at = 8 + len(main)
    main = _ifd([(t, k, exif_at if t == 0x8769 else v) for t, k, v in main_entries], 8)
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + main + _ifd(exif_entries, exif_at)
    body = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def jpeg_with_exif(image: QImage, taken: datetime, make: str, model: str) -> bytes:
    """The image as a JPEG whose EXIF says `taken` (an aware datetime, the phone's local
    time) and the phone; the Exif segment comes first, as phones write it."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "JPEG", JPEG_QUALITY):
        raise RuntimeError("Qt could not write a JPEG (no jpeg image plugin?)")
    data = bytes(buffer.data())
    return data[:2] + exif_segment(taken, make, model) + data[2:]


# --- the scene --------------------------------------------------------------------------


def _tone(rng: random.Random, color: tuple[int, int, int], spread: int) -> QColor:
    """The colour a little lighter or darker (all channels alike: wood stays wood)."""
    shift = rng.randint(-spread, spread)
    return QColor(*(max(0, min(255, c + shift)) for c in color))


def _jitter(rng: random.Random, color: tuple[int, int, int], spread: int) -> QColor:
    return QColor(*(max(0, min(255, c + rng.randint(-spread, spread))) for c in color))


@dataclass
class _Jar:
    cx: float
    bottom: float
    width: float
    height: float
    squash: float  # the ellipses' height over their width (how far above the camera is)
    wax_level: float  # 0..1 of the height
    glass: QColor
    wax: QColor
    label: QColor
    label_ink: QColor

    @property
    def rx(self) -> float:
        return self.width / 2

    @property
    def ry(self) -> float:
        return self.width / 2 * self.squash

    @property
    def top(self) -> float:
        return self.bottom - self.height

    @property
    def wax_top(self) -> float:
        return self.bottom - self.height * self.wax_level

    def ellipse(self, y: float, inset: float = 0) -> QRectF:
        rx, ry = self.rx - inset, (self.rx - inset) * self.squash
        return QRectF(self.cx - rx, y - ry, 2 * rx, 2 * ry)

    def body(self, y_top: float, y_bottom: float, inset: float = 0) -> QPainterPath:
        """The cylinder between two heights: the front half of the lower ellipse, the
        back half of the upper one."""
        path = QPainterPath()
        rx = self.rx - inset
        path.moveTo(self.cx - rx, y_top)
        path.arcTo(self.ellipse(y_top, inset), 180, -180)
        path.lineTo(self.cx + rx, y_bottom)
        path.arcTo(self.ellipse(y_bottom, inset), 0, -180)
        path.closeSubpath()
        return path


@dataclass
class _Scene:
    width: int
    height: int
    surface: str
    base: QColor
    light: QPointF  # where the window is, in scene coordinates
    jar: _Jar
    box: QRectF | None
    box_color: QColor
    second_jar: _Jar | None
    defect: str
    marks: list = field(default_factory=list)  # the defect's geometry, made once
    focus: QPointF = field(default_factory=QPointF)
    grain: list = field(default_factory=list)
    noise_seed: int = 0


def _scene(rng: random.Random, defect: str) -> _Scene:
    portrait = rng.random() < 0.6
    width, height = (768, 1024) if portrait else (1024, 768)
    surface = rng.choice(SURFACES)
    base = {
        "wood": _tone(rng, rng.choice([(168, 120, 80), (138, 96, 64), (196, 162, 120)]), 14),
        "sheet": _jitter(rng, (232, 230, 224), 8),
        "tiles": _jitter(rng, (214, 214, 210), 10),
    }[surface]
    jar_w = rng.uniform(0.34, 0.42) * min(width, height)
    jar = _Jar(
        cx=width / 2 + rng.uniform(-0.08, 0.08) * width,
        bottom=height * rng.uniform(0.70, 0.78),
        width=jar_w,
        height=jar_w * rng.uniform(1.05, 1.3),
        squash=rng.uniform(0.5, 0.62) if defect in _ON_TOP else rng.uniform(0.3, 0.4),
        wax_level=rng.uniform(0.72, 0.84),
        glass=rng.choice(
            [QColor(196, 206, 202, 70), QColor(150, 100, 50, 95), QColor(120, 130, 140, 80)]
        ),
        wax=_jitter(rng, (242, 233, 212), 6),
        label=rng.choice(
            [
                QColor(205, 182, 148),
                QColor(178, 192, 170),
                QColor(226, 196, 190),
                QColor(245, 242, 236),
            ]
        ),
        label_ink=rng.choice([QColor(80, 70, 60), QColor(60, 80, 70), QColor(120, 90, 80)]),
    )
    box = None
    second = None
    if defect == "cracked_jar" or rng.random() < 0.65:  # the leak is in its box
        margin = jar_w * rng.uniform(0.25, 0.4)
        two = rng.random() < 0.5
        left = jar.cx - jar.rx - margin
        right = jar.cx + jar.rx + margin + (jar_w + margin * 0.6 if two else 0)
        if right > width * 0.97:
            shift = right - width * 0.97
            left, right, jar.cx = left - shift, right - shift, jar.cx - shift
        box = QRectF(
            left, jar.top - margin * 0.8, right - left, jar.bottom - jar.top + margin * 1.6
        )
        if two:
            second = _Jar(**{**jar.__dict__, "cx": jar.cx + jar_w + margin * 0.6})
    light = QPointF(rng.uniform(0, width), rng.uniform(-0.2, 0.3) * height)
    scene = _Scene(
        width, height, surface, base, light, jar, box,
        _jitter(rng, rng.choice([(196, 160, 118), (232, 214, 206), (238, 236, 230)]), 8),
        second, defect, noise_seed=rng.randrange(1 << 30),
    )  # fmt: skip
    scene.grain = [
        (rng.uniform(0, height), rng.uniform(2, 14), rng.uniform(80, 400), rng.uniform(0, 6.3),
         rng.uniform(0.5, 3), rng.choice((-1, 1)) * rng.randint(8, 28))
        for _ in range(70)
    ]  # fmt: skip
    if defect == "frosting":  # bloom shows most on coloured wax
        colour = rng.choice([(214, 172, 170), (172, 190, 166), (164, 176, 192)])
        for each in (jar, second):
            if each is not None:
                each.wax = _jitter(rng, colour, 6)
    _make_marks(rng, scene)
    return scene


def _crack(rng: random.Random, start: QPointF, angle: float, length: float, depth=0) -> list:
    """A jagged crack (a polyline) with branches, as lists of points."""
    points, lines = [start], []
    step = length / rng.randint(7, 12)
    x, y = start.x(), start.y()
    for _ in range(int(length / step)):
        angle += rng.uniform(-0.5, 0.5)
        x, y = x + step * math.cos(angle), y + step * math.sin(angle)
        points.append(QPointF(x, y))
        if depth < 2 and rng.random() < 0.18:
            branch = angle + rng.choice((-1, 1)) * rng.uniform(0.5, 1.1)
            lines += _crack(rng, QPointF(x, y), branch, length * rng.uniform(0.2, 0.4), depth + 1)
    return [points, *lines]


def _blob(rng: random.Random, center: QPointF, rx: float, ry: float, lumps: int) -> QPainterPath:
    """A smooth irregular puddle."""
    points = []
    for n in range(lumps):
        a = 2 * math.pi * n / lumps
        r = rng.uniform(0.65, 1.15)
        points.append(QPointF(center.x() + rx * r * math.cos(a), center.y() + ry * r * math.sin(a)))
    path = QPainterPath()
    mids = [(points[i] + points[(i + 1) % lumps]) / 2 for i in range(lumps)]
    path.moveTo(mids[-1])
    for i in range(lumps):
        path.quadTo(points[i], mids[i])
    path.closeSubpath()
    return path


def _make_marks(rng: random.Random, scene: _Scene) -> None:
    jar = scene.jar
    marks = scene.marks
    if scene.defect == "cracked_jar":
        start = QPointF(jar.cx + rng.uniform(-0.4, 0.3) * jar.rx, jar.top + jar.ry * 0.9)
        marks.append(
            ("crack", _crack(rng, start, math.pi / 2 + rng.uniform(-0.4, 0.4), jar.height * 0.8))
        )
        edge = jar.cx + rng.choice((-1, 1)) * jar.rx * rng.uniform(0.55, 0.85)
        puddle = QPointF(edge + rng.uniform(-20, 20), jar.bottom + jar.ry * rng.uniform(0.6, 1.1))
        marks.append(
            ("puddle", _blob(rng, puddle, jar.rx * rng.uniform(0.8, 1.1), jar.rx * 0.3, 11))
        )
        # the close-up: where the crack ends and the wax ran out into the box
        scene.focus = QPointF((start.x() + puddle.x()) / 2, jar.bottom - jar.height * 0.1)
    elif scene.defect == "cracked_bottom":
        hit = QPointF(jar.cx + rng.uniform(-0.4, 0.4) * jar.rx, jar.bottom + jar.ry * 0.35)
        for n in range(rng.randint(5, 8)):
            angle = -math.pi * n / 7 - rng.uniform(0, 0.3)
            marks.append(("crack", _crack(rng, hit, angle, jar.height * rng.uniform(0.18, 0.42))))
        marks.append(("chip", hit))
        scene.focus = QPointF(hit.x(), hit.y() - jar.height * 0.12)
    elif scene.defect == "sunken":
        marks.append(("crater", rng.uniform(0.45, 0.7), rng.uniform(-0.08, 0.08)))
        scene.focus = QPointF(jar.cx, jar.wax_top)
    elif scene.defect == "surface_cracks":
        for _ in range(rng.randint(4, 7)):
            a = rng.uniform(0, 2 * math.pi)
            r = rng.uniform(0, 0.5)
            start = QPointF(
                jar.cx + jar.rx * r * math.cos(a), jar.wax_top + jar.ry * r * math.sin(a)
            )
            marks.append(
                (
                    "wax_crack",
                    _crack(rng, start, rng.uniform(0, 2 * math.pi), jar.rx * rng.uniform(0.5, 1.0)),
                )
            )
        scene.focus = QPointF(jar.cx, jar.wax_top + jar.ry * 0.2)
    elif scene.defect == "frosting":
        side = [
            (QPointF(jar.cx + rng.uniform(-1, 1) * jar.rx, rng.uniform(jar.wax_top, jar.bottom)),
             rng.uniform(0.08, 0.24) * jar.width, rng.randint(200, 255))
            for _ in range(rng.randint(30, 50))
        ]  # fmt: skip
        top = [
            (rng.uniform(-0.8, 0.8), rng.uniform(-0.8, 0.8), rng.uniform(0.1, 0.3),
             rng.randint(200, 255))
            for _ in range(rng.randint(14, 24))
        ]  # fmt: skip
        marks.append(("frost", side, top))
        scene.focus = QPointF(jar.cx, (jar.wax_top + jar.bottom) / 2)
    else:  # scratched
        lines = []
        for _ in range(rng.randint(6, 12)):
            x = jar.cx + rng.uniform(-0.8, 0.8) * jar.rx
            y = rng.uniform(jar.top + jar.height * 0.2, jar.bottom - jar.height * 0.1)
            dx, dy = rng.uniform(40, 160) * rng.choice((-1, 1)), rng.uniform(-30, 30)
            bend = QPointF(x + dx / 2 + rng.uniform(-10, 10), y + dy / 2 + rng.uniform(-8, 8))
            lines.append((QPointF(x, y), bend, QPointF(x + dx, y + dy), rng.uniform(0.8, 2.0)))
        marks.append(("scratches", lines))
        scene.focus = QPointF(jar.cx, jar.top + jar.height * 0.55)


# --- drawing ----------------------------------------------------------------------------


def _surface(p: QPainter, s: _Scene) -> None:
    p.fillRect(_backdrop_rect(s), s.base)
    if s.surface == "wood":
        for y, amp, wave, phase, pen, shade in s.grain:
            path = QPainterPath(QPointF(-s.width, y))
            for x in range(-s.width, 2 * s.width + 1, 40):
                path.lineTo(x, y + amp * math.sin(x / wave + phase))
            c = s.base.darker(100 + shade) if shade > 0 else s.base.lighter(100 - shade)
            c.setAlpha(90)
            p.setPen(QPen(c, pen))
            p.drawPath(path)
        seam = QColor(s.base.darker(160))
        p.setPen(QPen(seam, 3))
        for y in (s.height * 0.18, s.height * 0.58, s.height * 0.97):
            p.drawLine(QPointF(-s.width, y), QPointF(2 * s.width, y + 6))
    elif s.surface == "sheet":
        for y, amp, wave, phase, _, shade in s.grain[:14]:
            band = QLinearGradient(0, y - 60, wave / 8, y + 60)
            fold = QColor(0, 0, 0, 0)
            dark = QColor(120, 115, 110, 26 + abs(shade))
            band.setColorAt(0, fold)
            band.setColorAt(0.5, dark)
            band.setColorAt(1, fold)
            p.save()
            p.translate(s.width / 2, y)
            p.rotate(phase * 10 - 30)
            p.fillRect(QRectF(-2 * s.width, -60, 4 * s.width, 120 + amp * 4), QBrush(band))
            p.restore()
    else:  # tiles
        grout = QColor(s.base.darker(125))
        p.setPen(QPen(grout, 5))
        side = 330
        for n in range(-4, 8):
            p.drawLine(QPointF(n * side - 60, -s.height), QPointF(n * side + 120, 2 * s.height))
            p.drawLine(QPointF(-s.width, n * side * 0.8), QPointF(2 * s.width, n * side * 0.8 + 40))
        vein = QColor(s.base.darker(115))
        vein.setAlpha(70)
        p.setPen(QPen(vein, 1.5))
        for y, amp, wave, phase, _, _ in s.grain[:10]:
            path = QPainterPath(QPointF(-40, y))
            for x in range(0, s.width + 80, 30):
                path.lineTo(x, y + amp * 3 * math.sin(x / wave * 2 + phase))
            p.drawPath(path)


def _shadow(p: QPainter, s: _Scene, jar: _Jar) -> None:
    dx = (jar.cx - s.light.x()) * 0.18
    center = QPointF(jar.cx + dx, jar.bottom + jar.ry * 0.3)
    glow = QRadialGradient(center, jar.rx * 1.35)
    glow.setColorAt(0, QColor(20, 15, 10, 120))
    glow.setColorAt(0.7, QColor(20, 15, 10, 50))
    glow.setColorAt(1, QColor(20, 15, 10, 0))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(glow))
    p.save()
    p.translate(center)
    p.scale(1.2, 0.5)
    p.drawEllipse(QPointF(0, 0), jar.rx * 1.35, jar.rx * 1.35)
    p.restore()


def _box(p: QPainter, s: _Scene) -> None:
    if s.box is None:
        return
    box = s.box
    wall = box.height() * 0.16
    inner = QRectF(box.left() + 14, box.top() + 14, box.width() - 28, box.height() - wall - 14)
    p.setPen(QPen(s.box_color.darker(130), 2))
    p.setBrush(s.box_color.darker(112))
    p.drawRoundedRect(box, 6, 6)
    shade = QLinearGradient(0, inner.top(), 0, inner.bottom())
    shade.setColorAt(0, s.box_color.darker(150))
    shade.setColorAt(0.25, s.box_color.darker(108))
    shade.setColorAt(1, s.box_color)
    p.setBrush(QBrush(shade))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRect(inner)
    front = QRectF(box.left(), box.bottom() - wall, box.width(), wall)
    face = QLinearGradient(0, front.top(), 0, front.bottom())
    face.setColorAt(0, s.box_color.lighter(104))
    face.setColorAt(1, s.box_color.darker(118))
    p.setBrush(QBrush(face))
    p.drawRect(front)
    # paper shreds the jar sits in
    rng = random.Random(s.noise_seed)
    pen = QPen(s.box_color.lighter(118), 3)
    p.setPen(pen)
    for _ in range(120):
        x = rng.uniform(inner.left(), inner.right())
        y = rng.uniform(inner.bottom() - wall * 1.6, inner.bottom())
        p.drawLine(QPointF(x, y), QPointF(x + rng.uniform(-30, 30), y + rng.uniform(-6, 6)))


def _jar(p: QPainter, s: _Scene, jar: _Jar, marks: list) -> None:
    light_left = s.light.x() < jar.cx
    # the wax seen through the glass
    wax = jar.body(jar.wax_top, jar.bottom - 6, inset=5)
    side = QLinearGradient(jar.cx - jar.rx, 0, jar.cx + jar.rx, 0)
    side.setColorAt(0, jar.wax.lighter(104) if light_left else jar.wax.darker(122))
    side.setColorAt(0.55, jar.wax)
    side.setColorAt(1, jar.wax.darker(122) if light_left else jar.wax.lighter(104))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(side))
    p.drawPath(wax)
    for kind, *data in marks:
        if kind == "frost":
            p.save()
            p.setClipPath(wax)
            for center, radius, alpha in data[0]:
                _bloom(p, center, radius, radius * 0.8, alpha)
            p.restore()
    # the wax's top, the wick
    top = jar.ellipse(jar.wax_top, inset=5)
    surface = QRadialGradient(top.center() - QPointF(top.width() * 0.15, 0), top.width() * 0.7)
    surface.setColorAt(0, jar.wax.lighter(106))
    surface.setColorAt(1, jar.wax.darker(110))
    p.setBrush(QBrush(surface))
    p.drawEllipse(top)
    wick_top = jar.wax_top - jar.height * 0.07
    for kind, *data in marks:
        if kind == "crater":
            depth, offset = data
            pit = QRectF(top)
            pit.setWidth(top.width() * depth)
            pit.setHeight(top.height() * depth)
            pit.moveCenter(top.center() + QPointF(top.width() * offset, top.height() * 0.06))
            hole = QRadialGradient(pit.center() + QPointF(0, pit.height() * 0.15), pit.width() / 2)
            hole.setColorAt(0, jar.wax.darker(260))
            hole.setColorAt(0.45, jar.wax.darker(190))
            hole.setColorAt(0.85, jar.wax.darker(125))
            hole.setColorAt(1, jar.wax.darker(104))
            p.setBrush(QBrush(hole))
            p.drawEllipse(pit)
            p.setPen(QPen(QColor(255, 255, 255, 110), 2))
            p.drawArc(pit.adjusted(4, 4, -4, -4), 200 * 16, 110 * 16)
            p.setPen(Qt.PenStyle.NoPen)
            wick_top = pit.center().y() - jar.height * 0.05
            soot = QLinearGradient(0, jar.top, 0, jar.wax_top)
            soot.setColorAt(0, QColor(40, 35, 30, 130))
            soot.setColorAt(1, QColor(40, 35, 30, 0))
            p.setBrush(QBrush(soot))
            p.drawPath(jar.body(jar.top, jar.wax_top - jar.ry * 0.5, inset=4))
        elif kind == "wax_crack":
            p.save()
            p.setClipPath(_ellipse_path(top))
            _draw_crack(
                p, data[0], jar.wax.darker(170), QColor(255, 255, 250, 160), jar.width * 0.009
            )
            p.restore()
        elif kind == "frost":
            p.save()
            p.setClipPath(_ellipse_path(top))
            for dx, dy, size, alpha in data[1]:
                at = top.center() + QPointF(dx * top.width() / 2, dy * top.height() / 2)
                _bloom(p, at, size * top.width(), size * top.height(), alpha)
            p.restore()
    p.setPen(
        QPen(
            QColor(35, 30, 28),
            max(3.0, jar.width * 0.012),
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
        )
    )
    p.drawLine(QPointF(top.center().x(), top.center().y()), QPointF(top.center().x() + 3, wick_top))
    # the glass: tint, rim, edges, highlights
    glass = jar.body(jar.top, jar.bottom)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(jar.glass)
    p.drawPath(glass)
    p.setPen(QPen(QColor(255, 255, 255, 150), 3))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(jar.ellipse(jar.top))
    p.setPen(QPen(QColor(60, 60, 60, 90), 2))
    p.drawEllipse(jar.ellipse(jar.top, inset=7))
    p.drawPath(glass)
    round_ = QLinearGradient(jar.cx - jar.rx, 0, jar.cx + jar.rx, 0)
    round_.setColorAt(0, QColor(0, 0, 0, 110 if light_left else 150))
    round_.setColorAt(0.2, QColor(0, 0, 0, 0))
    round_.setColorAt(0.8, QColor(0, 0, 0, 0))
    round_.setColorAt(1, QColor(0, 0, 0, 150 if light_left else 110))
    p.setBrush(QBrush(round_))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawPath(glass)
    for at, strength in ((0.18, 150), (0.3, 70), (0.82, 60)):
        x = jar.cx - jar.rx + jar.width * (at if light_left else 1 - at)
        shine = QLinearGradient(x - 12, 0, x + 12, 0)
        shine.setColorAt(0, QColor(255, 255, 255, 0))
        shine.setColorAt(0.5, QColor(255, 255, 255, strength))
        shine.setColorAt(1, QColor(255, 255, 255, 0))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(shine))
        p.drawRect(QRectF(x - 12, jar.top + jar.ry * 1.2, 24, jar.height * 0.8))
    _label(p, jar)


def _label(p: QPainter, jar: _Jar) -> None:
    y, height = jar.top + jar.height * 0.48, jar.height * 0.24
    band = QPainterPath()
    band.moveTo(jar.cx - jar.rx - 1, y)
    band.arcTo(jar.ellipse(y, inset=-1), 180, 180)  # the label's edges: the front halves
    band.lineTo(jar.cx + jar.rx + 1, y + height)
    band.arcTo(jar.ellipse(y + height, inset=-1), 0, -180)
    band.closeSubpath()
    shade = QLinearGradient(jar.cx - jar.rx, 0, jar.cx + jar.rx, 0)
    shade.setColorAt(0, jar.label.darker(125))
    shade.setColorAt(0.45, jar.label)
    shade.setColorAt(1, jar.label.darker(130))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(shade))
    p.drawPath(band)
    # the brand and scent as a phone sees them at this size: marks, not letters
    p.setBrush(jar.label_ink)
    mid = y + jar.ry * 0.8 + height * 0.2
    p.drawRoundedRect(QRectF(jar.cx - jar.rx * 0.42, mid, jar.rx * 0.84, jar.height * 0.045), 3, 3)
    for n, w in enumerate((0.56, 0.36)):
        line = QRectF(jar.cx - jar.rx * w / 2, mid + height * (0.3 + 0.16 * n), jar.rx * w, 4)
        p.drawRect(line)


def _bloom(p: QPainter, at: QPointF, rx: float, ry: float, alpha: int) -> None:
    """A soft white patch (wax bloom): opaque in its middle, fading out."""
    patch = QRadialGradient(QPointF(0, 0), 1)
    patch.setColorAt(0, QColor(252, 252, 250, alpha))
    patch.setColorAt(0.6, QColor(250, 250, 248, alpha // 2))
    patch.setColorAt(1, QColor(250, 250, 248, 0))
    p.save()
    p.translate(at)
    p.scale(max(rx, 1), max(ry, 1))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(patch))
    p.drawEllipse(QPointF(0, 0), 1, 1)
    p.restore()


def _ellipse_path(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(rect)
    return path


def _draw_crack(p: QPainter, lines: list, dark: QColor, light: QColor, width: float) -> None:
    for n, points in enumerate(lines):
        w = width if n == 0 else width * 0.7
        p.setPen(
            QPen(dark, w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        p.drawPolyline(points)
        p.setPen(QPen(light, w * 0.6))
        p.drawPolyline([pt + QPointF(1.6, 0.8) for pt in points])


def _defect_over_glass(p: QPainter, s: _Scene) -> None:
    jar = s.jar
    glass = jar.body(jar.top, jar.bottom)
    for kind, *data in s.marks:
        if kind == "puddle":
            p.setPen(QPen(jar.wax.darker(125), 2))
            p.setBrush(jar.wax.darker(103))
            p.drawPath(data[0])
            p.setPen(QPen(QColor(255, 255, 255, 120), 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(data[0].translated(-4, -3))
        elif kind == "crack":
            p.save()
            p.setClipPath(glass.united(_ellipse_path(jar.ellipse(jar.bottom, -4))))
            _draw_crack(
                p, data[0], QColor(45, 40, 35, 230), QColor(255, 255, 255, 235), jar.width * 0.011
            )
            p.restore()
        elif kind == "chip":
            hit = data[0]
            star = QRadialGradient(hit, 26)
            star.setColorAt(0, QColor(255, 255, 255, 220))
            star.setColorAt(1, QColor(255, 255, 255, 0))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(star))
            p.drawEllipse(hit, 26, 18)
        elif kind == "scratches":
            p.save()
            p.setClipPath(glass)
            for start, bend, end, width in data[0]:
                path = QPainterPath(start)
                path.quadTo(bend, end)
                p.setPen(QPen(QColor(255, 255, 255, 170), width))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawPath(path)
                p.setPen(QPen(QColor(80, 80, 80, 60), width * 0.6))
                p.drawPath(path.translated(1, 1))
            p.restore()


def _lighting(s: _Scene) -> QImage:
    """Window light and vignetting over the whole frame (the same for a scene's photos;
    drawn at a quarter of the size, smooth gradients scale up unchanged)."""
    image = QImage(s.width // 4, s.height // 4, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    p = QPainter(image)
    p.scale(0.25, 0.25)
    frame = QRectF(0, 0, s.width, s.height)
    glow = QRadialGradient(s.light, max(s.width, s.height) * 0.9)
    glow.setColorAt(0, QColor(255, 250, 235, 70))
    glow.setColorAt(1, QColor(255, 250, 235, 0))
    p.fillRect(frame, QBrush(glow))
    corner = QRadialGradient(QPointF(s.width / 2, s.height / 2), max(s.width, s.height) * 0.75)
    corner.setColorAt(0.55, QColor(0, 0, 0, 0))
    corner.setColorAt(1, QColor(0, 0, 0, 95))
    p.fillRect(frame, QBrush(corner))
    p.end()
    return image


def _camera(p: QPainter, s: _Scene, lighting: QImage, rng: random.Random) -> None:
    """The scene's light, then sensor noise, over the whole frame."""
    p.resetTransform()
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    frame = QRectF(0, 0, s.width, s.height)
    p.drawImage(frame, lighting)
    small_w, small_h = s.width // 3, s.height // 3
    noise = QImage(rng.randbytes(small_w * small_h), small_w, small_h, small_w,
                   QImage.Format.Format_Grayscale8).copy()  # fmt: skip
    p.setOpacity(0.07)
    p.drawImage(frame, noise)
    p.setOpacity(1)


def _backdrop_rect(s: _Scene) -> QRectF:
    """The table (or bed, or floor) and the box, a little wider than the frame."""
    return QRectF(-0.15 * s.width, -0.15 * s.height, 1.3 * s.width, 1.3 * s.height)


def _backdrop(s: _Scene) -> QImage:
    """Drawn once per scene: a close-up enlarges it, as out of focus as a phone's would be."""
    area = _backdrop_rect(s)
    image = QImage(int(area.width() / 2), int(area.height() / 2), QImage.Format.Format_RGB32)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(0.5, 0.5)  # at half size: it is out of focus anyway
    p.translate(-area.topLeft())
    _surface(p, s)
    _box(p, s)
    p.end()
    return image


def _render(
    s: _Scene, backdrop: QImage, lighting: QImage, zoom: float, turn: float, rng: random.Random
) -> QImage:
    image = QImage(s.width, s.height, QImage.Format.Format_RGB32)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.translate(s.width / 2, s.height / 2)
    p.rotate(turn)
    p.scale(zoom, zoom)
    center = s.focus if zoom > 1.2 else QPointF(s.width / 2, s.height / 2)
    p.translate(-center)
    p.drawImage(_backdrop_rect(s), backdrop)
    for jar in (s.second_jar, s.jar):
        if jar is not None:
            _shadow(p, s, jar)
            _jar(p, s, jar, s.marks if jar is s.jar else [])
    _defect_over_glass(p, s)
    p.end()
    # a phone's lens and processing: a little soft, lit from the window, noisy
    soft = image.scaled(
        int(s.width * 0.72),
        int(s.height * 0.72),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    image = soft.scaled(
        s.width,
        s.height,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    ).convertToFormat(QImage.Format.Format_RGB32)
    p = QPainter(image)
    _camera(p, s, lighting, rng)
    p.end()
    return image


def defect_photos(seed: str, defect: str, count: int) -> list[QImage]:
    """`count` photos of one candle with `defect`: the first the whole jar, the others
    closer on the defect."""
    if defect not in DEFECTS:
        raise ValueError(f"unknown defect {defect!r}; known: {', '.join(DEFECTS)}")
    rng = random.Random(seed)
    scene = _scene(rng, defect)
    backdrop, lighting = _backdrop(scene), _lighting(scene)
    photos = []
    for n in range(count):
        zoom = 1.04 if n == 0 else rng.uniform(1.7, 2.3)
        photos.append(_render(scene, backdrop, lighting, zoom, rng.uniform(-3.5, 3.5), rng))
    return photos
