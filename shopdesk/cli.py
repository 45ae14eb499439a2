"""The one entry point. No sub-command opens the window; sub-commands script the desk.

Every sub-command takes --db PATH and --json. Exit codes: 0 success; 2 a usage error or
input the user must fix (one line on stderr); 141 when the reader of stdout stopped early
(`| head`), quietly; other codes only where a command says so.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from shopdesk import __version__
from shopdesk.commands.common import CommandError, fail
from shopdesk.core.errors import ShopDeskError
from shopdesk.core.safeio import disk_errors
from shopdesk.core.winsafe import reader_gone

# One module per sub-command group; each has register(subparsers, parent).
COMMAND_MODULES = [
    "shopdesk.commands.demo",
    "shopdesk.commands.listing",
    "shopdesk.commands.importing",
    "shopdesk.commands.deadlines",
    "shopdesk.commands.templates",
    "shopdesk.commands.evidence",
    "shopdesk.commands.backup",
    "shopdesk.commands.export",
    "shopdesk.commands.orders_ship",
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as for any input to fix
        fail(f"{self.prog}: {message}")


def _common_options(for_subcommand: bool) -> argparse.ArgumentParser:
    """--db and --json, taken before or after the sub-command (`shopdesk --db X cases` and
    `shopdesk cases --db X`): a sub-command's own copies have no default, so they do not
    overwrite what was given before it."""
    unset = argparse.SUPPRESS if for_subcommand else None
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", default=unset, help="店铺数据文件（默认：用户数据目录）"
    )
    common.add_argument(
        "--json",
        action="store_true",
        default=unset if for_subcommand else False,
        help="以 JSON 输出",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(for_subcommand=True)
    parser = _Parser(
        prog="shopdesk", description="ShopDesk 售后工作台", parents=[_common_options(False)]
    )
    parser.add_argument("--version", action="version", version=f"ShopDesk {__version__}")
    parser.add_argument("--demo", action="store_true", help="打开演示店铺")
    parser.add_argument("--lang", choices=["zh-CN", "zh-TW", "en"], help="界面语言")
    parser.add_argument(
        "--smoke-test", action="store_true", help="在临时店铺上自检并退出（输出 ok）"
    )
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


# A reader that stops early (`shopdesk orders --json | head`) closes the pipe: the exit
# status a POSIX tool killed by SIGPIPE reports (128 + 13), which shells and `set -o
# pipefail` scripts already read as "the reader went away", not as a failure of ours.
EXIT_READER_GONE = 141


def main(argv: list[str] | None = None) -> int:
    try:
        try:
            return _dispatch(argv)
        finally:  # buffered output meets a closed pipe here, not at interpreter exit
            if sys.stdout is not None:  # None in the windowed (no console) build
                sys.stdout.flush()
    except OSError as exc:  # BrokenPipeError; EINVAL on Windows
        if not reader_gone(exc):
            raise
        _discard_stdout()
        return EXIT_READER_GONE


def _discard_stdout() -> None:
    """Point stdout at devnull (the Python docs' recipe for SIGPIPE), so the interpreter's
    own flush at exit does not fail again with a traceback-like warning on stderr."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (tests, embedding)
        pass


def _dispatch(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            if args.smoke_test:
                from shopdesk.smoke import run_smoke_test

                return run_smoke_test()
            from shopdesk.ui.app import run_app

            return run_app(db=args.db, demo=args.demo, lang=args.lang)
        with disk_errors(getattr(args, "db", None) or "店铺数据"):  # disk full / read-only
            return args.run(args) or 0
    except CommandError as exc:
        print(f"shopdesk: {exc}", file=sys.stderr)
        return exc.code
    except ShopDeskError as exc:
        print(f"shopdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
