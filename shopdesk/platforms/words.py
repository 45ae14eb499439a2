"""A platform's own words, as its files write them: read from the data files in its folder
(states.toml: what each status word means, and the words a wording not seen yet is read
by). They are data, never translated: the platform writes them so in every language."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any


@cache
def load(folder: Path, name: str = "states.toml") -> dict[str, Any]:
    """The data file `name` in a platform's folder, as TOML (its tables in file order)."""
    import tomllib  # parsed here only: its import is 5 ms of the window's start-up

    with (folder / name).open("rb") as handle:
        return tomllib.load(handle)


def contained(table: Mapping[str, str], text: str) -> str | None:
    """The value of the first word of `table` (in file order) that `text` contains."""
    return next((value for word, value in table.items() if word in text), None)
