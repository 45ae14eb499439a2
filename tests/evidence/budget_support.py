"""Giant and hostile evidence inputs, built small on disk, and the real command line run
under a memory limit with its peak memory and time measured (tests and the benchmark)."""

from __future__ import annotations

import json
import os
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# pack of a normal case needs about 1.3 GB of address space (Qt, pdfium, worker threads);
# the giant inputs below would need 4-9 GB without their budgets
MEMORY_LIMIT = 2 * 1024**3


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    peak_mb: float  # ru_maxrss of the child
    seconds: float


# A small launcher starts the command line and reports its peak memory. The peak is taken
# in a fresh, small process: a child forked straight from the test process would count
# the test process's own pages (ru_maxrss keeps the high-water mark across exec).
_LAUNCHER = """
import json, os, resource, sys
limit, report = int(sys.argv[1]), sys.argv[2]
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
pid = os.posix_spawn(sys.executable, [sys.executable, "-m", "shopdesk", *sys.argv[3:]], os.environ)
_, status, usage = os.wait4(pid, 0)
with open(report, "w") as out:
    json.dump({"code": os.waitstatus_to_exitcode(status), "peak_kb": usage.ru_maxrss}, out)
"""


def run_cli(
    *args: str, limit: int = MEMORY_LIMIT, stdin=None, timeout: float = 900, env=None
) -> Run:
    """`python -m shopdesk ARGS` with its address space capped at `limit` bytes, its
    exit code, output, peak memory (ru_maxrss) and wall time. A run past `timeout`
    seconds is killed (code -9): a guard against a hang, not a measurement."""
    with tempfile.TemporaryDirectory(prefix="shopdesk-budget-") as folder:
        report = Path(folder) / "report.json"
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(limit), str(report), *args],
            stdin=stdin if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
            start_new_session=True,  # the launcher and the command line: one group to stop
        )
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
        seconds = time.perf_counter() - started
        result = json.loads(report.read_text()) if report.exists() else {}
    return Run(
        result.get("code", -9),
        out.decode(errors="replace"),
        err.decode(errors="replace"),
        result.get("peak_kb", 0) / 1024,
        seconds,
    )


# ---------------------------------------------------------------- the giant inputs


def pdf_with_page(path: Path, width_pt: float, height_pt: float, pages: int = 1) -> Path:
    """A tiny valid PDF whose pages are `width_pt` x `height_pt` points (200 inches is
    14400 points), with a line of text on each."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    font_ref = 3 + 2 * pages
    for i in range(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width_pt:g} {height_pt:g}] "
            f"/Contents {4 + 2 * i} 0 R /Resources << /Font << /F1 {font_ref} 0 R >> >> >>".encode()
        )
        text = f"BT /F1 12 Tf 72 {height_pt - 72:g} Td (Invoice page {i + 1}) Tj ET".encode()
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def png_dimension_bomb(path: Path, width: int, height: int) -> Path:
    """An RGB PNG of `width` x `height` black pixels: a few hundred KB that decode to
    width * height * 4 bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + 3 * width)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path


def gif_dimension_bomb(path: Path, width: int, height: int) -> Path:
    """A GIF whose screen and only frame claim `width` x `height` (a few bytes of data)."""
    path.write_bytes(
        b"GIF89a"
        + struct.pack("<HH", width, height)
        + b"\x80\x00\x00"  # a global colour table of 2 entries
        + b"\x00\x00\x00\xff\xff\xff"
        + b",\x00\x00\x00\x00"
        + struct.pack("<HH", width, height)
        + b"\x00\x02\x02D\x01\x00;"
    )
    return path


def jpeg_dimension_bomb(path: Path, width: int, height: int) -> Path:
    """A real small JPEG whose frame header is rewritten to claim `width` x `height`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 120, 40))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 90)
    data = bytearray(bytes(buffer.data()))
    at = data.index(b"\xff\xc0")  # SOF0: length(2) precision(1) height(2) width(2)
    data[at + 5 : at + 9] = struct.pack(">HH", height, width)
    path.write_bytes(bytes(data))
    return path


def chat_with_long_message(path: Path, characters: int) -> Path:
    """A PC-shape chat log: a greeting, then one buyer message of `characters` characters
    (written in blocks, never held twice)."""
    head = "小鹿乱撞1992 2026-11-20 10:01:02\n你好，耳机坏了\n\n小鹿乱撞1992 2026-11-20 10:02:00\n"
    tail = "\n\n小满家居生活馆:小美 2026-11-20 10:05:30\n亲，已经为您登记\n已读\n"
    block = "左耳没有声音，右耳有杂音。" * 1000  # 13,000 characters
    with open(path, "w", encoding="utf-8") as out:
        out.write(head)
        left = characters
        while left > 0:
            out.write(block[: min(left, len(block))])
            left -= len(block)
        out.write(tail)
    return path


def zip_with_declared_member(path: Path, member_bytes: int) -> Path:
    """A package-shaped zip whose manifest lists a member of `member_bytes` zeros: the
    deflated member is about a thousandth of that (2 GiB in about 2 MB)."""
    import hashlib

    digest = hashlib.sha256()
    chunk = b"\x00" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("originals/01-video.mp4", "w", force_zip64=True) as member:
            left = member_bytes
            while left > 0:
                piece = chunk[: min(left, len(chunk))]
                member.write(piece)
                digest.update(piece)
                left -= len(piece)
        manifest = {
            "format": "shopdesk-evidence-package",
            "format_version": 1,
            "files": [
                {
                    "path": "originals/01-video.mp4",
                    "kind": "video",
                    "role": "original",
                    "bytes": member_bytes,
                    "sha256": digest.hexdigest(),
                }
            ],
        }
        archive.writestr("manifest.json", json.dumps(manifest))
    return path
