"""The demo store gives the 分析 view something to find: a product whose defects grow
week by week, a courier that loses parcels (and pays some back), money and outcomes
entered as a seller would."""

from __future__ import annotations

from shopdesk.domain.model import CaseState
from shopdesk.services.demo import DEFECT_PRODUCT, LOSING_COURIER, PRODUCT_CODES
from shopdesk.store import insights


def test_the_defect_product_leads_with_its_cause_and_a_rising_trend(demo_store, now):
    period = insights.last_days(30, now)
    rows = insights.breakdown(demo_store, "product", period)
    top = max((r for r in rows if r.cases >= 5), key=lambda r: r.rate_per_100)
    assert top.key == PRODUCT_CODES[DEFECT_PRODUCT] and top.label == DEFECT_PRODUCT
    assert top.causes[0][0] == "seller_defect"
    assert top.refund_fen > 0 and top.compensation_fen > 0
    # out: refunds (return postage too), compensation, reshipments; in: what came back
    assert top.net_cost_fen >= top.refund_fen + top.compensation_fen - top.recovered_fen
    weeks = insights.weekly_trend(demo_store, period, product=top.key)
    rates = [w.rate_per_100 or 0 for w in weeks]
    assert rates[-1] == max(rates)  # the worst week is the latest
    half = len(weeks) // 2
    assert sum(w.cases for w in weeks[half:]) > 2 * sum(w.cases for w in weeks[:half])


def test_the_losing_courier_leads_its_tab_and_some_claims_are_paid_back(demo_store, now):
    rows = insights.breakdown(demo_store, "courier", insights.last_days(30, now))
    assert rows[0].key == LOSING_COURIER
    assert rows[0].rate_per_100 > 2 * max(r.rate_per_100 for r in rows[1:])
    assert 0 < rows[0].recovered_fen < rows[0].refund_fen
    assert rows[0].net_cost_fen == rows[0].refund_fen - rows[0].recovered_fen


def test_every_finished_demo_case_says_how_it_ended(demo_store):
    finished = [c for c in demo_store.list_cases() if not CaseState.parse(c.state).is_open]
    assert finished and [c.id for c in finished if c.outcome is None] == []
    kinds = {
        row[0]
        for row in demo_store.db.execute(
            "SELECT DISTINCT json_extract(data, '$.kind') FROM case_events WHERE kind = 'money'"
        )
    }
    assert {"postage_refund", "compensation", "reship_cost", "courier_claim"} <= kinds
