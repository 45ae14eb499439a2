"""Names of the domain's ids for people, for ids this version knows and for those it does
not (a case kind, state or event written by a newer ShopDesk): shown as such, never a crash."""

from __future__ import annotations

from shopdesk.core.model import Labeled

UNKNOWN_PREFIX = "未知类型（新版本）: "


def is_known(enum: type[Labeled], value: str | None) -> bool:
    return value in enum._value2member_map_


def label(enum: type[Labeled], value: str | None, language: str = "zh-CN") -> str:
    """The member's name in `language`; an id this version does not know as
    `未知类型（新版本）: <id>`; an empty value as empty text."""
    if not value:
        return ""
    if is_known(enum, value):
        return enum(value).label(language)
    return UNKNOWN_PREFIX + str(value)
