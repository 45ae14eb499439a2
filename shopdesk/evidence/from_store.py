"""A case in the store as a PackageRequest, and packaging a case end to end (used by the
CLI and by the evidence panel's background task, each with its own Store)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from shopdesk.domain import messages
from shopdesk.domain.case_states import effective_events
from shopdesk.domain.evidence_checklist import checklist, numbered
from shopdesk.domain.model import EventKind, EvidenceKind
from shopdesk.evidence import profile_limits
from shopdesk.evidence.case_statement import build_statement
from shopdesk.evidence.package import Plan, build_package, plan_package
from shopdesk.evidence.packmodel import CaseFacts, Exhibit, PackageRequest, TimelineEntry
from shopdesk.evidence.profiles import Profile, get_profile
from shopdesk.store import evidence_repo
from shopdesk.store.store import Store


def default_statement(
    store: Store, case_id: int, profile_id: str = "", exhibits: Sequence | None = None
) -> str:
    """The statement when the seller gave none, built from the case (kind, cause, the
    buyer's reason, its timeline as a reviewer reads it) and from the evidence the package
    holds (`exhibits`, default: all of the case's), every claim naming its exhibit; cut to
    the destination's limit."""
    case = store.get_case(case_id)
    order = store.get_order(case.order_id)
    if exhibits is None:
        exhibits = evidence_repo.list_evidence(store, case_id)
    profile = profile_limits.get(store, profile_id) if profile_id else None  # as set in 设置
    return statement_for(case, order, store.events(case_id), exhibits, profile)


def statement_for(
    case, order, events: Sequence, exhibits: Sequence, profile: Profile | str | None = None
) -> str:
    """default_statement from what was read already (a case snapshot): no query. `profile`:
    the destination (or its id) whose text limit the statement keeps to."""
    if isinstance(profile, str):
        profile = get_profile(profile) if profile else None

    def fits(text: str) -> bool:
        if profile is None or not profile.text_limit:
            return True
        return profile.text_size(text) <= profile.text_limit

    steps = [(at, kind) for at, kind, _ in reviewer_steps(events)]
    return build_statement(case, order, numbered(exhibits), steps, fits)


def _label(kind: str) -> str:
    try:
        return EventKind(kind).label()
    except ValueError:
        return kind


# The seller's own bookkeeping: it stays in ShopDesk and never goes into a package.
BOOKKEEPING_EVENTS = frozenset({EventKind.NOTE.value, EventKind.REPLIED.value})
# The import's own remark on a step the export gave no time, as the store keeps it (zh-CN).
_UNDATED_NOTE = "case.state_without_time"


def reviewer_timeline(store: Store, case_id: int) -> tuple[TimelineEntry, ...]:
    """The case's history as a platform reviewer should read it: the steps as they stand
    (a retracted step and its correction are left out), the seller's notes and
    "replied with template ..." records left out, the platform's own words kept, and a
    step whose time the export did not give shown without a made-up time."""
    return tuple(
        TimelineEntry(at, _label(kind), note) for at, kind, note in _reviewer_steps(store, case_id)
    )


def _reviewer_steps(store: Store, case_id: int) -> list[tuple[str, str, str]]:
    return reviewer_steps(store.events(case_id))


def reviewer_steps(events: Sequence) -> list[tuple[str, str, str]]:
    """(UTC time or "", EventKind id, the platform's note) of `reviewer_timeline`."""
    entries = []
    for event in effective_events(events):
        if event.kind in BOOKKEEPING_EVENTS:
            continue
        at, note = event.at, ""
        if event.source == "platform":
            stamp = _data(event).get("export_stamp")
            if stamp and stamp == event.at:  # the import's time, not the platform's
                at = ""
            if event.note and not event.note.startswith(messages.text(_UNDATED_NOTE, "zh-CN")):
                note = event.note
        entries.append((at, event.kind, note))
    return entries


def _data(event) -> dict:
    """The `data` an event was recorded with ({} for none or a damaged value)."""
    try:
        data = json.loads(event.data or "{}")
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def case_facts(store: Store, case_id: int) -> CaseFacts:
    case = store.get_case(case_id)
    order = store.get_order(case.order_id)
    shop = store.get_shop(order.shop_id)
    timeline = reviewer_timeline(store, case_id)
    return CaseFacts(
        case_id=case.id,
        order_no=order.order_no,
        shop_name=shop.name,
        platform=order.platform,
        case_kind=case.kind,
        case_state=case.state,
        buyer_nick=order.buyer_nick,
        receiver_phone=order.receiver_phone,
        receiver_address=order.receiver_address,
        item_titles=order.item_titles,
        refund_fen=case.refund_fen,
        reason=case.reason,
        opened_at=case.opened_at,
        timeline=timeline,
    )


def case_exhibits(store: Store, case_id: int, only: list[int] | None = None) -> tuple[Exhibit, ...]:
    """The case's evidence (or the ids in `only`) as exhibits, each checked on disk."""
    exhibits = []
    for item in evidence_repo.list_evidence(store, case_id):
        if only is not None and item.id not in only:
            continue
        path = evidence_repo.check_stored(store, item)
        messages: tuple = ()
        if item.kind == EvidenceKind.CHAT.value:
            messages = tuple(evidence_repo.chat_messages(store, item.id))
        exhibits.append(
            Exhibit(
                kind=item.kind,
                file_name=item.file_name,
                path=path,
                sha256=item.sha256,
                bytes=item.bytes,
                mime=item.mime,
                caption=item.caption,
                captured_at=item.captured_at,
                messages=messages,
                evidence_id=item.id,
            )
        )
    return tuple(exhibits)


def request_for_case(
    store: Store,
    case_id: int,
    profile: Profile | str,
    *,
    mask: bool = False,
    as_zip: bool = False,
    statement: str | None = None,
    only: list[int] | None = None,
) -> PackageRequest:
    if isinstance(profile, str):
        profile = profile_limits.get(store, profile)  # with the limits set in 设置
    exhibits = case_exhibits(store, case_id, only)
    if statement is None:
        statement = default_statement(store, case_id, profile.id, exhibits)
    return PackageRequest(
        facts=case_facts(store, case_id),
        exhibits=exhibits,
        statement=statement,
        profile=profile,
        mask=mask,
        as_zip=as_zip,
        missing=missing_required(store.get_case(case_id).kind, exhibits),
    )


def missing_required(case_kind: str, exhibits) -> tuple[tuple[str, str], ...]:
    """(kind, why) of each required kind of evidence none of `exhibits` is."""
    present = [e.kind for e in exhibits]
    return tuple(
        (str(item.kind), item.why)
        for item in checklist(case_kind, present)
        if item.required and item.missing
    )


@dataclass(frozen=True)
class PackResult:
    plan: Plan
    package: Path | None


def pack_case(
    store_path: Path,
    case_id: int,
    profile: Profile | str,
    out_dir: Path,
    *,
    mask: bool = False,
    as_zip: bool = False,
    statement: str | None = None,
    only: list[int] | None = None,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> PackResult:
    """Plan and (when everything fits) build a case's package. Opens its own Store, so it
    can run on a worker thread. Progress: planning is the first half, writing the second."""
    with Store.open(store_path) as store:
        request = request_for_case(
            store, case_id, profile, mask=mask, as_zip=as_zip, statement=statement, only=only
        )

    def planning(done: int, total: int) -> None:
        on_progress(done, 2 * max(total, 1))

    plan = plan_package(request, planning, cancelled)
    if not plan.fits:
        return PackResult(plan, None)

    def writing(done: int, total: int) -> None:
        on_progress(max(total, 1) + done, 2 * max(total, 1))

    package = build_package(plan, out_dir, writing, cancelled)
    return PackResult(plan, package)
