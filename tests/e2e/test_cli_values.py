"""Values outside the world on the command line (nan hours, ids past 2^63, the year 1,
an event dated in the future) are one line of Chinese, exit 2, the store unchanged; a case
kind or state a newer ShopDesk wrote is listed as such, never a crash."""

from __future__ import annotations

import csv
import json
import re
import shutil
import sqlite3

import pytest

from shopdesk.store import search_text
from tests.e2e.cli_inprocess import content, run_cli

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def db(tmp_path, demo_template):
    path = tmp_path / "x.db"
    shutil.copyfile(demo_template, path)
    return path


OUTSIDE = [
    ["due", "--within", "nan"],
    ["due", "--within", "inf"],
    ["due", "--within", "1e309"],
    ["due", "--within", "-5"],
    ["orders", "--limit", str(2**64)],
    ["orders", "--limit", "-1"],
    ["case", "event", str(2**63), "note"],
    ["evidence", "list", "99999999999999999999"],
    ["templates", "render", "appeal_statement", "--case", str(10**30)],
    ["pack", str(2**70), "--profile", "taobao-refund", "--out", "out"],
    ["case", "event", "1", "note", "--at", "0001-01-01"],
    ["case", "event", "1", "note", "--at", "9999-12-31T23:59:59"],
    ["case", "event", "1", "note", "--at", "2099-01-01 10:00"],
    ["case", "add", "3000000000001290000", "--kind", "refund_unshipped", "--at", "2999-01-01"],
    ["case", "deadline", "1", "0001-01-01T00:00:00"],
    ["case", "deadline", "1", "9999-12-31T23:59:59"],
    ["due", "--now", "0001-01-01"],
    ["evidence", "add", "1", "{photo}", "--kind", "photo", "--captured-at", "2999-01-01"],
    ["evidence", "add", "1", "{photo}", "--kind", "photo", "--captured-at", "2099-01-01"],
]


@pytest.mark.parametrize("argv", OUTSIDE, ids=lambda a: " ".join(a)[:60])
def test_values_outside_the_world_are_one_chinese_line(db, argv):
    photo = db.parent / "开箱.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64 + b"\xff\xd9")
    before = content(db)
    result = run_cli(*[a.replace("{photo}", str(photo)) for a in argv], "--db", str(db))
    assert result.code == 2, result
    assert len(result.err.strip().splitlines()) == 1 and HAN.search(result.err), result.err
    assert "Traceback" not in result.err and "Error" not in result.err
    assert content(db) == before


def test_a_recent_event_is_still_recorded(db):
    result = run_cli("case", "event", "1", "note", "--note", "电话回访", "--db", str(db))
    assert result.code == 0, result.err


@pytest.fixture
def db_from_a_newer_version(db):
    connection = sqlite3.connect(db)
    search_text.register(connection)  # as every ShopDesk that writes the store has them
    with connection:
        connection.execute("UPDATE cases SET kind = 'warranty_claim' WHERE id = 1")
        connection.execute("UPDATE cases SET state = 'escalated_to_court' WHERE id = 2")
        connection.execute(
            "INSERT INTO case_events (case_id, kind, at, note, source, created_at) "
            "VALUES (3, 'video_call_held', '2026-11-27T02:00:00Z', '', 'platform', "
            "'2026-11-27T02:00:00Z')"
        )
    connection.close()
    return db


def test_a_kind_from_a_newer_version_is_listed_as_such(db_from_a_newer_version):
    db = db_from_a_newer_version
    text = run_cli("cases", "--db", str(db))
    assert text.code == 0, text.err
    assert "未知类型（新版本）: warranty_claim" in text.out
    assert "未知类型（新版本）: escalated_to_court" in text.out
    listed = json.loads(run_cli("cases", "--json", "--db", str(db)).out)
    first = next(c for c in listed if c["id"] == 1)
    assert first["kind"] == "warranty_claim"
    assert first["kind_label"] == "未知类型（新版本）: warranty_claim"
    assert run_cli("due", "--db", str(db)).code == 0
    assert run_cli("export", "due", "--out", str(db.parent / "due.csv"), "--db", str(db)).code == 0
    rendered = run_cli("templates", "render", "first_response", "--case", "3", "--db", str(db))
    assert rendered.code in (0, 3), rendered.err
    out = db.parent / "cases.csv"
    assert run_cli("export", "cases", "--out", str(out), "--db", str(db)).code == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert "未知类型（新版本）: warranty_claim" in rows[1]


def test_a_case_from_a_newer_version_is_not_changed_here(db_from_a_newer_version):
    db = db_from_a_newer_version
    before = content(db)
    for argv in (
        ["case", "event", "1", "note"],
        ["case", "deadline", "2", "none"],
        ["case", "event", "3", "correction"],
        ["case", "money", "3", "compensation", "5"],
    ):
        result = run_cli(*argv, "--db", str(db))
        assert result.code == 2, result
        assert "新版本" in result.err and len(result.err.strip().splitlines()) == 1
    assert content(db) == before
