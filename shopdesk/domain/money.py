"""An amount as a seller types it (a case's refund, a compensation), in fen."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from shopdesk.domain.errors import InputError

MAX_FEN = 100_000_000  # 100 万元: more than any one after-sales case of a small shop


def parse_fen(text: str) -> int:
    """An amount as a seller writes it (5, 5.00, ¥5, 5元, 5.5) in fen; InputError otherwise."""
    cleaned = re.sub(r"\s+", "", str(text or "")).translate(
        str.maketrans("０１２３４５６７８９．－", "0123456789.-")
    )
    cleaned = cleaned.removeprefix("¥").removeprefix("￥").removesuffix("元")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InputError("facts.amount_unreadable", text=text) from None
    if not value.is_finite():
        raise InputError("facts.amount_unreadable", text=text)
    if value < 0:
        raise InputError("facts.amount_negative", text=text)
    if value == 0:
        raise InputError("facts.amount_zero")
    if value != value.quantize(Decimal("0.01")):
        raise InputError("facts.amount_too_precise", text=text)
    fen = int(value * 100)
    if fen > MAX_FEN:
        raise InputError("facts.amount_huge", text=text)
    return fen
