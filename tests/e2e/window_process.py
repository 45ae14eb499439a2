"""A real ShopDesk window process (`python -m shopdesk --db X`, offscreen) for tests that
run the command line beside it, and what can be seen of it from outside: its open files
(/proc/<pid>/fd, Linux) and what it wrote into the store."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.e2e.conftest import ROOT, shopdesk  # noqa: F401  (the tests' one CLI runner)
from tests.e2e.conftest import cli_env as env


def start_window(db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "shopdesk", "--db", str(db)],
        cwd=ROOT,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def read_setting(db: Path, key: str) -> str | None:
    """A setting as another process sees it in the file now (a fresh connection)."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


def wait_for(condition, what: str, window: subprocess.Popen | None = None, limit: float = 90):
    """Poll `condition` until it holds; fail naming `what` (and the window's stderr if it
    died). A wait with an upper bound, not a timing assertion."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if window is not None and window.poll() is not None:
            raise AssertionError(
                f"the window quit while waiting for {what}: {window_stderr(window)}"
            )
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


def window_stderr(window: subprocess.Popen) -> str:
    if window.poll() is None or window.stderr is None:
        return ""
    return window.stderr.read().decode("utf-8", "replace")


def wait_until_started(window: subprocess.Popen, db: Path) -> None:
    """The window is up and its start-up background work is done: the clocks computed
    (the rules stamp written) and the day's automatic backup taken."""
    wait_for(lambda: read_setting(db, "rules.stamp"), "the window's rules stamp", window)
    backups = db.with_name(db.name + ".backups")
    wait_for(
        lambda: backups.is_dir() and any(p.name.endswith("-auto") for p in backups.iterdir()),
        "the window's automatic backup",
        window,
    )


def fd_listing(pid: int) -> list[str]:
    """`ls -l /proc/<pid>/fd` as lines `fd -> target`, the store's files only."""
    folder = Path(f"/proc/{pid}/fd")
    lines = []
    for entry in sorted(folder.iterdir(), key=lambda p: int(p.name)):
        try:
            target = os.readlink(entry)
        except OSError:
            continue
        lines.append(f"{entry.name} -> {target}")
    return lines


def store_files_open(pid: int, db: Path) -> list[str]:
    """The window's descriptors on the store's database, -wal and -shm."""
    names = {str(db), f"{db}-wal", f"{db}-shm"}
    return [
        line
        for line in fd_listing(pid)
        if line.split(" -> ", 1)[1].removesuffix(" (deleted)") in names
    ]
