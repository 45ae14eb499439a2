"""What the front ends show of the platforms: their ids and names, the shop tool each
uses, their exports' titles, order-number forms, evidence profiles and refund reasons.
The registry itself lives in shopdesk/platforms/; a front end never names a platform."""

from __future__ import annotations

from shopdesk.services.door import door

# What the window and the command line read through here from the layers below,
# each loaded when first asked for (services/door.py).
__getattr__ = door(
    __name__,
    {
        "Platform": "shopdesk.platforms.registry",
        "default_profile": "shopdesk.platforms.registry",
        "export_title": "shopdesk.platforms.registry",
        "get": "shopdesk.platforms.registry",
        "ids": "shopdesk.platforms.registry",
        "label": "shopdesk.platforms.registry",
        "manual_id": "shopdesk.platforms.registry",
        "order_no_forms": "shopdesk.platforms.registry",
        "read_reason": "shopdesk.platforms.reasons",
        "rule_files": "shopdesk.platforms.registry",
        "seller_tool": "shopdesk.platforms.registry",
    },
)
