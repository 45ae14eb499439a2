"""A refund's detail page copied from Qianniu (千牛, Taobao's seller tool) -> the facts of a
new case.

The page's exact wording is documented nowhere we found (docs/formats/qianniu-paste.md
says what is read, so it can be corrected from a real page): labels and values are read
tolerantly — `label：value` or `label: value` on one line, or the label alone with its
value on the next line, in any order, full- or half-width colons — the countdown as
还剩 / 剩余 N天N时N分N秒, and every line nothing is known for is ignored. The words are
data: paste.toml beside this file.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message
from shopdesk.domain.model import CaseKind
from shopdesk.domain.money import parse_fen
from shopdesk.domain.timeutil import CHINA
from shopdesk.platforms import words
from shopdesk.platforms.qianniu_paste import PastedRefund

PLATFORM = "taobao"


@cache
def page() -> dict:
    return words.load(Path(__file__).parent, "paste.toml")


@cache
def _all_labels() -> list[tuple[str, str]]:
    """(label, field), the longest labels first."""
    return sorted(
        ((label, name) for name, labels in page()["labels"].items() for label in labels),
        key=lambda pair: -len(pair[0]),
    )


@cache
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(page()["patterns"][name])


def _split(line: str) -> tuple[str, str] | None:
    """(field, value) when the line starts with a known label ("" value: on the next)."""
    for label, name in _all_labels():
        if line.startswith(label):
            rest = line[len(label) :].strip()
            if not rest or rest[0] in "：:":
                return name, rest.lstrip("：:").strip()
    return None


def _time(text: str) -> datetime | None:
    match = _pattern("time").search(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=CHINA)
    except ValueError:
        return None


def _countdown(text: str) -> timedelta | None:
    for match in _pattern("countdown").finditer(text):
        days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
        if any(match.groups()):
            return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    return None


def _kind(text: str, goods: str) -> str | None:
    """The case kind the page names (None: decide from the order's state)."""
    said = page()["kind_words"]
    if said["exchange"] in text:
        return CaseKind.EXCHANGE.value
    if said["return_refund"] in text:
        return CaseKind.RETURN_REFUND.value
    if said["refund"] in text and said["unshipped"] in goods:
        return CaseKind.REFUND_UNSHIPPED.value
    if said["refund"] in text and said["received"] in goods:
        return CaseKind.REFUND_SHIPPED.value
    return None


def _digits(text: str) -> str:
    match = re.search(r"\d{6,}", text.replace(" ", ""))
    return match.group(0) if match else ""


def _refuse_other_platforms(text: str) -> None:
    """A page of another platform's seller tools (and none of Qianniu's words): named."""
    from shopdesk.platforms import registry  # loaded after this package, which it lists

    own = page()["page_words"]
    if any(word in text for word in own):
        return
    for platform_id, found in registry.page_words().items():
        if platform_id != PLATFORM and any(word in text for word in found):
            name = Message(f"word.platform.{platform_id}")
            raise InputError("paste.other_platform", platform=name)


def parse_paste(text: str) -> PastedRefund:
    """What the pasted page says; InputError for a text that is not a Taobao refund page
    or has no order or refund number (nothing to link the case to)."""
    _refuse_other_platforms(text)
    values: dict[str, str] = {}
    ignored: list[str] = []
    remaining: timedelta | None = None
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
    pending: str | None = None
    for line in lines:
        if not line:
            continue
        if pending is not None and _split(line) is None:
            values.setdefault(pending, line)
            pending = None
            continue
        pending = None
        split = _split(line)
        found = _countdown(line)
        if found is not None and remaining is None:
            remaining = found
            if split is None:
                continue
        if split is None:
            ignored.append(line)
            continue
        name, value = split
        if value:
            values.setdefault(name, value)
        else:
            pending = name
    order_no = _digits(values.get("order_no", ""))
    refund_no = _digits(values.get("refund_no", ""))
    if not order_no and not refund_no:
        raise InputError("paste.no_number")
    amount = None
    if values.get("amount"):
        amount_text = re.sub(r"[^\d.．]", "", values["amount"])
        amount = parse_fen(amount_text) if amount_text else None
    goods = values.get("goods", "")
    return PastedRefund(
        order_no=order_no,
        refund_no=refund_no,
        applied_at=_time(values.get("applied_at", "")),
        amount_fen=amount,
        reason=values.get("reason", ""),
        description=values.get("description", ""),
        kind=_kind(values.get("kind", ""), goods),
        status=values.get("status", ""),
        buyer=values.get("buyer", ""),
        remaining=remaining,
        ignored=tuple(ignored),
        platform=PLATFORM,
    )
