"""ShopDesk: the after-sales desk for small online shops.

The version is written once, in pyproject.toml. An installed ShopDesk reads it from its
package metadata; the frozen bundle from the VERSION file build.spec puts beside the
package; a source tree that was never installed from pyproject.toml itself.
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path


def _read_version() -> str:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return (Path(bundle) / "shopdesk" / "VERSION").read_text(encoding="utf-8").strip()
    try:
        return metadata.version("shopdesk")
    except metadata.PackageNotFoundError:
        import tomllib

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]


__version__ = _read_version()
