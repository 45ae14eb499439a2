"""The core's words for people: one catalogue of messages, each a key with named parameters
and its zh-CN, zh-TW and en templates (resources/messages/*.toml), and one language switch
that the window and the command line set once (the window from its own language, the CLI
from --lang or the store's setting; never the terminal's locale).

A `Message` is a `str` holding its Simplified Chinese text, so code that stores, compares or
prints it as text keeps working unchanged; `say()` renders it in another language from its
key and parameters. A parameter may itself be a Message (an OS error's reason inside a file
error): it is rendered in the same language."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from shopdesk.domain import parsed_toml, paths

LANGUAGES = ("zh-CN", "zh-TW", "en")
SOURCE = "zh-CN"  # the first language: str() of every message and error
_KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
STORE_SETTING = "language"  # a store's own language for the command line (settings table)
_current = SOURCE


def set_language(language: str | None) -> str:
    """Make `language` the one the core speaks (unknown or None: zh-CN); returns it."""
    global _current
    _current = language if language in LANGUAGES else SOURCE
    return _current


def language() -> str:
    return _current


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    """Every message: key -> {language: template}. A template is a str.format text with
    named parameters, or for English a {one, other} table chosen by the parameter `n`."""
    found: dict[str, dict[str, Any]] = {}
    files = sorted(paths.resource("messages").glob("*.toml"))
    files += paths.platform_files("messages.toml")  # each platform's own words
    for table in parsed_toml.read_all(files):
        _flatten(table, "", found)
    return found


def _flatten(table: Mapping[str, Any], prefix: str, into: dict[str, dict[str, Any]]) -> None:
    if SOURCE in table:
        into[prefix] = {lang: value for lang, value in table.items() if lang in LANGUAGES}
    for name, value in table.items():
        if name not in LANGUAGES:
            _flatten(value, f"{prefix}.{name}" if prefix else name, into)


def is_key(text: str) -> bool:
    return bool(_KEY.match(text)) and text in catalogue()


def _template(key: str, lang: str, params: Mapping[str, Any]) -> str:
    entry = catalogue()[key]
    template = entry.get(lang) or entry[SOURCE]
    if isinstance(template, dict):  # an English plural
        template = template["one"] if params.get("n") == 1 else template["other"]
    return template


class Message(str):
    """A catalogue message with its parameters; its str value is the zh-CN text."""

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> Message:
        if not _KEY.match(key) or key not in catalogue():
            raise KeyError(f"no message {key!r} in resources/messages")
        self = super().__new__(cls, _render(key, params, SOURCE))
        self.key = key
        self.params = params
        return self

    def render(self, lang: str | None = None) -> str:
        return _render(self.key, self.params, lang or _current)

    def __reduce__(self):  # pickled through a process pool: rebuilt from key and params
        return (_rebuild, (self.key, self.params))


def _rebuild(key: str, params: dict[str, Any]) -> Message:
    return Message(key, **params)


def _render(key: str, params: Mapping[str, Any], lang: str) -> str:
    rendered = {
        name: joined(value, lang) if isinstance(value, (list, tuple)) else say(value, lang)
        for name, value in params.items()
    }
    return _template(key, lang, params).format(**rendered)


def say(value: Any, lang: str | None = None) -> Any:
    """`value` in `lang` (default: the current language): a Message or an error carrying
    one is rendered from its key, a domain word (a case kind, a state) by its name; a list
    or tuple item by item; anything else unchanged (plain text, numbers, a file's own
    column names)."""
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(getattr(value, "names", None), dict) and hasattr(value, "label"):
        return value.label(lang or _current)  # a domain word (core.model.Labeled)
    message = getattr(value, "message", None)
    if isinstance(value, BaseException):
        return message.render(lang) if isinstance(message, Message) else str(value)
    if isinstance(value, (list, tuple)):
        return type(value)(say(item, lang) for item in value)
    return value


def text(key: str, lang: str | None = None, /, **params: Any) -> str:
    """One message in `lang` (default: the current language) without keeping it."""
    if key not in catalogue():
        raise KeyError(f"no message {key!r} in resources/messages")
    return _render(key, params, lang or _current)


def names(key: str, /, **params: Any) -> dict[str, str]:
    """A message in every language: {zh-CN: ..., zh-TW: ..., en: ...} (for data that
    carries its own names, such as a clock's title)."""
    return {lang: text(key, lang, **params) for lang in LANGUAGES}


def joined(items, lang: str | None = None) -> str:
    """A list as each language writes one: 甲、乙 / A, B."""
    lang = lang or _current
    return (", " if lang == "en" else "、").join(str(say(item, lang)) for item in items)
