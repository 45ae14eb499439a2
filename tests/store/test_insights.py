"""The insights against a store built with known numbers (tests/insights_store.py works
every figure out by hand): units, cases, rates, causes, money, appeals, service."""

from __future__ import annotations

from datetime import date

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import say
from shopdesk.store import insights
from shopdesk.store.insights import Period, Scope
from tests.insights_store import CLOTH, MUG, NOW, TISSUE, build_alert_store, build_known_store

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def known(store):
    ids = build_known_store(store)
    return store, ids


def _rows(store, dimension, scope, period=NOVEMBER):
    return {r.key: r for r in insights.breakdown(store, dimension, period, scope)}


def test_product_rows_have_the_hand_worked_units_cases_rates_and_money(known):
    store, ids = known
    rows = _rows(store, "product", Scope(shop_id=ids["shop_a"]))
    assert list(rows) == [MUG, CLOTH, TISSUE]  # most cases first, then the biggest cost
    mug, cloth, tissue = rows[MUG], rows[CLOTH], rows[TISSUE]
    # MUG-01: 2 + 3 + 1 + 2 units (two lines of one order both count), O5 paid 10
    # minutes after the period does not; O8 paid in October does not, its case does.
    assert (mug.units, mug.cases, mug.rate_per_100) == (8, 4, 50.0)
    assert (mug.refund_fen, mug.compensation_fen, mug.recovered_fen, mug.net_cost_fen) == (
        5900,
        800,
        1500,
        5200,
    )
    assert mug.label == "马克杯"
    assert dict(mug.causes) == {"buyer_changed_mind": 1, "courier_lost": 1, "courier_slow": 1}
    # previous 30 days: O6 and O8 (10 units), C7 opened in October
    assert (mug.previous_cases, mug.previous_units, mug.previous_rate_per_100) == (1, 10, 10.0)
    assert mug.cases_change == 3
    # no 商家编码: the title is the key; O4 paid 23:30 on the last day counts
    assert (cloth.units, cloth.cases, cloth.rate_per_100) == (6, 2, 33.33)
    assert (cloth.refund_fen, cloth.compensation_fen, cloth.net_cost_fen) == (3900, 800, 4700)
    # 商家编码 `null`: the title; C9's inspection names only this line
    assert (tissue.units, tissue.cases, tissue.rate_per_100) == (4, 2, 50.0)
    assert (tissue.refund_fen, tissue.recovered_fen, tissue.net_cost_fen) == (3000, 1500, 1500)
    assert dict(tissue.causes) == {"courier_lost": 1, "seller_defect": 1}


def test_a_case_on_another_shops_order_counts_only_for_that_shop(known):
    store, ids = known
    everyone = _rows(store, "product", Scope())
    assert (everyone[MUG].units, everyone[MUG].cases, everyone[MUG].rate_per_100) == (15, 5, 33.33)
    shop_b = _rows(store, "product", Scope(shop_id=ids["shop_b"]))
    assert {k: (r.units, r.cases) for k, r in shop_b.items()} == {MUG: (7, 1)}
    taobao = _rows(store, "product", Scope(platform="taobao"))
    assert (taobao[MUG].units, taobao[MUG].cases) == (8, 4)


def test_cause_and_responsibility_rows(known):
    store, ids = known
    scope = Scope(shop_id=ids["shop_a"])
    causes = _rows(store, "cause", scope)
    assert {k: r.cases for k, r in causes.items()} == {
        "seller_defect": 2,  # C1, and C9 by its inspection
        "courier_lost": 1,
        "courier_slow": 1,
        "buyer_changed_mind": 1,
    }
    defect = causes["seller_defect"]
    assert (defect.label, defect.units, defect.rate_per_100) == ("商品质量问题", None, None)
    assert (defect.refund_fen, defect.compensation_fen, defect.net_cost_fen) == (4900, 500, 5400)
    assert defect.previous_cases == 1
    parties = _rows(store, "responsibility", scope)
    assert {k: (r.label, r.cases, r.net_cost_fen) for k, r in parties.items()} == {
        "seller": ("卖家", 2, 5400),
        "courier": ("快递", 2, 800),
        "buyer": ("买家", 1, 0),
    }


def test_courier_rows_count_the_couriers_cases_per_100_parcels(known):
    store, ids = known
    rows = _rows(store, "courier", Scope(shop_id=ids["shop_a"]))
    assert list(rows) == ["顺丰速运", "中通快递"]
    sf, zto = rows["顺丰速运"], rows["中通快递"]
    assert (sf.units, sf.cases, sf.rate_per_100, sf.causes) == (2, 1, 50.0, (("courier_lost", 1),))
    assert (sf.refund_fen, sf.recovered_fen, sf.net_cost_fen) == (2000, 1500, 500)
    assert (zto.units, zto.cases, zto.compensation_fen) == (2, 1, 300)
    assert (zto.previous_units, zto.previous_cases, zto.previous_rate_per_100) == (2, 0, 0.0)


def test_a_case_counts_in_the_period_it_was_opened_in(known):
    store, ids = known
    scope = Scope(shop_id=ids["shop_a"])
    december = _rows(store, "product", scope, Period(date(2026, 12, 1), date(2026, 12, 1)))
    assert (december[MUG].cases, december[MUG].units) == (1, 10)  # C6 and O5
    one_day = _rows(store, "product", scope, Period(date(2026, 11, 4), date(2026, 11, 4)))
    assert {k: r.cases for k, r in one_day.items()} == {MUG: 1, CLOTH: 1}  # C1, no units


def test_drill_down_lists_the_cases_a_row_counts(known):
    store, ids = known
    scope = Scope(shop_id=ids["shop_a"])
    assert insights.case_ids(store, "product", TISSUE, NOVEMBER, scope) == sorted(
        [ids["C3"], ids["C9"]]
    )
    assert insights.case_ids(store, "product", MUG, NOVEMBER, scope) == sorted(
        [ids["C1"], ids["C3"], ids["C4"], ids["C5"]]
    )
    assert insights.case_ids(store, "courier", "中通快递", NOVEMBER, scope) == [ids["C4"]]
    assert insights.case_ids(store, "responsibility", "buyer", NOVEMBER, scope) == [ids["C5"]]
    assert insights.case_ids(store, "cause", "seller_defect", NOVEMBER, Scope()) == sorted(
        [ids["C1"], ids["C9"], ids["C8"]]
    )


def test_appeals_by_cause_with_rulings_and_money_kept(known):
    store, ids = known
    rows = {r.key: r for r in insights.appeals(store, NOVEMBER, Scope(shop_id=ids["shop_a"]))}
    lost = rows["courier_lost"]
    assert (lost.cases, lost.won, lost.lost, lost.split, lost.pending) == (1, 1, 0, 0, 0)
    assert lost.kept_fen == 1000  # asked 30.00, refunded 20.00
    defect = rows["seller_defect"]
    assert (defect.cases, defect.won, defect.lost, defect.kept_fen) == (1, 0, 1, 0)


def test_service_times_follow_the_reply_clock(known):
    store, ids = known
    found = insights.service(store, NOVEMBER, Scope(shop_id=ids["shop_a"]), NOW)
    assert (found.cases, found.asked, found.replied) == (5, 5, 4)
    # 20, 30, 180, 630 minutes
    assert (found.first_reply_median_min, found.first_reply_p90_min) == (105.0, 630.0)
    assert (found.resolved, found.resolution_median_h, found.resolution_p90_h) == (1, 48.0, 48.0)
    # C4 answered after 180 minutes; C5 never answered: 2 of 5 clocks ran out. C3's
    # reply at 09:20 the next morning is within the 60 minutes of service hours.
    assert (found.clock_ran_out, found.ran_out_share) == (2, 0.4)


def test_weekly_trend_of_one_product(known):
    store, ids = known
    weeks = insights.weekly_trend(store, NOVEMBER, Scope(shop_id=ids["shop_a"]), MUG)
    assert weeks[0].start == date(2026, 11, 1) and weeks[1].start == date(2026, 11, 2)
    by_start = {w.start: (w.cases, w.units) for w in weeks}
    assert by_start[date(2026, 11, 2)] == (2, 5)  # C5, C1; O1 x2 + O2 x3
    assert by_start[date(2026, 11, 9)] == (1, 3)  # C3; O3's two MUG lines
    assert by_start[date(2026, 11, 16)] == (1, 0)  # C4
    assert sum(w.cases for w in weeks) == 4


def test_alert_when_the_weeks_rate_is_more_than_twice_the_90_day_rate(store):
    build_alert_store(store, 5, NOW)
    found = insights.alerts(store, NOW)
    assert [(a.product, a.cases_7d, a.rate_7d, a.rate_90d, a.cause) for a in found] == [
        ("CUP-9", 5, 50.0, 2.38, "seller_defect")
    ]
    assert found[0].cause_label == "商品质量问题"


def test_no_alert_with_fewer_than_five_cases(store):
    build_alert_store(store, 4, NOW)
    assert insights.alerts(store, NOW) == []


def test_bad_periods_and_dimensions_are_refused_in_chinese(known):
    store, _ = known
    with pytest.raises(InputError, match="晚于"):
        Period(date(2026, 11, 30), date(2026, 11, 1))
    with pytest.raises(InputError, match="不能按"):
        insights.breakdown(store, "colour", NOVEMBER)
    with pytest.raises(InputError, match="看不懂"):
        insights.parse_day("11/30")


def test_refusals_and_the_period_read_in_english_in_the_english_window(known):
    store, _ = known
    with pytest.raises(InputError) as caught:
        insights.breakdown(store, "colour", NOVEMBER)
    assert say(caught.value, "en") == (
        "cannot break down by “colour”: by product, cause, responsibility, courier"
    )
    with pytest.raises(InputError) as caught:
        insights.find_shop(store, "没有这家")
    assert say(caught.value, "en").startswith("there is no shop “没有这家”: the shops are ")
    assert NOVEMBER.describe("en") == "2026-11-01 to 2026-11-30 (30 days, Beijing time)"
    assert (
        Period(date(2026, 11, 3), date(2026, 11, 3))
        .describe("en")
        .endswith("(1 day, Beijing time)")
    )
    assert NOVEMBER.describe("zh-CN") == "2026-11-01 至 2026-11-30（30 天，北京时间）"
