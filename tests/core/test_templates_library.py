"""The built-in library: every situation of the issue, all three languages, each
template fills completely from a case of its own tags and fits its limits."""

from __future__ import annotations

import pytest

from shopdesk.core.model import LANGUAGES, CaseKind, Cause
from shopdesk.core.template_context import build_context
from shopdesk.core.template_suggest import case_stage, rank
from shopdesk.core.templates import (
    load_builtin,
    over_limit,
    render_template,
    variables_used,
)
from tests.core.templates_fixtures import ORDER, SHOP, make_case, stage_events

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
