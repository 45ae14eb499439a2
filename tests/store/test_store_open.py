"""Opening a store: every older schema version upgrades with its data; damage is found
by quick_check without changing a byte."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from shopdesk.store.backup import quick_check
from shopdesk.store.migrations import known_names
from shopdesk.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "stores").glob("v*.db"))
sys.path.insert(0, str(ROOT / "tools"))
from make_fixture_store import EVIDENCE_SHA, ORDER  # noqa: E402


def test_there_is_a_fixture_store_for_the_current_schema_version():
    current = len(known_names())
    assert f"v{current:04d}.db" in {p.name for p in FIXTURES}, (
        "run `python tools/make_fixture_store.py` and commit the new fixture store"
    )


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_a_store_from_every_schema_version_opens_with_its_data(fixture, tmp_path):
    path = tmp_path / "old.db"
    shutil.copyfile(fixture, path)
    with Store.open(path) as store:
        assert store.schema_version() == len(known_names())
        order = store.order_by_no(ORDER["order_no"])
        assert (order.buyer_nick, order.paid_fen, order.paid_at) == (
            ORDER["buyer_nick"],
            ORDER["paid_fen"],
            ORDER["paid_at"],
        )
        assert [line.title for line in store.order_lines(order.id)] == [ORDER["item_titles"]]
        (case,) = store.list_cases(order_id=order.id)
        assert (case.kind, case.reason, case.refund_fen) == ("return_refund", "杯子有裂痕", 3900)
        assert [e.kind for e in store.events(case.id)] == ["opened", "seller_agreed"]
        assert store.db.execute("SELECT sha256 FROM evidence").fetchall() == [(EVIDENCE_SHA,)]
        assert store.get_setting("language") == "zh-CN"
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The append-only timeline survives the upgrade.
    with Store.open(path) as store, pytest.raises(sqlite3.IntegrityError):
        store.db.execute("DELETE FROM case_events")


def _damage(path: Path) -> None:
    """Overwrite an index page in the middle of the file, as a bad sector would."""
    conn = sqlite3.connect(path)
    page = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'orders_buyer'"
    ).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * size + 8)
        handle.write(b"\xa5" * 200)


def test_quick_check_reports_damage_and_changes_nothing(demo_template, tmp_path):
    path = tmp_path / "damaged.db"
    shutil.copyfile(demo_template, path)
    assert quick_check(path) is None
    _damage(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    problem = quick_check(path)
    assert problem
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


def test_quick_check_of_something_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite" * 100)
    assert quick_check(path)


def test_the_front_end_is_told_before_an_older_store_is_brought_up_to_date(tmp_path):
    older = tmp_path / "older.db"
    shutil.copyfile(FIXTURES[-2], older)  # the schema before the newest step
    told: list[int] = []
    with Store.open(older, on_upgrade=lambda: told.append(1)) as store:
        assert store.schema_version() == len(known_names())
    assert told == [1]
    with Store.open(older, on_upgrade=lambda: told.append(2)):
        pass  # up to date now: nothing to say
    with Store.open(tmp_path / "new.db", on_upgrade=lambda: told.append(3)):
        pass  # a new store is made, not upgraded
    assert told == [1]
