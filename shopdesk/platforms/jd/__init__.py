"""JD (京东 POP): its order export (one row per SKU), its 售后服务单 export (one row per
服务单), its clocks and its 售后服务单 flow (flow.toml)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from shopdesk.platforms.spec import PlatformSpec, RowParser

if TYPE_CHECKING:
    from shopdesk.importers.layouts import Layout

# The parsers are imported when an export is read, not when the platform is listed.


def _parser(layout: Layout) -> RowParser:
    from shopdesk.importers.layouts import ExportKind

    if layout.kind is ExportKind.ORDERS:
        from shopdesk.platforms.jd.parse import JdOrderParser

        return JdOrderParser(layout)
    from shopdesk.platforms.jd.service import JdServiceParser

    return JdServiceParser(layout)


def _order_state(status: str) -> str | None:
    from shopdesk.platforms.jd.parse import order_state

    return order_state(status)


SPEC = PlatformSpec(
    id="jd",
    folder=Path(__file__).parent,
    layouts_module=f"{__name__}.layouts",
    parser=_parser,
    order_state=_order_state,
    new_shop="word.new_shop.jd",
    order_no_forms=("8" * 12,),  # 11 digits until 2018, 12 since (jd.md)
)
