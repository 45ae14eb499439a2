"""argparse's own messages (usage, help, missing or unknown arguments, invalid choices) in
the command line's language: argparse asks gettext for each of them at the moment it
formats one, so the catalogue's texts (resources/messages/cli_argparse.toml, written with
argparse's %-placeholders) are put in its place while the command line is parsed."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from shopdesk.domain import messages

# argparse's English text -> the catalogue key of the same message
KEYS = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positional",
    "options": "cli.argparse.options",
    "show this help message and exit": "cli.argparse.help",
    "the following arguments are required: %s": "cli.argparse.required",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "expected one argument": "cli.argparse.one_value",
    "expected at most one argument": "cli.argparse.at_most_one",
    "expected at least one argument": "cli.argparse.at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "not allowed with argument %s": "cli.argparse.not_allowed_with",
    "one of the arguments %s is required": "cli.argparse.one_of",
    "ignored explicit argument %r": "cli.argparse.ignored_value",
    "unexpected option string: %s": "cli.argparse.unexpected_option",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "cli.argparse.unknown_parser",
    "can't open '%(filename)s': %(error)s": "cli.argparse.cannot_open",
}
PLURAL_KEYS = {"expected %s argument": "cli.argparse.n_values"}


def _gettext(message: str) -> str:
    key = KEYS.get(message)
    return message if key is None else messages.text(key)


def _ngettext(singular: str, plural: str, n: int) -> str:
    key = PLURAL_KEYS.get(singular)
    if key is None:
        return singular if n == 1 else plural
    return messages.text(key, n=n)


@contextmanager
def argparse_messages() -> Iterator[None]:
    """argparse speaks the current language (messages.language()) inside the block."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
