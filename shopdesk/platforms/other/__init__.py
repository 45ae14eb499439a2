"""Orders from anywhere else (其他渠道), typed in by the seller: no exports, no clocks."""

from __future__ import annotations

from shopdesk.platforms.spec import PlatformSpec

SPEC = PlatformSpec(
    id="other",
    manual=True,
)
