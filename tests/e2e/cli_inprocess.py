"""The command line run inside the test process (fast), as a seller's shell would see it:
exit code, stdout, stderr; stdin closed, so nothing can prompt."""

from __future__ import annotations

import contextlib
import io
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from shopdesk.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*argv: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(b""))  # closed input: a prompt reads end-of-file
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as exc:  # argparse's own exits (--help, --version)
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        sys.stdin = stdin
    return Run(code, out.getvalue(), err.getvalue())


# When the clocks last caught up: bookkeeping a listing writes as time passes, not data.
CLOCK_MARKS = ("rules.refreshed_at", "rules.expired_until")


def content(db: Path) -> dict[str, list]:
    """Every row of every real table (search indexes' own tables included) but the clocks'
    catch-up marks: equal when the store holds the same data, whatever SQLite's pages or
    the WAL look like."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).fetchall()
        found = {
            name: connection.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
            for name, sql in tables
            if not (sql or "").upper().startswith("CREATE VIRTUAL")
        }
        if "settings" in found:
            found["settings"] = [r for r in found["settings"] if r[0] not in CLOCK_MARKS]
        return found
    finally:
        connection.close()
