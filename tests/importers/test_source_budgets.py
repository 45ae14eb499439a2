"""Giant and hostile inputs are refused before they eat the machine: each is read in a
child process under a memory limit (RLIMIT_AS: what it had after its imports plus a
budget) and a CPU limit, and must end in a refusal naming the file, never a MemoryError.

    python -m tests.importers.test_source_budgets    # the table: peak memory and time
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.importers_fixtures import (
    REFUND_HEADER_42,
    order,
    ten_refunds,
    write_orders,
    write_xlsx_by_hand,
)

ROOT = Path(__file__).resolve().parents[2]
MEMORY_BUDGET_MB = 300  # on top of what the child holds after importing everything
CPU_SECONDS = 120

CHILD = r"""
import json, resource, sys, time
from shopdesk.domain.errors import InputError
from shopdesk.importers import open_export
import openpyxl  # noqa: F401  (everything imported before the limit is set)
try:
    import shopdesk.importers.xlsx  # noqa: F401
except ImportError:
    pass

def status(field):  # VmHWM: the peak resident memory of this process image
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
before = status("VmSize")
limit = before + int(sys.argv[2]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
resource.setrlimit(resource.RLIMIT_CPU, (int(sys.argv[3]), int(sys.argv[3])))
rss_before = status("VmRSS")
start = time.perf_counter()
try:
    export = open_export(sys.argv[1])
    records = sum(1 for _ in export.records())
    outcome = {"outcome": "read", "records": records, "problems": len(export.problems)}
except InputError as error:
    outcome = {"outcome": "refused", "message": str(error)}
except MemoryError:
    outcome = {"outcome": "MemoryError"}
outcome["seconds"] = round(time.perf_counter() - start, 3)
outcome["peak_rss_mb"] = round(status("VmHWM") / 1024**2, 1)
outcome["rss_before_mb"] = round(rss_before / 1024**2, 1)
print(json.dumps(outcome, ensure_ascii=False))
"""


def read_under_limits(path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(MEMORY_BUDGET_MB), str(CPU_SECONDS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


# The giant inputs -------------------------------------------------------------------------


def valid_orders(folder: Path, name: str, count: int = 1000) -> Path:
    """About 586 KB of a real order report (1,000 orders, GBK)."""
    rows = [order(f"35153131473{n:08d}") for n in range(count)]
    return write_orders(folder / name, rows)


def padded_with_nuls(folder: Path, name: str, size: int) -> Path:
    """A valid report padded with NUL bytes to `size` (a sparse file: no disk used)."""
    path = valid_orders(folder, name)
    with path.open("r+b") as handle:
        handle.truncate(size)
    return path


def one_endless_line(folder: Path, megabytes: int = 200) -> Path:
    """A header, then one line of `megabytes` MB with no line end and no NUL."""
    path = valid_orders(folder, "ExportOrderList-endless-line.csv", count=1)
    block = b"A" * (1024 * 1024)
    with path.open("ab") as handle:
        for _ in range(megabytes):
            handle.write(block)
    return path


def quote_never_closed(folder: Path) -> Path:
    """A quoted field that opens and never closes: 20 MB of lines inside one field."""
    path = valid_orders(folder, "ExportOrderList-open-quote.csv", count=3)
    with path.open("ab") as handle:
        handle.write(b'"=""35153131473293579","')
        handle.write(("买家留言的一行\r\n" * 800_000).encode("gb18030"))
    return path


def workbook_claiming_every_cell(folder: Path) -> Path:
    """Ten refunds whose sheet claims `<dimension ref="A1:XFD1048576">`: 17 billion cells."""
    path = write_xlsx_by_hand(
        folder / "退款-dimension.xlsx", REFUND_HEADER_42, ten_refunds(), dimension=True
    )
    _rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b'<dimension ref="A1:AP11"/>', b'<dimension ref="A1:XFD1048576"/>'),
    )
    return path


def workbook_declaring_2gib(folder: Path) -> Path:
    """A small workbook whose sheet declares 2 GiB uncompressed in the zip's directory."""
    path = write_xlsx_by_hand(folder / "退款-declares-2gib.xlsx", REFUND_HEADER_42, ten_refunds())
    _set_declared_size(path, "xl/worksheets/sheet1.xml", 2 * 1024**3)
    return path


def workbook_holding_more_than_declared(folder: Path) -> Path:
    """A sheet that declares 4 KB and holds 60 MB of rows (its CRC cannot match)."""
    rows = [
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>35153131473{n:08d}</t></is></c></row>'
        for n in range(12, 600_000)
    ]
    path = write_xlsx_by_hand(folder / "退款-holds-more.xlsx", REFUND_HEADER_42, ten_refunds())
    _rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"</sheetData>", "".join(rows).encode() + b"</sheetData>"),
    )
    _set_declared_size(path, "xl/worksheets/sheet1.xml", 4096)
    return path


def workbook_with_millions_of_shared_strings(folder: Path) -> Path:
    """Ten refunds and 2.2 million tiny shared strings (45 MB of XML held in memory)."""
    path = write_xlsx_by_hand(folder / "退款-shared-strings.xlsx", REFUND_HEADER_42, ten_refunds())
    extra = "".join(f"<si><t>{n}</t></si>" for n in range(2_200_000)).encode()
    _rewrite_member(
        path, "xl/sharedStrings.xml", lambda xml: xml.replace(b"</sst>", extra + b"</sst>")
    )
    return path


def _rewrite_member(path: Path, name: str, change) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {member: archive.read(member) for member in archive.namelist()}
    members[name] = change(members[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)


def _set_declared_size(path: Path, name: str, size: int) -> None:
    """Patch the uncompressed size of `name` in its local header and the central directory."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    local = info.header_offset
    data[local + 22 : local + 26] = size.to_bytes(4, "little")
    encoded = name.encode()
    position = data.find(b"PK\x01\x02")
    while position != -1:
        name_length = int.from_bytes(data[position + 28 : position + 30], "little")
        if data[position + 46 : position + 46 + name_length] == encoded:
            data[position + 24 : position + 28] = size.to_bytes(4, "little")
            break
        position = data.find(b"PK\x01\x02", position + 4)
    assert position != -1
    path.write_bytes(bytes(data))


GIANTS = {
    "586 KB CSV padded to 2 GiB with NULs": (
        lambda folder: padded_with_nuls(folder, "ExportOrderList-2gib.csv", 2 * 1024**3),
        "MB",
    ),
    "586 KB CSV padded to 900 MB with NULs": (
        lambda folder: padded_with_nuls(folder, "ExportOrderList-900mb.csv", 900 * 1024**2),
        "空字节",
    ),
    "a line of 200 MB without a line end": (one_endless_line, "个字符"),
    "a quoted field that never closes (20 MB)": (quote_never_closed, "个字符"),
    "xlsx whose sheet declares 2 GiB": (workbook_declaring_2gib, "解压后"),
    "xlsx holding 60 MB where it declares 4 KB": (workbook_holding_more_than_declared, "不符"),
    "xlsx with 2.2 million shared strings (45 MB)": (
        workbook_with_millions_of_shared_strings,
        "sharedStrings.xml 解压后过大",
    ),
}


@pytest.mark.parametrize("title", list(GIANTS))
def test_giant_input_is_refused_within_its_budget(tmp_path: Path, title: str) -> None:
    build, words = GIANTS[title]
    path = build(tmp_path)
    outcome = read_under_limits(path)
    assert outcome["outcome"] == "refused", outcome
    message = outcome["message"]
    assert message.startswith(path.name + "：") and words in message, message
    assert message.isprintable() and "Error" not in message and "field larger" not in message


def test_a_workbook_claiming_every_cell_reads_its_ten_rows(tmp_path: Path) -> None:
    """The dimension is not trusted: rows come from the cells that are there."""
    outcome = read_under_limits(workbook_claiming_every_cell(tmp_path))
    assert (outcome["outcome"], outcome.get("records"), outcome.get("problems")) == (
        "read",
        10,
        0,
    ), outcome


def test_a_device_or_folder_is_refused_before_reading(tmp_path: Path) -> None:
    from shopdesk.domain.errors import InputError
    from shopdesk.importers import open_export

    os.symlink("/dev/zero", tmp_path / "ExportOrderList.csv")
    for path, words in ((tmp_path / "ExportOrderList.csv", "设备"), (tmp_path, "文件夹")):
        with pytest.raises(InputError, match=words):
            open_export(path)


def main() -> int:
    import tempfile

    print(f"memory limit: after imports + {MEMORY_BUDGET_MB} MB (RLIMIT_AS); CPU {CPU_SECONDS} s\n")
    print("| giant input | outcome | peak RSS | RSS before | seconds |")
    print("|---|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as work:
        cases = {**GIANTS, "xlsx claiming A1:XFD1048576": (workbook_claiming_every_cell, "")}
        for title, (build, _) in cases.items():
            folder = Path(work) / str(len(os.listdir(work)))
            folder.mkdir()
            outcome = read_under_limits(build(folder))
            what = outcome["outcome"]
            if what == "read":
                what += f" ({outcome['records']} rows)"
            print(
                f"| {title} | {what} | {outcome['peak_rss_mb']} MB | "
                f"{outcome['rss_before_mb']} MB | {outcome['seconds']} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
