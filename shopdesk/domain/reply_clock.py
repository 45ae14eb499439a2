"""The shop's own reply clock (快速反应, the FAQ's first of seven steps): when the buyer
spoke last — on the timeline or in an imported chat — the seller's reply is due within
the shop's response target, counted in the shop's service hours. One setting, one
definition: the 待办 row and the 7-step checklist both read it from here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from shopdesk.domain import messages
from shopdesk.domain.case_states import effective_events
from shopdesk.domain.errors import InputError
from shopdesk.domain.model import REPLY_RULE_ID, EventKind, Party  # noqa: F401 - also reached from here
from shopdesk.domain.timeutil import from_text

TARGET_SETTING = "reply.target_minutes"
HOURS_SETTING = "reply.service_hours"
DEFAULT_MINUTES = 60
DEFAULT_HOURS = "09:00-23:00"

# The buyer speaks: asks, or asks again.
_BUYER = {EventKind.OPENED.value, EventKind.BUYER_MODIFIED.value}
# The seller answers: a reply, or a step that answers by itself.
_SELLER = {
    EventKind.REPLIED.value,
    EventKind.SELLER_AGREED.value,
    EventKind.SELLER_REFUSED.value,
    EventKind.RESHIPPED.value,
    EventKind.REFUNDED.value,
}

Contact = tuple[datetime, bool]  # (when, by the seller)


@dataclass(frozen=True)
class ReplyTarget:
    minutes: int = DEFAULT_MINUTES
    hours: tuple[time, time] = (time(9), time(23))

    def due(self, asked_at: datetime) -> datetime:
        from shopdesk.domain.rules import advance  # the business-window arithmetic

        return advance(asked_at, timedelta(minutes=self.minutes), (), self.hours)

    def describe(self) -> str:
        first, last = self.hours
        return messages.Message(
            "reply.describe", minutes=self.minutes, first=f"{first:%H:%M}", last=f"{last:%H:%M}"
        )


def parse_hours(text: str) -> tuple[time, time]:
    try:
        first, last = (time.fromisoformat(part.strip()) for part in str(text).split("-"))
    except ValueError:
        raise InputError("reply.hours_unreadable", hours=text) from None
    if first >= last:
        raise InputError("reply.hours_backwards", hours=text)
    return first, last


def reply_target(store) -> ReplyTarget:
    """The shop's response target (settings; 60 minutes in 09:00-23:00 by default)."""
    minutes = store.get_setting(TARGET_SETTING, DEFAULT_MINUTES)
    hours = store.get_setting(HOURS_SETTING, DEFAULT_HOURS)
    return target_from(minutes, hours)


def target_from(minutes, hours) -> ReplyTarget:
    """The target the two settings say (the defaults for what is missing or unreadable)."""
    minutes = DEFAULT_MINUTES if minutes is None else minutes
    hours = DEFAULT_HOURS if hours is None else hours
    try:
        return ReplyTarget(max(1, int(minutes)), parse_hours(hours))
    except (InputError, TypeError, ValueError):
        return ReplyTarget()


def set_reply_target(store, minutes: int, hours: str = DEFAULT_HOURS) -> ReplyTarget:
    if not 1 <= int(minutes) <= 24 * 60:
        raise InputError("reply.minutes_range")
    parse_hours(hours)
    store.set_setting(TARGET_SETTING, int(minutes))
    store.set_setting(HOURS_SETTING, hours)
    return reply_target(store)


def contacts(
    events: Iterable,
    messages: Iterable = (),
    now: datetime | None = None,
    *,
    timeline_asks: bool = True,
) -> list:
    """Who spoke when: the timeline's asks (unless `timeline_asks` is off) and answers,
    and every chat message."""
    found: list[Contact] = []
    for event in effective_events(events, now):
        if event.kind in _BUYER and timeline_asks:
            found.append((from_text(event.at), False))
        elif event.kind in _SELLER:
            found.append((from_text(event.at), True))
    for message in messages:
        if message.at:
            at = from_text(message.at)
            if now is None or at <= now:
                found.append((at, bool(message.is_seller)))
    return sorted(found, key=lambda c: c[0])


def waiting_since(found: Sequence[Contact]) -> datetime | None:
    """When the buyer's unanswered turn began (None: the seller spoke last)."""
    since: datetime | None = None
    for at, by_seller in found:
        if by_seller:
            since = None
        elif since is None:
            since = at
    return since


@dataclass(frozen=True)
class FirstReply:
    asked_at: datetime | None
    replied_at: datetime | None
    met: bool  # the first reply came within the target


def first_reply(found: Sequence[Contact], target: ReplyTarget) -> FirstReply:
    asked = next((at for at, by_seller in found if not by_seller), None)
    if asked is None:
        return FirstReply(None, None, False)
    replied = next((at for at, by_seller in found if by_seller and at >= asked), None)
    return FirstReply(asked, replied, replied is not None and replied <= target.due(asked))


def reply_deadline(case, found: Sequence[Contact], target: ReplyTarget):
    """The running reply clock of an open case, or None. `found` should come from
    `contacts(..., timeline_asks=False)`: the clock starts at the buyer's chat message,
    not at an imported request (whose reply the seller may have made in Qianniu)."""
    from shopdesk.domain.rules import Deadline

    since = waiting_since(found)
    if since is None:
        return None
    due = target.due(since)
    title = messages.names("clock.reply_title")
    return Deadline(
        rule_id=REPLY_RULE_ID,
        subject="case",
        order_id=case.order_id,
        order_no=case.order_no,
        case_id=case.id,
        platform=case.platform,
        party=Party.SELLER.value,
        due_at=due,
        basis="estimate",
        started_by="buyer_message",
        started_at=since,
        paused=(),
        source=messages.text("reply.source", "zh-CN", target=target.describe()),
        confidence="high",
        on_timeout=messages.names("reply.on_timeout"),
        title=title,
        rule_version="",
        estimate_due_at=due,
        source_kind="shop_setting",
    )
