"""`shopdesk --smoke-test` exercises every capability the seller relies on, and says why
when one fails; build.spec bundles every sub-command cli.py knows."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shopdesk import cli, smoke

ROOT = Path(__file__).resolve().parents[2]
STEPS = (
    "resources",
    "store",
    "import",
    "deadlines",
    "template",
    "evidence",
    "evidence-store",
    "cli",
    "window",
)


def run_smoke(env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "shopdesk", "--smoke-test"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )


def test_smoke_test_runs_every_step_and_ends_with_ok():
    result = run_smoke()
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "ok"
    reported = {line.split(":")[0] for line in lines}
    assert set(STEPS) <= reported
    for line in lines:  # only a capability whose code is not in this checkout is skipped
        if "skipped" in line:
            step = line.split(":")[0]
            assert step in smoke.SKIPPABLE, line
            assert any(importlib.util.find_spec(m) is None for m in smoke.SKIPPABLE[step]), line
    assert "import: 3 files" in result.stdout
    assert "verified" in result.stdout


def test_a_failing_step_exits_non_zero_with_the_reason(monkeypatch, capsys, qapp):
    def broken(state):
        raise AssertionError("no running deadline on the imported sample")

    monkeypatch.setattr(smoke, "_deadlines", broken)
    assert smoke.run_smoke_test() == 1
    out, err = capsys.readouterr()
    assert "no running deadline" in err
    assert "ok" not in out.splitlines()


def test_a_capability_not_in_the_build_is_skipped_with_a_note(monkeypatch, capsys, qapp):
    def missing(state):
        raise ModuleNotFoundError(
            "No module named 'shopdesk.core.future'", name="shopdesk.core.future"
        )

    monkeypatch.setattr(smoke, "_template", missing)
    monkeypatch.setitem(smoke.SKIPPABLE, "template", ("shopdesk.core.future",))
    assert smoke.run_smoke_test() == 0
    out = capsys.readouterr().out
    assert "template: skipped (shopdesk.core.future is not in this build)" in out
    assert out.strip().splitlines()[-1] == "ok"


def test_a_missing_module_that_is_not_expected_fails(monkeypatch, capsys, qapp):
    def missing(state):
        raise ModuleNotFoundError("No module named 'openpyxl'", name="openpyxl")

    monkeypatch.setattr(smoke, "_import_sample", missing)
    assert smoke.run_smoke_test() == 1
    assert "openpyxl" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["COMMAND_MODULES", "__version__"])
def test_build_spec_reads_what_it_bundles_from_the_package(name):
    """build.spec reads COMMAND_MODULES and __version__ from the source without
    importing it; the values it reads are the package's."""
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    helper = next(
        node
        for node in ast.parse(spec).body
        if isinstance(node, ast.FunctionDef) and node.name == "_module_constant"
    )
    namespace: dict = {"ast": ast, "Path": Path}
    exec(compile(ast.Module([helper], []), "build.spec", "exec"), namespace)
    source = ROOT / "shopdesk" / ("cli.py" if name == "COMMAND_MODULES" else "__init__.py")
    expected = cli.COMMAND_MODULES if name == "COMMAND_MODULES" else cli.__version__
    assert namespace["_module_constant"](source, name) == expected
