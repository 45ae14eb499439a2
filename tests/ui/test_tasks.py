"""The one background runner: callbacks on the GUI thread, Cancel, a connection per job
on its worker thread, and no other threading idiom anywhere in the code."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.ui.tasks import TaskCancelled, TaskRunner

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tasks():
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def test_success_arrives_on_the_gui_thread_with_the_jobs_own_connection(qtbot, tasks, demo_store):
    seen = {}

    def work(context):
        store = context.store()
        seen["thread"] = threading.current_thread()
        seen["connection"] = store.db.conn
        return store.counts()["orders"]

    results = []
    task = tasks.run(
        work,
        store_path=demo_store.path,
        on_success=lambda n: results.append((n, threading.current_thread())),
    )
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert results == [(demo_store.counts()["orders"], threading.main_thread())]
    assert seen["thread"] is not threading.main_thread()
    assert seen["connection"] is not demo_store.db.conn  # never the window's connection


def test_a_failure_reaches_on_failure_and_not_on_success(qtbot, tasks):
    def work(_context):
        raise InputError("文件 a.csv 第 3 行：金额不是数字")

    outcomes = []
    task = tasks.run(work, on_success=outcomes.append, on_failure=outcomes.append)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert len(outcomes) == 1 and isinstance(outcomes[0], InputError)
    assert task.outcome == "failure"


def test_cancel_stops_a_running_query_and_calls_on_cancelled(qtbot, tasks, demo_store):
    running = threading.Event()

    def work(context):
        store = context.store()
        running.set()
        # A query that would run for a very long time: only the interrupt ends it.
        return store.db.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        ).fetchone()

    outcomes = []
    task = tasks.run(
        work,
        store_path=demo_store.path,
        on_success=lambda r: outcomes.append("success"),
        on_failure=lambda e: outcomes.append(e),
        on_cancelled=lambda: outcomes.append("cancelled"),
    )
    qtbot.waitUntil(running.is_set, timeout=20000)
    with qtbot.waitSignal(task.finished, timeout=20000):
        task.cancel()
    assert outcomes == ["cancelled"]


def test_a_job_cancelled_before_it_starts_never_runs(qtbot, tasks):
    ran = []
    task = tasks.run(lambda _context: ran.append(1), on_cancelled=lambda: ran.append("no"))
    task.cancel()  # in the same turn of the event loop: before any worker took it
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert ran == ["no"]


def test_check_raises_once_cancelled(qtbot, tasks):
    go = threading.Event()

    def work(context):
        go.wait(20)
        context.check()
        return "finished anyway"

    outcomes = []
    task = tasks.run(work, on_success=outcomes.append, on_cancelled=lambda: outcomes.append("c"))
    task.cancel()
    go.set()
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert outcomes == ["c"]
    assert issubclass(TaskCancelled, Exception)


def _python_files():
    for folder in ("shopdesk", "benchmarks", "tools"):
        yield from (ROOT / folder).rglob("*.py")


def test_no_qthread_subclass_and_no_other_thread_idiom_in_the_window():
    """Every background job goes through ui/tasks.py: no QThread subclass anywhere, and
    in the window's code no thread, pool or runnable of its own."""
    subclass = re.compile(r"class \w+\((?:\w+\.)?QThread\)")
    offenders = [
        str(p.relative_to(ROOT)) for p in _python_files() if subclass.search(p.read_text("utf-8"))
    ]
    assert offenders == []
    idioms = re.compile(
        r"\bQThread\b|\bQRunnable\b|\bQThreadPool\b|threading\.Thread\(|concurrent\.futures"
    )
    window_code = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "shopdesk" / "ui").rglob("*.py")
        if p.name != "tasks.py" and idioms.search(p.read_text("utf-8"))
    ]
    assert window_code == []


def test_the_window_registers_nothing_at_import():
    """Explicit wiring: no window hooks or case-panel sections registered by importing."""
    hooks = re.compile(r"register_window_hook|register_section|_window_hooks")
    found = [
        str(p.relative_to(ROOT)) for p in _python_files() if hooks.search(p.read_text("utf-8"))
    ]
    assert found == []
