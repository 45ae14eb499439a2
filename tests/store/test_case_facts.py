"""Why, what it cost, how it ended: causes from the platform's words, the seller's
judgement surviving re-imports, money in fen with a direction, inspection and outcome."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from shopdesk.domain.errors import InputError, MoveNotAllowedError
from shopdesk.domain.money import parse_fen
from shopdesk.platforms.reasons import read_reason
from shopdesk.services.case_steps import add_case_event, undo_last
from shopdesk.store.case_facts import (
    add_money,
    derive_facts,
    record_inspection,
    set_cause,
    set_outcome,
)
from shopdesk.store.deadlines_repo import catch_up
from shopdesk.store.import_repo import import_files
from shopdesk.store.store import Store
from tests.importers_fixtures import refund, write_refunds_csv, write_refunds_xlsx

NOW = datetime(2024, 6, 26, 2, 0, tzinfo=UTC)
NO_A = "3515313147329357900"
NO_B = "3515313147329357921"
NO_C = "3515313147329357942"

REASONS = {
    "质量问题": "seller_defect",
    "少件/漏发": "seller_wrong_or_missing",
    "未按约定时间发货": "seller_late_shipping",
    "商品与页面描述不符": "seller_not_as_described",
    "7天无理由退换货": "buyer_changed_mind",
    "多拍/拍错/不想要": "buyer_ordered_wrong",
    "快递/物流一直未送到": "courier_slow",
}


@pytest.mark.parametrize(("words", "cause"), list(REASONS.items()))
def test_the_platforms_reason_words_give_a_cause(words, cause):
    assert read_reason("taobao", words).cause == cause


def test_a_damaged_parcel_is_provisional_until_the_seller_judges_the_packaging():
    reading = read_reason("taobao", "包装/商品破损/污渍")
    assert reading.cause == "seller_defect"
    assert "外包装是否完好" in reading.question
    assert read_reason("taobao", "说不清的理由").cause == "unknown"


def _refunds(tmp_path: Path, name: str, reasons: list[str], writer=write_refunds_xlsx) -> Path:
    rows = [
        refund(no, f"20{i}8123456789012", 买家退款原因=reason)
        for i, (no, reason) in enumerate(zip((NO_A, NO_B, NO_C), reasons, strict=False))
    ]
    return writer(tmp_path / name, rows)


@pytest.mark.parametrize("writer", [write_refunds_xlsx, write_refunds_csv])
def test_every_imported_refund_gets_a_cause_and_keeps_the_words(store, tmp_path, writer):
    suffix = ".xlsx" if writer is write_refunds_xlsx else ".csv"
    path = _refunds(
        tmp_path,
        f"RefundList202406201030{suffix}",
        ["质量问题", "包装/商品破损/污渍", "随便"],
        writer,
    )
    import_files(store, [path], now=NOW)
    catch_up(store, NOW)  # as the window and the command line do after an import
    cases = {c.order_no: c for c in store.list_cases()}
    assert cases[NO_A].cause == "seller_defect" and cases[NO_A].reason == "质量问题"
    assert cases[NO_A].cause_source == "platform" and cases[NO_A].responsibility == "seller"
    assert cases[NO_B].cause == "seller_defect" and "外包装" in cases[NO_B].cause_question
    assert cases[NO_C].cause == "unknown" and cases[NO_C].reason == "随便"


def test_the_sellers_cause_survives_every_reimport(store: Store, tmp_path):
    first = _refunds(tmp_path, "RefundList202406201030.xlsx", ["包装/商品破损/污渍"])
    import_files(store, [first], now=NOW)
    [case] = store.list_cases()
    set_cause(store, case.id, "courier_service", note="外包装破损，快递压坏")
    import_files(store, [first], now=NOW)  # the same file again
    later = tmp_path / "RefundList202406251030.xlsx"
    write_refunds_xlsx(later, [refund(NO_A, "2008123456789012", 买家退款原因="质量问题")])
    import_files(store, [later], now=NOW)  # a newer export with other words
    catch_up(store, NOW)
    case = store.get_case(case.id)
    assert (case.cause, case.cause_source, case.cause_question) == ("courier_service", "seller", "")
    assert case.responsibility == "courier"
    assert case.reason == "质量问题"  # the platform's words are still shown beside it


def test_an_unknown_cause_names_the_valid_ones_and_writes_nothing(store, tmp_path):
    import_files(store, [_refunds(tmp_path, "RefundList202406201030.xlsx", ["质量问题"])], now=NOW)
    [case] = store.list_cases()
    before = len(store.events(case.id))
    with pytest.raises(InputError, match="seller_defect（商品质量问题）"):
        set_cause(store, case.id, "bad_luck")
    assert len(store.events(case.id)) == before


@pytest.mark.parametrize(
    ("text", "fen"), [("5", 500), ("5.00", 500), ("¥12.5", 1250), ("３元", 300), ("0.01", 1)]
)
def test_amounts_as_a_seller_writes_them(text, fen):
    assert parse_fen(text) == fen


@pytest.mark.parametrize("text", ["-5", "0", "abc", "1e3x", "5.005", "99999999999999999999.00"])
def test_amounts_that_cannot_be_right_are_refused(text):
    with pytest.raises(InputError):
        parse_fen(text)


def _open_case(store: Store, kind="return_refund", refund_fen=12900) -> int:
    order = store.save_order(
        {"platform": "taobao", "order_no": NO_A, "buyer_nick": "tb_a", "state": "success"}
    )
    store.db.execute(
        "INSERT INTO order_lines (order_id, position, title, quantity) VALUES (?, 1, '保温杯', 2)",
        [order.id],
    )
    case = store.add_case(order.id, kind, "2026-11-20T02:00:00Z", refund_fen=refund_fen)
    return case.id


def test_money_in_and_out_gives_the_net_cost(store):
    case_id = _open_case(store)
    add_money(store, case_id, "compensation", "5", note="补偿5元运费")
    add_money(store, case_id, "reship_cost", "18.50")
    add_money(store, case_id, "courier_claim", "10")
    case = store.get_case(case_id)
    assert case.money_compensation_fen == 500 and case.money_recovered_fen == 1000
    assert case.money_net_fen == 500 + 1850 - 1000
    assert case.money_refund_fen == 0  # nothing refunded yet


def test_a_refund_the_platform_reports_counts_by_itself(store):
    case_id = _open_case(store, kind="refund_shipped")
    add_case_event(store, case_id, "seller_agreed")
    add_case_event(store, case_id, "refunded")
    case = store.get_case(case_id)
    assert case.money_refund_fen == 12900 and case.money_net_fen == 12900


def test_a_finished_case_takes_money_only_as_a_correction(store):
    case_id = _open_case(store, kind="refund_shipped")
    entry = add_money(store, case_id, "compensation", "5")
    add_case_event(store, case_id, "seller_agreed")
    add_case_event(store, case_id, "refunded")
    with pytest.raises(InputError, match="只能更正"):
        add_money(store, case_id, "compensation", "8")
    add_money(store, case_id, "compensation", "8", replaces=entry.id)
    case = store.get_case(case_id)
    assert case.money_compensation_fen == 800  # the 5 was retracted, not summed
    events = store.events(case_id)
    assert any(e.kind == "correction" and e.retracts == entry.id for e in events)


def test_a_defective_return_suggests_the_cause_and_a_photo(store):
    case_id = _open_case(store)
    with pytest.raises(InputError, match="还没有记录“已收到退货”"):
        record_inspection(store, case_id, [(1, 1, 1, True)])
    for step in ("seller_agreed", "buyer_shipped_return", "seller_received_return"):
        add_case_event(store, case_id, step)
    with pytest.raises(InputError, match="多于订单里的 2 件"):
        record_inspection(store, case_id, [(1, 2, 1, True)])
    with pytest.raises(InputError, match="没有第 3 件商品"):
        record_inspection(store, case_id, [(3, 1, 0, True)])
    done = record_inspection(store, case_id, [(1, 1, 1, False)])
    assert done.defective
    case = store.get_case(case_id)
    assert (case.cause, case.cause_source) == ("seller_defect", "inspection")
    facts = derive_facts(case, store.events(case_id))
    assert [(i.position, i.good, i.bad, i.restock) for i in facts.inspected] == [(1, 1, 1, False)]


def test_outcome_is_recorded_and_an_undo_takes_it_back(store):
    case_id = _open_case(store)
    set_outcome(store, case_id, "ruled_for_seller", ruling="经核实，卖家举证有效，退款关闭。")
    assert store.get_case(case_id).outcome == "ruled_for_seller"
    undo_last(store, case_id)
    assert store.get_case(case_id).outcome is None
    with pytest.raises(InputError, match="处理结果"):
        set_outcome(store, case_id, "won")


def test_facts_are_not_steps_of_the_platforms_flow(store):
    case_id = _open_case(store)
    with pytest.raises(MoveNotAllowedError, match="shopdesk case cause"):
        add_case_event(store, case_id, "money")
