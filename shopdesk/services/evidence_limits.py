"""The seller changes what an evidence destination takes (设置 → 证据提交限制): the limits
are kept in the store's settings, and the 证据 tab, the packager and `pack
--list-profiles` count by them (evidence/profile_limits.py)."""

from __future__ import annotations

from shopdesk.core.store import Store
from shopdesk.evidence import profile_limits
from shopdesk.evidence.profile_limits import Limits
from shopdesk.evidence.profiles import Profile
from shopdesk.services.changes import Changes


def set_limits(store: Store, profile_id: str, limits: Limits) -> tuple[Profile, Changes]:
    """Keep the seller's limits (InputError naming the destination for limits no
    package could fit); returns the destination as it now counts."""
    with store.transaction():
        profile = profile_limits.save(store, profile_id, limits)
    return profile, Changes.of(settings=True)


def reset_limits(store: Store, profile_id: str) -> tuple[Profile, Changes]:
    """Back to the destination's own limits (its file's)."""
    with store.transaction():
        profile = profile_limits.reset(store, profile_id)
    return profile, Changes.of(settings=True)
