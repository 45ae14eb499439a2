"""Damage the way disks and careless tools do: a page of the database overwritten, an
evidence file's bytes changed in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from shopdesk.domain import paths


def damage_page(db_path: Path, index: str = "orders_paid_at") -> None:
    """Overwrite the root page of one index with garbage (the tables stay readable, so a
    listing still works; SQLite's integrity_check finds it). The store must be
    checkpointed and no connection of this process open on it."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [index]).fetchone()
    finally:
        conn.close()
    assert root, f"no index {index}"
    with open(db_path, "r+b") as handle:
        handle.seek((root[0] - 1) * page_size)
        handle.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff" * (page_size // 8))


def rot_evidence(db_path: Path, sha256: str) -> Path:
    """Change a stored evidence file's bytes in place (every hard link sees it)."""
    path = paths.evidence_dir(db_path) / sha256[:2] / sha256
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    with open(path, "r+b") as handle:
        handle.write(bytes(data))
    return path
