"""`check_store`: what 检查数据 and `shopdesk check` find, and that they change nothing."""

from __future__ import annotations

import pytest

from shopdesk.domain.errors import InputError, NotAStoreError
from shopdesk.store.check import CHANGED, MISSING, check_store
from tests.safety_support import put_evidence, snapshot
from tests.verify_heal_support import damage_page, rot_evidence

PHOTO = b"\xff\xd8\xff\xe0 a cracked mug, photographed on arrival"


@pytest.fixture
def shop(demo_store):
    cases = demo_store.list_cases()
    sha = put_evidence(demo_store, cases[2].id, PHOTO, "开箱照片.jpg")
    put_evidence(demo_store, cases[5].id, b"%PDF-1.4 waybill", "运单.pdf")
    demo_store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return demo_store, cases[2], sha


def test_a_sound_store_is_reported_sound(shop):
    store, _, _ = shop
    report = check_store(store.path)
    assert report.ok and report.evidence_checked == 2
    assert report.to_json()["ok"] is True


def test_a_rotted_evidence_file_is_named_with_its_case_order_and_hash(shop):
    store, case, sha = shop
    rot_evidence(store.path, sha)
    before = snapshot(store.path)
    report = check_store(store.path)
    assert not report.ok and report.store_problems == []
    [problem] = report.evidence_problems
    assert problem.problem == CHANGED and problem.sha256 == sha
    assert problem.file_name == "开箱照片.jpg"
    assert (problem.case_id, problem.order_no) == (case.id, case.order_no)
    [affected] = report.affected_cases()
    assert affected.case_id == case.id and affected.files == ("开箱照片.jpg",)
    assert snapshot(store.path) == before  # a check never repairs behind the seller's back


def test_a_missing_evidence_file_is_named(shop):
    store, case, sha = shop
    rot_evidence(store.path, sha).unlink()
    [problem] = check_store(store.path).evidence_problems
    assert (problem.problem, problem.case_id, problem.file_name) == (
        MISSING,
        case.id,
        "开箱照片.jpg",
    )


def test_a_damaged_page_is_found(shop):
    store, _, _ = shop
    path = store.path
    store.close()
    damage_page(path)
    report = check_store(path)
    assert not report.ok and report.store_problems
    assert report.evidence_problems == []  # the evidence is fine; the database is not


def test_a_zeroed_store_is_not_an_empty_shop(tmp_path):
    empty = tmp_path / "zeroed.db"
    empty.write_bytes(b"")
    report = check_store(empty)
    assert not report.ok and "0 字节" in report.store_problems[0]


def test_a_missing_path_and_another_programs_database_are_refused(tmp_path):
    import sqlite3

    with pytest.raises(InputError, match="找不到"):
        check_store(tmp_path / "typo.db")
    with pytest.raises(InputError, match="是一个文件夹"):
        check_store(tmp_path)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.close()
    with pytest.raises(NotAStoreError):
        check_store(other)


def test_progress_counts_every_file_and_cancel_stops(shop):
    from shopdesk.store.check import CheckCancelled

    store, _, _ = shop
    seen = []
    check_store(store.path, on_progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    with pytest.raises(CheckCancelled):
        check_store(store.path, cancelled=lambda: True)
