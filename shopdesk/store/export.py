"""Exports of the orders, cases and 待办 lists as CSV (UTF-8 with a BOM, so Excel reads
the Chinese) or xlsx, that cannot hurt the seller who opens them:

- a cell a spreadsheet would run as a formula (text starting with = + - @, a tab or a
  carriage return, as a buyer's message can) gets a leading apostrophe and stays text;
- in CSV, long numbers (order, refund, tracking numbers) are written ="…" as Taobao's
  own exports do, so Excel keeps every digit;
- characters xlsx cannot hold (control characters) are dropped;
- the file is written under a temporary name and renamed when complete, so a full disk,
  a cancel or a crash never leaves half a file under the seller's name.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from shopdesk.domain import messages
from shopdesk.domain.errors import InputError, ShopDeskError
from shopdesk.domain.labels import label
from shopdesk.domain.model import CaseKind, CaseState, Cause, Outcome, Party, Responsibility
from shopdesk.domain.timeutil import CHINA, from_text
from shopdesk.platforms.registry import Platform
from shopdesk.store.output_paths import refuse_store_target
from shopdesk.store.safeio import atomic_write, sweep_temp_files
from shopdesk.store.safety_repo import count_rows, iter_cases, iter_orders
from shopdesk.store.store import Store

KINDS = ("orders", "cases", "due")
FORMATS = ("csv", "xlsx")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Progress = Callable[[int, int], None]


class ExportCancelled(ShopDeskError):
    """The seller cancelled an export; no file was written."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


def neutralise(value: object) -> object:
    """Text a spreadsheet would take for a formula, made plain text; other values as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _time(text: str | None) -> str:
    return from_text(text).astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S") if text else ""


def _yuan(fen: int | None) -> Decimal:
    return Decimal(fen or 0) / 100


def _label(enum, value: str) -> str:
    return label(enum, value) if value else ""


# Column ids; their titles come from the catalogue (export.column.<id>) in the front end's
# language, the zh-CN ones by default.
ORDER_COLUMNS = (
    "order_no", "platform", "buyer", "status", "items", "item_count", "paid", "refund",
    "paid_at", "shipped_at", "courier", "tracking_no", "receiver", "buyer_message",
    "seller_note", "next_due",
)  # fmt: skip
CASE_COLUMNS = (
    "case", "order_no", "platform", "buyer", "items", "kind", "state", "cause", "refund",
    "reason", "description", "platform_status", "platform_deadline", "opened_at",
    "closed_at", "next_due", "note", "cause_source", "responsibility", "outcome",
    "refunded", "compensation", "recovered", "net_cost",
)  # fmt: skip
DUE_COLUMNS = (
    "due_at", "hours_left", "party", "title", "order_no", "case", "platform", "basis",
    "on_timeout",
)  # fmt: skip
CAUSE_SOURCES = ("platform", "seller", "inspection")


def header(columns: Iterable[str], language: str | None = None) -> list[str]:
    return [messages.text(f"export.column.{column}", language) for column in columns]


ORDER_HEADER = header(ORDER_COLUMNS, "zh-CN")
CASE_HEADER = header(CASE_COLUMNS, "zh-CN")
DUE_HEADER = header(DUE_COLUMNS, "zh-CN")


def _cause_source(source: str | None) -> str:
    if source in CAUSE_SOURCES:
        return messages.text(f"export.cause_source.{source}")
    return source or ""


def order_rows(store: Store) -> Iterator[list]:
    for o in iter_orders(store):
        yield [
            o["order_no"], _label(Platform, o["platform"]), o["buyer_nick"], o["status"],
            o["item_titles"], o["item_count"], _yuan(o["paid_fen"]), _yuan(o["refund_fen"]),
            _time(o["paid_at"]), _time(o["shipped_at"]), o["courier"], o["tracking_no"],
            o["receiver_name"], o["buyer_message"], o["seller_note"], _time(o["next_due_at"]),
        ]  # fmt: skip


def case_rows(store: Store) -> Iterator[list]:
    for c in iter_cases(store):
        yield [
            c["id"], c["order_no"], _label(Platform, c["platform"]), c["buyer_nick"],
            c["item_titles"], _label(CaseKind, c["kind"]), _label(CaseState, c["state"]),
            _label(Cause, c["cause"]), _yuan(c["refund_fen"]), c["reason"], c["description"],
            c["platform_status"], _time(c["platform_deadline"]), _time(c["opened_at"]),
            _time(c["closed_at"]), _time(c["next_due_at"]), c["note"],
            _cause_source(c["cause_source"]),
            _label(Responsibility, c["responsibility"]) if c["responsibility"] else "",
            _label(Outcome, c["outcome"]) if c["outcome"] else "",
            _yuan(c["money_refund_fen"]), _yuan(c["money_compensation_fen"]),
            _yuan(c["money_recovered_fen"]), _yuan(c["money_net_fen"]),
        ]  # fmt: skip


def due_rows(store: Store, now: datetime) -> list[list]:
    from shopdesk.store.deadlines_repo import open_deadlines

    rows = []
    language = messages.language()
    for d in open_deadlines(store, now):
        hours = round((d.due_at - now).total_seconds() / 3600, 1) if d.due_at else ""
        rows.append(
            [
                d.due_at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S") if d.due_at else "",
                hours, _label(Party, d.party), d.title_in(language), d.order_no,
                d.case_id or "", _label(Platform, d.platform),
                messages.text(f"export.basis.{'platform' if d.basis == 'platform' else 'estimate'}"),
                d.on_timeout_in(language),
            ]
        )  # fmt: skip
    return rows


def _table(store: Store, kind: str, now: datetime) -> tuple[list[str], Iterable[list], int]:
    if kind == "orders":
        return header(ORDER_COLUMNS), order_rows(store), count_rows(store, "orders")
    if kind == "cases":
        return header(CASE_COLUMNS), case_rows(store), count_rows(store, "cases")
    if kind == "due":
        rows = due_rows(store, now)
        return header(DUE_COLUMNS), rows, len(rows)
    raise InputError("export.unknown_kind", kind=kind, kinds=list(KINDS))


def format_for(path: Path, wanted: str | None) -> str:
    fmt = (wanted or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise InputError("export.unknown_format", format=fmt or Path(path).name)
    return fmt


def check_target(out: str | Path, store_path: Path, fmt: str | None = None) -> tuple[Path, str]:
    """The file an export may be written to, and its format; InputError before anything
    is opened or written when it cannot be (the store's own files, a folder, no folder)."""
    out = refuse_store_target(out, store_path)
    fmt = format_for(out, fmt)
    if out.is_dir():
        raise InputError("export.is_folder", path=out)
    if not out.parent.is_dir():
        raise InputError("export.no_folder", path=out.parent)
    return out, fmt


def export(
    store: Store,
    kind: str,
    out: str | Path,
    now: datetime,
    fmt: str | None = None,
    on_progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write `kind` (orders | cases | due) to `out`. Nothing exists under `out` until the
    whole file is written; a full or read-only disk raises DiskError."""
    out, fmt = check_target(out, store.path, fmt)
    header, rows, total = _table(store, kind, now)
    sweep_temp_files(out.parent)  # what an export cut off by a crash left there

    def counted(source: Iterable[list]) -> Iterator[list]:
        done = 0
        for row in source:
            if cancelled and done % 500 == 0 and cancelled():
                raise ExportCancelled("export.cancelled")
            done += 1
            if on_progress and done % 500 == 0:
                on_progress(done, total)
            yield [neutralise(value) for value in row]
        if on_progress:
            on_progress(done, total)

    written = (
        _write_csv(out, header, counted(rows))
        if fmt == "csv"
        else _write_xlsx(out, kind, header, counted(rows))
    )
    return ExportResult(out, written)


_LONG_NUMBER = re.compile(r"[0-9]{12,}")


def _csv_text(value: object) -> object:
    """A long number (an order, refund or tracking number) written the way Taobao's own
    exports write it, ="3000000000001313757": Excel shows it as text, where a plain
    cell becomes 3.00E+18 and loses its last digits (ShopDesk's importer reads either)."""
    if isinstance(value, str) and _LONG_NUMBER.fullmatch(value):
        return f'="{value}"'
    return value


def _write_csv(out: Path, header: list[str], rows: Iterable[list]) -> int:
    count = 0
    with atomic_write(out, "wb") as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="", write_through=True)
        writer = csv.writer(text)
        writer.writerow(header)
        for row in rows:
            writer.writerow([_csv_text(value) for value in row])
            count += 1
        text.flush()
        text.detach()
    return count


def _xlsx_value(value: object) -> object:
    if isinstance(value, str):
        return _XLSX_ILLEGAL.sub("", value)
    return value


def _write_xlsx(out: Path, kind: str, header: list[str], rows: Iterable[list]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(messages.text(f"export.sheet.{kind}"))
    sheet.append(header)
    count = 0
    try:
        for row in rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula
                elif isinstance(value, Decimal):
                    cell.number_format = "0.00"
                cells.append(cell)
            sheet.append(cells)
            count += 1
    except BaseException:
        with contextlib.suppress(Exception):
            sheet.close()  # finish openpyxl's own temporary file before dropping it
        _drop_writers(book)
        raise
    with atomic_write(out, "wb") as handle:
        _save_workbook(book, handle)
    return count


def _save_workbook(book, handle) -> None:
    """openpyxl's save, with the zip closed here when a write fails: left to the garbage
    collector it fails again at exit and prints "Exception ignored" on the seller's screen."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    archive = ZipFile(handle, "w", ZIP_DEFLATED, allowZip64=True)
    try:
        ExcelWriter(book, archive).save()  # writes every part, then closes the zip
    except BaseException:
        with contextlib.suppress(Exception):
            archive.close()
        _drop_writers(book)
        raise


def _drop_writers(book) -> None:
    """After a failed write, finish openpyxl's suspended writers (generators on its own
    temporary files) here: left to the garbage collector, each fails once more at exit
    and prints "Exception ignored … Traceback" on stderr."""
    for sheet in book.worksheets:
        writer = getattr(sheet, "_writer", None)
        for generator in (getattr(sheet, "_rows", None), getattr(writer, "xf", None)):
            if generator is not None:
                with contextlib.suppress(Exception):
                    generator.close()
