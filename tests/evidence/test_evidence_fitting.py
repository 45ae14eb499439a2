"""Image fitting: photos and screenshots fit the platforms' byte limits and stay readable."""

from __future__ import annotations

import pytest
from evidence_fixtures import SCREENSHOT_TEXT_PX, draw_photo, draw_screenshot, jpeg_bytes, with_exif
from PySide6.QtGui import QImage, qGray

from shopdesk.evidence.fitting import FitError, fit_image, load_image


def tallest_dark_run(image: QImage, x0: int, x1: int) -> int:
    """Height in pixels of the tallest band of rows holding dark (text) pixels."""
    best = run = 0
    step = max(1, (x1 - x0) // 300)
    for y in range(image.height()):
        dark = any(qGray(image.pixel(x, y)) < 90 for x in range(x0, x1, step))
        run = run + 1 if dark else 0
        best = max(best, run)
    return best


def decoded(data: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(data)
    return image


@pytest.mark.parametrize("limit", [500_000, 130_000])
def test_a_12_megapixel_photo_fits_and_its_label_stays_readable(gui, limit):
    original = jpeg_bytes(draw_photo())
    assert len(original) > 2_000_000
    fitted = fit_image(load_image(original, max_long_side=2560), limit)
    assert fitted.bytes <= limit
    out = decoded(fitted.data)
    assert min(out.width(), out.height()) >= 600
    # the 120-px label text, scaled with the photo, is still well above 12 px tall
    scale = out.width() / 4000
    label = out.copy(int(150 * scale), int(250 * scale), int(2600 * scale), int(260 * scale))
    assert tallest_dark_run(label, 0, label.width()) >= 12


@pytest.mark.parametrize("limit", [500_000, 130_000])
def test_a_tall_phone_screenshot_fits_and_its_chat_text_stays_readable(gui, limit):
    shot = draw_screenshot()
    original = jpeg_bytes(shot, 95)
    fitted = fit_image(load_image(original, max_long_side=2560), limit)
    assert fitted.bytes <= limit
    out = decoded(fitted.data)
    assert out.width() >= 600
    assert out.height() / out.width() == pytest.approx(2400 / 1080, rel=0.01)
    text_height = tallest_dark_run(out, 0, out.width())
    assert text_height >= 12
    assert text_height >= 0.5 * SCREENSHOT_TEXT_PX * out.width() / 1080


def test_fitting_the_same_image_twice_gives_the_same_bytes(gui):
    original = jpeg_bytes(draw_screenshot(540, 1200))
    first = fit_image(load_image(original), 60_000)
    second = fit_image(load_image(original), 60_000)
    assert first.data == second.data


def test_an_image_that_cannot_fit_above_the_legibility_floor_is_refused(gui):
    original = jpeg_bytes(draw_photo(2000, 1500))
    with pytest.raises(FitError) as refused:
        fit_image(load_image(original), 15_000, label="开箱照片.jpg")
    message = str(refused.value)
    assert "开箱照片.jpg" in message and "15,000" in message and "清晰度下限" in message


def test_exif_orientation_is_applied_and_location_is_not_carried_over(gui):
    wide = draw_photo(800, 600)
    tagged = with_exif(jpeg_bytes(wide), orientation=6)  # "rotate 90° clockwise to view"
    assert b"Exif" in tagged
    image = load_image(tagged)
    assert (image.width(), image.height()) == (600, 800)
    fitted = fit_image(image, 500_000)
    out = decoded(fitted.data)
    assert (out.width(), out.height()) == (600, 800)
    assert b"Exif" not in fitted.data and b"GPS" not in fitted.data
