"""The built-in library: every situation of the issue, all three languages, each
template fills completely from a case of its own tags and fits its limits."""

from __future__ import annotations

import pytest

from shopdesk.domain.model import LANGUAGES, CaseKind, Cause
from shopdesk.templates.context import build_context
from shopdesk.templates.library import (
    load_builtin,
    over_limit,
    render,
    render_template,
    variables_used,
)
from shopdesk.templates.suggest import case_stage, rank
from tests.templates_fixtures import ORDER, SHOP, make_case, stage_events

LIBRARY = load_builtin()
SITUATIONS = {
    "first_response",
    "parcel_stuck",
    "parcel_lost",
    "signed_not_received",
    "missing_item_checking",
    "missing_item_confirmed",
    "quality_ask_photos",
    "quality_return_seller_pays",
    "no_reason_return",
    "return_received_refunded",
    "refusal_with_evidence",
    "counterfeit_authenticity",
    "late_shipping_notice",
    "out_of_stock",
    "angry_buyer",
    "follow_up",
    "review_revise_request",
    "review_explanation",
    "appeal_statement",
}


def cases_for(template):
    """One case per (kind, stage) the template is tagged with; its first cause."""
    kinds = template.kinds or [k.value for k in CaseKind]
    stages = template.stages or ["opening"]
    cause = template.causes[0] if template.causes else Cause.UNKNOWN.value
    for kind in kinds:
        for stage in stages:
            if kind == CaseKind.PLATFORM_APPEAL.value and stage != "intervention":
                continue
            yield make_case(kind, cause, stage), stage_events(stage)


def test_library_covers_every_situation_of_the_issue():
    assert {t.id for t in LIBRARY} >= SITUATIONS


def test_every_template_has_all_three_languages_and_tags():
    for template in LIBRARY:
        assert set(template.texts) == set(LANGUAGES), template.id
        assert template.stages and template.steps, template.id
        for language in LANGUAGES:
            text = template.text(language)
            assert text.title and text.body, (template.id, language)
            # the same variables in every language: a translation drops no fact
            assert set(variables_used(text.body)) == set(
                variables_used(template.text("zh-CN").body)
            ), (template.id, language)


@pytest.mark.parametrize("template", LIBRARY, ids=lambda t: t.id)
@pytest.mark.parametrize("language", LANGUAGES)
def test_template_renders_without_gaps_for_cases_of_its_tags(template, language):
    for case, events in cases_for(template):
        values = build_context(ORDER, case, SHOP, language)
        rendered = render_template(template, values, language)
        assert rendered.gaps == [], (case.kind, rendered.text)
        assert "{" not in rendered.text and "【待填" not in rendered.text
        assert over_limit(template, rendered.text) == [], (case.kind, len(rendered.text))
        # ...and the case panel would offer it as fitting this case
        stage = case_stage(case, events).value
        fitting = [s.template.id for s in rank(LIBRARY, case.kind, case.cause, stage) if s.fits]
        assert template.id in fitting, (case.kind, stage)


def test_limits_of_review_explanation_and_appeal():
    by_id = {t.id: t for t in LIBRARY}
    assert by_id["review_explanation"].limit_chars == 500
    assert by_id["appeal_statement"].limit_bytes == 400


def test_never_a_coupon_for_a_changed_review():
    revise = next(t for t in LIBRARY if t.id == "review_revise_request")
    for word in ("优惠", "红包", "返现", "coupon", "cash"):
        for language in LANGUAGES:
            assert word not in revise.text(language).body


def test_quality_reply_never_asks_the_buyer_to_pay_postage_before_the_cause_is_known():
    ask = next(t for t in LIBRARY if t.id == "quality_ask_photos")
    assert "运费都由我们承担" in ask.text("zh-CN").body
    assert "买家承担" not in ask.text("zh-CN").body


def test_a_missing_signature_is_a_gap_like_any_other():
    template = next(t for t in LIBRARY if t.id == "first_response")
    shop = SHOP.__class__(id=1, name="小满家居", platform="taobao")
    values = build_context(ORDER, make_case("return_refund"), shop)
    rendered = render_template(template, values)
    assert rendered.gaps == ["signature"] and not rendered.can_copy
    assert rendered.text.endswith("【待填：客服签名】")


def test_a_broken_resource_file_names_the_file(tmp_path):
    (tmp_path / "bad.toml").write_text(
        '[[template]]\nid = "x"\nkinds = ["no_such_kind"]\n'
        '[template.text.zh-CN]\ntitle = "t"\nbody = "b"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="bad.toml"):
        load_builtin(tmp_path)


# Words that claim evidence, per language: a template says them only over an exhibit.
EXHIBIT_CLAIMS = {
    "zh-CN": ("附件", "照片", "物流记录", "物流轨迹", "称重", "检验", "发票", "凭证", "授权", "聊天记录", "快照"),
    "zh-TW": ("附件", "照片", "物流記錄", "物流軌跡", "稱重", "檢驗", "發票", "憑證", "授權", "聊天記錄", "快照"),
    "en": ("exhibit", "attached", "photo", "tracking", "weight", "invoice", "chat log", "authorisation", "purchase"),
}  # fmt: skip
# Templates that speak of the seller's evidence: statements to the platform, refusals,
# the counterfeit reply offering proof.
EVIDENCE_TEMPLATES = [
    t for t in LIBRARY if t.group == "appeal" or t.id in ("refusal_with_evidence", "counterfeit_authenticity")
]  # fmt: skip


@pytest.mark.parametrize("template", EVIDENCE_TEMPLATES, ids=lambda t: t.id)
@pytest.mark.parametrize("language", LANGUAGES)
def test_with_no_evidence_a_template_claims_no_exhibit(template, language):
    values = build_context(ORDER, make_case(template.kinds[0] if template.kinds else "platform_appeal"), SHOP, language)  # fmt: skip
    rendered = render_template(template, values, language)
    assert rendered.gaps == []
    body = rendered.text  # the buyer's own new photos are no claim of ours
    for own in ("新的照片", "新的照片", "new photos"):
        body = body.replace(own, "")
    assert [w for w in EXHIBIT_CLAIMS[language] if w in body.lower()] == [], rendered.text


@pytest.mark.parametrize("template", EVIDENCE_TEMPLATES, ids=lambda t: t.id)
def test_a_claim_shows_with_the_exhibit_that_backs_it(template):
    exhibits = [(1, "chat"), (2, "shipping"), (3, "photo"), (4, "invoice"), (5, "authorization")]
    values = build_context(ORDER, make_case("platform_appeal"), SHOP, exhibits=exhibits)
    rendered = render_template(template, values)
    assert rendered.gaps == [] and "附件 " in rendered.text or "凭证" in rendered.text
    assert "附件 4：发票/购货凭证" in rendered.text or template.id != "refusal_with_evidence"
    if template.group == "appeal":
        assert "附件 1：聊天记录" in rendered.text and "附件 2：物流记录" in rendered.text
        assert "附件 3：照片" in rendered.text


def test_a_condition_is_never_evaluated_and_a_broken_one_blocks_copying():
    values = {"courier": "{if courier}x{end}", "order_no": "1"}
    assert render("{if courier}快递：{courier}{end}", values).text == "快递：{if courier}x{end}"
    assert render("{if tracking_no}运单 {tracking_no}{end}订单 {order_no}", values).text == "订单 1"
    stray = render("{if courier}没有结尾", values)
    assert stray.gaps and not stray.can_copy
    unknown = render("{if __class__}x{end}", values)
    assert unknown.gaps and not unknown.can_copy
