"""Small builders for orders, cases and events in China time, for the rules tests."""

from __future__ import annotations

from datetime import datetime

from shopdesk.domain.model import Case, Event, Order
from shopdesk.domain.timeutil import CHINA, to_text


def cn(text: str) -> datetime:
    """A China-time instant from 'YYYY-MM-DD HH:MM[:SS]'."""
    return datetime.fromisoformat(text).replace(tzinfo=CHINA)


def order(state: str = "paid", *, paid=None, shipped=None, success=None, platform="taobao"):
    return Order(
        id=1,
        shop_id=1,
        platform=platform,
        order_no="3001",
        buyer_nick="tb_buyer",
        status="",
        state=state,
        paid_at=to_text(cn(paid)) if paid else None,
        shipped_at=to_text(cn(shipped)) if shipped else None,
        confirmed_at=to_text(cn(success)) if success else None,
    )


def case(kind: str = "refund_unshipped", *, case_id=7, reason="", platform="taobao", **more):
    return Case(
        id=case_id,
        order_id=1,
        order_no="3001",
        platform=platform,
        kind=kind,
        state="awaiting_seller",
        reason=reason,
        **more,
    )


class Timeline:
    """Events with increasing ids: `t.add("opened", "2026-11-20 10:00")`."""

    def __init__(self, case_id: int = 7):
        self.case_id = case_id
        self.events: list[Event] = []

    def add(self, kind: str, at: str, retracts: int | None = None) -> Event:
        event = Event(
            id=len(self.events) + 1,
            case_id=self.case_id,
            kind=kind,
            at=to_text(cn(at)),
            retracts=retracts,
        )
        self.events.append(event)
        return event
