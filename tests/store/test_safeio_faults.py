"""A full disk (ENOSPC) and a read-only folder (EROFS), injected at the write calls since
the tests run as root: the seller gets a DiskError that says what happened, and nothing
is half-written (no partial backup, export or import; the store unchanged)."""

from __future__ import annotations

import errno
import os
import sqlite3

import pytest

from shopdesk.domain.errors import DiskError
from shopdesk.store import backup as backup_module
from shopdesk.store import safeio
from shopdesk.store.backup import default_backup_dir, list_backups, make_backup, restore_backup
from shopdesk.store.export import export
from shopdesk.store.import_repo import import_files
from shopdesk.store.safeio import TEMP_PREFIX
from tests.importers_fixtures import order, write_orders
from tests.safety_support import put_evidence, snapshot

FULL = OSError(errno.ENOSPC, "No space left on device")
READ_ONLY = OSError(errno.EROFS, "Read-only file system")


def fail_with(error: OSError):
    def raiser(*args, **kwargs):
        raise error

    return raiser


def no_temp_left(folder) -> bool:
    return not any(p.name.startswith(TEMP_PREFIX) for p in folder.rglob("*"))


@pytest.fixture
def shop(demo_store):
    put_evidence(demo_store, demo_store.list_cases()[0].id, b"photo bytes", "a.jpg")
    return demo_store


BACKUP_FAULTS = {
    "rename": (safeio.os, "replace", READ_ONLY, "只读"),
    "fsync": (os, "fsync", FULL, "磁盘空间不足"),
    "evidence copy": (safeio.os, "link", FULL, "磁盘空间不足"),
    "folder": (backup_module.Path, "mkdir", READ_ONLY, "只读"),
}


@pytest.mark.parametrize("fault", BACKUP_FAULTS, ids=list(BACKUP_FAULTS))
def test_backup_on_a_full_or_read_only_disk(shop, now, monkeypatch, fault):
    target, name, error, words = BACKUP_FAULTS[fault]
    before = snapshot(shop.path)
    monkeypatch.setattr(target, name, fail_with(error))
    with pytest.raises(DiskError, match=words):
        make_backup(shop.path, now)
    monkeypatch.undo()
    folder = default_backup_dir(shop.path)
    assert list_backups(folder) == []
    assert not folder.exists() or no_temp_left(folder)
    assert snapshot(shop.path) == before


def test_backup_when_sqlite_finds_the_disk_full(shop, now, monkeypatch):
    real_connect = sqlite3.connect

    def tiny_disk(target, *args, **kwargs):
        conn = real_connect(target, *args, **kwargs)
        if TEMP_PREFIX in str(target):
            conn.execute("PRAGMA max_page_count = 4")  # SQLite's own SQLITE_FULL
        return conn

    monkeypatch.setattr(backup_module.sqlite3, "connect", tiny_disk)
    with pytest.raises(DiskError, match="磁盘空间不足"):
        make_backup(shop.path, now)
    monkeypatch.undo()
    assert list_backups(default_backup_dir(shop.path)) == []
    assert no_temp_left(default_backup_dir(shop.path))


def test_restore_on_a_full_disk_leaves_the_store_as_it_was(shop, now, monkeypatch):
    shop.set_setting("notes", "很长的备注" * 40000)  # the backup is bigger than the store
    backup = make_backup(shop.path, now)
    shop.db.execute("DELETE FROM settings")
    shop.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shop.db.execute("VACUUM")
    before = snapshot(shop.path)
    real_connect = sqlite3.connect

    def full_store(target, *args, **kwargs):
        conn = real_connect(target, *args, **kwargs)
        if str(target) == str(shop.path):
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        return conn

    monkeypatch.setattr(backup_module.sqlite3, "connect", full_store)
    with pytest.raises(DiskError, match="磁盘空间不足"):
        restore_backup(backup, shop.path, now)
    monkeypatch.undo()
    assert snapshot(shop.path) == before
    assert shop.get_setting("notes") is None
    assert shop.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


EXPORT_FAULTS = {
    "open": (safeio, "open", READ_ONLY, "只读"),
    "fsync": (os, "fsync", FULL, "磁盘空间不足"),
    "rename": (safeio.os, "replace", FULL, "磁盘空间不足"),
}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("fault", EXPORT_FAULTS, ids=list(EXPORT_FAULTS))
def test_export_on_a_full_or_read_only_disk(demo_store, now, tmp_path, monkeypatch, fault, fmt):
    target, name, error, words = EXPORT_FAULTS[fault]
    folder = tmp_path / "out"
    folder.mkdir()
    old = folder / f"orders.{fmt}"
    old.write_bytes(b"yesterday")
    monkeypatch.setattr(target, name, fail_with(error), raising=False)
    with pytest.raises(DiskError, match=words):
        export(demo_store, "orders", old, now)
    monkeypatch.undo()
    assert sorted(p.name for p in folder.iterdir()) == [old.name]
    assert old.read_bytes() == b"yesterday"


def test_export_when_the_disk_fills_mid_file(demo_store, now, tmp_path, monkeypatch):
    real_open = open

    class FillingFile:
        def __init__(self, handle):
            self.handle, self.written = handle, 0

        def write(self, data):
            self.written += len(data)
            if self.written > 4096:
                raise FULL
            return self.handle.write(data)

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    monkeypatch.setattr(
        safeio, "open", lambda *a, **k: FillingFile(real_open(*a, **k)), raising=False
    )
    with pytest.raises(DiskError, match="磁盘空间不足"):
        export(demo_store, "orders", tmp_path / "orders.xlsx", now)
    monkeypatch.undo()
    left = [p.name for p in tmp_path.iterdir() if not p.name.startswith("demo.db")]
    assert sorted(set(left) - {"data"}) == []  # the data folder holds the store-check cache


def _full_store(store) -> None:
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def test_import_on_a_full_disk_imports_nothing(store, now, tmp_path):
    rows = [order(f"35153131473293{n:05d}") for n in range(200)]
    export_file = write_orders(tmp_path / "ExportOrderList202611280930.csv", rows)
    before = snapshot(store.path)
    _full_store(store)
    with pytest.raises(DiskError, match="磁盘空间不足"):
        import_files(store, [export_file], now=now)
    assert snapshot(store.path) == before
    assert store.counts()["orders"] == 0


def test_cli_says_disk_full_in_one_line(shop, tmp_path, monkeypatch, capsys):
    from shopdesk.cli import main

    monkeypatch.setattr(safeio.os, "replace", fail_with(FULL))
    assert main(["backup", "--db", str(shop.path), "--to", str(tmp_path / "usb")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "磁盘空间不足" in err
