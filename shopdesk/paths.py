"""Where resources and the seller's data live. The only module that knows whether we
run frozen (PyInstaller sets sys._MEIPASS) and where platformdirs puts user data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ShopDesk"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resources_dir() -> Path:
    if is_frozen():
        return Path(sys._MEIPASS) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The seller's data folder (never beside the executable). SHOPDESK_DATA_DIR overrides
    it, which tests and portable installs use."""
    override = os.environ.get("SHOPDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_store_path() -> Path:
    return data_dir() / "shopdesk.db"


def evidence_dir(store_path: Path) -> Path:
    """The store's own folder for evidence files, beside the database file."""
    store_path = Path(store_path)
    return store_path.with_name(store_path.name + ".files")


def log_path() -> Path:
    return data_dir() / "shopdesk.log"


def font_path() -> Path:
    """The CJK font ShopDesk renders with (chat images, PDFs), the same on every machine."""
    return resource("fonts", "wqy-microhei.ttc")
