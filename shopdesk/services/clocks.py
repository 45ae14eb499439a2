"""Every clock as the rules in force compute it. The window (when a store opens, on its
timer, after another process wrote) and the command line (before it lists anything) both
call `bring_up_to_date`, so they show the same times: when a rule file changed (an update
of ShopDesk, a file the seller loaded) every open clock is computed again, once; else
what was written or came due since the last time."""

from __future__ import annotations

from datetime import datetime

from shopdesk.core import deadlines_repo
from shopdesk.core.store import Store
from shopdesk.services.changes import ALL, NOTHING, Changes


def bring_up_to_date(
    store: Store,
    now: datetime | None = None,
    on_progress: deadlines_repo.Progress | None = None,
    cancelled: deadlines_repo.Cancelled | None = None,
) -> Changes:
    rules_changed = deadlines_repo.rules_changed(store)
    looked_at = deadlines_repo.bring_up_to_date(store, now, on_progress, cancelled)
    if rules_changed:
        return Changes(orders=ALL, cases=ALL, rules=True)
    return Changes(orders=ALL, cases=ALL) if looked_at else NOTHING


def rules_changed(store: Store) -> bool:
    """A rule file in force differs from the one the cached clocks were computed with."""
    return deadlines_repo.rules_changed(store)
