"""Whether the window opens on the welcome page (ui/dialogs/welcome.py, loaded only then):
a store with nothing in it, on its first start."""

from __future__ import annotations

from shopdesk.services.session import Store

WELCOME_DONE = "welcome_done"  # store setting: the seller saved or skipped the page


def needs_welcome(store: Store) -> bool:
    """Only a store with nothing in it: no shop, no order, not skipped before."""
    if store.get_setting(WELCOME_DONE, False) or store.list_shops():
        return False
    return store.counts()["orders"] == 0
