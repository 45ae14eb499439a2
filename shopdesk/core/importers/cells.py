"""Single cells of a platform export: undo the Excel quirks and parse values that can be
trusted, or raise CellError with the reason (in the seller's language, zh-CN)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from shopdesk.core.timeutil import china_to_text


class CellError(ValueError):
    """A cell whose value cannot be trusted; the message is the reason shown to the seller."""


PRECISION_RANK = {"d": 0, "m": 1, "s": 2}

_FORMULA_TEXT = re.compile(r'^="(.*)"$', re.DOTALL)
_SCIENTIFIC = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_DIGITS = re.compile(r"^\d+$")
_MONEY = re.compile(r"^-?\d+(\.\d{1,2})?$")
_TIME = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$"
)
_NO_PREFIX = re.compile(r"^no\s*[:：]\s*", re.IGNORECASE)


def clean_text(value: object) -> str:
    """The text of a cell as the seller meant it: `="..."` unwrapped, a leading apostrophe
    (Excel's "keep as text" mark) removed, surrounding whitespace and tabs trimmed."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    text = str(value).strip()
    match = _FORMULA_TEXT.match(text)
    if match:
        text = match.group(1).strip()
    if text.startswith("'"):
        text = text[1:].strip()
    return text


def parse_order_no(value: object) -> str:
    """An order (or refund / sub-order) number, digits only. Scientific notation means Excel
    has dropped digits: such a number is never imported."""
    if isinstance(value, float):
        if not value.is_integer() or abs(value) >= 1e15:
            raise CellError("编号已被 Excel 存成数字并丢失了位数，请用平台原始导出文件")
        value = int(value)
    text = clean_text(value)
    if not text:
        raise CellError("编号为空")
    if _SCIENTIFIC.match(text):
        raise CellError("编号是科学计数法（Excel 已丢失位数），无法确定原编号")
    if text.endswith(".0") and _DIGITS.match(text[:-2]):
        text = text[:-2]
    if not _DIGITS.match(text):
        raise CellError("编号应只含数字")
    if len(text) > 15 and set(text[15:]) == {"0"} and len(text) - len(text.rstrip("0")) >= 3:
        raise CellError("编号 15 位之后全是 0，像是被 Excel 截断的数字，无法确定原编号")
    return text


def parse_fen(value: object) -> int:
    """Money in integer fen from `1009.00`, `158.8`, `0`, `109.00元`, `¥12` or a number cell."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = repr(value) if isinstance(value, float) else str(value)
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise CellError("金额不是数字") from None
        if amount != amount.quantize(Decimal("0.01")):
            raise CellError("金额超过两位小数")
        return int(amount * 100)
    text = clean_text(value).replace("元", "").replace("¥", "").replace("￥", "").strip()
    if text == "":
        return 0
    if not _MONEY.match(text):
        raise CellError("金额不是数字")
    return int(Decimal(text) * 100)


def parse_int(value: object) -> int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = clean_text(value).replace("件", "").strip()
    if text == "":
        return 0
    if not _DIGITS.match(text):
        raise CellError("数量不是整数")
    return int(text)


def parse_time(value: object) -> tuple[str | None, str]:
    """A China-time cell as stored UTC text and its precision: 's' (seconds known), 'm'
    (Excel re-save: `2024/6/18 14:20`) or 'd' (date only). Empty -> (None, '')."""
    if isinstance(value, datetime):
        return china_to_text(value.replace(tzinfo=None, microsecond=0)), "s"
    if isinstance(value, date):
        return china_to_text(datetime(value.year, value.month, value.day)), "d"
    text = clean_text(value)
    if text == "" or text in ("-", "null", "NULL"):
        return None, ""
    match = _TIME.match(text)
    if not match:
        raise CellError("不是可识别的日期时间")
    year, month, day, hour, minute, second = match.groups()
    try:
        moment = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        raise CellError("日期时间不存在") from None
    precision = "s" if second is not None else ("m" if minute is not None else "d")
    return china_to_text(moment), precision


def clean_tracking_no(value: object) -> str:
    """A tracking number without the `No:` prefix older files carry."""
    return _NO_PREFIX.sub("", clean_text(value)).strip()


def normalize_status(text: str) -> str:
    """Platform status text with the full-width comma the platform writes."""
    return clean_text(text).replace(",", "，").replace(" ", "")


def parse_yes(value: object) -> bool:
    return clean_text(value) in ("是", "Y", "y", "yes", "true", "TRUE", "1", "需要")
