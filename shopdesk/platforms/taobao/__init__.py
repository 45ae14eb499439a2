"""Taobao / Tmall (淘宝/天猫): the order report, the item report, the refund export."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from shopdesk.platforms.spec import PlatformSpec, RowParser

if TYPE_CHECKING:
    from shopdesk.importers.layouts import Layout

# The parsers are imported when an export is read, not when the platform is listed.


def _parser(layout: Layout) -> RowParser:
    from shopdesk.importers.layouts import ExportKind
    from shopdesk.importers.rows import Row
    from shopdesk.platforms.taobao.parse import LineParser, OrderParser, parse_refund

    if layout.kind is ExportKind.ORDERS:
        return OrderParser(layout)
    if layout.kind is ExportKind.ORDER_LINES:
        return LineParser(layout)

    def parse(number: int, values: list[object]):
        return parse_refund(Row(layout, number, values))

    return parse


def _order_state(status: str) -> str | None:
    from shopdesk.platforms.taobao.parse import order_state

    state = order_state(status)
    return state.value if state else None


def _parse_paste(text: str):
    from shopdesk.platforms.taobao.paste import parse_paste  # it reads through the core

    return parse_paste(text)


SPEC = PlatformSpec(
    id="taobao",
    folder=Path(__file__).parent,
    layouts_module=f"{__name__}.layouts",
    parser=_parser,
    order_state=_order_state,
    item_links=re.compile(r"^https?://\S*(?:item\.taobao\.com|detail\.tmall\.com|\.tb\.cn)\S*$"),
    default_profile="taobao-refund",
    paste_parser=_parse_paste,  # a refund page copied from Qianniu
    file_names_shop=True,
    order_no_forms=("8" * 19,),  # 订单编号: up to 19 digits
)
