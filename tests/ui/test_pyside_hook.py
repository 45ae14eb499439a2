"""The cheap answer to PySide's per-module question is the same answer as PySide's own."""

import inspect
import sys

import shopdesk.ui  # noqa: F401 - installs the hook
import shopdesk.ui.main_window  # noqa: F401 - the window's modules, Qt and not
from shopdesk.ui import pyside_hook


def pyside_answer(module) -> bool:
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


def test_every_loaded_module_gets_the_answer_pyside_would_give():
    modules = [m for m in list(sys.modules.values()) if m is not None]
    answers = {m.__name__: pyside_hook.uses_pyside(m) for m in modules}
    assert answers == {m.__name__: pyside_answer(m) for m in modules}
    assert answers["shopdesk.ui.main_window"] is True
    assert answers["shopdesk.domain.model"] is False
    assert answers["sqlite3"] is False


def test_the_hook_in_use_is_the_cheap_one():
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is pyside_hook.uses_pyside
