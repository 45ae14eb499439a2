"""The cycle collector held off while ShopDesk starts, and back on once it has."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from shopdesk import cli, startup_gc
from shopdesk.store.store import Store


@pytest.fixture
def collector_restored():
    yield
    startup_gc.release()
    gc.enable()
    gc.unfreeze()


def test_held_then_released_with_what_was_made_set_aside(collector_restored):
    startup_gc.hold()
    assert not gc.isenabled()
    startup_gc.release()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0  # later collections skip the start's objects


def test_release_does_nothing_unless_held(collector_restored):
    gc.disable()  # held by someone else (a test harness, an embedding program)
    startup_gc.release()
    assert not gc.isenabled()


def test_a_command_runs_with_the_collector_on(collector_restored, tmp_path, monkeypatch):
    db = tmp_path / "shopdesk.db"
    Store.open(db).close()
    seen = {}
    real_run = cli._dispatch

    def dispatch(argv):
        seen["started"] = gc.isenabled()
        return real_run(argv)

    monkeypatch.setattr(cli, "_dispatch", dispatch)
    startup_gc.hold()
    assert cli.main(["--db", str(db), "orders"]) == 0
    assert seen["started"] is False and gc.isenabled()


def test_python_m_shopdesk_holds_it_from_its_first_line():
    probe = "import gc; import shopdesk.__main__; print(gc.isenabled())"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip() == "False"  # imported, not yet run: still starting
