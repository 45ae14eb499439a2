"""The store a front end holds open (`Store`: open, read-only, busy), and the guards
the command line wraps its output in (a closed pipe, a full disk, missing streams)."""

from __future__ import annotations

from shopdesk.services.door import door

# What the window and the command line read through here from the layers below,
# each loaded when first asked for (services/door.py).
__getattr__ = door(
    __name__,
    {
        "Store": "shopdesk.store.store",
        "disk_errors": "shopdesk.store.safeio",
        "ensure_standard_streams": "shopdesk.store.winsafe",
        "path_exists": "shopdesk.store.store",
        "reader_gone": "shopdesk.store.winsafe",
    },
)
