"""Chat transcripts as images, PDF pages as images, and profiles as data."""

from __future__ import annotations

from dataclasses import replace

import pytest
from evidence_cases import invoice_pdf

from shopdesk.domain.errors import InputError, NotFoundError
from shopdesk.evidence import chatrender, pdfpages
from shopdesk.evidence.profiles import copy_for_editing, get_profile, load_profiles
from shopdesk.platforms.chatlog import ChatMessage


def conversation(count: int) -> list[ChatMessage]:
    out = []
    for i in range(count):
        seller = i % 2 == 1
        out.append(
            ChatMessage(
                "声声耳机旗舰店:小美" if seller else "林间小鹿",
                f"2026-11-20T02:{i:02d}:00Z",
                f"第 {i + 1} 条消息：" + "耳机左边没有声音，" * (1 + i % 4),
                is_seller=seller,
            )
        )
    return out


def test_a_long_chat_is_split_into_pages_that_never_cut_a_message(gui):
    messages = conversation(40)
    pages = chatrender.render_chat(messages, order_no="3515313147329357", max_page_height=1600)
    assert len(pages) > 2
    assert all(p.image.height() <= 1600 and p.image.width() == chatrender.WIDTH for p in pages)
    covered = [i for p in pages for i in range(p.first, p.last + 1)]
    assert covered == list(range(40))


def test_the_same_messages_render_to_the_same_pixels(gui):
    messages = conversation(6)
    first = chatrender.render_chat(messages, order_no="1")[0].image
    again = chatrender.render_chat(messages, order_no="1")[0].image
    changed = chatrender.render_chat(
        [replace(messages[0], text="别的内容"), *messages[1:]], order_no="1"
    )[0].image
    assert first == again and first != changed


def test_the_header_gives_the_date_range_in_china_time():
    assert (
        chatrender.date_range(conversation(3)) == "2026-11-20 10:00 至 2026-11-20 10:02（北京时间）"
    )


def test_pdf_pages_become_white_page_images_at_150_dpi(gui, tmp_path):
    path = tmp_path / "invoice.pdf"
    invoice_pdf(path)
    (page,) = pdfpages.render_pages(path)
    assert (page.width(), page.height()) == pytest.approx((874, 1240), abs=2)  # A5 at 150 dpi
    assert page.pixelColor(5, 5).name() == "#ffffff"
    dark = sum(1 for x in range(60, 700, 4) if page.pixelColor(x, 100).lightness() < 128)
    assert dark > 0  # the text line was drawn


def test_a_broken_pdf_is_named(gui, tmp_path):
    path = tmp_path / "坏的.pdf"
    path.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(InputError, match="坏的.pdf"):
        pdfpages.render_pages(path)


def test_profiles_hold_the_platform_limits(data_dir):
    profiles = load_profiles()
    assert set(profiles) == {
        "taobao-refund",
        "taobao-refuse",
        "tmall-return-refuse",
        "qianniu-upload",
        "courier-claim-pdf",
        # each platform's appeal and refusal forms (test_platform_profiles.py)
        *(
            f"{platform}-{form}"
            for platform in ("jd", "pdd", "douyin")
            for form in ("appeal", "refuse")
        ),
    }
    refund = profiles["taobao-refund"]
    assert refund.max_bytes == 500_000 and refund.text_limit == 400 and refund.text_unit == "bytes"
    assert refund.text_size("耳机") == 6
    refuse = profiles["taobao-refuse"]
    assert (refuse.max_bytes, refuse.max_count, refuse.text_min, refuse.text_limit) == (
        130_000,
        1,
        2,
        200,
    )
    assert profiles["courier-claim-pdf"].output == "pdf"
    with pytest.raises(NotFoundError, match="taobao-refund"):
        get_profile("nope")


def test_a_seller_edited_profile_wins_and_a_broken_one_is_named(data_dir):
    path = copy_for_editing("qianniu-upload")
    assert path.parent == data_dir / "profiles"
    path.write_text(
        path.read_text(encoding="utf-8").replace("max_count = 5", "max_count = 3"),
        encoding="utf-8",
    )
    assert get_profile("qianniu-upload").max_count == 3
    path.write_text(
        path.read_text(encoding="utf-8").replace("max_bytes = ", "max_bytes = 'x' #"),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"qianniu-upload.toml: .*images.max_bytes"):
        load_profiles()
