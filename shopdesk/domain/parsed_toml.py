"""TOML files read through a compiled copy: parsing the message catalogue and the rule
sets cost the window's start-up (and every command line run) some 40 ms; marshal loads
the same tables in about 2 ms.

The copy lives in the seller's data folder (the resources may be read-only). Its tables
are keyed by a digest of each file's bytes: a file whose bytes differ in any way is parsed
again, so an edited rule file is never read stale (file times are too coarse for that), and
the same file in two places (two installs, an update beside the old one) is kept once. It
remembers the digest each path had last and keeps only those tables, so it stays as small
as the files in use. A missing, damaged or unwritable copy only means parsing again."""

from __future__ import annotations

import hashlib
import marshal
import os
from contextlib import suppress
from pathlib import Path
from typing import Any

from shopdesk.domain import paths

_FORMAT = "toml/2"
_copies: dict[str, dict] | None = None  # {"paths": {path: digest}, "tables": {digest: tables}}


def read(path: Path) -> dict[str, Any]:
    """The file's tables, as tomllib reads its text (newlines as Path.read_text gives
    them). Raises what reading and parsing it raise: OSError, UnicodeDecodeError,
    tomllib.TOMLDecodeError."""
    return read_all([path])[0]


def read_all(files: list[Path]) -> list[dict[str, Any]]:
    """Several files' tables, in order, with one write of the compiled copy at most."""
    copies = _load_copies()
    known, tables = copies["paths"], copies["tables"]
    found, changed = [], False
    for path in files:
        raw = Path(path).read_bytes()
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        if digest not in tables:
            tables[digest] = _parse(raw)
        key = str(Path(path).absolute())
        if known.get(key) != digest:
            known[key] = digest
            changed = True
        found.append(tables[digest])
    if changed:
        _write_copies(copies)
    return found


def _parse(raw: bytes) -> dict[str, Any]:
    import tomllib  # only when a file is new or changed

    text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    return tomllib.loads(text)


def _copy_path() -> Path:
    return paths.data_dir() / "cache" / "toml.marshal"


def _load_copies() -> dict[str, dict]:
    global _copies
    if _copies is None:
        _copies = {"paths": {}, "tables": {}}
        with suppress(OSError, EOFError, ValueError, TypeError):
            stored, copies = marshal.loads(_copy_path().read_bytes())
            if stored == _FORMAT and isinstance(copies, dict) and copies.keys() == _copies.keys():
                _copies = copies
    return _copies


def _write_copies(copies: dict[str, dict]) -> None:
    """Written beside and renamed, so another process never reads half a copy. Paths since
    removed (a test's, an old install) and tables no path has now are left out, and so are
    tables marshal cannot hold (TOML dates): those files are parsed at each start."""
    known = {key: digest for key, digest in copies["paths"].items() if os.path.exists(key)}
    keep = {}
    for digest in set(known.values()):
        table = copies["tables"].get(digest)  # None: a table left out before, not read since
        with suppress(ValueError):
            marshal.dumps(table)
            if table is not None:
                keep[digest] = table
    target = _copy_path()
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_FORMAT, {"paths": known, "tables": keep})))
        os.replace(temporary, target)
    except OSError:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
