"""JD POP (京东) 售后服务单 export rows -> cases: keyed by 服务单号, joined to orders on
订单号. No verbatim header of this export is known (jd.md (b)): its columns are found by
the names of JD's service-order fields, and 服务单状态 / 客户期望 are read from the code
(10001, 10) or the word (待审核, 退货) a cell holds. What each means is data: the
[service_status] and [expectation] tables of states.toml beside this file."""

from __future__ import annotations

import re

from shopdesk.domain.messages import Message
from shopdesk.domain.model import CaseKind, CaseState, EventKind, OrderState
from shopdesk.importers.cells import (
    CellError,
    normalize_status,
    parse_fen,
    parse_order_no,
    parse_time,
)
from shopdesk.importers.layouts import Layout
from shopdesk.importers.records import ParsedRefund, PlatformEvent
from shopdesk.importers.rows import RowError
from shopdesk.platforms.jd.parse import parse_jd_order_no, status_words

UNKNOWN_SERVICE_STATUS = Message("platform.jd.service.unknown_status")
UNKNOWN_EXPECTATION = Message("platform.jd.service.unknown_expectation")
NO_APPLIED_AT = Message("platform.jd.service.no_applied_at")

_CODE = re.compile(r"\d+")
# the kinds whose 服务单 ends with money back (the others: goods go out again)
_REFUND_KINDS = {CaseKind.RETURN_REFUND, CaseKind.REFUND_SHIPPED}
_RETURN_KINDS = {CaseKind.RETURN_REFUND, CaseKind.EXCHANGE}


def _word(cell: str, codes: str, known: str) -> str | None:
    """The word a cell means: itself when known, else the word of the code it holds, else
    the first known word it contains (`10001`, `待审核`, `10001待审核`, `已完成`)."""
    table = status_words()[known]
    if cell in table:
        return cell
    for code in _CODE.findall(cell):
        if code in status_words()[codes]:
            return status_words()[codes][code]
    return next((word for word in table if word in cell), None)


def service_status(cell: str) -> str | None:
    """The 服务单状态 word a cell (code or word) means; None for one ShopDesk does not know."""
    return _word(cell, "service_status_code", "service_status")


def service_kind(cell: str) -> CaseKind | None:
    """The case kind 客户期望 (code or word) asks for; None for one not known."""
    word = _word(cell, "expectation_code", "expectation")
    return CaseKind(status_words()["expectation"][word]) if word else None


def service_state(word: str, kind: CaseKind) -> CaseState:
    """The case state a 服务单状态 word means for a case of `kind`."""
    state = CaseState(status_words()["service_status"][word])
    if state is CaseState.AWAITING_REFUND and kind not in _REFUND_KINDS:
        return CaseState.AWAITING_SELLER  # 待处理: the seller sends the goods out again
    if state is CaseState.CLOSED and kind in _REFUND_KINDS:
        return CaseState.REFUNDED  # 完成 of a refund [I]
    return state


def before_audit(word: str) -> bool:
    """Whether a 服务单状态 word is before the seller's 审核 passed (待审核, 待客户反馈)."""
    return status_words()["service_status"][word] == CaseState.AWAITING_SELLER.value


def service_events(
    state: CaseState,
    kind: CaseKind,
    *,
    opened_at: str,
    reason: str,
    status: str,
    audited: bool,
    audited_at: str | None,
    processed_at: str | None,
) -> tuple[PlatformEvent, ...]:
    """The steps a 服务单 went through to reach its 服务单状态: the request, the seller's
    审核 (at 审核时间), the goods back, the 处理 (at 处理时间) and its end."""
    events = [PlatformEvent(EventKind.OPENED.value, opened_at, reason)]
    if state is CaseState.REFUSED:
        events.append(PlatformEvent(EventKind.SELLER_REFUSED.value, audited_at, status))
        return tuple(events)
    if state is CaseState.WITHDRAWN:
        events.append(PlatformEvent(EventKind.WITHDRAWN.value, processed_at, status))
        return tuple(events)
    if not audited:
        return tuple(events)  # 待审核 / 待客户反馈: the 审核 is still to come
    events.append(PlatformEvent(EventKind.SELLER_AGREED.value, audited_at))
    if kind in _RETURN_KINDS and state is not CaseState.AWAITING_RETURN:
        events.append(PlatformEvent(EventKind.BUYER_SHIPPED_RETURN.value, None))
        if state is not CaseState.RETURN_IN_TRANSIT:
            events.append(PlatformEvent(EventKind.SELLER_RECEIVED_RETURN.value, None))
    if state is CaseState.RESOLVED and kind not in _REFUND_KINDS:
        events.append(PlatformEvent(EventKind.RESHIPPED.value, processed_at, status))
    ending = {CaseState.REFUNDED: EventKind.REFUNDED, CaseState.CLOSED: EventKind.CLOSED}
    if state in ending:
        events.append(PlatformEvent(ending[state].value, processed_at, status))
    return tuple(events)


class JdServiceParser:
    """售后服务单 rows: one case each, keyed by 服务单号 and joined to orders on 订单号."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout

    def __call__(self, number: int, values: list[object]) -> ParsedRefund:
        field = "refund_no"
        try:
            refund_no = parse_order_no(self.layout.cell(values, field))
            field = "order_no"
            order_no = parse_jd_order_no(self.layout.cell(values, field))
            field = "expectation"
            kind = service_kind(normalize_status(self.layout.text(values, field)))
            if kind is None:
                raise CellError(UNKNOWN_EXPECTATION)
            field = "status"
            status = normalize_status(self.layout.text(values, field))
            word = service_status(status)
            if word is None:
                raise CellError(UNKNOWN_SERVICE_STATUS)
            state = service_state(word, kind)
            audited = not before_audit(word)
            field = "paid_fen"
            paid_fen = (
                parse_fen(self.layout.cell(values, field)) if self.layout.has(field) else None
            )
            field = "refund_fen"
            if self.layout.has(field):
                refund_fen = parse_fen(self.layout.cell(values, field))
            else:  # what the customer paid for the goods, when the money is what is asked
                refund_fen = (paid_fen or 0) if kind in _REFUND_KINDS else 0
            field = "applied_at"
            opened_at = parse_time(self.layout.cell(values, field))[0]
            if opened_at is None:
                raise CellError(NO_APPLIED_AT)
            field = "audited_at"
            audited_at = parse_time(self.layout.cell(values, field))[0]
            field = "processed_at"
            processed_at = parse_time(self.layout.cell(values, field))[0]
        except CellError as error:
            name = self.layout.column_name(field) if self.layout.has(field) else field
            raise RowError(name, self.layout.text(values, field), error.reason) from None
        reason = self.layout.text(values, "reason")
        description = self.layout.text(values, "description")
        if description == reason:
            description = ""
        events = service_events(
            state,
            kind,
            opened_at=opened_at,
            reason=reason,
            status=status,
            audited=audited,
            audited_at=audited_at,
            processed_at=processed_at,
        )
        return ParsedRefund(
            row=number,
            order_no=order_no,
            refund_no=refund_no,
            kind=kind.value,
            state=state.value,
            platform_status=status,
            refund_fen=refund_fen,
            opened_at=opened_at,
            closed_at=(processed_at or audited_at) if not state.is_open else None,
            platform_deadline=None,  # no deadline column is known
            reason=reason,
            description=description,
            title=self.layout.text(values, "title"),
            paid_fen=paid_fen,
            events=events,
            # a 服务单 (退换修) is for goods the customer has: the order was shipped
            order_state=OrderState.SHIPPED.value,
        )
