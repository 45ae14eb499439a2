"""Pinduoduo (拼多多): the order export (one row per SKU) and the after-sales workbook."""

from __future__ import annotations

from pathlib import Path

from shopdesk.core.importers.layouts import ExportKind, Layout
from shopdesk.platforms.pdd.layouts import LAYOUTS
from shopdesk.platforms.pdd.parse import PddOrderParser, PddRefundParser, order_state
from shopdesk.platforms.spec import PlatformSpec, RowParser


def _parser(layout: Layout) -> RowParser:
    if layout.kind is ExportKind.ORDERS:
        return PddOrderParser(layout)
    return PddRefundParser(layout)


SPEC = PlatformSpec(
    id="pdd",
    folder=Path(__file__).parent,
    layouts=LAYOUTS,
    parser=_parser,
    order_state=order_state,
    new_shop="word.new_shop.pdd",
)
