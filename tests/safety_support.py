"""Helpers shared by the safety tests: evidence files the way the store keeps them, and a
snapshot of everything a seller would miss if it were lost."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from shopdesk.domain import paths
from shopdesk.domain.timeutil import now_text
from shopdesk.store.backup import evidence_index

TABLES = ("shops", "orders", "order_lines", "cases", "case_events", "evidence", "templates")


def put_evidence(store, case_id: int, data: bytes, file_name: str = "photo.jpg") -> str:
    """An evidence row and its content-addressed file (file first, as the store does)."""
    sha = hashlib.sha256(data).hexdigest()
    folder = paths.evidence_dir(store.path) / sha[:2]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / sha).write_bytes(data)  # as evidence_repo keeps it: <sha[:2]>/<sha>
    store.db.execute(
        "INSERT INTO evidence (case_id, kind, sha256, file_name, mime, bytes, added_at) "
        "VALUES (?, 'photo', ?, ?, 'image/jpeg', ?, ?)",
        [case_id, sha, file_name, len(data), now_text()],
    )
    return sha


def snapshot(db_path: Path) -> dict:
    """Every row of the tables that matter, and the bytes of every evidence file a row
    points at (by SHA-256)."""
    conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        rows = {
            t: [list(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY rowid")]
            for t in TABLES
            if t in tables
        }
        shas = [r[0] for r in conn.execute("SELECT sha256 FROM evidence ORDER BY id")]
    finally:
        conn.close()
    index = evidence_index(paths.evidence_dir(db_path))
    files = {sha: index[sha].read_bytes() if sha in index else None for sha in shas}
    return {"rows": json.loads(json.dumps(rows, ensure_ascii=False)), "files": files}
