"""The platform's reviewer reads Chinese: every word ShopDesk writes into a package
(summary.pdf, the chat images, the courier claim PDF and their captions) is rendered in
zh-CN from the catalogue (resources/messages/evidence_pack.toml), whatever language the
window or the command line speaks. What the seller reads (a refusal, a problem) stays a
Message, rendered in the front end's language."""

from __future__ import annotations

from typing import Any

from shopdesk.domain import messages

LANGUAGE = "zh-CN"


def text(key: str, /, **params: Any) -> str:
    """The message `key` as the reviewer reads it (zh-CN)."""
    return messages.say(messages.Message(key, **params), LANGUAGE)


def say(value: Any) -> Any:
    """A Message (or a list of them) as the reviewer reads it; other values unchanged."""
    return messages.say(value, LANGUAGE)
