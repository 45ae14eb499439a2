"""No command writes over the store, its SQLite side files, its evidence or its backups,
however the path is spelt (./x.db, a symbolic link, a hard link): refused before anything
is written, exit 2, one Chinese line naming the path."""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from tests.e2e.cli_inprocess import content, run_cli


@pytest.fixture
def shop(tmp_path, demo_template, monkeypatch):
    db = tmp_path / "x.db"
    shutil.copyfile(demo_template, db)
    note = tmp_path / "说明.pdf"
    note.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert (
        run_cli("evidence", "add", "1", str(note), "--kind", "invoice", "--db", str(db)).code == 0
    )
    (tmp_path / "x.db.files").mkdir(exist_ok=True)
    (tmp_path / "x.db.backups" / "x-20261128T040000Z-manual").mkdir(parents=True)
    os.symlink(db, tmp_path / "link.csv")
    os.link(db, tmp_path / "hard.csv")
    os.symlink(tmp_path / "x.db.files", tmp_path / "files-link")
    monkeypatch.chdir(tmp_path)
    return db


TARGETS = [
    "x.db",
    "./x.db",
    "sub/../x.db",
    "link.csv",
    "hard.csv",
    "x.db-wal",
    "x.db-shm",
    "x.db-journal",
    "x.db.files",
    "x.db.files/orders.csv",
    "files-link/orders.csv",
    "x.db.backups/orders.csv",
    "x.db.backups/x-20261128T040000Z-manual/orders.csv",
]


def _store_bytes(db):
    return {p.name: p.read_bytes() for p in (db, db.with_name("x.db-wal")) if p.exists()}


def _commands(target: str) -> list[list[str]]:
    return [
        ["export", "orders", "--out", target, "--format", "csv"],
        ["templates", "export", target],
        ["pack", "1", "--profile", "taobao-refund", "--out", target],
        ["backup", "--to", target],
    ]


@pytest.mark.parametrize("target", TARGETS)
def test_no_command_writes_over_the_store_or_its_folders(shop, target):
    os.makedirs("sub", exist_ok=True)
    files_before = sorted(os.listdir(shop.parent / "x.db.files"))
    before = content(shop)
    before_bytes = _store_bytes(shop)
    for argv in _commands(target):
        result = run_cli(*argv, "--db", "x.db")
        assert result.code == 2, (argv, result)
        assert target in result.err and "不能写入" in result.err, (argv, result.err)
        assert len(result.err.strip().splitlines()) == 1
        assert content(shop) == before
    assert _store_bytes(shop) == before_bytes
    assert sorted(os.listdir(shop.parent / "x.db.files")) == files_before


def test_backup_to_the_default_backup_folder_is_still_a_backup(shop):
    result = run_cli("backup", "--to", "x.db.backups", "--db", "x.db")
    assert result.code == 0, result.err
    assert "x.db.backups" in result.out


def test_an_export_beside_the_store_is_written(shop):
    result = run_cli("export", "orders", "--out", "orders.csv", "--db", "x.db")
    assert result.code == 0, result.err
    assert (shop.parent / "orders.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "x.db"],
        ["import", "./hard.csv"],
        ["templates", "import", "link.csv"],
        ["evidence", "add", "1", "x.db-wal", "--kind", "photo"],
        ["evidence", "chat", "1", "x.db"],
        ["verify", "x.db"],
        ["restore", "x.db"],
    ],
)
def test_no_command_reads_the_store_files_as_its_input(shop, argv):
    open("x.db-wal", "ab").close()
    before = content(shop)
    result = run_cli(*argv, "--db", "x.db")
    assert result.code == 2, result
    assert "不能读取" in result.err and len(result.err.strip().splitlines()) == 1
    assert content(shop) == before


def test_a_pipe_or_a_device_is_never_replaced_by_an_output_file(shop):
    os.mkfifo("pipe.csv")
    os.symlink("/dev/null", "null.csv")
    for target in ("pipe.csv", "null.csv"):
        for argv in _commands(target):
            result = run_cli(*argv, "--db", "x.db")
            assert result.code == 2 and "不是普通文件" in result.err, (argv, result)
    assert stat.S_ISFIFO(os.lstat("pipe.csv").st_mode)
    assert os.path.islink("null.csv")


@pytest.mark.parametrize(
    "argv",
    [
        ["import", "pipe.csv"],
        ["evidence", "chat", "1", "pipe.csv"],
        ["evidence", "add", "1", "pipe.csv", "--kind", "photo"],
        ["templates", "import", "pipe.csv"],
        ["verify", "pipe.csv"],
    ],
)
def test_a_pipe_given_as_input_is_refused_not_read_forever(shop, argv):
    os.mkfifo("pipe.csv")
    result = run_cli(*argv, "--db", "x.db")
    assert result.code == 2, result
    assert "普通文件" in result.err or "不是证据包" in result.err, result
