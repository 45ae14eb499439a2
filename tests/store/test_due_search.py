"""A 待办 search finds the same rows in the same order whichever way it reads them."""

from __future__ import annotations

import pytest

from shopdesk.store import deadlines_repo
from shopdesk.store.deadlines_repo import recompute_all


def every_match(store, party, search, descending=False) -> list[int]:
    """The plain way: every due row, filtered by the search index, sorted."""
    sql, params = deadlines_repo._due_union(party, search)
    direction = "DESC" if descending else "ASC"
    sql += f" ORDER BY next_due_at {direction}, id {direction}"
    return [row["id"] for row in store.db.query(sql, params)]


@pytest.fixture
def due_store(demo_store, now):
    recompute_all(demo_store, now)
    return demo_store


@pytest.mark.parametrize("party", ["seller", "all", "buyer"])
def test_a_search_finds_the_rows_of_the_plain_query_in_its_order(due_store, party):
    searched = 0
    for text in ("耳机", "杯", "tb", "保温杯 tb", "林", "不存在的词", "  "):
        wanted = every_match(due_store, party, text)
        for offset, limit in ((0, 200), (0, 3), (2, 4)):
            page = deadlines_repo.due_page(due_store, offset, limit, party, text)
            assert [row["id"] for row in page] == wanted[offset : offset + limit], text
        backwards = deadlines_repo.due_page(due_store, 0, 5, party, text, descending=True)
        assert [r["id"] for r in backwards] == every_match(due_store, party, text, True)[:5]
        assert deadlines_repo.count_due(due_store, party, text) == len(wanted)
        searched += bool(wanted)
    assert searched >= 3 if party != "buyer" else searched >= 0


def test_rows_due_in_the_same_second_keep_the_lists_order(due_store):
    """Orders and cases falling due in one second: the list puts orders first, the newest
    order first, then cases by number; the search's documents must say the same."""
    db = due_store.db
    orders = [r[0] for r in db.execute("SELECT id FROM orders WHERE next_due_at IS NOT NULL")]
    cases = [r[0] for r in db.execute("SELECT id FROM cases WHERE next_due_at IS NOT NULL")]
    with due_store.transaction():
        db.execute(
            f"UPDATE orders SET next_due_at = '2026-12-24T08:00:00Z', item_titles = "
            f"item_titles || ' 圣诞同秒' WHERE id IN ({', '.join(map(str, orders[:4]))})"
        )
        db.execute(
            f"UPDATE cases SET next_due_at = '2026-12-24T08:00:00Z', note = '圣诞同秒' "
            f"WHERE id IN ({', '.join(map(str, cases[:3]))})"
        )
    wanted = every_match(due_store, "all", "圣诞同秒")
    assert len(wanted) >= 5 and wanted[0] < 0 < wanted[-1]
    page = deadlines_repo.due_page(due_store, 0, 50, "all", "圣诞同秒")
    assert [row["id"] for row in page] == wanted
    for offset in range(len(wanted)):  # every boundary between pages falls right
        one = deadlines_repo.due_page(due_store, offset, 1, "all", "圣诞同秒")
        assert [row["id"] for row in one] == wanted[offset : offset + 1]


def test_the_due_rows_index_stays_exact_through_every_kind_of_write(due_store, now):
    """The 待办 rows' own search index (steps 0012, 0013) is contentless: a document taken out
    with other text than it went in with would silently corrupt it. After clocks that
    start and stop, cases closed and reopened, texts edited while due and not, a case
    moved to another order, rows deleted, it must equal one built from scratch."""
    from tests.store.test_search_repo_after_import import assert_index_is_exact

    db = due_store.db
    assert_index_is_exact(due_store)  # as the step built it
    due_orders = [r[0] for r in db.execute("SELECT id FROM orders WHERE next_due_at IS NOT NULL")]
    idle_orders = [r[0] for r in db.execute("SELECT id FROM orders WHERE next_due_at IS NULL")]
    open_cases = [r[0] for r in db.execute("SELECT id FROM cases WHERE next_due_at IS NOT NULL")]
    assert len(due_orders) >= 3 and idle_orders and len(open_cases) >= 3
    with due_store.transaction():
        # clocks move (nothing to index), start and stop
        db.execute(
            "UPDATE orders SET next_due_at = '2027-01-01T00:00:00Z' WHERE id = ?", [due_orders[0]]
        )
        db.execute("UPDATE orders SET next_due_at = NULL WHERE id = ?", [due_orders[1]])
        db.execute(
            "UPDATE orders SET next_due_at = '2027-01-02T00:00:00Z' WHERE id = ?", [idle_orders[0]]
        )
        # an order's text edited while it is due, and while one of its cases is
        db.execute("UPDATE orders SET item_titles = '改过的保温杯' WHERE id = ?", [due_orders[2]])
        case_order = db.execute(
            "SELECT order_id FROM cases WHERE id = ?", [open_cases[0]]
        ).fetchone()[0]
        db.execute("UPDATE orders SET buyer_nick = '新买家tb1' WHERE id = ?", [case_order])
    assert_index_is_exact(due_store)
    with due_store.transaction():
        # text and due time in one statement
        db.execute(
            "UPDATE orders SET tracking_no = 'SF1', next_due_at = NULL WHERE id = ?",
            [due_orders[2]],
        )
        # cases closed, reopened, edited, moved to another order
        db.execute("UPDATE cases SET state = 'closed' WHERE id = ?", [open_cases[1]])
        db.execute(
            "UPDATE cases SET state = 'awaiting_seller', note = '又开了' WHERE id = ?",
            [open_cases[1]],
        )
        db.execute("UPDATE cases SET reason = '破损严重' WHERE id = ?", [open_cases[2]])
        db.execute("UPDATE cases SET order_id = ? WHERE id = ?", [idle_orders[0], open_cases[0]])
        db.execute("UPDATE cases SET next_due_at = NULL WHERE id = ?", [open_cases[-1]])
    assert_index_is_exact(due_store)
    recompute_all(due_store, now)  # every clock worked out again
    assert_index_is_exact(due_store)
    lonely = db.execute(
        "SELECT id, order_no FROM orders o WHERE next_due_at IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.order_id = o.id) LIMIT 1"
    ).fetchone()
    with due_store.transaction():
        db.execute("DELETE FROM order_lines WHERE order_id = ?", [lonely[0]])
        db.execute("DELETE FROM orders WHERE id = ?", [lonely[0]])
    assert_index_is_exact(due_store)
    for text in ("改过的保温杯", "破损严重", "新买家tb1", "又开了", lonely[1]):
        found = [r["id"] for r in deadlines_repo.due_page(due_store, 0, 50, "all", text)]
        assert found == every_match(due_store, "all", text), text
    assert deadlines_repo.due_page(due_store, 0, 50, "all", lonely[1]) == []
