"""Remake the workbooks under tests/fixtures/imports/ that another program wrote.

The refund export as LibreOffice Calc saves it after a seller opened and re-saved the
download: LibreOffice writes its own XML (shared strings, omitted empty cells, its own
styles). The tests read the committed files, so they never need LibreOffice.

    apt-get install -y libreoffice-calc-nogui
    python tools/make_import_fixtures.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "tests" / "fixtures" / "imports"
sys.path.insert(0, str(ROOT))

from tests.importers_fixtures import (  # noqa: E402
    REFUND_HEADER_42,
    ten_refunds,
    write_refunds_xlsx,
    write_xlsx_by_hand,
)


def resave_with_libreoffice(source: Path, target: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("需要 LibreOffice：apt-get install -y libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "out"
        profile = Path(work) / "profile"  # its own profile: no first-start dialogs, no locks
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        (written,) = out.iterdir()
        shutil.move(str(written), target)


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        made = {
            # the download as openpyxl writes it (with a dimension), then re-saved
            "refunds-libreoffice.xlsx": write_refunds_xlsx(
                Path(work) / "refunds-libreoffice.xlsx", ten_refunds()
            ),
            # a workbook that already omitted its empty cells, then re-saved
            "refunds-handwritten-libreoffice.xlsx": write_xlsx_by_hand(
                Path(work) / "refunds-handwritten-libreoffice.xlsx",
                REFUND_HEADER_42,
                ten_refunds(),
            ),
        }
        for name, source in made.items():
            resave_with_libreoffice(source, FOLDER / name)
            print(FOLDER / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
