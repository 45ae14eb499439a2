"""Messages a seller can read: template files that cannot be used, a --db that cannot be a
store, argparse's own complaints: one line of Chinese naming the file (and the row or
field), exit 2, nothing stored; never Python's English."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from tests.e2e.cli_inprocess import content, run_cli

HAN = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = ("field limit", "object is not", "Traceback", "Error", "expected", "not JSON")


@pytest.fixture
def db(tmp_path, demo_template):
    path = tmp_path / "x.db"
    shutil.copyfile(demo_template, path)
    return path


def _one_chinese_line(result, *names):
    assert result.code == 2, result
    line = result.err.strip()
    assert len(line.splitlines()) == 1 and HAN.search(line), line
    assert not any(word in line for word in ENGLISH), line
    for name in names:
        assert name in line, line


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


BAD_TEMPLATE_FILES = [
    ("huge-cell.csv", "title,phrase\nt," + "长" * 200_000 + "\n", "第 2 行"),
    ("nul.csv", "title,phrase\nt,a\x00b\n", "第 2 行"),
    ("numbers.json", "[1, 2]", "第 1 个模板"),
    ("null-body.json", json.dumps([{"id": "a", "texts": {"zh-CN": {"body": None}}}]), "body"),
    ("text-is-str.json", json.dumps({"templates": [{"id": "a", "texts": {"zh-CN": "x"}}]}), "texts.zh-CN"),
    ("no-id.json", json.dumps([{"texts": {"zh-CN": {"body": "你好"}}}]), "id"),
    ("bad-lang.json", json.dumps([{"id": "a", "texts": {"fr": {"body": "x"}}}]), "fr"),
    ("bad-limit.json", json.dumps([{"id": "a", "limit_chars": 10**40, "texts": {"zh-CN": {"body": "x"}}}]), "limit_chars"),
    ("bad-tag.json", json.dumps([{"id": "a", "tags": {"kinds": [1]}, "texts": {"zh-CN": {"body": "x"}}}]), "tags.kinds"),
    ("digits.json", '[{"id": ' + "9" * 5000 + "}]", "数字"),
    ("deep.json", "[" * 100_000, "嵌套"),
    ("limit.csv", "title,phrase,limit_chars\nt,p,²\n", "limit_chars"),
    ("lang.csv", "title,phrase,language\nt,p,xx\n", "第 2 行 language"),
    ("gbk-not.csv", b"\xff\xfe\x00\xd8", "编码"),
]  # fmt: skip


@pytest.mark.parametrize(
    "name,data,where", BAD_TEMPLATE_FILES, ids=[b[0] for b in BAD_TEMPLATE_FILES]
)
def test_template_files_that_cannot_be_used_say_where_in_chinese(tmp_path, db, name, data, where):
    path = _write(tmp_path, name, data)
    before = content(db)
    _one_chinese_line(run_cli("templates", "import", str(path), "--db", str(db)), name, where)
    assert content(db) == before


def test_a_link_to_dev_zero_or_a_giant_file_is_refused_before_reading(tmp_path, db):
    os.symlink("/dev/zero", tmp_path / "zero.csv")
    giant = tmp_path / "giant.csv"
    with open(giant, "wb") as handle:
        handle.truncate(2 * 1024**3)  # 2 GiB, sparse: reading it would take minutes and memory
    for path in (tmp_path / "zero.csv", giant):
        _one_chinese_line(run_cli("templates", "import", str(path), "--db", str(db)), path.name)


def test_template_csv_export_neutralises_formulas_and_reads_back(tmp_path, db):
    phrase = '=HYPERLINK("http://x.example","点我")'
    source = _write(
        tmp_path, "mine.csv", f'title,phrase\n+链接,"{phrase.replace(chr(34), 2 * chr(34))}"\n'
    )
    assert run_cli("templates", "import", str(source), "--db", str(db)).code == 0
    out = tmp_path / "out.csv"
    assert run_cli("templates", "export", str(out), "--db", str(db)).code == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",'+链接," in text
    assert "\n=" not in text and ",=" not in text and ',"=' not in text
    other = tmp_path / "again.db"
    shutil.copyfile(db, other)
    assert run_cli("templates", "import", str(out), "--db", str(other)).code == 0
    listed = json.loads(run_cli("templates", "list", "--json", "--db", str(other)).out)
    assert "+链接" in {t["title"] for t in listed}


def test_a_null_body_is_never_stored_as_the_text_none(tmp_path, db):
    path = _write(
        tmp_path,
        "t.json",
        json.dumps([{"id": "a", "texts": {"zh-CN": {"title": "t", "body": None}}}]),
    )
    assert run_cli("templates", "import", str(path), "--db", str(db)).code == 2
    out = tmp_path / "own.json"
    assert run_cli("templates", "export", str(out), "--db", str(db)).code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["templates"] == []


@pytest.mark.parametrize(
    "db_arg",
    ["{tmp}", "{tmp}/x.db/inner.db", "{tmp}/" + "长" * 200 + ".db", "{tmp}/" + "a" * 300],
    ids=["folder", "under-a-file", "name-too-long-cjk", "name-too-long"],
)
@pytest.mark.parametrize("command", [["cases"], ["demo", "--orders", "2"], ["import", "x.csv"]])
def test_a_db_that_cannot_be_a_store_file_is_one_line(tmp_path, db, db_arg, command):
    _one_chinese_line(run_cli(*command, "--db", db_arg.format(tmp=tmp_path)), "--db")


@pytest.mark.parametrize(
    "argv,words",
    [
        (["no-such-command"], ["无效的选择"]),
        (["case"], ["缺少必需的参数", "{add,", "event,deadline}"]),
        (["case", "event"], ["缺少必需的参数", "CASE_ID"]),
        (["orders", "--limit"], ["需要一个值"]),
        (["cases", "--bogus"], ["无法识别的参数"]),
        (["due", "--party", "nobody"], ["无效的选择"]),
    ],
)
def test_argparse_speaks_chinese(argv, words):
    result = run_cli(*argv)
    _one_chinese_line(result, *words)


def test_help_is_chinese():
    result = run_cli("case", "--help")
    assert result.code == 0
    assert "用法：" in result.out and "显示帮助并退出" in result.out
    assert "usage:" not in result.out and "show this help" not in result.out
