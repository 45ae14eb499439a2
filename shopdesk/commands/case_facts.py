"""`shopdesk case cause|money|inspect|outcome`: why a case happened, what it cost and how
it ended. Each writes one entry on the case's timeline; `--json` prints the updated case.
The command line never prompts."""

from __future__ import annotations

import re
import sys
from argparse import Namespace

from shopdesk.commands.arguments import input_file, record_id
from shopdesk.commands.common import CommandError, choices_help, emit, open_store, yuan
from shopdesk.commands.listing import case_document
from shopdesk.domain.labels import label, refuse_newer_case
from shopdesk.domain.messages import text
from shopdesk.domain.model import Cause, MoneyKind, Outcome, Responsibility
from shopdesk.domain.os_errors import reason
from shopdesk.domain.timeutil import as_china
from shopdesk.services import cases, paste_case
from shopdesk.services.paste_case import MAX_CHARS


def register_case_facts(actions, common) -> None:
    cause = actions.add_parser("cause", parents=[common], help=text("cli.help.case_cause"))
    cause.add_argument("case_id", metavar="CASE_ID", type=record_id)
    cause.add_argument("cause", metavar="CAUSE", help=choices_help(Cause))
    cause.add_argument("--note", default="", metavar="TEXT", help=text("cli.help.cause_note"))
    cause.add_argument(
        "--responsibility",
        metavar="PARTY",
        help=text("cli.help.cause_responsibility", choices=choices_help(Responsibility)),
    )
    cause.set_defaults(run=run_cause)

    money = actions.add_parser("money", parents=[common], help=text("cli.help.case_money"))
    money.add_argument("case_id", metavar="CASE_ID", type=record_id)
    money.add_argument("kind", metavar="KIND", help=choices_help(MoneyKind))
    money.add_argument("amount", metavar="AMOUNT", help=text("cli.help.money_amount"))
    direction = money.add_mutually_exclusive_group()
    direction.add_argument("--in", dest="incoming", action="store_true", default=None,
                           help=text("cli.help.money_in"))  # fmt: skip
    direction.add_argument("--out", dest="incoming", action="store_false",
                           help=text("cli.help.money_out"))  # fmt: skip
    money.add_argument("--note", default="", metavar="TEXT")
    money.add_argument(
        "--replaces",
        type=record_id,
        metavar="ENTRY_ID",
        help=text("cli.help.money_replaces"),
    )
    money.set_defaults(run=run_money)

    inspect = actions.add_parser("inspect", parents=[common], help=text("cli.help.case_inspect"))
    inspect.add_argument("case_id", metavar="CASE_ID", type=record_id)
    inspect.add_argument(
        "--line",
        action="append",
        required=True,
        metavar="N:GOOD:BAD[:restock]",
        help=text("cli.help.inspect_line"),
    )
    inspect.add_argument("--note", default="", metavar="TEXT")
    inspect.set_defaults(run=run_inspect)

    paste = actions.add_parser("paste", parents=[common], help=text("cli.help.case_paste"))
    paste.add_argument("file", metavar="FILE", help=text("cli.help.paste_file"))
    paste.set_defaults(run=run_paste)

    outcome = actions.add_parser("outcome", parents=[common], help=text("cli.help.case_outcome"))
    outcome.add_argument("case_id", metavar="CASE_ID", type=record_id)
    outcome.add_argument("outcome", metavar="OUTCOME", help=choices_help(Outcome))
    outcome.add_argument(
        "--ruling", default="", metavar="TEXT", help=text("cli.help.outcome_ruling")
    )
    outcome.add_argument("--note", default="", metavar="TEXT")
    outcome.set_defaults(run=run_outcome)


def facts_document(store, case_id: int) -> dict:
    case = store.get_case(case_id)
    facts = cases.derive_facts(case, store.events(case_id))
    document = case_document(case)
    document["money_entries"] = [
        {
            "id": entry.event_id or None,
            "kind": entry.kind,
            "fen": entry.fen,
            "direction": "out" if entry.out else "in",
            "at": as_china(entry.at) or None,
            "note": entry.note,
            "automatic": entry.automatic,
        }
        for entry in facts.entries
    ]
    document["inspection"] = [
        {"line": line.position, "good": line.good, "bad": line.bad, "restock": line.restock}
        for line in facts.inspected
    ]
    document["ruling"] = facts.ruling or None
    return document


def _summary(document: dict) -> str:
    money = document["money"]
    cause = label(Cause, document["cause"])
    key = "cli.facts.cause_open" if document["cause_question"] else "cli.facts.cause"
    lines = [
        text(key, id=document["id"], order=document["order_no"], cause=cause),
        text(
            "cli.facts.money",
            refund=yuan(money["refund_fen"]),
            compensation=yuan(money["compensation_fen"]),
            recovered=yuan(money["recovered_fen"]),
            net=yuan(money["net_cost_fen"]),
        ),
    ]
    if document["outcome"]:
        lines.append(text("cli.facts.outcome", outcome=label(Outcome, document["outcome"])))
    return "\n".join(lines)


def _emit(args: Namespace, store, case_id: int, extra: str = "") -> None:
    document = facts_document(store, case_id)
    emit(args, document, _summary(document) + (f"\n{extra}" if extra else ""))


def run_cause(args: Namespace) -> int:
    with open_store(args) as store:
        refuse_newer_case(store, args.case_id)
        cases.set_cause(
            store, args.case_id, args.cause, note=args.note, responsibility=args.responsibility
        )
        _emit(args, store, args.case_id)
    return 0


def run_money(args: Namespace) -> int:
    with open_store(args) as store:
        refuse_newer_case(store, args.case_id)
        cases.add_money(
            store,
            args.case_id,
            args.kind,
            args.amount,
            incoming=args.incoming,
            note=args.note,
            replaces=args.replaces,
        )
        _emit(args, store, args.case_id)
    return 0


_LINE = re.compile(r"^\s*(\d{1,4})\s*:\s*(\d{1,6})\s*:\s*(\d{1,6})\s*(?::\s*(restock)\s*)?$")


def _line(given: str) -> tuple[int, int, int, bool]:
    match = _LINE.match(given)
    if not match:
        raise CommandError("cli.facts.bad_line", line=given)
    return int(match[1]), int(match[2]), int(match[3]), bool(match[4])


def run_inspect(args: Namespace) -> int:
    lines = [_line(given) for given in args.line]
    with open_store(args) as store:
        refuse_newer_case(store, args.case_id)
        done = cases.record_inspection(store, args.case_id, lines, note=args.note)
        prompt = text("cli.facts.defective") if done.defective else ""
        _emit(args, store, args.case_id, prompt)
    return 0


def run_outcome(args: Namespace) -> int:
    with open_store(args) as store:
        refuse_newer_case(store, args.case_id)
        cases.set_outcome(store, args.case_id, args.outcome, args.ruling, args.note)
        _emit(args, store, args.case_id)
    return 0


def _pasted_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read(MAX_CHARS + 1)
    path = input_file(name)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CHARS * 4 + 1)
    except OSError as error:
        raise CommandError("cli.facts.cannot_read", path=path, reason=reason(error)) from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CommandError("cli.facts.not_text", path=path)


def run_paste(args: Namespace) -> int:
    pasted = _pasted_text(args.file)
    with open_store(args, create=True) as store:
        result = paste_case.case_from_paste(store, pasted)
        done = "cli.facts.pasted_new" if result.created else "cli.facts.pasted_deadline"
        _emit(args, store, result.case.id, text(done, id=result.case.id))
    return 0
