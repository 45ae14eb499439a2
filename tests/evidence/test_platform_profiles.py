"""Each platform's evidence destinations: its appeal and refusal forms, with the limits the
facts give (Taobao's, from RULES.md) or a conservative setting named as such (JD,
Pinduoduo, Douyin: their fact pages give none); the seller's own limits, kept in the
store's settings, are what the packager counts by."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import say
from shopdesk.evidence import profile_limits
from shopdesk.evidence.from_store import pack_case, request_for_case
from shopdesk.evidence.profile_limits import Limits
from shopdesk.evidence.profiles import load_profiles
from shopdesk.platforms import registry
from shopdesk.services import evidence_limits
from shopdesk.store import evidence_repo

FACT_PAGES = {"jd": "jd.md", "pdd": "pdd.md", "douyin": "douyin.md"}


def test_every_platform_with_a_fact_page_has_an_appeal_and_a_refusal_destination():
    profiles = load_profiles()
    for platform, page in FACT_PAGES.items():
        for form in ("appeal", "refuse"):
            profile = profiles[f"{platform}-{form}"]
            assert profile_limits.platform_of(profile) == platform
            # the fact page gives no upload limits: a conservative setting, named as such
            assert profile.conservative and profile.facts.endswith(f"platforms/{page}")
            assert profile.name("zh-CN").endswith("（保守设置）")
            assert profile.name("zh-TW").endswith("（保守設定）")
            assert profile.name("en").endswith("(conservative)")
            assert (profile.max_count, profile.max_bytes, profile.formats) == (
                5,
                3_000_000,
                ("jpg",),
            )
            assert (
                profile_limits.summary(profile)
                == "保守设置：5 张图片，每张 3 MB，JPEG，陈述 200 字以内"
            )
            assert profile_limits.summary(profile, "en") == (
                "Conservative setting: 5 images, 3 MB each, JPEG, a statement of 200 characters at most"
            )
            assert page in profile_limits.source_text(profile)
            assert "保守设置" in profile_limits.source_text(profile)


def test_limits_from_the_facts_say_their_page_and_confidence():
    profiles = load_profiles()
    for profile_id in ("taobao-refund", "taobao-refuse", "tmall-return-refuse", "qianniu-upload"):
        profile = profiles[profile_id]
        assert not profile.conservative and profile.facts == "shared/domain/RULES.md"
        assert profile.confidence in ("high", "medium", "low")
    refuse = profiles["taobao-refuse"]
    assert profile_limits.summary(refuse) == "1 张图片，每张 130 KB，JPEG/PNG/GIF，陈述 200 字以内"
    assert profile_limits.source_text(refuse).startswith("来源：shared/domain/RULES.md（")
    assert profile_limits.source_text(refuse).endswith("可信度：高")
    assert profile_limits.source_text(refuse, "en").endswith("confidence: high")


def test_every_platform_profile_is_found_by_the_registry_folders():
    found = {profile_limits.platform_of(p) for p in load_profiles().values()}
    assert found >= {"taobao", "jd", "pdd", "douyin"}
    assert None in found  # the shared courier claim PDF
    assert set(found) - {None} <= set(registry.ids())


# -- a Douyin case packed against its destination --------------------------------------


def photo(folder: Path, number: int) -> Path:
    image = QImage(900, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 120 + number * 10, 90))
    path = folder / f"照片{number}.png"
    assert image.save(str(path))
    return path


def douyin_case(store, folder: Path, photos: int) -> int:
    shop = store.add_shop("抖店·小满家居", platform="douyin")
    order = store.save_order(
        {
            "platform": "douyin",
            "order_no": "6921234567890123456",
            "shop_id": shop.id,
            "buyer_nick": "",
            "state": "shipped",
        }
    )
    case = store.add_case(order.id, "refund_shipped", "2026-11-20T02:00:00Z", refund_fen=12900)
    for number in range(1, photos + 1):
        evidence_repo.add_file(store, case.id, photo(folder, number), "photo")
    return case.id


def test_a_douyin_pack_within_its_limits_is_built(gui, store, tmp_path):
    case_id = douyin_case(store, tmp_path, 5)
    result = pack_case(store.path, case_id, "douyin-appeal", tmp_path / "out")
    assert result.plan.fits and result.package is not None
    uploads = result.plan.uploads
    assert len(uploads) == 5 and all(u.name.endswith(".jpg") for u in uploads)
    assert all(len(u.data) <= 3_000_000 for u in uploads)
    assert len(result.plan.statement) <= 200


def test_a_douyin_pack_over_its_limits_is_refused(gui, store, tmp_path):
    case_id = douyin_case(store, tmp_path, 6)
    result = pack_case(store.path, case_id, "douyin-appeal", tmp_path / "out")
    assert not result.plan.fits and result.package is None
    assert any("最多收 5 张" in say(p) for p in result.plan.problems), result.plan.problems
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_sellers_limits_in_the_store_are_what_the_packager_counts_by(gui, store, tmp_path):
    case_id = douyin_case(store, tmp_path, 6)
    limits = Limits(max_count=6, max_bytes=2_000_000, formats=("jpg", "png"), text_limit=300)
    profile, changes = evidence_limits.set_limits(store, "douyin-appeal", limits)
    assert changes.settings and profile.max_count == 6 and profile.formats == ("jpg", "png")
    assert profile_limits.is_edited(store, "douyin-appeal")
    assert store.get_setting(profile_limits.SETTING)["douyin-appeal"]["max_count"] == 6
    assert profile_limits.summary(profile, edited_here=True) == (
        "已按你的设置修改：6 张图片，每张 2 MB，JPEG/PNG，陈述 300 字以内"
    )
    # the id given to the packager reads the store's limits (the CLI's and the window's path)
    assert request_for_case(store, case_id, "douyin-appeal").profile.max_count == 6
    result = pack_case(store.path, case_id, "douyin-appeal", tmp_path / "out")
    assert result.plan.fits and len(result.plan.uploads) == 6
    # another store, another seller: the bundled limits
    assert load_profiles()["douyin-appeal"].max_count == 5
    profile, _ = evidence_limits.reset_limits(store, "douyin-appeal")
    assert profile.max_count == 5 and not profile_limits.is_edited(store, "douyin-appeal")
    assert not pack_case(store.path, case_id, "douyin-appeal", tmp_path / "again").plan.fits


def test_limits_the_same_as_the_profile_are_not_kept(store):
    bundled = load_profiles()["jd-appeal"]
    evidence_limits.set_limits(store, "jd-appeal", profile_limits.limits_of(bundled))
    assert profile_limits.edited(store) == {}


@pytest.mark.parametrize(
    "limits, key",
    [
        (Limits(5, 5_000, ("jpg",), 200), "profile_limits.too_small"),
        (Limits(5, 3_000_000, (), 200), "profile_limits.no_format"),
        (Limits(5, 3_000_000, ("bmp",), 200), "profile_limits.no_format"),
        (Limits(-1, 3_000_000, ("jpg",), 200), "profile_limits.negative"),
    ],
)
def test_limits_no_package_can_fit_are_refused_and_nothing_is_kept(store, limits, key):
    with pytest.raises(InputError) as raised:
        evidence_limits.set_limits(store, "pdd-appeal", limits)
    assert raised.value.message.key == key
    assert "拼多多平台介入举证（保守设置）" in str(raised.value)
    assert say(raised.value, "en").startswith("“Pinduoduo platform intervention evidence")
    assert profile_limits.edited(store) == {}


def test_a_damaged_setting_leaves_the_bundled_limits(store):
    store.set_setting(
        profile_limits.SETTING,
        {"jd-appeal": {"max_count": "many"}, "jd-refuse": [1], "pdd-refuse": {
            "max_count": 2, "max_bytes": 100, "formats": ["jpg"], "text_limit": 0}},
    )  # fmt: skip
    profiles = profile_limits.for_store(store)
    assert profiles["jd-appeal"].max_count == 5 and profiles["jd-refuse"].max_count == 5
    assert profiles["pdd-refuse"].max_bytes == 3_000_000  # 100 bytes fits no image
