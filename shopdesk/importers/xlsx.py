"""Rows out of the first sheet of an .xlsx workbook, read the way any writer writes it.

Writers other than Excel omit empty cells (trailing ones included) and often write no
`<dimension>`; rows are therefore built from the cells actually present, each at its own
column, and numbered by the row number in the file. Nothing is guessed: a formula saved
without its result, or an Excel error value, comes out as an UnreadableCell. Every budget
(file and member sizes as declared in the zip, columns, cells) is checked before the work;
a member that holds more than it declares fails its CRC (zipfile reads no further)."""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message
from shopdesk.importers.cells import UnreadableCell

XLSX_MAX_BYTES = 256 * 1024 * 1024  # the file itself
XLSX_MAX_UNCOMPRESSED = 1024 * 1024 * 1024  # all members together, as declared
# A member read whole into memory (shared strings, styles): openpyxl takes about 10 µs and
# 100 bytes per shared string, so 32 MB of the tiniest ones is ~15 s and ~250 MB at worst
# (a refund export holds a few hundred KB).
XLSX_MAX_HELD = 32 * 1024 * 1024
XLSX_MAX_MEMBERS = 10_000
XLSX_MAX_RATIO = 200
XLSX_RATIO_FLOOR = 10 * 1024 * 1024
XLSX_MAX_COLUMNS = 16_384  # Excel's own limit (XFD)
# Sheets that hold the data where a workbook has several (Pinduoduo's after-sales export:
# 售后信息); otherwise the first sheet.
DATA_SHEETS = ("售后信息",)
XLSX_MAX_CELLS = 60_000_000  # cells of all rows, as laid out (a 100,000-row, 71-column sheet: 7.1M)

MISMATCH = "import.xlsx.mismatch"
NO_RESULT = Message("import.xlsx.formula_without_result")


class _SheetParser(WorkSheetParser):
    """openpyxl's sheet parser, telling a formula without a cached result and an error
    value apart from an empty cell."""

    def parse_cell(self, element):
        cell = super().parse_cell(element)
        if cell["value"] is None:
            formula = element.find(FORMULA_TAG)
            if formula is not None:
                cell["value"] = UnreadableCell("=" + (formula.text or ""), NO_RESULT)
        elif cell["data_type"] == "e":
            text = str(cell["value"])
            cell["value"] = UnreadableCell(text, Message("import.xlsx.error_value", value=text))
        return cell


class _Counted(io.RawIOBase):
    """A zip member that remembers how many bytes have been read from it (for progress)."""

    def __init__(self, raw) -> None:
        self._raw = raw
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        self.consumed += len(data)
        return len(data)


def check_zip(path: Path) -> None:
    """Refuse, before anything is decompressed, a workbook whose declared sizes do not fit
    the budgets, or that is not a workbook."""
    name = path.name
    size = path.stat().st_size
    if size > XLSX_MAX_BYTES:
        raise InputError(
            "import.xlsx.too_big",
            file=name,
            mb=size // (1024 * 1024),
            limit=XLSX_MAX_BYTES // (1024 * 1024),
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > XLSX_MAX_MEMBERS:
                raise InputError("import.xlsx.too_many_parts", file=name, parts=len(infos))
            total = 0
            for info in infos:
                total += info.file_size
                if total > XLSX_MAX_UNCOMPRESSED:
                    raise InputError(
                        "import.xlsx.unpacks_too_big",
                        file=name,
                        limit=XLSX_MAX_UNCOMPRESSED // (1024 * 1024),
                        part=info.filename,
                        mb=info.file_size // (1024 * 1024),
                    )
                if info.compress_size > size:
                    raise InputError("import.xlsx.bigger_than_file", file=name)
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > XLSX_RATIO_FLOOR and ratio > XLSX_MAX_RATIO:
                    raise InputError("import.xlsx.zip_bomb", file=name, ratio=ratio)
                held = not info.filename.startswith("xl/worksheets/")
                if held and info.file_size > XLSX_MAX_HELD:
                    raise InputError(
                        "import.xlsx.part_too_big",
                        file=name,
                        part=info.filename,
                        mb=info.file_size // (1024 * 1024),
                        limit=XLSX_MAX_HELD // (1024 * 1024),
                    )
            if "xl/workbook.xml" not in archive.namelist():
                raise InputError("import.xlsx.not_a_workbook", file=name)
    except (zipfile.BadZipFile, EOFError):
        raise InputError("import.xlsx.incomplete", file=name) from None


def xlsx_rows(path: Path, on_progress: Callable[[int, int], None]) -> Iterator[tuple[int, list]]:
    """(row number, values) of the first sheet, values placed at their columns (a row ends
    at its last cell present). on_progress(done, total) in bytes of the sheet's XML."""
    check_zip(path)
    name = path.name
    # Our own handle: openpyxl leaves its file open when a damaged workbook fails to load.
    handle = path.open("rb")
    try:
        with warnings.catch_warnings():  # "no default style" and the like: not the seller's
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, EOFError):
        handle.close()
        raise InputError(MISMATCH, file=name) from None
    except MemoryError:
        handle.close()
        raise InputError("import.xlsx.out_of_memory", file=name) from None
    except Exception:  # openpyxl raises many kinds for a damaged file
        handle.close()
        raise InputError("import.xlsx.cannot_open", file=name) from None
    try:
        if not book.worksheets:
            raise InputError("import.xlsx.no_sheet", file=name)
        sheet = next((ws for ws in book.worksheets if ws.title in DATA_SHEETS), book.worksheets[0])
        archive = book._archive
        total = archive.getinfo(sheet._worksheet_path).file_size
        cells_seen = 0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with archive.open(sheet._worksheet_path) as member:
                counted = _Counted(member)
                parser = _SheetParser(
                    io.BufferedReader(counted, 256 * 1024),
                    sheet._shared_strings,
                    data_only=True,
                    epoch=book.epoch,
                    date_formats=book._date_formats,
                    timedelta_formats=book._timedelta_formats,
                )
                try:
                    for number, cells in parser.parse():
                        on_progress(counted.consumed, total)
                        if not cells:
                            continue
                        width = max(cell["column"] for cell in cells)
                        if width > XLSX_MAX_COLUMNS:
                            raise InputError(
                                "import.xlsx.too_wide",
                                file=name,
                                row=number,
                                width=width,
                                limit=XLSX_MAX_COLUMNS,
                            )
                        cells_seen += width
                        if cells_seen > XLSX_MAX_CELLS:
                            raise InputError(
                                "import.xlsx.too_many_cells", file=name, limit=XLSX_MAX_CELLS
                            )
                        values: list[object] = [None] * width
                        for cell in cells:
                            values[cell["column"] - 1] = cell["value"]
                        yield number, values
                except (zipfile.BadZipFile, EOFError, ParseError):
                    raise InputError(MISMATCH, file=name) from None
                except (KeyError, IndexError, ValueError, TypeError, SyntaxError):
                    raise InputError("import.xlsx.unreadable_sheet", file=name) from None
    finally:
        book.close()
        handle.close()
