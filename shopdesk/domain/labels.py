"""Names of the domain's ids for people, for ids this version knows and for those it does
not (a case kind, state or event written by a newer ShopDesk): shown as such, never a crash."""

from __future__ import annotations

from collections.abc import Iterable

from shopdesk.domain import messages
from shopdesk.domain.errors import InputError
from shopdesk.domain.model import CaseKind, CaseState, EventKind, Labeled


def is_known(enum: type[Labeled], value: str | None) -> bool:
    return value in enum._value2member_map_


def label(enum: type[Labeled], value: str | None, language: str | None = None) -> str:
    """The member's name in `language` (default: the front end's, as set in
    core.messages); an id this version does not know as `未知类型（新版本）: <id>`; an
    empty value as empty text."""
    if not value:
        return ""
    language = language or messages.language()
    if is_known(enum, value):
        return enum(value).label(language)
    return messages.text("word.unknown_newer", language, id=value)


def newer_version_id(case, events: Iterable = ()) -> str | None:
    """The first id of `case` (its kind, its state, an event on its timeline) that only a
    newer ShopDesk knows, labelled; None when this version knows them all."""
    for enum, value in ((CaseKind, case.kind), (CaseState, case.state)):
        if not is_known(enum, value):
            return label(enum, value)
    for event in events:
        if not is_known(EventKind, event.kind):
            return label(EventKind, event.kind)
    return None


def refuse_newer_case(store, case_id: int) -> None:
    """A case a newer ShopDesk wrote is listed, never changed by this version: it does not
    know that version's rules."""
    found = newer_version_id(store.get_case(case_id), store.events(case_id))
    if found:
        raise InputError("word.newer_case", id=case_id, found=found)
