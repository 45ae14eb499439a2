"""What behaves differently on Windows, tested on every machine (docs/windows.md lists
each place and what the Windows CI job adds)."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import platformdirs
import platformdirs.windows
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopdesk.domain import paths
from shopdesk.domain.errors import DiskError
from shopdesk.evidence.package import safe_file_name
from shopdesk.store import safeio, winsafe
from shopdesk.store.export import export
from shopdesk.store.winsafe import replace_file, winsafe_filename

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(10)}


def windows_accepts(name: str) -> bool:
    return (
        bool(name)
        and not (set(name) & FORBIDDEN)
        and not name.endswith((".", " "))
        and name.split(".")[0].strip().upper() not in RESERVED
        and len(name) <= winsafe.MAX_NAME_CHARS
    )


# -- file names in exported packages -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("退货:开箱?.jpg", "退货_开箱_.jpg"),
        ('a<b>c"d|e*.png', "a_b_c_d_e_.png"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("Com1.log", "_Com1.log"),
        ("LPT9", "_LPT9"),
        ("console.txt", "console.txt"),
        ("聊天记录. . ", "聊天记录"),
        ("C:\\Users\\小王\\Desktop\\发票.pdf", "发票.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..", "file"),
    ],
)
def test_a_name_windows_refuses_becomes_one_it_accepts(name, expected):
    assert winsafe_filename(name) == expected
    assert windows_accepts(expected)


def test_a_long_name_is_cut_but_keeps_its_extension():
    """A WeChat photo with a long name stays a .jpg the seller can open (before, the cut
    to 120 characters took its extension away)."""
    name = "微信图片_" + "退货开箱视频截图" * 30 + ".jpg"
    safe = safe_file_name(name)
    assert safe.endswith(".jpg")
    assert len(safe) <= winsafe.MAX_NAME_CHARS
    assert safe.startswith("微信图片_退货开箱")


@given(st.text(min_size=0, max_size=300))
def test_every_name_becomes_one_windows_accepts(name):
    assert windows_accepts(winsafe_filename(name))


# -- renaming over a file another program holds open -------------------------------------


def sharing_violation() -> PermissionError:
    error = PermissionError(errno.EACCES, "The process cannot access the file")
    error.winerror = 32  # what Windows sets; Linux never does
    return error


def test_rename_is_retried_while_a_scanner_holds_the_file(tmp_path, monkeypatch):
    source, target = tmp_path / "new.csv", tmp_path / "售后.csv"
    source.write_text("new", encoding="utf-8")
    target.write_text("old", encoding="utf-8")
    real_replace, failures, waits = os.replace, [sharing_violation(), sharing_violation()], []

    def held_twice(a, b):
        if failures:
            raise failures.pop()
        real_replace(a, b)

    monkeypatch.setattr(winsafe.os, "replace", held_twice)
    replace_file(source, target, sleep=waits.append)
    assert target.read_text(encoding="utf-8") == "new"
    assert len(waits) == 2


def test_an_export_over_a_file_open_in_excel_says_to_close_it_and_keeps_the_old_file(
    demo_store, tmp_path, monkeypatch, now
):
    out = tmp_path / "售后.csv"
    out.write_bytes(b"the seller's old export")

    def always_held(a, b):
        raise sharing_violation()

    waits: list[float] = []
    monkeypatch.setattr(winsafe.os, "replace", always_held)
    monkeypatch.setattr(winsafe, "time", SimpleNamespace(sleep=waits.append))
    with pytest.raises(DiskError, match="售后.csv.*正被其他程序.*打开.*请关闭它后重试"):
        export(demo_store, "cases", out, now)
    assert out.read_bytes() == b"the seller's old export"
    assert waits == list(winsafe.RETRY_DELAYS)  # tried again before giving up
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_read_only_folder_on_linux_is_not_retried(tmp_path, monkeypatch):
    waits = []

    def denied(a, b):
        raise PermissionError(errno.EACCES, "Permission denied")  # no winerror: not Windows

    monkeypatch.setattr(winsafe.os, "replace", denied)
    with pytest.raises(PermissionError):
        replace_file(tmp_path / "a", tmp_path / "b", sleep=waits.append)
    assert waits == []


# -- directory fsync ---------------------------------------------------------------------


def test_directory_fsync_is_skipped_on_windows(tmp_path, monkeypatch):
    """Windows cannot open a folder to fsync it: fsync_dir must not try (it would raise
    PermissionError after every export, backup and evidence file)."""

    def cannot_open_a_folder(*args):
        raise PermissionError(errno.EACCES, "Permission denied")

    windows_os = SimpleNamespace(name="nt", open=cannot_open_a_folder, fsync=None, close=None)
    monkeypatch.setattr(safeio, "os", windows_os)
    safeio.fsync_dir(tmp_path)  # no error


# -- the single-instance socket name -----------------------------------------------------


def test_socket_name_is_a_valid_pipe_name_and_ignores_case_on_windows(tmp_path, monkeypatch):
    from shopdesk.ui import single_instance

    store = tmp_path / "小满 家居" / "ShopDesk.db"
    name = single_instance.server_name(store)
    assert re.fullmatch(r"shopdesk-[0-9a-f]{20}", name)  # \\.\pipe\<name> on Windows
    monkeypatch.setattr(single_instance, "os", SimpleNamespace(name="nt"))
    upper = single_instance.server_name(Path(str(store).upper()))
    lower = single_instance.server_name(Path(str(store).lower()))
    assert upper == lower  # C:\Users\A\shopdesk.db and c:\users\a\SHOPDESK.DB: one store


# -- %LOCALAPPDATA% ----------------------------------------------------------------------


def test_the_data_folder_on_windows_is_localappdata_shopdesk(tmp_path, monkeypatch):
    """paths.py asks platformdirs for the local (not roaming) folder, without an author
    folder: %LOCALAPPDATA%\\ShopDesk, which the installer's uninstaller leaves in place."""
    monkeypatch.delenv("SHOPDESK_DATA_DIR")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setattr(
        platformdirs.windows, "get_win_folder", platformdirs.windows.get_win_folder_from_env_vars
    )
    monkeypatch.setattr(  # the module paths.py imports when the folder is first asked for
        platformdirs,
        "user_data_dir",
        lambda *args, **kwargs: platformdirs.windows.Windows(*args, **kwargs).user_data_dir,
    )
    paths._platform_data_dir.cache_clear()
    try:
        assert paths.data_dir() == tmp_path / "Local" / "ShopDesk"
    finally:
        paths._platform_data_dir.cache_clear()
    installer = (ROOT / "packaging" / "windows" / "shopdesk.nsi").read_text(encoding="utf-8")
    assert "$LOCALAPPDATA\\ShopDesk" in installer


# -- CRLF in CSV exports -----------------------------------------------------------------


def test_csv_exports_end_every_row_with_crlf_once(demo_store, tmp_path, now):
    """Excel on Windows expects CRLF; a text-mode file on Windows would turn csv's \\r\\n
    into \\r\\r\\n (an empty line after every row) unless newline="" is kept."""
    out = tmp_path / "售后.csv"
    result = export(demo_store, "cases", out, now)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Chinese
    assert b"\r\r\n" not in data
    assert data.count(b"\r\n") >= result.rows + 1


# -- the console-less window executable --------------------------------------------------


def test_the_window_executable_without_a_console_can_still_run_a_command(demo_template, tmp_path):
    """shopdesk.exe (the window, no console) has sys.stdout None: a command it is given
    must not fail with AttributeError (it crashed before)."""
    code = (
        "import sys, runpy; sys.stdout = None; sys.stderr = None\n"
        "sys.argv = ['shopdesk', 'cases', '--json', '--db', sys.argv[1]]\n"
        "runpy.run_module('shopdesk', run_name='__main__')"
    )
    store = tmp_path / "demo.db"
    store.write_bytes(demo_template.read_bytes())
    result = subprocess.run(
        [sys.executable, "-c", code, str(store)],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0
    assert result.stdout == b""


# -- the owner of a temporary file -------------------------------------------------------


def test_a_finished_writers_leftover_is_swept_and_a_running_ones_is_kept(tmp_path):
    """On Windows the sweep could not ask whether a process runs and kept every leftover
    for ever; now it asks Windows (OpenProcess), elsewhere os.kill(pid, 0)."""
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    gone_pid = int(finished.stdout)
    assert not winsafe.process_alive(gone_pid)
    assert winsafe.process_alive(os.getpid())
    running = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        assert winsafe.process_alive(running.pid)
        left = tmp_path / f"{safeio.TEMP_PREFIX}{gone_pid}-售后.csv"
        writing = tmp_path / f"{safeio.TEMP_PREFIX}{running.pid}-订单.csv"
        left.write_bytes(b"cut off")
        writing.write_bytes(b"still writing")
        assert safeio.sweep_temp_files(tmp_path) == 1
        assert not left.exists() and writing.exists()
    finally:
        running.stdin.close()
        running.wait()


# -- a reader that stops early -----------------------------------------------------------


def test_a_reader_that_stops_early_is_recognised_on_windows_too(monkeypatch):
    """Windows reports a write to a closed pipe as EINVAL, not BrokenPipeError: `shopdesk
    orders --json | Select-Object -First 1` must end quietly with 141 there too."""
    from shopdesk import cli

    assert winsafe.reader_gone(BrokenPipeError(errno.EPIPE, "Broken pipe"))
    assert not winsafe.reader_gone(OSError(errno.EINVAL, "Invalid argument"))  # not Windows
    monkeypatch.setattr(winsafe, "os", SimpleNamespace(name="nt"))
    assert winsafe.reader_gone(OSError(errno.EINVAL, "Invalid argument"))
    assert not winsafe.reader_gone(OSError(errno.ENOSPC, "No space left on device"))

    def closed_pipe(argv):
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(cli, "_dispatch", closed_pipe)
    monkeypatch.setattr(cli, "_discard_stdout", lambda: None)
    assert cli.main([]) == cli.EXIT_READER_GONE
