"""TOML files read through a compiled copy: parsing the message catalogue and the rule
sets cost the window's start-up (and every command line run) some 40 ms; marshal loads
the same tables in about 2 ms.

The copy lives in the seller's data folder (the resources may be read-only) and keeps
each file's bytes beside its tables: a file whose bytes differ in any way is parsed
again, so an edited rule file is never read stale (file times are too coarse for that).
A missing, damaged or unwritable copy only means parsing again."""

from __future__ import annotations

import marshal
import os
from contextlib import suppress
from pathlib import Path
from typing import Any

from shopdesk.domain import paths

_FORMAT = "toml/1"
_copies: dict[str, tuple[bytes, dict[str, Any]]] | None = None


def read(path: Path) -> dict[str, Any]:
    """The file's tables, as tomllib reads its text (newlines as Path.read_text gives
    them). Raises what reading and parsing it raise: OSError, UnicodeDecodeError,
    tomllib.TOMLDecodeError."""
    return read_all([path])[0]


def read_all(files: list[Path]) -> list[dict[str, Any]]:
    """Several files' tables, in order, with one write of the compiled copy at most."""
    copies = _load_copies()
    found, missed = [], False
    for path in files:
        raw = Path(path).read_bytes()
        key = str(Path(path).absolute())
        copy = copies.get(key)
        if copy is None or copy[0] != raw:
            copy = (raw, _parse(raw))
            copies[key] = copy
            missed = True
        found.append(copy[1])
    if missed:
        _write_copies(copies)
    return found


def _parse(raw: bytes) -> dict[str, Any]:
    import tomllib  # only when a file is new or changed

    text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    return tomllib.loads(text)


def _copy_path() -> Path:
    return paths.data_dir() / "cache" / "toml.marshal"


def _load_copies() -> dict[str, tuple[bytes, dict[str, Any]]]:
    global _copies
    if _copies is None:
        _copies = {}
        with suppress(OSError, EOFError, ValueError, TypeError):
            stored, copies = marshal.loads(_copy_path().read_bytes())
            if stored == _FORMAT and isinstance(copies, dict):
                _copies = copies
    return _copies


def _write_copies(copies: dict[str, tuple[bytes, dict[str, Any]]]) -> None:
    """Written beside and renamed, so another process never reads half a copy. Tables
    marshal cannot hold (TOML dates) are left out: those files are parsed each time."""
    keep = {}
    for key, copy in copies.items():
        if not os.path.exists(key):
            continue  # a file since removed (a test's, a replaced rule file)
        with suppress(ValueError):
            marshal.dumps(copy[1])
            keep[key] = copy
    target = _copy_path()
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_FORMAT, keep)))
        os.replace(temporary, target)
    except OSError:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
