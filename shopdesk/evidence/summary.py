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

from shopdesk.core.chatlog import ChatMessage
from shopdesk.core.model import CaseKind, CaseState, EvidenceKind
from shopdesk.core.timeutil import from_text
from shopdesk.evidence import qtenv
from shopdesk.evidence.chatrender import china_time

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
    """A cursor over PDF pages: write paragraphs, start a new page when one is full."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, title: str) -> None:
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
            f"{self.title}　第 {self.page} 页",
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
                self._mark("（接下页）", mark_font, indent, mark_h)
                self.new_page()
                self._mark("（续）", mark_font, indent, mark_h)
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
    title = "售后证据包摘要"
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
    pages.heading("申诉陈述")
    pages.text(mask(statement) or "（无）", body)
    for note in notes:
        pages.text(mask(note), small, color=QColor(120, 80, 0))
    if missing:
        pages.heading("未包含的证据")
        pages.text("本证据包没有以下审核通常要求的证据：", body)
        for kind, why in missing:
            pages.text(f"· {label_of(EvidenceKind, kind)}（{why}）", body, indent=24)

    pages.new_page()
    pages.heading("处理时间线（北京时间）")
    if not timeline:
        pages.text("（无记录）", body)
    for at, label, note in timeline:
        when = china_time(at) if at else "（具体时间以平台记录为准）"
        line = f"{when}　{label}" + (f"　{note}" if note else "")
        pages.text(mask(line), body)

    pages.heading("附件目录")
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
        heading = f"附件 {row.number}　{label_of(EvidenceKind, row.kind)}　{row.caption}"
        pages.text(mask(heading), label_font, indent=indent, after=2)
        details = [
            f"文件：{row.file_name}",
            f"拍摄/截取时间：{china_time(row.captured_at) if row.captured_at else '未知'}",
            f"大小：{row.bytes:,} 字节",
            f"上传图片：{'、'.join(row.uploads) if row.uploads else '（仅附原件）'}",
        ]
        pages.text(mask("\n".join(details)), small, indent=indent, after=2)
        pages.text(f"SHA-256：{row.sha256}", small, indent=indent, after=2)
        pages.y = max(pages.y, top + THUMB) + 16

    for caption, messages in chats:
        pages.heading(f"聊天摘录　{mask(caption)}".strip())
        for message in messages:
            if message.is_system:
                text = message.text if message.kind != "recalled" else "撤回了一条消息"
                who = "" if message.kind == "system" else f"{message.sender} "
                pages.text(
                    mask(f"{china_time(message.at)}　{who}{text}"),
                    small,
                    color=QColor(120, 120, 120),
                )
                continue
            body_text = message.text or (message.detail.replace("\n", " ") or "［图片/商品卡片］")
            role = "卖家" if message.is_seller else "买家"
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
    return [
        ("店铺", facts.shop_name),
        ("订单号", facts.order_no),
        ("售后单", f"#{facts.case_id}"),
        ("售后类型", label_of(CaseKind, facts.case_kind)),
        ("当前状态", label_of(CaseState, facts.case_state)),
        ("买家", facts.buyer_nick),
        ("收货电话", facts.receiver_phone.lstrip("'")),
        ("收货地址", facts.receiver_address),
        ("商品", facts.item_titles),
        ("退款金额", money(facts.refund_fen) if facts.refund_fen else ""),
        ("买家申请原因", facts.reason),
        ("申请时间", china_time(facts.opened_at) if facts.opened_at else ""),
        ("提交目的地", profile_name),
        ("上传图片", f"{upload_count} 张"),
    ]
