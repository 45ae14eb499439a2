"""JD (京东 POP): its order export (one row per SKU) and its clocks; its 售后服务单
export is known by sight only."""

from __future__ import annotations

from pathlib import Path

from shopdesk.platforms.jd.layouts import LAYOUTS
from shopdesk.platforms.jd.parse import JdOrderParser, order_state
from shopdesk.platforms.spec import PlatformSpec

SPEC = PlatformSpec(
    id="jd",
    folder=Path(__file__).parent,
    layouts=LAYOUTS,
    parser=JdOrderParser,  # the only importable layout: the order export
    order_state=order_state,
    new_shop="word.new_shop.jd",
)
