"""JD (京东 POP): its order export (one row per SKU), its 售后服务单 export (one row per
服务单), its clocks and its 售后服务单 flow (flow.toml)."""

from __future__ import annotations

from pathlib import Path

from shopdesk.core.importers.layouts import ExportKind, Layout
from shopdesk.platforms.jd.layouts import LAYOUTS
from shopdesk.platforms.jd.parse import JdOrderParser, order_state
from shopdesk.platforms.jd.service import JdServiceParser
from shopdesk.platforms.spec import PlatformSpec, RowParser


def _parser(layout: Layout) -> RowParser:
    if layout.kind is ExportKind.ORDERS:
        return JdOrderParser(layout)
    return JdServiceParser(layout)


SPEC = PlatformSpec(
    id="jd",
    folder=Path(__file__).parent,
    layouts=LAYOUTS,
    parser=_parser,
    order_state=order_state,
    new_shop="word.new_shop.jd",
)
