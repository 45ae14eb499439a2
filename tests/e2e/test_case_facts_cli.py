"""The command line's contract for causes, money and outcomes (keys and exit codes)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from tests.e2e.conftest import shopdesk
from tests.importers_fixtures import refund, write_refunds_xlsx

NO_A = "3515313147329357900"


@pytest.fixture
def db(tmp_path):
    export = write_refunds_xlsx(
        tmp_path / "RefundList202406201030.xlsx",
        [refund(NO_A, "2008123456789012", 买家退款原因="包装/商品破损/污渍")],
    )
    path = tmp_path / "shop.db"
    done = shopdesk("import", str(export), "--db", str(path))
    assert done.returncode == 0, done.stderr
    return str(path), export


def _read_table(path: Path) -> list[list[str]]:
    if path.suffix == ".csv":
        return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    sheet = openpyxl.load_workbook(path, read_only=True).active
    return [[_plain(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]


def _plain(value) -> str:
    if isinstance(value, float | int) and not isinstance(value, bool):
        return f"{value:g}"
    return "" if value is None else str(value)


def _cases(path: str) -> list[dict]:
    done = shopdesk("cases", "--db", path, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_cases_json_has_cause_money_and_outcome(db):
    path, _ = db
    [case] = _cases(path)
    assert case["cause"] == "seller_defect" and case["cause_source"] == "platform"
    assert case["platform_reason"] == "包装/商品破损/污渍"
    assert case["responsibility"] == "seller"
    assert "外包装是否完好" in case["cause_question"]
    assert case["money"] == {
        "refund_fen": 0,
        "compensation_fen": 0,
        "recovered_fen": 0,
        "net_cost_fen": 0,
    }
    assert case["outcome"] is None
    assert "refund_fen" in case and "platform_status" in case


def test_the_sellers_cause_money_and_outcome_through_the_command_line(db):
    path, export = db
    case_id = str(_cases(path)[0]["id"])
    done = shopdesk(
        "case", "cause", case_id, "courier_service", "--note", "外包装破损", "--db", path, "--json"
    )
    assert done.returncode == 0, done.stderr
    updated = json.loads(done.stdout)
    assert (updated["cause"], updated["cause_source"]) == ("courier_service", "seller")
    assert updated["responsibility"] == "courier" and updated["cause_question"] is None

    done = shopdesk("case", "money", case_id, "compensation", "5", "--note", "补偿5元运费",
                    "--db", path, "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["money"]["compensation_fen"] == 500
    done = shopdesk("case", "money", case_id, "courier_claim", "20", "--db", path, "--json")
    money = json.loads(done.stdout)["money"]
    assert (money["recovered_fen"], money["net_cost_fen"]) == (2000, -1500)

    done = shopdesk("case", "outcome", case_id, "courier_paid", "--db", path, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outcome"] == "courier_paid"

    for suffix in (".csv", ".xlsx"):
        out = Path(path).with_name("售后" + suffix)
        done = shopdesk("export", "cases", "--db", path, "--out", str(out))
        assert done.returncode == 0, done.stderr
        rows = _read_table(out)
        row = dict(zip(rows[0], rows[1], strict=True))
        assert row["原因分类"] == "快递服务差" and row["原因来源"] == "卖家判断"
        assert row["责任方"] == "快递" and row["处理结果"] == "快递公司赔付"
        assert (row["补偿(元)"], row["收回(元)"], row["净损失(元)"]) == ("5", "20", "-15")

    again = shopdesk("import", str(export), "--db", path)  # the same export once more
    assert again.returncode == 0, again.stderr
    [case] = _cases(path)
    assert (case["cause"], case["cause_source"]) == ("courier_service", "seller")
    assert case["money"]["compensation_fen"] == 500 and case["outcome"] == "courier_paid"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("cause", "{id}", "bad_luck"), "seller_defect（商品质量问题）"),
        (("money", "{id}", "compensation", "-5"), "负数"),
        (("money", "{id}", "compensation", "99999999999999999999.00"), "100 万元"),
        (("money", "{id}", "tips", "5"), "compensation（补偿）"),
        (("outcome", "{id}", "won"), "ruled_for_seller（平台判卖家胜）"),
        (("inspect", "{id}", "--line", "1:1:0"), "没有退货，不能验收"),
        (("inspect", "{id}", "--line", "first"), "看不懂"),
    ],
)
def test_bad_input_is_one_chinese_line_and_writes_nothing(db, args, expected):
    path, _ = db
    before = _cases(path)
    case_id = str(before[0]["id"])
    done = shopdesk("case", *(a.format(id=case_id) for a in args), "--db", path)
    assert done.returncode == 2
    assert expected in done.stderr and "Traceback" not in done.stderr
    assert _cases(path) == before
