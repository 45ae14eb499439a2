"""Every test runs offscreen, with its own data folder and Qt settings, never the user's."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_session_home = tempfile.mkdtemp(prefix="shopdesk-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_session_home, "config")
os.environ["SHOPDESK_DATA_DIR"] = os.path.join(_session_home, "data")

from shopdesk.domain import messages  # noqa: E402
from shopdesk.services.demo import build_demo  # noqa: E402
from shopdesk.store.store import Store  # noqa: E402

# A fixed "now" for everything that depends on time.
NOW = datetime(2026, 11, 28, 4, 0, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("SHOPDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def core_language():
    """The core speaks zh-CN in every test unless the test sets another language (a window
    in English, `--lang en` in process): reset after it."""
    yield
    messages.set_language(None)


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "store.db") as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A demo store built once per session; tests copy it. Without the buyers' photos
    `shopdesk demo` adds (tests copy the database file alone; those photos are
    tests/evidence/test_demo_photos.py's)."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store.open(path) as store:
        build_demo(store, NOW, photos=False)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo_store(tmp_path, demo_template):
    target = tmp_path / "demo.db"
    target.write_bytes(demo_template.read_bytes())
    with Store.open(target) as store:
        yield store
