"""Python's cycle collector, held off while ShopDesk starts.

Starting, ShopDesk makes some hundred thousand objects that live as long as it runs
(modules, classes, functions, Qt's enums); the collector walked them all over several
times before the window's first paint (about 10 ms of a 0.27 s start on a million-order
store, measured). `python -m shopdesk` and the executable hold it off from their first
line; the window releases it after its first paint, a command before it runs. Released,
the objects made so far are set aside (`gc.freeze`): later collections skip them."""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Once the start is done; does nothing unless `hold()` held the collector."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()
