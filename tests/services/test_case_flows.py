"""Each platform's case flow (its flow.toml over the shared one) as the window and the
command line get it from services.cases: where a case stands in the platform's words and
which steps it allows, for cases imported from each platform's after-sales export."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from shopdesk.domain.errors import MoveNotAllowedError
from shopdesk.domain.model import EventKind
from shopdesk.services import cases, imports
from shopdesk.services.case_snapshot import read_case
from tests.douyin_fixtures import (
    douyin_after_sale,
    douyin_line,
    order_export_name,
    write_douyin_after_sales,
    write_douyin_orders,
)
from tests.jd_fixtures import jd_order, jd_service, write_jd_orders, write_jd_services
from tests.pdd_fixtures import pdd_order, pdd_refund, write_pdd_orders, write_pdd_refunds

E = EventKind
JD_NO = "11729384072"


def _import(store, now, *paths: Path) -> dict[str, int]:
    imports.import_exports(store, list(paths), now=now)
    return {c.platform_refund_no: c.id for c in store.list_cases()}


def _steps(store, case_id, now) -> list[EventKind]:
    return list(cases.case_flow(store, case_id, now=now).events)


def test_a_jd_service_order_waiting_for_review_offers_the_review(store, tmp_path, now):
    shipped = write_jd_orders(tmp_path / "o.csv", [jd_order(JD_NO, 订单状态="等待确认收货")])
    services = write_jd_services(tmp_path / "s.csv", [jd_service("1654987321", JD_NO, "10")])
    ids = _import(store, now, shipped, services)
    case_id = ids["1654987321"]
    flow = cases.case_flow(store, case_id, now=now)
    assert (flow.state.value, flow.state_word) == ("awaiting_seller", "待审核")
    # 审核: pass or not; nothing is refunded or sent before it
    words = {step.event: step.word for step in flow.steps}
    assert (words[E.SELLER_AGREED], words[E.SELLER_REFUSED]) == ("审核通过", "审核不通过")
    assert E.REFUNDED not in flow.events and E.RESHIPPED not in flow.events
    with pytest.raises(MoveNotAllowedError):
        cases.record_step(store, case_id, "refunded", now, now=now)
    snapshot = read_case(store, case_id, now)  # what the case panel draws from
    assert (snapshot.state_word, snapshot.allowed) == ("待审核", flow.events)
    assert snapshot.step_words[E.SELLER_AGREED] == "审核通过"

    cases.record_step(store, case_id, "seller_agreed", now, now=now)  # 审核通过
    flow = cases.case_flow(store, case_id, now=now)
    assert (flow.state.value, flow.state_word) == ("awaiting_return", "待收货")
    assert E.SELLER_RECEIVED_RETURN in flow.events  # JD may pick the goods up itself
    cases.record_step(store, case_id, "seller_received_return", now, now=now)
    flow = cases.case_flow(store, case_id, now=now)
    assert (flow.state.value, flow.state_word) == ("awaiting_refund", "待处理")


def test_a_jd_replacement_is_carried_out_only_after_its_review(store, tmp_path, now):
    ids = _import(store, now, write_jd_services(tmp_path / "s.csv", [jd_service("7", JD_NO, "80")]))
    case_id = ids["7"]
    assert E.RESHIPPED not in _steps(store, case_id, now)  # 待审核
    cases.record_step(store, case_id, "seller_agreed", now, now=now)
    flow = cases.case_flow(store, case_id, now=now)
    assert (flow.state.value, flow.state_word) == ("awaiting_seller", "待处理")
    assert flow.events[0] == E.RESHIPPED and E.SELLER_AGREED not in flow.events


def test_a_rejected_jd_review_leaves_the_buyer_to_ask_jd(store, tmp_path, now):
    row = jd_service("8", JD_NO, "10", "10004", 审核时间="2024-06-16 10:00:00")
    case_id = _import(store, now, write_jd_services(tmp_path / "s.csv", [row]))["8"]
    flow = cases.case_flow(store, case_id, now=now)
    assert (flow.state.value, flow.state_word) == ("refused", "审核关闭")
    assert flow.events[0] == E.PLATFORM_INTERVENED and E.SELLER_AGREED not in flow.events


def test_a_pdd_speedy_refund_is_closed_with_nothing_left_to_do(store, tmp_path, now):
    rows = [
        pdd_refund(refund_no="1001", 退款类型="极速退款", 售后状态="退款成功"),
        pdd_refund(refund_no="1002", 退款类型="极速退款", 售后状态="退款中"),
        pdd_refund(refund_no="1003"),  # an ordinary 仅退款, waiting for the seller
    ]
    shipped = [pdd_order(订单状态="已发货，待收货")]
    orders = write_pdd_orders(tmp_path / "a_orders_export2024-06-15.csv", shipped)
    ids = _import(store, now, orders, write_pdd_refunds(tmp_path / "a.xlsx", rows))
    for refund_no, state in (("1001", "refunded"), ("1002", "closed")):
        flow = cases.case_flow(store, ids[refund_no], now=now)
        assert flow.state.value == state
        assert flow.events == (E.NOTE, E.CORRECTION)
        assert store.get_case(ids[refund_no]).next_due_at is None  # no clock is the seller's
    flow = cases.case_flow(store, ids["1003"], now=now)
    assert (flow.state.value, flow.state_word) == ("awaiting_seller", "待商家处理")
    words = {step.event: step.word for step in flow.steps}
    assert (words[E.SELLER_AGREED], words[E.SELLER_REFUSED]) == ("同意退款", "驳回退款")


def test_a_douyin_exchange_takes_the_goods_back_before_sending_new_ones(store, tmp_path, now):
    row = douyin_after_sale(
        "7318945612387456001", 售后类型="换货", 商品发货状态="已发货", 售后原因="尺码不合适"
    )
    shipped = write_douyin_orders(tmp_path / order_export_name(), [douyin_line(订单状态="已发货")])
    ids = _import(store, now, shipped, write_douyin_after_sales(tmp_path / "d.xlsx", [row]))
    case_id = ids["7318945612387456001"]
    flow = cases.case_flow(store, case_id, now=now)
    assert (flow.state.value, flow.state_word) == ("awaiting_seller", "待商家处理")
    assert flow.steps[0] == cases.Step(E.SELLER_AGREED, "同意换货")
    assert E.RESHIPPED not in flow.events and E.REFUNDED not in flow.events
    at = now
    for step, state in [
        ("seller_agreed", "awaiting_return"),
        ("buyer_shipped_return", "return_in_transit"),
        ("seller_received_return", "awaiting_seller"),
    ]:
        at += timedelta(minutes=1)
        cases.record_step(store, case_id, step, at, now=at)
        assert cases.case_flow(store, case_id, now=at).state.value == state
    flow = cases.case_flow(store, case_id, now=at)
    assert flow.state_word == "待商家二次同意"
    assert flow.events[:2] == (E.RESHIPPED, E.SELLER_REFUSED)  # send the new goods, or refuse
    at += timedelta(minutes=1)
    cases.record_step(store, case_id, "reshipped", at, now=at)
    assert cases.case_flow(store, case_id, now=at).state.value == "resolved"


def test_a_douyin_refund_before_shipping_keeps_the_shared_steps(store, tmp_path, now):
    ids = _import(store, now, write_douyin_after_sales(tmp_path / "d.xlsx", [douyin_after_sale()]))
    (case_id,) = ids.values()
    flow = cases.case_flow(store, case_id, now=now)
    assert flow.state_word == "待商家处理"
    assert E.REFUNDED in flow.events and E.SELLER_REFUSED not in flow.events  # not shipped
