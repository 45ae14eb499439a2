"""Single cells of a platform export: undo the Excel quirks and parse values that can be
trusted, or raise CellError with the reason (in the seller's language, zh-CN)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from shopdesk.domain.messages import Message
from shopdesk.domain.timeutil import china_to_text


class CellError(ValueError):
    """A cell whose value cannot be trusted; the message is the reason shown to the seller."""

    @property
    def reason(self) -> str:
        """The reason as raised (a Message keeps its key for the front end's language)."""
        return self.args[0] if self.args else ""


class UnreadableCell:
    """An xlsx cell whose value ShopDesk must not guess: a formula saved without its result,
    or an Excel error value (#REF!). Its text is what the cell holds; parsing it raises."""

    __slots__ = ("reason", "text")

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason

    def __str__(self) -> str:
        return self.text


# The world an export lives in: Taobao opened in 2003; a platform deadline may lie ahead,
# but not years ahead; no single order is worth 100 million yuan; nobody buys a million.
EARLIEST_TIME = datetime(2003, 1, 1)
LATEST_TIME = datetime.now().replace(microsecond=0) + timedelta(days=2 * 366)
MAX_FEN = 100_000_000 * 100
MAX_QUANTITY = 1_000_000


PRECISION_RANK = {"d": 0, "m": 1, "s": 2}

_FORMULA_TEXT = re.compile(r'^="(.*)"$', re.DOTALL)
_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_DIGITS = re.compile(r"^[0-9]+$")
_MONEY = re.compile(r"^-?[0-9]+(\.[0-9]{1,2})?$")
_TIME = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$"
)
_NO_PREFIX = re.compile(r"^no\s*[:：]\s*", re.IGNORECASE)


# Control characters (a terminal escape in a buyer's nick would recolour `shopdesk orders`)
# and bidi overrides (they make "张伟" show as "伟张"): never part of what the seller meant.
_HIDDEN_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def clean_text(value: object) -> str:
    """The text of a cell as the seller meant it: `="..."` unwrapped, a leading apostrophe
    (Excel's "keep as text" mark) removed, surrounding whitespace and tabs trimmed, control
    characters and bidi overrides dropped."""
    if type(value) is str:
        text = value.strip()
        if not text or (text[0] not in "='" and text.isprintable()):
            return text  # the common cell: nothing to undo (isprintable: no controls)
    elif value is None:
        return ""
    elif isinstance(value, datetime | date):
        return value.isoformat(sep=" ")
    elif isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    else:
        text = str(value).strip()
    if text and text[0] in "='":
        if len(text) >= 3 and text.startswith('="') and text.endswith('"'):
            text = text[2:-1].strip()
        if text.startswith("'"):
            text = text[1:].strip()
    if _HIDDEN_CONTROLS.search(text):
        text = _HIDDEN_CONTROLS.sub("", text).strip()
    return text


def parse_order_no(value: object) -> str:
    """An order (or refund / sub-order) number, digits only. Scientific notation means Excel
    has dropped digits: such a number is never imported."""
    if isinstance(value, float):
        if not value.is_integer() or abs(value) >= 1e15:
            raise CellError(Message("import.cell.number_as_float"))
        value = int(value)
    if type(value) is UnreadableCell:
        raise CellError(value.reason)
    as_text = isinstance(value, str) and value.lstrip().startswith('="')  # Excel text: exact
    text = clean_text(value)
    if not text:
        raise CellError(Message("import.cell.number_empty"))
    if _SCIENTIFIC.match(text):
        raise CellError(Message("import.cell.number_scientific"))
    if text.endswith(".0") and _DIGITS.match(text[:-2]):
        text = text[:-2]
    if not _DIGITS.match(text):
        raise CellError(Message("import.cell.number_not_digits"))
    if (
        not as_text
        and len(text) > 15
        and set(text[15:]) == {"0"}
        and len(text) - len(text.rstrip("0")) >= 3
    ):
        raise CellError(Message("import.cell.number_truncated"))
    return text


NOT_MONEY = Message("import.cell.not_money")
TOO_PRECISE = Message("import.cell.too_precise")
NEGATIVE_MONEY = Message("import.cell.negative_money")
HUGE_MONEY = Message("import.cell.huge_money")


def parse_fen(value: object) -> int:
    """Money in integer fen from `1009.00`, `158.8`, `0`, `109.00元`, `¥12` or a number cell.
    Negative amounts and amounts past 100 million yuan are refused."""
    if type(value) is str:
        known = _FEN_SEEN.get(value)
        if known is not None:
            return known
        fen = _parse_fen_str(value)
        if len(_FEN_SEEN) < 50_000:  # amounts repeat: prices, postage, 0.00
            _FEN_SEEN[value] = fen
        return fen
    if isinstance(value, int | float) and not isinstance(value, bool):
        from decimal import Decimal, InvalidOperation  # 3 ms of start-up when imported at the top

        text = repr(value) if isinstance(value, float) else str(value)
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise CellError(NOT_MONEY) from None
        if not amount.is_finite():
            raise CellError(NOT_MONEY)
        if amount != amount.quantize(Decimal("0.01")):
            raise CellError(TOO_PRECISE)
        return _fen_in_world(int(amount * 100))
    if type(value) is UnreadableCell:
        raise CellError(value.reason)
    return _parse_fen_text(clean_text(value))


_FEN_SEEN: dict[str, int] = {}


def _fen_in_world(fen: int) -> int:
    if fen < 0:
        raise CellError(NEGATIVE_MONEY)
    if fen > MAX_FEN:
        raise CellError(HUGE_MONEY)
    return fen


def _parse_fen_str(value: str) -> int:
    text = value.strip()
    if text and text[0] in "='":
        text = clean_text(text)
    if text.endswith("元"):
        text = text[:-1]
    whole, dot, fraction = text.partition(".")
    if whole.isdigit() and whole.isascii() and len(whole) <= 9:
        if not dot:
            return _fen_in_world(int(whole) * 100)
        if fraction.isdigit() and fraction.isascii() and len(fraction) <= 2:
            return _fen_in_world(int(whole) * 100 + int(fraction.ljust(2, "0")))
    return _parse_fen_text(text)


def _parse_fen_text(text: str) -> int:
    text = text.replace("元", "").replace("¥", "").replace("￥", "").strip()
    if text == "":
        return 0
    if not _MONEY.match(text):
        if re.match(r"^-?[0-9]+\.[0-9]{3,}$", text):
            raise CellError(TOO_PRECISE)
        raise CellError(NOT_MONEY)
    from decimal import Decimal

    return _fen_in_world(int(Decimal(text) * 100))


def parse_int(value: object) -> int:
    """A count (quantity, number of items): a whole number from 0 to a million."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        if type(value) is UnreadableCell:
            raise CellError(value.reason)
        text = clean_text(value).replace("件", "").strip()
        if text == "":
            return 0
        if not _DIGITS.match(text):
            raise CellError(Message("import.cell.not_integer"))
        number = int(text)
    if not 0 <= number <= MAX_QUANTITY:
        raise CellError(Message("import.cell.quantity_out_of_range"))
    return number


def parse_time(value: object) -> tuple[str | None, str]:
    """A China-time cell as stored UTC text and its precision: 's' (seconds known), 'm'
    (Excel re-save: `2024/6/18 14:20`) or 'd' (date only). Empty -> (None, '')."""
    if type(value) is str:
        fast = china_time(value)  # the export's own form, nothing to clean
        if fast is not None:
            return fast, "s"
    if isinstance(value, datetime):
        return china_to_text(_time_in_world(value.replace(tzinfo=None, microsecond=0))), "s"
    if isinstance(value, date):
        return china_to_text(_time_in_world(datetime(value.year, value.month, value.day))), "d"
    if type(value) is UnreadableCell:
        raise CellError(value.reason)
    text = clean_text(value)
    if text == "" or text in ("-", "null", "NULL"):
        return None, ""
    fast = china_time(text)
    if fast is not None:
        return fast, "s"
    match = _TIME.match(text)
    if not match:
        raise CellError(Message("import.cell.not_a_time"))
    year, month, day, hour, minute, second = match.groups()
    try:
        moment = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        raise CellError(Message("import.cell.no_such_date")) from None
    precision = "s" if second is not None else ("m" if minute is not None else "d")
    return china_to_text(_time_in_world(moment)), precision


def _time_in_world(moment: datetime) -> datetime:
    if moment < EARLIEST_TIME:
        raise CellError(Message("import.cell.too_early"))
    if moment > LATEST_TIME:
        raise CellError(Message("import.cell.too_late"))
    return moment


_PREVIOUS_DAY: dict[str, str | None] = {}


def _previous_day(day: str) -> str | None:
    """`yyyy-MM-dd` of the day before (None if `day` is not a date, or outside the world of
    exports: the slow path then says why), remembered: an export spans few days and many
    rows."""
    found = _PREVIOUS_DAY.get(day, "")
    if found != "":
        return found
    try:
        moment = datetime(int(day[0:4]), int(day[5:7]), int(day[8:10]))
    except ValueError:
        result = None
    else:
        inside = moment >= EARLIEST_TIME and moment.date() < LATEST_TIME.date()
        result = (moment - timedelta(days=1)).strftime("%Y-%m-%d") if inside else None
    if len(_PREVIOUS_DAY) < 100_000:
        _PREVIOUS_DAY[day] = result
    return result


_HOUR_UTC: dict[str, str] = {}


def _hour_utc(head: str) -> str:
    """`yyyy-MM-dd HH` China time -> `yyyy-MM-ddTHH` UTC ('' when it is not one, or the
    day lies outside the world of exports: the slow path then says why)."""
    if not (head[4] == "-" and head[7] == "-" and head[10] == " " and head.isascii()):
        return ""
    digits = head[0:4] + head[5:7] + head[8:10] + head[11:13]
    if not digits.isdigit():
        return ""
    hour = int(head[11:13])
    if hour > 23:
        return ""
    day = head[0:10]
    previous = _previous_day(day)
    if previous is None:
        return ""
    if hour >= 8:
        return f"{day}T{hour - 8:02d}"
    return f"{previous}T{hour + 16:02d}"


def china_time(text: str) -> str | None:
    """`yyyy-MM-dd HH:mm:ss` China time, written exactly so (ASCII digits, nothing around
    it), as UTC text; None for any other text (parse_time reads it, or says why). Without
    the zone database: China has kept UTC+8 without daylight saving since 1992 (exports
    start in 2003). The hour is worked out once per hour of the export."""
    if len(text) != 19 or text[13] != ":" or text[16] != ":":
        return None
    head = text[:13]
    utc = _HOUR_UTC.get(head)
    if utc is None:
        utc = _hour_utc(head)
        if len(_HOUR_UTC) < 100_000:
            _HOUR_UTC[head] = utc
    if not utc:
        return None
    minute, second = text[14:16], text[17:19]
    pair = minute + second
    if not (pair.isdigit() and pair.isascii()) or minute > "59" or second > "59":
        return None
    return f"{utc}{text[13:]}Z"


def is_scientific(text: str) -> bool:
    """`6.9E+18`: a long number Excel showed (and saved) in scientific notation."""
    return ("E" in text or "e" in text) and _SCIENTIFIC.match(text) is not None


def mangled_number(text: str, raw: object = None) -> bool:
    """A number cell Excel lost digits of: scientific notation, or a workbook number too
    long to be exact (16 digits or more, stored as a float)."""
    return is_scientific(text) or (isinstance(raw, float) and abs(raw) >= 1e15)


def clean_tracking_no(value: object) -> str:
    """A tracking number without the `No:` prefix older files carry."""
    return _NO_PREFIX.sub("", clean_text(value)).strip()


def normalize_status(text: str) -> str:
    """Platform status text with the full-width comma the platform writes."""
    return clean_text(text).replace(",", "，").replace(" ", "")


def parse_yes(value: object) -> bool:
    return clean_text(value) in ("是", "Y", "y", "yes", "true", "TRUE", "1", "需要")
