"""The command line's language: --lang, else the store's setting, else zh-CN; never the
terminal's locale. JSON keys and ids never change with the language. --help, usage and
argparse's errors come before any store is open: --lang, else zh-CN."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from shopdesk.cli import build_parser, language_asked
from shopdesk.domain import messages
from shopdesk.store.store import Store
from tests.e2e.cli_inprocess import run_cli
from tests.e2e.test_cli_properties import LEAVES
from tests.importers_fixtures import order, write_orders

HAN = re.compile(r"[\u4e00-\u9fff]")

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


@pytest.fixture
def db(tmp_path, demo_template):
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    return str(path)


def test_help_is_english_with_lang_en_and_chinese_in_an_english_terminal():
    english = shopdesk("--lang", "en", "--help", lang_env="zh_CN.UTF-8")
    assert english.returncode == 0
    assert english.stdout.startswith("usage: shopdesk")
    assert "show this help message and exit" in english.stdout
    assert "the store file (default: in the user data folder)" in english.stdout
    assert not HAN.search(english.stdout), english.stdout
    chinese = shopdesk("--help")  # LANG=en_US.UTF-8
    assert chinese.returncode == 0
    assert chinese.stdout.startswith("用法：shopdesk") and "显示帮助并退出" in chinese.stdout
    assert "usage:" not in chinese.stdout and "show this help" not in chinese.stdout


@pytest.mark.parametrize("leaf", LEAVES, ids=lambda leaf: " ".join(leaf.words))
def test_every_sub_commands_help_is_english_with_lang_en(leaf):
    result = run_cli("--lang", "en", *leaf.words, "--help")
    assert result.code == 0, result.err
    assert result.out.startswith(f"usage: shopdesk {' '.join(leaf.words)}"), result.out
    assert not HAN.search(result.out), result.out


def test_help_in_traditional_chinese():
    result = run_cli("--lang", "zh-TW", "case", "--help")
    assert result.code == 0
    assert "用法：" in result.out and "顯示說明並退出" in result.out
    assert "記錄售後單與時間線" not in result.out  # the group's own help is its parent's
    assert "為訂單新建售後單" in result.out


def test_an_argparse_error_is_one_english_line_with_the_same_exit_code():
    bad_value = run_cli("--lang", "en", "orders", "--limit", "x")
    assert bad_value.code == 2 and bad_value.out == ""
    assert bad_value.err.strip() == (
        "shopdesk orders: argument --limit: “x” is not a valid count: give a whole number "
        "from 0 to 9223372036854775807"
    )
    missing = run_cli("--lang=en", "case", "event")
    assert missing.code == 2
    assert "the following arguments are required: CASE_ID, EVENT" in missing.err
    assert not HAN.search(missing.err)
    chinese = run_cli("orders", "--limit", "x")
    assert chinese.code == 2
    assert chinese.err.strip() == (
        "shopdesk orders: 参数 --limit：“x”不是数量：应为 0 到 9223372036854775807 的整数"
    )


def test_english_output_of_the_commands(tmp_path, db):
    due = run_cli("--lang", "en", "due", "--db", db, "--now", "2026-11-28 12:00")
    assert due.code == 0, due.err
    assert "estimated" in due.out and not HAN.search(due.out.replace(db, ""))
    check = run_cli("--lang", "en", "check", "--db", db)
    assert check.code == 0, check.err
    assert check.out.splitlines()[1:] == [
        "store data: intact (the integrity check passed)",
        "evidence files: 0 checked, all intact",
        "all is well.",
    ]
    out = tmp_path / "cases.csv"
    exported = run_cli("--lang", "en", "export", "cases", "--out", str(out), "--db", db)
    assert exported.code == 0, exported.err
    assert re.fullmatch(r"exported \d+ rows to .*cases\.csv\n", exported.out)
    chinese = run_cli("check", "--db", db)
    assert chinese.out.splitlines()[-1] == "全部完好。"


def test_an_english_error_line_from_a_command(tmp_path, db):
    unknown = run_cli("--lang", "en", "cases", "--shop", "nobody", "--db", db)
    assert unknown.code == 2
    assert unknown.err.startswith("shopdesk: there is no shop named “nobody”; the shops are: ")
    folder = run_cli("--lang", "en", "cases", "--db", str(tmp_path))
    assert folder.code == 2
    assert "is a folder: give a store file" in folder.err


def test_json_is_the_same_in_every_language(db):
    for argv in (["due", "--now", "2026-11-28 12:00"], ["orders", "--limit", "5"]):
        chinese = run_cli(*argv, "--db", db, "--json")
        english = run_cli("--lang", "en", *argv, "--db", db, "--json")
        assert chinese.code == english.code == 0
        assert json.loads(chinese.out) == json.loads(english.out)


def test_a_templates_lang_after_the_command_is_the_templates_language(tmp_path):
    nowhere = str(tmp_path / "nope.db")
    template = run_cli("templates", "render", "x", "--case", "1", "--lang", "en", "--db", nowhere)
    assert template.code == 2 and "找不到店铺数据文件" in template.err
    both = run_cli(
        "--lang",
        "en",
        "templates",
        "render",
        "x",
        "--case",
        "1",
        "--lang",
        "zh-CN",
        "--db",
        nowhere,
    )
    assert both.code == 2 and "cannot be found" in both.err


def test_the_language_is_read_from_the_arguments_before_the_parser_is_built():
    assert language_asked(["--lang", "en", "cases"]) == "en"
    assert language_asked(["--lang=zh-TW", "cases"]) == "zh-TW"
    assert language_asked(["--db", "x.db", "--la", "en", "cases"]) == "en"
    assert language_asked(["--lang", "en", "--lang", "zh-TW"]) == "zh-TW"  # argparse: the last
    assert language_asked(["cases", "--lang", "en"]) is None  # a sub-command's own --lang
    assert language_asked(["--lang", "fr"]) is None  # argparse refuses it, in zh-CN
    assert language_asked(["--db", "--lang", "cases"]) is None  # --lang is --db's PATH here
    assert language_asked([]) is None


def test_the_parser_built_in_english_has_the_same_commands_and_flags():
    def shape(parser):
        found = {}
        for action in parser._actions:
            found[tuple(action.option_strings) or action.dest] = (action.dest, action.nargs)
            if hasattr(action, "choices") and isinstance(action.choices, dict):
                for name, child in action.choices.items():
                    found[name] = shape(child)
        return found

    try:
        chinese = shape(build_parser())
        messages.set_language("en")
        english = shape(build_parser())
    finally:
        messages.set_language(None)
    assert chinese == english


def test_a_bug_of_ours_is_one_english_line_with_lang_en(monkeypatch, db):
    import shopdesk.commands.listing as listing

    def boom(args):
        raise RuntimeError("a bug in the listing")

    monkeypatch.setattr(listing, "run_cases", boom)
    english = run_cli("--lang", "en", "cases", "--db", db)
    assert english.code == 70
    (line,) = english.err.strip().splitlines()
    assert line.startswith("shopdesk: an unexpected error happened") and "crash-" in line
    assert not HAN.search(line.split("are in")[0])
    chinese = run_cli("cases", "--db", db)
    assert chinese.code == 70 and "出现了意外错误" in chinese.err
