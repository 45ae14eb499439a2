"""The 产品改进单 of the known-number store: the xlsx and the PDF carry the same figures,
the buyers' words masked, the defect photo."""

from __future__ import annotations

import subprocess
from datetime import date

import openpyxl
import pytest

from shopdesk.domain import messages
from shopdesk.domain.errors import InputError
from shopdesk.evidence.improvement_pdf import write_sheet_pdf
from shopdesk.evidence.improvement_sheet import gather_sheet, write_xlsx
from shopdesk.store.insights import Period, Scope
from tests.insights_store import MUG, build_known_store

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def sheet(store):
    ids = build_known_store(store)
    return gather_sheet(store, MUG, NOVEMBER, Scope(shop_id=ids["shop_a"]))


def test_the_sheet_gathers_figures_causes_words_and_photos(sheet):
    assert (sheet.row.units, sheet.row.cases, sheet.row.rate_per_100) == (8, 4, 50.0)
    assert [(c, n) for c, _, n in sheet.causes] == [
        ("buyer_changed_mind", 1),
        ("courier_lost", 1),
        ("courier_slow", 1),
        ("seller_defect", 1),
    ]
    chat = [q.text for q in sheet.quotes if q.source == "聊天"]
    assert chat == ["杯口有裂缝，电话 139****5678，寄到 浙江省 杭州市 ****"]
    assert all("13912345678" not in q.text and "文三路" not in q.text for q in sheet.quotes)
    assert [(p.caption, p.file_name) for p in sheet.photos] == [("杯口裂缝", "裂缝.png")]
    assert sum(w.cases for w in sheet.trend) == 4


def test_xlsx_holds_the_same_numbers(sheet, tmp_path):
    out = tmp_path / "改进单.xlsx"
    write_xlsx(sheet, out)
    book = openpyxl.load_workbook(out)
    overview = {row[0]: row[1] for row in book["概况"].iter_rows(min_row=2, values_only=True)}
    assert overview["商家编码"] == MUG
    assert overview["售出件数（期间内付款的订单）"] == 8
    assert overview["售后单数（期间内申请）"] == 4
    assert overview["每百件售后"] == 50.0
    assert (overview["已退款（元）"], overview["已追回（元）"], overview["净损失（元）"]) == (
        59.0,
        15.0,
        52.0,
    )
    causes = list(book["原因"].iter_rows(min_row=2, values_only=True))
    assert ("商品质量问题", "seller_defect", 1) in causes
    words = [row[3] for row in book["买家原话"].iter_rows(min_row=2, values_only=True)]
    assert "杯口有裂缝，电话 139****5678，寄到 浙江省 杭州市 ****" in words
    assert len(list(book["售后单"].iter_rows(min_row=2))) == 4


def test_pdf_shows_the_figures_and_masks_the_buyer(sheet, tmp_path):
    out = tmp_path / "改进单.pdf"
    write_sheet_pdf(sheet, out)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "产品改进单" in text and MUG in text
    assert "¥52.00" in text and "50.0" in text
    assert "139****5678" in text and "13912345678" not in text
    assert "杯口裂缝" in text  # the photo's caption under its thumbnail


def test_a_product_without_sales_or_cases_is_refused(store):
    build_known_store(store)
    with pytest.raises(InputError, match="没有商品"):
        gather_sheet(store, "NO-SUCH", NOVEMBER)


def test_xlsx_shows_each_defect_photo_as_a_thumbnail_beside_its_caption(sheet, tmp_path):
    import re
    import zipfile

    from PySide6.QtGui import QColor, QImage

    out = tmp_path / "改进单.xlsx"
    write_xlsx(sheet, out)
    book = openpyxl.load_workbook(out)
    photos = list(book["照片"].iter_rows(min_row=2, values_only=True))
    assert [row[:3] for row in photos] == [
        ("#" + str(sheet.photos[0].case_id), "杯口裂缝", "裂缝.png")
    ]
    with zipfile.ZipFile(out) as archive:
        media = [n for n in archive.namelist() if n.startswith("xl/media/")]
        assert len(media) == 1
        image = QImage.fromData(archive.read(media[0]))
        drawing = archive.read("xl/drawings/drawing1.xml").decode()
        sheet_of_drawing = archive.read("xl/worksheets/_rels/sheet6.xml.rels").decode()
    assert (image.width(), image.height()) == (40, 30)  # a small photo is not blown up
    red = QColor(image.pixel(20, 15))
    assert abs(red.red() - 200) < 12 and abs(red.green() - 60) < 12  # the photo itself
    # anchored in column D (index 3) of the photo's row (index 1), on the 照片 sheet
    assert re.search(r"<from><col>3</col>.*?<row>1</row>", drawing)
    assert "drawing1.xml" in sheet_of_drawing
    assert book.sheetnames[5] == "照片"


def test_a_missing_photo_file_is_named_in_the_xlsx_not_a_crash(sheet, tmp_path):
    sheet.photos[0].path.unlink()
    out = tmp_path / "改进单.xlsx"
    write_xlsx(sheet, out)
    rows = list(openpyxl.load_workbook(out)["照片"].iter_rows(min_row=2, values_only=True))
    assert rows[0][3] == "（文件缺失或无法读取）"


def test_the_sheet_is_written_in_the_sellers_language(store, tmp_path):
    ids = build_known_store(store)
    messages.set_language("en")
    try:
        sheet = gather_sheet(store, MUG, NOVEMBER, Scope(shop_id=ids["shop_a"]))
        write_xlsx(sheet, tmp_path / "mug.xlsx")
    finally:
        messages.set_language("zh-CN")
    book = openpyxl.load_workbook(tmp_path / "mug.xlsx")
    assert book.sheetnames == ["Overview", "Causes", "Buyers' words", "Cases", "Trend", "Photos"]
    overview = {row[0]: row[1] for row in book["Overview"].iter_rows(min_row=2, values_only=True)}
    assert overview["Units sold (orders paid in the period)"] == 8
    assert overview["Period"] == "2026-11-01 to 2026-11-30 (30 days, Beijing time)"
    causes = [row[0] for row in book["Causes"].iter_rows(min_row=2, values_only=True)]
    assert "Product defect" in causes and "Parcel lost" in causes
    assert overview["Change in cases"].endswith(" cases") or overview["Change in cases"].endswith(
        " case"
    )
