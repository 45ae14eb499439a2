"""The platforms ShopDesk knows, in the order they are listed to sellers. Adding one is its
package under shopdesk/platforms/ and one name in REGISTERED (docs/ARCHITECTURE.md)."""

from __future__ import annotations

import importlib
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from shopdesk.domain import messages
from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message
from shopdesk.domain.model import Labeled
from shopdesk.platforms import flow as _flow
from shopdesk.platforms.spec import PlatformSpec

if TYPE_CHECKING:
    from shopdesk.importers.layouts import LayoutSpec

REGISTERED = ("taobao", "pdd", "jd", "douyin", "wechat", "other")


@cache
def platforms() -> dict[str, PlatformSpec]:
    found = {}
    for name in REGISTERED:
        spec = importlib.import_module(f"shopdesk.platforms.{name}").SPEC
        found[spec.id] = spec
    return found


def ids() -> list[str]:
    return list(platforms())


def default_id() -> str:
    """The platform a shop or case is on when nothing says otherwise: the first listed."""
    return REGISTERED[0]


def get(platform_id: str) -> PlatformSpec:
    """The platform with this id; InputError naming the known ones otherwise."""
    found = platforms().get(platform_id)
    if found is None:
        known = [
            Message("platform.choice", id=spec.id, name=Message(f"word.platform.{spec.id}"))
            for spec in platforms().values()
        ]
        raise InputError("platform.unknown", id=platform_id, known=known)
    return found


def find(platform_id: str | None) -> PlatformSpec | None:
    return platforms().get(platform_id or "")


def default_profile(platform_id: str | None = None) -> str | None:
    """The evidence destination a case on this platform starts with (the default
    platform's when it has none of its own)."""
    found = find(platform_id) or get(default_id())
    return found.default_profile or get(default_id()).default_profile


def manual_id() -> str:
    """The pseudo-platform of orders typed in by the seller (其他渠道)."""
    return next(spec.id for spec in platforms().values() if spec.manual)


def label(platform_id: str | None, language: str = "zh-CN") -> str:
    """The platform's name for people; an id this version does not know as itself."""
    found = find(platform_id)
    return found.label(language) if found else (platform_id or "")


def seller_tool(platform_id: str | None, language: str | None = None) -> str:
    """Where the seller reads this platform's deadlines (千牛, 京麦 ...), in `language`."""
    key = f"word.seller_tool.{platform_id}"
    return messages.text(key if messages.is_key(key) else "word.seller_tool.other", language)


def rule_files() -> list[tuple[str, Path]]:
    """(platform id, its built-in rules.toml) for every platform that has clocks."""
    found = []
    for spec in platforms().values():
        path = spec.data_file("rules.toml")
        if path is not None:
            found.append((spec.id, path))
    return found


@cache
def flow(platform_id: str | None) -> _flow.Flow:
    """The platform's case flow: its flow.toml's overrides of the shared flow (none for a
    platform without one, or an id this version does not know)."""
    found = find(platform_id)
    return _flow.load(found.data_file("flow.toml") if found else None)


@cache
def chat_words() -> dict[str, tuple[str, ...]]:
    """What the platforms' chat tools write in a copied chat log (status lines, system
    lines, how an order number is named ...): each platform's chat.toml, lists joined."""
    import tomllib  # parsed here only: its import is 5 ms of the window's start-up

    found: dict[str, list[str]] = {}
    for spec in platforms().values():
        path = spec.data_file("chat.toml")
        if path is None:
            continue
        with path.open("rb") as handle:
            for name, values in tomllib.load(handle).items():
                found.setdefault(name, []).extend(values)
    return {name: tuple(values) for name, values in found.items()}


def paste_spec() -> PlatformSpec | None:
    """The platform whose seller tool's refund page a seller pastes (the first that reads
    one; Taobao's Qianniu today)."""
    return next((spec for spec in platforms().values() if spec.paste_parser), None)


@cache
def page_words() -> dict[str, tuple[str, ...]]:
    """platform id -> the words that tell a page copied from its seller tools (each
    platform's paste.toml), to name the platform of a page pasted in the wrong place."""
    import tomllib  # parsed here only: its import is 5 ms of the window's start-up

    found = {}
    for spec in platforms().values():
        path = spec.data_file("paste.toml")
        if path is not None:
            with path.open("rb") as handle:
                found[spec.id] = tuple(tomllib.load(handle).get("page_words", ()))
    return found


def order_no_forms() -> tuple[str, ...]:
    """The longest forms of every platform's order numbers (digits written 8), for
    sizing the columns that show them."""
    return tuple(dict.fromkeys(f for spec in platforms().values() for f in spec.order_no_forms))


@cache
def item_links() -> tuple[re.Pattern[str], ...]:
    return tuple(spec.item_links for spec in platforms().values() if spec.item_links)


def export_title(platform_id: str, kind: str) -> str:
    """The name of a platform's export of this kind: 淘宝订单报表, 拼多多售后导出 ..."""
    for layout in all_layouts():
        if layout.platform == platform_id and layout.kind == kind:
            return layout.title
    return f"{label(platform_id)}{kind}"


@cache
def all_layouts() -> tuple[LayoutSpec, ...]:
    return tuple(layout for spec in platforms().values() for layout in spec.layouts)


@cache
def platform_enum() -> type[Labeled]:
    """The platforms as a Labeled enum (for choosers and `Labeled.parse`), named by the
    domain words `word.platform.<id>`."""
    members = [(spec.id.upper(), spec.id) for spec in platforms().values()]
    return Labeled("Platform", members)


Platform = platform_enum()
