"""Which rule file is in force for a platform (the one ShopDesk ships with, or a file the
seller loaded when it is at least as recent), its date ("规则截至") and each rule's title.
Read from the file's tables, without the clock engine: the window shows the dates and the
待办 rows' titles before its first paint. rulesets.active_ruleset loads the engine's rule
set from the file chosen here, so the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from shopdesk.domain import parsed_toml
from shopdesk.domain.paths import loaded_rules_dir
from shopdesk.domain.rule_dates import ruleset_as_of
from shopdesk.platforms import registry


@dataclass(frozen=True)
class RuleTitle:
    title: dict[str, str]  # by language
    party: str  # who must act before the clock runs out

    def title_in(self, language: str = "zh-CN") -> str:
        return self.title.get(language) or self.title.get("zh-CN", "")


@dataclass(frozen=True)
class InForce:
    path: Path | None  # None: the platform has no rules
    loaded: bool  # the seller's file (else the built-in one)
    as_of: str
    titles: dict[str, RuleTitle]  # by rule id
    stamp: tuple[int, int] | None  # the loaded file's mtime and size when it was read


_cache: dict[str, InForce] = {}


def in_force(platform: str) -> InForce:
    """Looked up again only when the seller's file for `platform` changes."""
    loaded = loaded_rules_dir() / f"{platform}.toml"
    try:
        stat = loaded.stat()
        stamp: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    cached = _cache.get(platform)
    if cached is None or cached.stamp != stamp:
        cached = _read_in_force(platform, loaded if stamp is not None else None, stamp)
        _cache[platform] = cached
    return cached


def forget(platform: str) -> None:
    """The seller's file was replaced: read it again on the next look-up."""
    _cache.pop(platform, None)


def rule_titles(platform: str) -> dict[str, RuleTitle]:
    """The titles of `platform`'s rules (the newest version's wording of each)."""
    return in_force(platform).titles


def rules_as_of(platform: str) -> str:
    """The date the rule set in force is of ("" for a platform without rules)."""
    return in_force(platform).as_of


def _read_in_force(platform: str, loaded: Path | None, stamp) -> InForce:
    found = registry.find(platform)
    path = found.data_file("rules.toml") if found else None
    data = _read(path) if path else {}
    chosen_loaded = False
    if loaded is not None:
        other = _read(loaded)
        if other and ruleset_as_of(other) >= ruleset_as_of(data):
            path, data, chosen_loaded = loaded, other, True
    return InForce(path, chosen_loaded, ruleset_as_of(data), _titles(data), stamp)


def _read(path: Path) -> dict:
    try:
        return parsed_toml.read(path)
    except (OSError, ValueError):  # TOMLDecodeError and UnicodeDecodeError are ValueErrors
        return {}  # a file that does not read is not in force


def _titles(data: dict) -> dict[str, RuleTitle]:
    titles: dict[str, RuleTitle] = {}
    versions = sorted(data.get("versions", ()), key=lambda v: str(v.get("effective_from", "")))
    for version in versions:  # oldest first: a newer version's wording wins
        for rule in version.get("rules", ()):
            if isinstance(rule, dict) and isinstance(rule.get("title"), dict):
                titles[str(rule.get("id"))] = RuleTitle(
                    dict(rule["title"]), str(rule.get("party", ""))
                )
    return titles
