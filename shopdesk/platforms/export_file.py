"""Platform exports -> parsed records and a list of problems. No SQL here.

export = open_export(path)          # InputError if the file cannot be used at all
for record in export.records():     # ParsedOrder | ParsedLine | ParsedRefund
    ...
export.problems                     # rows skipped, with file, row, column, value, reason
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message
from shopdesk.domain.timeutil import china_to_text, to_text
from shopdesk.importers.layouts import ExportKind, Layout
from shopdesk.importers.records import ParsedLine, ParsedOrder, ParsedRefund, PlatformEvent, Problem
from shopdesk.importers.rows import RowError
from shopdesk.importers.source import ExportSource, RawRow
from shopdesk.platforms.detect import guess_kind, read_layout, supported_titles
from shopdesk.platforms.registry import get as platform

__all__ = [
    "ExportFile",
    "ExportKind",
    "ParsedLine",
    "ParsedOrder",
    "ParsedRefund",
    "PlatformEvent",
    "Problem",
    "export_stamp",
    "open_export",
]

HEADER_SEARCH_ROWS = 5
# a whole run of digits: a stamp is never read out of a longer run (a random hex token)
_STAMP = re.compile(r"(?<!\d)(20\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?(?!\d)")
_DASHED = re.compile(r"(20\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)-(\d\d)")
_EPOCH = re.compile(r"^(1[5-9]\d{8})_")  # unix seconds, then a token
Record = ParsedOrder | ParsedLine | ParsedRefund


def export_stamp(file_name: str) -> str | None:
    """The export time in a platform file name, as UTC text: China time written out
    (`ExportOrderList202406181420.csv`, `售后单导出-2026-11-28-09-30-00.xlsx`) or unix
    seconds before a token (`1795826400_3edeb47b86bdb5b9.csv`); None when it carries none.
    Of several digit runs the last one that is a time counts (`<32 hex>_20240615235138.xlsx`:
    the token may hold digits, the stamp comes last)."""
    epoch = _EPOCH.match(file_name)
    if epoch:
        return to_text(datetime.fromtimestamp(int(epoch.group(1)), tz=UTC))
    dashed = _DASHED.search(file_name)
    # the last stamp: a token before it may hold digits (Pinduoduo's `<32 hex>_<stamp>`)
    for match in [dashed] if dashed else reversed(list(_STAMP.finditer(file_name))):
        parts = [int(part) for part in match.groups(default="0")]
        try:
            return china_to_text(datetime(*parts))
        except ValueError:
            continue
    return None


def _blank(values: list[object]) -> bool:
    if values and type(values[0]) is str and values[0].strip():
        return False
    return all(value is None or str(value).strip() == "" for value in values)


def _joined(values: list[object]) -> str:
    return ",".join("" if value is None else str(value) for value in values)[:80]


class ExportFile:
    """An export opened and recognised: `kind`, `layout`, `encoding`, `exported_at`; its
    records are streamed by `records()`, which fills `problems` and counts `rows`."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.source = ExportSource(self.path)
        self.encoding = self.source.encoding
        self.exported_at = export_stamp(self.path.name)
        self.problems: list[Problem] = []
        # cells left empty (a mangled tracking number), their rows imported
        self.cleared: list[Problem] = []
        self.rows = 0
        self._raw = self.source.rows()
        self.layout = self._find_header()

    @property
    def kind(self) -> ExportKind:
        return self.layout.kind

    @property
    def platform(self) -> str:
        return self.layout.platform

    @property
    def name(self) -> str:
        return self.path.name

    def progress(self) -> tuple[int, int]:
        return self.source.progress()

    def close(self) -> None:
        self._raw.close()

    def _find_header(self) -> Layout:
        seen = 0
        for raw in self._raw:
            if _blank(raw.values):
                continue
            seen += 1
            if guess_kind(raw.values) is not None or seen >= HEADER_SEARCH_ROWS:
                return read_layout(raw.values, self.name)
        self.close()
        if seen:
            raise InputError("import.not_an_export", file=self.name, supported=supported_titles())
        raise InputError("import.empty_file", file=self.name)

    def _problem(self, raw: RawRow, column: str, value: object, reason: str) -> None:
        text = "" if value is None else str(value)
        self.problems.append(Problem(self.name, raw.number, column, text, reason))

    def _fits(self, raw: RawRow) -> bool:
        """Whether a row has the header's columns. In a workbook a missing trailing cell
        is an empty one (writers omit them); in a CSV a row is short only when the file
        stops in it (its last line) or when something broke it."""
        width = self.layout.width
        values = raw.values
        if len(values) == width and not raw.cut:
            return True  # the common row: exactly the header's columns
        if len(values) < width and self.source.is_xlsx:
            values.extend([None] * (width - len(values)))
        elif raw.cut or (raw.unterminated and len(values) < width):
            self._problem(raw, "", _joined(values), CUT_OFF)
            return False
        elif len(values) < width:
            missing = width - len(values)
            self._problem(
                raw,
                "",
                _joined(values),
                Message("import.row_short", missing=missing, width=width, have=len(values)),
            )
            return False
        # A workbook's cells sit in their own columns: content past the header is under
        # columns without a name (JD's 2021 layout has 17, their empty header cells not
        # stored), never a row shifted by a stray separator.
        declared = max(width, self.layout.declared_width)
        if len(values) > width and not self.source.is_xlsx and not _blank(values[declared:]):
            self._problem(
                raw,
                "",
                _joined(values[declared:]),
                Message("import.row_long", width=declared),
            )
            return False
        return True

    def records(self) -> Iterator[Record]:
        """Parsed records in file order. Rows that cannot be trusted are left out and listed
        in `problems`. InputError if the file holds no data row at all, or when every data
        row was left out (the file is not usable: nothing of it is imported)."""
        parse = platform(self.layout.platform).parser(self.layout)
        # A grouped parser (Douyin's: one 主订单 from several rows) returns the records it
        # has completed, none or several, and the rest from finish().
        grouped = getattr(parse, "grouped", False)
        try:
            for raw in self._raw:
                if _blank(raw.values):
                    continue
                self.rows += 1
                if not self._fits(raw):
                    continue
                try:
                    record = parse(raw.number, raw.values)
                except RowError as error:
                    self._problem(raw, error.column, error.value, error.reason)
                    continue
                if grouped:
                    for completed in record:  # none, or the rows of the 主订单 before
                        if completed.notes:
                            self._clear(completed)
                        yield completed
                    continue
                if type(record) is not ParsedLine and record.notes:
                    self._clear(record)
                yield record
            if grouped:
                yield from self._noted(parse.finish())
        finally:
            self.close()
        if self.rows == 0:
            raise InputError("import.header_only", file=self.name)
        if len(self.problems) == self.rows:
            raise InputError(all_skipped_message(self.name, self.problems))

    def _clear(self, record: ParsedOrder | ParsedRefund) -> None:
        """Cells left empty in an imported record (a waybill Excel rounded), reported."""
        self.cleared.extend(
            Problem(self.name, record.row, note.column, note.value, note.reason)
            for note in record.notes
        )

    def _noted(self, records: list[ParsedOrder]) -> list[ParsedOrder]:
        for record in records:
            if record.notes:
                self._clear(record)
        return records


CUT_OFF = Message("import.cut_off")


def all_skipped_message(name: str, problems: list[Problem]) -> Message:
    """One line for a file none of whose rows can be imported: its most common reason."""
    reasons = Counter((problem.column, problem.reason) for problem in problems).most_common(1)
    (column, reason), count = reasons[0]
    where = Message("import.in_column", column=column) if column else ""
    return Message(
        "import.all_skipped", file=name, rows=len(problems), n=count, where=where, reason=reason
    )


def open_export(path: Path | str) -> ExportFile:
    """Open and recognise an export file (InputError if it is not one ShopDesk can use)."""
    return ExportFile(path)
