"""Suggestions best first for each case kind; the seven-step checklist from a timeline."""

from __future__ import annotations

import pytest

from shopdesk.domain.model import CareStep, CaseKind, Event, EventKind, ReplyStage
from shopdesk.templates.library import TemplateText, load_builtin, make_template
from shopdesk.templates.suggest import care_steps, case_stage, rank
from tests.templates_fixtures import make_case, stage_events

LIBRARY = load_builtin()

# (kind, cause, stage) -> the reply a seller should see first
EXPECTED_FIRST = [
    ("refund_shipped", "courier_lost", "handling", "parcel_lost"),
    ("refund_shipped", "courier_slow", "opening", "parcel_stuck"),
    ("return_refund", "buyer_changed_mind", "opening", "no_reason_return"),
    ("return_refund", "seller_defect", "opening", "quality_ask_photos"),
    ("return_refund", "seller_defect", "returning", "quality_return_seller_pays"),
    ("return_refund", "buyer_misuse", "refusing", "refusal_with_evidence"),
    ("return_refund", "unknown", "resolved", "return_received_refunded"),
    ("reship", "seller_wrong_or_missing", "opening", "missing_item_checking"),
    ("reship", "seller_wrong_or_missing", "handling", "missing_item_confirmed"),
    ("complaint_counterfeit", "unknown", "opening", "counterfeit_authenticity"),
    ("complaint_late_shipping", "seller_late_shipping", "opening", "late_shipping_notice"),
    ("refund_unshipped", "seller_late_shipping", "handling", "out_of_stock"),
    ("bad_review", "unknown", "opening", "review_explanation"),
    ("platform_appeal", "unknown", "intervention", "appeal_statement"),
    ("complaint_broken_promise", "unknown", "opening", "first_response"),
]


@pytest.mark.parametrize(("kind", "cause", "stage", "first"), EXPECTED_FIRST)
def test_the_fitting_reply_comes_first(kind, cause, stage, first):
    ranked = rank(LIBRARY, kind, cause, stage)
    assert ranked[0].template.id == first, [s.template.id for s in ranked[:4]]


@pytest.mark.parametrize("kind", [k.value for k in CaseKind])
def test_every_case_kind_gets_fitting_replies_before_the_rest(kind):
    stage = "intervention" if kind == "platform_appeal" else "opening"
    ranked = rank(LIBRARY, kind, None, stage)
    fits = [s.fits for s in ranked]
    assert fits[0], kind
    assert fits == sorted(fits, reverse=True)  # no misfit above a fit
    for suggestion in ranked:
        if suggestion.fits:
            assert not suggestion.template.kinds or kind in suggestion.template.kinds
            assert stage in suggestion.template.stages or not suggestion.template.stages
    # a reply for another situation never comes first
    assert not ranked[-1].fits


def _template(tid: str) -> object:
    return make_template(
        tid,
        {"zh-CN": TemplateText(tid, "内容")},
        {"kinds": ["return_refund"], "stages": ["opening"]},
    )


def test_usage_breaks_ties_most_used_first():
    a, b, c = _template("a"), _template("b"), _template("c")
    ranked = rank([a, b, c], "return_refund", None, "opening", uses={"c": 5, "b": 2})
    assert [s.template.id for s in ranked] == ["c", "b", "a"]
    # but usage never lifts a misfit above a fitting reply
    misfit = make_template("z", {"zh-CN": TemplateText("z", "x")}, {"kinds": ["bad_review"]})
    ranked = rank([a, misfit], "return_refund", None, "opening", uses={"z": 99})
    assert ranked[0].template.id == "a"


def test_stage_from_state_and_timeline():
    assert case_stage(make_case("return_refund")) == ReplyStage.OPENING
    case = make_case("return_refund", stage="handling")
    assert case_stage(case, stage_events("handling")) == ReplyStage.HANDLING
    assert case_stage(make_case("return_refund", stage="returning")) == ReplyStage.RETURNING
    in_transit = make_case("return_refund", state="return_in_transit")
    assert case_stage(in_transit) == ReplyStage.HANDLING  # no "please send it back" then
    assert case_stage(make_case("platform_appeal")) == ReplyStage.INTERVENTION
    assert case_stage(make_case("bad_review", stage="resolved")) == ReplyStage.RESOLVED


def _event(eid, kind, at, **extra):
    return Event(id=eid, case_id=11, kind=kind, at=f"2026-11-26T{at}:00Z", **extra)


def test_checklist_marks_what_the_timeline_shows():
    events = [
        _event(1, EventKind.OPENED.value, "02:00"),
        _event(2, EventKind.REPLIED.value, "02:10", source="template"),
        _event(3, EventKind.SELLER_AGREED.value, "03:00"),
        _event(4, EventKind.REPLIED.value, "09:00", source="template"),
    ]
    steps = care_steps(events, {2: ["respond_fast", "listen", "apologise"], 4: ["follow_up"]})
    assert [s.step for s in steps] == list(CareStep)
    done = {s.step.value: s.at for s in steps if s.done}
    assert done == {
        "respond_fast": "2026-11-26T02:10:00Z",
        "listen": "2026-11-26T02:10:00Z",
        "apologise": "2026-11-26T02:10:00Z",
        "act": "2026-11-26T03:00:00Z",
        "follow_up": "2026-11-26T09:00:00Z",
    }


def test_a_retracted_event_does_not_count():
    events = [
        _event(1, EventKind.OPENED.value, "02:00"),
        _event(2, EventKind.REFUNDED.value, "03:00"),
        _event(3, EventKind.CORRECTION.value, "03:05", retracts=2),
    ]
    assert not any(s.done for s in care_steps(events))
    assert case_stage(make_case("refund_unshipped"), events) == ReplyStage.OPENING
