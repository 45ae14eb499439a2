"""Search SQL over the FTS5 tables of step 0003_perf_search (tokens: search_text.py).

`match_ids(kind, query)` is the sub-select of matching order or case ids that the
store's page and count queries filter by; `recent_ids(...)` streams matches newest
first straight from the index, so the first page of even a 1-character search over a
million orders costs a few milliseconds (the count comes separately). `index_in_bulk`
lets a big import index its new rows in one pass instead of row by row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from shopdesk.store.migrations import index_due_sql, index_existing_sql
from shopdesk.store.search_text import IndexGate, match_queries

KINDS = ("order", "case")


def match_ids(kind: str, query: str) -> tuple[str, list[str]]:
    """SELECT of the ids (`rowid`) whose text has every part of `query`."""
    if kind not in KINDS:
        raise ValueError(f"unknown search kind: {kind}")
    cjk, plain = match_queries(query)
    if cjk and plain:
        # The words' matches are read once, as a list ("+": else SQLite hands each of them
        # to the CJK table as a rowid and FTS5 runs its MATCH once per rowid: "tb 杯" took
        # 16 s at a million orders, 82 ms this way).
        return (
            f"SELECT rowid FROM {kind}_cjk WHERE {kind}_cjk MATCH ? AND +rowid IN "
            f"(SELECT rowid FROM {kind}_words WHERE {kind}_words MATCH ?)",
            [cjk, plain],
        )
    if cjk:
        return f"SELECT rowid FROM {kind}_cjk WHERE {kind}_cjk MATCH ?", [cjk]
    if plain:
        return f"SELECT rowid FROM {kind}_words WHERE {kind}_words MATCH ?", [plain]
    return f"SELECT rowid FROM {kind}_cjk WHERE 0", []


def recent_ids(
    kind: str, query: str, offset: int, limit: int, descending: bool = True
) -> tuple[str, list]:
    """One page of matching ids in id order, read from the index without sorting."""
    sql, params = match_ids(kind, query)
    direction = "DESC" if descending else "ASC"
    return f"{sql} ORDER BY rowid {direction} LIMIT ? OFFSET ?", [*params, limit, offset]


def count_sql(kind: str, query: str) -> tuple[str, list]:
    sql, params = match_ids(kind, query)
    return f"SELECT count(*) FROM ({sql})", params


@contextmanager
def index_in_bulk(conn: sqlite3.Connection, gate: IndexGate) -> Iterator[None]:
    """Inside one open transaction: orders and cases created in the block are indexed
    for search in one pass when it ends, not by their triggers row by row (three times
    faster: row by row, FTS5 flushes at every trigger statement). Rows that existed
    before are indexed as they change. On an exception nothing is indexed: the caller's
    transaction rolls back what the block wrote."""
    held = {
        "order": conn.execute("SELECT coalesce(max(id), 0) FROM orders").fetchone()[0],
        "case": conn.execute("SELECT coalesce(max(id), 0) FROM cases").fetchone()[0],
    }
    gate.held_above = held
    try:
        yield
    finally:
        gate.held_above = None
    params = {"order_after": held["order"], "case_after": held["case"]}
    for sql in [*index_existing_sql(only_after=True), *index_due_sql(only_after=True)]:
        conn.execute(sql, params)
