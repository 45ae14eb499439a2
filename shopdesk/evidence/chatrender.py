"""Chat messages rendered as images that read like a transcript: a header with the order
number and the date range, then each message with who spoke and when, seller messages on
the right. Long conversations are split across pages (a message is never cut). The
bundled font is used, so the same messages give the same pixels on every machine."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextLayout, QTextOption

from shopdesk.core.chatlog import ChatMessage
from shopdesk.core.timeutil import CHINA, from_text
from shopdesk.evidence import qtenv

WIDTH = 750
TEXT_PX = 26  # the message text size; fitting keeps it legible
META_PX = 19
HEADER_PX = 24
MARGIN = 28
BUBBLE_PAD = 16
GAP = 22
MAX_PAGE_HEIGHT = 2000

_BG = QColor(245, 245, 245)
_HEADER_BG = QColor(255, 255, 255)
_BUYER_BUBBLE = QColor(255, 255, 255)
_SELLER_BUBBLE = QColor(214, 234, 255)
_TEXT = QColor(25, 25, 25)
_META = QColor(110, 110, 110)
_SYSTEM = QColor(140, 140, 140)
_RULE = QColor(220, 220, 220)


@dataclass(frozen=True)
class ChatPage:
    image: QImage
    first: int  # index of the first message on the page
    last: int  # index of the last message on the page


def china_time(at: str, with_seconds: bool = True) -> str:
    if not at:
        return ""
    moment = from_text(at).astimezone(CHINA)
    return moment.strftime("%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M")


def date_range(messages: list[ChatMessage]) -> str:
    times = sorted(m.at for m in messages if m.at)
    if not times:
        return ""
    return f"{china_time(times[0], False)} 至 {china_time(times[-1], False)}（北京时间）"


def _layout(text: str, font: QFont, width: float) -> tuple[QTextLayout, float, float]:
    """A laid-out paragraph, its height and the width of its longest line."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    height = 0.0
    widest = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    return layout, height, widest


def _message_text(message: ChatMessage) -> str:
    if message.kind == "media":
        return message.detail.replace("\n", "  ") if message.detail else "［图片/商品卡片］"
    return message.text


@dataclass
class _Block:
    message: ChatMessage
    height: float


class _Renderer:
    def __init__(self, width: int) -> None:
        self.width = width
        self.text_font = qtenv.font(TEXT_PX)
        self.meta_font = qtenv.font(META_PX)
        self.header_font = qtenv.font(HEADER_PX, bold=True)
        self.bubble_max = width - 2 * MARGIN - 60

    def block_height(self, message: ChatMessage) -> float:
        if message.is_system:
            _, height, _ = _layout(
                self._system_text(message), self.meta_font, self.width - 2 * MARGIN
            )
            return height + GAP
        _, text_h, _ = _layout(
            _message_text(message), self.text_font, self.bubble_max - 2 * BUBBLE_PAD
        )
        return META_PX * 1.5 + text_h + 2 * BUBBLE_PAD + GAP

    @staticmethod
    def _system_text(message: ChatMessage) -> str:
        if message.kind == "recalled":
            return f"{china_time(message.at)}  {message.sender} 撤回了一条消息"
        return f"{china_time(message.at)}  {message.text}"

    def header_lines(self, title: str, subtitle: str, page: int, pages: int) -> list[str]:
        lines = [title]
        if subtitle:
            lines.append(subtitle)
        lines.append(f"第 {page}/{pages} 页")
        return lines

    def header_height(self) -> float:
        return MARGIN + HEADER_PX * 1.5 + META_PX * 1.5 * 2 + MARGIN

    def draw_page(
        self, blocks: list[_Block], title: str, subtitle: str, page: int, pages: int
    ) -> QImage:
        height = round(self.header_height() + sum(b.height for b in blocks) + MARGIN)
        image = QImage(self.width, height, QImage.Format.Format_RGB32)
        image.fill(_BG)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        header_h = self.header_height()
        painter.fillRect(QRectF(0, 0, self.width, header_h - MARGIN / 2), _HEADER_BG)
        painter.setPen(_TEXT)
        painter.setFont(self.header_font)
        y = MARGIN
        painter.drawText(QRectF(MARGIN, y, self.width - 2 * MARGIN, HEADER_PX * 1.5), title)
        y += HEADER_PX * 1.5
        painter.setFont(self.meta_font)
        painter.setPen(_META)
        painter.drawText(QRectF(MARGIN, y, self.width - 2 * MARGIN, META_PX * 1.5), subtitle)
        y += META_PX * 1.5
        painter.drawText(
            QRectF(MARGIN, y, self.width - 2 * MARGIN, META_PX * 1.5), f"第 {page}/{pages} 页"
        )
        painter.setPen(_RULE)
        painter.drawLine(
            QPointF(0, header_h - MARGIN / 2), QPointF(self.width, header_h - MARGIN / 2)
        )
        y = header_h
        for block in blocks:
            self._draw_message(painter, block.message, y)
            y += block.height
        painter.end()
        return image

    def _draw_message(self, painter: QPainter, message: ChatMessage, y: float) -> None:
        if message.is_system:
            layout, height, widest = _layout(
                self._system_text(message), self.meta_font, self.width - 2 * MARGIN
            )
            painter.setPen(_SYSTEM)
            x = (self.width - widest) / 2 if height <= META_PX * 1.6 else MARGIN
            layout.draw(painter, QPointF(x, y))
            return
        seller = message.is_seller
        meta = f"{message.sender}  {china_time(message.at)}"
        painter.setFont(self.meta_font)
        painter.setPen(_META)
        align = Qt.AlignmentFlag.AlignRight if seller else Qt.AlignmentFlag.AlignLeft
        painter.drawText(
            QRectF(MARGIN, y, self.width - 2 * MARGIN, META_PX * 1.5),
            int(align | Qt.AlignmentFlag.AlignVCenter),
            meta,
        )
        y += META_PX * 1.5
        text = _message_text(message)
        layout, text_h, widest = _layout(text, self.text_font, self.bubble_max - 2 * BUBBLE_PAD)
        bubble_w = widest + 2 * BUBBLE_PAD
        x = self.width - MARGIN - bubble_w if seller else MARGIN
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_SELLER_BUBBLE if seller else _BUYER_BUBBLE)
        painter.drawRoundedRect(QRectF(x, y, bubble_w, text_h + 2 * BUBBLE_PAD), 10, 10)
        painter.setPen(_META if message.kind == "media" else _TEXT)
        layout.draw(painter, QPointF(x + BUBBLE_PAD, y + BUBBLE_PAD))


def render_chat(
    messages: list[ChatMessage],
    *,
    order_no: str = "",
    title: str = "聊天记录",
    max_page_height: int = MAX_PAGE_HEIGHT,
    width: int = WIDTH,
) -> list[ChatPage]:
    """Pages of the conversation; every page carries the header (order no., date range,
    page number), so a reviewer can read any page alone."""
    renderer = _Renderer(width)
    heading = f"{title}　订单号 {order_no}" if order_no else title
    subtitle = date_range(messages)
    room = max_page_height - renderer.header_height() - MARGIN
    pages: list[list[tuple[int, _Block]]] = [[]]
    used = 0.0
    for index, message in enumerate(messages):
        block = _Block(message, renderer.block_height(message))
        if pages[-1] and used + block.height > room:
            pages.append([])
            used = 0.0
        pages[-1].append((index, block))
        used += block.height
    if not messages:
        return []
    out = []
    for number, page in enumerate(pages, start=1):
        image = renderer.draw_page([b for _, b in page], heading, subtitle, number, len(pages))
        out.append(ChatPage(image, page[0][0], page[-1][0]))
    return out
