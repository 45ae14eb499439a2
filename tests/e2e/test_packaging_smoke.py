"""`shopdesk --smoke-test` exercises every capability the seller relies on, and says why
when one fails; build.spec bundles every sub-command cli.py knows."""

from __future__ import annotations

import ast
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
    reported = [line.split(":")[0] for line in lines if line.split(":")[0] in STEPS]
    assert reported == list(STEPS)  # every step, in order, once
    assert not [line for line in lines if "skipped" in line]
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


@pytest.mark.parametrize(
    ("step", "module"),
    [
        ("_import_sample", "openpyxl"),
        # once skippable while its code was not merged; a build without it must fail now
        ("_evidence_store", "shopdesk.evidence.from_store"),
    ],
)
def test_a_module_missing_from_the_build_fails_the_smoke_test(
    monkeypatch, capsys, qapp, step, module
):
    def missing(state):
        raise ModuleNotFoundError(f"No module named '{module}'", name=module)

    monkeypatch.setattr(smoke, step, missing)
    assert smoke.run_smoke_test() == 1
    out, err = capsys.readouterr()
    assert module in err
    assert "ok" not in out.splitlines()


@pytest.mark.parametrize("name", ["COMMAND_MODULES"])
def test_build_spec_reads_what_it_bundles_from_the_package(name):
    """build.spec reads COMMAND_MODULES from the source without importing it; the values
    it reads are the package's (the version: tests/release/test_version.py)."""
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
