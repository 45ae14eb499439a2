"""What reviewers expect to see, per case kind (shared/domain/RULES.md, "What reviewers
weigh"), and what a case still lacks. Pure data and functions."""

from __future__ import annotations

from dataclasses import dataclass

from shopdesk.core.model import CaseKind, EvidenceKind

K = EvidenceKind


@dataclass(frozen=True)
class Expectation:
    kind: str  # EvidenceKind id
    why: str  # zh-CN: what it proves
    required: bool = True


_CHAT = Expectation(K.CHAT, "带时间的聊天截图：双方沟通和承诺")
_TRACE = Expectation(K.SHIPPING, "物流轨迹：揽收和签收记录")
_PACKING = Expectation(K.PHOTO, "打包/开箱照片或视频", required=False)
_WEIGHT = Expectation(K.WEIGHT, "称重记录：证明发出的重量（少件、漏发纠纷）", required=False)

EXPECTED: dict[str, tuple[Expectation, ...]] = {
    CaseKind.REFUND_UNSHIPPED: (Expectation(K.CHAT, "聊天记录：买家的申请原因", required=False),),
    CaseKind.REFUND_SHIPPED: (
        _TRACE,
        _CHAT,
        _PACKING,
        _WEIGHT,
    ),
    CaseKind.RETURN_REFUND: (
        Expectation(K.SHIPPING, "退货物流单号和轨迹"),
        Expectation(K.PHOTO, "收到退货的开箱照片或视频：退回商品的状态"),
        _CHAT,
        Expectation(K.WEIGHT, "退货包裹称重记录", required=False),
    ),
    CaseKind.EXCHANGE: (_CHAT, _TRACE, Expectation(K.PHOTO, "商品实物照片", required=False)),
    CaseKind.RESHIP: (
        _TRACE,
        Expectation(K.WEIGHT, "称重记录：合并发货或少件时卖家承担举证"),
        Expectation(K.PHOTO, "打包照片或视频"),
        _CHAT,
    ),
    CaseKind.REJECTED_DELIVERY: (_TRACE, _CHAT, _PACKING),
    CaseKind.COMPLAINT_LATE_SHIPPING: (
        Expectation(K.SHIPPING, "物流揽收记录：按时发货的证明"),
        _CHAT,
    ),
    CaseKind.COMPLAINT_NOT_AS_DESCRIBED: (
        Expectation(K.PHOTO, "商品实物照片：与描述一致"),
        _CHAT,
        Expectation(K.TEST_REPORT, "检测报告或合格证", required=False),
        Expectation(K.INVOICE, "进货凭证/发票", required=False),
    ),
    CaseKind.COMPLAINT_BROKEN_PROMISE: (_CHAT, _TRACE),
    CaseKind.COMPLAINT_COUNTERFEIT: (
        Expectation(K.INVOICE, "经销凭证、商业发票或报关单：隐性问题和假货由卖家举证"),
        Expectation(K.AUTHORIZATION, "品牌授权书"),
        Expectation(K.TEST_REPORT, "检测报告、合格证或产品标准"),
        _CHAT,
    ),
    CaseKind.BAD_REVIEW: (_CHAT, Expectation(K.PHOTO, "商品实物照片", required=False)),
    CaseKind.PLATFORM_APPEAL: (
        _CHAT,
        _TRACE,
        Expectation(K.PHOTO, "打包/开箱照片或视频"),
        Expectation(K.INVOICE, "发票或进货凭证", required=False),
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
    why: str
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
