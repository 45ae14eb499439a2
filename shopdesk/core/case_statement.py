"""The default statement a package carries to the platform, built from the case and the
exhibits actually attached.

What the platform recorded itself (the order, the buyer's application, the steps on the
case's timeline) is stated as its record. Every other factual sentence names the exhibit
that backs it ("物流轨迹见附件 2：物流记录"); with no such exhibit the sentence is left out,
so the statement never claims what the package does not show. When the text would run
over the destination's limit, the least important sentences go first. Pure functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from shopdesk.core.model import Case, CaseKind, Cause, EventKind, EvidenceKind, Order
from shopdesk.core.template_context import deadline_text, exhibit_ref

K = EvidenceKind
_RETURN_KINDS = {CaseKind.RETURN_REFUND.value, CaseKind.EXCHANGE.value}
_SHIPPED_KINDS = {
    CaseKind.REFUND_SHIPPED.value,
    CaseKind.REJECTED_DELIVERY.value,
    CaseKind.COMPLAINT_LATE_SHIPPING.value,
    CaseKind.RESHIP.value,
    CaseKind.PLATFORM_APPEAL.value,
    CaseKind.COMPLAINT_BROKEN_PROMISE.value,
}
_COURIER_CAUSES = {
    Cause.COURIER_SERVICE.value,
    Cause.COURIER_SLOW.value,
    Cause.COURIER_MISROUTED.value,
    Cause.COURIER_LOST.value,
}
_BUYER_CAUSES = {
    Cause.BUYER_CHANGED_MIND.value,
    Cause.BUYER_EXPECTATION.value,
    Cause.BUYER_ORDERED_WRONG.value,
    Cause.BUYER_MISUSE.value,
}
# steps of the timeline a reviewer is told about (the buyer's application has its own line)
_TOLD_STEPS = (
    EventKind.SELLER_AGREED,
    EventKind.SELLER_REFUSED,
    EventKind.BUYER_SHIPPED_RETURN,
    EventKind.SELLER_RECEIVED_RETURN,
    EventKind.RESHIPPED,
    EventKind.PLATFORM_INTERVENED,
    EventKind.EVIDENCE_SUBMITTED,
)


@dataclass(frozen=True)
class Sentence:
    text: str
    rank: int  # lower: kept longer when the statement must be cut to fit


def _label(enum, value: str) -> str:
    try:
        return enum(value).label()
    except ValueError:
        return value


def _refs(exhibits: Sequence[tuple[int, str]]) -> dict[str, str]:
    by_kind: dict[str, list[int]] = {}
    for number, kind in exhibits:
        by_kind.setdefault(kind, []).append(number)
    return {kind: exhibit_ref(numbers, kind) for kind, numbers in by_kind.items()}


def _evidence_sentences(case: Case, order: Order, refs: dict[str, str]) -> list[Sentence]:
    """One sentence per kind attached, each naming its exhibits."""
    out: list[Sentence] = []
    shipping = refs.get(K.SHIPPING.value)
    if shipping:
        parcel = " ".join(p for p in (order.courier, order.tracking_no) if p)
        if case.kind in _RETURN_KINDS:
            out.append(Sentence(f"退货物流轨迹见{shipping}。", 1))
        elif case.cause in _COURIER_CAUSES:
            cause = _label(Cause, case.cause)
            where = f"（{parcel}）" if parcel else ""
            out.append(
                Sentence(
                    f"我方认为问题出在快递运输环节（{cause}），物流轨迹{where}见{shipping}。", 1
                )
            )
        else:
            sent = f"商品已发出（{parcel}），" if parcel and case.kind in _SHIPPED_KINDS else ""
            out.append(Sentence(f"{sent}揽收和派送轨迹见{shipping}。", 1))
    photo = refs.get(K.PHOTO.value)
    if photo:
        what = "收到的退货实物照片" if case.kind in _RETURN_KINDS else "商品及包装照片"
        out.append(Sentence(f"{what}见{photo}。", 2))
    video = refs.get(K.VIDEO.value)
    if video:
        out.append(Sentence(f"视频见{video}。", 4))
    weight = refs.get(K.WEIGHT.value)
    if weight:
        out.append(Sentence(f"发货称重见{weight}。", 3))
    chat = refs.get(K.CHAT.value)
    if chat:
        if case.cause in _BUYER_CAUSES:
            cause = _label(Cause, case.cause)
            out.append(Sentence(f"我方认为属买家个人原因（{cause}），双方沟通经过见{chat}。", 1))
        else:
            out.append(Sentence(f"双方沟通经过见{chat}。", 1))
    for kind, what in (
        (K.INVOICE, "进货凭证"),
        (K.AUTHORIZATION, "品牌授权"),
        (K.TEST_REPORT, "检测报告"),
        (K.OTHER, "其他材料"),
    ):
        ref = refs.get(kind.value)
        if ref:
            out.append(Sentence(f"{what}见{ref}。", 2 if kind != K.OTHER else 4))
    return out


def _timeline_sentence(steps: Sequence[tuple[str, str]]) -> Sentence | None:
    """The platform-relevant steps after the buyer's application, as its record shows."""
    told = {k.value for k in _TOLD_STEPS}
    parts = []
    for at, kind in steps:
        if kind not in told:
            continue
        label = _label(EventKind, kind)
        parts.append(f"{deadline_text(at)} {label}" if at else label)
    if not parts:
        return None
    return Sentence("处理经过：" + "；".join(parts) + "。", 5)


def build_statement(
    case: Case,
    order: Order,
    exhibits: Sequence[tuple[int, str]],
    steps: Sequence[tuple[str, str]] = (),
    fits: Callable[[str], bool] = lambda text: True,
) -> str:
    """The statement for `case`: `exhibits` are (number, EvidenceKind id) as the package
    numbers them, `steps` the (UTC time or "", EventKind id) of its timeline as a reviewer
    reads it. `fits` says whether a text is within the destination's limit."""
    kind = _label(CaseKind, case.kind)
    head = f"订单{order.order_no or case.order_no}卖家说明（{kind}）："
    body: list[Sentence] = []
    if case.reason:
        when = f"于{deadline_text(case.opened_at)}" if case.opened_at else ""
        body.append(Sentence(f"买家{when}申请，原因：{case.reason.strip()}。", 0))
    timeline = _timeline_sentence(steps)
    if timeline:
        body.append(timeline)
    body += _evidence_sentences(case, order, _refs(exhibits))
    tail = "请核实。" if exhibits else "请核实平台订单和售后记录。"
    kept = list(body)
    while kept:
        text = head + "".join(s.text for s in kept) + tail
        if fits(text):
            return text
        kept.remove(max(kept, key=lambda s: (s.rank, kept.index(s))))
    return head + tail
