"""The one guard between a path the seller typed and the store's own files.

An export, a backup, a package or a template file written over the store (or its `-wal`,
`-shm`, `-journal`), into its evidence folder or into its backups destroys what the seller
keeps. Every command that writes a path the seller named asks `refuse_store_target`
before anything is written; commands that read a file the seller named ask
`refuse_store_source` (only SQLite may open the store's files).

Paths are compared by the file itself where it exists (device and inode, so `./x.db`, a
symbolic link or a hard link are caught), by the resolved path otherwise (case-insensitive
on Windows).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message

SIDE_FILES = ("-wal", "-shm", "-journal")


def _resolved(path: Path) -> str:
    try:
        resolved = Path(os.path.abspath(path.expanduser())).resolve(strict=False)
    except (OSError, RuntimeError, ValueError):  # a loop of links, a name too long
        resolved = Path(os.path.abspath(path))
    return os.path.normcase(str(resolved))


def same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` name the same file (or would, once created)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return _resolved(a) == _resolved(b)


def _ancestors(path: Path) -> list[Path]:
    """`path` and every folder above it, nearest first."""
    absolute = Path(os.path.abspath(path.expanduser()))
    return [absolute, *absolute.parents]


def is_within(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or lies inside it, through links too."""
    folder_text = _resolved(folder)
    if _resolved(path) == folder_text or _resolved(path).startswith(folder_text + os.sep):
        return True
    if not os.path.exists(folder):
        return False
    return any(os.path.exists(p) and same_file(p, folder) for p in _ancestors(path))


def _is_special(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _store_files(store: Path) -> list[tuple[Path, str]]:
    store = Path(store)
    found = [(store, Message("store.part.itself"))]
    found += [
        (store.with_name(store.name + side), Message("store.part.side_file", side=side))
        for side in SIDE_FILES
    ]
    return found


def _store_folders(store: Path) -> list[tuple[Path, str]]:
    from shopdesk.domain import paths
    from shopdesk.store.backup import default_backup_dir

    return [
        (paths.evidence_dir(store), Message("store.part.evidence")),
        (default_backup_dir(store), Message("store.part.backups")),
    ]


def _refusal(path: str | Path, store: Path, what: Message, role: str) -> InputError:
    """role: "write" or "read"."""
    return InputError(f"store.refuse_{role}", path=path, what=what, store=Path(store).name)


def refuse_store_target(
    target: str | Path, store: str | Path, *, backups_root_ok: bool = False
) -> Path:
    """`target` (a file or folder about to be written) unless it is one of the store's
    own files, or its evidence or backup folders (or inside them). `backups_root_ok`: the
    backup folder itself is where `backup` writes by default. Returns `target` as a Path."""
    shown = target  # as the seller typed it
    target, store = Path(target).expanduser(), Path(store).expanduser()
    if _is_special(target):  # replacing /dev/null or a pipe with a file is never wanted
        raise InputError("store.not_regular_output", path=shown)
    for protected, what in _store_files(store):
        if same_file(target, protected):
            raise _refusal(shown, store, what, "write")
    for protected, what in _store_folders(store):
        is_backups = what.key == "store.part.backups"
        if backups_root_ok and is_backups and same_file(target, protected):
            continue
        if is_within(target, protected):
            raise _refusal(shown, store, Message("store.part.or_inside", what=what), "write")
    return target


def refuse_store_source(source: str | Path, store: str | Path) -> Path:
    """`source` (a file about to be read with plain file I/O) unless it is the store or one
    of its SQLite side files, which only SQLite may open."""
    shown = source
    source, store = Path(source).expanduser(), Path(store).expanduser()
    for protected, what in _store_files(store):
        if same_file(source, protected):
            raise _refusal(shown, store, what, "read")
    return source
