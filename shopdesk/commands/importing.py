"""`shopdesk import FILE...`: import platform exports (all files in one transaction)."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from shopdesk.commands.arguments import input_file
from shopdesk.commands.common import emit, open_store, store_path
from shopdesk.domain.messages import text
from shopdesk.domain.timeutil import now_utc
from shopdesk.services import platforms
from shopdesk.services.imports import ImportReport, import_exports
from shopdesk.services.safety import refuse_store_source


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help=text("cli.help.import"),
        description=text("cli.help.import_description"),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help=text("cli.help.import_files"))
    parser.add_argument("--shop", metavar="NAME", help=text("cli.help.import_shop"))
    parser.set_defaults(run=run_import)


def report_text(report: ImportReport) -> str:
    """The report in the command line's language (the rows' own columns and values as the
    file writes them)."""
    lines = []
    for file in report.files:
        lines.append(
            text(
                "cli.import.file",
                file=Path(file.path).name,
                title=_title(file),
                rows=file.rows,
                added=file.added,
                updated=file.updated,
                unchanged=file.unchanged,
                skipped=len(file.skipped),
                merged=file.merged,
            )
        )
        for problem in [*file.skipped, *file.cleared]:
            lines.append(
                text(
                    "cli.import.problem",
                    where=text("cli.import.row", row=problem.row)
                    if problem.row is not None
                    else "",
                    column=f" {problem.column}" if problem.column else "",
                    value=f"“{problem.value}”" if problem.value else "",
                    reason=problem.reason,
                )
            )
    return "\n".join(lines)


def _title(file) -> str:
    return platforms.export_title(file.platform, file.kind)


def run_import(args: Namespace) -> int:
    for file in args.files:
        refuse_store_source(input_file(file), store_path(args))
    with open_store(args, create=True) as store:
        report, _ = import_exports(store, args.files, now=now_utc(), shop=args.shop)
    emit(args, report.as_dict(), report_text(report))
    return 0
