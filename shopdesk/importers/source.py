"""Raw rows out of an export file, whatever it is: CSV in GB18030 or UTF-8 (with or without
BOM), or an .xlsx workbook (read-only, checked against zip bombs first). Rows are streamed;
the file is never held whole in memory."""

from __future__ import annotations

import codecs
import csv
import errno
import io
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, NamedTuple

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message

SNIFF_BYTES = 64 * 1024
# Budgets checked before the work: a 100,000-order report is about 60 MB; a line holds one
# row (a 100,000-column header is under 1 MB); csv's own field limit is 131,072 characters.
CSV_MAX_BYTES = 1024 * 1024 * 1024
CSV_MAX_LINE = 4 * 1024 * 1024
CSV_FIELD_LIMIT = 131_072
_OPEN_ERRORS = {
    errno.ENOENT: "import.open.not_found",
    errno.EACCES: "import.open.no_permission",
    errno.EPERM: "import.open.no_permission",
    errno.EISDIR: "import.open.a_folder",
    errno.ELOOP: "import.open.link_loop",
    errno.ENAMETOOLONG: "import.open.name_too_long",
}


class RawRow(NamedTuple):
    number: int  # 1-based, as the seller sees it in Excel (the header is row 1 or above)
    values: list[object]
    cut: bool = False  # the file ends in the middle of this row
    unterminated: bool = False  # the last row of a file that does not end with a line end


def detect_encoding(head: bytes) -> str:
    """'utf-8-sig' (BOM), 'utf-8' (decodes cleanly) or 'gb18030' (the GBK family)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8"


class _CountingReader(io.RawIOBase):
    """A binary text file that remembers how many bytes have been read (for progress) and
    refuses the file at the first NUL byte, which no text export holds (a file padded
    with zeros, a download that stopped while the disk was preallocated)."""

    def __init__(self, raw: IO[bytes], name: str) -> None:
        self._raw = raw
        self._name = name
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        if b"\x00" in data:
            at = self.consumed + data.index(b"\x00")
            raise InputError("import.nul_bytes", file=self._name, at=at)
        buffer[: len(data)] = data
        self.consumed += len(data)
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


class ExportSource:
    """One export file opened for reading. `rows()` yields RawRows; `progress()` tells how
    far (0..total) the reading has got."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                kind = "folder" if stat.S_ISDIR(info.st_mode) else "device"
                raise InputError(f"import.open.{kind}", file=path.name)
            self.size = info.st_size
            with path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
        except OSError as error:
            why = Message(_OPEN_ERRORS.get(error.errno or 0, "import.open.unreadable"))
            raise InputError("import.open.failed", file=path.name, reason=why) from None
        if not head.strip():
            raise InputError("import.empty_file", file=path.name)
        self.is_xlsx = head.startswith(b"PK\x03\x04")
        if self.is_xlsx:
            self.encoding = "xlsx"
        elif b"\x00" in head or head.startswith((b"\xd0\xcf\x11\xe0", b"%PDF")):
            raise InputError("import.binary", file=path.name)
        elif self.size > CSV_MAX_BYTES:
            raise InputError(
                "import.csv_too_big",
                file=path.name,
                mb=self.size // (1024 * 1024),
                limit=CSV_MAX_BYTES // (1024 * 1024),
            )
        else:
            self.encoding = detect_encoding(head)
        self._counter: _CountingReader | None = None
        self._xlsx_done = 0
        self._xlsx_total = 0

    def progress(self) -> tuple[int, int]:
        if self.is_xlsx:
            return self._xlsx_done, max(self._xlsx_total, self._xlsx_done)
        return (self._counter.consumed if self._counter else 0), self.size

    def rows(self) -> Iterator[RawRow]:
        return self._xlsx_rows() if self.is_xlsx else self._csv_rows()

    # CSV ---------------------------------------------------------------------------------

    def _csv_rows(self) -> Iterator[RawRow]:
        name = self.path.name
        self._counter = _CountingReader(self.path.open("rb"), name)
        buffered = io.BufferedReader(self._counter, buffer_size=256 * 1024)
        text = io.TextIOWrapper(buffered, encoding=self.encoding, newline="")
        last_line = [""]
        line_count = [0]

        def lines() -> Iterator[str]:
            readline = text.readline
            while line := readline(CSV_MAX_LINE):
                line_count[0] += 1
                if len(line) == CSV_MAX_LINE and not line.endswith(("\n", "\r")):
                    raise InputError(
                        "import.line_too_long", file=name, line=line_count[0], limit=CSV_MAX_LINE
                    )
                last_line[0] = line
                yield line

        try:
            reader = csv.reader(lines(), strict=False)
            number = 0
            pending: list[str] | None = None
            for values in reader:
                if pending is not None:
                    yield RawRow(number, list(pending))
                number += 1
                pending = values
            if pending is not None:
                ended = last_line[0].endswith(("\n", "\r"))
                yield RawRow(
                    number, list(pending), cut=_looks_cut(last_line[0]), unterminated=not ended
                )
        except UnicodeDecodeError:
            raise InputError("import.encoding", file=name) from None
        except csv.Error as error:
            raise InputError(_csv_error(name, line_count[0], error)) from None
        finally:
            text.close()

    # XLSX --------------------------------------------------------------------------------

    def _xlsx_rows(self) -> Iterator[RawRow]:
        from shopdesk.importers.xlsx import xlsx_rows  # CSV-only imports never load it

        def progress(done: int, total: int) -> None:
            self._xlsx_done, self._xlsx_total = done, total

        for number, values in xlsx_rows(self.path, progress):
            yield RawRow(number, values)


def _csv_error(name: str, line: int, error: csv.Error) -> Message:
    if "field larger than field limit" in str(error):
        return Message("import.csv_field_too_long", file=name, line=line, limit=CSV_FIELD_LIMIT)
    return Message("import.csv_broken", file=name, line=line)


def _looks_cut(last_line: str) -> bool:
    """Whether the file stops in the middle of its last row: no line end, and either an
    open quote or a last field that does not end where fields end."""
    if last_line.endswith(("\n", "\r")):
        return False
    if last_line.count('"') % 2:
        return True
    stripped = last_line.rstrip()
    return stripped.startswith(('"', '="')) and not stripped.endswith(('"', ","))
