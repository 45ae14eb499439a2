"""ShopDesk: the after-sales desk for small online shops.

The version is written once, in pyproject.toml. The frozen bundle reads it from the
VERSION file build.spec puts beside the package; a source tree (an editable install
too) from pyproject.toml itself; an installed ShopDesk from its package metadata (read
last: importing importlib.metadata and scanning the installed packages is a noticeable
part of the window's start-up).
"""

from __future__ import annotations

import sys
from pathlib import Path


def _read_version() -> str:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return (Path(bundle) / "shopdesk" / "VERSION").read_text(encoding="utf-8").strip()
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():
        project = _project_table(pyproject.read_text(encoding="utf-8"))
        if project.get("name") == "shopdesk" and project.get("version"):
            return project["version"]
    from importlib import metadata

    return metadata.version("shopdesk")


def _project_table(text: str) -> dict[str, str]:
    """The plain `key = "value"` lines of pyproject.toml's [project] table (name and
    version are written so): tomllib's import and parse cost the window's start-up 7 ms."""
    import re

    found: dict[str, str] = {}
    inside = False
    for line in text.splitlines():
        if line.startswith("["):
            inside = line.strip() == "[project]"
        elif inside and (match := re.match(r'^(\w+)\s*=\s*"([^"\\]*)"\s*(#.*)?$', line)):
            found[match.group(1)] = match.group(2)
    return found


__version__ = _read_version()
