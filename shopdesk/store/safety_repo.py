"""Reading whole tables in pages for exports (keyset paging: constant memory at any size)."""

from __future__ import annotations

from collections.abc import Iterator

from shopdesk.store.store import Store

PAGE = 2000

ORDER_EXPORT_COLUMNS = (
    "id, order_no, platform, buyer_nick, status, item_titles, item_count, paid_fen, "
    "refund_fen, paid_at, shipped_at, courier, tracking_no, receiver_name, buyer_message, "
    "seller_note, next_due_at"
)


def count_rows(store: Store, table: str) -> int:
    if table not in ("orders", "cases"):
        raise ValueError(table)
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def iter_orders(store: Store) -> Iterator[dict]:
    last = -1
    while True:
        rows = list(
            store.db.query(
                f"SELECT {ORDER_EXPORT_COLUMNS} FROM orders WHERE id > ? ORDER BY id LIMIT ?",
                [last, PAGE],
            )
        )
        yield from rows
        if len(rows) < PAGE:
            return
        last = rows[-1]["id"]


def iter_cases(store: Store) -> Iterator[dict]:
    last = -1
    while True:
        rows = list(
            store.db.query(
                "SELECT c.id, o.order_no, o.platform, o.buyer_nick, o.item_titles, c.kind, "
                "c.state, c.cause, c.refund_fen, c.reason, c.description, c.platform_status, "
                "c.platform_deadline, c.opened_at, c.closed_at, c.next_due_at, c.note, "
                "c.cause_source, c.responsibility, c.outcome, c.money_refund_fen, "
                "c.money_compensation_fen, c.money_recovered_fen, c.money_net_fen "
                "FROM cases c JOIN orders o ON o.id = c.order_id WHERE c.id > ? "
                "ORDER BY c.id LIMIT ?",
                [last, PAGE],
            )
        )
        yield from rows
        if len(rows) < PAGE:
            return
        last = rows[-1]["id"]
