"""Pinduoduo (拼多多): the order export (one row per SKU) and the after-sales workbook."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from shopdesk.platforms.spec import PlatformSpec, RowParser

if TYPE_CHECKING:
    from shopdesk.importers.layouts import Layout

# The parsers are imported when an export is read, not when the platform is listed.


def _parser(layout: Layout) -> RowParser:
    from shopdesk.importers.layouts import ExportKind
    from shopdesk.platforms.pdd.parse import PddOrderParser, PddRefundParser

    if layout.kind is ExportKind.ORDERS:
        return PddOrderParser(layout)
    return PddRefundParser(layout)


def _order_state(status: str) -> str | None:
    from shopdesk.platforms.pdd.parse import order_state

    return order_state(status)


SPEC = PlatformSpec(
    id="pdd",
    folder=Path(__file__).parent,
    layouts_module=f"{__name__}.layouts",
    parser=_parser,
    order_state=_order_state,
    new_shop="word.new_shop.pdd",
    order_no_forms=("888888-888888888888888",),  # yymmdd- and 15 digits (pdd.md)
)
