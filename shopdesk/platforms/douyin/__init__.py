"""Douyin (抖店): the order export (one row per 子订单) and the 售后 export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from shopdesk.platforms.spec import PlatformSpec, RowParser

if TYPE_CHECKING:
    from shopdesk.importers.layouts import Layout

# The parsers are imported when an export is read, not when the platform is listed.


def _parser(layout: Layout) -> RowParser:
    from shopdesk.importers.layouts import ExportKind
    from shopdesk.platforms.douyin.parse import DouyinOrderParser, DouyinRefundParser

    if layout.kind is ExportKind.ORDERS:
        return DouyinOrderParser(layout)
    return DouyinRefundParser(layout)


def _order_state(status: str) -> str | None:
    from shopdesk.platforms.douyin.parse import order_state

    return order_state(status)


SPEC = PlatformSpec(
    id="douyin",
    folder=Path(__file__).parent,
    layouts_module=f"{__name__}.layouts",
    parser=_parser,
    order_state=_order_state,
    new_shop="word.new_shop.douyin",
    order_no_forms=("8" * 19,),  # 主订单编号: 19 digits
)
