"""Importing the platforms' export files: one transaction for all of them (everything or
nothing), the report the window and `shopdesk import` show, and what changed. The clocks
of what was written are caught up by `services.clocks.bring_up_to_date`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from shopdesk.services.changes import ALL, NOTHING, Changes
from shopdesk.services.door import door
from shopdesk.store.import_repo import ImportReport, import_files
from shopdesk.store.store import Store


def import_exports(
    store: Store,
    paths: Sequence[Path | str],
    *,
    now: datetime,
    shop: str | Mapping[str, str] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[ImportReport, Changes]:
    """InputError (nothing imported) when a file cannot be used at all; ImportCancelled
    (nothing imported) when `cancelled()` turns true."""
    report = import_files(
        store, paths, now=now, shop=shop, on_progress=on_progress, cancelled=cancelled
    )
    wrote = any(file.added or file.updated for file in report.files)
    return report, (Changes(orders=ALL, cases=ALL, shops=True) if wrote else NOTHING)


# What the window and the command line read through here from the layers below,
# each loaded when first asked for (services/door.py).
__getattr__ = door(
    __name__,
    {
        "FileReport": "shopdesk.store.import_repo",
        "ImportCancelled": "shopdesk.store.import_repo",
        "Problem": "shopdesk.importers",
        "open_export": "shopdesk.importers",
    },
)
