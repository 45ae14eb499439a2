"""The damage corpus: stores damaged the ways a crash, a disk or a careless copy damages
them, and files that are not ours. For each, the command line gives one Chinese line
that says what to do, never writes a byte of the file (hashes of the database, -wal and
-shm before and after), and the restore it suggests works.

Run with -s to print the table of messages."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from shopdesk import cli
from shopdesk.services.demo import build_demo
from shopdesk.store.backup import make_backup
from shopdesk.store.store import Store
from tests.importers_fixtures import order, write_orders

ROOT = Path(__file__).resolve().parents[2]
RESTORE = re.compile(r'shopdesk restore "([^"]+)" --db "([^"]+)"')
TABLE: list[tuple[str, str, bool, str]] = []


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _hashes(db: Path) -> dict[str, str]:
    found = {}
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        if path.exists():
            found[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _good_store(tmp_path: Path, demo_template: Path, now) -> tuple[Path, Path]:
    """A demo store with a manual backup beside it: (store, backup folder)."""
    db = tmp_path / "shop.db"
    shutil.copyfile(demo_template, db)
    with Store.open(db):
        pass
    return db, make_backup(db, now, kind="manual")


def _case_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        conn.close()


def _one_clear_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert re.search(r"[\u4e00-\u9fff]", lines[0])
    return lines[0]


def _refused_untouched(capsys, db: Path, *commands: tuple[str, ...]) -> str:
    before = _hashes(db)
    message = ""
    for command in commands:
        code, out, err = _run(capsys, *command, "--db", str(db))
        assert code == 2, (command, out, err)
        message = _one_clear_line(err)
    assert _hashes(db) == before
    return message


def _restore_as_told(capsys, message: str, db: Path, backup: Path, cases: int) -> None:
    found = RESTORE.search(message)
    assert found, message
    assert Path(found.group(1)) == backup and Path(found.group(2)) == db
    code, _out, err = _run(capsys, "restore", found.group(1), "--db", found.group(2))
    assert code == 0, err
    code, _out, err = _run(capsys, "cases", "--json", "--db", str(db))
    assert code == 0, err
    assert _case_count(db) == cases


@pytest.fixture(autouse=True, scope="module")
def _print_table():
    yield
    if TABLE:
        print("\n| attack | message | bytes unchanged | restore |")
        print("|---|---|---|---|")
        for attack, message, unchanged, restore in TABLE:
            print(f"| {attack} | {message} | {'yes' if unchanged else 'NO'} | {restore} |")


def test_a_zero_byte_store_is_reported_emptied_not_opened_as_an_empty_shop(
    capsys, tmp_path, demo_template, now
):
    db, backup = _good_store(tmp_path, demo_template, now)
    cases = _case_count(db)
    db.write_bytes(b"")
    message = _refused_untouched(capsys, db, ("cases", "--json"), ("orders",), ("due",))
    assert "0 字节" in message and "已损坏" in message
    assert not db.with_name("shop.db-wal").exists()
    TABLE.append(("zero bytes", message, True, "works"))
    _restore_as_told(capsys, message, db, backup, cases)
    assert db.with_name(db.name).stat().st_size > 0


def _flip_middle_page(db: Path) -> None:
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'orders'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db, "r+b") as handle:  # the test's own plain I/O, no connection is open
        handle.seek((root - 1) * size)
        page = bytearray(handle.read(size))
        for i in range(0, 64):
            page[i] ^= 0xFF
        handle.seek((root - 1) * size)
        handle.write(page)


def test_flipped_bytes_mid_file_one_message_nothing_written(capsys, tmp_path, demo_template, now):
    db, backup = _good_store(tmp_path, demo_template, now)
    cases = _case_count(db)
    _flip_middle_page(db)
    message = _refused_untouched(
        capsys, db, ("cases", "--json"), ("orders",), ("case", "event", "1", "note")
    )
    assert "已损坏" in message and "文件未做任何改动" in message
    TABLE.append(("flipped page (orders root)", message, True, "works"))
    _restore_as_told(capsys, message, db, backup, cases)
    kept = [p.name for p in tmp_path.iterdir() if p.name.startswith("shop.db.damaged-")]
    assert kept  # the damaged file is kept aside, not deleted


def test_a_truncated_store_is_refused_with_the_restore_to_run(capsys, tmp_path, demo_template, now):
    db, backup = _good_store(tmp_path, demo_template, now)
    cases = _case_count(db)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    message = _refused_untouched(capsys, db, ("cases", "--json"), ("orders",))
    assert "已损坏" in message
    TABLE.append(("truncated to half", message, True, "works"))
    _restore_as_told(capsys, message, db, backup, cases)


def _wal_of_another_store(tmp_path: Path) -> bytes:
    """The -wal of another ShopDesk store, with committed frames (page 1 among them)."""
    other = tmp_path / "other" / "other.db"
    with Store.open(other) as store:
        store.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
        store.add_shop("别人的店")
        for n in range(200):
            store.save_order({"platform": "taobao", "order_no": f"9{n:018d}", "buyer_nick": "x"})
        wal = other.with_name("other.db-wal").read_bytes()
    return wal


def test_a_wal_from_another_store_is_set_aside_not_replayed(capsys, tmp_path, demo_template, now):
    db, _backup = _good_store(tmp_path, demo_template, now)
    cases = _case_count(db)
    foreign = _wal_of_another_store(tmp_path)
    db.with_name("shop.db-wal").write_bytes(foreign)
    db_before = _hashes(db)["shop.db"]
    code, out, err = _run(capsys, "cases", "--json", "--db", str(db))
    assert code == 0, err
    assert "不属于它" in err and "Traceback" not in err
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("shop.db-wal.foreign-")]
    assert len(kept) == 1 and kept[0].read_bytes() == foreign  # kept, byte for byte
    assert _case_count(db) == cases
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not conn.execute("SELECT 1 FROM orders WHERE order_no LIKE '9000%'").fetchall()
    finally:
        conn.close()
    TABLE.append(
        (
            "foreign -wal (another store's)",
            err.strip().splitlines()[0],
            db_before is not None,
            "not needed (store opens)",
        )
    )


def test_a_wal_of_another_store_holding_one_small_step_is_set_aside(
    capsys, tmp_path, demo_template, now
):
    db, _backup = _good_store(tmp_path, demo_template, now)
    cases = _case_count(db)
    other = tmp_path / "other" / "other.db"
    with Store.open(other) as store:
        build_demo(store, now, orders=30)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
        store.add_case(store.list_orders(limit=1)[0].id, "refund_unshipped", "2026-11-28T03:00:00Z")
        foreign = other.with_name("other.db-wal").read_bytes()
    db.with_name("shop.db-wal").write_bytes(foreign)
    code, _out, err = _run(capsys, "cases", "--json", "--db", str(db))
    assert code == 0, err
    assert "不属于它" in err
    assert _case_count(db) == cases


def test_a_backup_copied_over_the_store_ignores_the_old_wal(capsys, tmp_path, demo_template, now):
    """The seller copies a backup's shopdesk.db over the store; the store's old -wal is
    still there. SQLite would replay it over the backup."""
    db, backup = _good_store(tmp_path, demo_template, now)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("INSERT INTO settings (key, value) VALUES ('after.backup', '\"改动\"')")
    conn.commit()
    old_wal = db.with_name("shop.db-wal").read_bytes()
    shutil.copyfile(backup / "shopdesk.db", tmp_path / "copied.db")
    conn.close()
    shutil.copyfile(tmp_path / "copied.db", db)
    db.with_name("shop.db-wal").write_bytes(old_wal)
    db.with_name("shop.db-shm").unlink(missing_ok=True)
    code, _out, err = _run(capsys, "cases", "--json", "--db", str(db))
    assert code == 0, err
    assert "不属于它" in err
    check = sqlite3.connect(db)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        check.close()


def test_another_programs_sqlite_file_is_refused_never_converted(capsys, tmp_path):
    db = tmp_path / "notes.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA application_id = 1297048129")  # another program's id, no tables
    conn.close()
    export = write_orders(tmp_path / "ExportOrderList202612010930.csv", [order("3" * 19)])
    message = _refused_untouched(capsys, db, ("cases", "--json"), ("import", str(export)))
    assert "其他程序" in message
    assert not db.with_name("notes.db-wal").exists()
    TABLE.append(("another app's database (own application_id, no tables)", message, True, "n/a"))


def test_a_newer_versions_store_is_refused_untouched(capsys, tmp_path, demo_template, now):
    db, _backup = _good_store(tmp_path, demo_template, now)
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('shopdesk', '9999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    message = _refused_untouched(capsys, db, ("cases", "--json"), ("orders",))
    assert "更新版本" in message
    TABLE.append(("a newer version's schema step", message, True, "n/a (upgrade)"))


def _as_another_user(argv: list[str], data: Path) -> subprocess.CompletedProcess:
    """Run the CLI where the file's permissions hold (root ignores them)."""
    prefix = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    env = {**os.environ, "SHOPDESK_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "shopdesk", *argv],
        cwd=data,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_store_on_a_read_only_disk_lists_exports_and_backs_up(demo_template):
    top = Path(tempfile.mkdtemp(prefix="shopdesk-ro-"))
    try:
        shop, data = top / "shop", top / "data"
        shop.mkdir()
        data.mkdir()
        db = shop / "shop.db"
        shutil.copyfile(demo_template, db)
        Store.open(db).close()
        cases = _case_count(db)
        db.chmod(0o444)
        shop.chmod(0o555)  # no -wal or -shm can be made beside it: as on a read-only disk
        top.chmod(0o755)
        data.chmod(0o777)
        before = _hashes(db)
        listed = _as_another_user(["cases", "--json", "--db", str(db)], data)
        assert listed.returncode == 0, listed.stderr
        assert listed.stdout.count('"kind"') == cases
        exported = _as_another_user(
            ["export", "cases", "--db", str(db), "--out", str(data / "售后.csv")], data
        )
        assert exported.returncode == 0, exported.stderr
        backed = _as_another_user(["backup", "--db", str(db), "--to", str(data / "备份")], data)
        assert backed.returncode == 0, backed.stderr
        write = _as_another_user(["case", "event", "1", "note", "--db", str(db)], data)
        assert write.returncode == 2
        message = _one_clear_line(write.stderr)
        assert "只读" in message and "损坏" not in message
        assert _hashes(db) == before
        TABLE.append(
            ("read-only disk (file 444, folder 555)", message, True, "n/a (opens read-only)")
        )
    finally:
        for folder in (top / "shop", top):
            folder.chmod(0o755)
        shutil.rmtree(top, ignore_errors=True)


def test_a_new_store_cut_off_while_being_made_leaves_no_store(tmp_path, monkeypatch):
    """As a kill would: the new store is made under a hidden temporary name, so what is
    cut off never stands at the store's path (not even zero bytes)."""
    from shopdesk.store import store as store_module

    def cut_off(_db):
        raise KeyboardInterrupt

    monkeypatch.setattr(store_module.migrations, "apply", cut_off)
    db = tmp_path / "new.db"
    with pytest.raises(KeyboardInterrupt):
        Store.open(db)
    assert not db.exists()
    monkeypatch.undo()
    with Store.open(db) as store:
        assert store.counts() == {"orders": 0, "cases": 0, "open_cases": 0}
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["new.db"]


def test_a_store_changed_outside_shopdesk_is_checked_in_full_and_one_left_by_shopdesk_is_not(
    tmp_path, demo_template
):
    db = tmp_path / "shop.db"
    shutil.copyfile(demo_template, db)
    checks = []

    def opened_with_checks() -> list[str]:
        checks.clear()
        store = Store.open(db)
        store.close()
        return list(checks)

    from shopdesk.store import store as store_module

    real = store_module._check_sound

    def counting(conn, path, store_id):
        conn.set_trace_callback(lambda sql: checks.append(sql) if "quick_check" in sql else None)
        try:
            real(conn, path, store_id)
        finally:
            conn.set_trace_callback(None)

    store_module._check_sound = counting
    try:
        assert opened_with_checks()  # copied in from outside: checked
        assert not opened_with_checks()  # as ShopDesk left it: not read page by page
        with Store.open(db) as store:  # ShopDesk's own writes keep it trusted
            store.set_setting("x", 1)
        assert not opened_with_checks()
        conn = sqlite3.connect(db)  # another program writes it
        conn.execute("INSERT INTO settings (key, value) VALUES ('other', '2')")
        conn.commit()
        conn.close()
        assert opened_with_checks()
    finally:
        store_module._check_sound = real


@pytest.mark.parametrize("where", ["a folder", "under a file", "a name too long"])
@pytest.mark.parametrize("command", ["cases", "demo"])
def test_a_db_path_that_cannot_be_a_store_gets_one_line(capsys, tmp_path, where, command):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    db = {
        "a folder": tmp_path,
        "under a file": tmp_path / "a-file" / "shop.db",
        "a name too long": tmp_path / ("店" * 200 + ".db"),
    }[where]
    code, _out, err = _run(capsys, command, "--db", str(db))
    assert code == 2
    _one_clear_line(err)
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "x"
