"""After an import, refresh_due gives each open refund case the export's 超时时间 as its
current deadline (the platform's clock wins over the estimate)."""

from __future__ import annotations

from shopdesk.domain.timeutil import china_to_text, from_text
from shopdesk.store.deadlines_repo import deadlines_for_case, open_deadlines, refresh_due
from shopdesk.store.import_repo import import_files
from tests.importers_fixtures import order, refund, write_orders, write_refunds_csv
from tests.rules_helpers import cn

NO_A = "3515313147329357900"
NO_B = "3515313147329357921"
NOW = cn("2024-06-21 12:00")


def test_imported_refunds_count_down_to_the_exports_deadline(store, tmp_path):
    orders = write_orders(
        tmp_path / "ExportOrderList202406201030.csv",
        [order(NO_A, 订单状态="卖家已发货，等待买家确认"), order(NO_B)],
        layout=71,
    )
    refunds = write_refunds_csv(
        tmp_path / "退款管理导出.csv",
        [
            refund(NO_A, "150001234567890101", 超时时间="2024-06-22 09:15:02"),
            refund(
                NO_B,
                "150001234567890102",
                超时时间="2024-06-23 18:00:59",
                售后类型="退货退款",
                是否需要退货="是",
            ),
        ],  # fmt: skip
    )
    import_files(store, [orders, refunds], now=NOW)
    cases = store.list_cases()
    refresh_due(store, case_ids=[c.id for c in cases], now=NOW)
    expected = {
        "150001234567890101": china_to_text(cn("2024-06-22 09:15:02").replace(tzinfo=None)),
        "150001234567890102": china_to_text(cn("2024-06-23 18:00:59").replace(tzinfo=None)),
    }
    for case in store.list_cases():
        assert case.next_due_at == expected[case.platform_refund_no]
        current = min(
            (d for d in deadlines_for_case(store, case, NOW) if d.due_at),
            key=lambda d: d.due_at,
        )
        assert current.basis == "platform"
        assert current.due_at == from_text(expected[case.platform_refund_no])
    listed = [d for d in open_deadlines(store, NOW) if d.subject == "case"]
    assert sorted(d.due_at for d in listed) == sorted(from_text(v) for v in expected.values())


def test_platform_state_wins_when_the_export_skips_an_event(store, tmp_path):
    orders = write_orders(
        tmp_path / "ExportOrderList202406201030.csv",
        [order(NO_A, 订单状态="卖家已发货，等待买家确认")],
        layout=71,
    )
    refunds = write_refunds_csv(
        tmp_path / "退款管理导出.csv",
        [
            refund(
                NO_A,
                "150001234567890105",
                售后类型="退货退款",
                是否需要退货="是",
                退款状态="买家已经退货，等待卖家确认收货",
                超时时间="2024-06-30 10:00:00",
            ),
        ],  # fmt: skip
    )
    import_files(store, [orders, refunds], now=NOW)
    [case] = store.list_cases()
    assert "buyer_shipped_return" not in [e.kind for e in store.events(case.id)]
    refresh_due(store, case_ids=[case.id], now=NOW)
    case = store.get_case(case.id)
    assert case.state == "return_in_transit"
    assert from_text(case.next_due_at) == cn("2024-06-30 10:00:00")
    [deadline] = deadlines_for_case(store, case, NOW)
    assert (deadline.party, deadline.basis) == ("seller", "platform")
