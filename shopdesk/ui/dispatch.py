"""The window's change dispatcher: after an action (or another process's write) it tells
only the views that show what changed to refresh, never every view."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from shopdesk.services.changes import Changes

Wants = Callable[[Changes], bool]


@dataclass(frozen=True)
class _Listener:
    name: str
    wants: Wants
    refresh: Callable[[Changes], None]


class ChangeDispatcher(QObject):
    """Views say what they show (`listen(name, wants, refresh)`); `apply(changes)` calls
    each refresh whose `wants(changes)` is true, in the order they listened."""

    applied = Signal(object)  # the Changes, after the views refreshed

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._listeners: list[_Listener] = []
        self.refreshes: Counter[str] = Counter()  # per listener: how often it refreshed

    def listen(self, name: str, wants: Wants, refresh: Callable[[Changes], None]) -> None:
        self._listeners.append(_Listener(name, wants, refresh))

    def apply(self, changes: Changes, skip: str = "") -> list[str]:
        """Refresh the views that show part of `changes` (but `skip`, which already
        shows them); returns their names."""
        if not changes.any():
            return []
        refreshed = []
        for listener in self._listeners:
            if listener.name != skip and listener.wants(changes):
                listener.refresh(changes)
                self.refreshes[listener.name] += 1
                refreshed.append(listener.name)
        self.applied.emit(changes)
        return refreshed


# What each kind of view shows, as `wants` tests.


def shows_orders(changes: Changes) -> bool:
    return bool(changes.orders or changes.rules or changes.shops)


def shows_cases(changes: Changes) -> bool:
    """The 售后 list: case rows with their order's buyer and items."""
    return bool(changes.cases or changes.orders or changes.rules)


def shows_deadlines(changes: Changes) -> bool:
    return bool(changes.orders or changes.cases or changes.rules)


def shows_templates(changes: Changes) -> bool:
    return changes.templates


def shows_counts(changes: Changes) -> bool:
    return bool(changes.orders or changes.cases)
