"""Errors the seller can act on. Anything else is a bug and gets logged with its traceback."""

from __future__ import annotations

from typing import Any

from shopdesk.domain.messages import Message, is_key, say


class ShopDeskError(Exception):
    """Base of the errors shown to the seller as a clear message (and CLI exit 2).

    Raised with a catalogue key and its parameters (`InputError("import.header_only",
    file=name)`), or with a Message; `str()` is the zh-CN text, `text()` the front end's
    language. Plain text is still taken (shown as it is in every language)."""

    exit_code = 2

    def __init__(self, message: str = "", /, **params: Any) -> None:
        if params or (isinstance(message, str) and is_key(message)):
            message = message if isinstance(message, Message) else Message(message, **params)
        self.message = message
        super().__init__(message)

    @property
    def key(self) -> str | None:
        return self.message.key if isinstance(self.message, Message) else None

    @property
    def params(self) -> dict[str, Any]:
        return self.message.params if isinstance(self.message, Message) else {}

    def text(self, language: str | None = None) -> str:
        """The message in `language` (default: the language the core speaks now)."""
        return say(self.message, language)


class NotAStoreError(ShopDeskError):
    """The file is not a ShopDesk store (another program's file, or damaged beyond use)."""


class NewerStoreError(ShopDeskError):
    """The store was written by a newer ShopDesk; it is left untouched."""


class DamagedStoreError(ShopDeskError):
    """SQLite reports damage; the seller should restore a backup."""


class StoreLockedError(ShopDeskError):
    """Another program holds the store locked for longer than we wait."""


class InputError(ShopDeskError):
    """A file or value the seller gave cannot be used: names the file, row and field."""


class NotFoundError(ShopDeskError):
    """An order, case, template or evidence id that does not exist."""


class MoveNotAllowedError(ShopDeskError):
    """A case event the platform does not allow at this point (with the reason)."""


class DiskError(ShopDeskError):
    """The disk is full or read-only; nothing was half-written."""


class EmptyStoreError(DamagedStoreError):
    """The store file is zero bytes: emptied by a crash or a copy cut short, never a shop
    with no data (ShopDesk creates a store whole, under a temporary name)."""


class ReadOnlyStoreError(ShopDeskError):
    """The store is on a read-only disk or the file cannot be written: listing, export and
    backup work; a change cannot be saved."""
