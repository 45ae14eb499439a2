"""The packager's two audiences: the seller reads its refusals and problems in the front
end's language (zh-CN word-for-word as before by default); the platform's reviewer reads
what goes into a package in zh-CN, whatever language the window or the CLI speaks."""

from __future__ import annotations

import json
import zipfile

import pypdfium2 as pdfium
import pytest
from evidence_cases import demo_request

from shopdesk.domain import messages
from shopdesk.domain.errors import InputError, NotFoundError
from shopdesk.domain.messages import say
from shopdesk.evidence.fitting import FitError
from shopdesk.evidence.package import build_package, chat_heading, plan_package, verify
from shopdesk.evidence.profiles import get_profile, parse_profile
from shopdesk.evidence.summary import cover_rows

SMALL_PHOTO = (1600, 1200)


def test_a_packager_refusal_reads_in_english_and_chinese_as_before(gui, tmp_path):
    request = demo_request(tmp_path / "src", "taobao-refuse", photo_size=SMALL_PHOTO)
    plan = plan_package(request)
    (problem,) = plan.problems
    assert problem == "需要 4 张图片，“淘宝拒绝退款凭证”最多收 1 张：请少选几项证据或几条聊天"
    assert say(problem, "en") == (
        "4 images are needed and “Taobao refund refusal proof” takes at most 1: "
        "choose fewer pieces of evidence or chat messages"
    )
    assert say(problem, "zh-TW").startswith("需要 4 張圖片，“淘寶拒絕退款憑證”最多收 1 張")
    with pytest.raises(FitError) as caught:
        build_package(plan, tmp_path / "out")
    assert str(caught.value) == problem
    assert caught.value.text("en").startswith("4 images are needed")


def test_several_problems_are_one_refusal_joined_as_each_language_writes_them(gui, tmp_path):
    request = demo_request(
        tmp_path / "src", "taobao-refuse", statement="耳" * 201, photo_size=SMALL_PHOTO
    )
    plan = plan_package(request)
    assert len(plan.problems) == 2
    with pytest.raises(FitError) as caught:
        build_package(plan, tmp_path / "out")
    assert str(caught.value) == "；".join(plan.problems)
    english = caught.value.text("en")
    assert english.startswith(
        "the appeal statement has 201 characters, over the limit of 200 characters "
        "of “Taobao refund refusal proof”; 4 images are needed"
    )


def test_a_statement_over_the_byte_limit_is_named_in_english(gui, tmp_path):
    request = demo_request(tmp_path / "src", statement="耳" * 140, photo_size=SMALL_PHOTO)
    (problem,) = plan_package(request).problems
    assert problem == "申诉陈述有 420 字节，超过“淘宝退款留言凭证”的上限 400 字节"
    assert say(problem, "en") == (
        "the appeal statement has 420 bytes, over the limit of 400 bytes "
        "of “Taobao refund message proof”"
    )


def test_a_package_made_while_the_core_speaks_english_is_in_chinese(gui, tmp_path):
    messages.set_language("en")
    request = demo_request(tmp_path / "src", "courier-claim-pdf", photo_size=SMALL_PHOTO)
    plan = plan_package(request)
    assert plan.fits, [say(p, "en") for p in plan.problems]
    title, _ = chat_heading(request.exhibits[2].messages)
    assert title == "聊天记录　买家 林间小鹿"
    labels = [label for label, _ in cover_rows(request.facts, "快递理赔 PDF", 3)]
    assert labels[:3] == ["店铺", "订单号", "售后单"]
    package = build_package(plan, tmp_path / "out")
    summary = pdfium.PdfDocument(str(package / "summary.pdf"))
    words = "".join(page.get_textpage().get_text_range() for page in summary)
    summary.close()
    assert "售后证据包摘要" in words and "附件目录" in words and "Exhibit" not in words
    claim = pdfium.PdfDocument(str(package / "upload" / "01-claim.pdf"))
    caption = claim[0].get_textpage().get_text_range()
    claim.close()
    assert caption.startswith("附件 ")
    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["profile"]["name"] == "快递理赔 PDF"


def test_a_verify_mismatch_reads_in_english(gui, tmp_path):
    request = demo_request(tmp_path / "src", photo_size=SMALL_PHOTO, as_zip=True)
    package = build_package(plan_package(request), tmp_path / "out")
    with zipfile.ZipFile(package) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["statement.txt"] = b"changed\n"
    with zipfile.ZipFile(package, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    problem = verify(package)
    assert problem.startswith("statement.txt：大小不符（清单 ")
    assert problem.endswith("字节，实际 8 字节）")
    assert say(problem, "en").startswith("statement.txt: the size does not match")


def test_a_profile_error_reads_in_english():
    with pytest.raises(InputError) as caught:
        parse_profile('id = "x"\noutput = "video"\n', "x.toml")
    assert str(caught.value) == "x.toml: output 只能是 images 或 pdf"
    assert caught.value.text("en") == "x.toml: output must be images or pdf"
    with pytest.raises(NotFoundError) as missing:
        get_profile("nowhere")
    assert str(missing.value).startswith("没有目的地配置“nowhere”（可用：")
    assert missing.value.text("en").startswith("there is no destination profile “nowhere”")


def test_the_improvement_sheet_pdf_speaks_the_sellers_language(gui, store, tmp_path):
    """The 产品改进单 is for the seller's own product department: its headings are in the
    language the core speaks, amounts still in yuan."""
    from datetime import date

    from shopdesk.evidence.improvement_pdf import write_sheet_pdf
    from shopdesk.evidence.improvement_sheet import gather_sheet
    from shopdesk.store.insights import Period, Scope
    from tests.insights_store import MUG, build_known_store

    ids = build_known_store(store)
    messages.set_language("en")
    sheet = gather_sheet(store, MUG, Period(date(2026, 11, 1), date(2026, 11, 30)),
                         Scope(shop_id=ids["shop_a"]))  # fmt: skip
    write_sheet_pdf(sheet, tmp_path / "sheet.pdf")
    document = pdfium.PdfDocument(str(tmp_path / "sheet.pdf"))
    words = "".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    assert "Causes" in words and "Weekly trend" in words and "Defect photos" in words
    assert "¥59.00" in words  # Refunded (yuan)
