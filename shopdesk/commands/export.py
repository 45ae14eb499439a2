"""`shopdesk export orders|cases|due --format csv|xlsx --out FILE`."""

from __future__ import annotations

from argparse import Namespace

from shopdesk.commands.common import emit, open_store, store_path
from shopdesk.domain.messages import text
from shopdesk.domain.timeutil import now_utc
from shopdesk.services.safety import FORMATS, KINDS, check_target, export


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help=text("cli.help.export"),
        description=text("cli.help.export_description"),
    )
    parser.add_argument("what", choices=KINDS, help=text("cli.help.export_what"))
    parser.add_argument("--format", choices=FORMATS, help=text("cli.help.export_format"))
    parser.add_argument("--out", required=True, metavar="FILE", help=text("cli.help.export_out"))
    parser.set_defaults(run=run_export)


def run_export(args: Namespace) -> int:
    check_target(args.out, store_path(args), args.format)  # before the store is opened
    with open_store(args, up_to_date=True) as store:
        result = export(store, args.what, args.out, now_utc(), fmt=args.format)
    emit(
        args,
        {"path": str(result.path), "rows": result.rows, "what": args.what},
        text("cli.export.done", n=result.rows, path=result.path),
    )
    return 0
