"""The command line as a seller's script runs it: `python -m shopdesk ...` in its own
process, offscreen, with no terminal to prompt on. Every e2e test runs it through
`shopdesk()` here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def shopdesk(
    *args: object, check: bool = False, timeout: float = 300
) -> subprocess.CompletedProcess:
    """One command-line run to its end (stdin closed: a prompt would fail, not hang).
    `check`: the run must succeed (its stderr is the failure's message)."""
    result = subprocess.run(
        [sys.executable, "-m", "shopdesk", *map(str, args)],
        cwd=ROOT,
        env=cli_env(),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result
