"""What the demo store's builder (services/demo.py) asks of the rows it has written."""

from __future__ import annotations

from shopdesk.domain.model import Cause, OrderState
from shopdesk.store.store import Store


def finished_orders_without_cases(store: Store) -> list[tuple[int, str, str]]:
    """(id, paid_at, courier) of every finished, paid order that has no case yet."""
    return store.db.execute(
        "SELECT id, paid_at, courier FROM orders WHERE state = ? AND paid_at IS NOT NULL "
        "AND id NOT IN (SELECT order_id FROM cases) ORDER BY id",
        [OrderState.SUCCESS.value],
    ).fetchall()


def latest_cases_of_product(store: Store, cause: Cause, title: str, limit: int) -> list[tuple]:
    """(id, kind, description, opened_at, shipped_at) of the latest `limit` cases with
    `cause` on orders with an item line titled `title`."""
    return store.db.execute(
        "SELECT c.id, c.kind, c.description, c.opened_at, o.shipped_at FROM cases c "
        "JOIN orders o ON o.id = c.order_id WHERE c.cause = ? AND EXISTS (SELECT 1 FROM "
        "order_lines l WHERE l.order_id = o.id AND l.title = ?) "
        "ORDER BY c.opened_at DESC, c.id LIMIT ?",
        [cause.value, title, limit],
    ).fetchall()
