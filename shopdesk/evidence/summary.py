"""summary.pdf: cover (shop, order, case, statement), timeline, exhibit index with
thumbnails, captions and SHA-256, and the chat excerpts. Also the courier claim PDF
(one exhibit image per page with its caption). QPdfWriter + QPainter, bundled font."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUuid
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextLayout,
    QTextOption,
)

from shopdesk.domain.messages import text as message_text
from shopdesk.domain.model import CaseKind, CaseState, EvidenceKind
from shopdesk.domain.timeutil import from_text
from shopdesk.evidence import qtenv, reviewer
from shopdesk.evidence.chatrender import MEDIA, china_time
from shopdesk.platforms.chatlog import ChatMessage

DPI = 144
PAGE_W = round(210 / 25.4 * DPI)  # A4 at DPI
PAGE_H = round(297 / 25.4 * DPI)
MARGIN = round(18 / 25.4 * DPI)
BODY_PX = 20  # about 10 pt at 144 dpi
THUMB = 150


@dataclass(frozen=True)
class ExhibitRow:
    number: int
    kind: str
    caption: str
    file_name: str
    sha256: str
    bytes: int
    captured_at: str | None
    uploads: tuple[str, ...]
    thumbnail: QImage | None


def label_of(enum, value: str) -> str:
    try:
        return enum(value).label()
    except ValueError:
        return value


def money(fen: int) -> str:
    return f"¥{fen // 100}.{fen % 100:02d}"


class _Pages:
    """A cursor over PDF pages: write paragraphs, start a new page when one is full. The
    footer and the page-break marks are in `language` (the reviewer's zh-CN for a
    package; the 产品改进单 is in the seller's)."""

    def __init__(
        self, writer: QPdfWriter, painter: QPainter, title: str, language: str = reviewer.LANGUAGE
    ) -> None:
        self.language = language
        self.writer = writer
        self.painter = painter
        self.title = title
        self.page = 1
        self.width = PAGE_W - 2 * MARGIN
        self.y = MARGIN
        self._footer()

    def _footer(self) -> None:
        self.painter.setFont(qtenv.font(14))
        self.painter.setPen(QColor(120, 120, 120))
        self.painter.drawText(
            QRectF(MARGIN, PAGE_H - MARGIN + 10, self.width, 24),
            int(Qt.AlignmentFlag.AlignRight),
            message_text("pack.summary.footer", self.language, title=self.title, page=self.page),
        )
        self.painter.setPen(QColor(20, 20, 20))

    def new_page(self) -> None:
        self.writer.newPage()
        self.page += 1
        self.y = MARGIN
        self._footer()

    def ensure(self, height: float) -> None:
        if self.y + height > PAGE_H - MARGIN:
            self.new_page()

    def text(
        self,
        text: str,
        font: QFont,
        *,
        indent: float = 0,
        color: QColor | None = None,
        after: float = 6,
        width: float | None = None,
    ) -> None:
        self.painter.setFont(font)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere)
        box_w = (width or self.width) - indent
        bound = self.painter.boundingRect(QRectF(0, 0, box_w, 100000), flags, text)
        if bound.height() > PAGE_H - 2 * MARGIN:  # taller than a page: it goes on
            self._flow(text, font, indent, box_w, color, after)
            return
        self.ensure(bound.height())
        self.painter.setPen(color or QColor(20, 20, 20))
        self.painter.drawText(QRectF(MARGIN + indent, self.y, box_w, bound.height()), flags, text)
        self.y += bound.height() + after

    def _flow(self, text, font, indent: float, box_w: float, color, after: float) -> None:
        """A paragraph taller than a page, line by line across pages; each break marked
        （接下页） at the foot and （续） at the head of the next page."""
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout = QTextLayout(text.replace("\n", "\u2028"), font, self.writer)
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(box_w)
            line.setPosition(QPointF(0, 0))  # each is drawn where the page cursor is
            lines.append(line)
        layout.endLayout()
        mark_font = qtenv.font(14)
        mark_h = 24
        for line in lines:
            if self.y + line.height() > PAGE_H - MARGIN - mark_h:
                self._mark(message_text("pack.continues", self.language), mark_font, indent, mark_h)
                self.new_page()
                self._mark(message_text("pack.continued", self.language), mark_font, indent, mark_h)
                self.y += mark_h
            self.painter.setPen(color or QColor(20, 20, 20))
            line.draw(self.painter, QPointF(MARGIN + indent, self.y))
            self.y += line.height()
        self.y += after

    def _mark(self, text: str, font: QFont, indent: float, height: float) -> None:
        self.painter.setFont(font)
        self.painter.setPen(QColor(120, 120, 120))
        self.painter.drawText(QRectF(MARGIN + indent, self.y, self.width, height), text)

    def heading(self, text: str) -> None:
        self.ensure(80)
        self.y += 10
        self.text(text, qtenv.font(30, bold=True), after=14)

    def rule(self) -> None:
        self.painter.setPen(QColor(210, 210, 210))
        self.painter.drawLine(MARGIN, round(self.y), MARGIN + self.width, round(self.y))
        self.y += 10


_UUID_NAMESPACE = QUuid("{2b9c2f6e-3c1a-5b7e-9a40-5d1e0c6f8a11}")
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}Z\)")
_XMP_DATE = re.compile(
    rb'(xmp:(?:CreateDate|ModifyDate|MetadataDate))="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"'
)


def stamp_dates(data: bytes, instant: str) -> bytes:
    """Qt writes the wall-clock time into a PDF; replace it (same length, so the xref
    offsets stay right) with `instant` (UTC text), so the same inputs give the same PDF."""
    moment = from_text(instant)
    pdf_date = moment.strftime("D:%Y%m%d%H%M%SZ").encode()
    xmp_date = moment.strftime("%Y-%m-%dT%H:%M:%S+00:00").encode()
    data = _PDF_DATE.sub(lambda m: b"/" + m[1] + b" (" + pdf_date + b")", data)
    return _XMP_DATE.sub(lambda m: m[1] + b'="' + xmp_date + b'"', data)


def _new_writer(target, title: str, key: str) -> QPdfWriter:
    writer = QPdfWriter(target)
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("ShopDesk")
    writer.setDocumentId(QUuid.createUuidV5(_UUID_NAMESPACE, key.encode("utf-8")))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    return writer


def write_summary(
    path: str,
    *,
    cover: list[tuple[str, str]],
    statement: str,
    timeline: list[tuple[str, str, str]],
    exhibits: list[ExhibitRow],
    chats: list[tuple[str, list[ChatMessage]]],
    notes: list[str],
    missing: list[tuple[str, str]] = (),
    mask: Callable[[str], str] = lambda s: s,
    dated: str = "2000-01-01T00:00:00Z",
    key: str = "",
) -> None:
    """Write summary.pdf; every text passes through `mask` first. `dated` (UTC text) is
    the date written into the PDF and `key` makes its document id: the same inputs give
    the same bytes."""
    qtenv.ensure_gui()
    words = reviewer.text
    title = words("pack.summary.title")
    writer = _new_writer(path, title, key or title)
    painter = QPainter(writer)
    pages = _Pages(writer, painter, title)
    body = qtenv.font(BODY_PX)
    small = qtenv.font(16)
    label_font = qtenv.font(BODY_PX, bold=True)

    pages.text(title, qtenv.font(40, bold=True), after=20)
    for label, value in cover:
        if not value:
            continue
        start = pages.y
        pages.text(label, label_font, after=0, width=220 + MARGIN)
        pages.y = start
        pages.text(mask(value), body, indent=220, after=8)
    pages.rule()
    pages.heading(words("pack.summary.statement"))
    pages.text(mask(statement) or words("pack.summary.none"), body)
    for note in notes:
        pages.text(mask(reviewer.say(note)), small, color=QColor(120, 80, 0))
    if missing:
        pages.heading(words("pack.summary.missing"))
        pages.text(words("pack.summary.missing_intro"), body)
        for kind, why in missing:
            item = words("pack.summary.missing_item", kind=label_of(EvidenceKind, kind), why=why)
            pages.text(item, body, indent=24)

    pages.new_page()
    pages.heading(words("pack.summary.timeline"))
    if not timeline:
        pages.text(words("pack.summary.no_records"), body)
    for at, label, note in timeline:
        when = china_time(at) if at else words("pack.summary.undated")
        line = f"{when}　{label}" + (f"　{note}" if note else "")
        pages.text(mask(line), body)

    pages.heading(words("pack.summary.exhibits"))
    for row in exhibits:
        pages.ensure(THUMB + 20)
        top = pages.y
        if row.thumbnail is not None and not row.thumbnail.isNull():
            thumb = row.thumbnail.scaled(
                THUMB,
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            painter.drawImage(QRectF(MARGIN, top, thumb.width(), thumb.height()), thumb)
            painter.setPen(QColor(180, 180, 180))  # a white page still reads as a page
            painter.drawRect(QRectF(MARGIN, top, thumb.width(), thumb.height()))
        else:
            painter.setPen(QColor(180, 180, 180))
            painter.drawRect(QRectF(MARGIN, top, THUMB, THUMB * 0.6))
        indent = THUMB + 20
        pages.y = top
        heading = words(
            "pack.exhibit_heading",
            number=row.number,
            kind=label_of(EvidenceKind, row.kind),
            caption=row.caption,
        )
        pages.text(mask(heading), label_font, indent=indent, after=2)
        captured = china_time(row.captured_at) if row.captured_at else words("pack.summary.unknown")
        uploads = "、".join(row.uploads) if row.uploads else words("pack.summary.original_only")
        details = [
            words("pack.summary.file", name=row.file_name),
            words("pack.summary.captured", time=captured),
            words("pack.summary.size", size=f"{row.bytes:,}"),
            words("pack.summary.uploads", names=uploads),
        ]
        pages.text(mask("\n".join(details)), small, indent=indent, after=2)
        pages.text(f"SHA-256：{row.sha256}", small, indent=indent, after=2)
        pages.y = max(pages.y, top + THUMB) + 16

    for caption, messages in chats:
        pages.heading(words("pack.summary.chat", caption=mask(caption)).strip())
        for message in messages:
            if message.is_system:
                said = message.text
                if message.kind == "recalled":
                    said = words("pack.summary.recalled")
                who = "" if message.kind == "system" else f"{message.sender} "
                pages.text(
                    mask(f"{china_time(message.at)}　{who}{said}"),
                    small,
                    color=QColor(120, 120, 120),
                )
                continue
            body_text = message.text or (message.detail.replace("\n", " ") or MEDIA)
            role = words("pack.summary.seller" if message.is_seller else "pack.summary.buyer")
            pages.text(
                mask(f"{china_time(message.at)}　{message.sender}（{role}）"), small, after=0
            )
            pages.text(mask(body_text), body, indent=24)
    painter.end()
    del writer  # flushes and closes the file
    with open(path, "rb") as handle:
        data = handle.read()
    with open(path, "wb") as handle:
        handle.write(stamp_dates(data, dated))


def claim_pdf(
    pages: list[tuple[QImage, str]], title: str, dated: str = "2000-01-01T00:00:00Z"
) -> bytes:
    """One exhibit image per A4 page with its caption above it (courier claims)."""
    qtenv.ensure_gui()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _new_writer(buffer, title, title + dated)
    painter = QPainter(writer)
    width = PAGE_W - 2 * MARGIN
    for index, (image, caption) in enumerate(pages):
        if index:
            writer.newPage()
        painter.setFont(qtenv.font(24, bold=True))
        painter.setPen(QColor(20, 20, 20))
        painter.drawText(
            QRectF(MARGIN, MARGIN, width, 80),
            int(Qt.TextFlag.TextWordWrap),
            caption,
        )
        box = QSizeF(width, PAGE_H - 2 * MARGIN - 100)
        size = QSizeF(image.width(), image.height()).scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRectF(MARGIN, MARGIN + 100, size.width(), size.height()), image)
    painter.end()
    del writer
    data = bytes(buffer.data())
    buffer.close()
    return stamp_dates(data, dated)


def cover_rows(facts, profile_name: str, upload_count: int) -> list[tuple[str, str]]:
    """The cover's (label, value) rows, labels as the reviewer reads them."""
    rows = [
        ("shop", facts.shop_name),
        ("order_no", facts.order_no),
        ("case", f"#{facts.case_id}"),
        ("kind", label_of(CaseKind, facts.case_kind)),
        ("state", label_of(CaseState, facts.case_state)),
        ("buyer", facts.buyer_nick),
        ("phone", facts.receiver_phone.lstrip("'")),
        ("address", facts.receiver_address),
        ("items", facts.item_titles),
        ("refund", money(facts.refund_fen) if facts.refund_fen else ""),
        ("reason", facts.reason),
        ("opened", china_time(facts.opened_at) if facts.opened_at else ""),
        ("destination", profile_name),
        ("uploads", reviewer.text("pack.cover.upload_count", n=upload_count)),
    ]
    return [(reviewer.text(f"pack.cover.{name}"), value) for name, value in rows]
