"""Each rule's title, as the rule file in force words it, and that file's date ("规则截至"),
for what the window shows before its first paint (the 待办 list's rows and summary): read
from the file's tables, without the clock engine. The file in force is chosen as
rulesets.active_ruleset chooses it: the seller's loaded file when it is at least as recent
as the built-in one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from shopdesk.domain import parsed_toml
from shopdesk.domain.paths import loaded_rules_dir
from shopdesk.platforms import registry


@dataclass(frozen=True)
class RuleTitle:
    title: dict[str, str]  # by language
    party: str  # who must act before the clock runs out

    def title_in(self, language: str = "zh-CN") -> str:
        return self.title.get(language) or self.title.get("zh-CN", "")


Titles = dict[str, RuleTitle]  # by rule id

_cache: dict[str, tuple[tuple[int, int] | None, str, Titles]] = {}


def rule_titles(platform: str) -> Titles:
    """The titles of `platform`'s rules (the newest version's wording of each)."""
    return _read_in_force(platform)[2]


def rules_as_of(platform: str) -> str:
    """The date the rule set in force is of ("" for a platform without rules)."""
    return _read_in_force(platform)[1]


def _read_in_force(platform: str) -> tuple[tuple[int, int] | None, str, Titles]:
    loaded = loaded_rules_dir() / f"{platform}.toml"
    try:
        stat = loaded.stat()
        stamp: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    cached = _cache.get(platform)
    if cached is None or cached[0] != stamp:
        data = _in_force(platform, loaded if stamp is not None else None)
        cached = (stamp, _as_of(data), _titles(data))
        _cache[platform] = cached
    return cached


def _in_force(platform: str, loaded: Path | None) -> dict:
    found = registry.find(platform)
    builtin = found.data_file("rules.toml") if found else None
    data = _read(builtin) if builtin else {}
    if loaded is not None:
        other = _read(loaded)
        if other and _as_of(other) >= _as_of(data):
            return other
    return data


def _read(path: Path) -> dict:
    try:
        return parsed_toml.read(path)
    except (OSError, ValueError):  # TOMLDecodeError and UnicodeDecodeError are ValueErrors
        return {}  # a file that does not load is not in force (rulesets says why)


def _as_of(data: dict) -> str:
    """As domain/rules.parse_ruleset dates a rule set: its `as_of`, else its newest
    version's day."""
    if data.get("as_of"):
        return str(data["as_of"])
    starts = [str(v.get("effective_from", "")) for v in data.get("versions", ())]
    return max(starts)[:10] if starts else ""


def _titles(data: dict) -> Titles:
    titles: Titles = {}
    versions = sorted(data.get("versions", ()), key=lambda v: str(v.get("effective_from", "")))
    for version in versions:  # oldest first: a newer version's wording wins
        for rule in version.get("rules", ()):
            if isinstance(rule, dict) and isinstance(rule.get("title"), dict):
                titles[str(rule.get("id"))] = RuleTitle(
                    dict(rule["title"]), str(rule.get("party", ""))
                )
    return titles
