"""Raw rows out of an export file, whatever it is: CSV in GB18030 or UTF-8 (with or without
BOM), or an .xlsx workbook (read-only, checked against zip bombs first). Rows are streamed;
the file is never held whole in memory."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from shopdesk.core.errors import InputError

SNIFF_BYTES = 64 * 1024
XLSX_MAX_UNCOMPRESSED = 512 * 1024 * 1024
XLSX_MAX_RATIO = 200
XLSX_RATIO_FLOOR = 10 * 1024 * 1024


@dataclass(frozen=True)
class RawRow:
    number: int  # 1-based, as the seller sees it in Excel (the header is row 1 or above)
    values: list[object]
    cut: bool = False  # the file ends in the middle of this row


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
    """A binary file that remembers how many bytes have been read (for progress)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
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
            self.size = path.stat().st_size
            with path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
        except OSError as error:
            raise InputError(f"{path.name}：无法读取文件（{error.strerror or error}）") from None
        if not head.strip():
            raise InputError(f"{path.name}：文件是空的")
        self.is_xlsx = head.startswith(b"PK\x03\x04")
        if self.is_xlsx:
            self.encoding = "xlsx"
        elif b"\x00" in head or head.startswith((b"\xd0\xcf\x11\xe0", b"%PDF")):
            raise InputError(
                f"{path.name}：不是文本表格文件（二进制内容），请选择平台导出的 CSV 或 xlsx"
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
        self._counter = _CountingReader(self.path.open("rb"))
        buffered = io.BufferedReader(self._counter, buffer_size=256 * 1024)
        text = io.TextIOWrapper(buffered, encoding=self.encoding, newline="")
        last_line = [""]

        def lines() -> Iterator[str]:
            for line in text:
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
                yield RawRow(number, list(pending), cut=_looks_cut(last_line[0]))
        except UnicodeDecodeError:
            raise InputError(
                f"{self.path.name}：文件编码无法识别（既不是 UTF-8 也不是 GBK），可能已损坏"
            ) from None
        except csv.Error as error:
            raise InputError(f"{self.path.name}：CSV 格式损坏（{error}）") from None
        finally:
            text.close()

    # XLSX --------------------------------------------------------------------------------

    def _check_zip(self) -> None:
        try:
            with zipfile.ZipFile(self.path) as archive:
                total = 0
                for info in archive.infolist():
                    total += info.file_size
                    ratio = info.file_size / max(info.compress_size, 1)
                    if info.file_size > XLSX_RATIO_FLOOR and ratio > XLSX_MAX_RATIO:
                        raise InputError(
                            f"{self.path.name}：Excel 文件内容异常（压缩比过高），已拒绝"
                        )
                if total > XLSX_MAX_UNCOMPRESSED:
                    raise InputError(f"{self.path.name}：Excel 文件解压后过大，已拒绝")
                if "xl/workbook.xml" not in archive.namelist():
                    raise InputError(f"{self.path.name}：不是 Excel 工作簿（xlsx）")
        except (zipfile.BadZipFile, EOFError):
            raise InputError(
                f"{self.path.name}：Excel 文件不完整或已损坏（可能下载中断）"
            ) from None

    def _xlsx_rows(self) -> Iterator[RawRow]:
        self._check_zip()
        import openpyxl  # imported here: CSV-only imports never pay for it

        try:
            book = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise InputError(
                f"{self.path.name}：Excel 文件无法打开（{type(error).__name__}）"
            ) from None
        try:
            sheet = book.worksheets[0]
            self._xlsx_total = sheet.max_row or 0
            try:
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    self._xlsx_done = number
                    yield RawRow(number, list(values))
            except (zipfile.BadZipFile, EOFError, KeyError, ValueError) as error:
                raise InputError(
                    f"{self.path.name}：Excel 文件读到一半出错（{type(error).__name__}）"
                ) from None
        finally:
            book.close()


def _looks_cut(last_line: str) -> bool:
    """Whether the file stops in the middle of its last row: no line end, and either an
    open quote or a last field that does not end where fields end."""
    if last_line.endswith(("\n", "\r")):
        return False
    if last_line.count('"') % 2:
        return True
    stripped = last_line.rstrip()
    return stripped.startswith(('"', '="')) and not stripped.endswith(('"', ","))
