"""The hostile corpus (tests/hostile/, made by tools/make_hostile_corpus.py, plus huge
files, symlinks and `..` paths made here) fed to every file-reading entry point: each
gives a clear message (a ShopDesk error naming the problem) or a harmless result, never a
traceback, and the store stays byte-identical."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

import pytest

from shopdesk.domain.errors import ShopDeskError
from shopdesk.platforms import chatlog
from shopdesk.services.template_io import load_file
from shopdesk.store.backup import make_backup, restore_backup
from shopdesk.store.import_repo import import_files
from shopdesk.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "hostile"
sys.path.insert(0, str(ROOT / "tools"))
from make_hostile_corpus import make_large  # noqa: E402

SMALL = sorted(CORPUS.iterdir())
# Usable exports whose cells are hostile: they import, with the hostile part removed.
VALID = [p for p in SMALL if p.name.startswith("valid-with-")]
NOT_EXPORTS = [p for p in SMALL if p not in VALID]


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("hostile-large")
    made = make_large(folder)
    outside = folder / "outside.csv"
    outside.write_text("订单编号\n1\n", encoding="utf-8")
    links = {
        "link-to-passwd.csv": Path("/etc/passwd"),
        "dangling-link.csv": folder / "nowhere.csv",
        "link-loop.csv": folder / "link-loop.csv",
        "link-to-folder.csv": folder,
    }
    for name, target in links.items():
        os.symlink(target, folder / name)
        made.append(folder / name)
    (folder / "sub").mkdir()
    (folder / "folder-named.csv").mkdir()
    made += [
        folder / "sub" / ".." / ".." / "no-such-place" / "orders.csv",
        folder / "sub" / ".." / "outside.csv",
        folder / "folder-named.csv",
    ]
    return made


def test_the_corpus_is_big_enough_and_small_on_disk():
    assert len(SMALL) >= 40
    assert sum(p.stat().st_size for p in SMALL) < 1024 * 1024


def _fingerprint(store: Store) -> str:
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = hashlib.sha256(store.path.read_bytes())
    for path in sorted(store.path.parent.iterdir()):
        digest.update(path.name.encode())
    return digest.hexdigest()


def _clear(message: str) -> bool:
    return bool(message.strip()) and "Traceback" not in message and len(message) < 2000


def _ids(paths):
    return [p.name for p in paths]


@pytest.fixture(scope="module")
def shop(tmp_path_factory, demo_template):
    folder = tmp_path_factory.mktemp("hostile-shop")
    shutil.copyfile(demo_template, folder / "shop.db")
    with Store.open(folder / "shop.db") as store:
        yield store


def _import_leaves_store_alone(store: Store, path: Path, now) -> None:
    before = _fingerprint(store)
    try:
        report = import_files(store, [path], now=now)
    except ShopDeskError as exc:
        assert _clear(str(exc)), str(exc)
    else:  # read, but nothing usable in it: nothing may change
        assert all(f.added == f.updated == 0 for f in report.files), report.as_dict()
    assert _fingerprint(store) == before


@pytest.mark.parametrize("path", NOT_EXPORTS, ids=_ids(NOT_EXPORTS))
def test_importer_on_small_hostile_files(shop, path, now):
    _import_leaves_store_alone(shop, path, now)


@pytest.mark.parametrize("path", VALID, ids=_ids(VALID))
def test_hostile_cells_lose_control_characters_and_bidi_overrides(store, path, now):
    report = import_files(store, [path], now=now)
    assert report.files[0].added == 1
    (order,) = store.list_orders()
    assert "张" in order.receiver_name and "伟" in order.receiver_name
    hidden = [c for c in order.receiver_name if ord(c) < 32 or 0x202A <= ord(c) <= 0x202E]
    assert hidden == []
    if "truncated" in path.name:  # the row the file stops in is reported, not guessed
        assert report.files[0].skipped


WIDE = "row-of-100000-columns.csv"


def test_importer_on_huge_files_symlinks_and_dotdot_paths(shop, large, now):
    for path in large:
        if path.name != WIDE:
            _import_leaves_store_alone(shop, path, now)


def test_a_row_of_100000_columns_imports_the_columns_it_knows(store, large, now):
    (path,) = [p for p in large if p.name == WIDE]
    report = import_files(store, [path], now=now)
    assert report.files[0].added == 1
    assert store.list_orders()[0].order_no == "3515313147329357900"


def _chat(path: Path) -> None:
    try:
        raw = path.read_bytes()
    except OSError:
        return  # the dialog reports an unreadable file before parsing
    try:
        messages = chatlog.parse(chatlog.decode(raw))
    except chatlog.ChatLogError as exc:
        assert _clear(str(exc))
    else:
        assert isinstance(messages, list)


@pytest.mark.parametrize("path", SMALL, ids=_ids(SMALL))
def test_chat_log_parser_on_hostile_files(path):
    _chat(path)


def test_chat_log_parser_on_huge_files(large):
    for path in large:
        if path.is_file() and path.stat().st_size < 10 * 1024 * 1024:
            _chat(path)


def _templates(path: Path) -> None:
    try:
        load_file(path)
    except ShopDeskError as exc:
        assert _clear(str(exc))


@pytest.mark.parametrize("path", SMALL, ids=_ids(SMALL))
def test_template_import_on_hostile_files(path):
    _templates(path)


def test_template_import_on_huge_files_and_links(large):
    for path in large:
        _templates(path)


IMAGES = [p for p in SMALL if p.suffix in (".jpg", ".png", ".gif", ".bmp")] + [
    CORPUS / "random-binary.csv",
    CORPUS / "zip-bomb.xlsx",
]


@pytest.mark.parametrize("path", IMAGES, ids=_ids(IMAGES))
def test_image_loading_on_hostile_files(path):
    from shopdesk.evidence.fitting import FitError, load_image

    with pytest.raises(FitError) as raised:
        load_image(path, max_long_side=2000)
    assert _clear(str(raised.value))


DATABASES = [p for p in SMALL if p.suffix == ".db"]


@pytest.mark.parametrize("path", DATABASES, ids=_ids(DATABASES))
def test_opening_a_hostile_store_file_changes_nothing(path, tmp_path):
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    with pytest.raises(ShopDeskError) as raised:
        Store.open(copy)
    assert _clear(str(raised.value))
    assert copy.read_bytes() == path.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize("path", DATABASES, ids=_ids(DATABASES))
def test_restoring_a_hostile_backup_changes_nothing(path, store, tmp_path, now):
    fake = tmp_path / "fake-backup"
    fake.mkdir()
    shutil.copyfile(path, fake / "shopdesk.db")
    make_backup(store.path, now)  # so a "before-restore" backup would be visible
    before = _fingerprint(store)
    with pytest.raises(ShopDeskError) as raised:
        restore_backup(fake, store.path, now)
    assert _clear(str(raised.value))
    assert _fingerprint(store) == before
