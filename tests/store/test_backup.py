"""Backups: what a seller gets back after a restore, and what rotation keeps."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import timedelta

import pytest

from shopdesk.domain import paths
from shopdesk.domain.errors import InputError, NewerStoreError
from shopdesk.store.backup import (
    FILES_NAME,
    backups_to_keep,
    default_backup_dir,
    list_backups,
    make_backup,
    needs_auto_backup,
    restore_backup,
    rotate,
)
from shopdesk.store.safeio import TEMP_PREFIX
from shopdesk.store.store import Store
from tests.safety_support import put_evidence, snapshot

PHOTO = b"\xff\xd8 photo of a broken cup"
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


@pytest.fixture
def shop(demo_store):
    cases = demo_store.list_cases()
    put_evidence(demo_store, cases[0].id, PHOTO, "破损.jpg")
    put_evidence(demo_store, cases[1].id, b"%PDF-1.4 waybill", "运单.pdf")
    return demo_store


def test_backup_then_restore_gives_back_orders_cases_events_and_evidence(shop, now):
    before = snapshot(shop.path)
    backup = make_backup(shop.path, now)
    assert backup.parent == default_backup_dir(shop.path)
    assert json.loads((backup / "manifest.json").read_text())["counts"]["evidence"] == 2

    # The seller keeps working, then loses an evidence file and wants yesterday back.
    order = shop.list_orders(limit=1)[0]
    shop.add_case(order.id, "refund_unshipped", "2026-11-28T05:00:00Z", reason="后悔了")
    put_evidence(shop, shop.list_cases()[2].id, b"new screenshot", "新.png")
    (paths.evidence_dir(shop.path) / PHOTO_SHA[:2] / PHOTO_SHA).unlink()
    assert snapshot(shop.path) != before

    safety = restore_backup(backup, shop.path, now + timedelta(minutes=5))
    assert snapshot(shop.path) == before
    assert len(shop.list_cases()) == len(before["rows"]["cases"])
    # What was there before the restore is kept in its own backup.
    assert safety is not None and safety.name.endswith("-before-restore")
    assert (
        len(snapshot(safety / "shopdesk.db")["rows"]["cases"]) == len(before["rows"]["cases"]) + 1
    )


def test_backup_shares_evidence_files_by_hard_link(shop, now):
    backup = make_backup(shop.path, now)
    original = paths.evidence_dir(shop.path) / PHOTO_SHA[:2] / PHOTO_SHA
    copy = backup / FILES_NAME / PHOTO_SHA[:2] / PHOTO_SHA
    assert copy.read_bytes() == original.read_bytes()
    assert copy.stat().st_ino == original.stat().st_ino


def test_backup_is_a_self_contained_file_and_leaves_no_temp_names(shop, now):
    backup = make_backup(shop.path, now)
    assert sorted(p.name for p in backup.iterdir()) == ["files", "manifest.json", "shopdesk.db"]
    assert not any(p.name.startswith(TEMP_PREFIX) for p in backup.parent.iterdir())


def test_restore_refuses_a_backup_from_a_newer_shopdesk_and_changes_nothing(shop, now, tmp_path):
    backup = make_backup(shop.path, now)
    newer = make_backup(shop.path, now + timedelta(seconds=1))
    conn = sqlite3.connect(newer / "shopdesk.db")
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('shopdesk', '9999_future', '2030-01-01')"
        )
    conn.close()
    before = snapshot(shop.path)
    with pytest.raises(NewerStoreError):
        restore_backup(newer, shop.path, now)
    assert snapshot(shop.path) == before
    assert [b.path for b in list_backups(backup.parent)] == [newer, backup]


def test_restore_refuses_something_that_is_not_a_backup(shop, now, tmp_path):
    with pytest.raises(InputError, match="不是 ShopDesk 备份"):
        restore_backup(tmp_path / "nowhere", shop.path, now)


def test_restore_into_a_fresh_path(shop, now, tmp_path):
    before = snapshot(shop.path)
    backup = make_backup(shop.path, now)
    target = tmp_path / "new-pc" / "shopdesk.db"
    assert restore_backup(backup, target, now) is None
    assert snapshot(target) == before
    with Store.open(target) as reopened:
        assert reopened.counts() == shop.counts()


def test_rotation_keeps_seven_days_and_four_weeks(store, now):
    folder = default_backup_dir(store.path)
    taken = [now - timedelta(days=d, hours=h) for d in range(60) for h in (0, 2)]
    for moment in taken:
        make_backup(store.path, moment, kind="auto", prune=False)
    removed = rotate(folder)
    kept = list_backups(folder)
    assert len(kept) + len(removed) == 120
    days = [b.taken_at.date() for b in kept[:7]]
    assert days == [(now - timedelta(days=d)).date() for d in range(7)]
    # The newest of each day: the 04:00 one, not the 02:00 one.
    assert all(b.taken_at.hour == now.hour for b in kept[:7])
    weeks = [b.taken_at.isocalendar()[:2] for b in kept[7:]]
    assert len(kept) == 11 and len(set(weeks)) == 4
    assert all(b.taken_at.date() < days[-1] for b in kept[7:])
    assert backups_to_keep(kept) == {b.path for b in kept}


def test_automatic_backup_at_most_daily(store, now):
    assert needs_auto_backup(store.path, now)
    make_backup(store.path, now, kind="auto")
    assert not needs_auto_backup(store.path, now + timedelta(hours=23))
    assert needs_auto_backup(store.path, now + timedelta(hours=24))


def test_cli_backup_and_restore(shop, tmp_path):
    from shopdesk.cli import main

    before = snapshot(shop.path)
    target = tmp_path / "usb"
    assert main(["backup", "--db", str(shop.path), "--to", str(target), "--json"]) == 0
    backups = list_backups(target)
    assert len(backups) == 1
    shop.db.execute("DELETE FROM evidence")
    assert main(["restore", str(backups[0].path), "--db", str(shop.path)]) == 0
    assert snapshot(shop.path) == before


def test_half_written_evidence_files_are_neither_backed_up_nor_left_behind(shop, now):
    import os

    from shopdesk.store.backup import sweep_store_leftovers

    folder = next(paths.evidence_dir(shop.path).iterdir())
    dead = folder / f"{'c' * 64}.part-999999"  # written by a process that was killed
    dead.write_bytes(b"half")
    alive = folder / f"{'d' * 64}.part-{os.getppid()}"  # a process still writing it
    alive.write_bytes(b"still writing")
    backup = make_backup(shop.path, now)
    assert not [p for p in (backup / FILES_NAME).rglob("*") if ".part-" in p.name]
    assert sweep_store_leftovers(shop.path) == 1
    assert not dead.exists() and alive.exists()
