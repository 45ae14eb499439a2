"""A cheaper answer to the question PySide asks of every module imported after it.

PySide's import hook (for its opt-in `from __feature__ import snake_case`) asks of each
module imported after PySide6 whether its source mentions "PySide6", through
`inspect.getsource`: linecache, encoding detection and a list of lines, some 0.15 ms a
module, paid for each of the window's 150 modules before its first paint. The same
answer comes from the file's bytes. ShopDesk uses no PySide feature; the answer is kept
exact all the same, in case a library does."""

from __future__ import annotations

import sys

_MARK = b"PySide6"


def uses_pyside(module) -> bool:
    """True when the module's .py source mentions PySide6 (False for a module with no
    source file: built in, an extension, bytecode only, inside the frozen app)."""
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False
    try:
        with open(origin, "rb") as source:
            return _MARK in source.read()
    except OSError:
        return False


def install() -> None:
    """Once PySide6 is imported; does nothing if this PySide has no such hook."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = uses_pyside
