"""The clocks as the rule texts have them: right starts, right pauses, working days, the
version that governs, and sources that say what they are (RULES.md, platforms/jd.md)."""

import subprocess
import sys
import tomllib
from dataclasses import replace
from datetime import date

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.domain.rules import (
    CONFIDENCES,
    SOURCE_KINDS,
    case_deadlines,
    explain,
    order_deadlines,
    parse_ruleset,
)
from shopdesk.domain.timeutil import to_text
from shopdesk.domain.workdays import add_working_days, is_working_day, last_known_year
from shopdesk.platforms.rulesets import builtin_ruleset
from tests.rules_helpers import Timeline, case, cn, order

TAOBAO = builtin_ruleset("taobao")
JD = builtin_ruleset("jd")


def by_rule(deadlines):
    return {d.rule_id: d for d in deadlines}


def refund_request(*steps):
    """An unshipped refund request's timeline, as (case, events) for order_deadlines."""
    t = Timeline()
    for kind, at in steps:
        t.add(kind, at)
    return [(case("refund_unshipped"), t.events)]


# ------------------------------------------------------------ ship-by during a refund


PAID = order("paid", paid="2026-11-27 10:00")  # ship by 2026-11-29 10:00


def test_an_unshipped_refund_request_pauses_the_ship_by_clock_and_says_why():
    cases = refund_request(("opened", "2026-11-28 10:00"))
    ship = by_rule(order_deadlines(PAID, TAOBAO, cn("2026-11-30 12:00"), cases=cases))[
        "ship.deadline"
    ]
    assert ship.due_at is None and ship.is_paused  # not 已超时 while the request is open
    assert ship.paused == ((cn("2026-11-28 10:00"), None),)
    assert "征得买家同意前不要发货" in ship.no_due_reason()
    assert "第二十七条" in explain(ship)


@pytest.mark.parametrize("end", ["withdrawn", "seller_refused"])
def test_the_ship_by_clock_resumes_with_its_remaining_time(end):
    # 24 h had run when the buyer asked; the request ends 2026-11-30 08:00: 24 h remain
    cases = refund_request(("opened", "2026-11-28 10:00"), (end, "2026-11-30 08:00"))
    ship = by_rule(order_deadlines(PAID, TAOBAO, cn("2026-11-30 09:00"), cases=cases))[
        "ship.deadline"
    ]
    assert ship.due_at == cn("2026-12-01 08:00")
    assert ship.paused == ((cn("2026-11-28 10:00"), cn("2026-11-30 08:00")),)


def test_the_ship_by_clock_ends_when_the_refund_succeeds():
    cases = refund_request(
        ("opened", "2026-11-28 10:00"),
        ("seller_agreed", "2026-11-28 11:00"),
        ("refunded", "2026-11-28 12:00"),
    )
    found = by_rule(order_deadlines(PAID, TAOBAO, cn("2026-12-05 09:00"), cases=cases))
    assert "ship.deadline" not in found and "ship.stockout" not in found


def test_a_refund_after_shipping_does_not_pause_the_ship_by_clock():
    t = Timeline()
    t.add("opened", "2026-11-28 10:00")
    found = by_rule(
        order_deadlines(
            PAID, TAOBAO, cn("2026-11-28 12:00"), cases=[(case("refund_shipped"), t.events)]
        )
    )
    assert found["ship.deadline"].due_at == cn("2026-11-29 10:00")


# ------------------------------------------------------------ after the return arrives


def _return_case(*steps, kind="return_refund"):
    t = Timeline()
    for event, at in steps:
        t.add(event, at)
    return case(kind), t.events


def test_the_auto_refund_clock_keeps_running_after_the_return_arrives():
    the_case, events = _return_case(
        ("opened", "2026-11-20 10:00"),
        ("seller_agreed", "2026-11-20 11:00"),
        ("buyer_shipped_return", "2026-11-21 09:00"),
        ("seller_received_return", "2026-11-23 15:00"),
    )
    [d] = case_deadlines(the_case, events, TAOBAO, cn("2026-11-24 09:00"))
    assert d.rule_id == "return.seller_confirm"
    assert d.due_at == cn("2026-12-01 09:00")  # 10 days from the buyer's shipping
    assert d.party == "seller"


def test_the_statutory_refund_clock_applies_where_the_platform_clock_does_not():
    # no 买家已退货 on the timeline: the 10-day clock never started; the law's 7 days run
    the_case, events = _return_case(
        ("opened", "2026-11-20 10:00"),
        ("seller_agreed", "2026-11-20 11:00"),
        ("seller_received_return", "2026-11-23 15:00"),
    )
    the_case = replace(the_case, platform="jd")
    for ruleset in (TAOBAO, JD):
        [d] = case_deadlines(the_case, events, ruleset, cn("2026-11-24 09:00"))
        assert d.rule_id == "return.refund_statutory"
        assert d.due_at == cn("2026-11-30 15:00")
        assert d.source_kind == "regulation" and "第十八条" in d.source


def test_refunding_or_refusing_stops_the_clock_after_the_return():
    for end in ("refunded", "seller_refused"):
        the_case, events = _return_case(
            ("opened", "2026-11-20 10:00"),
            ("seller_agreed", "2026-11-20 11:00"),
            ("buyer_shipped_return", "2026-11-21 09:00"),
            ("seller_received_return", "2026-11-23 15:00"),
            (end, "2026-11-24 10:00"),
        )
        found = case_deadlines(the_case, events, TAOBAO, cn("2026-11-24 11:00"))
        assert "return.seller_confirm" not in by_rule(found)


# ------------------------------------------------------------ 七天无理由 from delivery


def test_no_reason_return_counts_from_the_day_after_delivery_when_it_is_known():
    delivered = replace(
        order("shipped", paid="2026-11-01 10:00", shipped="2026-11-02 10:00"),
        delivered_at=to_text(cn("2026-11-04 18:30")),
    )
    d = by_rule(order_deadlines(delivered, TAOBAO, cn("2026-11-05 09:00")))["no_reason_return"]
    assert d.started_by == "order.delivered" and not d.start_estimated
    assert d.due_at == cn("2026-11-12 00:00")  # 2026-11-05 .. 11-11
    assert d.confidence == "high"
    # later 交易成功 does not move it: delivery was earlier
    success = replace(delivered, state="success", confirmed_at=to_text(cn("2026-11-09 10:00")))
    d = by_rule(order_deadlines(success, TAOBAO, cn("2026-11-10 09:00")))["no_reason_return"]
    assert d.due_at == cn("2026-11-12 00:00")


# ------------------------------------------------------------ JD, from the text


def _jd(*steps, kind="refund_shipped", cause="unknown"):
    t = Timeline()
    for event, at in steps:
        t.add(event, at)
    return case(kind, platform="jd", cause=cause), t.events


def test_jd_rules_take_effect_on_2025_07_04():
    assert [v.effective_from.date() for v in JD.versions] == [date(2025, 7, 4)]


def test_jd_intervention_window_runs_15_days_from_the_sellers_refusal():
    the_case, events = _jd(("opened", "2026-11-20 10:00"), ("seller_refused", "2026-11-21 09:00"))
    d = by_rule(case_deadlines(the_case, events, JD, cn("2026-11-22 09:00")))["intervention.window"]
    assert d.due_at == cn("2026-12-06 09:00") and d.party == "buyer"
    assert "第七条" in d.source


def test_jd_evidence_clock_waits_for_jds_request():
    the_case, events = _jd(
        ("opened", "2026-11-27 10:00"), ("platform_intervened", "2026-11-27 10:00")
    )
    found = by_rule(case_deadlines(the_case, events, JD, cn("2026-11-27 11:00")))
    assert set(found) == {"dispute.respond"}  # the 24 h reply only
    the_case, events = _jd(
        ("opened", "2026-11-27 10:00"),
        ("platform_intervened", "2026-11-27 10:00"),
        ("evidence_requested", "2026-11-27 16:30"),
    )
    found = by_rule(case_deadlines(the_case, events, JD, cn("2026-11-27 17:00")))
    assert found["intervention.evidence"].due_at == cn("2026-11-28 11:30")  # 1.5 h + 2.5 h
    assert found["dispute.respond"].due_at == cn("2026-11-28 10:00")


def test_jd_quality_return_has_a_48_hour_review_and_the_buyer_may_escalate_after_24():
    the_case, events = _jd(
        ("opened", "2026-11-27 10:00"), kind="return_refund", cause="seller_defect"
    )
    found = by_rule(case_deadlines(the_case, events, JD, cn("2026-11-27 11:00")))
    assert found["aftersale.quality_review"].due_at == cn("2026-11-29 10:00")
    assert found["dispute.buyer_may_escalate"].due_at == cn("2026-11-28 10:00")
    other, events = _jd(("opened", "2026-11-27 10:00"), kind="return_refund")
    assert "aftersale.quality_review" not in by_rule(
        case_deadlines(other, events, JD, cn("2026-11-27 11:00"))
    )


# ------------------------------------------------------------ working days


def test_working_days_skip_national_day_and_count_the_make_up_saturday():
    assert is_working_day(date(2026, 10, 10)) == (True, False)  # 调休 Saturday
    assert is_working_day(date(2026, 10, 5)) == (False, False)  # National Day
    # 10-08 Thu, 10-09 Fri, 10-10 Sat (调休), 10-12 .. 10-15: the 7th ends 10-15
    assert add_working_days(cn("2026-09-30 10:00"), 7) == (cn("2026-10-16 00:00"), False)
    # 09-20 is a 调休 Sunday; 中秋 09-25 .. 09-27 is off
    assert add_working_days(cn("2026-09-18 10:00"), 7) == (cn("2026-09-30 00:00"), False)


def test_working_days_after_the_last_published_year_are_an_estimate():
    year = last_known_year() + 1
    due, estimated = add_working_days(cn(f"{year}-03-01 10:00"), 5)
    assert estimated
    assert due.date().weekday() in range(1, 6)  # Mon-Fri counted


def test_court_notice_gives_seven_working_days_through_the_holiday():
    t = Timeline()
    t.add("opened", "2026-09-20 10:00")
    t.add("platform_intervened", "2026-09-28 10:00")
    t.add("court_notice", "2026-09-30 10:00")
    for ruleset, platform in ((TAOBAO, "taobao"), (JD, "jd")):
        found = by_rule(
            case_deadlines(
                case("refund_shipped", platform=platform), t.events, ruleset, cn("2026-10-02")
            )
        )
        court = found["dispute.court_notice"]
        assert court.due_at == cn("2026-10-16 00:00")
        assert not court.calendar_estimated


def test_a_suspended_dispute_lapses_after_30_days():
    t = Timeline()
    t.add("opened", "2026-11-01 10:00")
    t.add("platform_intervened", "2026-11-03 10:00")
    t.add("dispute_suspended", "2026-11-04 10:00")
    suspended = by_rule(case_deadlines(case("refund_shipped"), t.events, TAOBAO, cn("2026-11-05")))
    assert suspended["dispute.suspended"].due_at == cn("2026-12-04 10:00")
    assert "第八十二条" in suspended["dispute.suspended"].source
    later = by_rule(case_deadlines(case("refund_shipped"), t.events, TAOBAO, cn("2026-12-05")))
    assert "dispute.suspended" not in later  # the platform resumes by itself


def test_a_bad_review_opens_the_buyers_change_window_and_the_appeal_window():
    t = Timeline()
    t.add("opened", "2026-11-01 10:00")
    found = by_rule(case_deadlines(case("bad_review"), t.events, TAOBAO, cn("2026-11-02")))
    assert found["review.buyer_edits_bad"].due_at == cn("2026-12-01 10:00")
    assert found["review.buyer_edits_bad"].party == "buyer"
    assert found["review.seller_appeals_malicious"].due_at == cn("2026-12-01 10:00")
    t.add("buyer_modified", "2026-11-05 10:00")  # changed once: no second change
    found = by_rule(case_deadlines(case("bad_review"), t.events, TAOBAO, cn("2026-11-06")))
    assert "review.buyer_edits_bad" not in found


# ------------------------------------------------------------ rules as data stay checkable


def test_every_builtin_rule_names_what_its_source_is_and_claims_no_more():
    for platform in ("taobao", "jd", "wechat"):
        for version in builtin_ruleset(platform).versions:
            for rule in version.rules.values():
                assert rule.source_kind in SOURCE_KINDS, rule.id
                assert rule.source_date, rule.id
                ceiling = CONFIDENCES.index(SOURCE_KINDS[rule.source_kind])
                assert CONFIDENCES.index(rule.confidence) >= ceiling, rule.id


def test_durations_the_official_text_does_not_give_are_not_cited_to_it():
    for rule_id in ("refund.unshipped.respond", "intervention.evidence"):
        for version in TAOBAO.versions:
            rule = version.rules.get(rule_id)
            if rule is not None:
                assert rule.source_kind != "rule_article", (rule_id, version.label)
                assert rule.confidence != "high"


RULE = """
[[versions.rules]]
id = "{id}"
subject = "case"
start = ["opened"]
hours = 24
party = "seller"
confidence = "{confidence}"
source = "x"
{kind}source_date = "2026"
title = {{ "zh-CN" = "t" }}
on_timeout = {{ "zh-CN" = "o" }}
"""


def _file(*rules: str) -> dict:
    head = 'platform = "jd"\n[[versions]]\neffective_from = "2026-01-01T00:00:00+08:00"\n'
    return tomllib.loads(head + "".join(rules))


def test_the_schema_check_refuses_what_a_rule_file_must_not_say():
    kind = 'source_kind = "help_page"\n'
    ok = RULE.format(id="a.b", confidence="medium", kind=kind)
    parse_ruleset(_file(ok))
    with pytest.raises(InputError, match="'a.b' is defined twice"):
        parse_ruleset(_file(ok, ok))
    with pytest.raises(InputError, match="has no 'source_kind'"):
        parse_ruleset(_file(RULE.format(id="a.b", confidence="medium", kind="")))
    with pytest.raises(InputError, match="at most 'medium-high'"):
        parse_ruleset(_file(RULE.format(id="a.b", confidence="high", kind=kind)))
    with pytest.raises(InputError, match="version_policy"):
        parse_ruleset({**_file(ok), "version_policy": "sometimes"})


def test_the_rules_table_in_docs_is_current():
    result = subprocess.run(
        [sys.executable, "tools/make_rules_doc.py", "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
