"""Chat logs copied out of Qianniu / 旺旺, parsed into messages.

Two shapes (see shared/domain/FORMATS.md) give the same messages:

- the PC chat window copy: ``<nick> yyyy-MM-dd HH:mm:ss`` then content lines, then a blank
  line; seller messages end with a status line (已读 / 未读 / 发送中), which is dropped;
- the web 聊天记录查询 copy: a ``yyyy-MM-dd`` date line, then per message a ``HH:mm:ss``
  line, the content lines and the sender line last.

Images and product cards become ``media`` messages with no text (the web page shows only a
placeholder for both, so the PC copy's card details are kept aside in ``detail``). System
lines (当前用户来自 ..., 由 ... 转交给 ..., <nick> 撤回了一条消息) are messages with
``is_system`` set and the time of the message before them. Pure Python: no Qt here.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from functools import cache

from shopdesk.domain.messages import SOURCE, Message
from shopdesk.domain.messages import text as message_text
from shopdesk.domain.timeutil import china_to_text
from shopdesk.platforms import registry

# The sender of the chat tool's own lines, kept with the chat's messages (zh-CN, as stored)
SYSTEM_NICK = message_text("chatlog.system_nick", SOURCE)

_PC_HEADER = re.compile(r"^(?P<nick>\S.*?)\s*(?P<ts>\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2})$")
_WEB_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_WEB_TIME = re.compile(r"^\d{1,2}:\d{2}:\d{2}$")


# What the chat tools write (status lines, system lines, 撤回了一条消息 ...) is the
# platforms' data: shopdesk/platforms/<id>/chat.toml, through the registry.
def _words(name: str) -> tuple[str, ...]:
    return registry.chat_words().get(name, ())


@cache
def status_lines() -> frozenset[str]:
    """The status lines under a seller's message in the PC copy (已读 ...)."""
    return frozenset(_words("status_lines"))


@cache
def _recall() -> re.Pattern[str]:
    said = "|".join(re.escape(word) for word in _words("recalled")) or r"(?!)"
    return re.compile(rf"^(?P<nick>.+?)\s*(?P<said>{said})$")


@cache
def _system_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for pattern in _words("system_lines"))


def __getattr__(name: str):
    if name == "STATUS_LINES":  # read lazily: the registry loads the platforms' words
        return status_lines()
    raise AttributeError(name)


_PRICE = re.compile(r"^[¥￥]\s*\d+(?:\.\d{1,2})?$")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)


@dataclass(frozen=True)
class ChatMessage:
    sender: str
    at: str  # UTC ISO-8601 (the chat shows China time)
    text: str
    is_system: bool = False
    is_seller: bool = False
    kind: str = "text"  # text | media | recalled | system
    detail: str = field(default="", compare=False)  # e.g. a product card seen in the PC copy

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ChatMessage:
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in names})


class ChatLogError(ValueError):
    """The text is not a chat log in either known shape: a catalogue key and its
    parameters (str() in zh-CN, `message` rendered by say() in the front end's language)."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.message = Message(key, **params)
        super().__init__(self.message)

    def __reduce__(self):
        return (_chat_log_error, (self.message.key, self.message.params))


def _chat_log_error(key: str, params: dict) -> ChatLogError:
    return ChatLogError(key, **params)


def decode(raw: bytes) -> str:
    """Text of a chat log file: BOMs honoured, UTF-8 tried first, GB18030 per line for the
    rest (a file pasted together from two sources can mix them)."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            return raw[len(bom) :].decode(name, errors="replace")
    if raw[:200].count(b"\x00") > 20:  # UTF-16 without a BOM
        even_zeros = raw[0:200:2].count(b"\x00")
        return raw.decode("utf-16-be" if even_zeros > 10 else "utf-16-le", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lines = []
    for line in raw.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("gb18030", errors="replace"))
    return "\n".join(lines)


def _clean_lines(text: str) -> list[str]:
    text = text.translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
    return [
        line.replace("\u00a0", " ").replace("\u3000", " ").rstrip() for line in text.split("\n")
    ]


def is_seller_nick(nick: str, shop_names: tuple[str, ...] = ()) -> bool:
    """Seller sub-accounts read `店铺名:子账号`; the main account is the shop's own name."""
    return ":" in nick or "：" in nick or nick in shop_names


def _system_line(line: str) -> bool:
    return any(p.match(line) for p in _system_patterns())


def _parse_time(date_text: str, time_text: str) -> str:
    try:
        moment = datetime.strptime(f"{date_text} {time_text}", "%Y-%m-%d %H:%M:%S")
    except ValueError:  # shaped like a time but impossible (13th month, 25 o'clock)
        raise ChatLogError("chatlog.no_such_time", date=date_text, time=time_text) from None
    return china_to_text(moment)


def _message(sender: str, at: str, content: list[str], shop_names: tuple[str, ...]) -> ChatMessage:
    seller = is_seller_nick(sender, shop_names)
    while content and not content[-1].strip():
        content.pop()
    while content and not content[0].strip():
        content.pop(0)
    if seller:
        while content and content[-1].strip() in status_lines():
            content.pop()
            while content and not content[-1].strip():
                content.pop()
    lines = [line.strip() for line in content]
    if not lines or (len(lines) == 1 and lines[0] in _words("media_placeholders")):
        return ChatMessage(sender, at, "", is_seller=seller, kind="media")
    if _is_card(lines):
        return ChatMessage(sender, at, "", is_seller=seller, kind="media", detail="\n".join(lines))
    return ChatMessage(sender, at, "\n".join(lines).strip(), is_seller=seller)


def _is_item_link(line: str) -> bool:
    """A link to an item page of any platform (each platform names its own)."""
    return any(link.match(line) for link in registry.item_links())


def _is_card(lines: list[str]) -> bool:
    """A product card copies as its title, its price and the item's address."""
    return (
        len(lines) <= 4
        and any(_PRICE.match(x) for x in lines)
        and any(_is_item_link(x) for x in lines)
    )


def _system_message(line: str, at: str, shop_names: tuple[str, ...]) -> ChatMessage:
    recall = _recall().match(line)
    if recall:
        nick = recall["nick"].strip()
        return ChatMessage(
            nick,
            at,
            recall["said"],
            is_system=True,
            is_seller=is_seller_nick(nick, shop_names),
            kind="recalled",
        )
    return ChatMessage(SYSTEM_NICK, at, line.strip(), is_system=True, kind="system")


def _is_system_or_recall(line: str) -> bool:
    return _system_line(line) or bool(_recall().match(line))


def detect_shape(lines: list[str]) -> str:
    """`pc` or `web`; ChatLogError when neither shape is seen."""
    pc = sum(1 for x in lines if _PC_HEADER.match(x.strip()))
    web = sum(1 for x in lines if _WEB_TIME.match(x.strip()))
    has_date = any(_WEB_DATE.match(x.strip()) for x in lines)
    if pc == 0 and (web == 0 or not has_date):
        raise ChatLogError("chatlog.not_a_chat")
    return "web" if web > pc and has_date else "pc"


def parse(text: str, shop_names: tuple[str, ...] = ()) -> list[ChatMessage]:
    """Messages of a copied conversation, in either shape, in their order in the text."""
    lines = _clean_lines(text)
    if detect_shape(lines) == "web":
        messages = _parse_web(lines, shop_names)
    else:
        messages = _parse_pc(lines, shop_names)
    return _backfill_leading_times(messages)


def _backfill_leading_times(messages: list[ChatMessage]) -> list[ChatMessage]:
    """System lines before the first timed message take that message's time."""
    first = next((m.at for m in messages if m.at), "")
    return [m if m.at else replace(m, at=first) for m in messages]


def _parse_pc(lines: list[str], shop_names: tuple[str, ...]) -> list[ChatMessage]:
    out: list[ChatMessage] = []
    current: tuple[str, str, list[str]] | None = None
    last_at = ""

    def flush() -> None:
        nonlocal current
        if current is not None:
            out.append(_message(current[0], current[1], current[2], shop_names))
            current = None

    for raw in lines:
        line = raw.strip()
        header = _PC_HEADER.match(line)
        if header:
            flush()
            date_text, time_text = header["ts"].split(" ")
            last_at = _parse_time(date_text, time_text)
            current = (header["nick"].strip(), last_at, [])
        elif line and _is_system_or_recall(line):
            flush()
            out.append(_system_message(line, last_at, shop_names))
        elif current is not None:
            current[2].append(raw)
        elif line:
            raise ChatLogError("chatlog.unknown_start", line=line[:40])
    flush()
    return out


def _parse_web(lines: list[str], shop_names: tuple[str, ...]) -> list[ChatMessage]:
    out: list[ChatMessage] = []
    date_text = ""
    last_at = ""
    block: list[str] | None = None
    block_at = ""

    def flush() -> None:
        nonlocal block
        if block is None:
            return
        content = [x for x in block]
        while content and not content[-1].strip():
            content.pop()
        trailing_system: list[str] = []
        while content and _is_system_or_recall(content[-1].strip()):
            trailing_system.insert(0, content.pop().strip())
            while content and not content[-1].strip():
                content.pop()
        if content:
            sender = content.pop().strip()
            out.append(_message(sender, block_at, content, shop_names))
        for line in trailing_system:
            out.append(_system_message(line, block_at, shop_names))
        block = None

    for raw in lines:
        line = raw.strip()
        if _WEB_DATE.match(line):
            flush()
            date_text = line
        elif _WEB_TIME.match(line):
            flush()
            if not date_text:
                raise ChatLogError("chatlog.time_without_date", time=line)
            block_at = last_at = _parse_time(date_text, line)
            block = []
        elif block is not None:
            block.append(raw)
        elif line and _is_system_or_recall(line):
            out.append(_system_message(line, last_at, shop_names))
        elif line:
            raise ChatLogError("chatlog.unknown_start", line=line[:40])
    flush()
    return out


def senders(messages: list[ChatMessage]) -> list[str]:
    """Who speaks in the conversation, in order of first appearance (system excluded)."""
    seen: dict[str, None] = {}
    for m in messages:
        if m.kind != "system":
            seen.setdefault(m.sender, None)
    return list(seen)


def to_data(messages: list[ChatMessage]) -> list[dict]:
    return [m.to_dict() for m in messages]


def from_data(data: list[dict]) -> list[ChatMessage]:
    return [ChatMessage.from_dict(d) for d in data]


# ---------------------------------------------------------------- whose chat is this

# An order number: 16 to 20 digits, or fewer right after the words the chat tool names
# one with (订单号 / 订单编号: chat.toml's order_labels), unless words before it say it is
# a waybill or a refund (not_order_labels).
_BARE_ORDER = re.compile(r"(?<![\dA-Za-z])(\d{16,20})(?!\d)")


@cache
def _labelled_orders() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for pattern in _words("order_labels"))


@cache
def _not_order() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _words("not_order_labels")) or r"(?!)")


@dataclass(frozen=True)
class ChatIdentity:
    """Who the buyer is and which orders the conversation names, as the chat itself says."""

    buyer_nicks: tuple[str, ...]
    order_nos: tuple[str, ...]


def identity(messages: list[ChatMessage]) -> ChatIdentity:
    nicks: dict[str, None] = {}
    orders: dict[str, None] = {}
    for message in messages:
        if message.kind == "system":
            continue
        if not message.is_seller and message.sender and message.sender != SYSTEM_NICK:
            nicks.setdefault(message.sender, None)
        for text in (message.text, message.detail):
            for number in _order_numbers(text):
                orders.setdefault(number, None)
    return ChatIdentity(tuple(nicks), tuple(orders))


def _order_numbers(text: str) -> list[str]:
    found = [m.group(1) for label in _labelled_orders() for m in label.finditer(text or "")]
    for match in _BARE_ORDER.finditer(text or ""):
        if not _not_order().search(text[max(0, match.start() - 8) : match.start()]):
            found.append(match.group(1))
    return found


def _same_nick(chat_nick: str, case_nick: str) -> bool:
    """Nicks compared as the platform shows them; an export may mask the middle (z**8)."""
    a, b = chat_nick.strip().casefold(), case_nick.strip().casefold()
    if "*" in a or "*" in b:
        masked, plain = (a, b) if "*" in a else (b, a)
        pattern = ".*".join(re.escape(part) for part in re.split(r"\*+", masked))
        return re.fullmatch(pattern, plain) is not None
    return a == b


def mismatches(messages: list[ChatMessage], buyer_nick: str, order_no: str) -> list[str]:
    """Why this conversation may belong to another case (empty: nothing says so): the
    chat's buyer is not the case's, or the order numbers it names do not include the
    case's. Each line names both sides."""
    who = identity(messages)
    problems = []
    if (
        buyer_nick
        and who.buyer_nicks
        and not any(_same_nick(nick, buyer_nick) for nick in who.buyer_nicks)
    ):
        problems.append(Message("chatlog.other_buyer", chat=list(who.buyer_nicks), case=buyer_nick))
    if order_no and who.order_nos and order_no not in who.order_nos:
        problems.append(Message("chatlog.other_order", chat=list(who.order_nos), case=order_no))
    return problems


def raw_mismatches(
    raw: bytes, buyer_nick: str, order_no: str, shop_names: tuple[str, ...] = ()
) -> list[str]:
    """`mismatches` of a chat log file's bytes; [] when it does not parse (adding it then
    reports why)."""
    try:
        messages = parse(decode(raw), shop_names)
    except ChatLogError:
        return []
    return mismatches(messages, buyer_nick, order_no)
