"""A write while another process writes: the command waits, says on stderr why, and
then either does its whole step or gives up with one Chinese line having changed
nothing. Never `database is locked` as a traceback."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest

from shopdesk import cli
from shopdesk.store import store as store_module
from shopdesk.store.store import Store
from tests.e2e.window_process import ROOT, env
from tests.importers_fixtures import order, write_orders

ORDERS = [f"3712{n:015d}" for n in range(1, 301)]


@pytest.fixture
def shop(tmp_path, demo_template):
    db = tmp_path / "shop.db"
    shutil.copyfile(demo_template, db)
    Store.open(db).close()
    return db


def _hold_write_lock(db) -> sqlite3.Connection:
    """Another process's writer in the middle of its transaction."""
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO settings (key, value) VALUES ('other.writer', '1')")
    return holder


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "shopdesk", *args],
        cwd=ROOT,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("what", ["import", "case event"])
def test_a_write_waits_for_the_other_writer_saying_why_then_completes(shop, tmp_path, what):
    export = write_orders(tmp_path / "ExportOrderList202612010930.csv", [order(n) for n in ORDERS])
    args = {
        "import": ["import", str(export), "--db", str(shop)],
        "case event": ["case", "event", "1", "note", "--note", "等待之后写入", "--db", str(shop)],
    }[what]
    holder = _hold_write_lock(shop)
    process = _start(*args)
    try:
        status = process.stderr.readline()  # printed while it waits: the lock is still held
        assert "正在等待" in status and "另一个 ShopDesk" in status, status
        holder.execute("COMMIT")
        out, err = process.communicate(timeout=120)
    finally:
        holder.close()
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Traceback" not in err
    conn = sqlite3.connect(shop)
    try:
        if what == "import":
            found = conn.execute(
                f"SELECT count(*) FROM orders WHERE order_no IN ({','.join('?' * len(ORDERS))})",
                ORDERS,
            ).fetchone()[0]
            assert found == len(ORDERS)
        else:
            notes = [r[0] for r in conn.execute("SELECT note FROM case_events WHERE case_id = 1")]
            assert "等待之后写入" in notes
        assert conn.execute("SELECT value FROM settings WHERE key = 'other.writer'").fetchone()
    finally:
        conn.close()


def test_a_writer_that_never_finishes_gets_one_clear_line_and_nothing_changes(
    shop, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr(store_module, "BUSY_SECONDS", 0.2)  # the seller's 15 s, shortened
    export = write_orders(tmp_path / "ExportOrderList202612010930.csv", [order(n) for n in ORDERS])
    holder = _hold_write_lock(shop)
    try:
        code = cli.main(["import", str(export), "--db", str(shop)])
        _out, err = capsys.readouterr()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2
    lines = err.strip().splitlines()
    assert "正在等待" in lines[0]
    assert len(lines) == 2 and "没有做任何改动" in lines[1] and "Traceback" not in err
    conn = sqlite3.connect(shop)
    try:
        assert conn.execute(
            "SELECT count(*) FROM orders WHERE order_no = ?", [ORDERS[0]]
        ).fetchone() == (0,)
    finally:
        conn.close()


def test_two_imports_at_once_both_land_whole(shop, tmp_path):
    first = [f"3801{n:015d}" for n in range(1, 2001)]
    second = [f"3802{n:015d}" for n in range(1, 2001)]
    a = write_orders(tmp_path / "ExportOrderList202612010930.csv", [order(n) for n in first])
    b = write_orders(tmp_path / "ExportOrderList202612010931.csv", [order(n) for n in second])
    runs = [
        _start("import", str(a), "--db", str(shop)),
        _start("import", str(b), "--db", str(shop)),
    ]
    results = [run.communicate(timeout=180) for run in runs]
    for run, (_out, err) in zip(runs, results, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in err
    conn = sqlite3.connect(shop)
    try:
        for numbers in (first, second):
            found = conn.execute(
                "SELECT count(*) FROM orders WHERE order_no BETWEEN ? AND ?",
                [numbers[0], numbers[-1]],
            ).fetchone()[0]
            assert found == len(numbers)
    finally:
        conn.close()
