"""Errors the seller can act on. Anything else is a bug and gets logged with its traceback."""

from __future__ import annotations


class ShopDeskError(Exception):
    """Base of the errors shown to the seller as a clear message (and CLI exit 2)."""

    exit_code = 2


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
