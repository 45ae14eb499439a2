"""The rule sets in force, per platform: the one ShopDesk ships with (in the platform's
package), or a newer one the seller loaded (kept in the data folder). Looked up once per
platform and kept until the seller's file changes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from shopdesk.domain.paths import loaded_rules_dir
from shopdesk.domain.rules import EMPTY_VERSION, RuleSet, load_ruleset
from shopdesk.platforms import registry, rules_in_force


@lru_cache(maxsize=8)
def builtin_ruleset(platform: str) -> RuleSet:
    """The rule set shipped with ShopDesk (an empty one for a platform without rules)."""
    found = registry.find(platform)
    path = found.data_file("rules.toml") if found else None
    if path is None:
        return RuleSet(platform=platform, as_of="", versions=(EMPTY_VERSION,))
    return load_ruleset(path)


_cache: dict[str, tuple[tuple[int, int] | None, RuleSet]] = {}


def active_ruleset(platform: str) -> RuleSet:
    """The seller's loaded rule set for `platform` when it is at least as recent as the
    one ShopDesk ships with, else the built-in one (the file rules_in_force chooses)."""
    chosen = rules_in_force.in_force(platform)
    if not chosen.loaded:
        return builtin_ruleset(platform)
    cached = _cache.get(platform)
    if cached is None or cached[0] != chosen.stamp:
        cached = (chosen.stamp, load_ruleset(chosen.path))
        _cache[platform] = cached
    return cached[1]


@dataclass(frozen=True)
class RulesInfo:
    platform: str
    as_of: str  # the "rules as of" date shown to the seller
    loaded_file: bool  # True: a file the seller loaded; False: built in
    path: str


def rules_info(platform: str) -> RulesInfo:
    ruleset = active_ruleset(platform)
    loaded = ruleset is not builtin_ruleset(platform)
    return RulesInfo(platform, ruleset.as_of, loaded, ruleset.path)


def keep_loaded_file(path: Path | str) -> RuleSet:
    """Check a rule set file and keep a copy in the data folder as the platform's rules
    in force (InputError, nothing kept, for a file that does not load)."""
    ruleset = load_ruleset(path)
    target = loaded_rules_dir() / f"{ruleset.platform}.toml"
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_suffix(".toml.new")
    staging.write_text(Path(path).read_text(encoding="utf-8"), encoding="utf-8")
    staging.replace(target)
    _cache.pop(ruleset.platform, None)
    rules_in_force.forget(ruleset.platform)
    return ruleset
