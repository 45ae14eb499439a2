"""docs/windows.md names, for every place ShopDesk behaves differently on Windows, the
test that covers it: each named test exists, and each place the code branches on Windows
is in the list."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "windows.md").read_text(encoding="utf-8")


def test_every_test_the_windows_doc_names_exists():
    named = set(re.findall(r"`(?:[\w/.]+::)?(test_\w+)`", DOC))
    assert len(named) >= 12
    defined = set()
    for path in (ROOT / "tests").rglob("test_*.py"):
        defined |= set(re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M))
    assert sorted(named - defined) == []


def test_every_module_that_branches_on_windows_is_in_the_doc():
    branching = set()
    for path in (ROOT / "shopdesk").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r'os\.name == "nt"|sys\.platform == "win32"|sys\.platform\.startswith', text):
            branching.add(path.stem)
    assert {"safeio", "single_instance", "winsafe", "reminders", "app"} <= branching
    missing = sorted(stem for stem in branching if stem not in DOC)
    assert missing == []
