"""Every clock as the rules in force compute it. The window (when a store opens, on its
timer, after another process wrote) and the command line (before it lists anything) both
call `bring_up_to_date`, so they show the same times: when a rule file changed (an update
of ShopDesk, a file the seller loaded) every open clock is computed again, once; else
what was written or came due since the last time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shopdesk.services.changes import ALL, NOTHING, Changes
from shopdesk.services.door import door
from shopdesk.store import clock_marks
from shopdesk.store.clock_marks import CatchUp
from shopdesk.store.store import Store

# deadlines_repo (the clock engine: rules, their files) is imported where it is used, so
# that a window with nothing to catch up starts without it.


def bring_up_to_date(
    store: Store,
    now: datetime | None = None,
    on_progress=None,
    cancelled=None,
) -> Changes:
    from shopdesk.store import deadlines_repo

    rules_changed = clock_marks.rules_changed(store)
    looked_at = deadlines_repo.bring_up_to_date(store, now, on_progress, cancelled)
    if rules_changed:
        return Changes(orders=ALL, cases=ALL, rules=True)
    return Changes(orders=ALL, cases=ALL) if looked_at else NOTHING


def rules_changed(store: Store) -> bool:
    """A rule file in force differs from the one the cached clocks were computed with."""
    return clock_marks.rules_changed(store)


@dataclass(frozen=True)
class ClockWork:
    """What bringing the clocks up to date asks for now: every open clock again (the
    rules changed), or the rows written or come due since the last time (`pending`)."""

    everything: bool
    pending: CatchUp | None
    size: int  # at most this many rows

    @property
    def nothing(self) -> bool:
        return self.pending is not None and self.pending.size == 0


def clock_work(store: Store, now: datetime) -> ClockWork:
    """Cheap (indexed look-ups, no clock engine): whether there is work, and how much, so
    a front end can do a little at once and hand a lot to a background job."""
    everything = clock_marks.rules_changed(store)
    pending = None if everything else clock_marks.pending_catch_up(store, now)
    size = clock_marks.recompute_size_bound(store) if pending is None else pending.size
    return ClockWork(everything, pending, size)


def do_clock_work(store: Store, now: datetime, work: ClockWork) -> int:
    """Do what `clock_work` found, here and now; returns the rows looked at."""
    from shopdesk.store import deadlines_repo

    if work.pending is None:
        return deadlines_repo.bring_up_to_date(store, now)
    return deadlines_repo.catch_up(store, now, pending=work.pending)


# What the window and the command line read through here from the layers below,
# each loaded when first asked for (services/door.py).
__getattr__ = door(
    __name__,
    {
        "DueSummary": "shopdesk.store.reminders_repo",
        "RULES_STAMP_SETTING": "shopdesk.store.clock_marks",
        "active_ruleset": "shopdesk.platforms.rulesets",
        "catch_up": "shopdesk.store.deadlines_repo",
        "count_due": "shopdesk.store.due_list",
        "deadlines_for_case": "shopdesk.store.deadlines_repo",
        "deadlines_for_order": "shopdesk.store.deadlines_repo",
        "due_page": "shopdesk.store.due_list",
        "came_due_while_closed": "shopdesk.store.reminders_repo",
        "due_summary": "shopdesk.store.reminders_repo",
        "mark_seen": "shopdesk.store.reminders_repo",
        "mark_fired": "shopdesk.store.reminders_repo",
        "pending_reminders": "shopdesk.store.reminders_repo",
        "reminder_key": "shopdesk.store.reminders_repo",
        "lead_hours": "shopdesk.store.reminders_repo",
        "load_rules_file": "shopdesk.store.deadlines_repo",
        "open_deadlines": "shopdesk.store.deadlines_repo",
        "rule_titles": "shopdesk.platforms.rules_in_force",
        "rules_as_of": "shopdesk.platforms.rules_in_force",
        "rules_info": "shopdesk.platforms.rulesets",
        "rules_stamp": "shopdesk.store.clock_marks",
        "set_lead_hours": "shopdesk.store.reminders_repo",
        "subject_deadlines": "shopdesk.store.deadlines_repo",
    },
)
