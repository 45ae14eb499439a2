"""WeChat shop (微信小店): its clocks; no exports yet."""

from __future__ import annotations

from pathlib import Path

from shopdesk.platforms.spec import PlatformSpec

SPEC = PlatformSpec(
    id="wechat",
    folder=Path(__file__).parent,
)
