"""Evidence packages: fit before writing, same inputs same bytes, verify, zip safety,
masking in the rendered images and the summary PDF."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from evidence_cases import PHONE, demo_request
from PySide6.QtGui import QImage

from shopdesk.evidence import chatrender
from shopdesk.evidence.fitting import FitError
from shopdesk.evidence.package import (
    PackCancelled,
    build_package,
    chat_heading,
    extract_package,
    plan_package,
    safe_file_name,
    verify,
)

SMALL_PHOTO = (1600, 1200)  # keeps these tests quick; the 12-MP case is in test_fitting


def test_a_package_has_numbered_uploads_statement_summary_originals_and_manifest(gui, tmp_path):
    request = demo_request(tmp_path / "src", photo_size=SMALL_PHOTO)
    plan = plan_package(request)
    assert plan.fits, plan.problems
    package = build_package(plan, tmp_path / "out")
    uploads = sorted(p.name for p in (package / "upload").iterdir())
    # reading order: chat first, then logistics, photo, invoice
    assert [n.split(".")[0] for n in uploads] == [
        "01-chat",
        "02-shipping",
        "03-photo",
        "04-invoice",
    ]
    assert all((package / "upload" / n).stat().st_size <= 500_000 for n in uploads)
    assert (package / "statement.txt").read_text(encoding="utf-8").startswith("耳机发货前已检测")
    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["profile"]["id"] == "taobao-refund"
    paths = {f["path"]: f for f in manifest["files"]}
    assert {"statement.txt", "summary.pdf", "upload/03-photo.jpg"} <= set(paths)
    assert paths["upload/03-photo.jpg"]["kind"] == "photo"
    original = next(f for f in manifest["files"] if f["path"].startswith("originals/04-"))
    assert original["sha256"] == request.exhibits[1].sha256  # the invoice PDF, unchanged
    assert verify(package) is None


def test_the_same_inputs_give_the_same_upload_images_and_statement(gui, tmp_path):
    request = demo_request(tmp_path / "src", photo_size=SMALL_PHOTO)
    first = build_package(plan_package(request), tmp_path / "a", created_at="2026-11-28T00:00:00Z")
    second = build_package(plan_package(request), tmp_path / "b", created_at="2026-11-28T09:00:00Z")
    for name in [*(f"upload/{p.name}" for p in (first / "upload").iterdir()), "statement.txt"]:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    a = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    b = json.loads((second / "manifest.json").read_text(encoding="utf-8"))
    assert a.pop("created_at") != b.pop("created_at")
    assert a == b  # the manifest differs only in its creation time (summary.pdf included)


def test_a_package_that_cannot_fit_is_refused_before_anything_is_written(gui, tmp_path):
    request = demo_request(tmp_path / "src", "taobao-refuse", photo_size=SMALL_PHOTO)
    plan = plan_package(request)
    assert not plan.fits
    assert "最多收 1 张" in plan.problems[0]
    out = tmp_path / "out"
    with pytest.raises(FitError):
        build_package(plan, out)
    assert not out.exists() or not any(out.iterdir())


def test_a_statement_over_the_byte_limit_is_named(gui, tmp_path):
    request = demo_request(tmp_path / "src", statement="耳" * 140, photo_size=SMALL_PHOTO)
    plan = plan_package(request)
    assert plan.problems == ["申诉陈述有 420 字节，超过“淘宝退款留言凭证”的上限 400 字节"]


def test_an_image_that_cannot_fit_is_named_with_the_reason(gui, tmp_path):
    request = demo_request(tmp_path / "src", photo_size=SMALL_PHOTO)
    tiny = replace(request.profile, max_bytes=20_000)
    plan = plan_package(replace(request, profile=tiny))
    assert any(p.startswith("开箱照片.jpg：") and "清晰度下限" in p for p in plan.problems)


def test_verify_passes_on_a_fresh_zip_and_names_a_changed_byte(gui, tmp_path):
    request = demo_request(tmp_path / "src", photo_size=SMALL_PHOTO, as_zip=True)
    package = build_package(plan_package(request), tmp_path / "out")
    assert package.suffix == ".zip" and verify(package) is None
    folder = extract_package(package, tmp_path / "unzipped")
    assert verify(folder) is None
    photo = folder / "upload" / "03-photo.jpg"
    good = photo.read_bytes()
    data = bytearray(good)
    data[len(data) // 2] ^= 0x01
    photo.write_bytes(bytes(data))
    assert verify(folder) == "upload/03-photo.jpg：SHA-256 不符（文件被改动过）"
    photo.write_bytes(good)
    (folder / "statement.txt").unlink()
    assert verify(folder) == "statement.txt：缺失"


def test_verify_names_a_file_the_manifest_does_not_list(gui, tmp_path):
    request = demo_request(tmp_path / "src", photo_size=SMALL_PHOTO)
    package = build_package(plan_package(request), tmp_path / "out")
    (package / "upload" / "99-extra.jpg").write_bytes(b"x")
    assert verify(package) == "upload/99-extra.jpg：清单里没有这个文件"


def test_zip_entries_cannot_escape_the_target_folder(gui, tmp_path):
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("manifest.json", '{"files": []}')
        archive.writestr("../../outside.txt", "gotcha")
    assert "跳出" in verify(evil)
    with pytest.raises(Exception, match="跳出目标文件夹"):
        extract_package(evil, tmp_path / "dest")
    assert not (tmp_path / "outside.txt").exists()
    # a seller file called "../../x.jpg" or "C:\\x.jpg" stays inside originals/
    assert safe_file_name("../../x.jpg") == "x.jpg"
    assert safe_file_name("C:\\Users\\me\\x.jpg") == "x.jpg"
    assert safe_file_name("..") == "file"


def test_a_seller_file_name_with_a_path_lands_inside_the_package(gui, tmp_path):
    request = demo_request(tmp_path / "src", photo_size=SMALL_PHOTO, as_zip=True)
    sly = replace(request.exhibits[0], file_name="../../../etc/开箱照片.jpg")
    request = replace(request, exhibits=(sly, *request.exhibits[1:]))
    package = build_package(plan_package(request), tmp_path / "out")
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
    assert "originals/03-开箱照片.jpg" in names
    assert all(".." not in n and not n.startswith("/") for n in names)


def test_cancel_leaves_nothing_behind(gui, tmp_path):
    request = demo_request(tmp_path / "src", photo_size=SMALL_PHOTO)
    plan = plan_package(request)
    calls = []

    def cancel_on_third() -> bool:
        calls.append(1)
        return len(calls) >= 3

    out = tmp_path / "out"
    with pytest.raises(PackCancelled):
        build_package(plan, out, cancelled=cancel_on_third)
    assert list(out.iterdir()) == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_masking_removes_the_phone_number_from_images_statement_and_pdf_text(gui, tmp_path):
    plain = build_package(
        plan_package(demo_request(tmp_path / "s1", photo_size=SMALL_PHOTO)), tmp_path / "plain"
    )
    masked = build_package(
        plan_package(demo_request(tmp_path / "s2", mask=True, photo_size=SMALL_PHOTO)),
        tmp_path / "masked",
    )

    def pdf_text(package: Path) -> str:
        result = subprocess.run(
            ["pdftotext", str(package / "summary.pdf"), "-"], capture_output=True, check=True
        )
        return result.stdout.decode("utf-8")

    assert PHONE in pdf_text(plain)  # the check can see the number when it is there
    text = pdf_text(masked)
    assert PHONE not in text and "139****0165" in text and "文三路" not in text
    assert "声声耳机旗舰店" in text and "3515313147329357" in text  # Chinese and digits extract
    assert PHONE not in (masked / "statement.txt").read_text(encoding="utf-8")
    manifest = (masked / "manifest.json").read_text(encoding="utf-8")
    assert PHONE not in manifest
    # nothing in the package carries it: the originals (the raw chat log) stay at home
    assert not (masked / "originals").exists() and (plain / "originals").is_dir()
    for path in masked.rglob("*"):
        if path.is_file():
            assert PHONE.encode() not in path.read_bytes(), path.name
    assert verify(masked) is None
    # the chat image: it differs from the unmasked one and equals a rendering of the masked
    # text, i.e. the digits drawn are 139****0165
    chat_plain = (plain / "upload" / "01-chat.png").read_bytes()
    chat_masked = (masked / "upload" / "01-chat.png").read_bytes()
    assert chat_plain != chat_masked
    request = demo_request(tmp_path / "s3", mask=True, photo_size=SMALL_PHOTO)
    messages = request.exhibits[2].messages
    expected = [
        replace(m, text=m.text.replace(PHONE, "139****0165").replace("文三路 90 号", "****"))
        for m in messages
    ]
    title, order_no = chat_heading(expected)  # headed by what the chat says
    page = chatrender.render_chat(expected, title=title, order_no=order_no)[0].image
    drawn = QImage()
    assert drawn.loadFromData(chat_masked)
    assert drawn.convertToFormat(QImage.Format.Format_RGB32) == page.convertToFormat(
        QImage.Format.Format_RGB32
    )


def test_the_courier_claim_is_one_pdf_within_10_mb(gui, tmp_path):
    request = demo_request(tmp_path / "src", "courier-claim-pdf", photo_size=SMALL_PHOTO)
    package = build_package(plan_package(request), tmp_path / "out")
    (claim,) = list((package / "upload").iterdir())
    assert claim.name == "01-claim.pdf" and claim.stat().st_size <= 10_000_000
    assert claim.read_bytes().startswith(b"%PDF")
    assert verify(package) is None
    again = build_package(plan_package(request), tmp_path / "again")
    assert (again / "upload" / "01-claim.pdf").read_bytes() == claim.read_bytes()


def test_a_one_image_destination_gets_the_whole_chat_as_one_image(gui, tmp_path):
    from shopdesk.platforms.chatlog import ChatMessage

    request = demo_request(tmp_path / "src", "taobao-refuse", photo_size=SMALL_PHOTO)
    messages = tuple(
        ChatMessage(
            "林间小鹿" if i % 2 else "店:客服",
            f"2026-11-20T02:{i:02d}:00Z",
            f"第 {i + 1} 条：耳机左边没有声音",
            is_seller=i % 2 == 0,
        )
        for i in range(30)
    )
    chat = replace(request.exhibits[2], messages=messages)
    plan = plan_package(replace(request, exhibits=(chat,), statement="已发货，物流已签收"))
    assert plan.fits, plan.problems
    (upload,) = plan.uploads
    assert len(upload.data) <= 130_000
    image = QImage()
    assert image.loadFromData(upload.data)
    assert image.width() >= 600  # the legibility floor holds for a tall image too
    assert image.height() > chatrender.MAX_PAGE_HEIGHT * image.width() / chatrender.WIDTH
