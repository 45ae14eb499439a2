"""JD (京东 POP): its clocks; its exports are known by sight so far."""

from __future__ import annotations

from pathlib import Path

from shopdesk.platforms.jd.layouts import LAYOUTS
from shopdesk.platforms.spec import PlatformSpec

SPEC = PlatformSpec(
    id="jd",
    names={"zh-CN": "京东", "zh-TW": "京東", "en": "JD"},
    folder=Path(__file__).parent,
    layouts=LAYOUTS,
    new_shop_name="京东店铺",
)
