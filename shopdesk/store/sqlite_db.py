"""The store's connection with sqlite-utils' `Database` interface, without importing
sqlite-utils until a call needs it.

Importing sqlite-utils (with click, pluggy, dateutil and the package metadata it reads)
costs about as much as starting Qt. `query` of a SELECT runs on the connection here as
sqlite-utils runs it, and `execute` of any plain statement as sqlite-utils 4.2 does (a
write outside a transaction committed, or rolled back when it fails). Everything else
(`db[table]`, `atomic()`, a statement led by a comment ...) goes to a sqlite-utils
`Database` over the same connection, made on first use."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}


def _keyword(sql: str) -> str | None:
    """The statement's first keyword, upper case; None when something other than a
    word comes first (a comment ...: left to sqlite-utils)."""
    head = sql.lstrip()[:12]
    word = head.split(None, 1)[0] if head else ""
    word = word.rstrip(";(").upper()
    return word if word.isalpha() else None


class LightDatabase:
    """Duck-typed as sqlite-utils' Database (see the module's doc)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._full: Database | None = None
        conn.execute("PRAGMA recursive_triggers=on;")  # as Database(conn) sets it

    def full(self) -> Database:
        """sqlite-utils' Database over this connection (imported and made now if needed)."""
        if self._full is None:
            from sqlite_utils import Database

            self._full = Database(self.conn)
        return self._full

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None):
        """As sqlite-utils' Database.execute: a write outside a transaction is committed
        (and rolled back when it fails)."""
        keyword = _keyword(sql)
        if keyword is None:
            return self.full().execute(sql, parameters)
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql, parameters) if parameters is not None else conn.execute(sql)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if (
            not was_in_transaction
            and conn.in_transaction
            and cursor.description is None
            and keyword not in _TRANSACTION_CONTROL
        ):
            conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, params: Sequence | dict[str, Any] | None = None) -> Iterator[dict]:
        """A SELECT's rows as dicts (anything else, as sqlite-utils does it)."""
        if _keyword(sql) != "SELECT":
            return self.full().query(sql, params)
        cursor = self.conn.execute(sql, params) if params is not None else self.conn.execute(sql)
        keys = [d[0] for d in cursor.description]
        if len(set(keys)) != len(keys):  # sqlite-utils renames repeated names: let it
            cursor.close()
            return self.full().query(sql, params)
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def close(self) -> None:
        self.conn.close()

    def __getitem__(self, name: str):
        return self.full()[name]

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.full(), name)


def full_database(db) -> Database:
    """sqlite-utils' Database for `db` (a LightDatabase or a Database already)."""
    return db.full() if isinstance(db, LightDatabase) else db
