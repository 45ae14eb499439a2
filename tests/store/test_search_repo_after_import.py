"""Imports index their new orders and cases for search in one pass at the end (step
0004). Whatever the order of imports and edits, the search index must hold exactly what
indexing every row from scratch would give: a wrong 'delete' in a contentless FTS5
table would silently make orders unfindable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from shopdesk.store import search_text
from shopdesk.store.import_repo import ImportCancelled, import_files
from shopdesk.store.migrations import index_due_sql, index_existing_sql
from shopdesk.store.store import Store
from tests.importers_fixtures import (
    line,
    order,
    refund,
    write_lines,
    write_orders,
    write_refunds_csv,
)

NO_A = "3515313147329357900"
NO_B = "3515313147329357921"
NO_C = "2088123456789012342"
SEARCH_TABLES = ("order_cjk", "order_words", "case_cjk", "case_words", "due_cjk", "due_words")


def index_terms(conn: sqlite3.Connection, schema: str, table: str) -> set[tuple]:
    """Every (term, document, count) of one search table, read through fts5vocab."""
    vocab = f"vocab_{schema}_{table}"
    conn.execute(f"CREATE VIRTUAL TABLE temp.{vocab} USING fts5vocab({schema}, {table}, 'row')")
    return set(conn.execute(f"SELECT * FROM temp.{vocab}"))


def assert_index_is_exact(store: Store) -> None:
    """The store's search tables equal tables built from scratch out of its rows."""
    reference = sqlite3.connect(":memory:")
    search_text.register(reference)
    reference.execute("ATTACH DATABASE ? AS live", [str(store.path)])
    for (sql,) in reference.execute(
        "SELECT sql FROM live.sqlite_master WHERE name IN (?, ?, ?, ?, ?, ?, 'due_docs')",
        SEARCH_TABLES,
    ).fetchall():
        reference.execute(sql)  # the same table, empty, in the reference's main
    # `orders` and `cases` resolve to the live store's
    for sql in [*index_existing_sql(), *index_due_sql()]:
        reference.execute(sql.replace("INTO due_docs", "INTO main.due_docs"))
    for table in SEARCH_TABLES:
        assert index_terms(reference, "live", table) == index_terms(reference, "main", table), table
    documents = "SELECT id, party FROM {}.due_docs ORDER BY id"
    live, built = (reference.execute(documents.format(s)).fetchall() for s in ("live", "main"))
    assert live == built  # the 待办 search holds exactly the 待办 rows
    reference.close()


def test_orders_and_cases_of_one_import_are_found(store: Store, tmp_path: Path, now) -> None:
    files = [
        write_orders(tmp_path / "ExportOrderList202406201030.csv", [order(NO_A), order(NO_B)]),
        write_lines(tmp_path / "ExportOrderDetailList202406201030.csv", [line(NO_A)]),
        write_refunds_csv(
            tmp_path / "退款管理导出.csv",
            [refund(NO_A, "150001234567890101", 买家退款原因="质量问题")],
        ),
    ]
    import_files(store, files, now=now)
    assert store.count_orders("柳絮") == 1  # the buyer's nick, inside a longer word
    assert store.count_orders("马克杯") == 1  # a product word inside the title
    assert store.count_orders("YT7428813390021") == 2
    assert store.count_cases("质量") == 1  # the refund reason
    assert store.count_cases("柳絮") == 1  # a case is found by its order's buyer too
    assert_index_is_exact(store)


def test_the_index_stays_exact_through_stubs_updates_and_edits(
    store: Store, tmp_path: Path, now
) -> None:
    # Refunds first: their orders are stubs, filled in by the order report later.
    import_files(
        store,
        [write_refunds_csv(tmp_path / "退款1.csv", [refund(NO_C, "150001234567890103")])],
        now=now,
    )
    assert_index_is_exact(store)
    import_files(
        store,
        [
            write_orders(
                tmp_path / "ExportOrderList202406201030.csv", [order(NO_A), order(NO_C)], layout=71
            ),
            write_refunds_csv(tmp_path / "退款2.csv", [refund(NO_A, "150001234567890101")]),
        ],
        now=now,
    )
    assert_index_is_exact(store)
    # A newer export changes the buyer, tracking number and title of both orders.
    newer = {"收货人姓名": "欧阳娜娜", "物流单号 ": "SF1400000099", "宝贝标题 ": "电动牙刷 声波"}
    import_files(
        store,
        [
            write_orders(
                tmp_path / "ExportOrderList202406251200.csv",
                [order(NO_A, **newer), order(NO_C, **newer), order(NO_B)],
                layout=71,
            )
        ],
        now=now,
    )
    assert_index_is_exact(store)
    assert store.count_orders("牙刷") == 2
    assert store.count_orders("马克杯") == 0
    assert store.count_cases("欧阳") == 2
    store.save_order({"platform": "taobao", "order_no": NO_A, "item_titles": "保温杯"})
    assert store.count_orders("牙刷") == 1
    assert_index_is_exact(store)


def test_a_cancelled_import_leaves_search_indexing_rows_as_usual(
    store: Store, tmp_path: Path, now
) -> None:
    orders = write_orders(tmp_path / "ExportOrderList202406201030.csv", [order(NO_A)])
    with pytest.raises(ImportCancelled):
        import_files(store, [orders], now=now, cancelled=lambda: True)
    assert store.count_orders("柳絮") == 0
    store.save_order({"platform": "taobao", "order_no": NO_B, "item_titles": "珊瑚绒毛毯"})
    assert store.count_orders("毛毯") == 1
    assert_index_is_exact(store)
