"""`shopdesk insights` on the known-number store: the rows' keys and figures, the sheet,
the alerts, and exit 2 with one Chinese line for input to fix."""

from __future__ import annotations

import json

import openpyxl
import pytest

from shopdesk.domain.timeutil import now_utc
from shopdesk.store.store import Store
from tests.e2e.conftest import shopdesk
from tests.insights_store import CLOTH, MUG, TISSUE, build_alert_store, build_known_store

KEYS = {
    "key",
    "label",
    "cases",
    "units",
    "rate_per_100",
    "refund_fen",
    "compensation_fen",
    "recovered_fen",
    "net_cost_fen",
}
NOVEMBER = ["--from", "2026-11-01", "--to", "2026-11-30"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("insights") / "shop.db"
    with Store.open(path) as store:
        build_known_store(store)
    return str(path)


def rows(db, *args):
    done = shopdesk("insights", *args, "--db", db, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_by_product_prints_the_contract_keys_and_the_known_figures(db):
    found = rows(db, "--by", "product", *NOVEMBER, "--shop", "小满家居")
    assert all(set(row) == KEYS for row in found)
    by_key = {row["key"]: row for row in found}
    assert [row["key"] for row in found] == [MUG, CLOTH, TISSUE]
    assert by_key[MUG] == {
        "key": MUG,
        "label": "马克杯",
        "cases": 4,
        "units": 8,
        "rate_per_100": 50.0,
        "refund_fen": 5900,
        "compensation_fen": 800,
        "recovered_fen": 1500,
        "net_cost_fen": 5200,
    }
    assert (by_key[CLOTH]["units"], by_key[CLOTH]["rate_per_100"]) == (6, 33.33)


def test_shop_and_platform_filters(db):
    everyone = {row["key"]: row for row in rows(db, *NOVEMBER)}
    assert (everyone[MUG]["cases"], everyone[MUG]["units"]) == (5, 15)
    jd = rows(db, *NOVEMBER, "--platform", "jd")
    assert [(r["key"], r["cases"], r["units"]) for r in jd] == [(MUG, 1, 7)]


def test_by_cause_courier_and_responsibility(db):
    causes = {r["key"]: r for r in rows(db, "--by", "cause", *NOVEMBER, "--shop", "1")}
    assert causes["seller_defect"]["cases"] == 2
    assert (causes["seller_defect"]["units"], causes["seller_defect"]["rate_per_100"]) == (
        None,
        None,
    )
    couriers = rows(db, "--by", "courier", *NOVEMBER, "--shop", "1")
    assert [(r["key"], r["cases"], r["units"], r["recovered_fen"]) for r in couriers] == [
        ("顺丰速运", 1, 2, 1500),
        ("中通快递", 1, 2, 0),
    ]
    parties = {
        r["key"]: r["cases"] for r in rows(db, "--by", "responsibility", *NOVEMBER, "--shop", "1")
    }
    assert parties == {"seller": 2, "courier": 2, "buyer": 1}


@pytest.mark.parametrize(
    "args, words",
    [
        (["--by", "colour"], "--by colour 不认识"),
        (["--from", "2026/11/01"], "看不懂"),
        (["--from", "2026-11-30", "--to", "2026-11-01"], "晚于"),
        (["--shop", "没有这家"], "没有店铺"),
        (["--platform", "amazon"], "没有平台"),
    ],
)
def test_input_to_fix_exits_2_with_one_chinese_line(db, args, words):
    done = shopdesk("insights", *args, "--db", db, "--json")
    assert done.returncode == 2
    assert words in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_sheet_writes_xlsx_and_pdf(db, tmp_path):
    xlsx = tmp_path / "mug.xlsx"
    done = shopdesk(
        "insights", "sheet", MUG, "--out", str(xlsx), *NOVEMBER, "--shop", "1", "--db", db
    )
    assert done.returncode == 0, done.stderr
    overview = {
        r[0]: r[1]
        for r in openpyxl.load_workbook(xlsx)["概况"].iter_rows(min_row=2, values_only=True)
    }
    assert (overview["售出件数（期间内付款的订单）"], overview["售后单数（期间内申请）"]) == (8, 4)
    pdf = tmp_path / "mug.pdf"
    done = shopdesk("insights", "sheet", MUG, "--out", str(pdf), *NOVEMBER, "--db", db)
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    bad = shopdesk("insights", "sheet", MUG, "--out", str(tmp_path / "x.doc"), "--db", db)
    assert bad.returncode == 2 and ".xlsx 或 .pdf" in bad.stderr


def test_alerts_json_is_a_list_and_due_never_shows_them(db):
    done = shopdesk("insights", "alerts", "--db", db, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []  # November's cases are older than 7 days


def test_a_products_alert_is_listed_by_alerts_and_never_by_due(tmp_path):
    path = tmp_path / "cups.db"
    with Store.open(path) as store:
        build_alert_store(store, 5, now_utc())
    done = shopdesk("insights", "alerts", "--db", str(path), "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert [(a["product"], a["cases_7d"], a["rate_7d"], a["cause"]) for a in found] == [
        ("CUP-9", 5, 50.0, "seller_defect")
    ]
    due = shopdesk("due", "--db", str(path), "--json")
    assert due.returncode == 0, due.stderr
    assert "CUP-9" not in due.stdout and "产品预警" not in due.stdout
