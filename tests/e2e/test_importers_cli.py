"""`shopdesk import` as a seller's script uses it: JSON shape, exit codes, then listing."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import shopdesk
from tests.importers_fixtures import (
    line,
    order,
    refund,
    write_lines,
    write_orders,
    write_refunds_xlsx,
)

NO_A = "3515313147329357900"
NO_B = "3515313147329357921"


def test_import_json_shape_then_orders_and_cases(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    orders = write_orders(
        tmp_path / "ExportOrderList202406201030.csv",
        [order(NO_A), order(NO_B, 订单编号="3.51531E+18")],
        layout=71,
    )
    lines = write_lines(tmp_path / "ExportOrderDetailList202406201030.csv", [line(NO_A)])
    refunds = write_refunds_xlsx(tmp_path / "refunds.xlsx", [refund(NO_A, "150001234567890101")])
    result = shopdesk("import", str(orders), str(lines), str(refunds), "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert list(document) == ["files"]
    first, second, third = document["files"]
    assert set(first) == {
        "path", "platform", "kind", "rows", "added", "updated", "unchanged", "skipped",
        "merged", "cleared",
    }  # fmt: skip
    assert {file["platform"] for file in document["files"]} == {"taobao"}
    assert (first["kind"], first["rows"], first["added"]) == ("orders", 2, 1)
    assert first["skipped"] == [
        {
            "row": 3,
            "column": "订单编号",
            "value": "3.51531E+18",
            "reason": first["skipped"][0]["reason"],
        }
    ]
    assert "科学计数法" in first["skipped"][0]["reason"]
    assert (second["kind"], second["added"]) == ("order_lines", 1)
    assert (third["kind"], third["added"]) == ("refunds", 1)

    listed = json.loads(shopdesk("orders", "--db", db, "--json").stdout)
    (only,) = listed
    assert only["order_no"] == NO_A and only["buyer"] == "tb_柳絮飞"
    assert only["status"] == "卖家已发货，等待买家确认"
    assert only["paid_fen"] == 3900 and only["lines"] == 1
    assert only["tracking_no"] == "YT7428813390021"
    assert only["shipped_at"].startswith("2024-06-19T10:02:11")
    (case,) = json.loads(shopdesk("cases", "--db", db, "--json").stdout)
    assert case["order_no"] == NO_A and case["kind"] == "refund_shipped"
    assert case["platform_status"] == "买家已经申请退款，等待卖家同意"
    assert case["platform_deadline"].startswith("2024-06-22T09:15:02")

    again = json.loads(
        shopdesk("import", str(orders), str(lines), str(refunds), "--db", db, "--json").stdout
    )
    assert [f["unchanged"] for f in again["files"]] == [1, 1, 1]
    assert [f["added"] + f["updated"] for f in again["files"]] == [0, 0, 0]


def test_unusable_file_exits_2_and_imports_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    good = write_orders(tmp_path / "ExportOrderList.csv", [order(NO_A)])
    other = tmp_path / "pdd.csv"
    other.write_text("商品,订单号,订单状态\r\n马克杯,240618-1,待发货\r\n", encoding="utf-8")
    result = shopdesk("import", str(good), str(other), "--db", str(db), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "pdd.csv" in result.stderr
    assert json.loads(shopdesk("orders", "--db", str(db), "--json").stdout) == []
    missing = shopdesk("import", str(tmp_path / "nope.csv"), "--db", str(db))
    assert missing.returncode == 2 and "nope.csv" in missing.stderr


def test_human_report(tmp_path: Path) -> None:
    good = write_orders(
        tmp_path / "ExportOrderList.csv", [order(NO_A), order(NO_B, 买家实际支付金额="abc")]
    )
    result = shopdesk("import", str(good), "--db", str(tmp_path / "s.db"))
    assert result.returncode == 0
    assert (
        "新增 1" in result.stdout and "第 3 行 买家实际支付金额“abc”：金额不是数字" in result.stdout
    )


def test_refund_workbook_of_another_writer_imports_all_ten_and_repeats_are_counted(
    tmp_path: Path,
) -> None:
    from tests.importers_fixtures import REFUND_HEADER_42, ten_refunds, write_xlsx_by_hand

    db = str(tmp_path / "s.db")
    workbook = write_xlsx_by_hand(
        tmp_path / "退款管理导出.xlsx", REFUND_HEADER_42, ten_refunds() + ten_refunds()[:3]
    )
    result = shopdesk("import", str(workbook), "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    (file,) = json.loads(result.stdout)["files"]
    assert (file["rows"], file["added"], file["skipped"], file["merged"]) == (13, 10, [], 3)
    assert len(json.loads(shopdesk("cases", "--db", db, "--json").stdout)) == 10
    text = shopdesk("import", str(workbook), "--db", db)
    assert text.returncode == 0
    assert "读取 13 行，新增 0，更新 0，未变 10，跳过 0 行，重复行已合并 3 行" in text.stdout


def test_a_file_whose_every_row_is_skipped_exits_2_and_imports_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    good = write_orders(tmp_path / "ExportOrderList202406201030.csv", [order(NO_A)])
    bad = write_orders(
        tmp_path / "ExportOrderList202406211030.csv",
        [order(NO_A, 订单编号="3.51531E+18"), order(NO_B, 订单编号="3.51531E+18")],
        excel=True,
    )
    result = shopdesk("import", str(good), str(bad), "--db", str(db), "--json")
    assert result.returncode == 2 and result.stdout == ""
    (message,) = result.stderr.strip().splitlines()
    assert "ExportOrderList202406211030.csv：2 行数据全部无法导入" in message
    assert "“订单编号”列编号变成了科学计数法" in message and "Traceback" not in result.stderr
    assert json.loads(shopdesk("orders", "--db", str(db), "--json").stdout) == []
