"""tools/make_{pdd,jd,douyin}_samples.py as a seller or another tool uses them: each script
writes its folder of exports, and `python -m shopdesk import --json` reads every file the
way the script's docstring says: the platform and kind it is, the rows of a re-saved file
that lost their digits skipped (or a cell left out), and the files that cannot be read at
all refused whole, naming the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, cli_env, shopdesk

# file -> (platform, kind, skipped [(row, column, value)], cleared [(row, column, value)])
PDD = {
    "7a23c0d4e5f60718293a4b5c6d7eb781orders_export2024-06-15-10-09-23.csv": (
        "pdd", "orders", [], []
    ),
    "7a23c0d4e5f60718293a4b5c6d7eb781orders_export2024-06-15-10-10-00.csv": (
        "pdd", "orders", [], []
    ),
    "old-template-orders_export2022-03-01-08-00-00.csv": ("pdd", "orders", [], []),
    "custom-orders_export2024-06-15-11-00-00.csv": ("pdd", "orders", [], []),
    "excel-resaved-orders_export2024-06-15.csv": (
        "pdd", "orders", [(6, "订单号", "2.40610E+20")], [(5, "快递单号", "7.73299E+14")]
    ),
    "excel-resaved-gbk-orders_export2024-06-15.csv": ("pdd", "orders", [], []),
    "7a23c0d4e5f60718293a4b5c6d7eb781amounts-orders_export2024-06-15-12-00-00.csv": (
        "pdd", "orders", [], []
    ),
    "拼多多订单-改名.csv": ("pdd", "orders", [], []),
    "orders_export2024-06-15-resaved.xlsx": ("pdd", "orders", [], []),
    "7a23c0d4e5f60718293a4b5c6d7eb781_20240615235138.xlsx": ("pdd", "refunds", [], []),
    "f7e9050c201912311200aa0b1c2d0488_20240616091500.xlsx": ("pdd", "refunds", [], []),
}  # fmt: skip
SPLIT_PARENT = (5, "订单状态", "(删除)等待出库")  # split by JD: no order beside its children
UNKNOWN_EXPECTATION = (11, "客户期望", "99")
JD = {
    "jd-orders-40-columns.csv": ("jd", "orders", [SPLIT_PARENT], []),
    "jd-orders-48-columns.csv": ("jd", "orders", [SPLIT_PARENT], []),
    "jd-orders-tab-cells.csv": ("jd", "orders", [SPLIT_PARENT], []),
    "jd-orders-no-receiver.csv": ("jd", "orders", [SPLIT_PARENT], []),
    "jd-orders-excel-resaved.csv": (
        "jd", "orders", [SPLIT_PARENT, (15, "订单号", "2.91185E+11")], [(7, "快递单号", "7.733E+14")]
    ),
    # the 2021 layout: its mangled barcode is in an unnamed column, ignored, not reported
    "jd-orders-48-excel-resaved.csv": (
        "jd", "orders", [SPLIT_PARENT, (15, "订单号", "2.91185E+11")], []
    ),
    "jd-orders-copy.xlsx": ("jd", "orders", [SPLIT_PARENT], []),
    "jd-services-codes.csv": ("jd", "refunds", [UNKNOWN_EXPECTATION], []),
    "jd-services-words.csv": ("jd", "refunds", [UNKNOWN_EXPECTATION], []),
    "jd-services-excel-resaved.csv": ("jd", "refunds", [UNKNOWN_EXPECTATION], []),
    "jd-services-copy.xlsx": ("jd", "refunds", [UNKNOWN_EXPECTATION], []),
}  # fmt: skip
DOUYIN = {
    "1795826400_3edeb47b86bdb5b9.csv": ("douyin", "orders", [], []),
    "1795826460_9f0c2b7e4d1a6c3b8e5f7a9d0b2c4e6fHNkQx1.csv": ("douyin", "orders", [], []),
    "1795826520_5a6b7c8d9e0f1a2b.xlsx": ("douyin", "orders", [], []),
    "excel-resaved-ids-as-text.csv": ("douyin", "orders", [], []),
    "excel-resaved-one-mangled-id.csv": (
        "douyin", "orders", [(2, "主订单编号", "6.91755E+18")], [(3, "快递信息", "7.70292E+14")]
    ),
    "售后单导出-2026-11-28-09-30-00.xlsx": ("douyin", "refunds", [], []),
    "售后单导出-2026-11-28-09-30-00-excel.xlsx": (
        "douyin", "refunds", [(3, "售后单号", "7.31894561238746e+18")], []
    ),
}  # fmt: skip
# file -> words the refusal must say (the whole file is refused, nothing imported)
REFUSED = {
    "pdd": {"subset-without-paid-orders_export2024-06-15-13-00-00.csv": "用户实付金额"},
    "jd": {"jd-orders-subset.xlsx": "应付金额"},  # a seller's subset without a needed column
    "douyin": {"excel-resaved-all-ids-mangled.csv": "科学计数法"},  # every id 6.91755E+18
}
READ = {"pdd": PDD, "jd": JD, "douyin": DOUYIN}


def run_tool(platform: str, folder: Path) -> list[Path]:
    """The script run as a seller runs it; the paths it prints, one a line."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / f"make_{platform}_samples.py"), str(folder)],
        cwd=ROOT,
        env=cli_env(),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return [Path(line) for line in result.stdout.splitlines() if line]


def triples(problems: list[dict]) -> list[tuple]:
    return [(p["row"], p["column"], p["value"]) for p in problems]


@pytest.mark.parametrize("platform", ["pdd", "jd", "douyin"])
def test_every_sample_file_is_read_as_its_docstring_says(tmp_path: Path, platform: str) -> None:
    folder = tmp_path / platform
    written = run_tool(platform, folder)
    read, refused = READ[platform], REFUSED[platform]
    assert sorted(path.name for path in written) == sorted([*read, *refused])
    assert sorted(path.name for path in folder.iterdir()) == sorted([*read, *refused])

    importable = [path for path in written if path.name in read]
    result = shopdesk("import", "--db", tmp_path / "store.db", "--json", *importable, check=True)
    files = {Path(file["path"]).name: file for file in json.loads(result.stdout)["files"]}
    assert sorted(files) == sorted(read)
    for name, (kind_platform, kind, skipped, cleared) in read.items():
        file = files[name]
        assert (file["platform"], file["kind"]) == (kind_platform, kind), name
        assert file["rows"] > len(file["skipped"]), name  # some rows were read
        assert triples(file["skipped"]) == skipped, name
        assert triples(file["cleared"]) == cleared, name
    assert sum(file["added"] for file in files.values()) > 0

    for name, words in refused.items():
        result = shopdesk("import", "--db", tmp_path / "refused.db", "--json", folder / name)
        assert result.returncode == 2, result.stderr
        assert result.stdout == ""  # nothing imported, no report
        assert name in result.stderr and words in result.stderr
