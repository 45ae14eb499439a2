"""Keeping the seller's data: backups and restoring one, the store check (检查) and the
checks at start, exports (CSV, xlsx, zip), and refusing an output that would overwrite
the store itself."""

from __future__ import annotations

from shopdesk.services.door import door

# What the window and the command line read through here from the layers below,
# each loaded when first asked for (services/door.py).
__getattr__ = door(
    __name__,
    {
        "CHANGED": "shopdesk.store.check",
        "CheckCancelled": "shopdesk.store.check",
        "CheckReport": "shopdesk.store.check",
        "FORMATS": "shopdesk.store.export",
        "KINDS": "shopdesk.store.export",
        "MISSING": "shopdesk.store.check",
        "StartupReport": "shopdesk.store.backup",
        "UNREADABLE": "shopdesk.store.check",
        "backup_counts": "shopdesk.store.backup",
        "backup_database_path": "shopdesk.store.backup",
        "check_store": "shopdesk.store.check",
        "check_target": "shopdesk.store.export",
        "default_backup_dir": "shopdesk.store.backup",
        "export": "shopdesk.store.export",
        "list_backups": "shopdesk.store.backup",
        "make_backup": "shopdesk.store.backup",
        "refuse_store_source": "shopdesk.store.output_paths",
        "refuse_store_target": "shopdesk.store.output_paths",
        "restore_backup": "shopdesk.store.backup",
        "startup_checks": "shopdesk.store.backup",
    },
)
