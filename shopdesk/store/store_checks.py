"""When a store must be checked in full before anything is written to it.

A store is checked (`PRAGMA quick_check`: every page, every record, every b-tree) when
the file changed outside ShopDesk since its last clean check. ShopDesk notes the file as
it leaves it (after a clean check, after each of its own transactions, at close) in a
small cache in the data folder, keyed by the file's path and holding its identity and
state: device, inode, size, modification time (ns) and the store id in the header. A
match means the file is byte for byte as a ShopDesk process left it, so a 1M-order store
opens without reading every page; any other change (a copy over it, another program, a
restore done by hand, a crash mid-write) means one full check.

The cache lives outside the store file on purpose: writing it into the store would be a
write before the store is known to be sound, and would itself change the file. A lost
or unreadable cache costs one check, never a wrong answer.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from shopdesk.domain import paths

CACHE_NAME = "store-checks.json"
KEEP = 64  # stores remembered; the oldest entries go first


def _cache_path() -> Path:
    """Where the cache is, without making the data folder (reading a cache that is not
    there must not leave a folder behind, for example beside a refused file)."""
    override = os.environ.get("SHOPDESK_DATA_DIR")
    folder = Path(override) if override else paths._platform_data_dir()
    return folder / CACHE_NAME


def _key(store: Path) -> str:
    return str(Path(store).resolve())


def file_state(store: Path, store_id: int) -> dict:
    """The identity and state of the database file (a stat: no descriptor is opened)."""
    st = os.stat(store)
    return {
        "dev": st.st_dev,
        "ino": st.st_ino,
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "store_id": store_id,
    }


def _load() -> dict:
    try:
        data = json.loads(_cache_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def known_sound(store: Path, store_id: int) -> bool:
    """True when the file is exactly as ShopDesk last left it after a clean check."""
    try:
        return _load().get(_key(store)) == file_state(store, store_id)
    except OSError:
        return False


def remember(store: Path, store_id: int) -> None:
    """Note the file as ShopDesk leaves it. Best effort: a cache that cannot be written
    (read-only data folder, full disk) only means the next open checks again."""
    try:
        state = file_state(store, store_id)
        cache = _load()
        key = _key(store)
        if cache.get(key) == state:
            return
        cache.pop(key, None)
        cache[key] = state
        while len(cache) > KEEP:
            cache.pop(next(iter(cache)))
        paths.data_dir()  # made when first needed
        target = _cache_path()
        temp = target.with_name(f".{target.name}.{os.getpid()}-{threading.get_ident()}")
        temp.write_text(json.dumps(cache), encoding="utf-8")
        os.replace(temp, target)
    except OSError:
        pass


def forget(store: Path) -> None:
    """The store was found damaged: the next open checks again whatever the file says."""
    try:
        cache = _load()
        if cache.pop(_key(store), None) is not None:
            _cache_path().write_text(json.dumps(cache), encoding="utf-8")
    except OSError:
        pass
