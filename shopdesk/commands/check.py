"""`shopdesk check`: verify the store and every evidence file, and name the cases a
problem touches. Exit 0 when all is well, 1 when something was found, 2 for a path to fix.
Reads only; safe beside an open window."""

from __future__ import annotations

from argparse import Namespace

from shopdesk.commands.common import CommandError, emit, store_path
from shopdesk.domain.messages import Message, say, text
from shopdesk.services.safety import CheckReport, check_store, default_backup_dir, list_backups

EXIT_FOUND = 1


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "check",
        parents=[common],
        help=text("cli.help.check"),
        description=text("cli.help.check_description"),
    )
    parser.set_defaults(run=run_check)


def run_check(args: Namespace) -> int:
    path = store_path(args)
    if not path.exists():
        raise CommandError("cli.check.no_store", path=path)
    report = check_store(path)
    emit(args, report.to_json(), describe(report))
    return 0 if report.ok else EXIT_FOUND


def describe(report: CheckReport) -> str:
    """The report as a seller reads it, in the command line's language."""
    lines = [text("cli.check.title", db=report.db)]
    if report.store_problems:
        lines.append(text("cli.check.store_problems", n=len(report.store_problems)))
        lines += [f"  {say(problem)}" for problem in report.store_problems]
    else:
        lines.append(text("cli.check.store_ok"))
    if report.foreign_key_problems:
        lines.append(text("cli.check.reference_problems", n=len(report.foreign_key_problems)))
        lines += [f"  {say(problem)}" for problem in report.foreign_key_problems]
    bad = report.evidence_problems
    if bad:
        lines.append(
            text("cli.check.evidence_problems", checked=report.evidence_checked, n=len(bad))
        )
        for item in bad:
            where = (
                text("cli.check.case", case=item.case_id, order=item.order_no or "—")
                if item.case_id is not None
                else text("cli.check.unused")
            )
            name = item.file_name or text("cli.check.no_file_name")
            lines.append(f"  {where} · {name} · {say(item.text)} · SHA-256 {item.sha256}")
    else:
        lines.append(text("cli.check.evidence_ok", checked=report.evidence_checked))
    affected = report.affected_cases()
    if affected:
        names = [
            Message("cli.check.affected_case", case=c.case_id, order=c.order_no or "—")
            for c in affected
        ]
        lines.append(text("cli.check.affected", cases=names))
        lines.append(text("cli.check.repair"))
    if report.store_problems or report.foreign_key_problems:
        backups = list_backups(default_backup_dir(report.db))
        if backups:
            lines.append(text("cli.check.restore_latest", backup=backups[0].path))
        else:
            lines.append(text("cli.check.restore"))
    if report.ok:
        lines.append(text("cli.check.all_ok"))
    return "\n".join(lines)
