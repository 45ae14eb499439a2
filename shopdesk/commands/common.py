"""What every sub-command shares: opening the store, printing, failing with one line."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, NoReturn

from shopdesk.domain import messages, paths
from shopdesk.domain.messages import Message, is_key, say
from shopdesk.services.session import Store, path_exists


class CommandError(Exception):
    """A reason for the user, printed as one line on stderr with its exit code: plain
    text, or a catalogue key and its parameters (printed in the command line's language)."""

    def __init__(self, message: str, code: int = 2, **params: Any):
        if params or is_key(message):
            message = message if isinstance(message, Message) else Message(message, **params)
        super().__init__(message)
        self.message = message
        self.code = code


def fail(message: str, code: int = 2) -> NoReturn:
    print(message, file=sys.stderr)
    raise SystemExit(code)


def store_path(args: Namespace) -> Path:
    return Path(args.db).expanduser() if args.db else paths.default_store_path()


def open_store(args: Namespace, *, create: bool = False, up_to_date: bool = False) -> Store:
    """The store --db names (else the seller's own). A --db file that does not exist is a
    typo unless the command makes data (`create`): refused, rather than answering from a
    new empty store. `up_to_date`: the cached deadlines caught up first, as the window
    does, for commands that list them."""
    path = store_path(args)
    if args.db and not create and not path_exists(path):
        raise CommandError("cli.no_store", path=path)
    store = Store.open(path, on_wait=_status_line)
    if getattr(args, "cli_lang", None) is None:  # no --lang: the store's setting, else zh-CN
        messages.set_language(store.get_setting(messages.STORE_SETTING))
    if store.set_aside_wal is not None:
        _status_line(Message("cli.wal_set_aside", store=path.name, kept=store.set_aside_wal.name))
    if up_to_date and not store.read_only:  # a read-only store lists what it has
        from shopdesk.services.clocks import bring_up_to_date

        bring_up_to_date(store)
    return store


def _status_line(text: str) -> None:
    """Why the command waits (or what it set aside), on stderr: stdout stays the result."""
    print(f"shopdesk: {say(text)}", file=sys.stderr, flush=True)


def emit(args: Namespace, document: Any, text: str | None = None) -> None:
    """One JSON document on stdout with --json, else the human text."""
    if args.json:
        json.dump(_plain(document), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif text is not None:
        print(text)


def _plain(value: Any) -> Any:
    if is_dataclass(value):
        return asdict(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def choices_help(enum) -> str:
    """A help text naming an enum's ids with their names in the current language:
    `refund_unshipped（仅退款（未发货））、...` / `refund_unshipped (Refund only ...), ...`."""
    language = messages.language()
    named = [Message("word.parse.choice", id=m.value, name=m.label(language)) for m in enum]
    return messages.joined(named).replace("%", "%%")  # argparse formats help with %


def semicolons(items) -> str:
    """Reasons one after another as the current language writes them (甲；乙 / a; b)."""
    return messages.text("cli.semicolon").join(str(say(item)) for item in items)


def yuan(fen: int) -> str:
    return f"{fen / 100:.2f}"
