"""Two ShopDesk windows on one store: the second brings the first forward and quits; the
CLI may write meanwhile and the window notices."""

from __future__ import annotations

import os
import subprocess
import sys

import shiboken6

from shopdesk.store.store import Store
from shopdesk.ui.single_instance import bring_forward_running
from tests.e2e.window_process import wait_for


def _shopdesk(*args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "shopdesk", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        **kw,
    )


def test_second_window_on_the_same_store_defers_to_the_first(qtbot, tmp_path):
    db = tmp_path / "shop.db"
    Store.open(db).close()
    first = _shopdesk("--db", str(db))
    try:
        qtbot.waitUntil(lambda: bring_forward_running(db, timeout_ms=200), timeout=30000)
        second = subprocess.run(
            [sys.executable, "-m", "shopdesk", "--db", str(db)],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert first.poll() is None  # the first window is still open
        other = _shopdesk("--db", str(tmp_path / "other.db"))
        try:  # a window on another store is not affected: it stays open too
            qtbot.waitUntil(
                lambda: bring_forward_running(tmp_path / "other.db", timeout_ms=200),
                timeout=30000,
            )
            assert other.poll() is None
        finally:
            other.kill()
            other.wait()
    finally:
        first.kill()
        first.wait()


def test_two_windows_started_at_the_same_moment_leave_one_running(tmp_path):
    db = tmp_path / "shop.db"
    Store.open(db).close()
    both = [_shopdesk("--db", str(db)), _shopdesk("--db", str(db))]
    try:
        wait_for(lambda: any(p.poll() is not None for p in both), "one of the two to defer")
        deferred = [p for p in both if p.poll() is not None]
        running = [p for p in both if p.poll() is None]
        assert [p.returncode for p in deferred] == [0]
        assert len(running) == 1
        # The one still running keeps its socket: a third start finds it.
        assert bring_forward_running(db, timeout_ms=2000)
        assert running[0].poll() is None
    finally:
        for process in both:
            process.kill()
            process.wait()


def test_a_second_window_through_a_hard_link_defers_to_the_first(qtbot, tmp_path):
    db = tmp_path / "shop.db"
    Store.open(db).close()
    linked = tmp_path / "另一个名字.db"
    os.link(db, linked)
    first = _shopdesk("--db", str(db))
    try:
        qtbot.waitUntil(lambda: bring_forward_running(db, timeout_ms=200), timeout=30000)
        second = _shopdesk("--db", str(linked))
        try:
            wait_for(lambda: second.poll() is not None, "the second window to defer")
            assert second.returncode == 0
            assert first.poll() is None
        finally:
            second.kill()
            second.wait()
    finally:
        first.kill()
        first.wait()


def test_the_window_refreshes_after_the_cli_writes(qtbot, demo_store):
    from shopdesk.ui.main_window import MainWindow

    window = MainWindow(demo_store)
    window.show()
    try:
        _wait_for_refresh(qtbot, window, demo_store)
    finally:  # stop watching the store before the fixture closes it
        window.external_writes.stop()
        window.close()
        shiboken6.delete(window)


def _wait_for_refresh(qtbot, window, demo_store) -> None:
    window.show_view("cases")
    before = window.cases_view.model.rowCount()
    order_no = demo_store.list_orders(limit=1)[0].order_no
    result = subprocess.run(
        [sys.executable, "-m", "shopdesk", "case", "add", order_no, "--kind", "refund_unshipped",
         "--db", str(demo_store.path), "--reason", "命令行新建"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: window.cases_view.model.rowCount() == before + 1, timeout=15000)
