"""Check a store the way Anki's Check Database does, without changing a byte: SQLite's
integrity_check and foreign_key_check on the database, and every evidence file read back
and hashed against its name (as Git verifies an object), then the cases each problem
touches. Used by `shopdesk check` and by the window's 文件 → 检查数据….

Only SQLite opens the database (read-only), so it is safe beside an open window.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from shopdesk.domain import paths
from shopdesk.domain.errors import InputError, NotAStoreError, ShopDeskError
from shopdesk.domain.messages import Message
from shopdesk.store.safeio import is_temp_name
from shopdesk.store.store import APPLICATION_ID

_SHA = re.compile(r"[0-9a-f]{64}")
_CHUNK = 1 << 20
_MAX_STORE_PROBLEMS = 100

CHANGED = "changed"
MISSING = "missing"
UNREADABLE = "unreadable"
PROBLEM_TEXT = {
    CHANGED: Message("check.changed"),
    MISSING: Message("check.missing"),
    UNREADABLE: Message("check.unreadable"),
}

Progress = Callable[[int, int], None]


class CheckCancelled(ShopDeskError):
    """The seller stopped the check; nothing was changed."""


@dataclass(frozen=True)
class EvidenceProblem:
    sha256: str
    problem: str  # CHANGED, MISSING or UNREADABLE
    file_name: str = ""  # the original name, where the store knows it
    kind: str = ""
    evidence_id: int | None = None
    case_id: int | None = None
    order_no: str | None = None
    path: str = ""

    @property
    def text(self) -> str:
        return PROBLEM_TEXT[self.problem]


@dataclass(frozen=True)
class AffectedCase:
    case_id: int
    order_no: str | None
    files: tuple[str, ...]


@dataclass(frozen=True)
class CheckReport:
    db: str
    store_problems: list[str] = field(default_factory=list)
    foreign_key_problems: list[str] = field(default_factory=list)
    evidence_checked: int = 0
    evidence_problems: list[EvidenceProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.store_problems or self.foreign_key_problems or self.evidence_problems)

    def affected_cases(self) -> list[AffectedCase]:
        found: dict[int, AffectedCase] = {}
        for item in self.evidence_problems:
            if item.case_id is None:
                continue
            before = found.get(item.case_id)
            files = (before.files if before else ()) + (item.file_name or item.sha256,)
            found[item.case_id] = AffectedCase(item.case_id, item.order_no, files)
        return [found[k] for k in sorted(found)]

    def to_json(self) -> dict:
        return {
            "db": self.db,
            "ok": self.ok,
            "store": {"ok": not self.store_problems, "problems": self.store_problems},
            "foreign_keys": {
                "ok": not self.foreign_key_problems,
                "problems": self.foreign_key_problems,
            },
            "evidence": {
                "checked": self.evidence_checked,
                "problems": [asdict(p) for p in self.evidence_problems],
            },
            "affected_cases": [asdict(c) | {"files": list(c.files)} for c in self.affected_cases()],
        }


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_store(
    db_path: str | Path,
    *,
    on_progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CheckReport:
    """Check the store at `db_path` and its evidence folder. Raises InputError for a path
    that is not there, NotAStoreError for another program's database; damage is reported,
    not raised."""
    db_path = Path(db_path).expanduser()
    if db_path.is_dir():
        raise InputError("check.is_folder", path=db_path)
    if not db_path.is_file():
        raise InputError("check.not_found", path=db_path)
    store_problems: list[str] = []
    fk_problems: list[str] = []
    rows: list[tuple] = []
    if db_path.stat().st_size == 0:
        store_problems.append(Message("check.zero_bytes"))
    else:
        store_problems, fk_problems, rows = _check_database(db_path)
    if cancelled and cancelled():
        raise CheckCancelled("check.cancelled")
    checked, evidence_problems = _check_evidence(
        paths.evidence_dir(db_path), rows, on_progress, cancelled
    )
    return CheckReport(str(db_path), store_problems, fk_problems, checked, evidence_problems)


def _check_database(db_path: Path) -> tuple[list[str], list[str], list[tuple]]:
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as exc:
        return [Message("check.cannot_open", reason=str(exc))], [], []
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        except sqlite3.DatabaseError as exc:
            return [Message("check.not_sqlite", reason=str(exc))], [], []
        if app_id != APPLICATION_ID and tables:
            raise NotAStoreError("check.other_program", path=db_path)
        store_problems = _integrity(conn)
        fk_problems = _foreign_keys(conn)
        rows: list[tuple] = []
        if "evidence" in tables:
            try:
                rows = conn.execute(
                    "SELECT e.id, e.case_id, e.sha256, e.file_name, e.kind, o.order_no "
                    "FROM evidence e LEFT JOIN cases c ON c.id = e.case_id "
                    "LEFT JOIN orders o ON o.id = c.order_id ORDER BY e.id"
                ).fetchall()
            except sqlite3.DatabaseError as exc:
                store_problems.append(Message("check.evidence_list", reason=str(exc)))
        return store_problems, fk_problems, rows
    finally:
        conn.close()


def _integrity(conn: sqlite3.Connection) -> list[str]:
    try:
        lines = [r[0] for r in conn.execute(f"PRAGMA integrity_check({_MAX_STORE_PROBLEMS})")]
    except sqlite3.DatabaseError as exc:
        return [Message("check.damaged_page", reason=str(exc))]
    return [] if lines == ["ok"] else lines


def integrity_problems(db_path: Path) -> list[str]:
    """SQLite's integrity_check of a database file, read-only: [] when it is sound."""
    try:
        conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as exc:
        return [Message("check.cannot_open", reason=str(exc))]
    try:
        return _integrity(conn)
    finally:
        conn.close()


def evidence_names(db_path: Path) -> dict[str, tuple[str, int | None]]:
    """What a database knows of its evidence files: SHA-256 -> (original file name, case
    id); {} when it cannot be read."""
    try:
        conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return {}
    try:
        rows = conn.execute("SELECT sha256, file_name, case_id FROM evidence ORDER BY id")
        return {sha: (name, case_id) for sha, name, case_id in reversed(rows.fetchall())}
    except sqlite3.DatabaseError:
        return {}
    finally:
        conn.close()


def describe_file(sha256: str, names: dict[str, tuple[str, int | None]]) -> str:
    """“开箱.jpg”（售后单 #13，SHA-256 …） or, for a file the store does not name, its hash."""
    if sha256 in names:
        name, case_id = names[sha256]
        return Message("check.evidence_file", name=name, case_id=case_id, sha256=sha256)
    return f"SHA-256 {sha256}"


def _foreign_keys(conn: sqlite3.Connection) -> list[str]:
    try:
        found = conn.execute("PRAGMA foreign_key_check").fetchmany(_MAX_STORE_PROBLEMS)
    except sqlite3.DatabaseError as exc:
        return [Message("check.foreign_keys_failed", reason=str(exc))]
    return [
        Message("check.dangling_row", table=table, rowid=rowid, parent=parent)
        for table, rowid, parent, _ in found
    ]


def _files_on_disk(folder: Path) -> dict[str, Path]:
    """Evidence files where the store keeps them (`<sha[:2]>/<sha>`), by SHA-256."""
    found: dict[str, Path] = {}
    if not folder.is_dir():
        return found
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not is_temp_name(d)]
        for name in files:
            if _SHA.fullmatch(name) and Path(root).name == name[:2]:
                found[name] = Path(root) / name
    return found


def _check_evidence(
    folder: Path,
    rows: list[tuple],
    on_progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[int, list[EvidenceProblem]]:
    on_disk = _files_on_disk(folder)
    wanted = sorted(set(on_disk) | {row[2] for row in rows})
    verdict: dict[str, tuple[str, str] | None] = {}  # sha -> (problem, path) or None
    for done, sha in enumerate(wanted, start=1):
        if cancelled and cancelled():
            raise CheckCancelled("check.cancelled")
        path = on_disk.get(sha) or folder / sha[:2] / sha
        if sha not in on_disk:
            verdict[sha] = (MISSING, str(path))
        else:
            try:
                verdict[sha] = None if hash_file(path) == sha else (CHANGED, str(path))
            except OSError:
                verdict[sha] = (UNREADABLE, str(path))
        if on_progress:
            on_progress(done, len(wanted))
    problems: list[EvidenceProblem] = []
    used: set[str] = set()
    for evidence_id, case_id, sha, file_name, kind, order_no in rows:
        used.add(sha)
        if verdict.get(sha):
            problem, path = verdict[sha]
            problems.append(
                EvidenceProblem(sha, problem, file_name, kind, evidence_id, case_id, order_no, path)
            )
    for sha in wanted:
        if sha not in used and verdict.get(sha):  # a file no row points at (yet) rotted
            problem, path = verdict[sha]
            problems.append(EvidenceProblem(sha, problem, path=path))
    return len(wanted), problems
