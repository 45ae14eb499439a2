"""The command line beside an open window on the same store: every command may run, and
the window's own files stay whole. SQLite's locks belong to the process: one plain
open() and close() of the database anywhere in the window's process used to drop them,
so the next command-line run took itself for the last user and deleted the WAL under the
window; its later writes went into the deleted file and were lost."""

from __future__ import annotations

import json
import signal
import sqlite3
import sys
from datetime import UTC, datetime, timedelta

import pytest

from shopdesk.services.demo import build_demo
from shopdesk.store.store import Store
from tests.e2e.window_process import (
    shopdesk,
    start_window,
    store_files_open,
    wait_for,
    wait_until_started,
)
from tests.importers_fixtures import order, write_orders

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/PID/fd")

NEW_ORDERS = [f"3911{n:015d}" for n in range(1, 21)]


def _store(tmp_path):
    db = tmp_path / "shop.db"
    with Store.open(db) as store:
        build_demo(store, datetime.now(UTC), orders=40)
        store.db.execute("DELETE FROM settings WHERE key LIKE 'rules.%'")  # a first start
    return db


def _unshipped_export(tmp_path):
    paid = (datetime.now(UTC) + timedelta(hours=8) - timedelta(hours=2)).strftime(
        "%Y-%m-%d %H:%M:%S"
    )  # two hours ago, China time
    rows = [
        order(no, **{"订单状态": "买家已付款，等待卖家发货", "订单付款时间 ": paid, "发货时间": ""})
        for no in NEW_ORDERS
    ]
    return write_orders(tmp_path / "ExportOrderList202612010930.csv", rows)


def _deleted(lines: list[str]) -> list[str]:
    return [line for line in lines if line.endswith("(deleted)")]


def test_every_command_beside_the_open_window_keeps_both_sides_writes(tmp_path):
    db = _store(tmp_path)
    export_file = _unshipped_export(tmp_path)
    window = start_window(db)
    try:
        wait_until_started(window, db)
        assert not _deleted(store_files_open(window.pid, db))

        listed = shopdesk("cases", "--db", str(db), "--json")
        assert listed.returncode == 0, listed.stderr
        case_id = json.loads(listed.stdout)[0]["id"]
        due = shopdesk("due", "--db", str(db), "--json")
        assert due.returncode == 0, due.stderr
        noted = shopdesk(
            "case", "event", str(case_id), "note", "--note", "命令行：已电话联系买家",
            "--db", str(db),
        )  # fmt: skip
        assert noted.returncode == 0, noted.stderr
        backed = shopdesk("backup", "--db", str(db))
        assert backed.returncode == 0, backed.stderr
        exported = shopdesk(
            "export", "orders", "--db", str(db), "--out", str(tmp_path / "订单.xlsx")
        )
        assert exported.returncode == 0, exported.stderr
        imported = shopdesk("import", str(export_file), "--db", str(db), "--json")
        assert imported.returncode == 0, imported.stderr

        # The window notices the import and computes the new orders' shipping clocks:
        # its own write, after every command above ran beside it.
        def window_caught_up():
            gone = _deleted(store_files_open(window.pid, db))
            assert not gone, f"the window's store files were deleted under it: {gone}"
            conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=30)
            try:
                found = conn.execute(
                    f"SELECT count(*) FROM orders WHERE next_due_at IS NOT NULL AND order_no IN "
                    f"({','.join('?' * len(NEW_ORDERS))})",
                    NEW_ORDERS,
                ).fetchone()[0]
                return found == len(NEW_ORDERS)  # no command ran a catch-up after the import
            finally:
                conn.close()

        wait_for(window_caught_up, "the window's clocks for the imported orders", window)
        listing = store_files_open(window.pid, db)
        print(f"\n/proc/{window.pid}/fd after the command-line writes:", *listing, sep="\n")
        assert f"{db}-wal" in {line.split(" -> ")[1] for line in listing}
        assert not _deleted(listing), listing
    finally:
        window.send_signal(signal.SIGKILL)  # no clean quit: what is in the file is all there is
        window.wait()
        window.stderr.close()

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = [
            r[0] for r in conn.execute("SELECT note FROM case_events WHERE case_id = ?", [case_id])
        ]
        assert "命令行：已电话联系买家" in notes
        due_rows = conn.execute(
            f"SELECT count(*) FROM orders WHERE next_due_at IS NOT NULL AND order_no IN "
            f"({','.join('?' * len(NEW_ORDERS))})",
            NEW_ORDERS,
        ).fetchone()[0]
        assert due_rows == len(NEW_ORDERS)  # the window's write
        assert conn.execute("SELECT value FROM settings WHERE key = 'rules.stamp'").fetchone()
    finally:
        conn.close()
    backups = sorted(p.name for p in db.with_name("shop.db.backups").iterdir())
    assert any(name.endswith("-manual") for name in backups)
    assert (tmp_path / "订单.xlsx").stat().st_size > 0
