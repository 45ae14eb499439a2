"""Workbooks as other writers write them: no <dimension>, empty cells left out (trailing
ones too), shared or inline strings, re-saved by LibreOffice; formulas without results."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.domain.model import CaseState
from shopdesk.importers import ParsedRefund, open_export
from shopdesk.store.import_repo import import_files
from tests.importers_fixtures import (
    REFUND_HEADER_42,
    refund,
    ten_refunds,
    write_refunds_csv,
    write_xlsx_by_hand,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
NO_A = "3515313147329357900"


def parse(path: Path):
    export = open_export(path)
    return export, list(export.records())


@pytest.mark.parametrize("strings", ["shared", "inline"])
def test_refund_workbook_without_dimension_and_omitted_cells_imports_every_refund(
    tmp_path: Path, strings: str, store, now
) -> None:
    path = write_xlsx_by_hand(
        tmp_path / "退款管理导出.xlsx", REFUND_HEADER_42, ten_refunds(), strings=strings
    )
    export, records = parse(path)
    assert export.problems == []
    assert len(records) == 10
    first = records[0]
    assert isinstance(first, ParsedRefund)
    assert (first.order_no, first.refund_no) == (NO_A, "150001234567890100")
    assert first.refund_fen == 3900 and first.platform_deadline == "2024-06-22T01:15:02Z"
    report = import_files(store, [path], now=now)
    assert (report.files[0].added, report.files[0].skipped) == (10, [])
    assert len(store.db.execute("SELECT id FROM cases").fetchall()) == 10


def test_an_omitted_cell_in_the_middle_is_an_empty_value(tmp_path: Path) -> None:
    rows = [refund(NO_A, "150001234567890101", 超时时间="", 买家退款说明="")]
    export, (record,) = parse(write_xlsx_by_hand(tmp_path / "r.xlsx", REFUND_HEADER_42, rows))
    assert record.platform_deadline is None and record.description == ""
    assert record.reason == "不想要了"


def test_rows_are_numbered_as_in_the_sheet_even_with_gaps(tmp_path: Path) -> None:
    rows = [refund(NO_A, "150001234567890101"), {}, refund(NO_A, "15000123456789010x")]
    export, records = parse(write_xlsx_by_hand(tmp_path / "r.xlsx", REFUND_HEADER_42, rows))
    assert [r.row for r in records] == [2]
    (problem,) = export.problems
    assert (problem.row, problem.column, problem.value) == (4, "退款编号", "15000123456789010x")


@pytest.mark.parametrize(
    "name", ["refunds-libreoffice.xlsx", "refunds-handwritten-libreoffice.xlsx"]
)
def test_workbook_resaved_by_libreoffice(name: str, store, now) -> None:
    export, records = parse(FIXTURES / name)
    assert export.problems == [] and len(records) == 10
    assert records[0].opened_at == "2024-06-20T01:15:02Z"  # date cells to the second
    states = {record.state for record in records}
    assert CaseState.REFUNDED.value in states and CaseState.AWAITING_SELLER.value in states
    assert import_files(store, [FIXTURES / name], now=now).files[0].added == 10


def test_formula_without_a_saved_result_is_skipped_not_zero(tmp_path: Path) -> None:
    rows = [
        refund(NO_A, "150001234567890101", 买家退款金额=("formula", "G2*1", None)),
        refund(NO_A, "150001234567890102", 买家退款金额=("formula", "G3*1", 39)),
    ]
    export, records = parse(write_xlsx_by_hand(tmp_path / "r.xlsx", REFUND_HEADER_42, rows))
    assert [(r.refund_no, r.refund_fen) for r in records] == [("150001234567890102", 3900)]
    (problem,) = export.problems
    assert (problem.row, problem.column, problem.value) == (2, "买家退款金额", "=G2*1")
    assert "公式" in problem.reason and "没有保存计算结果" in problem.reason


def test_excel_error_value_in_an_amount_is_skipped(tmp_path: Path) -> None:
    path = write_xlsx_by_hand(
        tmp_path / "r.xlsx", REFUND_HEADER_42, [refund(NO_A, "150001234567890101")] * 2
    )
    _replace_in_sheet(path, '<c r="I3"><v>39.00</v></c>', '<c r="I3" t="e"><v>#REF!</v></c>')
    export, records = parse(path)
    assert len(records) == 1
    (problem,) = export.problems
    assert (problem.row, problem.column, problem.value) == (3, "买家退款金额", "#REF!")
    assert "错误值" in problem.reason


def _replace_in_sheet(path: Path, old: str, new: str) -> None:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    assert old in sheet
    members["xl/worksheets/sheet1.xml"] = sheet.replace(old, new).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_a_short_csv_row_in_the_middle_is_still_reported(tmp_path: Path) -> None:
    """Only a workbook's missing cells are empty values: a CSV row with fewer fields than
    the header, not at the end of the file, has lost something."""
    rows = [refund(NO_A, "150001234567890101"), refund(NO_A, "150001234567890102")]
    path = write_refunds_csv(tmp_path / "r.csv", rows, encoding="gb18030")
    lines = path.read_bytes().split(b"\r\n")
    lines[1] = lines[1].rsplit(b",", 1)[0]  # one field fewer
    path.write_bytes(b"\r\n".join(lines))
    export, records = parse(path)
    assert [r.refund_no for r in records] == ["150001234567890102"]
    (problem,) = export.problems
    assert problem.row == 2 and "比表头少 1 列" in problem.reason and "请重新导出" in problem.reason


def test_workbook_whose_rows_all_fail_is_refused_with_its_commonest_reason(tmp_path) -> None:
    rows = [refund(NO_A, f"15000123456789010{n}", 退款状态="火星状态") for n in range(3)]
    path = write_xlsx_by_hand(tmp_path / "退款.xlsx", REFUND_HEADER_42, rows)
    with pytest.raises(InputError) as caught:
        parse(path)
    message = str(caught.value)
    assert message.startswith("退款.xlsx：3 行数据全部无法导入")
    assert "（3 行）：“退款状态”列" in message and "不认识这个退款状态" in message
