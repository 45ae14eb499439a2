"""The 待办 list's titles and the rules' date, read without the clock engine, say what the
engine's rule set in force says: for the built-in files and for one the seller loaded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shopdesk.domain.paths import loaded_rules_dir
from shopdesk.platforms import registry, rules_in_force, rulesets


def _agree(platform: str) -> None:
    ruleset = rulesets.active_ruleset(platform)
    assert rules_in_force.rules_as_of(platform) == rulesets.rules_info(platform).as_of
    newest = {}
    for version in ruleset.versions:  # oldest first
        newest.update(version.rules)
    titles = rules_in_force.rule_titles(platform)
    assert set(titles) == set(newest)
    for rule_id, rule in newest.items():
        assert titles[rule_id].title == rule.title, rule_id
        assert titles[rule_id].party == rule.party, rule_id
        for language in ("zh-CN", "zh-TW", "en"):
            assert titles[rule_id].title_in(language) == rule.title_in(language)


@pytest.mark.parametrize("platform", [p for p, _ in registry.rule_files()])
def test_the_built_in_files_read_alike(platform):
    _agree(platform)


def test_a_loaded_file_newer_than_the_built_in_one_is_the_one_read(data_dir):
    builtin = rulesets.builtin_ruleset("taobao")
    text = Path(builtin.path).read_text(encoding="utf-8")
    newer = text.replace(f'as_of = "{builtin.as_of}"', 'as_of = "2099-01-01"').replace(
        '"zh-CN" = "卖家发货"', '"zh-CN" = "卖家发货（新规）"'
    )
    assert newer != text
    loaded_rules_dir().mkdir(parents=True, exist_ok=True)
    loaded = loaded_rules_dir() / "taobao.toml"
    loaded.write_text(newer, encoding="utf-8")
    os.utime(loaded, ns=(1_900_000_000_000_000_000,) * 2)  # as a later save would stamp it
    _agree("taobao")
    assert rules_in_force.rules_as_of("taobao") == "2099-01-01"
    assert "卖家发货（新规）" in {
        t.title_in("zh-CN") for t in rules_in_force.rule_titles("taobao").values()
    }
    older = newer.replace('as_of = "2099-01-01"', 'as_of = "2000-01-01"')
    loaded.write_text(older, encoding="utf-8")
    os.utime(loaded, ns=(1_900_000_001_000_000_000,) * 2)
    _agree("taobao")  # not in force: the built-in file is read again
    assert rules_in_force.rules_as_of("taobao") == builtin.as_of
