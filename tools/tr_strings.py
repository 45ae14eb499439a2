"""List the source strings the UI passes to tr() (and the tr() helpers of the views), so
a test can check that every one has its zh-TW and en translation."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "shopdesk" / "ui"


def tr_strings(folder: Path = UI) -> set[str]:
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            args = node.args
            if name in ("tr", "QT_TR_NOOP") and args and isinstance(args[0], ast.Constant):
                found.add(args[0].value)
            elif name == "translate" and len(args) >= 2 and isinstance(args[1], ast.Constant):
                found.add(args[1].value)
    return {s for s in found if isinstance(s, str)}


if __name__ == "__main__":
    for text in sorted(tr_strings(Path(sys.argv[1]) if len(sys.argv) > 1 else UI)):
        print(text)
