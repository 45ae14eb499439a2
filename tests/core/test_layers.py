import subprocess
import sys
from pathlib import Path

import shopdesk

PACKAGE = Path(shopdesk.__file__).parent


def test_core_never_imports_pyside6():
    modules = sorted(
        "shopdesk.core." + str(p.relative_to(PACKAGE / "core").with_suffix("")).replace("/", ".")
        for p in (PACKAGE / "core").rglob("*.py")
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
