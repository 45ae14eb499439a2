"""The layers' rules, read from the sources' imports and string constants (docs/ARCHITECTURE.md
draws them): a platform is known only inside shopdesk/platforms/, and nothing below the
window imports Qt's widgets."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from shopdesk.platforms import registry

PACKAGE = Path(__file__).resolve().parent.parent / "shopdesk"
# Schema steps are history: a store written by an earlier version is read through them.
HISTORY = {PACKAGE / "core" / "migrations.py"}


def _modules(*folders: str) -> list[Path]:
    found = []
    for folder in folders:
        found += sorted((PACKAGE / folder).rglob("*.py"))
    return [path for path in found if path not in HISTORY]


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _outside_platforms() -> list[Path]:
    every = sorted(PACKAGE.rglob("*.py"))
    return [p for p in every if "platforms" not in p.relative_to(PACKAGE).parts[:1]]


def _platform_ids() -> set[str]:
    # the manual pseudo-platform's id ("other") is an ordinary word elsewhere
    return set(registry.ids()) - {registry.manual_id()}


@pytest.mark.parametrize("path", _outside_platforms(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_platforms_package_names_a_platform(path):
    if path in HISTORY:
        pytest.skip("schema history")
    ids = _platform_ids()
    named = [
        node.value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in ids
    ]
    imported = [
        name
        for name in _imports(path)
        if name.startswith("shopdesk.platforms.") and name.split(".")[2] in ids
    ]
    assert not named, f"{path.name} names platform ids {named}: ask shopdesk.platforms.registry"
    assert not imported, f"{path.name} imports a platform's package {imported}: use the registry"


@pytest.mark.parametrize(
    "path", _modules("core", "platforms", "services"), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_core_and_platforms_never_import_qt_or_the_front_ends(path):
    imports = _imports(path)
    qt = sorted(name for name in imports if name.startswith("PySide6"))
    front = sorted(
        name
        for name in imports
        if name.startswith(("shopdesk.ui", "shopdesk.commands", "shopdesk.cli"))
    )
    assert not qt, f"{path.name} imports {qt}: Qt stays in ui/ and evidence rendering"
    assert not front, f"{path.name} imports the front ends {front}"


@pytest.mark.parametrize("path", _modules("platforms"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_platforms_never_reach_the_store(path):
    """A platform describes its files and words; applying them to a store is the import's
    job (one place for every platform)."""
    reached = sorted(
        name
        for name in _imports(path)
        if name.startswith(("shopdesk.core.store", "shopdesk.core.import_repo", "sqlite3"))
    )
    assert not reached, f"{path.name} imports {reached}"


def test_every_registered_platform_is_a_package_with_its_spec():
    for platform_id in registry.ids():
        spec = registry.get(platform_id)
        assert spec.id == platform_id
        assert set(spec.names) == {"zh-CN", "zh-TW", "en"}
        for layout in spec.layouts:
            assert layout.platform == platform_id, f"{layout.title} filed under {platform_id}"
        if spec.layouts and any(layout.importable for layout in spec.layouts):
            assert spec.parser is not None, f"{platform_id} has importable layouts but no parser"


def test_the_closed_case_states_are_defined_once():
    """Listed once in core/model.py (CLOSED_CASE_STATES / CLOSED_CASE_SQL); a second copy
    would drift the day a state is added."""
    spelled = re.compile(r"refunded['\"]?,\s*['\"]?closed['\"]?,\s*['\"]?withdrawn")
    copies = [
        str(path.relative_to(PACKAGE))
        for path in _modules(".")
        if spelled.search(path.read_text(encoding="utf-8"))
        or "S.REFUNDED, S.CLOSED, S.WITHDRAWN" in path.read_text(encoding="utf-8")
    ]
    assert not copies, f"the closed states are written out again in {copies}"


@pytest.mark.parametrize("folder", ["core", "platforms", "services"])
def test_core_and_platforms_load_without_pyside6(folder):
    """What they import at run time too (an import inside a function counts)."""
    modules = sorted(
        f"shopdesk.{folder}."
        + str(p.relative_to(PACKAGE / folder).with_suffix("")).replace("/", ".")
        for p in (PACKAGE / folder).rglob("*.py")
        if p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_evidence_never_imports_qtwidgets():
    code = (
        "import importlib, pkgutil, sys, shopdesk.evidence as e\n"
        "for m in pkgutil.iter_modules(e.__path__): importlib.import_module('shopdesk.evidence.' + m.name)\n"
        "sys.exit(1 if 'PySide6.QtWidgets' in sys.modules else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent
    )
    assert result.returncode == 0, result.stdout + result.stderr
