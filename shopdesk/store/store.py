"""The Store: one SQLite file (WAL, foreign keys, append-only migrations).

It refuses a file written by a newer ShopDesk or by another program without changing a
byte of it. Other core modules that need SQL of their own area (`*_repo.py`) work through
a Store; nothing outside `shopdesk.core` runs SQL.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shopdesk.domain.errors import (
    DamagedStoreError,
    EmptyStoreError,
    NewerStoreError,
    NotAStoreError,
    NotFoundError,
    ReadOnlyStoreError,
    ShopDeskError,
    StoreLockedError,
)
from shopdesk.domain.messages import Message, text
from shopdesk.domain.model import CLOSED_CASE_SQL, Case, Event, EventKind, Order, OrderLine, Shop
from shopdesk.domain.scope import EVERYTHING, Scope
from shopdesk.domain.timeutil import now_text
from shopdesk.platforms.registry import default_id
from shopdesk.store import search_text, store_checks, store_files
from shopdesk.store.migrations import known_names, migrations
from shopdesk.store.search_repo import count_sql, match_ids, recent_ids
from shopdesk.store.sqlite_db import LightDatabase

log = logging.getLogger("shopdesk")

# 'SHOP' in ASCII: marks a SQLite file as a ShopDesk store. The header's user_version
# holds the store's own id (random, set once), which tells its -wal from another store's.
APPLICATION_ID = 0x53484F50
# How long a write waits for another ShopDesk process's write to finish: longer than any
# one write ShopDesk makes, short enough that a seller does not think it hung.
BUSY_SECONDS = 15.0

CASE_COLUMNS = """
    c.id, c.order_id, o.order_no, o.platform, c.kind, c.state, c.cause, c.refund_fen,
    c.reason, c.description, c.platform_refund_no, c.platform_status, c.platform_deadline,
    c.opened_at, c.closed_at, c.note, c.next_due_at, c.platform_cause, c.cause_source,
    c.cause_question,
    c.responsibility, c.outcome, c.money_refund_fen, c.money_compensation_fen,
    c.money_recovered_fen, c.money_net_fen, c.sub_order_no
"""
ORDER_COLUMNS = ", ".join(f.name for f in fields(Order) if f.name != "lines")


def _build(cls, row: dict):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in row.items() if k in names})


def check_file(path: Path) -> None:
    """Refuse, without writing anything, a file that is not a ShopDesk store we can open.

    Reads the file through SQLite only (a read-only connection): a plain open and close
    of the database would drop this process's SQLite locks on it (see store_files.py)."""
    path = Path(path)
    if not path.exists():
        return
    _refuse_unusable_path(path)
    conn = _connect(path, read_only=True)
    try:
        _check_sound(conn, path, _inspect(conn, path))
    finally:
        conn.close()


def set_aside_damaged(path: Path) -> Path | None:
    """Before a restore: a damaged (or emptied) store is renamed beside itself, with its
    -wal and -shm, and kept; returns its new name. None when the store is sound or absent
    (then the restore backs it up first, as always)."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        check_file(path)
        return None
    except DamagedStoreError:
        pass
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    if store_files.wal_path(path).exists() or store_files.shm_path(path).exists():
        for side in (store_files.wal_path(path), store_files.shm_path(path)):
            if side.exists():
                os.replace(side, kept.with_name(kept.name + side.name[len(path.name) :]))
    os.replace(path, kept)
    store_checks.forget(path)
    log.warning("restore: the damaged store was kept as %s", kept)
    return kept


def _refuse_unusable_path(path: Path) -> None:
    if path.is_dir():
        raise NotAStoreError("store.is_folder", path=path)
    if path.stat().st_size == 0:
        raise EmptyStoreError(damage_text(path, Message("store.zero_bytes")))


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup of the store whose database passes quick_check."""
    from shopdesk.store.backup import DB_NAME, default_backup_dir, list_backups, quick_check

    for info in list_backups(default_backup_dir(path)):
        if quick_check(info.path / DB_NAME) is None:
            return info.path
    return None


def damage_text(path: Path, detail: str) -> Message:
    """One message for a damaged store: what is wrong, that nothing was changed, and the
    restore to run (the newest good backup named)."""
    damage = Message("store.damaged", path=path, detail=detail)
    backup = newest_good_backup(path)
    if backup is None:
        return Message("store.damaged_no_backup", damage=damage)
    return Message("store.damaged_restore", damage=damage, backup=backup, path=path)


def _connect(path: Path, read_only: bool) -> StoreConnection:
    if read_only:
        return connect_read_only(path)
    conn = _sqlite_connect(path, path.resolve().as_uri() + "?mode=rw")
    conn.store_path = path
    return conn


def _sqlite_connect(path: Path, uri: str) -> StoreConnection:
    try:
        return sqlite3.connect(
            uri, uri=True, factory=StoreConnection, timeout=BUSY_SECONDS, check_same_thread=True
        )
    except sqlite3.Error as exc:
        raise typed_error(exc, path) or NotAStoreError(
            "store.cannot_open", path=path, reason=str(exc)
        ) from exc


def connect_read_only(path: Path) -> StoreConnection:
    """A connection that never writes the store. On a read-only disk (no `-shm` can be
    made beside a WAL store) the file is opened as immutable: nothing else can write
    it there either."""
    path = Path(path)
    uri = path.resolve().as_uri() + "?mode=ro"
    conn = _sqlite_connect(path, uri)
    conn.store_path = path
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except (sqlite3.Error, ShopDeskError) as exc:
        raw = exc if isinstance(exc, sqlite3.Error) else exc.__cause__
        code = getattr(raw, "sqlite_errorcode", 0) & 0xFF
        if code not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
            return conn  # _inspect words it
        conn.close()
        conn = _sqlite_connect(path, uri + "&immutable=1")
        conn.store_path = path
    return conn


def _inspect(conn: sqlite3.Connection, path: Path) -> int:
    """Refuse a file that is not a sound ShopDesk store of a version we know, through
    SQLite only and without writing. Returns the store id (0 for a store without one)."""
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # 'file is not a database' for junk
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        store_id = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except DamagedStoreError as exc:
        code = getattr(exc.__cause__, "sqlite_errorcode", 0) & 0xFF
        if code != sqlite3.SQLITE_NOTADB:
            raise  # a store whose first pages are damaged: restore a backup
        # 'file is not a database': junk behind a SQLite name
        raise NotAStoreError("store.not_sqlite_readable", path=path) from exc
    ours = app_id == APPLICATION_ID
    if not ours and (app_id != 0 or tables or store_id != 0):
        raise NotAStoreError("store.other_program", path=path)
    if "_sqlite_migrations" in tables:
        applied = {
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = 'shopdesk'"
            )
        }
        unknown = applied - known_names()
        if unknown:
            raise NewerStoreError("store.newer", path=path, steps=", ".join(sorted(unknown)))
    return store_id


def _check_sound(conn: sqlite3.Connection, path: Path, store_id: int) -> None:
    """A full check when the file changed outside ShopDesk since its last clean one."""
    if store_checks.known_sound(path, store_id):
        return
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except DamagedStoreError:
        store_checks.forget(path)
        raise
    if rows != ["ok"]:
        store_checks.forget(path)
        raise DamagedStoreError(damage_text(path, "; ".join(rows[:2])))
    store_checks.remember(path, store_id)


class _LiveStores:
    """Connections to each store (by device and inode) open in this process, so plain
    reads of its files happen only while there are none (see store_files.py)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._count: Counter = Counter()

    def enter(self, identity: tuple[int, int]) -> bool:
        """Count one more; True when it is the first."""
        with self._lock:
            self._count[identity] += 1
            return self._count[identity] == 1

    def leave(self, identity: tuple[int, int]) -> None:
        with self._lock:
            self._count[identity] -= 1
            if self._count[identity] <= 0:
                del self._count[identity]


_live = _LiveStores()


def _identity(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def _writable(path: Path) -> bool:
    """Whether SQLite can write the store: the file, and the folder for its -wal/-shm."""
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return False
    try:
        return not os.statvfs(path).f_flag & os.ST_RDONLY
    except (AttributeError, OSError):  # no statvfs (Windows)
        return True


def _set_aside_foreign_wal(path: Path) -> Path | None:
    """Before this process's first connection: a `-wal` of another file is renamed out
    of the way (kept) rather than replayed into the store."""
    header = store_files.read_header(path)
    if header is None:
        raise NotAStoreError("store.not_sqlite", path=path)
    reason = store_files.foreign_wal(path, header)
    if reason is None:
        return None
    kept = store_files.set_aside(path, "foreign")
    log.warning("set aside a WAL that is not the store's (%s): %s", reason, kept)
    return kept


def _remove_empty_wal(path: Path) -> None:
    """A refused store keeps no trace of our look at it: the empty -wal and its -shm that
    SQLite made (and, on a file it could not read through, did not remove at close)."""
    wal = store_files.wal_path(path)
    try:
        if wal.stat().st_size == 0:
            wal.unlink()
            store_files.shm_path(path).unlink(missing_ok=True)
    except OSError:
        pass


def path_exists(path: Path) -> bool:
    """Whether something is at `path`; a path the system cannot even look up (a name
    too long, a folder that is a file) is refused with its reason."""
    try:
        return path.exists()
    except OSError as exc:
        raise NotAStoreError("store.unusable_path", path=path, reason=exc.strerror or exc) from exc


def _create(path: Path) -> None:
    """A new store, built whole under a temporary name and linked into place, so a kill
    never leaves a zero-byte or half-made store. Another process that made the store
    first wins; ours is dropped."""
    from shopdesk.store.safeio import disk_error, fsync_dir, fsync_file, temp_path_for

    blocking = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise NotAStoreError("store.parent_is_file", path=path, blocking=blocking)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _create_at(path, temp_path_for(path), fsync_file, fsync_dir)
    except OSError as exc:
        mapped = disk_error(exc, path)
        if mapped is not None:
            raise mapped from exc
        raise NotAStoreError("store.cannot_create", path=path, reason=exc.strerror or exc) from exc


def _create_at(path: Path, temp: Path, fsync_file, fsync_dir) -> None:
    try:
        conn = _connect_new(temp)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {_new_store_id()}")
            db = LightDatabase(conn)
            search_text.register(conn)
            migrations.apply(db)
        finally:
            conn.close()  # the last connection: checkpoints and removes its -wal
        fsync_file(temp)
        try:
            os.link(temp, path)  # never replaces a store another process just made
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(temp, path)
        fsync_dir(path.parent)
    finally:
        for leftover in (temp, store_files.wal_path(temp), store_files.shm_path(temp)):
            leftover.unlink(missing_ok=True)


def _connect_new(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, factory=StoreConnection)
    conn.store_path = path
    return conn


def _new_store_id() -> int:
    import secrets  # only for a new store: its import is a noticeable part of start-up

    return secrets.randbelow(2**31 - 1) + 1


def _scoped(
    where: str, params: list, alias: str, platform: str | None, shop_ids: Iterable[int] | None
) -> tuple[str, list]:
    """`where` narrowed to one platform and/or some shops (of the orders table `alias`)."""
    if platform:
        where, params = f"({where}) AND {alias}platform = ?", [*params, platform]
    if shop_ids is not None:
        shops = sorted(set(shop_ids)) or [0]
        marks = ", ".join("?" for _ in shops)
        where, params = f"({where}) AND {alias}shop_id IN ({marks})", [*params, *shops]
    return where, params


class StoreConnection(sqlite3.Connection):
    """A connection whose SQLite errors of the seller's world arrive typed: locked,
    damaged, read-only (by SQLite's error code, not its message text), whether raised
    when a statement starts or while its rows are read."""

    store_path: Path = Path(text("store.default_name", "zh-CN"))

    def cursor(self, factory=None):
        cursor = super().cursor(factory or StoreCursor)
        cursor.store_path = self.store_path
        return cursor

    def execute(self, *args):
        return _typed(self.store_path, self.cursor().execute, args)

    def executemany(self, *args):
        return _typed(self.store_path, self.cursor().executemany, args)

    def executescript(self, *args):
        return _typed(self.store_path, super().executescript, args)


class StoreCursor(sqlite3.Cursor):
    store_path: Path = Path(text("store.default_name", "zh-CN"))

    def __next__(self):
        return _typed(self.store_path, super().__next__, ())

    def fetchone(self):
        return _typed(self.store_path, super().fetchone, ())

    def fetchmany(self, *args):
        return _typed(self.store_path, super().fetchmany, args)

    def fetchall(self):
        return _typed(self.store_path, super().fetchall, ())


def _typed(path: Path, run, args):
    try:
        return run(*args)
    except sqlite3.Error as exc:
        typed = typed_error(exc, path)
        if typed is None:
            raise
        raise typed from exc


def typed_error(exc: sqlite3.Error, path: Path) -> ShopDeskError | None:
    """The seller's error for a SQLite error code, or None for the others (bugs, or
    disk errors that safeio.disk_errors words)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        error: ShopDeskError = StoreLockedError("store.locked", path=path, seconds=BUSY_SECONDS)
    elif primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        store_checks.forget(path)
        error = DamagedStoreError(damage_text(path, str(exc)))
    elif primary == sqlite3.SQLITE_READONLY:
        error = ReadOnlyStoreError("store.read_only", path=path)
    else:
        return None
    return error


class Store:
    """A ShopDesk store. One per thread: open another on the same path for background work."""

    def __init__(
        self,
        path: Path,
        db: LightDatabase,
        index_gate: search_text.IndexGate,
        *,
        read_only: bool = False,
        store_id: int = 0,
        identity: tuple[int, int] | None = None,
    ):
        self.path = path
        self.db = db
        self.index_gate = index_gate  # see search_repo.index_in_bulk
        self.read_only = read_only
        self.store_id = store_id
        self.set_aside_wal: Path | None = None  # a foreign -wal found at open, kept there
        self.on_wait: Callable[[str], None] | None = None  # told when a write must wait
        self._identity = identity

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        on_wait: Callable[[str], None] | None = None,
        on_upgrade: Callable[[], None] | None = None,
    ) -> Store:
        """Open (or create) the store at `path`. Nothing is written to an existing file
        before it is known to be a sound ShopDesk store of a version we know; a file on a
        read-only disk opens read-only. `on_upgrade` is called before the schema steps of
        a newer ShopDesk are applied to a store made by an older one (a new search index
        on a big store takes seconds)."""
        path = Path(path).expanduser()
        if not path_exists(path):
            _create(path)
        _refuse_unusable_path(path)
        identity = _identity(path)
        first = _live.enter(identity)
        had_wal = store_files.wal_path(path).exists()
        conn = None
        try:
            kept = _set_aside_foreign_wal(path) if first else None
            read_only = not _writable(path)
            conn = _connect(path, read_only)
            store_id = _inspect(conn, path)
            _check_sound(conn, path, store_id)
            db = LightDatabase(conn)
            index_gate = search_text.register(conn)  # the search triggers call these
            store = cls(
                path, db, index_gate, read_only=read_only, store_id=store_id, identity=identity
            )
            store.set_aside_wal = kept
            store.on_wait = on_wait
            store._prepare(on_upgrade)
        except BaseException:
            if conn is not None:
                conn.close()
            if first and not had_wal:
                _remove_empty_wal(path)
            _live.leave(identity)
            raise
        return store

    def _prepare(self, on_upgrade: Callable[[], None] | None = None) -> None:
        """Connection settings, then the writes a sound store of ours may need (WAL mode,
        its id, schema steps), each only when needed."""
        db = self.db
        db.execute("PRAGMA foreign_keys = ON")
        if self.read_only:
            if migrations.pending(db):
                raise ReadOnlyStoreError("store.read_only_needs_upgrade", path=self.path)
            return
        db.execute("PRAGMA synchronous = FULL")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self._waiting(lambda: db.execute("PRAGMA journal_mode = WAL"))
        needs_id = db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID
        pending = migrations.pending(db)
        if pending and on_upgrade is not None and migrations.applied(db):
            on_upgrade()  # an older ShopDesk's store, not a new one
        if needs_id or not self.store_id or pending:
            with self.transaction():
                if needs_id:
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                if not self.store_id:
                    self.store_id = _new_store_id()
                    db.execute(f"PRAGMA user_version = {self.store_id}")
                migrations.apply(db)
        self._remember()

    def _remember(self) -> None:
        if not self.read_only:
            store_checks.remember(self.path, self.store_id)

    def close(self) -> None:
        if self.db is None:
            return
        self.db.close()
        self.db = None
        if self._identity is not None:
            _live.leave(self._identity)
        self._remember()  # the file as this (last) connection left it

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[LightDatabase]:
        """All or nothing; nests as a savepoint. The outermost one takes the write lock
        first (BEGIN IMMEDIATE): waiting for another writer then happens here, with the
        seller told why, rather than failing half-way through."""
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic() as db:
                yield db
            return
        self._begin_immediate()
        changes = conn.total_changes
        try:
            yield self.db
            if self.store_id and conn.total_changes != changes:
                # Page 1, with the store's id, goes into every commit's WAL frames (of a
                # transaction that changed something; one that did not leaves the file): a
                # -wal copied beside another store is then told apart (store_files.py).
                conn.execute(f"PRAGMA user_version = {self.store_id}")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        self._remember()

    def _begin_immediate(self) -> None:
        self._waiting(lambda: self.db.conn.execute("BEGIN IMMEDIATE"))

    def _waiting(self, write: Callable[[], object]) -> None:
        """Try `write` at once; when another process holds the write lock, say so
        (on_wait) and wait up to BUSY_SECONDS before StoreLockedError (at once inside
        `not_waiting`)."""
        conn = self.db.conn
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            try:
                write()
                return
            except StoreLockedError:
                if self._not_waiting:
                    raise
            if self.on_wait is not None:
                self.on_wait(Message("store.waiting", file=self.path.name, seconds=BUSY_SECONDS))
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
            write()
        finally:
            conn.execute(f"PRAGMA busy_timeout = {self._busy_ms()}")

    _not_waiting = False

    def _busy_ms(self) -> int:
        return 0 if self._not_waiting else int(BUSY_SECONDS * 1000)

    @contextmanager
    def not_waiting(self) -> Iterator[None]:
        """Writes inside fail at once with StoreLockedError while another connection
        holds the write lock, instead of waiting for it: the window's own bookkeeping
        (a reminder shown, when it last ran) must never freeze it behind an import
        that a worker thread is writing."""
        self._not_waiting = True
        self.db.conn.execute("PRAGMA busy_timeout = 0")
        try:
            yield
        finally:
            self._not_waiting = False
            self.db.conn.execute(f"PRAGMA busy_timeout = {self._busy_ms()}")

    def schema_version(self) -> int:
        return len(migrations.applied(self.db))

    # -- settings ---------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        if self.read_only:
            return  # bookkeeping marks (reminders seen, clocks refreshed): kept in memory only
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )

    # -- shops ------------------------------------------------------------------------

    def add_shop(
        self,
        name: str,
        platform: str | None = None,
        return_address: str = "",
        promised_ship_hours: int = 48,
        signature: str = "",
    ) -> Shop:
        cursor = self.db.execute(
            "INSERT INTO shops (name, platform, return_address, promised_ship_hours, "
            "signature, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [
                name,
                platform or default_id(),
                return_address,
                promised_ship_hours,
                signature,
                now_text(),
            ],
        )
        return self.get_shop(cursor.lastrowid)

    def get_shop(self, shop_id: int) -> Shop:
        rows = list(self.db.query("SELECT * FROM shops WHERE id = ?", [shop_id]))
        if not rows:
            raise NotFoundError("store.no_shop", id=shop_id)
        return _build(Shop, rows[0])

    def list_shops(self) -> list[Shop]:
        return [_build(Shop, r) for r in self.db.query("SELECT * FROM shops ORDER BY id")]

    def default_shop(self, platform: str | None = None) -> Shop:
        """The first shop of the platform, created with a default name if there is none."""
        rows = list(
            self.db.query(
                "SELECT * FROM shops WHERE platform = ? ORDER BY id LIMIT 1",
                [platform or default_id()],
            )
        )
        if rows:
            return _build(Shop, rows[0])
        return self.add_shop(text("store.default_shop"), platform)

    def _update(self, table: str, row_id: int, changes: dict[str, Any], not_found: str) -> None:
        """sqlite-utils' update of one row by id, its not-found in the seller's words
        (`not_found`: the catalogue key of that message)."""
        from sqlite_utils.db import NotFoundError as RowNotFound

        try:
            self.db[table].update(row_id, changes)
        except RowNotFound:
            raise NotFoundError(not_found, id=row_id) from None

    def update_shop(self, shop_id: int, **changes: Any) -> Shop:
        allowed = {"name", "platform", "return_address", "promised_ship_hours", "signature"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"unknown shop fields: {sorted(unknown)}")
        if changes:
            self._update("shops", shop_id, changes, "store.no_shop")
        return self.get_shop(shop_id)

    # -- orders -----------------------------------------------------------------------

    def save_order(self, values: dict[str, Any]) -> Order:
        """Insert or update one order by (platform, order_no): the hand-entered form's path."""
        values = dict(values)
        values.setdefault("shop_id", self.default_shop(values.get("platform")).id)
        # keyed by (platform, order_no), not by id: an upsert that keeps the row's id (and
        # so its lines, cases and evidence), which sqlite-utils' upsert (by pk) cannot do
        values["updated_at"] = now_text()
        names = [k for k in values if k not in ("id", "lines", "next_due_at")]
        placeholders = ", ".join("?" for _ in names)
        updates = ", ".join(f"{k} = excluded.{k}" for k in names)
        with self.transaction():
            self.db.execute(
                f"INSERT INTO orders ({', '.join(names)}) VALUES ({placeholders}) "
                f"ON CONFLICT(platform, order_no) DO UPDATE SET {updates}",
                [values[k] for k in names],
            )
            order = self.find_order(values["platform"], values["order_no"])
        assert order is not None
        return order

    def _order_query(self, where: str, params: list) -> list[Order]:
        sql = (
            f"SELECT {ORDER_COLUMNS}, "
            "(SELECT count(*) FROM order_lines l WHERE l.order_id = orders.id) AS lines "
            f"FROM orders WHERE {where}"
        )
        return [_build(Order, r) for r in self.db.query(sql, params)]

    def get_order(self, order_id: int) -> Order:
        found = self._order_query("id = ?", [order_id])
        if not found:
            raise NotFoundError("store.no_order", id=order_id)
        return found[0]

    def find_order(self, platform: str, order_no: str) -> Order | None:
        found = self._order_query("platform = ? AND order_no = ?", [platform, order_no])
        return found[0] if found else None

    def order_by_no(self, order_no: str, platform: str | None = None) -> Order:
        if platform:
            found = self._order_query("platform = ? AND order_no = ?", [platform, order_no])
        else:
            found = self._order_query("order_no = ?", [order_no])
        if not found:
            raise NotFoundError("store.no_order_no", order_no=order_no)
        if len(found) > 1:
            raise NotFoundError("store.order_no_on_platforms", order_no=order_no)
        return found[0]

    def list_orders(
        self,
        search: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        *,
        platform: str | None = None,
        shop_ids: Iterable[int] | None = None,
    ) -> list[Order]:
        where, params = self._order_filter(search)
        where, params = _scoped(where, params, "", platform, shop_ids)
        sql = f"{where} ORDER BY coalesce(paid_at, created_at) DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return self._order_query(sql, params)

    def _order_filter(self, search: str | None) -> tuple[str, list]:
        """Orders whose number, nick, receiver, titles or tracking number have every part
        of `search` (Chinese by character, other words by prefix; see search_text.py)."""
        if not search:
            return "1", []
        ids, params = match_ids("order", search)
        return f"id IN ({ids})", params

    def order_lines(self, order_id: int) -> list[OrderLine]:
        rows = self.db.query(
            "SELECT * FROM order_lines WHERE order_id = ? ORDER BY position", [order_id]
        )
        return [_build(OrderLine, r) for r in rows]

    def add_order_line(self, order_id: int, title: str, **values: Any) -> OrderLine:
        position = self.db.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM order_lines WHERE order_id = ?",
            [order_id],
        ).fetchone()[0]
        row = {"order_id": order_id, "position": position, "title": title, **values}
        line_id = self.db["order_lines"].insert(row).last_pk
        return _build(OrderLine, self.db["order_lines"].get(line_id))

    # -- cases ------------------------------------------------------------------------

    def add_case(
        self,
        order_id: int,
        kind: str,
        opened_at: str,
        *,
        state: str = "awaiting_seller",
        cause: str = "unknown",
        refund_fen: int = 0,
        reason: str = "",
        description: str = "",
        note: str = "",
    ) -> Case:
        """A new case with its `opened` event, in one transaction."""
        stamp = now_text()
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO cases (order_id, kind, cause, platform_cause, state, refund_fen, "
                "reason, description, opened_at, note, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    order_id,
                    kind,
                    cause,
                    cause,  # the cause the case was opened with, until someone judges it
                    state,
                    refund_fen,
                    reason,
                    description,
                    opened_at,
                    note,
                    stamp,
                    stamp,
                ],
            )
            case_id = cursor.lastrowid
            self.add_event(case_id, EventKind.OPENED.value, opened_at, note=reason)
        return self.get_case(case_id)

    def _case_query(self, where: str, params: list) -> list[Case]:
        sql = f"SELECT {CASE_COLUMNS} FROM cases c JOIN orders o ON o.id = c.order_id WHERE {where}"
        return [_build(Case, r) for r in self.db.query(sql, params)]

    def get_case(self, case_id: int) -> Case:
        found = self._case_query("c.id = ?", [case_id])
        if not found:
            raise NotFoundError("store.no_case", id=case_id)
        return found[0]

    def find_case_by_refund_no(self, refund_no: str) -> int | None:
        """The case the platform numbers `refund_no` (its 退款编号), None when none is."""
        row = self.db.execute(
            "SELECT id FROM cases WHERE platform_refund_no = ?", [refund_no]
        ).fetchone()
        return row[0] if row else None

    def case_ids(self) -> list[int]:
        return [row[0] for row in self.db.execute("SELECT id FROM cases ORDER BY id")]

    def list_cases(
        self,
        order_id: int | None = None,
        open_only: bool = False,
        *,
        platform: str | None = None,
        shop_ids: Iterable[int] | None = None,
    ) -> list[Case]:
        where, params = "1", []
        if order_id is not None:
            where, params = "c.order_id = ?", [order_id]
        if open_only:
            where += f" AND c.state NOT IN {CLOSED_CASE_SQL}"
        where, params = _scoped(where, params, "o.", platform, shop_ids)
        return self._case_query(where + " ORDER BY c.id", params)

    def update_case(self, case_id: int, **changes: Any) -> Case:
        """Change a case's own fields (cause, note, cached state, platform deadline ...)."""
        allowed = {
            "cause",
            "state",
            "refund_fen",
            "reason",
            "description",
            "platform_refund_no",
            "platform_status",
            "platform_deadline",
            "closed_at",
            "note",
            "next_due_at",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"unknown case fields: {sorted(unknown)}")
        if changes:
            changes["updated_at"] = now_text()
            self._update("cases", case_id, changes, "store.no_case")
        return self.get_case(case_id)

    def set_platform_deadline(self, case_id: int, deadline: str | None) -> None:
        """The deadline the platform shows for the case's step (None: none). The case's
        clocks are the caller's to refresh, in the same transaction."""
        self.db.execute("UPDATE cases SET platform_deadline = ? WHERE id = ?", [deadline, case_id])

    # -- timeline ---------------------------------------------------------------------

    def add_event(
        self,
        case_id: int,
        kind: str,
        at: str,
        *,
        note: str = "",
        source: str = "local",
        retracts: int | None = None,
        data: dict | None = None,
    ) -> Event:
        cursor = self.db.execute(
            "INSERT INTO case_events (case_id, kind, at, note, source, retracts, data, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                case_id,
                kind,
                at,
                note,
                source,
                retracts,
                json.dumps(data or {}, ensure_ascii=False),
                now_text(),
            ],
        )
        return self.get_event(cursor.lastrowid)

    def event_data(self, event_id: int | None) -> dict:
        """The `data` an event was recorded with ({} for none, or for data not readable)."""
        if event_id is None:
            return {}
        row = self.db.execute("SELECT data FROM case_events WHERE id = ?", [event_id]).fetchone()
        try:
            data = json.loads(row[0] or "{}") if row else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def get_event(self, event_id: int) -> Event:
        rows = list(self.db.query("SELECT * FROM case_events WHERE id = ?", [event_id]))
        if not rows:
            raise NotFoundError("store.no_event", id=event_id)
        return _build(Event, rows[0])

    def events(self, case_id: int) -> list[Event]:
        rows = self.db.query(
            "SELECT * FROM case_events WHERE case_id = ? ORDER BY at, id", [case_id]
        )
        return [_build(Event, r) for r in rows]

    # -- overview ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        one = self.db.execute
        return {
            "orders": one("SELECT count(*) FROM orders").fetchone()[0],
            "cases": one("SELECT count(*) FROM cases").fetchone()[0],
            # All minus the finished: IN seeks the state index, NOT IN tests every row.
            "open_cases": one(
                "SELECT (SELECT count(*) FROM cases) - (SELECT count(*) FROM cases "
                f"WHERE state IN {CLOSED_CASE_SQL})"
            ).fetchone()[0],
        }

    def same_file(self) -> bool:
        """Whether the path still names the file this store opened (a restore or a copy
        over it makes it another file)."""
        try:
            return self.db is not None and _identity(self.path) == self._identity
        except OSError:
            return False

    def data_version(self) -> int:
        """Changes when another connection (another process) commits to the store."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def sqlite_version(self) -> str:
        return self.db.execute("SELECT sqlite_version()").fetchone()[0]

    def interrupt(self) -> None:
        """Stop the statement running on this connection (from another thread: a
        Cancel); it raises there, and its transaction is rolled back."""
        self.db.conn.interrupt()

    def orders_in_shops(self, shop_ids: set[int], order_ids: list[int]) -> set[int]:
        """Which of `order_ids` belong to one of the shops `shop_ids`."""
        marks = ", ".join("?" for _ in shop_ids)
        return {
            row[0]
            for row in self.db.execute(
                f"SELECT id FROM orders WHERE shop_id IN ({marks}) AND id IN "
                "(SELECT value FROM json_each(?))",
                [*sorted(shop_ids), json.dumps(sorted(order_ids))],
            )
        }

    # -- pages for the table views --------------------------------------------------------

    ORDER_SORTS = {
        "paid_at": "coalesce(paid_at, created_at)",
        "order_no": "order_no",
        "buyer": "buyer_nick",
        "status": "status",
        "paid_fen": "paid_fen",
        "next_due": "coalesce(next_due_at, '9999')",
        "recent": "id",  # newest recorded first; what a search shows unless sorted
    }
    CASE_SORTS = {
        "opened_at": "c.opened_at",
        "id": "c.id",
        "kind": "c.kind",
        "state": "c.state",
        "next_due": "coalesce(c.next_due_at, '9999')",
        "refund_fen": "c.refund_fen",
        "recent": "c.id",
    }
    # ship_by_at as platform_deadline: the platform's own ship-by time (PDD's and Douyin's
    # 承诺发货时间), which the ship clock counts down to (basis platform), as 待办's rows
    # carry it (due_search.ORDER_COLUMNS): the countdown cell tells 平台 from 估算 by it.
    ORDER_PAGE_COLUMNS = (
        "id, platform, order_no, buyer_nick, status, state, item_titles, paid_fen, paid_at, "
        "created_at, shipped_at, courier, tracking_no, next_due_at, next_due_party, "
        "ship_by_at AS platform_deadline"
    )

    def count_orders(self, search: str | None = None, scope: Scope = EVERYTHING) -> int:
        if not scope.everything:
            where, params = self._order_filter(search)
            within, more = scope.where("orders")
            sql = f"SELECT count(*) FROM orders WHERE {where}{within}"
            return self.db.execute(sql, [*params, *more]).fetchone()[0]
        if search:
            sql, params = count_sql("order", search)
            return self.db.execute(sql, params).fetchone()[0]
        return self.db.execute("SELECT count(*) FROM orders").fetchone()[0]

    def orders_page(
        self,
        offset: int,
        limit: int,
        search: str | None = None,
        sort: str = "paid_at",
        descending: bool = True,
        scope: Scope = EVERYTHING,
    ) -> list[dict]:
        """One page of orders as plain rows, for a table view (of one platform or shop
        with `scope`).

        Every sort key pages through an index (step 0003); a search sorted "recent" reads
        its page straight from the search index."""
        key = self.ORDER_SORTS[sort]
        direction = "DESC" if descending else "ASC"
        if search and sort == "recent" and scope.everything:
            ids, params = recent_ids("order", search, offset, limit, descending)
            return list(
                self.db.query(
                    f"SELECT {self.ORDER_PAGE_COLUMNS} FROM orders WHERE id IN ({ids}) "
                    f"ORDER BY id {direction}",
                    params,
                )
            )
        where, params = self._order_filter(search)
        within, more = scope.where("orders")
        return list(
            self.db.query(
                f"SELECT {self.ORDER_PAGE_COLUMNS} FROM orders WHERE {where}{within} "
                f"ORDER BY {key} {direction}, id {direction} LIMIT ? OFFSET ?",
                [*params, *more, limit, offset],
            )
        )

    def _case_filter(self, search: str | None, open_only: bool) -> tuple[str, list]:
        where, params = "1", []
        if open_only:
            where = f"c.state NOT IN {CLOSED_CASE_SQL}"
        if search:
            ids, params = match_ids("case", search)
            where += f" AND c.id IN ({ids})"
        return where, params

    def count_cases(
        self, search: str | None = None, open_only: bool = False, scope: Scope = EVERYTHING
    ) -> int:
        if not scope.everything:
            where, params = self._case_filter(search, open_only)
            within, more = scope.where("o")
            return self.db.execute(
                f"SELECT count(*) FROM cases c JOIN orders o ON o.id = c.order_id "
                f"WHERE {where}{within}",
                [*params, *more],
            ).fetchone()[0]
        if search and not open_only:
            sql, params = count_sql("case", search)
            return self.db.execute(sql, params).fetchone()[0]
        if open_only and not search:  # IN seeks the state index, NOT IN tests every row
            return self.db.execute(
                "SELECT (SELECT count(*) FROM cases) - (SELECT count(*) FROM cases "
                f"WHERE state IN {CLOSED_CASE_SQL})"
            ).fetchone()[0]
        where, params = self._case_filter(search, open_only)
        # Every case has its order (NOT NULL foreign key): no join needed to count.
        return self.db.execute(f"SELECT count(*) FROM cases c WHERE {where}", params).fetchone()[0]

    def cases_page(
        self,
        offset: int,
        limit: int,
        search: str | None = None,
        sort: str = "opened_at",
        descending: bool = True,
        open_only: bool = False,
        scope: Scope = EVERYTHING,
    ) -> list[dict]:
        key = self.CASE_SORTS[sort]
        direction = "DESC" if descending else "ASC"
        columns = (
            "SELECT c.id, o.platform, o.order_no, o.buyer_nick, o.item_titles, c.kind, c.state, "
            "c.refund_fen, c.reason, c.opened_at, c.platform_status, c.platform_deadline, "
            "c.next_due_at, c.next_due_party FROM cases c JOIN orders o ON o.id = c.order_id "
        )
        if search and sort == "recent" and not open_only and scope.everything:
            ids, params = recent_ids("case", search, offset, limit, descending)
            return list(
                self.db.query(f"{columns} WHERE c.id IN ({ids}) ORDER BY c.id {direction}", params)
            )
        where, params = self._case_filter(search, open_only)
        within, more = scope.where("o")
        return list(
            self.db.query(
                f"{columns} WHERE {where}{within} ORDER BY {key} {direction}, c.id {direction} "
                "LIMIT ? OFFSET ?",
                [*params, *more, limit, offset],
            )
        )
