"""`shopdesk case add|event|undo|deadline` and `shopdesk due`: after-sales cases on the
command line and every open platform clock. TIME is ISO-8601, China time without offset."""

from __future__ import annotations

import json
from argparse import Namespace

from shopdesk.commands.arguments import hours, record_id, user_time
from shopdesk.commands.case_facts import register_case_facts
from shopdesk.commands.common import CommandError, emit, open_store
from shopdesk.commands.listing import case_document
from shopdesk.commands.scope import add_scope_arguments, shop_ids
from shopdesk.core.countdown import countdown
from shopdesk.core.deadlines_repo import (
    deadlines_for_case,
    open_deadlines,
)
from shopdesk.core.labels import label, refuse_newer_case
from shopdesk.core.model import CaseKind, EventKind, Party
from shopdesk.core.rules import Deadline
from shopdesk.core.timeutil import as_china, now_utc, to_text
from shopdesk.platforms import registry
from shopdesk.services import cases


def register(subparsers, common) -> None:
    case = subparsers.add_parser("case", parents=[common], help="记录售后单与时间线")
    actions = case.add_subparsers(dest="case_command", required=True)

    add = actions.add_parser("add", parents=[common], help="为订单新建售后单")
    add.add_argument("order_no", metavar="ORDER_NO")
    add.add_argument(
        "--platform", choices=registry.ids(), help="订单号在多个平台都有时指明是哪个平台的"
    )
    add.add_argument("--kind", required=True, metavar="KIND", help=_ids(CaseKind))
    add.add_argument("--at", metavar="TIME", help="买家申请时间（默认：现在）")
    add.add_argument("--reason", default="", metavar="TEXT", help="申请原因")
    add.set_defaults(run=run_case_add)

    register_case_facts(actions, common)

    event = actions.add_parser("event", parents=[common], help="在时间线上记录一件事")
    event.add_argument("case_id", metavar="CASE_ID", type=record_id)
    event.add_argument("event", metavar="EVENT", help=_ids(EventKind))
    event.add_argument("--at", metavar="TIME", help="发生时间（默认：现在）")
    event.add_argument("--note", default="", metavar="TEXT")
    event.set_defaults(run=run_case_event)

    deadline = actions.add_parser("deadline", parents=[common], help="录入平台显示的截止时间")
    deadline.add_argument("case_id", metavar="CASE_ID", type=record_id)
    deadline.add_argument("time", metavar="TIME", help="平台截止时间；none 清除")
    deadline.set_defaults(run=run_case_deadline)

    due = subparsers.add_parser("due", parents=[common], help="列出所有未到期和已超时的时限")
    due.add_argument("--now", metavar="TIME", help="按此时刻计算（默认：现在）")
    due.add_argument("--within", type=hours, metavar="HOURS", help="只列出 HOURS 小时内到期的")
    due.add_argument("--party", choices=["seller", "buyer", "all"], default="all")
    due.add_argument(
        "--all",
        action="store_true",
        dest="waiting",
        help="也列出暂停中和时长未知的时限（due_at 为 null，附原因）",
    )
    add_scope_arguments(due, "时限")
    due.set_defaults(run=run_due)


def _ids(enum) -> str:
    return enum.choices().replace("%", "%%")  # argparse formats help with %


def _time(text: str | None, what: str, *, happened: bool = True):
    return user_time(text, what, happened=happened)


def _parse(enum, text: str):
    try:
        return enum.parse(text)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def deadline_document(deadline: Deadline, now) -> dict:
    return {
        "subject": deadline.subject,
        "order_no": deadline.order_no,
        "case_id": deadline.case_id,
        "platform": deadline.platform,
        "rule": deadline.rule_id,
        "title": deadline.title_in(),
        "party": deadline.party,
        "due_at": as_china(to_text(deadline.due_at)) if deadline.due_at else None,
        "basis": deadline.basis,
        "countdown": countdown(deadline.due_at, now).text
        if deadline.due_at
        else ("时长未知" if deadline.unknown_length else "已暂停"),
        "started_by": deadline.started_by,
        "started_at": as_china(to_text(deadline.started_at)),
        "paused": [
            [as_china(to_text(a)), as_china(to_text(b)) if b else None] for a, b in deadline.paused
        ],
        "on_timeout": deadline.on_timeout_in(),
        "source": deadline.source,
        "confidence": deadline.confidence,
        "rule_version": deadline.rule_version,
        "source_kind": deadline.source_kind,
        "start_estimated": deadline.start_estimated,
        "calendar_estimated": deadline.calendar_estimated,
        "is_paused": deadline.is_paused,
        "no_due_reason": deadline.no_due_reason() or None,
    }


def _case_output(store, case_id: int, now) -> dict:
    case = store.get_case(case_id)
    document = case_document(case)
    document["deadlines"] = [
        deadline_document(d, now) for d in deadlines_for_case(store, case, now)
    ]
    return document


def _case_text(document: dict) -> str:
    lines = [
        f"#{document['id']}  {document['order_no']}  {document['kind_label']}  "
        f"{document['state_label']}"
    ]
    for d in document["deadlines"]:
        basis = "平台" if d["basis"] == "platform" else "估算"
        lines.append(f"  {d['title']}  {d['countdown']}  截止 {d['due_at']}（{basis}）")
    return "\n".join(lines)


def run_case_add(args: Namespace) -> int:
    kind = _parse(CaseKind, args.kind)
    at = _time(args.at, "--at")
    now = max(at, now_utc())
    with open_store(args) as store:
        order = store.order_by_no(args.order_no, args.platform)
        case, _ = cases.open_case(store, order.id, kind.value, at, reason=args.reason, now=now)
        document = _case_output(store, case.id, now)
    emit(args, document, _case_text(document))
    return 0


def run_case_event(args: Namespace) -> int:
    kind = _parse(EventKind, args.event)
    at = _time(args.at, "--at")
    now = max(at, now_utc())
    with open_store(args) as store:
        refuse_newer_case(store, args.case_id)
        if kind == EventKind.CORRECTION:
            event, _ = cases.undo_last_step(store, args.case_id, now=now)
        else:
            event, _ = cases.record_step(store, args.case_id, kind.value, at, args.note, now=now)
        document = _case_output(store, args.case_id, now)
        document["event"] = {
            "id": event.id,
            "kind": event.kind,
            "at": as_china(event.at),
            "note": event.note,
            "retracts": event.retracts,
        }
    emit(args, document, _case_text(document))
    return 0


def run_case_deadline(args: Namespace) -> int:
    due = None if args.time.strip().lower() == "none" else _time(args.time, "TIME", happened=False)
    now = now_utc()
    with open_store(args) as store:
        refuse_newer_case(store, args.case_id)
        cases.set_platform_deadline(store, args.case_id, due, now=now)
        document = _case_output(store, args.case_id, now)
    emit(args, document, _case_text(document))
    return 0


def _in_scope(store, found: list[Deadline], args: Namespace) -> list[Deadline]:
    """The deadlines of --platform and --shop's orders (and of their cases)."""
    if args.platform:
        found = [d for d in found if d.platform == args.platform]
    shops = shop_ids(store, args)
    if shops is None or not found:
        return found
    orders = sorted({d.order_id for d in found})
    marks = ", ".join("?" for _ in shops)
    kept = {
        row[0]
        for row in store.db.execute(
            f"SELECT id FROM orders WHERE shop_id IN ({marks}) AND id IN "
            "(SELECT value FROM json_each(?))",
            [*sorted(shops), json.dumps(orders)],
        )
    }
    return [d for d in found if d.order_id in kept]


def run_due(args: Namespace) -> int:
    now = _time(args.now, "--now", happened=False)
    with open_store(args) as store:
        found = open_deadlines(store, now, args.party, args.within, waiting=args.waiting)
        found = _in_scope(store, found, args)
    documents = [deadline_document(d, now) for d in found]
    lines = [
        f"{d['countdown']:<12} {label(Party, d['party'])}  {d['title']}  "
        f"{d['order_no']}{'  #' + str(d['case_id']) if d['case_id'] else ''}  "
        f"{'平台' if d['basis'] == 'platform' else '估算'}"
        for d in documents
    ]
    emit(args, documents, "\n".join(lines) or "（没有待办时限）")
    return 0
