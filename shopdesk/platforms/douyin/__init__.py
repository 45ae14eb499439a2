"""Douyin (抖店): the order export (one row per 子订单) and the 售后 export."""

from __future__ import annotations

from pathlib import Path

from shopdesk.core.importers.layouts import ExportKind, Layout
from shopdesk.platforms.douyin.layouts import LAYOUTS
from shopdesk.platforms.douyin.parse import DouyinOrderParser, DouyinRefundParser, order_state
from shopdesk.platforms.spec import PlatformSpec, RowParser


def _parser(layout: Layout) -> RowParser:
    if layout.kind is ExportKind.ORDERS:
        return DouyinOrderParser(layout)
    return DouyinRefundParser(layout)


SPEC = PlatformSpec(
    id="douyin",
    folder=Path(__file__).parent,
    layouts=LAYOUTS,
    parser=_parser,
    order_state=order_state,
    new_shop="word.new_shop.douyin",
)
