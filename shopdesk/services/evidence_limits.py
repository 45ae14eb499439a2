"""The seller changes what an evidence destination takes (设置 → 证据提交限制): the limits
are kept in the store's settings, and the 证据 tab, the packager and `pack
--list-profiles` count by them (evidence/profile_limits.py)."""

from __future__ import annotations

from shopdesk.evidence import profile_limits
from shopdesk.evidence.profile_limits import Limits
from shopdesk.evidence.profiles import Profile
from shopdesk.services.changes import Changes
from shopdesk.services.door import door
from shopdesk.store.store import Store


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


# What the window and the command line read through here from the layers below,
# each loaded when first asked for (services/door.py).
__getattr__ = door(
    __name__,
    {
        "FORMAT_NAMES": "shopdesk.evidence.profile_limits",
        "MAX_BYTES": "shopdesk.evidence.profile_limits",
        "MIN_BYTES": "shopdesk.evidence.profile_limits",
        "edited": "shopdesk.evidence.profile_limits",
        "for_store": "shopdesk.evidence.profile_limits",
        "get": "shopdesk.evidence.profile_limits",
        "platform_of": "shopdesk.evidence.profile_limits",
        "source_text": "shopdesk.evidence.profile_limits",
        "starting_profile": "shopdesk.evidence.profile_limits",
        "summary": "shopdesk.evidence.profile_limits",
    },
)
