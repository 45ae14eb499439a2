"""Print the CHANGELOG.md section of one version (the release's notes).

    python packaging/release_notes.py 0.1.0

Exit 2 with one line when CHANGELOG.md has no section for it: a release is not made
without telling the seller what changed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CHANGELOG = Path(__file__).resolve().parents[1] / "CHANGELOG.md"


def section(text: str, version: str) -> str | None:
    heading = re.compile(rf"^## {re.escape(version)}(?:\s|$).*$", re.M)
    match = heading.search(text)
    if match is None:
        return None
    following = re.compile(r"^## ", re.M).search(text, match.end())
    return text[match.start() : following.start() if following else len(text)].strip() + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: release_notes.py VERSION", file=sys.stderr)
        return 2
    notes = section(CHANGELOG.read_text(encoding="utf-8"), argv[0])
    if notes is None:
        print(f"release_notes: CHANGELOG.md has no section “## {argv[0]}”", file=sys.stderr)
        return 2
    sys.stdout.write(notes)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
