"""The frozen app finds its resources inside the bundle and keeps the seller's store in
the user's data folder, never beside the executable."""

from __future__ import annotations

import sys
from pathlib import Path

from shopdesk.domain import paths


def frozen(monkeypatch, bundle: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle.parent / "shopdesk"))


def test_from_source_resources_are_the_checkouts(monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert not paths.is_frozen()
    assert paths.font_path().is_file()
    assert paths.resource("icons", "shopdesk.png").is_file()


def test_frozen_resources_come_from_the_bundle(monkeypatch, tmp_path):
    bundle = tmp_path / "shopdesk" / "_internal"
    frozen(monkeypatch, bundle)
    assert paths.is_frozen()
    assert paths.resources_dir() == bundle / "resources"
    assert paths.font_path() == bundle / "resources" / "fonts" / "wqy-microhei.ttc"


def test_frozen_store_lives_in_the_data_folder_not_beside_the_executable(monkeypatch, tmp_path):
    bundle = tmp_path / "shopdesk" / "_internal"
    frozen(monkeypatch, bundle)
    monkeypatch.delenv("SHOPDESK_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home-data"))
    store = paths.default_store_path()
    assert tmp_path / "shopdesk" not in store.parents
    assert store.parent.name == paths.APP_NAME
    assert store.parent.is_dir()
