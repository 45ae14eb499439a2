"""What every platform's importer shares: reading CSV and xlsx exports (source, xlsx),
cells (cells), layouts (layouts), rows (rows) and what the parsers hand on (records).
Opening an export is `shopdesk.platforms.export_file.open_export`; it is re-exported here
for scripts written against earlier versions."""

from __future__ import annotations

_REEXPORTED = {
    "ExportFile",
    "ExportKind",
    "ParsedLine",
    "ParsedOrder",
    "ParsedRefund",
    "PlatformEvent",
    "Problem",
    "export_stamp",
    "open_export",
}


def __getattr__(name: str):
    # Imported on first use, since the platforms import this package's modules.
    if name not in _REEXPORTED:
        raise AttributeError(name)
    from shopdesk.platforms import export_file

    return getattr(export_file, name)
