"""The hostile corpus fed to evidence add (files and chat logs): a clear message and the
store byte-identical, or the exact bytes kept under their SHA-256 — never a traceback, never
a row without its file."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import pytest

from shopdesk.domain.errors import ShopDeskError
from shopdesk.store.store import Store

evidence_repo = pytest.importorskip("shopdesk.store.evidence_repo")  # the evidence area's

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "tests" / "hostile").iterdir())
sys.path.insert(0, str(ROOT / "tools"))
from make_hostile_corpus import make_large  # noqa: E402


@pytest.fixture(scope="module")
def shop(tmp_path_factory, demo_template):
    folder = tmp_path_factory.mktemp("hostile-evidence")
    shutil.copyfile(demo_template, folder / "shop.db")
    with Store.open(folder / "shop.db") as store:
        yield store


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-evidence-large")
    made = make_large(folder)
    for name, target in {"loop.jpg": folder / "loop.jpg", "dangling.jpg": folder / "x"}.items():
        (folder / name).symlink_to(target)
        made.append(folder / name)
    (folder / "folder.jpg").mkdir()
    made += [folder / "folder.jpg", folder / "sub" / ".." / ".." / "nowhere" / "a.jpg"]
    return made


def _state(store: Store) -> tuple[str, list[str]]:
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = sorted(p.name for p in evidence_repo.files_dir(store).rglob("*") if p.is_file())
    return hashlib.sha256(store.path.read_bytes()).hexdigest(), files


def _add(store: Store, path: Path, chat: bool) -> None:
    before = _state(store)
    case_id = store.list_cases()[0].id
    try:
        if chat:
            raw = path.read_bytes() if path.is_file() else b""
            item = evidence_repo.add_chat(store, case_id, raw, path.name)
        else:
            item = evidence_repo.add_file(store, case_id, path, "photo")
    except ShopDeskError as exc:
        assert str(exc).strip() and "Traceback" not in str(exc)
        assert _state(store) == before
        return
    kept = evidence_repo.stored_path(store, item.sha256)
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == item.sha256
    assert kept.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_evidence_add_of_hostile_files(shop, path):
    _add(shop, path, chat=False)


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_chat_log_evidence_of_hostile_files(shop, path):
    _add(shop, path, chat=True)


def test_evidence_add_of_huge_files_links_and_dotdot_paths(shop, large):
    for path in large:
        _add(shop, path, chat=False)
        if path.is_file() and path.stat().st_size < 10 * 1024 * 1024:
            _add(shop, path, chat=True)
