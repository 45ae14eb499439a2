"""`shopdesk case add|event|undo|deadline` and `shopdesk due`: after-sales cases on the
command line and every open platform clock. TIME is ISO-8601, China time without offset."""

from __future__ import annotations

from argparse import Namespace

from shopdesk.commands.arguments import hours, record_id, user_time
from shopdesk.commands.case_facts import register_case_facts
from shopdesk.commands.common import CommandError, choices_help, emit, open_store
from shopdesk.commands.listing import case_document
from shopdesk.commands.scope import add_scope_arguments, shop_ids
from shopdesk.domain import messages
from shopdesk.domain.countdown import countdown
from shopdesk.domain.labels import label, refuse_newer_case
from shopdesk.domain.messages import text
from shopdesk.domain.model import CaseKind, EventKind, Party
from shopdesk.domain.rules import Deadline
from shopdesk.domain.timeutil import as_china, now_utc, to_text
from shopdesk.services import cases, platforms
from shopdesk.services.clocks import deadlines_for_case, open_deadlines


def register(subparsers, common) -> None:
    case = subparsers.add_parser("case", parents=[common], help=text("cli.help.case"))
    actions = case.add_subparsers(dest="case_command", required=True)

    add = actions.add_parser("add", parents=[common], help=text("cli.help.case_add"))
    add.add_argument("order_no", metavar="ORDER_NO")
    add.add_argument("--platform", choices=platforms.ids(), help=text("cli.help.case_add_platform"))
    add.add_argument("--kind", required=True, metavar="KIND", help=choices_help(CaseKind))
    add.add_argument("--at", metavar="TIME", help=text("cli.help.case_add_at"))
    add.add_argument("--reason", default="", metavar="TEXT", help=text("cli.help.case_add_reason"))
    add.set_defaults(run=run_case_add)

    register_case_facts(actions, common)

    event = actions.add_parser("event", parents=[common], help=text("cli.help.case_event"))
    event.add_argument("case_id", metavar="CASE_ID", type=record_id)
    event.add_argument("event", metavar="EVENT", help=choices_help(EventKind))
    event.add_argument("--at", metavar="TIME", help=text("cli.help.event_at"))
    event.add_argument("--note", default="", metavar="TEXT")
    event.set_defaults(run=run_case_event)

    deadline = actions.add_parser("deadline", parents=[common], help=text("cli.help.case_deadline"))
    deadline.add_argument("case_id", metavar="CASE_ID", type=record_id)
    deadline.add_argument("time", metavar="TIME", help=text("cli.help.deadline_time"))
    deadline.set_defaults(run=run_case_deadline)

    due = subparsers.add_parser("due", parents=[common], help=text("cli.help.due"))
    due.add_argument("--now", metavar="TIME", help=text("cli.help.due_now"))
    due.add_argument("--within", type=hours, metavar="HOURS", help=text("cli.help.due_within"))
    due.add_argument("--party", choices=["seller", "buyer", "all"], default="all")
    due.add_argument(
        "--all",
        action="store_true",
        dest="waiting",
        help=text("cli.help.due_all"),
    )
    add_scope_arguments(due, "cli.scope.what.deadlines")
    due.set_defaults(run=run_due)


def _time(given: str | None, what: str, *, happened: bool = True):
    return user_time(given, what, happened=happened)


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
        "countdown": _countdown(deadline, now, "zh-CN"),  # JSON: the same in every language
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


def _countdown(deadline: Deadline, now, language: str) -> str:
    if deadline.due_at:
        return countdown(deadline.due_at, now, language).text
    key = "cli.due.unknown_length" if deadline.unknown_length else "cli.due.paused"
    return text(key, language)


def _basis(deadline: Deadline) -> str:
    return text(
        "cli.due.basis_platform" if deadline.basis == "platform" else "cli.due.basis_estimated"
    )


def _case_output(store, case_id: int, now) -> tuple[dict, str]:
    """The case's document (with its open clocks) and the same as a seller reads it."""
    case = store.get_case(case_id)
    document = case_document(case)
    found = deadlines_for_case(store, case, now)
    document["deadlines"] = [deadline_document(d, now) for d in found]
    return document, _case_text(document, found, now)


def _case_text(document: dict, found: list[Deadline], now) -> str:
    """In the command line's language (the JSON document's clocks are zh-CN)."""
    language = messages.language()
    lines = [
        f"#{document['id']}  {document['order_no']}  {document['kind_label']}  "
        f"{document['state_label']}"
    ]
    for d in found:
        lines.append(
            text(
                "cli.due.case_line",
                title=d.title_in(language),
                countdown=_countdown(d, now, language),
                due=as_china(to_text(d.due_at)) if d.due_at else None,
                basis=_basis(d),
            )
        )
    return "\n".join(lines)


def run_case_add(args: Namespace) -> int:
    kind = _parse(CaseKind, args.kind)
    at = _time(args.at, "--at")
    now = max(at, now_utc())
    with open_store(args) as store:
        order = store.order_by_no(args.order_no, args.platform)
        case, _ = cases.open_case(store, order.id, kind.value, at, reason=args.reason, now=now)
        document, shown = _case_output(store, case.id, now)
    emit(args, document, shown)
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
        document, shown = _case_output(store, args.case_id, now)
        document["event"] = {
            "id": event.id,
            "kind": event.kind,
            "at": as_china(event.at),
            "note": event.note,
            "retracts": event.retracts,
        }
    emit(args, document, shown)
    return 0


def run_case_deadline(args: Namespace) -> int:
    due = None if args.time.strip().lower() == "none" else _time(args.time, "TIME", happened=False)
    now = now_utc()
    with open_store(args) as store:
        refuse_newer_case(store, args.case_id)
        cases.set_platform_deadline(store, args.case_id, due, now=now)
        document, shown = _case_output(store, args.case_id, now)
    emit(args, document, shown)
    return 0


def _in_scope(store, found: list[Deadline], args: Namespace) -> list[Deadline]:
    """The deadlines of --platform and --shop's orders (and of their cases)."""
    if args.platform:
        found = [d for d in found if d.platform == args.platform]
    shops = shop_ids(store, args)
    if shops is None or not found:
        return found
    kept = store.orders_in_shops(shops, sorted({d.order_id for d in found}))
    return [d for d in found if d.order_id in kept]


def run_due(args: Namespace) -> int:
    now = _time(args.now, "--now", happened=False)
    with open_store(args) as store:
        found = open_deadlines(store, now, args.party, args.within, waiting=args.waiting)
        found = _in_scope(store, found, args)
    documents = [deadline_document(d, now) for d in found]
    language = messages.language()
    lines = [
        f"{_countdown(d, now, language):<12} {label(Party, d.party)}  {d.title_in(language)}  "
        f"{d.order_no}{'  #' + str(d.case_id) if d.case_id else ''}  {_basis(d)}"
        for d in found
    ]
    emit(args, documents, "\n".join(lines) or text("cli.due.none"))
    return 0
