"""The one entry point. No sub-command opens the window; sub-commands script the desk.

Every sub-command takes --db PATH and --json. Exit codes: 0 success; 1 `verify` found a
changed file; 2 a usage error or input the user must fix (one line on stderr, nothing
changed); 3 `templates render` left gaps; 130 interrupted (Ctrl+C); 141 when the
reader of stdout stopped early (`| head`), quietly; 70 an internal error (a bug of ours):
one line on stderr naming the crash log written to the data folder's crash-logs/, never a
traceback. The command line never prompts.

Language: --lang (before the sub-command), else the store's setting once a command opens
the store, else zh-CN; never the terminal's locale. --help, usage and argparse's errors are
produced before any store is open, so they speak --lang, else zh-CN. JSON never changes
with the language.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from shopdesk import __version__, startup_gc
from shopdesk.commands.argparse_lang import argparse_messages
from shopdesk.commands.common import CommandError, fail
from shopdesk.crash_log import EXIT_INTERNAL, report_crash
from shopdesk.domain import messages
from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import Message, say, text
from shopdesk.domain.os_errors import REASONS, reason
from shopdesk.services.session import disk_errors, reader_gone

# One module per sub-command group; each has register(subparsers, parent).
COMMAND_MODULES = [
    "shopdesk.commands.demo",
    "shopdesk.commands.listing",
    "shopdesk.commands.importing",
    "shopdesk.commands.deadlines",
    "shopdesk.commands.templates",
    "shopdesk.commands.evidence",
    "shopdesk.commands.backup",
    "shopdesk.commands.check",
    "shopdesk.commands.export",
    "shopdesk.commands.orders_ship",
    "shopdesk.commands.insights",
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
    common.add_argument("--db", metavar="PATH", default=unset, help=text("cli.help.db"))
    common.add_argument(
        "--json",
        action="store_true",
        default=unset if for_subcommand else False,
        help=text("cli.help.json"),
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help texts in the current language (messages.language())."""
    common = _common_options(for_subcommand=True)
    parser = _Parser(
        prog="shopdesk", description=text("cli.help.shopdesk"), parents=[_common_options(False)]
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"ShopDesk {__version__}",
        help=text("cli.help.version"),
    )
    parser.add_argument("--demo", action="store_true", help=text("cli.help.demo_window"))
    # dest cli_lang: `templates render --lang` is a template's language, not this one
    parser.add_argument(
        "--lang", dest="cli_lang", choices=list(messages.LANGUAGES), help=text("cli.help.lang")
    )
    parser.add_argument("--smoke-test", action="store_true", help=text("cli.help.smoke_test"))
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    _name_sub_commands_by_their_choices(parser)
    return parser


def _name_sub_commands_by_their_choices(parser: argparse.ArgumentParser) -> None:
    """A missing or wrong sub-command is named {add,event,...} in messages, not by its
    internal dest (`case_command`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            action.metavar = action.metavar or "{" + ",".join(action.choices) + "}"
            for child in action.choices.values():
                _name_sub_commands_by_their_choices(child)


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
    except Exception as exc:
        if isinstance(exc, OSError) and reader_gone(exc):  # BrokenPipeError; EINVAL on Windows
            _discard_stdout()
            return EXIT_READER_GONE
        # A bug of ours: one line and a crash log, never a traceback.
        return report_crash(exc, ["shopdesk", *(sys.argv[1:] if argv is None else argv)])


assert EXIT_INTERNAL not in (0, 1, 2, 3, 130, EXIT_READER_GONE)


def path_problem(exc: OSError) -> str | None:
    """One line for an OSError about a path the seller named; None for anything else."""
    if exc.errno not in REASONS or exc.filename is None:
        return None
    return Message("cli.path_problem", path=exc.filename, reason=reason(exc))


def check_db_path(db: str | None) -> None:
    """A --db that cannot be a store file at all (a folder, a path under a file, a name
    longer than the file system allows) is refused before anything opens it."""
    if not db:
        return
    path = Path(db).expanduser()
    try:
        os.stat(path)
    except FileNotFoundError:
        return  # a new store (demo, import) or a typo: the command says which
    except OSError as exc:
        raise CommandError("cli.db_unusable", db=db, reason=reason(exc)) from None
    except ValueError:  # a NUL in the name
        raise CommandError("cli.db_unusable", db=db, reason=Message("os.einval")) from None
    if path.is_dir():
        raise CommandError("cli.db_is_folder", db=db, example=path / "shopdesk.db")


def _discard_stdout() -> None:
    """Point stdout at devnull (the Python docs' recipe for SIGPIPE), so the interpreter's
    own flush at exit does not fail again with a traceback-like warning on stderr."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (tests, embedding)
        pass


# argparse takes an option by an unambiguous prefix: --l, --la and --lan are --lang
_LANG_OPTION = ("--l", "--la", "--lan", "--lang")


def language_asked(argv: list[str]) -> str | None:
    """The --lang given before the sub-command, read before the parser is built (its help
    texts are in that language); None when there is none or it is not a language (argparse
    then says so, in zh-CN). The last one counts, as for argparse."""
    found = None
    tokens = iter(argv)
    for token in tokens:
        if token == "--" or not token.startswith("-"):
            break  # the sub-command: a --lang after it is not the top-level option
        name, equals, value = token.partition("=")
        if name in _LANG_OPTION:
            value = value if equals else next(tokens, "")
            found = value if value in messages.LANGUAGES else None
        elif name == "--db" and not equals:
            next(tokens, None)  # its PATH
    return found


def _dispatch(argv: list[str] | None) -> int:
    # --lang, else the store's setting (read when a command opens it), else zh-CN; never
    # the terminal's locale: a seller's scripts must not change language with it.
    messages.set_language(language_asked(sys.argv[1:] if argv is None else list(argv)))
    with argparse_messages():
        parser = build_parser()
        args = parser.parse_args(argv)
    messages.set_language(args.cli_lang)
    try:
        check_db_path(args.db)
        if args.command is None:
            if args.smoke_test:
                startup_gc.release()
                from shopdesk.smoke import run_smoke_test

                # build_parser() above imported every COMMAND_MODULES entry (hidden
                # imports of the frozen app): the smoke test runs two of them
                return run_smoke_test(args.cli_lang, (main, COMMAND_MODULES))
            from shopdesk.ui.app import run_app

            return run_app(db=args.db, demo=args.demo, lang=args.cli_lang)
        startup_gc.release()  # started: a command may make garbage by the million rows
        with disk_errors(getattr(args, "db", None) or messages.text("store.default_name")):
            return args.run(args) or 0
    except CommandError as exc:
        print(f"shopdesk: {say(exc)}", file=sys.stderr)
        return exc.code
    except ShopDeskError as exc:
        print(f"shopdesk: {say(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        problem = path_problem(exc)
        if problem is None:
            raise
        print(f"shopdesk: {say(problem)}", file=sys.stderr)
        return 2
