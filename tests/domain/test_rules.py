from datetime import time, timedelta

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.domain.rules import (
    PLATFORM_RULE_ID,
    advance,
    case_deadlines,
    explain,
    load_ruleset,
    order_deadlines,
    parse_ruleset,
)
from shopdesk.domain.timeutil import to_text
from shopdesk.platforms.rulesets import builtin_ruleset
from tests.rules_helpers import Timeline, case, cn, order

TAOBAO = builtin_ruleset("taobao")
JD = builtin_ruleset("jd")


def by_rule(deadlines):
    return {d.rule_id: d for d in deadlines}


# ------------------------------------------------------------ order clocks (taobao)


def test_ship_deadline_is_48_hours_after_payment_to_the_second():
    paid = order("paid", paid="2026-11-27 10:15:42")
    found = by_rule(order_deadlines(paid, TAOBAO, cn("2026-11-28 09:00")))
    ship = found["ship.deadline"]
    assert ship.due_at == cn("2026-11-29 10:15:42")
    assert ship.party == "seller"
    assert ship.basis == "estimate"
    assert ship.started_by == "order.paid"
    assert "延迟发货" in ship.on_timeout_in()


def test_shop_promise_feeds_ship_deadline_and_stockout():
    paid = order("paid", paid="2026-11-27 10:00")
    found = by_rule(order_deadlines(paid, TAOBAO, cn("2026-11-27 12:00"), promised_ship_hours=24))
    assert found["ship.deadline"].due_at == cn("2026-11-28 10:00")
    # judged out of stock 72 h after the promised shipping time
    assert found["ship.stockout"].due_at == cn("2026-12-01 10:00")


def test_stockout_clock_exists_from_2025_02_13_and_then_applies_to_unshipped_orders():
    # Taobao applies a new rule to unfinished trades (article 92): an order paid the day
    # before and still unshipped is judged by it too; before that day nobody is.
    before = order("paid", paid="2025-02-12 23:59")
    after = order("paid", paid="2025-02-13 00:00")
    assert "ship.stockout" not in by_rule(order_deadlines(before, TAOBAO, cn("2025-02-12 23:59")))
    now = cn("2025-02-14 09:00")
    old = by_rule(order_deadlines(before, TAOBAO, now))["ship.stockout"]
    assert old.due_at == cn("2025-02-17 23:59")
    stockout = by_rule(order_deadlines(after, TAOBAO, now))["ship.stockout"]
    assert stockout.rule_version == "2025-02-13"
    assert stockout.due_at == cn("2025-02-18 00:00")  # 48 h + 72 h


def test_shipping_stops_the_ship_clocks_and_starts_auto_confirm():
    shipped = order("shipped", paid="2026-11-20 10:00", shipped="2026-11-21 08:30")
    found = by_rule(order_deadlines(shipped, TAOBAO, cn("2026-11-22 09:00")))
    assert set(found) == {"receipt.auto_confirm"}
    confirm = found["receipt.auto_confirm"]
    assert confirm.due_at == cn("2026-12-01 08:30")
    assert confirm.party == "buyer"


def test_a_shipped_or_finished_order_without_its_time_has_no_ship_clock():
    # The common order report has no 发货时间 and an Excel re-save may lack 确认收货时间:
    # the platform's status still says the order is shipped or done.
    shipped = order("shipped", paid="2026-11-20 10:00")
    assert order_deadlines(shipped, TAOBAO, cn("2026-11-27 09:00")) == []
    done = order("success", paid="2026-11-10 10:00", shipped="2026-11-11 08:00")
    assert "receipt.auto_confirm" not in by_rule(
        order_deadlines(done, TAOBAO, cn("2026-11-12 09:00"))
    )
    assert (
        order_deadlines(order("success", paid="2026-11-10 10:00"), TAOBAO, cn("2026-11-27")) == []
    )


def test_auto_confirm_pauses_while_a_refund_is_open_and_resumes_when_withdrawn():
    shipped = order("shipped", paid="2026-11-20 10:00", shipped="2026-11-21 08:30")
    refund = case("refund_shipped")
    t = Timeline()
    t.add("opened", "2026-11-23 08:30")
    found = order_deadlines(shipped, TAOBAO, cn("2026-11-24 09:00"), cases=[(refund, t.events)])
    paused = by_rule(found)["receipt.auto_confirm"]
    assert paused.is_paused
    assert paused.paused == ((cn("2026-11-23 08:30"), None),)

    t.add("withdrawn", "2026-11-26 08:30")  # three days paused
    found = order_deadlines(shipped, TAOBAO, cn("2026-11-27 09:00"), cases=[(refund, t.events)])
    resumed = by_rule(found)["receipt.auto_confirm"]
    assert resumed.due_at == cn("2026-12-04 08:30")
    assert resumed.paused == ((cn("2026-11-23 08:30"), cn("2026-11-26 08:30")),)
    assert "暂停" in explain(resumed)


def test_a_bad_review_case_does_not_pause_auto_confirm():
    shipped = order("shipped", paid="2026-11-20 10:00", shipped="2026-11-21 08:30")
    t = Timeline()
    t.add("opened", "2026-11-23 08:30")
    found = order_deadlines(
        shipped, TAOBAO, cn("2026-11-24 09:00"), cases=[(case("bad_review"), t.events)]
    )
    assert by_rule(found)["receipt.auto_confirm"].due_at == cn("2026-12-01 08:30")


def test_transaction_success_opens_the_buyer_windows():
    done = order(
        "success",
        paid="2026-11-01 10:00",
        shipped="2026-11-02 10:00",
        success="2026-11-05 15:20",
    )
    found = by_rule(order_deadlines(done, TAOBAO, cn("2026-11-06 09:00")))
    assert set(found) == {"aftersale.window", "no_reason_return", "review.buyer_rates"}
    assert found["aftersale.window"].due_at == cn("2026-11-20 15:20")
    assert found["review.buyer_rates"].due_at == cn("2026-11-20 15:20")
    # 7 days counted from the day after delivery, here estimated by the success time: the
    # regulation is sure, the start is not, so it is not "high" and says so
    assert found["no_reason_return"].due_at == cn("2026-11-13 00:00")
    assert found["no_reason_return"].start_estimated
    assert found["no_reason_return"].confidence == "medium"
    assert "开始时间为估算" in explain(found["no_reason_return"])


def test_events_after_now_are_ignored():
    shipped = order("shipped", paid="2026-11-20 10:00", shipped="2026-11-21 08:30")
    found = by_rule(order_deadlines(shipped, TAOBAO, cn("2026-11-21 08:00")))
    assert set(found) == {"ship.deadline", "ship.stockout"}


# ------------------------------------------------------------ case clocks (taobao)


@pytest.mark.parametrize(
    ("kind", "steps", "rule_id", "party", "due"),
    [
        (
            "refund_unshipped",
            [("opened", "2026-11-27 10:00")],
            "refund.unshipped.respond",
            "seller",
            "2026-11-29 10:00",
        ),
        (
            "refund_shipped",
            [("opened", "2026-11-27 10:00")],
            "refund.shipped.respond",
            "seller",
            "2026-11-29 10:00",
        ),
        (
            "return_refund",
            [("opened", "2026-11-27 10:00")],
            "return.respond",
            "seller",
            "2026-11-29 10:00",
        ),
        (
            "return_refund",
            [("opened", "2026-11-27 10:00"), ("seller_agreed", "2026-11-27 12:00")],
            "return.buyer_ship",
            "buyer",
            "2026-12-04 12:00",
        ),
        (
            "return_refund",
            [
                ("opened", "2026-11-20 10:00"),
                ("seller_agreed", "2026-11-20 12:00"),
                ("buyer_shipped_return", "2026-11-22 18:30"),
            ],
            "return.seller_confirm",
            "seller",
            "2026-12-02 18:30",
        ),
        (
            "refund_shipped",
            [("opened", "2026-11-26 10:00"), ("seller_refused", "2026-11-26 11:00")],
            "refund.after_refusal",
            "buyer",
            "2026-12-03 11:00",
        ),
        (
            "refund_shipped",
            [
                ("opened", "2026-11-20 10:00"),
                ("seller_refused", "2026-11-21 11:00"),
                ("platform_intervened", "2026-11-26 09:00"),
            ],
            "intervention.evidence",
            "both",
            "2026-11-29 09:00",
        ),
        (
            "bad_review",
            [("opened", "2026-11-20 21:00")],
            "review.seller_explains",
            "seller",
            "2026-12-20 21:00",
        ),
    ],
)
def test_each_case_rule(kind, steps, rule_id, party, due):
    t = Timeline()
    for event, at in steps:
        t.add(event, at)
    found = case_deadlines(case(kind), t.events, TAOBAO, cn("2026-11-27 13:00"))
    found = [d for d in found if d.rule_id not in REVIEW_WINDOWS]  # tested on their own
    assert [d.rule_id for d in found] == [rule_id]
    assert found[0].party == party
    assert found[0].due_at == cn(due)
    assert found[0].started_by == steps[-1][0]


REVIEW_WINDOWS = ("review.buyer_edits_bad", "review.seller_appeals_malicious")


def test_every_taobao_rule_is_covered_by_these_tests():
    covered = {
        "ship.deadline", "ship.stockout", "receipt.auto_confirm", "aftersale.window",
        "no_reason_return", "review.buyer_rates", "refund.unshipped.respond",
        "refund.shipped.respond", "return.respond", "return.buyer_ship",
        "return.seller_confirm", "refund.after_refusal", "intervention.evidence",
        "review.seller_explains", "return.refund_statutory", "review.buyer_edits_bad",
        "review.seller_appeals_malicious", "dispute.suspended", "dispute.court_notice",
    }  # fmt: skip  # the new ones: tests/domain/test_rules_clocks_true.py
    assert set(TAOBAO.rule_ids()) == covered


def test_buyer_modifying_restarts_the_respond_clock():
    t = Timeline()
    t.add("opened", "2026-11-20 10:00")
    t.add("seller_refused", "2026-11-20 11:00")
    t.add("buyer_modified", "2026-11-22 09:00")
    [respond] = case_deadlines(case("refund_shipped"), t.events, TAOBAO, cn("2026-11-22 10:00"))
    assert respond.rule_id == "refund.shipped.respond"
    assert respond.due_at == cn("2026-11-24 09:00")


def test_closed_case_has_no_clock_and_a_correction_reopens_it():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    agreed = t.add("seller_agreed", "2026-11-27 11:00")
    now = cn("2026-11-27 12:00")
    assert case_deadlines(case("return_refund"), t.events, TAOBAO, now)[0].rule_id == (
        "return.buyer_ship"
    )
    t.add("correction", "2026-11-27 11:30", retracts=agreed.id)
    [back] = case_deadlines(case("return_refund"), t.events, TAOBAO, now)
    assert back.rule_id == "return.respond"
    t.add("withdrawn", "2026-11-27 11:45")
    assert case_deadlines(case("return_refund"), t.events, TAOBAO, now) == []


def test_taobao_applies_a_changed_rule_to_a_clock_already_running():
    # 淘宝平台争议处理规则 第九十二条: a revision applies to unfinished trades.
    assert TAOBAO.version_policy == "current"
    t = Timeline()
    t.add("opened", "2025-08-14 23:00")  # old text: 5 days
    shipped = case("refund_shipped")
    [old] = case_deadlines(shipped, t.events, TAOBAO, cn("2025-08-14 23:30"))
    assert old.rule_version == "2016"
    assert old.due_at == cn("2025-08-19 23:00")
    assert old.confidence == "low"
    [new] = case_deadlines(shipped, t.events, TAOBAO, cn("2025-08-15 00:00"))
    assert new.rule_version == "2025-08-15"  # the same clock, now 48 h from its start
    assert new.due_at == cn("2025-08-16 23:00")


def _two_versions(policy: str):
    rule = (
        '[[versions.rules]]\nid = "dispute.respond"\nsubject = "case"\n'
        'case_states = ["intervention"]\nstart = ["platform_intervened"]\n'
        'stop = ["ruling"]\nhours = {hours}\nparty = "seller"\nconfidence = "high"\n'
        'source = "x"\nsource_kind = "rule_article"\nsource_date = "2025"\n'
        'title = {{ "zh-CN" = "回复" }}\non_timeout = {{ "zh-CN" = "判定" }}\n'
    )
    text = (
        f'platform = "jd"\nversion_policy = "{policy}"\n'
        '[[versions]]\neffective_from = "2025-01-01T00:00:00+08:00"\nlabel = "old"\n'
        + rule.format(hours=48)
        + '[[versions]]\neffective_from = "2025-07-04T00:00:00+08:00"\nlabel = "new"\n'
        + rule.format(hours=24)
    )
    import tomllib

    return parse_ruleset(tomllib.loads(text))


def test_jd_keeps_the_version_in_force_when_the_clock_started():
    # 京东交易纠纷处理总则 第五十四条: conduct before the effective date follows the old rule.
    assert JD.version_policy == "start"
    rules = _two_versions("start")
    t = Timeline()
    t.add("opened", "2025-07-01 10:00")
    t.add("platform_intervened", "2025-07-03 23:00")
    [d] = case_deadlines(
        case("refund_shipped", platform="jd"), t.events, rules, cn("2025-07-04 09:00")
    )
    assert d.rule_version == "old" and d.due_at == cn("2025-07-05 23:00")
    t.add("ruling", "2025-07-04 10:00")
    t.add("platform_intervened", "2025-07-04 11:00")  # a new clock after the boundary
    [d] = case_deadlines(
        case("refund_shipped", platform="jd"), t.events, rules, cn("2025-07-04 12:00")
    )
    assert d.rule_version == "new" and d.due_at == cn("2025-07-05 11:00")
    current = _two_versions("current")
    t2 = Timeline()
    t2.add("opened", "2025-07-01 10:00")
    t2.add("platform_intervened", "2025-07-03 23:00")
    [d] = case_deadlines(
        case("refund_shipped", platform="jd"), t2.events, current, cn("2025-07-04 09:00")
    )
    assert d.rule_version == "new" and d.due_at == cn("2025-07-04 23:00")


def test_platform_deadline_overrides_the_current_step():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    override = to_text(cn("2026-11-29 09:41:07"))
    [d] = case_deadlines(
        case("refund_unshipped", platform_deadline=override), t.events, TAOBAO, cn("2026-11-28")
    )
    assert d.basis == "platform"
    assert d.due_at == cn("2026-11-29 09:41:07")
    assert d.estimate_due_at == cn("2026-11-29 10:00")
    assert "平台显示" in explain(d)
    typed = to_text(cn("2026-11-29 08:00"))
    [d] = case_deadlines(
        case("refund_unshipped"), t.events, TAOBAO, cn("2026-11-28"), platform_deadline=typed
    )
    assert d.due_at == cn("2026-11-29 08:00")


def test_platform_deadline_on_a_case_without_a_rule_still_counts():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    override = to_text(cn("2026-11-30 10:00"))
    [d] = case_deadlines(
        case("complaint_not_as_described", platform_deadline=override),
        t.events,
        TAOBAO,
        cn("2026-11-28"),
    )
    assert d.rule_id == PLATFORM_RULE_ID
    assert d.party == "seller"
    assert d.due_at == cn("2026-11-30 10:00")


def test_imported_case_without_events_counts_from_opened_at():
    imported = case("refund_unshipped", opened_at=to_text(cn("2026-11-27 10:00")))
    [d] = case_deadlines(imported, [], TAOBAO, cn("2026-11-28"))
    assert d.due_at == cn("2026-11-29 10:00")


def test_explanation_names_rule_start_source_and_timeout():
    t = Timeline()
    t.add("opened", "2026-11-27 10:00")
    [d] = case_deadlines(case("refund_unshipped"), t.events, TAOBAO, cn("2026-11-28"))
    text = explain(d)
    assert f"规则：卖家处理退款申请（版本 {d.rule_version}）" in text
    assert d.rule_id not in text and d.rule_id not in explain(d, "en")
    assert "买家申请 2026-11-27 10:00" in text
    assert "截止：2026-11-29 10:00（估算）" in text
    assert "超时自动退款" in text
    assert "可信度：中" in text
    assert "Started" in explain(d, "en")


# ------------------------------------------------------------ JD business window


@pytest.mark.parametrize(
    ("requested", "due"),
    [
        ("2026-11-27 14:01", "2026-11-28 09:01"),
        ("2026-11-27 17:59", "2026-11-28 12:59"),
        ("2026-11-27 08:00", "2026-11-27 13:00"),
        ("2026-11-27 14:00", "2026-11-27 18:00"),
        ("2026-11-27 19:30", "2026-11-28 13:00"),
        ("2026-10-01 16:00", "2026-10-02 11:00"),  # National Day counts like any day
        ("2026-02-16 23:59", "2026-02-17 13:00"),  # Spring Festival eve
    ],
)
def test_jd_evidence_counts_only_0900_to_1800(requested, due):
    t = Timeline()
    t.add("opened", requested)
    t.add("platform_intervened", requested)
    t.add("evidence_requested", requested)
    found = by_rule(
        case_deadlines(
            case("refund_shipped", platform="jd"),
            t.events,
            JD,
            cn(requested) + timedelta(minutes=1),
        )
    )
    assert found["intervention.evidence"].due_at == cn(due)
    assert found["dispute.respond"].due_at == cn(requested) + timedelta(hours=24)


def test_business_window_skips_pauses_too():
    window = (time(9), time(18))
    paused = [(cn("2026-11-27 10:00"), cn("2026-11-27 11:00"))]
    assert advance(cn("2026-11-27 09:00"), timedelta(hours=4), paused, window) == cn(
        "2026-11-27 14:00"
    )


# ------------------------------------------------------------ rule files


def test_all_builtin_rule_sets_load_with_titles_in_three_languages():
    for platform in ("taobao", "jd", "wechat"):
        ruleset = builtin_ruleset(platform)
        assert ruleset.as_of
        for version in ruleset.versions:
            for rule in version.rules.values():
                assert set(rule.title) == {"zh-CN", "zh-TW", "en"}, rule.id
                assert set(rule.on_timeout) == {"zh-CN", "zh-TW", "en"}, rule.id
                assert rule.source


def test_a_broken_rule_file_names_the_rule(tmp_path):
    bad = tmp_path / "taobao.toml"
    bad.write_text(
        'platform = "taobao"\n[[versions]]\neffective_from = "2026-01-01"\n'
        '[[versions.rules]]\nid = "x.y"\nsubject = "case"\nstart = ["opend"]\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="rule 'x.y'.*unknown event 'opend'"):
        load_ruleset(bad)
    with pytest.raises(InputError, match="no versions"):
        parse_ruleset({"platform": "jd"})


def test_a_lapsed_buyer_window_is_not_listed_as_overdue_but_late_shipping_is():
    done = order(
        "success", paid="2026-10-01 10:00", shipped="2026-10-02 10:00", success="2026-10-05 10:00"
    )
    assert order_deadlines(done, TAOBAO, cn("2026-11-28 09:00")) == []
    unshipped = order("paid", paid="2026-11-20 10:00")
    found = by_rule(order_deadlines(unshipped, TAOBAO, cn("2026-11-28 09:00")))
    assert found["ship.deadline"].due_at < cn("2026-11-28 09:00")


def test_the_window_explains_a_deadline_in_the_computers_own_time(monkeypatch):
    import time

    paid = order("paid", paid="2026-11-27 10:15:42")
    ship = by_rule(order_deadlines(paid, TAOBAO, cn("2026-11-28 09:00")))["ship.deadline"]
    assert "截止：2026-11-29 10:15" in explain(ship) and "北京时间" in explain(ship)
    monkeypatch.setenv("TZ", "UTC")  # a computer kept on UTC, as a server or a misset PC
    time.tzset()
    try:
        text = explain(ship, computer_time=True)
        assert "截止：2026-11-29 02:15" in text and "本机时间" in text
        monkeypatch.setenv("TZ", "Asia/Shanghai")
        time.tzset()
        assert explain(ship, computer_time=True) == explain(ship)
    finally:
        monkeypatch.undo()
        time.tzset()
