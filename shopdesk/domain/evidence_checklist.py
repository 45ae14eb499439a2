"""What reviewers expect to see, per case kind (shared/domain/RULES.md, "What reviewers
weigh"), and what a case still lacks. Pure data and functions."""

from __future__ import annotations

from dataclasses import dataclass

from shopdesk.domain.messages import Message
from shopdesk.domain.model import CaseKind, EvidenceKind

K = EvidenceKind


def _why(name: str) -> Message:
    """What a kind of evidence proves: the message `checklist.<name>`."""
    return Message(f"checklist.{name}")


@dataclass(frozen=True)
class Expectation:
    kind: str  # EvidenceKind id
    why: Message  # what it proves (as text: zh-CN; say() renders the front end's language)
    required: bool = True


_CHAT = Expectation(K.CHAT, _why("chat_timestamped"))
_TRACE = Expectation(K.SHIPPING, _why("shipping_trace"))
_PACKING = Expectation(K.PHOTO, _why("packing_media"), required=False)
_WEIGHT = Expectation(K.WEIGHT, _why("weight_shortage"), required=False)

EXPECTED: dict[str, tuple[Expectation, ...]] = {
    CaseKind.REFUND_UNSHIPPED: (Expectation(K.CHAT, _why("chat_reason"), required=False),),
    CaseKind.REFUND_SHIPPED: (
        _TRACE,
        _CHAT,
        _PACKING,
        _WEIGHT,
    ),
    CaseKind.RETURN_REFUND: (
        Expectation(K.SHIPPING, _why("return_shipping")),
        Expectation(K.PHOTO, _why("return_unboxing")),
        _CHAT,
        Expectation(K.WEIGHT, _why("return_weight"), required=False),
    ),
    CaseKind.EXCHANGE: (_CHAT, _TRACE, Expectation(K.PHOTO, _why("item_photo"), required=False)),
    CaseKind.RESHIP: (
        _TRACE,
        Expectation(K.WEIGHT, _why("reship_weight")),
        Expectation(K.PHOTO, _why("packing_photo")),
        _CHAT,
    ),
    CaseKind.REJECTED_DELIVERY: (_TRACE, _CHAT, _PACKING),
    CaseKind.COMPLAINT_LATE_SHIPPING: (
        Expectation(K.SHIPPING, _why("pickup_on_time")),
        _CHAT,
    ),
    CaseKind.COMPLAINT_NOT_AS_DESCRIBED: (
        Expectation(K.PHOTO, _why("item_as_described")),
        _CHAT,
        Expectation(K.TEST_REPORT, _why("test_report_or_certificate"), required=False),
        Expectation(K.INVOICE, _why("invoice_purchase"), required=False),
    ),
    CaseKind.COMPLAINT_BROKEN_PROMISE: (_CHAT, _TRACE),
    CaseKind.COMPLAINT_COUNTERFEIT: (
        Expectation(K.INVOICE, _why("counterfeit_invoice")),
        Expectation(K.AUTHORIZATION, _why("brand_authorization")),
        Expectation(K.TEST_REPORT, _why("test_report_standard")),
        _CHAT,
    ),
    CaseKind.BAD_REVIEW: (_CHAT, Expectation(K.PHOTO, _why("item_photo"), required=False)),
    CaseKind.PLATFORM_APPEAL: (
        _CHAT,
        _TRACE,
        Expectation(K.PHOTO, _why("packing_media")),
        Expectation(K.INVOICE, _why("invoice_or_purchase"), required=False),
        _WEIGHT,
    ),
}


# the order a reviewer reads a package in (RULES.md: chat screenshots with timestamps,
# logistics trace, photos/video, weight records, invoices, authorisation, test reports)
READING_ORDER = (
    K.CHAT,
    K.SHIPPING,
    K.PHOTO,
    K.WEIGHT,
    K.INVOICE,
    K.AUTHORIZATION,
    K.TEST_REPORT,
    K.OTHER,
    K.VIDEO,
)


def reading_rank(kind: str) -> int:
    kinds = [k.value for k in READING_ORDER]
    return kinds.index(kind) if kind in kinds else len(kinds)


def numbered(items) -> list[tuple[int, str]]:
    """(number, kind) of evidence items (anything with `kind` and `captured_at`, in the
    order given) as a package numbers them: by kind in reading order, then capture time."""
    indexed = list(enumerate(items))
    indexed.sort(key=lambda p: (reading_rank(p[1].kind), p[1].captured_at or "", p[0]))
    return [(number, item.kind) for number, (_, item) in enumerate(indexed, start=1)]


@dataclass(frozen=True)
class ChecklistItem:
    kind: str
    why: Message
    required: bool
    have: int  # how many items of this kind the case has

    @property
    def missing(self) -> bool:
        return self.have == 0


def checklist(case_kind: str, present_kinds: list[str]) -> list[ChecklistItem]:
    """The expected evidence for a case kind with how many of each the case holds."""
    expected = EXPECTED.get(case_kind, (_CHAT,))
    return [
        ChecklistItem(e.kind, e.why, e.required, present_kinds.count(str(e.kind))) for e in expected
    ]


def missing(case_kind: str, present_kinds: list[str], required_only: bool = False) -> list[str]:
    """Evidence kinds this case still lacks (required ones first)."""
    items = [i for i in checklist(case_kind, present_kinds) if i.missing]
    if required_only:
        items = [i for i in items if i.required]
    items.sort(key=lambda i: not i.required)
    return [str(i.kind) for i in items]
