"""Chat messages rendered as images that read like a transcript: a header with the order
number and the date range, then each message with who spoke and when, seller messages on
the right. Long conversations are split across pages; a message is cut only when it is
taller than a page, and then each piece is marked (（接下页） under it, （续） on the next
page's piece). Characters and pages are held to budgets before anything is drawn. The
bundled font is used, so the same messages give the same pixels on every machine."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextLayout, QTextOption

from shopdesk.domain.messages import Message
from shopdesk.domain.timeutil import CHINA, from_text
from shopdesk.evidence import budgets, qtenv, reviewer
from shopdesk.evidence.fitting import FitError
from shopdesk.platforms.chatlog import ChatMessage

WIDTH = 750
TEXT_PX = 26  # the message text size; fitting keeps it legible
META_PX = 19
HEADER_PX = 24
MARGIN = 28
BUBBLE_PAD = 16
GAP = 22
MAX_PAGE_HEIGHT = 2000
CONTINUES = reviewer.text("pack.continues")  # （接下页）
CONTINUED = reviewer.text("pack.continued")  # （续）
MEDIA = reviewer.text("pack.chat.media")  # ［图片/商品卡片］: a picture or card, no text
_MARK_H = META_PX * 1.6
_MIN_PIECE_LINES = 2  # a piece starting low on a page has at least this many lines

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
    first, last = china_time(times[0], False), china_time(times[-1], False)
    return reviewer.text("pack.chat.date_range", first=first, last=last)


def _layout(text: str, font: QFont, width: float) -> tuple[QTextLayout, float, float]:
    """A laid-out paragraph, its height and the width of its longest line (lines are
    positioned from y = 0, so a range of them is drawn by offset)."""
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
        return message.detail.replace("\n", "  ") if message.detail else MEDIA
    return message.text


@dataclass
class _Piece:
    """What one page shows of one message: all of it, or a range of its lines."""

    index: int  # the message's index
    message: ChatMessage
    layout: QTextLayout
    lines: range
    continued: bool = False  # a piece of the message is on the page before
    continues: bool = False  # ... and on the page after
    height: float = field(init=False)

    def __post_init__(self) -> None:
        self.height = _chrome(self.message, self.continues) + self.text_height()

    def text_height(self) -> float:
        return _lines_height(self.layout, self.lines)

    def widest(self) -> float:
        return max((self.layout.lineAt(i).naturalTextWidth() for i in self.lines), default=0.0)


def _chrome(message: ChatMessage, continues: bool) -> float:
    """The height of a piece around its lines (meta line, padding, gap, mark)."""
    extra = _MARK_H if continues else 0.0
    if message.is_system:
        return GAP + extra
    return META_PX * 1.5 + 2 * BUBBLE_PAD + GAP + extra


def _lines_height(layout: QTextLayout, lines: range) -> float:
    if not lines:
        return 0.0
    first, last = layout.lineAt(lines[0]), layout.lineAt(lines[-1])
    return last.y() + last.height() - first.y()


class _Renderer:
    def __init__(self, width: int) -> None:
        self.width = width
        self.text_font = qtenv.font(TEXT_PX)
        self.meta_font = qtenv.font(META_PX)
        self.header_font = qtenv.font(HEADER_PX, bold=True)
        self.bubble_max = width - 2 * MARGIN - 60

    def layout(self, message: ChatMessage) -> QTextLayout:
        if message.is_system:
            text, font, width = self._system_text(message), self.meta_font, self.width - 2 * MARGIN
        else:
            text, font = _message_text(message), self.text_font
            width = self.bubble_max - 2 * BUBBLE_PAD
        layout, _, _ = _layout(text, font, width)
        return layout

    def pieces(self, index: int, message: ChatMessage, first_room: float, room: float):
        """The message as pieces, each within a page's `room` (the first within
        `first_room`, what is left of the current page). None between two pieces: the
        next one starts a new page."""
        layout = self.layout(message)
        count = layout.lineCount()
        if _chrome(message, False) + _lines_height(layout, range(count)) <= room:
            yield _Piece(index, message, layout, range(count))
            return
        start, space = 0, first_room
        while start < count:
            rest = range(start, count)
            if start and _chrome(message, False) + _lines_height(layout, rest) <= space:
                yield _Piece(index, message, layout, rest, continued=True)
                return
            end = self._fill(layout, start, count, space - _chrome(message, True))
            if end == start and space < room:  # too little left here: a new page
                yield None
                space = room
                continue
            end = max(end, start + 1)  # a line taller than a page still goes somewhere
            yield _Piece(index, message, layout, range(start, end), start > 0, True)
            yield None
            start, space = end, room

    @staticmethod
    def _fill(layout: QTextLayout, start: int, count: int, space: float) -> int:
        """The end of the longest run of lines from `start` within `space` (at least
        _MIN_PIECE_LINES of them, else `start`)."""
        top = layout.lineAt(start).y()
        end = start
        while end < count:
            line = layout.lineAt(end)
            if line.y() + line.height() - top > space:
                break
            end += 1
        return end if end - start >= min(_MIN_PIECE_LINES, count - start) else start

    @staticmethod
    def _system_text(message: ChatMessage) -> str:
        if message.kind == "recalled":
            return reviewer.text(
                "pack.chat.recalled", time=china_time(message.at), sender=message.sender
            )
        return f"{china_time(message.at)}  {message.text}"

    def header_lines(self, title: str, subtitle: str, page: int, pages: int) -> list[str]:
        lines = [title]
        if subtitle:
            lines.append(subtitle)
        lines.append(reviewer.text("pack.chat.page", page=page, pages=pages))
        return lines

    def header_height(self) -> float:
        return MARGIN + HEADER_PX * 1.5 + META_PX * 1.5 * 2 + MARGIN

    def draw_page(
        self, pieces: list[_Piece], title: str, subtitle: str, page: int, pages: int
    ) -> QImage:
        height = round(self.header_height() + sum(p.height for p in pieces) + MARGIN)
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
            QRectF(MARGIN, y, self.width - 2 * MARGIN, META_PX * 1.5),
            reviewer.text("pack.chat.page", page=page, pages=pages),
        )
        painter.setPen(_RULE)
        painter.drawLine(
            QPointF(0, header_h - MARGIN / 2), QPointF(self.width, header_h - MARGIN / 2)
        )
        y = header_h
        for piece in pieces:
            self._draw_piece(painter, piece, y)
            y += piece.height
        painter.end()
        return image

    def _draw_lines(self, painter: QPainter, piece: _Piece, x: float, y: float) -> None:
        if len(piece.lines) == piece.layout.lineCount():
            piece.layout.draw(painter, QPointF(x, y))
            return
        top = piece.layout.lineAt(piece.lines[0]).y()
        for i in piece.lines:
            piece.layout.lineAt(i).draw(painter, QPointF(x, y - top))

    def _draw_mark(self, painter: QPainter, y: float, seller: bool) -> None:
        painter.setFont(self.meta_font)
        painter.setPen(_META)
        align = Qt.AlignmentFlag.AlignRight if seller else Qt.AlignmentFlag.AlignLeft
        painter.drawText(
            QRectF(MARGIN, y, self.width - 2 * MARGIN, _MARK_H),
            int(align | Qt.AlignmentFlag.AlignVCenter),
            CONTINUES,
        )

    def _draw_piece(self, painter: QPainter, piece: _Piece, y: float) -> None:
        message = piece.message
        text_h = piece.text_height()
        if message.is_system:
            widest = piece.widest()
            painter.setPen(_SYSTEM)
            x = (self.width - widest) / 2 if text_h <= META_PX * 1.6 else MARGIN
            self._draw_lines(painter, piece, x, y)
            if piece.continues:
                self._draw_mark(painter, y + text_h, False)
            return
        seller = message.is_seller
        meta = f"{message.sender}  {china_time(message.at)}"
        if piece.continued:
            meta += f"  {CONTINUED}"
        painter.setFont(self.meta_font)
        painter.setPen(_META)
        align = Qt.AlignmentFlag.AlignRight if seller else Qt.AlignmentFlag.AlignLeft
        painter.drawText(
            QRectF(MARGIN, y, self.width - 2 * MARGIN, META_PX * 1.5),
            int(align | Qt.AlignmentFlag.AlignVCenter),
            meta,
        )
        y += META_PX * 1.5
        bubble_w = piece.widest() + 2 * BUBBLE_PAD
        x = self.width - MARGIN - bubble_w if seller else MARGIN
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_SELLER_BUBBLE if seller else _BUYER_BUBBLE)
        painter.drawRoundedRect(QRectF(x, y, bubble_w, text_h + 2 * BUBBLE_PAD), 10, 10)
        painter.setPen(_META if message.kind == "media" else _TEXT)
        self._draw_lines(painter, piece, x + BUBBLE_PAD, y + BUBBLE_PAD)
        if piece.continues:
            self._draw_mark(painter, y + text_h + 2 * BUBBLE_PAD, seller)


def _characters(messages: list[ChatMessage]) -> int:
    return sum(len(_message_text(m)) + len(m.sender) for m in messages)


def render_chat(
    messages: list[ChatMessage],
    *,
    order_no: str = "",
    title: str | None = None,
    max_page_height: int = MAX_PAGE_HEIGHT,
    width: int = WIDTH,
    label: str | None = None,
    room: float | None = None,
) -> list[ChatPage]:
    """Pages of the conversation; every page carries the header (order no., date range,
    page number), so a reviewer can read any page alone. FitError (naming `label`) when
    the messages are over the character or page budget, or the pages over `room` (the
    pixels the package has left), before anything is drawn. The header is the reviewer's
    (zh-CN; `title` defaults to 聊天记录); `label` is the seller's name for the chat."""
    if not messages:
        return []
    if title is None:
        title = reviewer.text("pack.chat.title")
    if label is None:
        label = Message("pack.chat.title")
    problem = budgets.chat_chars_problem(label, _characters(messages))
    if problem:
        raise FitError(problem)
    renderer = _Renderer(width)
    heading = (
        reviewer.text("pack.chat.heading", title=title, order_no=order_no) if order_no else title
    )
    subtitle = date_range(messages)
    max_page_height = min(max_page_height, budgets.CHAT_TALL_PAGE_MAX)
    page_room = max_page_height - renderer.header_height() - MARGIN
    pages: list[list[_Piece]] = [[]]
    used = 0.0
    for index, message in enumerate(messages):
        for piece in renderer.pieces(index, message, page_room - used, page_room):
            if pages[-1] and (piece is None or used + piece.height > page_room):
                pages.append([])
                used = 0.0
                problem = budgets.chat_pages_problem(label, len(pages))
                if problem:  # known while laying out: nothing has been drawn yet
                    raise FitError(problem)
            if piece is not None:
                pages[-1].append(piece)
                used += piece.height
    pages = [page for page in pages if page]
    drawn = sum(renderer.header_height() + sum(p.height for p in page) + MARGIN for page in pages)
    if room is not None and drawn * width > room:  # what the package has left in pixels
        raise FitError(budgets.plan_problem(label))
    out = []
    for number, page in enumerate(pages, start=1):
        image = renderer.draw_page(page, heading, subtitle, number, len(pages))
        out.append(ChatPage(image, page[0].index, page[-1].index))
    return out
