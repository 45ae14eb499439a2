"""Templates per platform: the built-in library speaks each platform's own words (小二介入
on Taobao; JD's 纠纷单; 平台介入 on Pinduoduo, Douyin and the others), each text is tagged
with the platforms it fits, and a case is never offered another platform's words."""

from __future__ import annotations

import pytest

from shopdesk.domain.model import LANGUAGES
from shopdesk.platforms import registry
from shopdesk.store import templates_repo as repo
from shopdesk.templates.context import build_context
from shopdesk.templates.library import load_builtin, make_template, render_template
from shopdesk.templates.suggest import rank
from tests.templates_fixtures import ORDER, SHOP, make_case

LIBRARY = load_builtin()
BY_ID = {t.id: t for t in LIBRARY}
# the words only one platform's cases may read
TAOBAO_WORDS = ("小二", "淘宝", "千牛", "旺旺", "Taobao")
JD_WORDS = ("纠纷单", "糾紛單", "京东", "京東", " JD")


def words_of(template) -> str:
    return "\n".join(f"{t.title}\n{t.body}" for t in template.texts.values())


def suggested(platform: str, kind: str = "platform_appeal", stage: str = "intervention"):
    return [s.template for s in rank(LIBRARY, kind, None, stage, platform=platform)]


def test_template_ids_stay_and_taobao_keeps_its_400_byte_statement():
    assert BY_ID["appeal_statement"].limit_bytes == 400
    assert BY_ID["appeal_statement"].platforms == ("taobao",)
    assert BY_ID["appeal_statement"].title() == "小二介入举证说明（400字节以内）"
    assert BY_ID["appeal_statement_general"].platforms == ("taobao",)


def test_every_platform_tag_is_a_platform_and_words_match_their_tags():
    for template in LIBRARY:
        assert set(template.platforms) <= set(registry.ids()), template.id
        text = words_of(template)
        if any(word in text for word in TAOBAO_WORDS):
            assert template.platforms == ("taobao",), template.id
        if any(word in text for word in JD_WORDS):
            assert template.platforms == ("jd",), template.id


def test_a_jd_case_is_offered_jds_words_never_taobaos():
    offered = suggested("jd")
    ids = [t.id for t in offered]
    assert ids[0] == "appeal_statement_jd"  # the best fit first: JD's dispute statement
    assert "appeal_statement_general_jd" in ids
    assert "appeal_statement" not in ids and "appeal_statement_general" not in ids
    for template in offered:
        assert not any(word in words_of(template) for word in TAOBAO_WORDS), template.id
    first = offered[0]
    assert first.title() == "京东纠纷单举证说明"
    values = build_context(ORDER, make_case("platform_appeal", stage="intervention"), SHOP)
    rendered = render_template(first, values)
    assert rendered.gaps == [] and rendered.text.endswith("请京东核实。")
    assert rendered.text.startswith(f"纠纷单（订单{ORDER.order_no}）卖家举证：")


@pytest.mark.parametrize("platform", ["pdd", "douyin", "wechat", "other"])
def test_the_other_platforms_read_platform_intervention(platform):
    offered = suggested(platform)
    assert offered[0].id == "appeal_statement_platform"
    assert offered[0].title() == "平台介入举证说明"
    for template in offered:
        text = words_of(template)
        assert not any(w in text for w in TAOBAO_WORDS + JD_WORDS), (platform, template.id)


def test_a_taobao_case_reads_xiaoer():
    offered = suggested("taobao")
    assert offered[0].id == "appeal_statement"
    ids = {t.id for t in offered}
    assert not ids & {"appeal_statement_jd", "appeal_statement_platform"}
    for language in LANGUAGES:
        assert "小二" in offered[0].text(language).title


@pytest.mark.parametrize("platform", registry.ids())
def test_every_platform_gets_a_statement_for_every_intervention(platform):
    for kind in ("platform_appeal", "refund_shipped", "return_refund", "bad_review"):
        fitting = [s for s in rank(LIBRARY, kind, None, "intervention", platform=platform)]
        assert fitting and fitting[0].fits, (platform, kind)
        assert fitting[0].template.group in ("appeal", "contact"), (platform, kind)


def test_every_platform_is_offered_the_rest_of_the_library():
    untagged = {t.id for t in LIBRARY if not t.platforms}
    assert "first_response" in untagged and "parcel_lost" in untagged
    for platform in registry.ids():
        offered = {
            s.template.id
            for s in rank(LIBRARY, "refund_shipped", None, "opening", platform=platform)
        }
        assert untagged <= offered, platform


def test_without_a_platform_every_template_is_ranked():
    assert len(rank(LIBRARY, "platform_appeal", None, "intervention")) == len(LIBRARY)


def test_a_sellers_own_template_fits_every_platform_and_a_copy_keeps_its_platform(store):
    own = repo.add_template(
        store, "我的说明", "订单{order_no}：请核实", tags={"stages": ["intervention"]}
    )
    assert own.platforms == ()
    copy = repo.duplicate_template(store, "appeal_statement")
    assert repo.get_template(store, copy.id).platforms == ("taobao",)
    everything = repo.all_templates(store)
    for platform in registry.ids():
        ids = [
            s.template.id
            for s in rank(everything, "platform_appeal", None, "intervention", platform=platform)
        ]
        assert own.id in ids
        assert (copy.id in ids) == (platform == "taobao")


def test_an_unknown_platform_tag_is_refused():
    with pytest.raises(ValueError, match="unknown platform"):
        make_template("x", {"zh-CN": {"title": "t", "body": "b"}}, platforms=["nowhere"])
    with pytest.raises(ValueError, match="platforms must be a list"):
        make_template("x", {"zh-CN": {"title": "t", "body": "b"}}, platforms="jd")
