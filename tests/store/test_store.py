import sqlite3

import pytest

from shopdesk.domain.errors import NewerStoreError, NotAStoreError
from shopdesk.domain.model import CaseKind, EventKind
from shopdesk.store.migrations import known_names
from shopdesk.store.store import Store


def test_migrations_apply_once_and_reopening_changes_nothing(tmp_path):
    path = tmp_path / "s.db"
    with Store.open(path) as store:
        first = [r["name"] for r in store.db.table("_sqlite_migrations").rows]
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with Store.open(path) as store:
        second = [r["name"] for r in store.db.table("_sqlite_migrations").rows]
    assert first == second == sorted(known_names())
    assert len(second) == len(set(second))


def test_store_is_wal_with_foreign_keys(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_store_from_a_newer_shopdesk_is_refused_and_left_byte_identical(tmp_path):
    path = tmp_path / "newer.db"
    with Store.open(path) as store:
        store.db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('shopdesk', '9999_from_the_future', '2030-01-01')"
        )
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = path.read_bytes()
    with pytest.raises(NewerStoreError, match="更新版本"):
        Store.open(path)
    assert path.read_bytes() == before


def test_another_programs_files_are_refused_untouched(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(NotAStoreError):
        Store.open(text)
    assert text.read_text(encoding="utf-8") == "not a database"
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(NotAStoreError, match="其他程序"):
        Store.open(other)
    assert other.read_bytes() == before


def _order(store, order_no="1001"):
    return store.save_order(
        {"platform": "taobao", "order_no": order_no, "buyer_nick": "买家甲", "state": "shipped"}
    )


def test_a_case_starts_with_its_opened_event(store):
    order = _order(store)
    case = store.add_case(order.id, CaseKind.RETURN_REFUND.value, "2026-11-27T01:00:00Z")
    events = store.events(case.id)
    assert [e.kind for e in events] == [EventKind.OPENED.value]
    assert case.order_no == "1001"


def test_the_timeline_is_append_only(store):
    order = _order(store)
    case = store.add_case(order.id, CaseKind.REFUND_SHIPPED.value, "2026-11-27T01:00:00Z")
    agreed = store.add_event(case.id, EventKind.SELLER_AGREED.value, "2026-11-27T02:00:00Z")
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("DELETE FROM case_events WHERE id = ?", [agreed.id])
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("UPDATE case_events SET kind = 'refunded' WHERE id = ?", [agreed.id])
    store.add_event(case.id, EventKind.CORRECTION.value, "2026-11-27T03:00:00Z", retracts=agreed.id)
    assert [e.kind for e in store.events(case.id)] == ["opened", "seller_agreed", "correction"]


def test_saving_an_order_twice_updates_it(store):
    _order(store)
    store.save_order({"platform": "taobao", "order_no": "1001", "status": "交易成功"})
    assert store.count_orders() == 1
    assert store.find_order("taobao", "1001").status == "交易成功"


def test_search_finds_orders_by_part_of_a_title(demo_store):
    found = demo_store.list_orders(search="耳机")
    assert found and all("耳机" in o.item_titles for o in found)
