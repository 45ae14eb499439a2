"""What a platform tells the rest of ShopDesk about itself (one PlatformSpec per package)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shopdesk.domain import messages

if TYPE_CHECKING:  # read when an export is, not when the platform is listed
    from shopdesk.importers.layouts import Layout, LayoutSpec

RowParser = Callable[[int, list[object]], object]


def _no_state(status: str) -> str | None:
    return None


@dataclass(frozen=True)
class PlatformSpec:
    """`folder` holds the platform's data files: rules.toml (its clocks), reasons.toml
    (its refund reasons read as causes), states.toml (status words), profiles/*.toml (its
    evidence destinations), messages.toml (its name `word.platform.<id>`, its seller tool,
    why a row of its exports is skipped: read into the one catalogue). Those it has not
    are simply absent."""

    id: str
    folder: Path | None = None
    # the module whose LAYOUTS are its exports' layouts (see `layouts`)
    layouts_module: str | None = None
    # layout -> a parser of (row number, cells) -> ParsedOrder | ParsedLine | ParsedRefund
    parser: Callable[[Layout], RowParser] | None = None
    # the OrderState id an order status text means (for an order known only from a line)
    order_state: Callable[[str], str | None] = _no_state
    # the name a shop first found in its files gets: a key of the domain words
    new_shop: str = "word.new_shop.default"
    # links to the platform's item pages in chat logs (kept, not masked)
    item_links: re.Pattern[str] | None = None
    # the reader of a refund page copied from its seller tool (text -> PastedRefund),
    # for 粘贴千牛退款详情; None when its pages are not read
    paste_parser: Callable[[str], Any] | None = None
    # the evidence destination the case panel starts with
    default_profile: str | None = None
    manual: bool = False  # orders typed in by the seller, no exports
    file_names_shop: bool = False  # its order export says which shop (no need to ask)
    # the longest forms its order numbers take, each digit written 8 (PDD's
    # 888888-888888888888888): an order number column is made wide enough for them whole
    order_no_forms: tuple[str, ...] = ()
    extra: dict[str, object] = field(default_factory=dict)

    @cached_property
    def layouts(self) -> tuple[LayoutSpec, ...]:
        """The layouts of its exports, imported when first asked for (an import, the
        format check): the window lists platforms before its first paint without them."""
        if self.layouts_module is None:
            return ()
        return tuple(importlib.import_module(self.layouts_module).LAYOUTS)

    @property
    def names(self) -> dict[str, str]:
        """The platform's name in zh-CN, zh-TW and en."""
        return messages.names(f"word.platform.{self.id}")

    def label(self, language: str = "zh-CN") -> str:
        return messages.text(f"word.platform.{self.id}", language)

    @property
    def new_shop_name(self) -> str:
        """A new shop's name, in zh-CN: the store keeps it as the seller's own data (the
        same in every language, and the command line's JSON never changes with it)."""
        return messages.text(self.new_shop, messages.SOURCE)

    def data_file(self, name: str) -> Path | None:
        """The platform's data file `name` (rules.toml, reasons.toml ...), None if it has
        none."""
        if self.folder is None:
            return None
        path = self.folder / name
        return path if path.exists() else None

    def profiles_dir(self) -> Path | None:
        if self.folder is None:
            return None
        path = self.folder / "profiles"
        return path if path.is_dir() else None
