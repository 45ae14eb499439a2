"""Where resources and the seller's data live. The only module that knows whether we
run frozen (PyInstaller sets sys._MEIPASS) and where platformdirs puts user data."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

APP_NAME = "ShopDesk"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resources_dir() -> Path:
    if is_frozen():
        return Path(sys._MEIPASS) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def platform_files(name: str) -> list[Path]:
    """Every platform folder's `name` file (shopdesk/platforms/<id>/messages.toml), in
    the bundle where build.spec puts them beside the platforms' modules."""
    root = Path(sys._MEIPASS) / "shopdesk" if is_frozen() else Path(__file__).resolve().parents[1]
    return sorted((root / "platforms").glob(f"*/{name}"))


def data_dir() -> Path:
    """The seller's data folder (never beside the executable). SHOPDESK_DATA_DIR overrides
    it, which tests and portable installs use."""
    override = os.environ.get("SHOPDESK_DATA_DIR")
    path = Path(override) if override else _platform_data_dir()
    if path not in _made:  # asked for per rule set look-up: one mkdir per folder, not per row
        path.mkdir(parents=True, exist_ok=True)
        _made.add(path)
    return path


_made: set[Path] = set()


@functools.cache
def _platform_data_dir() -> Path:
    # Asked for every rule set look-up (once per row when clocks are computed): platformdirs
    # works it out anew each time, which cost a tenth of a second per thousand rows.
    import platformdirs  # 8 ms of imports, paid only when the folder is first asked for

    return Path(platformdirs.user_data_dir(APP_NAME, False))


def loaded_rules_dir() -> Path:
    """Where rule set files the seller loaded are kept (the data folder)."""
    return data_dir() / "rules"


def default_store_path() -> Path:
    return data_dir() / "shopdesk.db"


def evidence_dir(store_path: Path) -> Path:
    """The store's own folder for evidence files, beside the database file."""
    store_path = Path(store_path)
    return store_path.with_name(store_path.name + ".files")


def crash_logs_dir() -> Path:
    """Where crash logs go (one file per unexpected error; see shopdesk/crash_log.py)."""
    path = data_dir() / "crash-logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_path() -> Path:
    return data_dir() / "shopdesk.log"


def font_path() -> Path:
    """The CJK font ShopDesk renders with (chat images, PDFs), the same on every machine."""
    return resource("fonts", "wqy-microhei.ttc")
