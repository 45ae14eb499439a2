"""WeChat shop (微信小店): its clocks; no exports yet."""

from __future__ import annotations

from pathlib import Path

from shopdesk.platforms.spec import PlatformSpec

SPEC = PlatformSpec(
    id="wechat",
    names={"zh-CN": "微信小店", "zh-TW": "微信小店", "en": "WeChat shop"},
    folder=Path(__file__).parent,
)
