"""Build ShopDesk's Windows installer from the folder PyInstaller made.

    python packaging/windows/make_installer.py            # dist/shopdesk -> dist/ShopDesk-Setup-<version>.exe
    python packaging/windows/make_installer.py --dist D --out FILE

Reads the version from pyproject.toml (the one place it is written) and runs NSIS's
makensis over packaging/windows/shopdesk.nsi. makensis runs on Windows (NSIS installed)
and on Linux (Debian's `nsis` package), where the tests compile the script over a stand-in
folder. Prints the installer's path; exit 2 with one line when something is missing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).resolve().with_name("shopdesk.nsi")
REQUIRED = ("shopdesk.exe", "shopdesk-cli.exe")


def project_version(root: Path = ROOT) -> str:
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


def installer_name(version: str) -> str:
    return f"ShopDesk-Setup-{version}.exe"


def find_makensis() -> str | None:
    """makensis on PATH, else where the NSIS installer puts it on Windows."""
    found = shutil.which("makensis")
    if found:
        return found
    # Windows environment names ignore case
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        candidate = Path(base) / "NSIS" / "makensis.exe" if base else None
        if candidate and candidate.is_file():
            return str(candidate)
    return None


def version_quad(version: str) -> str:
    """The four numbers Windows wants (as build.spec makes them): 1.2.0rc1 -> 1.2.0.0."""
    numbers = [int(re.match(r"[0-9]*", part).group() or 0) for part in version.split(".")[:4]]
    return ".".join(str(n) for n in (numbers + [0, 0, 0, 0])[:4])


def makensis_command(dist: Path, out: Path, version: str, makensis: str = "makensis") -> list:
    return [
        makensis,
        "-V2",  # warnings and errors only
        "-WX",  # a warning is an error: a script mistake fails the build
        f"-DVERSION={version}",
        f"-DVERSION_QUAD={version_quad(version)}",
        f"-DDIST={dist.resolve()}",
        f"-DOUTFILE={out.resolve()}",
        f"-DICON={(ROOT / 'resources' / 'icons' / 'shopdesk.ico').resolve()}",
        str(SCRIPT),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ShopDesk 安装程序（NSIS）")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "shopdesk")
    parser.add_argument("--out", type=Path, help="默认：dist/ShopDesk-Setup-<版本>.exe")
    args = parser.parse_args(argv)
    version = project_version()
    out = args.out or ROOT / "dist" / installer_name(version)
    missing = [name for name in REQUIRED if not (args.dist / name).is_file()]
    if missing:
        print(
            f"make_installer: {args.dist} 缺少 {', '.join(missing)}（先运行 pyinstaller build.spec）",
            file=sys.stderr,
        )
        return 2
    makensis = find_makensis()
    if makensis is None:
        print(
            "make_installer: 找不到 makensis（Windows：安装 NSIS；Debian：apt-get install nsis）",
            file=sys.stderr,
        )
        return 2
    out.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(makensis_command(args.dist, out, version, makensis))
    if result.returncode != 0:
        return result.returncode
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
