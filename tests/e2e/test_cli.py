import json
import os
import subprocess
import sys
from functools import partial

import pytest

from tests.e2e.conftest import shopdesk as run_cli

# these tests expect every run to succeed unless they say check=False
shopdesk = partial(run_cli, check=True)


def test_demo_then_cases_as_json(tmp_path):
    db = str(tmp_path / "x.db")
    shopdesk("demo", "--db", db)
    cases = json.loads(shopdesk("cases", "--db", db, "--json").stdout)
    assert len(cases) > 12
    assert {"id", "order_no", "kind", "state"} <= set(cases[0])
    kinds = {c["kind"] for c in cases}
    assert "return_refund" in kinds and "platform_appeal" in kinds


def test_db_and_json_work_before_the_sub_command_too(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPDESK_DATA_DIR", str(tmp_path / "default"))  # never opened
    db = str(tmp_path / "x.db")
    shopdesk("--db", db, "demo")
    after = shopdesk("cases", "--db", db, "--json").stdout
    assert shopdesk("--db", db, "--json", "cases").stdout == after
    assert shopdesk("--json", "cases", "--db", db).stdout == after
    assert not (tmp_path / "default" / "shopdesk.db").exists()


def test_orders_search_and_limit(tmp_path):
    db = str(tmp_path / "x.db")
    shopdesk("demo", "--db", db)
    orders = json.loads(shopdesk("orders", "--db", db, "--json", "--limit", "5").stdout)
    assert len(orders) == 5
    assert {"order_no", "buyer", "status", "paid_fen", "lines"} <= set(orders[0])
    found = json.loads(shopdesk("orders", "--db", db, "--json", "--search", "耳机").stdout)
    assert found and all("耳机" in o["items"] for o in found)


@pytest.mark.parametrize(
    "args",
    [["cases", "--db", "{bad}"], ["orders", "--limit", "many"], ["no-such-command"]],
)
def test_user_mistakes_exit_2_with_one_line(tmp_path, args):
    bad = tmp_path / "bad.db"
    bad.write_text("hello", encoding="utf-8")
    result = shopdesk(*[a.replace("{bad}", str(bad)) for a in args], check=False)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_smoke_test_prints_ok_last():
    result = shopdesk("--smoke-test")
    assert result.stdout.strip().splitlines()[-1] == "ok"


@pytest.mark.parametrize(
    ("args", "lines_read"),
    [
        (("orders", "--json"), 1),  # `| head -1`: 120 KB of JSON, more than a pipe holds
        (("orders",), 0),  # a reader gone before the first line
        (("cases", "--json"), 0),
    ],
)
def test_a_reader_that_stops_early_gets_no_traceback(tmp_path, demo_template, args, lines_read):
    db = tmp_path / "piped.db"
    db.write_bytes(demo_template.read_bytes())
    command = [sys.executable, "-m", "shopdesk", args[0], "--db", str(db), *args[1:]]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as child:
        read = [child.stdout.readline() for _ in range(lines_read)]
        child.stdout.close()
        stderr = child.stderr.read().decode("utf-8", "replace")
        code = child.wait()
    assert all(read)
    assert stderr == ""
    assert code == 141  # what a tool killed by SIGPIPE reports
