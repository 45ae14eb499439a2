"""The 产品改进单 as a PDF (A4, the bundled font): figures, causes as bars, the weekly
trend, buyers' own words (masked), defect photo thumbnails and the cases."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from shopdesk.core.improvement_sheet import Sheet, summary_rows
from shopdesk.core.safeio import atomic_write
from shopdesk.evidence import qtenv
from shopdesk.evidence.charts import Bar, Point, paint_bars, paint_trend
from shopdesk.evidence.summary import MARGIN, PAGE_W, _new_writer, _Pages, money, stamp_dates

THUMB = 170


def write_sheet_pdf(sheet: Sheet, path: Path, dated: str = "2000-01-01T00:00:00Z") -> None:
    qtenv.ensure_gui()
    path = Path(path)
    temp = path.with_name(path.name + ".drawing")
    writer = _new_writer(str(temp), sheet.title, f"{sheet.row.key}|{sheet.period.describe()}")
    painter = QPainter(writer)
    pages = _Pages(writer, painter, sheet.title)
    body, small = qtenv.font(20), qtenv.font(16)
    bold = qtenv.font(20, bold=True)
    try:
        pages.text(sheet.title, qtenv.font(36, bold=True), after=16)
        for label, value in summary_rows(sheet):
            start = pages.y
            pages.text(label, bold, after=0, width=330 + MARGIN)
            pages.y = start
            shown = f"¥{value:.2f}" if label.endswith("（元）") else str(value)
            pages.text(shown, body, indent=330, after=6)
        pages.rule()

        pages.heading("原因")
        total = sum(n for _, _, n in sheet.causes) or 1
        bars = [Bar(label, n, f"{n} 单（{n * 100 // total}%）") for _, label, n in sheet.causes]
        height = max(40, 34 * len(bars))
        pages.ensure(height)
        paint_bars(painter, QRectF(MARGIN, pages.y, pages.width, height), bars, small)
        pages.y += height + 12

        pages.heading("每周趋势（柱：售后单数；线：每百件售后）")
        points = [Point(f"{w.start:%m-%d}", w.cases, w.rate_per_100) for w in sheet.trend]
        pages.ensure(240)
        paint_trend(painter, QRectF(MARGIN, pages.y, pages.width, 220), points, small)
        pages.y += 236

        pages.heading("买家原话（已隐去电话和地址）")
        if not sheet.quotes:
            pages.text("（没有记录）", body)
        for quote in sheet.quotes:
            pages.text(
                f"#{quote.case_id}　{quote.source}", small, color=QColor(110, 110, 110), after=0
            )
            pages.text(f"“{quote.text}”", body, indent=24)

        pages.heading("瑕疵照片")
        _thumbnails(pages, painter, sheet, small)

        pages.heading("售后单")
        for case in sheet.cases:
            pages.text(
                f"#{case.case_id}　{case.opened}　{case.order_no}　{case.kind}　{case.cause}"
                f"　{case.state}　退款 {money(case.refund_fen)}　净损失 {money(case.net_cost_fen)}",
                small,
                after=2,
            )
    finally:
        painter.end()
        del writer
    try:
        data = stamp_dates(temp.read_bytes(), dated)
        with atomic_write(path) as handle:
            handle.write(data)
    finally:
        temp.unlink(missing_ok=True)


def _thumbnails(pages: _Pages, painter: QPainter, sheet: Sheet, font) -> None:
    if not sheet.photos:
        pages.text("（这些售后单没有照片证据）", qtenv.font(20))
        return
    per_row = max(1, int((PAGE_W - 2 * MARGIN) // (THUMB + 20)))
    for start in range(0, len(sheet.photos), per_row):
        pages.ensure(THUMB + 50)
        top = pages.y
        for column, photo in enumerate(sheet.photos[start : start + per_row]):
            x = MARGIN + column * (THUMB + 20)
            image = QImage(str(photo.path)) if photo.path.is_file() else QImage()
            painter.setPen(QColor(180, 180, 180))
            if image.isNull():
                painter.drawRect(QRectF(x, top, THUMB, THUMB))
                painter.drawText(
                    QRectF(x, top, THUMB, THUMB), int(Qt.AlignmentFlag.AlignCenter), "（文件缺失）"
                )
            else:
                thumb = image.scaled(
                    THUMB,
                    THUMB,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                painter.drawImage(QRectF(x, top, thumb.width(), thumb.height()), thumb)
                painter.drawRect(QRectF(x, top, thumb.width(), thumb.height()))
            painter.setFont(font)
            painter.setPen(QColor(60, 60, 60))
            caption = painter.fontMetrics().elidedText(
                f"#{photo.case_id} {photo.caption or photo.file_name}",
                Qt.TextElideMode.ElideRight,
                THUMB,
            )
            painter.drawText(QRectF(x, top + THUMB + 4, THUMB, 30), 0, caption)
        pages.y = top + THUMB + 40
