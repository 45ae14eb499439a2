"""`shopdesk backup` and `shopdesk restore`: copies of the store and its evidence files."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from shopdesk.commands.common import emit, store_path
from shopdesk.domain.messages import text
from shopdesk.domain.timeutil import now_utc
from shopdesk.services.safety import (
    make_backup,
    refuse_store_source,
    refuse_store_target,
    restore_backup,
)


def register(subparsers, common) -> None:
    backup = subparsers.add_parser("backup", parents=[common], help=text("cli.help.backup"))
    backup.add_argument("--to", metavar="DIR", help=text("cli.help.backup_to"))
    backup.set_defaults(run=run_backup)
    restore = subparsers.add_parser("restore", parents=[common], help=text("cli.help.restore"))
    restore.add_argument("backup", metavar="BACKUP", help=text("cli.help.restore_backup"))
    restore.set_defaults(run=run_restore)


def run_backup(args: Namespace) -> int:
    to = refuse_store_target(args.to, store_path(args), backups_root_ok=True) if args.to else None
    folder = make_backup(store_path(args), now_utc(), to=to)
    emit(args, {"backup": str(folder)}, str(folder))
    return 0


def run_restore(args: Namespace) -> int:
    path = store_path(args)
    refuse_store_source(args.backup, path)
    safety = restore_backup(Path(args.backup), path, now_utc())
    document = {"db": str(path), "restored_from": args.backup, "previous": str(safety or "")}
    lines = [text("cli.restore.done", backup=args.backup, path=path)]
    if safety:
        lines.append(text("cli.restore.kept", safety=safety))
    emit(args, document, "\n".join(lines))
    return 0
