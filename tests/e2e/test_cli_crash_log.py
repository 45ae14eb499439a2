"""A bug of ours on the command line is one line of Chinese and a crash log the seller can
send (version, command line without secrets, Python/SQLite/Qt versions, traceback), exit
70; never a traceback on screen. The newest 20 logs are kept."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from shopdesk import __version__
from shopdesk.crash_log import EXIT_INTERNAL, KEEP, write_crash_log
from shopdesk.domain import paths
from tests.e2e.cli_inprocess import run_cli

NAME = re.compile(r"crash-\d{8}-\d{6}-\d+(-\d+)?\.log")


def _boom(args):
    raise RuntimeError("a bug in the listing")


@pytest.fixture
def buggy_cases(monkeypatch):
    import shopdesk.commands.listing as listing

    monkeypatch.setattr(listing, "run_cases", _boom)


def test_a_bug_is_one_line_and_a_crash_log(buggy_cases, tmp_path):
    db = tmp_path / "x.db"
    assert run_cli("demo", "--orders", "3", "--db", str(db)).code == 0
    result = run_cli("cases", "--db", str(db), "--password", "hunter2")  # unknown: refused
    assert result.code == 2
    result = run_cli("cases", "--db", str(db))
    assert result.code == EXIT_INTERNAL == 70
    assert "Traceback" not in result.err and "RuntimeError" not in result.err
    assert len(result.err.strip().splitlines()) == 1 and "意外错误" in result.err
    logs = sorted(paths.crash_logs_dir().iterdir())
    assert len(logs) == 1 and NAME.fullmatch(logs[0].name)
    assert str(logs[0]) in result.err
    text = logs[0].read_text(encoding="utf-8")
    assert f"ShopDesk {__version__}" in text and "SQLite 3." in text and "Python 3." in text
    assert "Qt:" in text and f"cases --db {db}" in text
    assert "Traceback (most recent call last)" in text and "a bug in the listing" in text


def test_secrets_on_the_command_line_stay_out_of_the_log():
    log = write_crash_log(ValueError("x"), argv=["shopdesk", "--token", "abc123", "--api-key=zz9"])
    text = log.read_text(encoding="utf-8")
    assert "abc123" not in text and "zz9" not in text and "--token ***" in text


def test_only_the_newest_twenty_logs_are_kept():
    folder = paths.crash_logs_dir()
    for day in range(1, 26):
        (folder / f"crash-202601{day:02d}-120000-1.log").write_text("old", encoding="utf-8")
    newest = write_crash_log(RuntimeError("new"))
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == KEEP == 20
    assert kept[-1] == newest.name and "crash-20260101-120000-1.log" not in kept


def test_a_real_process_reports_a_bug_the_same_way(tmp_path):
    code = (
        "import sys, shopdesk.cli as cli\n"
        "def broken(argv): raise KeyError('inner')\n"
        "cli._dispatch = broken\n"
        "sys.exit(cli.main(['cases']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "SHOPDESK_DATA_DIR": str(tmp_path / "data")},
    )
    assert result.returncode == 70
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    (log,) = (tmp_path / "data" / "crash-logs").iterdir()
    assert "KeyError: 'inner'" in log.read_text(encoding="utf-8")
