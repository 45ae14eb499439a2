"""The Windows installer script compiles here (Debian's makensis) over a stand-in for the
folder PyInstaller makes, so a script mistake fails in the local tests, not on the first
release tag. What only Windows can show (installing, the shortcuts, uninstalling) the
release workflow checks on its Windows runner (docs/windows.md)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "shopdesk.nsi"
sys.path.insert(0, str(SCRIPT.parent))
import make_installer  # noqa: E402

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def stand_in_dist(folder: Path) -> Path:
    """dist/shopdesk as PyInstaller lays it out on Windows, with dummy executables."""
    (folder / "_internal" / "resources").mkdir(parents=True)
    (folder / "shopdesk.exe").write_bytes(b"MZ stand-in window")
    (folder / "shopdesk-cli.exe").write_bytes(b"MZ stand-in console")
    (folder / "_internal" / "base_library.zip").write_bytes(b"PK")
    (folder / "_internal" / "resources" / "说明.txt").write_text("中文文件名", encoding="utf-8")
    return folder


def build(dist: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            str(SCRIPT.parent / "make_installer.py"),
            "--dist",
            str(dist),
            "--out",
            str(out),
            *extra,
        ],
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def installer(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("installer")
    out = base / make_installer.installer_name(VERSION)
    result = build(stand_in_dist(base / "shopdesk"), out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(out)
    return out


def test_the_script_compiles_into_a_windows_program_named_with_the_version(installer):
    assert installer.name == f"ShopDesk-Setup-{VERSION}.exe"
    data = installer.read_bytes()
    assert data[:2] == b"MZ"  # a Windows executable
    # The version resource Windows shows in the file's properties: the pyproject version.
    assert "ShopDesk 售后工作台".encode("utf-16-le") in data
    assert VERSION.encode("utf-16-le") in data
    quad = ".".join((VERSION.split(".") + ["0", "0", "0"])[:3]) + ".0"
    numbers = [int(n) for n in quad.split(".")]
    fixed = (numbers[0] << 16 | numbers[1]).to_bytes(4, "little") + (
        numbers[2] << 16 | numbers[3]
    ).to_bytes(4, "little")
    # VS_FIXEDFILEINFO: its signature, its structure version, then the file version.
    assert re.search(re.escape(b"\xbd\x04\xef\xfe") + b".{4}" + re.escape(fixed), data, re.S)


def test_a_pre_release_version_compiles_with_four_numbers_for_windows(tmp_path):
    assert make_installer.version_quad("1.2.0rc1") == "1.2.0.0"
    assert make_installer.version_quad("2.0") == "2.0.0.0"
    dist = stand_in_dist(tmp_path / "shopdesk")
    out = tmp_path / "ShopDesk-Setup-1.2.0rc1.exe"
    command = make_installer.makensis_command(dist, out, "1.2.0rc1")
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1.2.0rc1".encode("utf-16-le") in out.read_bytes()


def test_a_mistake_in_the_script_fails_the_build(tmp_path):
    broken = tmp_path / "shopdesk.nsi"
    broken.write_text(
        SCRIPT.read_text(encoding="utf-8").replace("CreateShortCut", "CreateShortcutt", 1),
        encoding="utf-8",
    )
    dist = stand_in_dist(tmp_path / "shopdesk")
    command = make_installer.makensis_command(dist, tmp_path / "x.exe", VERSION)
    command[-1] = str(broken)
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode != 0
    assert "CreateShortcutt" in result.stdout + result.stderr


def test_a_folder_without_the_executables_is_refused_in_one_line(tmp_path):
    empty = tmp_path / "shopdesk"
    empty.mkdir()
    result = build(empty, tmp_path / "x.exe")
    assert result.returncode == 2
    assert "shopdesk.exe" in result.stderr and "pyinstaller build.spec" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.exe").exists()


def section(text: str, name: str) -> str:
    match = re.search(rf'^Section "{re.escape(name)}".*?^SectionEnd', text, re.M | re.S)
    assert match, name
    return match.group(0)


def test_per_user_install_without_administrator_rights():
    text = SCRIPT.read_text(encoding="utf-8")
    assert re.search(r"^RequestExecutionLevel user$", text, re.M)
    assert re.search(r'^InstallDir "\$LOCALAPPDATA\\Programs\\ShopDesk"$', text, re.M)
    assert "HKLM" not in text  # nothing a plain user cannot write
    assert re.search(r"^Unicode true$", text, re.M)


def test_shortcuts_are_named_in_chinese_and_the_desktop_one_can_be_left_out():
    text = SCRIPT.read_text(encoding="utf-8")
    assert '!define APP_TITLE "ShopDesk 售后工作台"' in text
    program = section(text, "ShopDesk 程序（必需）")
    assert "SectionIn RO" in program
    assert '"$SMPROGRAMS\\${APP_TITLE}.lnk"' in program
    desktop = section(text, "桌面快捷方式")
    assert '"$DESKTOP\\${APP_TITLE}.lnk"' in desktop and "SectionIn RO" not in desktop


def test_the_uninstaller_keeps_the_shops_data_and_says_so():
    text = SCRIPT.read_text(encoding="utf-8")
    uninstall = section(text, "Uninstall")
    assert '!define DATA_DIR "$LOCALAPPDATA\\ShopDesk"' in text
    # Only ShopDesk's own files go; never the install folder wholesale, never the data.
    removed_trees = re.findall(r"RMDir /r (\S+)", uninstall)
    assert removed_trees == ['"$INSTDIR\\_internal"']
    assert "DATA_DIR" not in uninstall.replace('DetailPrint "店铺数据已保留：${DATA_DIR}"', "")
    assert "店铺数据会保留，不会被删除：${DATA_DIR}" in text  # on the confirm page


def test_the_uninstaller_removes_the_start_with_windows_entry_the_app_writes():
    from shopdesk.ui import reminders

    text = SCRIPT.read_text(encoding="utf-8")
    run_key = re.search(r'^!define RUN_KEY "(.*)"$', text, re.M).group(1)
    assert reminders._RUN_KEY.replace("HKEY_CURRENT_USER\\", "") == run_key
    assert 'DeleteRegValue HKCU "${RUN_KEY}" "ShopDesk"' in section(text, "Uninstall")


def test_an_upgrade_goes_where_the_older_version_is_and_records_the_new_version():
    text = SCRIPT.read_text(encoding="utf-8")
    on_init = re.search(r"^Function \.onInit.*?^FunctionEnd", text, re.M | re.S).group(0)
    assert 'ReadRegStr $1 HKCU "${UNINSTALL_KEY}" "InstallLocation"' in on_init
    assert "StrCpy $INSTDIR $1" in on_init
    program = section(text, "ShopDesk 程序（必需）")
    assert program.index('RMDir /r "$INSTDIR\\_internal"') < program.index("File /r")
    assert 'WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"' in program
