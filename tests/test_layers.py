"""The layers' rules, read from the sources' imports and string constants (docs/ARCHITECTURE.md
draws them): each package imports only the ones below it, the window and the command line
reach everything through services/ (and the pure domain/), a platform is known only inside
shopdesk/platforms/, and nothing below the front ends imports Qt."""

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
HISTORY = {PACKAGE / "store" / "migrations.py"}


# Below the window and the command line, and free of Qt (evidence/ paints with QtGui)
BELOW_THE_FRONT_ENDS = (
    "domain",
    "importers",
    "platforms",
    "templates",
    "store",
    "services",
    "core",
)


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


# Bottom to top. A package may import itself and the ones before it.
LAYERS = ("domain", "importers", "platforms", "templates", "store", "evidence", "services")
# The window and the command line: services/ and domain/ only, besides themselves and the
# application's shell (the version, the crash log, `--smoke-test`).
FRONT_ENDS = {
    "ui": {"ui"},
    "commands": {"commands"},
    "cli.py": {"commands", "ui"},  # `shopdesk` with no command opens the window
    "__main__.py": {"commands"},
}
SHELL = {"shopdesk", "shopdesk.crash_log", "shopdesk.smoke", "shopdesk.cli"}
# importers/ re-exports, lazily, what moved from it to platforms/ (scripts of earlier versions)
COMPAT = {(PACKAGE / "importers" / "__init__.py", "shopdesk.platforms")}


def _package_of(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "shopdesk"


def _shopdesk_imports(path: Path) -> set[str]:
    return {
        name
        for name in _imports(path)
        if name.startswith("shopdesk.")
        and (path, name.rsplit(".", 1)[0]) not in COMPAT
        and (path, name) not in COMPAT
    }


@pytest.mark.parametrize("path", _modules(*LAYERS), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_layer_imports_only_the_ones_below_it(path):
    own = path.relative_to(PACKAGE).parts[0]
    allowed = set(LAYERS[: LAYERS.index(own) + 1])
    above = sorted(name for name in _shopdesk_imports(path) if _package_of(name) not in allowed)
    assert not above, f"{path.name} ({own}/) imports {above}: a layer uses only those below it"


def test_domain_imports_nothing_of_shopdesk_but_itself():
    for path in _modules("domain"):
        others = sorted(n for n in _shopdesk_imports(path) if _package_of(n) != "domain")
        assert not others, f"domain/{path.name} imports {others}"


def _front_end_modules() -> list[Path]:
    found = []
    for name in FRONT_ENDS:
        where = PACKAGE / name
        found += sorted(where.rglob("*.py")) if where.is_dir() else [where]
    return found


@pytest.mark.parametrize("path", _front_end_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_window_and_the_command_line_go_through_services(path):
    """So they cannot disagree: what an action does, and what it changed, is services/'s."""
    own = FRONT_ENDS[path.relative_to(PACKAGE).parts[0]]
    allowed = {"services", "domain", *own}
    reached = sorted(
        name
        for name in _imports(path)
        if name.startswith("shopdesk")
        and name not in SHELL
        and not (name == "shopdesk.ui" or _package_of(name) in allowed)
    )
    assert not reached, f"{path.name} imports {reached}: ask shopdesk.services"


def test_the_layers_cover_every_package():
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == {*LAYERS, "ui", "commands", "core"}, (
        "a new package needs its place in LAYERS"
    )


def _runs_clean(code: str) -> None:
    """`code` in a fresh interpreter (what it imports at run time counts) exits 0."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent
    )
    assert result.returncode == 0, result.stdout + result.stderr


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
    "path", _modules(*BELOW_THE_FRONT_ENDS), ids=lambda p: str(p.relative_to(PACKAGE))
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
        if name.startswith(("shopdesk.store.store", "shopdesk.store.import_repo", "sqlite3"))
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
    """Listed once in domain/model.py (CLOSED_CASE_STATES / CLOSED_CASE_SQL); a second copy
    would drift the day a state is added."""
    spelled = re.compile(r"refunded['\"]?,\s*['\"]?closed['\"]?,\s*['\"]?withdrawn")
    copies = [
        str(path.relative_to(PACKAGE))
        for path in _modules(".")
        if spelled.search(path.read_text(encoding="utf-8"))
        or "S.REFUNDED, S.CLOSED, S.WITHDRAWN" in path.read_text(encoding="utf-8")
    ]
    assert not copies, f"the closed states are written out again in {copies}"


@pytest.mark.parametrize("folder", BELOW_THE_FRONT_ENDS)
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
    _runs_clean(code)


def test_evidence_never_imports_qtwidgets():
    code = (
        "import importlib, pkgutil, sys, shopdesk.evidence as e\n"
        "for m in pkgutil.iter_modules(e.__path__): importlib.import_module('shopdesk.evidence.' + m.name)\n"
        "sys.exit(1 if 'PySide6.QtWidgets' in sys.modules else 0)\n"
    )
    _runs_clean(code)


def test_shopdesk_itself_never_imports_the_earlier_core_name():
    outside = [
        p for p in sorted(PACKAGE.rglob("*.py")) if p.relative_to(PACKAGE).parts[0] != "core"
    ]
    users = [
        str(p.relative_to(PACKAGE))
        for p in outside
        if any(n == "shopdesk.core" or n.startswith("shopdesk.core.") for n in _imports(p))
    ]
    assert not users, f"{users} import shopdesk.core: import the layer's own module"


def test_scripts_written_against_shopdesk_core_keep_working():
    """The earlier names are the moved modules themselves (patching one patches the other),
    and they load without Qt."""
    code = (
        "import sys\n"
        "import shopdesk.core.store as old, shopdesk.store.store as new\n"
        "from shopdesk.core import deadlines_repo, model\n"
        "from shopdesk.core.case_states import check_move, derive_state\n"
        "from shopdesk.core.importers import open_export\n"
        "from shopdesk.core.importers.cells import parse_fen\n"
        "import shopdesk.store.deadlines_repo as d, shopdesk.domain.model as m\n"
        "assert old is new and deadlines_repo is d and model is m, 'not the same modules'\n"
        "assert callable(check_move) and callable(derive_state) and callable(open_export)\n"
        "assert parse_fen('12.50') == 1250\n"
        "sys.exit(1 if any(x.startswith('PySide6') for x in sys.modules) else 0)\n"
    )
    _runs_clean(code)


@pytest.mark.parametrize(
    "path",
    [*_modules("services"), *_front_end_modules()],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_services_and_the_front_ends_run_no_sql(path):
    """SQL is the store's (docs/design/multi-seat.md: a second store must be able to serve
    the same services and front ends)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    sql = re.compile(r"^\s*(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA)\b")
    found = [
        node.lineno
        for node in ast.walk(tree)
        if (isinstance(node, ast.Attribute) and node.attr in ("execute", "executescript"))
        or (  # store.db.query(...), store.db.conn
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "db"
        )
        or (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and sql.match(node.value)
        )
    ]
    assert not found, f"{path.name} runs SQL at lines {found}: ask the store"
