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

from shopdesk.domain.messages import say, text
from shopdesk.domain.model import Case, CaseKind, Cause, EventKind, EvidenceKind, Order
from shopdesk.templates.context import deadline_text, exhibit_ref

K = EvidenceKind
PLATFORM_LANGUAGE = "zh-CN"  # the platforms' reviewers read statements in Chinese
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


def _named(enum, value: str):
    """The domain word for `value` (rendered in the statement's language), or the id itself
    when it is not one."""
    try:
        return enum(value)
    except ValueError:
        return value


def _refs(exhibits: Sequence[tuple[int, str]], language: str) -> dict[str, str]:
    by_kind: dict[str, list[int]] = {}
    for number, kind in exhibits:
        by_kind.setdefault(kind, []).append(number)
    return {kind: exhibit_ref(numbers, kind, language) for kind, numbers in by_kind.items()}


# the other kinds of evidence: each one's sentence and its rank
_OTHER_KINDS = (
    (K.INVOICE, "statement.invoice", 2),
    (K.AUTHORIZATION, "statement.authorization", 2),
    (K.TEST_REPORT, "statement.test_report", 2),
    (K.OTHER, "statement.other", 4),
)


def _evidence_sentences(
    case: Case, order: Order, refs: dict[str, str], language: str
) -> list[Sentence]:
    """One sentence per kind attached, each naming its exhibits."""

    def sentence(key: str, rank: int, **params) -> Sentence:
        return Sentence(text(key, language, **params), rank)

    out: list[Sentence] = []
    shipping = refs.get(K.SHIPPING.value)
    if shipping:
        parcel = " ".join(p for p in (order.courier, order.tracking_no) if p)
        if case.kind in _RETURN_KINDS:
            out.append(sentence("statement.shipping.return", 1, exhibit=shipping))
        elif case.cause in _COURIER_CAUSES:
            cause = _named(Cause, case.cause)
            if parcel:
                out.append(
                    sentence(
                        "statement.shipping.courier_parcel",
                        1,
                        cause=cause,
                        parcel=parcel,
                        exhibit=shipping,
                    )
                )
            else:
                out.append(sentence("statement.shipping.courier", 1, cause=cause, exhibit=shipping))
        elif parcel and case.kind in _SHIPPED_KINDS:
            out.append(sentence("statement.shipping.sent", 1, parcel=parcel, exhibit=shipping))
        else:
            out.append(sentence("statement.shipping.trace", 1, exhibit=shipping))
    photo = refs.get(K.PHOTO.value)
    if photo:
        key = "statement.photo.return" if case.kind in _RETURN_KINDS else "statement.photo.item"
        out.append(sentence(key, 2, exhibit=photo))
    video = refs.get(K.VIDEO.value)
    if video:
        out.append(sentence("statement.video", 4, exhibit=video))
    weight = refs.get(K.WEIGHT.value)
    if weight:
        out.append(sentence("statement.weight", 3, exhibit=weight))
    chat = refs.get(K.CHAT.value)
    if chat:
        if case.cause in _BUYER_CAUSES:
            cause = _named(Cause, case.cause)
            out.append(sentence("statement.chat.buyer_cause", 1, cause=cause, exhibit=chat))
        else:
            out.append(sentence("statement.chat.plain", 1, exhibit=chat))
    for kind, key, rank in _OTHER_KINDS:
        ref = refs.get(kind.value)
        if ref:
            out.append(sentence(key, rank, exhibit=ref))
    return out


def _timeline_sentence(steps: Sequence[tuple[str, str]], language: str) -> Sentence | None:
    """The platform-relevant steps after the buyer's application, as its record shows."""
    told = {k.value for k in _TOLD_STEPS}
    parts = []
    for at, kind in steps:
        if kind not in told:
            continue
        step = _named(EventKind, kind)
        if at:
            at_text = deadline_text(at, language)
            parts.append(text("statement.step_at", language, at=at_text, step=step))
        else:
            parts.append(str(say(step, language)))
    if not parts:
        return None
    separator = "; " if language == "en" else "；"
    return Sentence(text("statement.timeline", language, steps=separator.join(parts)), 5)


def build_statement(
    case: Case,
    order: Order,
    exhibits: Sequence[tuple[int, str]],
    steps: Sequence[tuple[str, str]] = (),
    fits: Callable[[str], bool] = lambda statement: True,
    language: str = PLATFORM_LANGUAGE,
) -> str:
    """The statement for `case`: `exhibits` are (number, EvidenceKind id) as the package
    numbers them, `steps` the (UTC time or "", EventKind id) of its timeline as a reviewer
    reads it. `fits` says whether a text is within the destination's limit. Written in
    the platform's language, zh-CN, unless `language` asks for another (to read it)."""
    kind = _named(CaseKind, case.kind)
    head = text("statement.head", language, order_no=order.order_no or case.order_no, kind=kind)
    body: list[Sentence] = []
    if case.reason:
        reason = case.reason.strip()
        if case.opened_at:
            at = deadline_text(case.opened_at, language)
            body.append(Sentence(text("statement.applied_at", language, at=at, reason=reason), 0))
        else:
            body.append(Sentence(text("statement.applied", language, reason=reason), 0))
    timeline = _timeline_sentence(steps, language)
    if timeline:
        body.append(timeline)
    body += _evidence_sentences(case, order, _refs(exhibits, language), language)
    tail = text("statement.tail" if exhibits else "statement.tail_no_exhibits", language)
    kept = list(body)
    while kept:
        statement = head + "".join(s.text for s in kept) + tail
        if fits(statement):
            return statement
        kept.remove(max(kept, key=lambda s: (s.rank, kept.index(s))))
    return head + tail
