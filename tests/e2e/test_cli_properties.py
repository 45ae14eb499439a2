"""A command line that cannot crash: every sub-command (read from the parser, so a new one
is covered without touching this file) driven with generated arguments (ids, counts,
hours, times, paths, any text, huge numbers) against a copy of a demo store.

Whatever the arguments: the exit code is one the CLI promises (0, 1, 2, 3, 130, 141; never
70, a bug), no traceback reaches stderr, exit 2 says why in Chinese and leaves the store's
data as it was. Nothing prompts (stdin is closed).

CI runs a bounded number of examples; a longer run by hand:
    SHOPDESK_CLI_EXAMPLES=3000 .venv/bin/python -m pytest tests/e2e/test_cli_properties.py
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopdesk.cli import build_parser
from shopdesk.domain.model import CaseKind, EventKind
from tests.e2e.cli_inprocess import content, run_cli
from tests.e2e.crash_harness import _jpeg

PROJECT = Path(__file__).resolve().parents[2]  # this tree's shopdesk, whatever the cwd
PROMISED = {0, 1, 2, 3, 130, 141}
HAN = re.compile(r"[\u4e00-\u9fff]")
# The operating system's own (English) reasons: a seller reads them in Chinese.
SYSTEM_ENGLISH = [os.strerror(n) for n in (2, 13, 20, 21, 22, 36, 40)] + ["[Errno"]
EXAMPLES = int(os.environ.get("SHOPDESK_CLI_EXAMPLES", "0"))
COMMON = {"--db", "--json", "-h", "--help"}


@dataclass(frozen=True)
class Leaf:
    """One runnable sub-command: its words (`case event`) and its own arguments."""

    words: tuple[str, ...]
    actions: tuple[argparse.Action, ...]


def _leaves(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> list[Leaf]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += _leaves(child, (*words, name))
            return found
    actions = tuple(a for a in parser._actions if not COMMON & set(a.option_strings))
    return [Leaf(words, actions)]


LEAVES = _leaves(build_parser())


def test_every_sub_command_is_driven():
    names = {" ".join(leaf.words) for leaf in LEAVES}
    assert {"orders", "cases", "case event", "pack", "templates import", "export"} <= names
    assert len(names) >= 20  # every one of today's sub-commands


# --- values ---------------------------------------------------------------------------

# Any text, but never a path out of the test's own folder (no leading / or ~, no ..): a
# generated --out must not land anywhere else on this machine.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
).map(lambda t: t.replace("..", "_").lstrip("/~\\"))
HUGE = st.sampled_from([2**63 - 1, 2**63, 2**64, 10**30, -(2**63), -1, 0])
SMALL_IDS = st.integers(1, 60)
IDS = st.one_of(SMALL_IDS, SMALL_IDS, SMALL_IDS, HUGE, st.integers(-(2**80), 2**80)).map(str)
NUMBERS = st.one_of(
    st.sampled_from(["nan", "inf", "-inf", "1e309", "-5", "0", "0.5", "24", "1_0", "５", "1e3"]),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**20), 10**20).map(str),
)
TIMES = st.one_of(
    st.sampled_from(
        [
            "0001-01-01",
            "9999-12-31T23:59:59",
            "2099-01-01 10:00",
            "2026-11-28 14:30",
            "2026-11-28T14:30:00+08:00",
            "2026-02-30",
            "none",
            "today",
            "2026-11-28T25:00",
            "1999-12-31T23:59:59Z",
        ]
    ),
    st.datetimes().map(lambda d: d.isoformat()),
)


def _paths(folder: Path, db: Path) -> st.SearchStrategy[str]:
    named = [
        db,
        db.with_name(db.name + "-wal"),
        db.with_name(db.name + "-shm"),
        db.with_name(db.name + ".files"),
        db.with_name(db.name + ".files") / "x.csv",
        db.with_name(db.name + ".backups"),
        db.with_name(db.name + ".backups") / "x.csv",
        folder,
        folder / "out.csv",
        folder / "out.xlsx",
        folder / "out.json",
        folder / "out.txt",
        folder / "pack-out",
        folder / "missing" / "x.csv",
        folder / "notes.txt",
        folder / "photo.png",
        folder / "real.jpg",
        folder / ("长" * 300 + ".csv"),
        folder / "zero-link",  # -> /dev/zero: never the device itself, which a bug could replace
        folder / "null-link",
        folder / "pipe",
        Path("-"),
    ]
    return st.one_of(
        st.sampled_from([str(p) for p in named]),
        TEXT.map(lambda t: str(folder / t) if t else t),
    )


def _value(
    action: argparse.Action, paths: st.SearchStrategy[str], order_numbers: list[str]
) -> st.SearchStrategy[str]:
    """A value for `action`: mostly of its kind, sometimes anything at all."""
    kind = getattr(action.type, "__name__", "") if action.type else ""
    meta = f"{action.metavar or ''} {action.dest}".upper()
    if action.choices:
        fitting = st.sampled_from([str(c) for c in action.choices])
    elif kind in ("record_id", "count", "int") or "ID" in meta:
        fitting = IDS
    elif kind in ("hours", "float"):
        fitting = NUMBERS
    elif "TIME" in meta or action.dest in ("at", "now", "captured_at", "time"):
        fitting = TIMES
    elif any(w in meta for w in ("FILE", "DIR", "PATH", "PACKAGE", "BACKUP", "OUT", "TO")):
        fitting = paths
    elif action.dest in ("items",):
        fitting = st.one_of(st.lists(IDS, max_size=4).map(",".join), TEXT)
    elif action.dest in ("profile", "edit_profile"):
        fitting = st.sampled_from(["taobao-refund", "taobao-refuse", "courier-claim-pdf", "jd"])
    elif action.dest == "template_id":
        fitting = st.sampled_from(["first_response", "angry_buyer", "appeal_statement", "own-1"])
    elif action.dest == "event":
        fitting = st.sampled_from([k.value for k in EventKind])
    elif action.dest == "kind":
        fitting = st.sampled_from([k.value for k in CaseKind])
    elif action.dest == "order_no":
        fitting = st.sampled_from(order_numbers)
    else:
        fitting = TEXT
    anything = st.one_of(TEXT, IDS, TIMES, NUMBERS)
    return st.integers(0, 9).flatmap(lambda n: fitting if n < 7 else anything)


def _order_numbers(db: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r[0] for r in connection.execute("SELECT order_no FROM orders LIMIT 20")]
    finally:
        connection.close()


@st.composite
def command_lines(draw, folder: Path, db: Path) -> list[str]:
    leaf = draw(st.sampled_from(LEAVES))
    paths = _paths(folder, db)
    numbers = _order_numbers(db)
    argv = list(leaf.words)
    for action in leaf.actions:
        positional = not action.option_strings
        if positional:
            if action.nargs == "?" and draw(st.booleans()):
                continue
            if draw(st.integers(0, 30)) == 0:
                continue  # now and then a required argument left out
            repeat = draw(st.integers(1, 3)) if action.nargs in ("+", "*") else 1
            argv += [draw(_value(action, paths, numbers)) for _ in range(repeat)]
            continue
        if not (draw(st.integers(0, 9)) if action.required else draw(st.booleans())):
            continue  # a required option left out now and then, any other one half the time
        option = action.option_strings[-1]
        if action.nargs == 0:  # a flag (store_true, version)
            argv.append(option)
        else:
            value = draw(_value(action, paths, numbers))
            argv += [f"{option}={value}"] if value.startswith("-") else [option, value]
    if draw(st.booleans()):
        argv.append("--json")
    return [*argv, "--db", str(db)]


# --- the property ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def caught_up_demo(tmp_path_factory, demo_template):
    """The demo store with a photo and a chat log on case 1 (so `pack` builds real
    packages) and its clocks caught up to today, so that a read command writes nothing
    and "unchanged" can be compared exactly."""
    folder = tmp_path_factory.mktemp("cli-properties")
    path = folder / "shop.db"
    shutil.copyfile(demo_template, path)
    photo = folder / "开箱.jpg"
    photo.write_bytes(_jpeg(1, 320, 240))
    chat = folder / "聊天.txt"
    chat.write_text("tb9527_海风 2026-11-27 10:00:00\n东西坏了\n", encoding="utf-8")
    for argv in (
        ["evidence", "add", "1", str(photo), "--kind", "photo"],
        ["evidence", "chat", "1", str(chat)],
    ):
        assert run_cli(*argv, "--db", str(path)).code == 0
    assert run_cli("cases", "--db", str(path)).code == 0
    return path


def _workspace(template: Path) -> tuple[Path, Path]:
    folder = Path(tempfile.mkdtemp(prefix="cli-prop-"))
    db = folder / "shop.db"
    shutil.copyfile(template, db)
    (folder / "notes.txt").write_text("买家 10:00\n你好\n", encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    os.symlink("/dev/zero", folder / "zero-link")
    os.symlink("/dev/null", folder / "null-link")
    os.mkfifo(folder / "pipe")
    shutil.copyfile(template.with_name("开箱.jpg"), folder / "real.jpg")
    return folder, db


def _check(argv: list[str], code: int, err: str, before, db: Path) -> None:
    assert code in PROMISED, (argv, code, err)
    assert "Traceback" not in err, (argv, err)
    assert not any(text in err for text in SYSTEM_ENGLISH), (argv, err)
    if code == 2:
        assert HAN.search(err), (argv, err)
        assert content(db) == before, (argv, err)


FAST = settings(
    max_examples=EXAMPLES or 300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FAST
@given(data=st.data())
def test_no_command_line_crashes_or_changes_the_store_when_refused(data, caught_up_demo):
    folder, db = _workspace(caught_up_demo)
    here = os.getcwd()
    os.chdir(folder)  # relative paths land in the workspace, never in the project
    try:
        argv = data.draw(command_lines(folder, db))
        before = content(db)
        result = run_cli(*argv)
        _check(argv, result.code, result.err, before, db)
    finally:
        os.chdir(here)
        shutil.rmtree(folder, ignore_errors=True)


@settings(max_examples=6, deadline=None, database=None)
@given(data=st.data())
def test_a_real_process_holds_the_same_promises(data, caught_up_demo):
    folder, db = _workspace(caught_up_demo)
    try:
        argv = data.draw(command_lines(folder, db))
        before = content(db)
        result = subprocess.run(
            [sys.executable, "-m", "shopdesk", *argv],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            cwd=folder,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(PROJECT)},
        )
        _check(argv, result.returncode, result.stderr, before, db)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
