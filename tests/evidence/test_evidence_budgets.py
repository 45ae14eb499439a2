"""Giant and hostile evidence inputs, each fed to the real command line under a memory
limit: a one-line Chinese refusal naming the file (exit 2), never a MemoryError or a
traceback, and nothing written. A long chat message goes on across marked pages."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from budget_support import (
    MEMORY_LIMIT,
    chat_with_long_message,
    gif_dimension_bomb,
    jpeg_dimension_bomb,
    pdf_with_page,
    png_dimension_bomb,
    run_cli,
    zip_with_declared_member,
)

from shopdesk.platforms.chatlog import ChatMessage
from shopdesk.store.store import Store

CASE = "9"


@pytest.fixture
def demo_db(tmp_path, demo_template):
    target = tmp_path / "demo.db"
    shutil.copyfile(demo_template, target)
    return target


def _store_bytes(db: Path) -> tuple[str, list[str]]:
    files = sorted(p.name for p in Path(f"{db}.files").rglob("*") if p.is_file())
    return hashlib.sha256(db.read_bytes()).hexdigest(), files


def assert_refused(run, *names: str) -> str:
    """Exit 2 with one line of Chinese on stderr naming each of `names`."""
    assert run.code == 2, (run.code, run.stderr[-2000:])
    assert "Traceback" not in run.stderr and "MemoryError" not in run.stderr
    (line,) = run.stderr.strip().splitlines()
    assert line.startswith("shopdesk: ") and any("\u4e00" <= c <= "\u9fff" for c in line)
    for name in names:
        assert name in line, line
    return line


def add(db: Path, path: Path, kind: str):
    return run_cli("evidence", "add", CASE, str(path), "--kind", kind, "--db", str(db))


def pack(db: Path, out: Path, profile: str = "taobao-refund"):
    return run_cli("pack", CASE, "--profile", profile, "--out", str(out), "--db", str(db))


# ---------------------------------------------------------------- PDF pages


def test_a_tiny_pdf_with_a_200_inch_page_is_refused_before_rendering(tmp_path, demo_db):
    # the memory limit is not what refuses: an ordinary invoice packs well within it
    invoice = pdf_with_page(tmp_path / "发票.pdf", 595, 842, pages=3)
    assert add(demo_db, invoice, "invoice").code == 0
    ordinary = pack(demo_db, tmp_path / "ordinary")
    assert ordinary.code == 0, ordinary.stderr
    assert ordinary.peak_mb * 1024**2 < MEMORY_LIMIT / 4
    poster = pdf_with_page(tmp_path / "海报.pdf", 14400, 14400)  # 200 x 200 inches
    assert poster.stat().st_size < 1000
    assert add(demo_db, poster, "invoice").code == 0
    out = tmp_path / "out"
    line = assert_refused(pack(demo_db, out), "海报.pdf", "第 1 页", "508×508 厘米")
    assert "太大" in line
    assert not out.exists()


def test_huge_pages_are_drawn_at_a_lower_resolution_within_the_pixel_budget(gui, tmp_path):
    from shopdesk.evidence import budgets, pdfpages

    # 60 x 60 inches: 81 MP at 150 dpi, over the page budget; drawn at about 105 dpi
    (page,) = pdfpages.render_pages(pdf_with_page(tmp_path / "图纸.pdf", 4320, 4320))
    assert page.width() * page.height() <= budgets.PDF_PAGE_MAX_PIXELS
    assert page.width() > 60 * budgets.PDF_MIN_DPI
    assert pdfpages.text_px([page]) == pytest.approx(10 / 72 * page.width() / 60, rel=0.01)
    # 50 A3 pages are 218 MP at 150 dpi: all drawn a little smaller, all kept
    pages = pdfpages.render_pages(pdf_with_page(tmp_path / "报告.pdf", 842, 1191, pages=50))
    assert len(pages) == 50
    assert sum(p.width() * p.height() for p in pages) <= budgets.PDF_DOCUMENT_MAX_PIXELS
    # an A4 invoice is still drawn at 150 dpi
    (a4,) = pdfpages.render_pages(pdf_with_page(tmp_path / "发票.pdf", 595, 842))
    assert (a4.width(), a4.height()) == pytest.approx((1240, 1754), abs=2)
    assert pdfpages.text_px([a4]) == pytest.approx(pdfpages.TEXT_PX_AT_DPI, rel=0.01)


# ---------------------------------------------------------------- images


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("炸弹.png", lambda p: png_dimension_bomb(p, 15000, 15000)),  # 900 MB decoded
        ("炸弹.gif", lambda p: gif_dimension_bomb(p, 16000, 16000)),
        ("炸弹.jpg", lambda p: jpeg_dimension_bomb(p, 65000, 65000)),
    ],
)
def test_dimension_bomb_images_are_refused_before_decoding(tmp_path, demo_db, name, make):
    bomb = make(tmp_path / name)
    assert bomb.stat().st_size < 1024**2
    assert add(demo_db, bomb, "photo").code == 0  # a file like any other until it is read
    out = tmp_path / "out"
    line = assert_refused(pack(demo_db, out), name, "像素")
    assert "超过可读取的上限" in line
    assert not out.exists()


def test_a_large_jpeg_is_decoded_at_a_reduced_size_not_refused(gui, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from shopdesk.evidence import budgets
    from shopdesk.evidence.fitting import load_image

    image = QImage(9000, 8000, QImage.Format.Format_RGB32)  # 72 MP: over the full budget
    image.fill(QColor(90, 140, 200))
    path = tmp_path / "全景.jpg"
    assert image.save(str(path), "JPG", 80)
    del image
    decoded = load_image(path)  # no size asked for: still within the decode budget
    assert decoded.width() * decoded.height() <= budgets.DECODE_MAX_PIXELS
    assert decoded.width() / decoded.height() == pytest.approx(9000 / 8000, rel=0.01)


def test_an_image_too_long_for_jpeg_is_refused_with_a_reason(gui):
    from PySide6.QtGui import QColor, QImage

    from shopdesk.evidence.fitting import FitError, fit_image

    tall = QImage(600, 66000, QImage.Format.Format_RGB32)  # a scrolling screenshot
    tall.fill(QColor(240, 240, 240))
    with pytest.raises(FitError, match="长截图.png：.*65,500"):
        fit_image(tall, 10_000_000, formats=("jpg",), label="长截图.png")


# ---------------------------------------------------------------- chat logs


def test_a_100000_character_message_is_refused_with_its_page_count(tmp_path, demo_db):
    chat = chat_with_long_message(tmp_path / "长消息.txt", 100_000)
    added = run_cli("evidence", "chat", CASE, str(chat), "--db", str(demo_db))
    assert added.code == 0, added.stderr
    out = tmp_path / "out"
    line = assert_refused(pack(demo_db, out), "长消息.txt", "页图片", "只勾选相关的消息")
    assert "超过上限 60 页" in line
    assert not out.exists()


def test_a_50_million_character_chat_log_is_refused_before_parsing(tmp_path, demo_db):
    chat = chat_with_long_message(tmp_path / "巨大.txt", 50_000_000)
    before = _store_bytes(demo_db)
    line = assert_refused(run_cli("evidence", "chat", CASE, str(chat), "--db", str(demo_db)),
                          "巨大.txt", "8.0 MB")  # fmt: skip
    assert "上限" in line
    assert _store_bytes(demo_db) == before


def test_a_stored_chat_over_the_render_budget_is_refused_before_layout(tmp_path, demo_db):
    """A chat kept by an earlier version (no budget at add): refused when packing."""
    from shopdesk.platforms import chatlog
    from shopdesk.store import evidence_repo

    messages = [ChatMessage("林间小鹿", "2026-11-20T02:01:00Z", "耳机坏了" * 500_000)]
    with Store.open(demo_db) as store:
        evidence_repo.add_bytes(
            store, int(CASE), b"old chat", "旧聊天.txt", "chat",
            extra={"messages": chatlog.to_data(messages), "picked": [0]},
        )  # fmt: skip
    out = tmp_path / "out"
    line = assert_refused(pack(demo_db, out), "旧聊天.txt", "2,000,004 个字")
    assert "上限 150,000 字" in line


def test_chat_logs_over_the_message_or_character_budget_are_refused_at_add(tmp_path, demo_db):
    many = tmp_path / "很多消息.txt"
    many.write_text(
        "".join(f"小鹿乱撞1992 2026-11-20 10:{i // 60 % 60:02d}:{i % 60:02d}\n在吗{i}\n\n"
                for i in range(20_001)),
        encoding="utf-8",
    )  # fmt: skip
    wide = tmp_path / "很多字.txt"
    wide.write_text("小鹿乱撞1992 2026-11-20 10:01:02\n" + "a" * 3_100_000 + "\n", encoding="utf-8")
    before = _store_bytes(demo_db)
    for path, reason in ((many, "20,001 条消息"), (wide, "个字符")):
        assert_refused(run_cli("evidence", "chat", CASE, str(path), "--db", str(demo_db)),
                       path.name, reason)  # fmt: skip
    assert _store_bytes(demo_db) == before


def test_a_long_message_goes_on_across_pages_with_a_visible_mark(tmp_path, demo_db):
    from PySide6.QtGui import QImage

    chat = chat_with_long_message(tmp_path / "投诉.txt", 3000)
    assert run_cli("evidence", "chat", CASE, str(chat), "--db", str(demo_db)).code == 0
    packed = run_cli("pack", CASE, "--profile", "taobao-refund", "--out", str(tmp_path / "out"),
                     "--db", str(demo_db), "--json")  # fmt: skip
    assert packed.code == 0, packed.stderr
    uploads = [u["path"] for u in json.loads(packed.stdout)["upload"]]
    chats = [u for u in uploads if "-chat-" in u]
    assert len(chats) >= 3  # 3,000 characters do not fit one 2000-px page
    package = Path(json.loads(packed.stdout)["package"])
    for name in chats:
        image = QImage()
        assert image.loadFromData((package / name).read_bytes())
        assert image.width() >= 600 and image.height() <= 2000


def test_the_continuation_marks_are_drawn_and_no_line_is_lost(gui, monkeypatch):
    from shopdesk.evidence import chatrender

    long_text = "".join(f"第{i}句话左耳没有声音。" for i in range(400))
    messages = [
        ChatMessage("林间小鹿", "2026-11-20T02:01:00Z", "你好，耳机坏了"),
        ChatMessage("林间小鹿", "2026-11-20T02:02:00Z", long_text),
        ChatMessage("店:小美", "2026-11-20T02:05:00Z", "亲，已经为您登记", is_seller=True),
    ]
    pages = chatrender.render_chat(messages, order_no="1")
    assert len(pages) >= 3
    assert [(p.first, p.last) for p in pages][:2] == [(0, 1), (1, 1)]
    assert pages[-1].last == 2
    assert all(p.image.height() <= chatrender.MAX_PAGE_HEIGHT for p in pages)
    # the marks: the same pages without them differ only where they are drawn
    monkeypatch.setattr(chatrender, "CONTINUES", "")
    monkeypatch.setattr(chatrender, "CONTINUED", "")
    unmarked = chatrender.render_chat(messages, order_no="1")
    assert [p.image.size() for p in unmarked] == [p.image.size() for p in pages]
    assert all(a.image != b.image for a, b in list(zip(pages, unmarked, strict=True))[:2])
    # every line of the long message is drawn once: its text is all there, in order
    renderer = chatrender._Renderer(chatrender.WIDTH)
    room = chatrender.MAX_PAGE_HEIGHT - renderer.header_height() - chatrender.MARGIN
    pieces = [p for p in renderer.pieces(1, messages[1], room, room) if p is not None]
    layout = pieces[0].layout
    drawn = "".join(
        layout.text()[layout.lineAt(i).textStart() :][: layout.lineAt(i).textLength()]
        for piece in pieces
        for i in piece.lines
    )
    assert drawn == long_text
    assert [p.continues for p in pieces] == [True] * (len(pieces) - 1) + [False]


def test_a_one_image_destination_gets_no_image_taller_than_jpeg_allows(gui):
    """The whole chat as one image, unless that would be taller than a JPEG can be (it
    was: `cannot encode jpg`); then pages, which the count limit reports by name."""
    from shopdesk.evidence import budgets, chatrender

    messages = [
        ChatMessage("林间小鹿", f"2026-11-20T02:{i % 60:02d}:00Z", f"第 {i} 条：" + "耳机" * 40)
        for i in range(800)
    ]  # one image of them would be ~100,000 px tall
    pages = chatrender.render_chat(messages, max_page_height=10**6)
    assert len(pages) > 1
    assert all(p.image.height() <= budgets.CHAT_TALL_PAGE_MAX for p in pages)
    assert budgets.CHAT_TALL_PAGE_MAX < budgets.JPEG_MAX_SIDE
    assert [i for p in pages for i in range(p.first, p.last + 1)] == list(range(800))


# ---------------------------------------------------------------- verify


def test_verify_of_a_zip_declaring_a_2_gib_member_inflates_nothing(tmp_path):
    bomb = zip_with_declared_member(tmp_path / "证据包.zip", 256 * 1024**2)
    assert bomb.stat().st_size < 1024**2
    run = run_cli("verify", str(bomb))
    line = assert_refused(run, "证据包.zip", "originals/01-video.mp4", "疑似压缩炸弹")
    assert "268,435,456 字节" in line
    assert run.peak_mb < 200  # not one of the 256 MB was inflated


def test_verify_reads_a_large_member_in_chunks(tmp_path):
    """A package with a 120 MB original (a video) verifies without holding it."""
    video = os.urandom(120 * 1024**2)
    digest = hashlib.sha256(video).hexdigest()
    package = tmp_path / "case9.zip"
    with zipfile.ZipFile(package, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("originals/01-开箱.mp4", video)
        manifest = {"files": [{"path": "originals/01-开箱.mp4", "bytes": len(video),
                               "sha256": digest}]}  # fmt: skip
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
    del video
    run = run_cli("verify", str(package))
    assert run.code == 0, run.stderr
    assert run.peak_mb < 120  # the member was never held whole (Qt alone is ~70 MB)


def test_verify_refuses_a_zip_of_too_many_entries_before_reading_them(tmp_path):
    package = tmp_path / "很多文件.zip"
    with zipfile.ZipFile(package, "w") as archive:
        for i in range(10_001):
            archive.writestr(f"upload/{i}.jpg", b"")
    assert_refused(run_cli("verify", str(package)), "很多文件.zip", "10,001 个文件")


# ---------------------------------------------------------------- evidence add


def test_devices_pipes_and_stdin_streams_are_never_read_without_end(tmp_path, demo_db):
    fifo = tmp_path / "管道.txt"
    os.mkfifo(fifo)
    link = tmp_path / "zero.jpg"
    link.symlink_to("/dev/zero")
    before = _store_bytes(demo_db)
    for run, name in (
        (add(demo_db, Path("/dev/zero"), "photo"), "/dev/zero"),
        (add(demo_db, link, "photo"), "zero.jpg"),
        (add(demo_db, fifo, "chat"), "管道.txt"),  # opening it would block a plain reader
        (run_cli("evidence", "chat", CASE, str(fifo), "--db", str(demo_db)), "管道.txt"),
    ):
        assert "不是普通文件" in assert_refused(run, name)
    with open("/dev/zero", "rb") as zero:
        endless = run_cli("evidence", "chat", CASE, "-", "--db", str(demo_db), stdin=zero)
    assert "8.0 MB" in assert_refused(endless, "聊天记录.txt")
    assert endless.peak_mb < 200
    assert _store_bytes(demo_db) == before


def test_an_evidence_file_over_the_size_budget_is_refused_before_it_is_read(tmp_path, demo_db):
    from shopdesk.domain.input_budget import EVIDENCE_MAX_BYTES

    huge = tmp_path / "整天的监控.mp4"
    with open(huge, "wb") as handle:  # sparse: no disk used
        handle.truncate(EVIDENCE_MAX_BYTES + 1)
    before = _store_bytes(demo_db)
    line = assert_refused(add(demo_db, huge, "video"), "整天的监控.mp4", "2.0 GB")
    assert "超过证据文件的上限" in line
    assert _store_bytes(demo_db) == before


# ---------------------------------------------------------------- masking


def test_a_hostile_address_gives_a_bounded_mask(gui):
    from shopdesk.evidence import masking

    words = " ".join(["浙江省", "杭州市"] + [f"第{i}路" for i in range(20_000)])
    mask = masking.Masker(True, "13925130165", words)
    assert mask(f"电话 13925130165，地址 {words}") == "电话 139****0165，地址 浙江省 杭州市 ****"
    assert len(masking._known("13925130165", words)) <= 2 * masking.ADDRESS_MAX_PARTS + 2


def test_a_message_taller_than_a_summary_page_goes_on_across_pages(gui, tmp_path):
    """summary.pdf: every character of a long message lands inside a page, none below its
    foot (it was drawn past the page's end and lost), with the marks at each break."""
    import pypdfium2 as pdfium

    from shopdesk.evidence.summary import write_summary

    long_text = "".join(f"第{i}句：左耳没有声音。" for i in range(1200))
    chat = [ChatMessage("小鹿乱撞1992", "2026-11-20T02:02:00Z", long_text)]
    path = tmp_path / "summary.pdf"
    write_summary(str(path), cover=[], statement="", timeline=[], exhibits=[],
                  chats=[("聊天记录", chat)], notes=[])  # fmt: skip
    pdf = pdfium.PdfDocument(str(path))
    text = ""
    for page in pdf:
        _, height = page.get_size()
        chars = page.get_textpage()
        for i in range(chars.count_chars()):
            _, bottom, _, top = chars.get_charbox(i)
            assert bottom >= 0 and top <= height, (i, bottom, top, height)
        text += chars.get_text_range()
    flat = "".join(text.split())
    body = re.sub(r"（接下页）|（续）|售后证据包摘要第\d+页", "", flat)  # marks, page footers
    assert long_text in body
    assert flat.count("（接下页）") == flat.count("（续）") >= 2


def test_a_package_with_a_large_video_original_is_built_without_holding_it(tmp_path, demo_db):
    """The originals are hashed and zipped in chunks: a packing video of 150 MB does
    not take 150 MB of memory (it took twice that), and the zip verifies."""
    video = tmp_path / "打包视频.mp4"
    with open(video, "wb") as out:
        for _ in range(150):
            out.write(os.urandom(1024**2))
    photo = png_dimension_bomb(tmp_path / "开箱.png", 900, 1200)  # an ordinary small PNG
    assert add(demo_db, video, "video").code == 0
    assert add(demo_db, photo, "photo").code == 0
    packed = run_cli("pack", CASE, "--profile", "tmall-return-refuse", "--zip", "--json",
                     "--out", str(tmp_path / "out"), "--db", str(demo_db))  # fmt: skip
    assert packed.code == 0, packed.stderr
    assert packed.peak_mb < 150
    package = json.loads(packed.stdout)["package"]
    with zipfile.ZipFile(package) as archive:
        (original,) = [n for n in archive.namelist() if n.endswith("打包视频.mp4")]
        assert archive.getinfo(original).file_size == 150 * 1024**2
    checked = run_cli("verify", package)
    assert checked.code == 0, checked.stderr


def test_what_one_package_renders_has_a_budget_checked_before_each_document(tmp_path, demo_db):
    """Rendered pages are held until fitted: two PDFs that each fit alone are together
    over the package's budget, and the second is refused before it is drawn."""
    first = pdf_with_page(tmp_path / "检测报告.pdf", 2384, 3370, pages=5)  # A0: 175 MP
    second = pdf_with_page(tmp_path / "质检报告.pdf", 2384, 3371, pages=5)  # other bytes
    for path in (first, second):
        assert add(demo_db, path, "test_report").code == 0
    out = tmp_path / "out"
    line = assert_refused(pack(demo_db, out, "tmall-return-refuse"), "质检报告.pdf",
                          "请分几次打包")  # fmt: skip
    assert "检测报告.pdf" not in line  # the first one was fine
    assert not out.exists()
