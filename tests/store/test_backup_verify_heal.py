"""Backups never keep damage, and a restore verifies every file of a backup first."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import timedelta

import pytest

from shopdesk.domain import paths
from shopdesk.domain.errors import DamagedStoreError, InputError
from shopdesk.store.backup import (
    FILES_NAME,
    MANIFEST_NAME,
    default_backup_dir,
    list_backups,
    make_backup,
    restore_backup,
)
from tests.safety_support import put_evidence, snapshot
from tests.verify_heal_support import damage_page, rot_evidence

PHOTO = b"\xff\xd8\xff\xe0 the parcel, crushed"
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


@pytest.fixture
def shop(demo_store):
    case = demo_store.list_cases()[1]
    put_evidence(demo_store, case.id, PHOTO, "快递破损.jpg")
    return demo_store


def backup_file(backup, sha=PHOTO_SHA):
    return backup / FILES_NAME / sha[:2] / sha


def detach(path):
    """Give a backup its own copy of a hard-linked file (as a copying disk would)."""
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)


def test_backup_of_a_damaged_store_is_refused_and_takes_no_place_in_rotation(shop, now):
    folder = default_backup_dir(shop.path)
    older = [make_backup(shop.path, now - timedelta(days=d), kind="auto") for d in (9, 8, 1)]
    path = shop.path
    shop.close()
    damage_page(path)
    with pytest.raises(DamagedStoreError, match="已损坏"):
        make_backup(path, now, kind="auto")
    assert [b.path for b in list_backups(folder)] == older[::-1]  # none rotated away
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_backup_with_a_rotted_evidence_file_is_refused_naming_it(shop, now):
    rot_evidence(shop.path, PHOTO_SHA)
    with pytest.raises(DamagedStoreError, match=f"快递破损.jpg.*{PHOTO_SHA}"):
        make_backup(shop.path, now)
    assert list_backups(default_backup_dir(shop.path)) == []


def test_restore_refuses_a_backup_whose_evidence_was_tampered_with(shop, now, tmp_path):
    backup = make_backup(shop.path, now)
    tampered = backup_file(backup)
    detach(tampered)
    tampered.write_bytes(b"\xff\xd8\xff\xe0 a different photo")
    target = tmp_path / "new-pc" / "shopdesk.db"
    with pytest.raises(InputError, match=f"快递破损.jpg.*{PHOTO_SHA}") as refused:
        restore_backup(backup, target, now)
    assert "没有恢复任何数据" in str(refused.value)
    assert not target.parent.exists()  # nothing at all was written

    before = snapshot(shop.path)
    with pytest.raises(InputError, match="快递破损.jpg"):
        restore_backup(backup, shop.path, now)
    assert snapshot(shop.path) == before
    assert [b.path for b in list_backups(backup.parent)] == [backup]  # no before-restore copy


def test_restore_refuses_a_backup_missing_a_file_its_manifest_lists(shop, now, tmp_path):
    backup = make_backup(shop.path, now)
    assert PHOTO_SHA in json.loads((backup / MANIFEST_NAME).read_text())["evidence_sha256"]
    backup_file(backup).unlink()
    with pytest.raises(InputError, match=f"缺少证据文件“快递破损.jpg”.*{PHOTO_SHA}"):
        restore_backup(backup, tmp_path / "fresh.db", now)
    assert not (tmp_path / "fresh.db").exists()


def test_restore_refuses_a_backup_with_a_damaged_page(shop, now, tmp_path):
    backup = make_backup(shop.path, now)
    damage_page(backup / "shopdesk.db")
    before = snapshot(shop.path)
    with pytest.raises((InputError, DamagedStoreError), match="已损坏"):
        restore_backup(backup, shop.path, now)
    assert snapshot(shop.path) == before


def test_restore_replaces_a_rotted_evidence_file_with_the_backups_good_copy(shop, now):
    backup = make_backup(shop.path, now)
    detach(backup_file(backup))  # the backup holds its own bytes
    rot_evidence(shop.path, PHOTO_SHA)
    restore_backup(backup, shop.path, now + timedelta(minutes=1))
    stored = paths.evidence_dir(shop.path) / PHOTO_SHA[:2] / PHOTO_SHA
    assert stored.read_bytes() == PHOTO


def test_a_damaged_store_can_still_be_restored_and_is_kept_aside_first(shop, now):
    good = make_backup(shop.path, now)
    before = snapshot(shop.path)
    path = shop.path
    shop.close()
    damage_page(path)
    restore_backup(good, path, now + timedelta(minutes=1))
    assert snapshot(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
