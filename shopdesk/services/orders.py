"""An order's own steps, as the seller records them from the window or `shopdesk orders
ship/deliver`: shipped (with its waybill), delivered, and whether a case may start now."""

from __future__ import annotations

from shopdesk.services.door import door

# What the window and the command line read through here from the layers below,
# each loaded when first asked for (services/door.py).
__getattr__ = door(
    __name__,
    {
        "check_case_start": "shopdesk.store.order_jobs",
        "mark_delivered": "shopdesk.store.order_jobs",
        "mark_shipped": "shopdesk.store.order_jobs",
    },
)
