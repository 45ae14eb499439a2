"""`shopdesk check` and the damaged-store refusals of `backup` / `restore`, through the
real command-line process."""

from __future__ import annotations

import hashlib
import json
import os

import pytest

from tests.e2e.conftest import shopdesk
from tests.safety_support import snapshot
from tests.verify_heal_support import damage_page, rot_evidence

PHOTO = b"\xff\xd8\xff\xe0" + b"opened parcel " * 50
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def one_chinese_line(result) -> bool:
    lines = result.stderr.strip().splitlines()
    return (
        len(lines) == 1
        and "Traceback" not in result.stderr
        and any("\u4e00" <= ch <= "\u9fff" for ch in lines[0])
    )


@pytest.fixture
def shop(tmp_path, demo_template):
    db = tmp_path / "shop.db"
    db.write_bytes(demo_template.read_bytes())
    photo = tmp_path / "开箱照片.jpg"
    photo.write_bytes(PHOTO)
    added = shopdesk("evidence", "add", 3, photo, "--kind", "photo", "--db", db)
    assert added.returncode == 0, added.stderr
    order_no = next(
        c["order_no"]
        for c in json.loads(shopdesk("cases", "--db", db, "--json").stdout)
        if c["id"] == 3
    )
    return db, photo, order_no


def test_check_of_a_sound_store_exits_0(shop):
    db, _, _ = shop
    result = shopdesk("check", "--db", db)
    assert result.returncode == 0, result.stderr
    assert "全部完好" in result.stdout


def test_check_names_the_case_order_file_and_hash_of_a_rotted_file_and_readding_heals(shop):
    db, photo, order_no = shop
    rot_evidence(db, PHOTO_SHA)
    result = shopdesk("check", "--db", db)
    assert result.returncode == 1
    line = next(x for x in result.stdout.splitlines() if PHOTO_SHA in x)
    assert "售后单 #3" in line and order_no in line and "开箱照片.jpg" in line and "已损坏" in line
    document = json.loads(shopdesk("check", "--db", db, "--json").stdout)
    assert document["ok"] is False
    assert document["affected_cases"] == [
        {"case_id": 3, "order_no": order_no, "files": ["开箱照片.jpg"]}
    ]
    [problem] = document["evidence"]["problems"]
    assert problem["sha256"] == PHOTO_SHA and problem["problem"] == "changed"

    assert shopdesk("evidence", "add", 3, photo, "--kind", "photo", "--db", db).returncode == 0
    assert shopdesk("check", "--db", db).returncode == 0


def test_check_finds_a_damaged_page_and_backup_refuses_it(shop):
    db, _, _ = shop
    damage_page(db)
    before = snapshot(db)
    result = shopdesk("check", "--db", db, "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["store"]["ok"] is False
    refused = shopdesk("backup", "--db", db)
    # The refusal now comes from the store's own open check (its message carries SQLite's
    # lines: reported to its owner); what matters here is that no backup is made.
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "损坏" in refused.stderr
    backups = db.with_name(db.name + ".backups")
    assert not backups.exists() or not [p for p in backups.iterdir() if not p.name.startswith(".")]
    assert snapshot(db) == before


def test_check_of_a_path_that_is_not_there_exits_2(tmp_path):
    result = shopdesk("check", "--db", tmp_path / "typo.db")
    assert result.returncode == 2 and one_chinese_line(result)


def test_restore_of_a_tampered_backup_names_the_file_and_changes_nothing(shop, tmp_path):
    db, _, _ = shop
    made = shopdesk("backup", "--db", db, "--json")
    backup = json.loads(made.stdout)["backup"]
    tampered = os.path.join(backup, "files", PHOTO_SHA[:2], PHOTO_SHA)
    os.unlink(tampered)  # its own inode: the store's copy stays good
    with open(tampered, "wb") as handle:
        handle.write(b"\xff\xd8\xff\xe0 someone else's parcel")
    before = snapshot(db)
    result = shopdesk("restore", backup, "--db", db)
    assert result.returncode == 2 and one_chinese_line(result)
    assert "开箱照片.jpg" in result.stderr and PHOTO_SHA in result.stderr
    assert snapshot(db) == before
