"""The date a rule set file is of ("规则截至"), read from its tables: the engine
(domain/rules.py) and the light reader of the file in force (platforms/rules_in_force.py)
date a file the same way."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def ruleset_as_of(data: Mapping[str, Any]) -> str:
    """Its `as_of`, else the day its newest version takes effect ("" for no versions)."""
    if data.get("as_of"):
        return str(data["as_of"])
    starts = [
        str(version.get("effective_from", ""))
        for version in data.get("versions", ())
        if isinstance(version, Mapping)
    ]
    return max(starts)[:10] if starts else ""
