"""The hostile corpus: files a seller might feed ShopDesk by mistake, or that a damaged
disk, a wrong export or a malicious buyer could produce.

    python tools/make_hostile_corpus.py          # (re)writes the small files in tests/hostile/
    make_large(folder)                           # the big ones, built at test time into tmp

The small files are committed (each under 128 KB); the huge ones (a 20 MB field, a row of
100,000 columns, a 1-million-line file, deeply nested JSON) and the symlinks / `..` paths
are made by the tests in a temporary folder so the repository stays small and portable.
Deterministic: the same script gives the same bytes.
"""

from __future__ import annotations

import io
import random
import sqlite3
import struct
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "hostile"

TAOBAO_HEADER = (
    "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,总金额,买家实际支付金额,"
    "订单状态,买家留言,收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间,宝贝标题,"
    "宝贝种类,物流单号,物流公司,订单备注,宝贝总数量"
)
ROW = (
    "3515313147329357900,tb_橙子味的夏天,**,39.00,0.00,39.00,39.00,卖家已发货,,张伟,"
    "广东省 深圳市 南山区 科技园 1 号,138****1111,2024-06-18 10:00:00,2024-06-18 10:01:00,"
    "北欧风陶瓷马克杯,1,7312345678901,中通快递,,1"
)
CHAT_PC = (
    "小满家居生活馆:2024-06-18 10:00:00\n亲，在的\ntb_橙子味的夏天:2024-06-18 10:01:00\n杯子裂了\n"
)


def _png(width: int, height: int, idat: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _small_png() -> bytes:
    raw = b"".join(b"\x00" + bytes([x * 8 % 256 for x in range(32)]) for _ in range(32))
    return _png(32, 32, zlib.compress(raw))


def _small_jpeg() -> bytes:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 80)
    return bytes(data.data())


def _zip(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression, compresslevel=9) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _xlsx_parts(sheet_xml: bytes) -> dict[str, bytes]:
    return {
        "[Content_Types].xml": (
            b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            b'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            b'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            b'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            b'spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            b'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" '
            b'r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            b'Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }


def _real_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(TAOBAO_HEADER.split(","))
    sheet.append(ROW.split(","))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sqlite_file(setup: str) -> bytes:
    path = FOLDER / ".tmp-build.db"
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(setup)
    conn.close()
    data = path.read_bytes()
    path.unlink()
    return data


def small_files() -> dict[str, bytes]:
    rng = random.Random(9)
    header = TAOBAO_HEADER + "\n"
    files: dict[str, bytes] = {
        # -- export files (CSV / xlsx) that are not usable exports
        "empty.csv": b"",
        "whitespace-only.csv": b"   \r\n\t\n\n",
        "bom-only.csv": b"\xef\xbb\xbf",
        "utf16le-with-bom.csv": b"\xff\xfe" + (header + ROW).encode("utf-16-le"),
        "utf16be-no-bom.csv": (header + ROW).encode("utf-16-be"),
        "shift-jis.csv": "注文番号,購入者,金額\n1,山田太郎,1000\n".encode("shift_jis"),
        "big5-header.csv": "訂單編號,買家會員名,總金額\n1,王小明,100\n".encode("big5"),
        "latin1-mojibake.csv": header.encode("gb18030").decode("latin-1").encode("utf-8"),
        "gbk-header-utf8-rows.csv": header.encode("gb18030") + ROW.encode("utf-8"),
        "random-binary.csv": bytes(rng.randrange(256) for _ in range(4096)),
        "nul-bytes.csv": header.encode() + b"\x00" * 64 + ROW.encode(),
        "pdf-named-csv.csv": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
        "old-excel-xls.csv": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
        "html-table.xls": "<html><table><tr><td>订单编号</td></tr></table></html>".encode(),
        "valid-with-truncated-last-row.csv": (
            header + ROW + '\n"3515313147329357901,"tb_'
        ).encode(),
        "unclosed-quote.csv": (header + '"' + ROW + "\n" + ROW * 20).encode(),
        "header-only.csv": header.encode("utf-8-sig"),
        "only-commas.csv": b",,,,,,,,\n,,,,,,,,\n",
        "valid-with-cr-line-endings.csv": (header + ROW).replace("\n", "\r").encode(),
        "formula-order-numbers.csv": (
            header + ROW.replace("3515313147329357900", '=HYPERLINK("http://x")') + "\n"
        ).encode(),
        "bank-statement.csv": "交易日期,摘要,收入,支出,余额\n2024-06-18,转账,100,,1000\n".encode(),
        "duplicate-headers.csv": ("订单编号,订单编号,订单编号\n1,2,3\n").encode(),
        "valid-with-control-characters.csv": (
            header + ROW.replace("张伟", "张\x1b[31m伟\x07")
        ).encode(),
        "valid-with-bidi-override.csv": (header + ROW.replace("张伟", "\u202e伟张\u202c")).encode(),
        # -- xlsx that are not what they claim
        "zip-not-xlsx.xlsx": _zip({"readme.txt": "不是表格".encode()}),
        "empty-zip.xlsx": _zip({}),
        "text-named-xlsx.xlsx": "订单编号,买家会员名\n".encode(),
        "truncated.xlsx": _real_xlsx()[:1500],
        "encrypted-ole.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048,
        "zip-bomb.xlsx": _zip(_xlsx_parts(b"<" + b"\x20" * (100 * 1024 * 1024) + b">")),
        "billion-laughs.xlsx": _zip(
            _xlsx_parts(
                b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                + b"".join(
                    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'.encode()
                    for i in range(1, 10)
                )
                + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                b'main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is>'
                b"</c></row></sheetData></worksheet>"
            )
        ),
        "dotdot-entries.xlsx": _zip(
            {**_xlsx_parts(b"<worksheet/>"), "../../../evil.txt": b"x", "/etc/evil": b"y"}
        ),
        # -- images
        "truncated.jpg": _small_jpeg()[:300],
        "truncated.png": _small_png()[:60],
        "png-dimension-bomb.png": _png(60000, 60000, zlib.compress(b"\x00" * 60001 * 8)),
        "gif-dimension-bomb.gif": b"GIF89a"
        + struct.pack("<HH", 65535, 65535)
        + b"\x00\x00\x00"
        + b",\x00\x00\x00\x00"
        + struct.pack("<HH", 65535, 65535)
        + b"\x00\x02\x02D\x01\x00;",
        "zero-byte.jpg": b"",
        "text-named-jpg.jpg": "这是一段文字，不是照片".encode(),
        "jpeg-header-garbage.jpg": b"\xff\xd8\xff\xe0"
        + bytes(rng.randrange(256) for _ in range(2048)),
        "bmp-huge-header.bmp": b"BM"
        + struct.pack("<IHHI", 0, 0, 0, 54)
        + struct.pack("<IiiHHIIiiII", 40, 100000, 100000, 1, 24, 0, 0, 0, 0, 0, 0),
        # -- chat logs
        "chat-mixed-utf8-gbk.txt": CHAT_PC.encode("utf-8")
        + "买家:2024-06-18 10:02:00\n我要退款\n".encode("gb18030"),
        "chat-utf16-no-bom.txt": CHAT_PC.encode("utf-16-le"),
        "chat-binary.txt": bytes(rng.randrange(256) for _ in range(3000)),
        "chat-empty.txt": b"",
        "chat-only-timestamps.txt": b"2024-06-18 10:00:00\n" * 50,
        "chat-invisible-characters.txt": CHAT_PC.replace(
            "亲", "\u200b\u200d\ufeff亲\u202e"
        ).encode(),
        "chat-impossible-dates.txt": "小满家居生活馆:2024-13-45 25:61:99\n你好\n".encode(),
        # -- template files
        "templates-not-a-list.json": b'{"id": "x"}',
        "templates-wrong-types.json": b'[{"id": 5, "texts": "not a dict", "tags": [1, 2]}]',
        "templates-bad.csv": "phrase,lang,limit\n您好,xx,abc\n".encode("utf-16"),
        # -- store files
        "store-text.db": "这不是数据库".encode() * 100,
        "store-truncated.db": _sqlite_file(
            "CREATE TABLE t(x); INSERT INTO t VALUES (randomblob(9000));"
        )[:1024],
        "store-other-app.db": _sqlite_file(
            "CREATE TABLE accounts(id INTEGER PRIMARY KEY, pw TEXT);"
        ),
        "store-header-garbage.db": b"SQLite format 3\x00"
        + bytes(rng.randrange(256) for _ in range(4080)),
    }
    return files


def make_large(folder: Path) -> list[Path]:
    """The big hostile files, built in `folder` (a temporary one) at test time."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {
        "huge-field.csv": TAOBAO_HEADER.encode()
        + b"\n"
        + ROW.replace("北欧风陶瓷马克杯", "杯" * (7 * 1024 * 1024)).encode(),
        "huge-line-no-commas.csv": b"A" * (8 * 1024 * 1024),
        "row-of-100000-columns.csv": TAOBAO_HEADER.encode()
        + b","
        + b",".join(b"c%d" % i for i in range(100_000))
        + b"\n"
        + ROW.encode()
        + b"," * 100_000,
        "million-empty-lines.csv": TAOBAO_HEADER.encode() + b"\n" * 1_000_000,
        "chat-huge-line.txt": CHAT_PC.encode() + "啊".encode() * (4 * 1024 * 1024),
        "templates-deep-nesting.json": b"[" * 200_000 + b"]" * 200_000,
    }
    paths = []
    for name, data in made.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, data in small_files().items():
        assert len(data) < 128 * 1024, (name, len(data))
        (FOLDER / name).write_bytes(data)
    print(f"{len(small_files())} files in {FOLDER}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
