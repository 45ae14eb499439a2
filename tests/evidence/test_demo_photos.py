"""The demo's defect product comes with the photos its buyers sent: stored as any evidence
is, showing what each buyer wrote about, taken (EXIF) between delivery and the refund
request, on the 产品改进单 and in the evidence package; the demo's figures do not move."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shopdesk.domain.exif_time import capture_time
from shopdesk.domain.timeutil import CHINA, from_text
from shopdesk.evidence.demo_photos import DEFECTS, defect_photos, exif_segment, jpeg_with_exif
from shopdesk.evidence.improvement_sheet import gather_sheet
from shopdesk.services.demo import DATA, DEFECT_PRODUCT, PRODUCT_CODES, build_demo
from shopdesk.store import insights
from shopdesk.store.evidence_repo import check_stored, list_evidence
from shopdesk.store.store import Store


@pytest.fixture(scope="module")
def photo_demo(tmp_path_factory):
    """The demo as `shopdesk demo` builds it, photos and all (the shared template has none)."""
    from tests.conftest import NOW

    path = tmp_path_factory.mktemp("photo-demo") / "demo.db"
    with Store.open(path) as store:
        build_demo(store, NOW)
    return path


@pytest.fixture
def shop(photo_demo):
    with Store.open(photo_demo) as opened:
        yield opened


def _photos(shop):
    return [
        (case, item)
        for case in shop.list_cases()
        for item in list_evidence(shop, case.id)
        if item.kind == "photo"
    ]


def test_the_defect_products_quality_cases_have_the_buyers_photos_and_no_other_case_has(shop):
    """Each one the buyer could photograph: opened after the parcel came."""
    photos = _photos(shop)
    assert len(photos) >= 8
    for case, _ in photos:
        titles = {line.title for line in shop.order_lines(case.order_id)}
        assert case.cause == "seller_defect" and DEFECT_PRODUCT in titles
    shown = {case.id for case, _ in photos}
    quality = [
        c.id
        for c in shop.list_cases()
        if c.cause == "seller_defect"
        and DEFECT_PRODUCT in {line.title for line in shop.order_lines(c.order_id)}
        and from_text(shop.get_order(c.order_id).shipped_at) + timedelta(hours=12)
        < from_text(c.opened_at) - timedelta(minutes=5)
    ]
    assert shown == set(quality)


def test_each_photo_is_a_stored_jpeg_whose_exif_time_fits_the_case(shop):
    for case, item in _photos(shop):
        path = check_stored(shop, item)  # <store>.files/<sha[:2]>/<sha>, bytes match
        data = path.read_bytes()
        assert item.mime == "image/jpeg" and item.bytes == len(data)
        assert item.captured_at == capture_time(data)
        order = shop.get_order(case.order_id)
        taken = from_text(item.captured_at)
        assert from_text(order.shipped_at) < taken < from_text(case.opened_at)
        assert from_text(case.opened_at) <= from_text(item.added_at)
        assert item.caption


def test_the_photos_show_what_the_buyer_wrote_about(shop):
    captions = {entry["text"]: entry["captions"] for entry in DATA["history"]["defect_words"]}
    for case, item in _photos(shop):
        said = [text for text in captions if text in case.description]
        if said:
            assert item.caption in captions[said[0]], (case.description, item.caption)


def test_the_improvement_sheet_of_the_defect_product_has_its_photos(shop, now):
    code = PRODUCT_CODES[DEFECT_PRODUCT]
    sheet = gather_sheet(shop, code, insights.last_days(30, now))
    assert len(sheet.photos) >= 6
    assert all(photo.path.is_file() for photo in sheet.photos)


def test_the_photos_leave_the_demos_figures_as_they_were(shop, demo_store, now):
    period = insights.last_days(30, now)
    for tab in ("product", "courier"):
        assert insights.breakdown(shop, tab, period) == insights.breakdown(demo_store, tab, period)
    assert [c.state for c in shop.list_cases()] == [c.state for c in demo_store.list_cases()]


def test_a_phone_photo_says_when_it_was_taken_in_china_time(now):
    local = (now - timedelta(days=3)).astimezone(CHINA)
    segment = exif_segment(local, "HUAWEI", "ELS-AN00")
    jpeg = b"\xff\xd8" + segment + b"\xff\xd9"
    assert capture_time(jpeg) == (now - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert b"HUAWEI" in segment and b"+08:00" in segment


@pytest.mark.parametrize("defect", DEFECTS)
def test_every_defect_draws_the_same_photos_from_the_same_seed(defect, now):
    first = defect_photos(f"7-{defect}", defect, 2)
    again = defect_photos(f"7-{defect}", defect, 2)
    assert [image.size() for image in first] == [image.size() for image in again]
    assert first[0] == again[0] and first[1] == again[1]
    assert first[0] != first[1]  # the second is a close-up
    data = jpeg_with_exif(first[0], now.astimezone(CHINA), "Xiaomi", "M2012K11AC")
    assert data.startswith(b"\xff\xd8\xff\xe1") and capture_time(data) is not None


def test_an_unknown_defect_is_refused():
    with pytest.raises(ValueError):
        defect_photos("x", "melted", 1)
