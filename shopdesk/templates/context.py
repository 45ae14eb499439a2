"""The values a reply template is filled with, taken from the order, the case and the shop.

Only facts the seller already has go in; a fact that is empty stays out, so the rendered
reply shows a gap instead of an empty or made-up value."""

from __future__ import annotations

import re
from collections.abc import Sequence

from shopdesk.domain.messages import Message, text
from shopdesk.domain.model import Case, CaseKind, EvidenceKind, Order, Shop
from shopdesk.domain.timeutil import CHINA, from_text
from shopdesk.platforms.registry import Platform

ITEM_TITLE_CHARS = 24  # Taobao titles run to 60 keyword-stuffed characters; keep the start
_TITLE_SPLIT = re.compile(r"[\n;；|，]")  # exports join several titles with these


def money_text(fen: int) -> str:
    """Integer fen as the buyer reads it: ¥12.30."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}¥{fen // 100}.{fen % 100:02d}"


def deadline_text(at: str, language: str = "zh-CN") -> str:
    """A stored UTC instant as China time (the platform's clock), e.g. 11月30日 14:00."""
    local = from_text(at).astimezone(CHINA)
    month = Message(f"templates.month.{local.month}")
    return text("templates.deadline", language, month=month, day=local.day, time=f"{local:%H:%M}")


def first_item_title(item_titles: str) -> str:
    titles = [t.strip() for t in _TITLE_SPLIT.split(item_titles or "") if t.strip()]
    if not titles:
        return ""
    title = titles[0]
    if len(title) > ITEM_TITLE_CHARS:
        title = title[:ITEM_TITLE_CHARS] + "…"
    return title


def _label(enum: type, value: str, language: str) -> str:
    try:
        return enum(value).label(language)
    except ValueError:
        return value


def exhibit_ref(numbers: Sequence[int], kind: str, language: str = "zh-CN") -> str:
    """How a statement names exhibits: 附件 3：物流记录, 附件 2、4：照片."""
    label = _label(EvidenceKind, kind, language)
    if language == "en":
        label = label.lower()  # inside an English sentence: "exhibit 3 (shipping record)"
    numbers = list(numbers)
    return text("templates.exhibit_ref", language, numbers=numbers, label=label, n=len(numbers))


def exhibit_values(exhibits: Sequence[tuple[int, str]], language: str = "zh-CN") -> dict:
    """`exhibit_<kind>` for each kind among `exhibits` ((number, EvidenceKind id), as
    numbered in the package): a kind not attached has no value, so a template's claim
    about it (`{if exhibit_photo}…{end}`) stays out."""
    by_kind: dict[str, list[int]] = {}
    for number, kind in exhibits:
        by_kind.setdefault(kind, []).append(number)
    values = {
        f"exhibit_{kind}": exhibit_ref(nums, kind, language) for kind, nums in by_kind.items()
    }
    if by_kind:
        values["exhibits"] = ("; " if language == "en" else "；").join(
            exhibit_ref(nums, kind, language) for kind, nums in by_kind.items()
        )
    return values


def build_context(
    order: Order | None = None,
    case: Case | None = None,
    shop: Shop | None = None,
    language: str = "zh-CN",
    deadline_at: str | None = None,
    exhibits: Sequence[tuple[int, str]] = (),
) -> dict[str, str]:
    """Variables for `templates.render`. `deadline_at` is the case's next deadline (UTC
    text) as the rule engine computed it; without it the platform's own deadline or the
    cached next due time of the case is used. `exhibits`: (number, kind) of the evidence
    attached, as the package numbers it; without them no exhibit is claimed."""
    values: dict[str, str] = exhibit_values(exhibits, language)
    if order is not None:
        values.update(
            buyer_nick=order.buyer_nick,
            order_no=order.order_no,
            item_title=first_item_title(order.item_titles),
            item_count=str(order.item_count) if order.item_count > 0 else "",
            paid_amount=money_text(order.paid_fen) if order.paid_fen > 0 else "",
            courier=order.courier,
            tracking_no=order.tracking_no,
            platform=_label(Platform, order.platform, language),
        )
        if order.refund_fen > 0:
            values["refund_amount"] = money_text(order.refund_fen)
    if case is not None:
        values["order_no"] = values.get("order_no") or case.order_no
        values["case_kind"] = _label(CaseKind, case.kind, language)
        values["reason"] = case.reason
        values["platform"] = values.get("platform") or _label(Platform, case.platform, language)
        if case.refund_fen > 0:
            values["refund_amount"] = money_text(case.refund_fen)
        deadline_at = deadline_at or case.platform_deadline or case.next_due_at
    if deadline_at:
        values["deadline"] = deadline_text(deadline_at, language)
    if shop is not None:
        values.update(
            shop_name=shop.name, return_address=shop.return_address, signature=shop.signature
        )
    return {name: value.strip() for name, value in values.items() if value and value.strip()}
