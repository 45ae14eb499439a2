"""One version, written in pyproject.toml: `shopdesk --version`, the window, the frozen
bundle and build.spec (the Windows version resource, the installer's name) all say it."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


def spec_function(name: str):
    """A helper function of build.spec, run here without PyInstaller."""
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    node = next(
        n for n in ast.parse(spec).body if isinstance(n, ast.FunctionDef) and n.name == name
    )
    namespace: dict = {"Path": Path, "re": re}
    exec(compile(ast.Module([node], []), "build.spec", "exec"), namespace)
    return namespace[name]


def test_the_version_is_written_once_in_pyproject():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"]
    assert "version" not in pyproject["project"].get("dynamic", [])
    package = ast.parse((ROOT / "shopdesk" / "__init__.py").read_text(encoding="utf-8"))
    literal_versions = [
        node
        for node in ast.walk(package)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and any(getattr(t, "id", "") == "__version__" for t in node.targets)
    ]
    assert not literal_versions  # no second copy to forget when the version changes


def test_command_line_version_is_the_pyproject_version():
    result = subprocess.run(
        [sys.executable, "-m", "shopdesk", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ShopDesk {project_version()}"


def test_build_spec_takes_the_version_from_pyproject():
    assert spec_function("_project_version")(ROOT / "pyproject.toml") == project_version()


def test_frozen_bundle_reads_the_version_file_build_spec_bundles(tmp_path):
    """The frozen app has no package metadata: it reads shopdesk/VERSION in its bundle."""
    (tmp_path / "shopdesk").mkdir()
    (tmp_path / "shopdesk" / "VERSION").write_text("7.8.9\n", encoding="utf-8")
    code = (
        "import sys; sys.frozen = True; sys._MEIPASS = sys.argv[1]\n"
        "import shopdesk; print(shopdesk.__version__)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "7.8.9"


def test_the_windows_version_resource_carries_the_pyproject_version():
    """build.spec writes PyInstaller's version file on Windows; read back here as the
    Python expression PyInstaller evaluates."""
    numbers = spec_function("_version_numbers")
    assert numbers("0.1.0") == (0, 1, 0, 0)
    assert numbers("1.2.0rc1") == (1, 2, 0, 0)
    namespace: dict = {"Path": Path, "re": re}
    for name in ("_version_numbers", "_version_file_text"):
        namespace[name] = spec_function(name)
    namespace["_version_file_text"].__globals__.update(namespace)
    text = namespace["_version_file_text"](project_version())
    calls: dict = {}

    def recorder(name):
        def record(*args, **kwargs):
            calls.setdefault(name, []).append((args, kwargs))
            return (name, args, kwargs)

        return record

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"]
    eval(text, {name: recorder(name) for name in [*names, "VarFileInfo", "VarStruct"]})
    expected = numbers(project_version())
    assert calls["FixedFileInfo"] == [((), {"filevers": expected, "prodvers": expected})]
    strings = dict(args for args, _ in calls["StringStruct"])
    assert strings["ProductVersion"] == strings["FileVersion"] == project_version()
    assert strings["FileDescription"] == "ShopDesk 售后工作台"
