"""Opening a store an older ShopDesk made: a small window says the data is being brought
up to date while the schema steps run (a new search index takes seconds on a big store)."""

from __future__ import annotations

import shutil
from pathlib import Path

from shopdesk.store.migrations import known_names
from shopdesk.ui.app import UpgradeNotice, open_store

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "stores").glob("v*.db"))


class Watched(UpgradeNotice):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[bool, str]] = []

    def __call__(self) -> None:
        super().__call__()
        self.seen.append((self.label.isVisible(), self.label.text()))


def test_an_older_store_opens_behind_a_notice_that_closes_after(qtbot, tmp_path):
    older = tmp_path / "older.db"
    shutil.copyfile(FIXTURES[-2], older)
    notice = Watched()
    store = open_store(older, demo=False, notice=notice)
    try:
        assert notice.seen == [(True, "正在更新店铺数据（升级后只做一次），请稍候…")]
        assert notice.label is None  # closed once the store is open
        assert store.schema_version() == len(known_names())  # brought up to date
    finally:
        store.close()
    again = Watched()
    open_store(older, demo=False, notice=again).close()
    assert again.seen == []  # up to date: no notice
