"""A case from the text of a Qianniu refund page: linked to its order by number, the
shown countdown taken as the platform's deadline (basis platform)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shopdesk.domain import messages
from shopdesk.domain.model import Case, CaseKind, OrderState
from shopdesk.domain.timeutil import now_utc, to_text
from shopdesk.platforms.qianniu_paste import PastedRefund, parse_paste
from shopdesk.services.case_steps import set_platform_deadline
from shopdesk.services.door import door
from shopdesk.store.case_facts import apply_reason
from shopdesk.store.deadlines_repo import refresh_due
from shopdesk.store.store import Store


@dataclass(frozen=True)
class PasteResult:
    case: Case
    created: bool  # False: the refund had a case already; its deadline was brought up to date
    pasted: PastedRefund


def _kind(pasted: PastedRefund, order_state: str) -> str:
    if pasted.kind:
        return pasted.kind
    if order_state in (OrderState.PAID.value, OrderState.UNPAID.value):
        return CaseKind.REFUND_UNSHIPPED.value
    return CaseKind.REFUND_SHIPPED.value


def case_from_paste(store: Store, text: str, now: datetime | None = None) -> PasteResult:
    """Open (or bring up to date) the case the pasted refund page describes."""
    now = now or now_utc()
    pasted = parse_paste(text)
    platform = pasted.platform
    deadline = pasted.deadline(now)
    existing = store.find_case_by_refund_no(pasted.refund_no) if pasted.refund_no else None
    if existing is not None:
        if deadline is not None:
            set_platform_deadline(store, existing, deadline, now=now)
        return PasteResult(store.get_case(existing), False, pasted)
    with store.transaction():
        order = store.find_order(platform, pasted.order_no) if pasted.order_no else None
        if order is None:
            order = store.save_order(
                {
                    "platform": platform,
                    "order_no": pasted.order_no
                    or messages.text("case.pasted_order_no", "zh-CN", refund_no=pasted.refund_no),
                    "buyer_nick": pasted.buyer,
                    "status": messages.text("case.order_not_imported", "zh-CN"),
                    "state": OrderState.SHIPPED.value
                    if pasted.kind != CaseKind.REFUND_UNSHIPPED.value
                    else OrderState.PAID.value,
                    "source": "qianniu_paste",
                }
            )
        opened = pasted.applied_at or now
        case = store.add_case(
            order.id,
            _kind(pasted, order.state),
            to_text(opened),
            refund_fen=pasted.amount_fen or 0,
            reason=pasted.reason,
            description=pasted.description,
        )
        store.update_case(
            case.id,
            platform_refund_no=pasted.refund_no,
            platform_status=pasted.status,
            platform_deadline=to_text(deadline) if deadline else None,
        )
        apply_reason(store, case.id, platform, pasted.reason)
        refresh_due(store, case_ids=[case.id], now=now)
    return PasteResult(store.get_case(case.id), True, pasted)


# What the window and the command line read through here from the layers below,
# each loaded when first asked for (services/door.py).
__getattr__ = door(
    __name__,
    {
        "MAX_CHARS": "shopdesk.platforms.qianniu_paste",
    },
)
