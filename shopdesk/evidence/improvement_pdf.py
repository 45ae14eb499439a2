"""The 产品改进单 as a PDF (A4, the bundled font): figures, causes as bars, the weekly
trend, buyers' own words (masked), defect photo thumbnails and the cases. It is for the
seller's own product department, so it is in the language the core speaks
(core.messages.language()); zh-CN by default."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from shopdesk.domain import messages
from shopdesk.domain.messages import say
from shopdesk.evidence import qtenv
from shopdesk.evidence.charts import Bar, Point, paint_bars, paint_trend
from shopdesk.evidence.improvement_sheet import Sheet, summary_rows
from shopdesk.evidence.summary import MARGIN, PAGE_W, _new_writer, _Pages, money, stamp_dates
from shopdesk.store.safeio import atomic_write

THUMB = 170
VALUES_AT = 330  # the overview's values start here, or after its widest label ...
VALUES_AT_MOST = 480  # ... up to here (an English label is longer); a longer one wraps


def write_sheet_pdf(sheet: Sheet, path: Path, dated: str = "2000-01-01T00:00:00Z") -> None:
    qtenv.ensure_gui()
    language = messages.language()

    def words(key: str, **params) -> str:
        return messages.text(key, language, **params)

    path = Path(path)
    temp = path.with_name(path.name + ".drawing")
    title = str(say(sheet.title, language))
    writer = _new_writer(str(temp), title, f"{sheet.row.key}|{sheet.period.describe()}")
    painter = QPainter(writer)
    pages = _Pages(writer, painter, title, language)
    yuan = words("pack.sheet.yuan_suffix")  # an amount's label ends with it: （元） / (yuan)
    body, small = qtenv.font(20), qtenv.font(16)
    bold = qtenv.font(20, bold=True)
    try:
        pages.text(title, qtenv.font(36, bold=True), after=16)
        rows = [(str(say(item, language)), value) for item, value in summary_rows(sheet)]
        painter.setFont(bold)
        widest = max(painter.boundingRect(QRectF(0, 0, 5000, 100), 0, r[0]).width() for r in rows)
        values_at = min(VALUES_AT_MOST, max(VALUES_AT, round(widest) + 16))
        for label, value in rows:  # the labels speak the core's language (summary_rows)
            start = pages.y
            pages.text(label, bold, after=0, width=values_at - 10)
            below_label = pages.y
            pages.y = start
            shown = f"¥{value:.2f}" if label.endswith(yuan) else str(say(value, language))
            pages.text(shown, body, indent=values_at, after=6)
            pages.y = max(pages.y, below_label + 6)
        pages.rule()

        pages.heading(words("pack.sheet.causes"))
        total = sum(n for _, _, n in sheet.causes) or 1
        bars = [
            Bar(
                str(say(label, language)),
                n,
                words("pack.sheet.cause_note", n=n, percent=n * 100 // total),
            )
            for _, label, n in sheet.causes
        ]
        height = max(40, 34 * len(bars))
        pages.ensure(height)
        paint_bars(painter, QRectF(MARGIN, pages.y, pages.width, height), bars, small, language)
        pages.y += height + 12

        pages.heading(words("pack.sheet.trend"))
        points = [Point(f"{w.start:%m-%d}", w.cases, w.rate_per_100) for w in sheet.trend]
        pages.ensure(240)
        paint_trend(painter, QRectF(MARGIN, pages.y, pages.width, 220), points, small, language)
        pages.y += 236

        pages.heading(words("pack.sheet.quotes"))
        if not sheet.quotes:
            pages.text(words("pack.sheet.no_quotes"), body)
        for quote in sheet.quotes:
            source = say(quote.source, language)
            pages.text(f"#{quote.case_id}　{source}", small, color=QColor(110, 110, 110), after=0)
            pages.text(f"“{quote.text}”", body, indent=24)

        pages.heading(words("pack.sheet.photos"))
        _thumbnails(pages, painter, sheet, small, words)

        pages.heading(words("pack.sheet.cases"))
        for case in sheet.cases:
            line = words(
                "pack.sheet.case_line",
                case_id=case.case_id,
                opened=case.opened,
                order_no=case.order_no,
                kind=case.kind,
                cause=case.cause,
                state=case.state,
                refund=money(case.refund_fen),
                net=money(case.net_cost_fen),
            )
            pages.text(line, small, after=2)
    finally:
        painter.end()
        del writer
    try:
        data = stamp_dates(temp.read_bytes(), dated)
        with atomic_write(path) as handle:
            handle.write(data)
    finally:
        temp.unlink(missing_ok=True)


def _thumbnails(pages: _Pages, painter: QPainter, sheet: Sheet, font, words) -> None:
    if not sheet.photos:
        pages.text(words("pack.sheet.no_photos"), qtenv.font(20))
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
                    QRectF(x, top, THUMB, THUMB),
                    int(Qt.AlignmentFlag.AlignCenter),
                    words("pack.sheet.file_missing"),
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
