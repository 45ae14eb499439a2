"""How a services module hands the front ends what they read from the layers below it
(the store's queries, the platforms' names, evidence rendering) without loading them
before they are asked for: the window starts without the clock engine, the command line
without Qt's painting. Each services module lists the names it hands out and where they
live; the first use imports that module. A name is looked up there each time it is asked
for (a dictionary look-up), so the door hands out what the module holds now."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def door(module_name: str, names: Mapping[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` handing out `names` (name -> the module it lives in)."""

    def __getattr__(name: str) -> object:  # noqa: N807 - the module hook's own name
        try:
            source = names[name]
        except KeyError:
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}") from None
        return getattr(importlib.import_module(source), name)

    return __getattr__
