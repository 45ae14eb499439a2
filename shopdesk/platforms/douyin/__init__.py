"""Douyin (抖店): its exports are known by sight so far."""

from __future__ import annotations

from pathlib import Path

from shopdesk.platforms.douyin.layouts import LAYOUTS
from shopdesk.platforms.spec import PlatformSpec

SPEC = PlatformSpec(
    id="douyin",
    names={"zh-CN": "抖店", "zh-TW": "抖店", "en": "Douyin"},
    folder=Path(__file__).parent,
    layouts=LAYOUTS,
    new_shop_name="抖店店铺",
)
