"""Backups of a store: the database (SQLite's backup API, a consistent snapshot even while
the window or the CLI writes) and the evidence files.

A backup is a folder `<store>-<UTC stamp>-<kind>/` holding `shopdesk.db`, `files/` (the
evidence folder's tree: content-addressed, immutable files, hard-linked where the disk
allows, else copied) and `manifest.json`. It is built under a hidden temporary name and
renamed when complete, so a backup cut off by a crash is never listed. Backups live beside
the store in `<store>.backups/` unless told otherwise.

Rotation applies to automatic backups (a backup the seller asked for, and the one taken
before a restore, stay until the seller deletes them). It keeps the newest backup of each of the 7 most recent days that have one, and
the newest of each of the 4 most recent ISO weeks before those days (days and weeks in
UTC); it removes the rest.

Restore first backs up the current store (kind `before-restore`), links in the backup's evidence files, then copies the backup's database
into the store with SQLite's backup API: one write transaction, so the store is the old
one or the new one, never a mix; a window on the store sees the change like any other
write from another process.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from shopdesk.domain import paths
from shopdesk.domain.errors import DamagedStoreError, InputError, ShopDeskError
from shopdesk.domain.messages import Message
from shopdesk.store.check import describe_file, evidence_names, hash_file, integrity_problems
from shopdesk.store.safeio import (
    TEMP_PREFIX,
    disk_errors,
    fsync_dir,
    fsync_file,
    is_temp_name,
    link_or_copy,
    remove_tree,
    sweep_temp_files,
    temp_path_for,
)
from shopdesk.store.store import Store, check_file, connect_read_only, set_aside_damaged

DB_NAME = "shopdesk.db"
FILES_NAME = "files"
MANIFEST_NAME = "manifest.json"
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
KINDS = ("auto", "manual", "before-restore")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
AUTO_INTERVAL = timedelta(hours=24)

Progress = Callable[[int, int], None]


class BackupCancelled(ShopDeskError):
    """The seller cancelled a backup; nothing was kept."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    kind: str


def default_backup_dir(store_path: Path) -> Path:
    store_path = Path(store_path)
    return store_path.with_name(store_path.name + ".backups")


def _stem(store_path: Path) -> str:
    return Path(store_path).stem or "shopdesk"


def parse_backup_name(path: Path) -> BackupInfo | None:
    """`shopdesk-20261128T043724Z-auto` -> its time and kind; None for anything else."""
    name = path.name
    if name.startswith(".") or not (path / DB_NAME).is_file():
        return None
    for kind in KINDS:
        suffix = f"-{kind}"
        if name.endswith(suffix):
            rest = name[: -len(suffix)]
            stamp = rest.rsplit("-", 1)[-1]
            try:
                taken = datetime.strptime(stamp, STAMP_FORMAT).replace(tzinfo=UTC)
            except ValueError:
                return None
            return BackupInfo(path, taken, kind)
    return None


def list_backups(folder: Path) -> list[BackupInfo]:
    """Complete backups in `folder`, newest first."""
    if not Path(folder).is_dir():
        return []
    found = [info for p in Path(folder).iterdir() if (info := parse_backup_name(p))]
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def needs_auto_backup(store_path: Path, now: datetime, folder: Path | None = None) -> bool:
    """True when the store has no backup from the last 24 hours (automatic: at most daily)."""
    if not Path(store_path).exists():
        return False
    backups = list_backups(folder or default_backup_dir(store_path))
    return not backups or now - backups[0].taken_at >= AUTO_INTERVAL


def backups_to_keep(backups: list[BackupInfo]) -> set[Path]:
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep: list[BackupInfo] = []
    days: set = set()
    for info in newest_first:
        day = info.taken_at.date()
        if day not in days and len(days) < KEEP_DAILY:
            days.add(day)
            keep.append(info)
    oldest_day = min(days) if days else None
    weeks: set = set()
    for info in newest_first:
        if oldest_day is not None and info.taken_at.date() >= oldest_day:
            continue
        week = info.taken_at.isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.append(info)
    return {info.path for info in keep}


def rotate(folder: Path) -> list[Path]:
    """Remove the automatic backups rotation does not keep. Returns what was removed."""
    backups = [b for b in list_backups(folder) if b.kind == "auto"]
    keep = backups_to_keep(backups)
    removed = []
    for info in backups:
        if info.path not in keep:
            # Rename first, so a crash mid-delete leaves a hidden leftover, not half a backup.
            doomed = info.path.with_name(f"{TEMP_PREFIX}{os.getpid()}-del-{info.path.name}")
            os.replace(info.path, doomed)
            remove_tree(doomed)
            removed.append(info.path)
    return removed


def _evidence_files(folder: Path) -> list[Path]:
    """Every evidence file under `folder` (relative paths), leaving out temporary ones."""
    if not folder.is_dir():
        return []
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not is_temp_name(d)]
        for name in files:
            if not is_temp_name(name):
                found.append((Path(root) / name).relative_to(folder))
    return sorted(found)


def evidence_index(folder: Path) -> dict[str, Path]:
    """Evidence files by SHA-256 (the file name up to its first dot)."""
    return {rel.name.split(".", 1)[0]: Path(folder) / rel for rel in _evidence_files(folder)}


def _copy_database(source: Path, target: Path) -> None:
    """A consistent snapshot of `source` as a self-contained file `target` (no -wal)."""
    src = connect_read_only(source)  # works on a read-only disk too; never writes the store
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError):
            raise  # disk full, read-only, locked: said as such by disk_errors
        raise DamagedStoreError(_damaged_text(source, str(exc))) from None
    finally:
        src.close()
    fsync_file(target)


def _damaged_text(store_path: Path, problem: str) -> Message:
    backups = list_backups(default_backup_dir(store_path))
    newest = Message("backup.newest", path=backups[0].path) if backups else ""
    return Message("backup.store_damaged", path=store_path, problem=problem, newest=newest)


def _verify_evidence(files: list[Path], folder: Path, names: dict) -> list[str]:
    """Names of the evidence files in `folder` whose bytes do not match their name."""
    bad = []
    for rel in files:
        sha = rel.name.split(".", 1)[0]
        try:
            sound = hash_file(folder / rel) == sha
        except OSError:
            sound = False
        if not sound:
            bad.append(describe_file(sha, names))
    return bad


def _summary(db_path: Path) -> dict:
    try:
        return _read_summary(db_path)
    except sqlite3.DatabaseError as exc:  # a damaged store kept before a restore
        return {"counts": {}, "schema": [], "unreadable": str(exc)}


def _read_summary(db_path: Path) -> dict:
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("orders", "cases", "case_events", "evidence", "templates")
            if t in tables
        }
        steps = []
        if "_sqlite_migrations" in tables:
            steps = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = 'shopdesk' "
                    "ORDER BY id"
                )
            ]
        return {"counts": counts, "schema": steps}
    finally:
        conn.close()


def make_backup(
    store_path: Path,
    now: datetime,
    *,
    to: Path | None = None,
    kind: str = "manual",
    prune: bool = True,
    on_progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Back up the store at `store_path` into `to` (default: beside the store). Returns the
    new backup's folder. Raises DiskError (nothing kept) on a full or read-only disk."""
    store_path = Path(store_path)
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    if not store_path.is_file():
        raise InputError("backup.no_store", path=store_path)
    check_file(store_path)
    folder = Path(to) if to else default_backup_dir(store_path)
    with disk_errors(folder):
        folder.mkdir(parents=True, exist_ok=True)
        sweep_temp_files(folder)
        name = f"{_stem(store_path)}-{now.astimezone(UTC).strftime(STAMP_FORMAT)}-{kind}"
        final = folder / name
        serial = 2
        while final.exists():
            final = (
                folder
                / f"{_stem(store_path)}-{now.astimezone(UTC).strftime(STAMP_FORMAT)}-{serial}-{kind}"
            )
            serial += 1
        work = temp_path_for(final)
        try:
            work.mkdir()
            _build_backup(store_path, work, now, kind, on_progress, cancelled)
            os.replace(work, final)
            try:
                fsync_dir(folder)
            except OSError:  # the rename may not last: a backup that may vanish is none
                os.replace(final, work)
                raise
        finally:
            if work.exists():
                remove_tree(work)
        if prune:
            rotate(folder)
    return final


def _build_backup(
    store_path: Path,
    work: Path,
    now: datetime,
    kind: str,
    on_progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    """Copy the database and the evidence files into `work`, then verify the copy: a
    backup that would keep damage (a database SQLite finds unsound, an evidence file whose
    bytes no longer match its name) is refused, so it never takes a place in the rotation.
    The one kept before a restore is kept whatever it holds, with its damage noted."""

    def stop_if_cancelled() -> None:
        if cancelled and cancelled():
            raise BackupCancelled("backup.cancelled")

    _copy_database(store_path, work / DB_NAME)
    damage = integrity_problems(work / DB_NAME)
    if damage and kind != "before-restore":
        raise DamagedStoreError(_damaged_text(store_path, "; ".join(damage[:3])))
    stop_if_cancelled()
    source = paths.evidence_dir(store_path)
    files = _evidence_files(source)
    linked = 0
    (work / FILES_NAME).mkdir()
    for done, rel in enumerate(files, start=1):
        stop_if_cancelled()
        target = work / FILES_NAME / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        linked += link_or_copy(source / rel, target)
        if on_progress:
            on_progress(done, len(files))
    bad_files = _verify_evidence(files, work / FILES_NAME, evidence_names(work / DB_NAME))
    if bad_files and kind != "before-restore":
        others = len(bad_files) - 1
        raise DamagedStoreError(
            "backup.evidence_damaged",
            file=bad_files[0],
            others=Message("backup.evidence_others", n=others) if others else "",
        )
    manifest = {
        "format": 1,
        "store": store_path.name,
        "taken_at": now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "kind": kind,
        "evidence_files": len(files),
        "evidence_linked": linked,
        "evidence_sha256": sorted(rel.name for rel in files),
        **_summary(work / DB_NAME),
    }
    if damage or bad_files:
        manifest["damaged"] = damage[:3] + bad_files
    manifest_path = work / MANIFEST_NAME
    with open(manifest_path, "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    fsync_dir(work)


def backup_database_path(backup: Path) -> Path:
    """The database inside a backup given as its folder or as the database file itself."""
    backup = Path(backup).expanduser()
    if backup.is_dir():
        backup = backup / DB_NAME
    if not backup.is_file():
        raise InputError("backup.not_a_backup", path=backup, db=DB_NAME)
    return backup


def quick_check(db_path: Path) -> str | None:
    """None when SQLite's quick_check finds the file sound, else its first complaint.
    Opens read-only: never changes the file."""
    try:
        conn = connect_read_only(Path(db_path))
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except (sqlite3.DatabaseError, ShopDeskError) as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows[:3])


def verify_backup(backup: Path) -> Path:
    """Check every file of a backup before anything is restored: its database (SQLite's
    integrity_check), every evidence file's bytes against its name, and every file its
    manifest lists. Returns the backup's database; InputError names the damaged file
    (the original name where the backup's database knows it, and its hash)."""
    db_path = backup_database_path(backup)
    folder = db_path.parent
    check_file(db_path)
    damage = integrity_problems(db_path)
    if damage:
        raise InputError("backup.restore_damaged", folder=folder, damage="; ".join(damage[:3]))
    listed = _manifest_files(folder)
    names = evidence_names(db_path)
    files = _evidence_files(folder / FILES_NAME)
    present = {rel.name for rel in files}
    missing = [sha for sha in listed if sha not in present]
    if missing:
        raise InputError(
            "backup.restore_missing", folder=folder, file=describe_file(missing[0], names)
        )
    bad = _verify_evidence(files, folder / FILES_NAME, names)
    if bad:
        raise InputError("backup.restore_evidence_damaged", folder=folder, file=bad[0])
    return db_path


def _manifest_files(folder: Path) -> list[str]:
    """The evidence files a backup's manifest lists (none for a backup written before
    manifests listed them)."""
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():
        return []
    try:
        listed = json.loads(manifest.read_text(encoding="utf-8")).get("evidence_sha256", [])
    except (OSError, ValueError, AttributeError):
        raise InputError("backup.manifest_damaged", folder=folder, manifest=MANIFEST_NAME) from None
    if not isinstance(listed, list) or not all(isinstance(x, str) for x in listed):
        raise InputError("backup.manifest_damaged", folder=folder, manifest=MANIFEST_NAME)
    return listed


def restore_backup(backup: Path, store_path: Path, now: datetime) -> Path | None:
    """Replace the store's data with a backup's, once every file of the backup is verified.
    The current store is backed up first; returns that safety backup's folder (None when
    there was no store to keep)."""
    store_path = Path(store_path)
    db_path = verify_backup(backup)
    safety = None
    sweep_store_leftovers(store_path)
    kept = set_aside_damaged(store_path)  # a damaged store is kept aside, not backed up
    if kept is None and store_path.is_file() and store_path.stat().st_size:
        safety = make_backup(store_path, now, kind="before-restore", prune=False)
    with disk_errors(store_path):
        _restore_files(db_path.parent / FILES_NAME, paths.evidence_dir(store_path))
        store_path.parent.mkdir(parents=True, exist_ok=True)
        staged = temp_path_for(store_path.with_name(store_path.name + ".restore"))
        try:
            # An older backup is brought up to this version's schema on a copy, so the
            # copy into the store below is the last write: it succeeds or changes nothing.
            _copy_database(db_path, staged)
            Store.open(staged).close()
            Store.open(store_path).close()  # a WAL store at that path: the copy is one commit
            src = sqlite3.connect(f"{staged.resolve().as_uri()}?mode=ro", uri=True)
            try:
                dst = sqlite3.connect(store_path, timeout=30)
                try:
                    dst.execute("PRAGMA busy_timeout = 30000")
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
        finally:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{staged}{suffix}").unlink(missing_ok=True)
    return safety


def _restore_files(source: Path, target: Path) -> None:
    """Link the backup's (verified) evidence files into the store's folder before any row
    points at them. A file already there stays when its bytes match its name; one that
    rotted is replaced by the backup's good copy."""
    for rel in _evidence_files(source):
        destination = target / rel
        if destination.exists():
            try:
                if hash_file(destination) == rel.name.split(".", 1)[0]:
                    continue
            except OSError:
                pass
            destination.unlink()
        destination.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(source / rel, destination)


@dataclass(frozen=True)
class StartupReport:
    """What the background check after the window is up found: a damaged store (never
    altered), or the automatic backup it took (or None when one from today exists)."""

    damage: str | None = None
    backup: Path | None = None
    backup_error: str | None = None


def sweep_store_leftovers(store_path: Path) -> int:
    """Remove the hidden temporary files that writes cut off by a crash left beside the
    store, in its evidence folder and in its backup folder. Returns the count."""
    store_path = Path(store_path)
    folders = [store_path.parent, default_backup_dir(store_path)]
    evidence = paths.evidence_dir(store_path)
    if evidence.is_dir():
        folders += [evidence] + [
            Path(root) / d for root, dirs, _ in os.walk(evidence) for d in dirs
        ]
    return sum(sweep_temp_files(folder) for folder in folders)


def startup_checks(store_path: Path, now: datetime) -> StartupReport:
    """quick_check the store, sweep what crashed writes left, then take the day's
    automatic backup if there is none. Runs on a worker thread with its own connections;
    never changes the store's database."""
    damage = quick_check(store_path)
    if not damage:
        sweep_store_leftovers(store_path)
    if damage:
        return StartupReport(damage=damage)
    if not needs_auto_backup(store_path, now):
        return StartupReport()
    try:
        return StartupReport(backup=make_backup(store_path, now, kind="auto"))
    except ShopDeskError as exc:
        return StartupReport(backup_error=str(exc))


def backup_counts(backup: Path) -> dict[str, str]:
    """How many orders and cases a backup holds (read-only; {} when it cannot be read).
    A backup is never the open store, so reading it cannot disturb the store's locks."""
    try:
        uri = backup_database_path(backup).resolve().as_uri() + "?mode=ro"
        connection = sqlite3.connect(uri, uri=True)
        try:
            return {
                table: str(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                for table in ("orders", "cases")
            }
        finally:
            connection.close()
    except (sqlite3.Error, OSError, ShopDeskError):
        return {}
