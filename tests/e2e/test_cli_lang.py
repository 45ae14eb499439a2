"""The command line's language: --lang, else the store's setting, else zh-CN; never the
terminal's locale. JSON keys and ids never change with the language."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from shopdesk.core import messages
from shopdesk.core.store import Store
from tests.importers_fixtures import order, write_orders

NO_A = "3515313147329357900"


def shopdesk(*args: str, lang_env: str = "en_US.UTF-8") -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": lang_env, "LC_ALL": lang_env}
    env.pop("LANGUAGE", None)
    return subprocess.run(
        [sys.executable, "-m", "shopdesk", *args], capture_output=True, text=True, env=env
    )


def _demo(tmp_path: Path) -> str:
    db = str(tmp_path / "s.db")
    assert shopdesk("demo", "--db", db).returncode == 0
    return db


def test_an_english_terminal_still_reads_chinese(tmp_path):
    db = _demo(tmp_path)
    listing = shopdesk("cases", "--db", db)
    assert listing.returncode == 0, listing.stderr
    assert "待卖家处理" in listing.stdout
    missing = shopdesk("cases", "--db", str(tmp_path / "nope.db"))
    assert missing.returncode == 2
    assert "找不到店铺数据文件" in missing.stderr


def test_lang_en_prints_the_listing_and_the_errors_in_english(tmp_path):
    db = _demo(tmp_path)
    listing = shopdesk("--lang", "en", "cases", "--db", db, lang_env="zh_CN.UTF-8")
    assert listing.returncode == 0, listing.stderr
    assert "Awaiting seller" in listing.stdout and "待卖家处理" not in listing.stdout
    missing = shopdesk("--lang", "en", "cases", "--db", str(tmp_path / "nope.db"))
    assert missing.returncode == 2
    assert "the store file" in missing.stderr and "cannot be found" in missing.stderr
    header_only = write_orders(tmp_path / "orders.csv", [])
    refused = shopdesk("--lang", "en", "import", str(header_only), "--db", db)
    assert refused.returncode == 2
    assert "orders.csv: only a header, no data rows" in refused.stderr


def test_lang_zh_tw_speaks_traditional_chinese(tmp_path):
    db = _demo(tmp_path)
    refused = shopdesk("--lang", "zh-TW", "cases", "--db", str(tmp_path / "nope.db"))
    assert "找不到店鋪資料檔案" in refused.stderr
    assert "待賣家處理" in shopdesk("--lang", "zh-TW", "cases", "--db", db).stdout


def test_json_keys_and_ids_are_the_same_in_every_language(tmp_path):
    db = _demo(tmp_path)
    chinese = json.loads(shopdesk("cases", "--db", db, "--json").stdout)
    english = json.loads(shopdesk("--lang", "en", "cases", "--db", db, "--json").stdout)
    assert [list(case) for case in chinese] == [list(case) for case in english]
    assert [(c["id"], c["kind"], c["state"]) for c in chinese] == [
        (c["id"], c["kind"], c["state"]) for c in english
    ]
    assert chinese[0]["state_label"] != english[0]["state_label"]


def test_the_stores_language_setting_is_used_without_lang(tmp_path):
    db = _demo(tmp_path)
    with Store.open(Path(db)) as store:
        store.set_setting(messages.STORE_SETTING, "en")
    assert "Awaiting seller" in shopdesk("cases", "--db", db, lang_env="zh_CN.UTF-8").stdout
    assert "待卖家处理" in shopdesk("--lang", "zh-CN", "cases", "--db", db).stdout


def test_an_import_report_in_english_names_the_skipped_rows_reason(tmp_path):
    db = str(tmp_path / "s.db")
    rows = [order(NO_A), order("3515313147329357921", 订单创建时间="昨天")]
    path = write_orders(tmp_path / "ExportOrderList202406201030.csv", rows)
    result = shopdesk("--lang", "en", "import", str(path), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "2 rows read, 1 added" in result.stdout
    assert "row 3" in result.stdout and "not a date and time ShopDesk can read" in result.stdout


def test_an_export_in_english_has_english_titles_and_the_same_columns(tmp_path):
    db = _demo(tmp_path)
    chinese, english = tmp_path / "zh.csv", tmp_path / "en.csv"
    assert shopdesk("export", "cases", "--out", str(chinese), "--db", db).returncode == 0
    assert (
        shopdesk("--lang", "en", "export", "cases", "--out", str(english), "--db", db).returncode
        == 0
    )
    zh_header = chinese.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    en_header = english.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert zh_header[:3] == ["售后单", "订单号", "平台"]
    assert en_header[:3] == ["Case", "Order no.", "Platform"]
    assert len(zh_header) == len(en_header)
