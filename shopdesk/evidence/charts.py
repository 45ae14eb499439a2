"""Bar and trend charts drawn with QPainter: the same drawing in the 分析 view and in the
产品改进单 PDF. (Qt Charts and pyqtgraph were measured against this; see
benchmarks/charts_bench.py: either would add tens of MB to the bundle.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from shopdesk.domain.messages import text

BAR = QColor(74, 124, 200)
ALERT = QColor(214, 96, 60)
TEXT = QColor(40, 40, 40)
GRID = QColor(220, 220, 220)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    note: str = ""  # written after the bar (e.g. "12 单 · 每百件 3.4")
    highlight: bool = False


def paint_bars(
    painter: QPainter, rect: QRectF, bars: Sequence[Bar], font: QFont, language: str | None = None
) -> None:
    """Horizontal bars, one per row, longest = the largest value; labels on the left.
    With no bars, "no data" in `language` (default: the one the core speaks)."""
    painter.save()
    painter.setFont(font)
    if not bars:
        painter.setPen(TEXT)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignCenter), text("pack.chart.no_data", language)
        )
        painter.restore()
        return
    metrics = painter.fontMetrics()
    row_h = rect.height() / len(bars)
    label_w = min(rect.width() * 0.35, max(metrics.horizontalAdvance(b.label) for b in bars) + 8)
    note_w = max(metrics.horizontalAdvance(b.note) for b in bars) + 8
    bar_w = max(10.0, rect.width() - label_w - note_w)
    top = max(b.value for b in bars) or 1
    draw_text = row_h >= metrics.height() * 0.9
    for index, bar in enumerate(bars):
        y = rect.top() + index * row_h
        length = bar_w * bar.value / top
        painter.fillRect(
            QRectF(rect.left() + label_w, y + row_h * 0.15, length, max(row_h * 0.7, 0.5)),
            ALERT if bar.highlight else BAR,
        )
        if draw_text:
            painter.setPen(TEXT)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, int(label_w - 8))
            align = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
            painter.drawText(QRectF(rect.left(), y, label_w - 8, row_h), align, label)
            painter.drawText(
                QRectF(rect.left() + label_w + length + 6, y, note_w, row_h),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                bar.note,
            )
    painter.restore()


@dataclass(frozen=True)
class Point:
    label: str  # e.g. "11-02"
    cases: int
    rate: float | None


def paint_trend(
    painter: QPainter,
    rect: QRectF,
    points: Sequence[Point],
    font: QFont,
    language: str | None = None,
) -> None:
    """Cases per week as columns, the rate per 100 units as a line over them (its own
    scale, written at each point); with no points, "no data" in `language`."""
    painter.save()
    painter.setFont(font)
    metrics = painter.fontMetrics()
    if not points:
        painter.setPen(TEXT)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignCenter), text("pack.chart.no_data", language)
        )
        painter.restore()
        return
    axis_h = metrics.height() + 4
    plot = QRectF(rect.left(), rect.top() + metrics.height(), rect.width(), 0)
    plot.setBottom(rect.bottom() - axis_h)
    painter.setPen(QPen(GRID, 1))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    top_cases = max(p.cases for p in points) or 1
    rates = [p.rate for p in points if p.rate is not None]
    top_rate = max(rates) if rates and max(rates) > 0 else 1.0
    step = plot.width() / len(points)
    line = QPainterPath()
    started = False
    every = max(1, round(len(points) / max(1, plot.width() / 60)))
    for index, point in enumerate(points):
        x = plot.left() + index * step
        height = plot.height() * 0.9 * point.cases / top_cases
        painter.fillRect(QRectF(x + step * 0.2, plot.bottom() - height, step * 0.6, height), BAR)
        painter.setPen(TEXT)
        if point.cases:
            painter.drawText(
                QRectF(x, plot.bottom() - height - metrics.height(), step, metrics.height()),
                int(Qt.AlignmentFlag.AlignCenter),
                str(point.cases),
            )
        if index % every == 0:
            painter.drawText(
                QRectF(x, plot.bottom() + 2, step * every, axis_h),
                int(Qt.AlignmentFlag.AlignLeft),
                point.label,
            )
        if point.rate is not None:
            at = QPointF(x + step / 2, plot.bottom() - plot.height() * 0.9 * point.rate / top_rate)
            if started:
                line.lineTo(at)
            else:
                line.moveTo(at)
                started = True
    if started:
        painter.setPen(QPen(ALERT, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(line)
    painter.restore()
