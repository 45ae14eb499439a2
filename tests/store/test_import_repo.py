"""Imports into a store: upserts, newer-wins, precision, lines, cases, all-or-nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.domain.model import CaseState, EventKind
from shopdesk.store.import_repo import ImportCancelled, import_files
from shopdesk.store.store import Store
from tests.importers_fixtures import (
    line,
    order,
    refund,
    write_lines,
    write_orders,
    write_refunds_csv,
    write_refunds_xlsx,
)

NO_A = "3515313147329357900"
NO_B = "3515313147329357921"
NO_C = "2088123456789012342"


def counts(report) -> list[tuple[str, int, int, int, int, int]]:
    return [(f.kind, f.rows, f.added, f.updated, f.unchanged, len(f.skipped)) for f in report.files]


def table_sizes(store: Store) -> dict[str, int]:
    return {
        name: store.db.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        for name in ("orders", "order_lines", "cases", "case_events", "buyers", "shops")
    }


def day_files(folder: Path) -> list[Path]:
    folder.mkdir(exist_ok=True)
    orders = write_orders(
        folder / "ExportOrderList202406201030.csv",
        [order(NO_A), order(NO_B, 订单状态="交易成功"), order(NO_A), order(NO_C)],
        layout=71,
    )
    lines = write_lines(
        folder / "ExportOrderDetailList202406201030.csv",
        [
            line(NO_A),
            line(NO_A, 标题="加厚珊瑚绒毛毯 午睡毯", 商品属性="颜色分类：雾霾蓝"),
            line(NO_B),
        ],
    )
    refunds = write_refunds_xlsx(
        folder / "退款管理导出.xlsx",
        [
            refund(NO_A, "150001234567890101"),
            refund(
                NO_C, "150001234567890103", 退款状态="退款成功", 退款完结时间="2024-06-21 10:00:00"
            ),
        ],
    )
    return [orders, lines, refunds]


def test_import_orders_lines_and_refunds(store: Store, tmp_path: Path, now) -> None:
    report = import_files(store, day_files(tmp_path / "in"), now=now)
    assert counts(report) == [
        ("orders", 4, 3, 0, 0, 0),  # the repeated order is folded
        ("order_lines", 3, 3, 0, 0, 0),
        ("refunds", 2, 2, 0, 0, 0),
    ]
    first = store.find_order("taobao", NO_A)
    assert first is not None
    assert first.buyer_nick == "tb_柳絮飞"
    assert first.paid_fen == 3900
    assert first.paid_at == "2024-06-18T06:20:45Z"
    assert first.shipped_at == "2024-06-19T02:02:11Z"
    assert first.tracking_no == "YT7428813390021"
    assert first.lines == 2
    lines = store.order_lines(first.id)
    assert [(li.position, li.title) for li in lines] == [
        (1, "北欧风陶瓷马克杯 大容量带盖"),
        (2, "加厚珊瑚绒毛毯 午睡毯"),
    ]
    (waiting,) = store.list_cases(order_id=first.id)
    assert waiting.state == CaseState.AWAITING_SELLER.value
    assert waiting.platform_deadline == "2024-06-22T01:15:02Z"
    assert waiting.platform_refund_no == "150001234567890101"
    refunded = store.list_cases(order_id=store.find_order("taobao", NO_C).id)[0]
    assert refunded.state == CaseState.REFUNDED.value
    assert [e.kind for e in store.events(refunded.id)] == ["opened", "refunded"]
    assert all(e.source == "platform" for e in store.events(refunded.id))


def test_reimport_changes_nothing(store: Store, tmp_path: Path, now) -> None:
    files = day_files(tmp_path / "in")
    import_files(store, files, now=now)
    sizes = table_sizes(store)
    snapshot = list(store.db.query("SELECT * FROM orders ORDER BY id"))
    cases = list(store.db.query("SELECT * FROM cases ORDER BY id"))
    report = import_files(store, files, now=now)
    assert counts(report) == [
        ("orders", 4, 0, 0, 3, 0),
        ("order_lines", 3, 0, 0, 3, 0),
        ("refunds", 2, 0, 0, 2, 0),
    ]
    assert table_sizes(store) == sizes
    assert list(store.db.query("SELECT * FROM orders ORDER BY id")) == snapshot
    assert list(store.db.query("SELECT * FROM cases ORDER BY id")) == cases


def test_newer_export_updates_older_one_does_not(store: Store, tmp_path: Path, now) -> None:
    old = write_orders(tmp_path / "ExportOrderList202406190900.csv", [order(NO_A)], layout=71)
    new = write_orders(
        tmp_path / "ExportOrderList202406251200.csv",
        [order(NO_A, 订单状态="交易成功", 确认收货时间="2024-06-24 20:11:09")],
        layout=71,
    )
    import_files(store, [new], now=now)
    report = import_files(store, [old], now=now)
    assert counts(report) == [("orders", 1, 0, 0, 1, 0)]
    kept = store.find_order("taobao", NO_A)
    assert kept.status == "交易成功"
    assert kept.confirmed_at == "2024-06-24T12:11:09Z"
    # and the other way round, in one import: the later stamp wins whatever the order given
    other = tmp_path / "second.db"
    with Store.open(other) as second:
        import_files(second, [new, old], now=now)
        assert second.find_order("taobao", NO_A).status == "交易成功"


def test_minute_never_replaces_a_known_second(store: Store, tmp_path: Path, now) -> None:
    exact = write_orders(tmp_path / "ExportOrderList202406190900.csv", [order(NO_A)])
    resaved = write_orders(
        tmp_path / "ExportOrderList202406251200.csv",
        [order(NO_A, 订单创建时间="2024/6/18 14:20", 订单状态="交易成功")],
        excel=True,
    )
    import_files(store, [exact], now=now)
    import_files(store, [resaved], now=now)
    kept = store.find_order("taobao", NO_A)
    assert kept.created_at == "2024-06-18T06:20:31Z"
    assert kept.status == "交易成功"  # the newer export still updates what it knows


def test_seconds_from_an_older_export_refine_a_minute(store: Store, tmp_path: Path, now) -> None:
    resaved = write_orders(
        tmp_path / "ExportOrderList202406251200.csv",
        [order(NO_A, 订单创建时间="2024/6/18 14:20")],
        excel=True,
    )
    exact = write_orders(tmp_path / "ExportOrderList202406190900.csv", [order(NO_A)])
    import_files(store, [resaved], now=now)
    report = import_files(store, [exact], now=now)
    assert counts(report) == [("orders", 1, 0, 1, 0, 0)]
    assert store.find_order("taobao", NO_A).created_at == "2024-06-18T06:20:31Z"


def test_layout_without_ship_time_keeps_the_known_one(store: Store, tmp_path: Path, now) -> None:
    with_ship = write_orders(tmp_path / "ExportOrderList202406190900.csv", [order(NO_A)], layout=71)
    without = write_orders(tmp_path / "ExportOrderList202406251200.csv", [order(NO_A)], layout=61)
    import_files(store, [without], now=now)
    assert store.find_order("taobao", NO_A).shipped_at is None
    import_files(store, [with_ship], now=now)
    import_files(store, [without], now=now)
    assert store.find_order("taobao", NO_A).shipped_at == "2024-06-19T02:02:11Z"


def test_lines_before_orders_and_mixed_layouts_never_duplicate(
    store: Store, tmp_path: Path, now
) -> None:
    old_lines = write_lines(
        tmp_path / "ExportOrderDetailList202406190900.csv",
        [line(NO_A), line(NO_A, 标题="不锈钢保温饭盒 三层", 商品属性="颜色分类：薄荷绿")],
        layout=10,
    )
    new_lines = write_lines(
        tmp_path / "ExportOrderDetailList202406251200.csv",
        [
            line(NO_A, 子订单编号="3515313147330357900", 订单状态="交易成功"),
            line(
                NO_A,
                子订单编号="3515313147331357900",
                标题="不锈钢保温饭盒 三层",
                商品属性="颜色分类：薄荷绿",
                订单状态="交易关闭",
            ),
        ],
        layout=18,
    )
    orders = write_orders(tmp_path / "ExportOrderList202406251200.csv", [order(NO_A)])
    import_files(store, [old_lines], now=now)
    stub = store.find_order("taobao", NO_A)
    assert stub is not None and stub.lines == 2
    report = import_files(store, [new_lines], now=now)
    assert counts(report) == [("order_lines", 2, 0, 2, 0, 0)]
    import_files(store, [orders, old_lines], now=now)
    full = store.find_order("taobao", NO_A)
    assert full.buyer_nick == "tb_柳絮飞" and full.paid_fen == 3900
    lines = store.order_lines(full.id)
    assert [(li.position, li.sub_order_no) for li in lines] == [
        (1, "3515313147330357900"),
        (2, "3515313147331357900"),
    ]
    assert table_sizes(store)["order_lines"] == 2


def test_refund_updates_and_platform_word_wins(store: Store, tmp_path: Path, now) -> None:
    import_files(store, [write_orders(tmp_path / "ExportOrderList.csv", [order(NO_A)])], now=now)
    first = write_refunds_csv(
        tmp_path / "refunds202406201200.csv", [refund(NO_A, "150001234567890101")]
    )
    import_files(store, [first], now=now)
    (case,) = store.list_cases()
    # the seller records locally that they refused ...
    store.add_event(case.id, EventKind.SELLER_REFUSED.value, "2024-06-20T05:00:00Z")
    store.update_case(case.id, state=CaseState.REFUSED.value)
    # ... but the platform's newer export says the refund went through
    later = write_refunds_csv(
        tmp_path / "refunds202406230900.csv",
        [
            refund(
                NO_A, "150001234567890101", 退款状态="退款成功", 退款完结时间="2024-06-22 11:00:00"
            )
        ],
    )
    report = import_files(store, [later], now=now)
    assert counts(report) == [("refunds", 1, 0, 1, 0, 0)]
    case = store.get_case(case.id)
    assert case.state == CaseState.REFUNDED.value
    assert case.platform_status == "退款成功"
    assert case.platform_deadline is None
    events = store.events(case.id)
    kinds = [(e.kind, e.source) for e in events]
    assert ("refunded", "platform") in kinds
    (note,) = [e for e in events if e.kind == EventKind.NOTE.value]
    assert "以平台为准" in note.note and "退款成功" in note.note
    # importing it again adds nothing more
    before = len(events)
    import_files(store, [later], now=now)
    assert len(store.events(case.id)) == before


@pytest.mark.parametrize("name", ["refunds202406201200.csv", "退款.csv"])
def test_reimporting_an_export_older_than_the_sellers_step_keeps_the_step(
    store: Store, tmp_path: Path, now, name: str
) -> None:
    import_files(store, [write_orders(tmp_path / "ExportOrderList.csv", [order(NO_A)])], now=now)
    export = write_refunds_csv(tmp_path / name, [refund(NO_A, "150001234567890101")])
    os.utime(export, (1718856000, 1718856000))  # saved 2024-06-20 12:00 China time
    import_files(store, [export], now=now)
    (case,) = store.list_cases()
    # after downloading it, the seller agreed to the return in Qianniu and noted it here
    store.add_event(case.id, EventKind.SELLER_AGREED.value, "2024-06-20T06:00:00Z")
    store.update_case(case.id, state=CaseState.AWAITING_RETURN.value)
    before = len(store.events(case.id))
    report = import_files(store, [export], now=now)  # the same file again, by mistake
    assert counts(report) == [("refunds", 1, 0, 0, 1, 0)]
    assert store.get_case(case.id).state == CaseState.AWAITING_RETURN.value
    assert len(store.events(case.id)) == before  # no "以平台为准" note


def test_refund_for_an_order_not_imported_yet(store: Store, tmp_path: Path, now) -> None:
    refunds = write_refunds_xlsx(tmp_path / "r.xlsx", [refund(NO_B, "150001234567890102")])
    import_files(store, [refunds], now=now)
    (case,) = store.list_cases()
    assert case.order_no == NO_B
    orders = write_orders(tmp_path / "ExportOrderList.csv", [order(NO_B)])
    import_files(store, [orders], now=now)
    assert store.find_order("taobao", NO_B).buyer_nick == "小鹿乱撞2019"
    assert store.list_cases()[0].order_no == NO_B


def test_cut_file_imports_its_complete_rows(store: Store, tmp_path: Path, now) -> None:
    path = write_orders(tmp_path / "o.csv", [order(NO_A), order(NO_B), order(NO_C)])
    data = path.read_bytes().rstrip(b"\r\n")
    path.write_bytes(data[:-300])
    report = import_files(store, [path], now=now)
    assert counts(report) == [("orders", 3, 2, 0, 0, 1)]
    assert report.files[0].skipped[0].row == 4


def test_unusable_file_imports_nothing_from_any_file(tmp_path: Path, now) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        import_files(store, [write_orders(tmp_path / "a.csv", [order(NO_C)])], now=now)
    before = db.read_bytes()
    good = write_orders(tmp_path / "ExportOrderList.csv", [order(NO_A), order(NO_B)])
    header_only = write_lines(tmp_path / "ExportOrderDetailList.csv", [])
    with Store.open(db) as store, pytest.raises(InputError, match="没有数据行"):
        import_files(store, [good, header_only], now=now)
    assert db.read_bytes() == before
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    with Store.open(db) as store, pytest.raises(InputError):
        import_files(store, [good, junk], now=now)
    assert db.read_bytes() == before


def test_cancelled_import_leaves_the_store_byte_identical(tmp_path: Path, now) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        import_files(store, [write_orders(tmp_path / "a.csv", [order(NO_C)])], now=now)
    before = db.read_bytes()
    rows = [order(f"35153131473293{index:05d}") for index in range(1200)]
    big = write_orders(tmp_path / "ExportOrderList.csv", rows)
    seen: list[tuple[int, int]] = []
    with Store.open(db) as store:
        with pytest.raises(ImportCancelled):
            import_files(
                store,
                [big],
                now=now,
                on_progress=lambda done, total: seen.append((done, total)),
                cancelled=lambda: len(seen) >= 2,  # after the first chunk was written
            )
        assert table_sizes(store)["orders"] == 1
    assert db.read_bytes() == before
    assert seen[0] == (0, 1250) and 0 < seen[1][0] < 1000


def test_progress_moves_forward_and_keeps_room_for_the_search_index(
    store: Store, tmp_path: Path, now
) -> None:
    seen: list[tuple[int, int]] = []
    import_files(store, day_files(tmp_path / "in"), now=now, on_progress=lambda *p: seen.append(p))
    done = [d for d, _total in seen]
    assert done == sorted(done)
    assert seen[-1] == (3750, 3750)  # three files and the index
    assert seen[-2][0] <= 3000  # the files are read: the bar waits for the index


def test_every_imported_order_is_linked_to_its_buyer(
    store: Store, tmp_path: Path, now, monkeypatch
) -> None:
    import shopdesk.store.import_repo as repo

    monkeypatch.setattr(repo, "BUYER_CACHE", 1)  # the cache is emptied as it goes
    monkeypatch.setattr(repo, "CHUNK", 2)
    rows = [order(f"351531314732935{index:04d}") for index in range(9)]
    import_files(store, [write_orders(tmp_path / "o.csv", rows)], now=now)
    missing = store.db.execute("SELECT count(*) FROM orders WHERE buyer_id IS NULL").fetchone()[0]
    assert missing == 0
    assert table_sizes(store)["buyers"] == 3


# Every row read is accounted for ----------------------------------------------------------


def accounted(file) -> int:
    return file.added + file.updated + file.unchanged + len(file.skipped) + file.merged


def test_every_row_read_is_added_updated_unchanged_skipped_or_merged(
    store: Store, tmp_path: Path, now
) -> None:
    """Overlapping exports concatenated by the seller repeat orders and item lines: the
    report counts the repeats (重复行，已合并), within one chunk and across chunks."""
    numbers = [f"35153131473293{n:05d}" for n in range(600)]
    orders = [order(no) for no in numbers] + [order(no) for no in numbers[:250]]
    orders.append(order(numbers[0], 买家实际支付金额="abc"))  # one bad row
    lines = [line(no) for no in numbers] + [line(no) for no in numbers[100:700]]
    lines.append(line(numbers[5]))  # a repeat inside the first chunk
    order_file = write_orders(tmp_path / "ExportOrderList202406201030.csv", orders)
    line_file = write_lines(tmp_path / "ExportOrderDetailList202406201030.csv", lines)
    first = import_files(store, [order_file, line_file], now=now)
    orders_report, lines_report = first.files
    assert (orders_report.rows, orders_report.added, orders_report.merged) == (851, 600, 250)
    assert len(orders_report.skipped) == 1
    assert (lines_report.rows, lines_report.added, lines_report.merged) == (1101, 600, 501)
    for file in first.files:
        assert file.rows == accounted(file), file.as_dict()
        assert file.as_dict()["merged"] == file.merged
    assert table_sizes(store)["order_lines"] == 600

    again = import_files(store, [order_file, line_file], now=now)
    for file in again.files:
        assert file.rows == accounted(file)
        assert file.added == file.updated == 0
    assert [f.merged for f in again.files] == [250, 501]


def test_a_repeated_refund_row_is_merged(store: Store, tmp_path: Path, now) -> None:
    rows = [refund(NO_A, "150001234567890101")] * 3
    (file,) = import_files(store, [write_refunds_xlsx(tmp_path / "r.xlsx", rows)], now=now).files
    assert (file.rows, file.added, file.merged) == (3, 1, 2)


def test_a_file_whose_every_row_is_skipped_refuses_the_whole_import(
    store: Store, tmp_path: Path, now
) -> None:
    good = write_orders(tmp_path / "ExportOrderList202406201030.csv", [order(NO_A)])
    bad = write_refunds_csv(
        tmp_path / "退款.csv",
        [refund(NO_A, f"1500012345678901{n}", 买家退款金额="abc") for n in range(4)]
        + [refund(NO_A, "150001234567890199", 退款状态="火星状态")],
    )
    before = table_sizes(store)
    with pytest.raises(InputError) as caught:
        import_files(store, [good, bad], now=now)
    message = str(caught.value)
    assert message.startswith("退款.csv：5 行数据全部无法导入")
    assert "（4 行）：“买家退款金额”列金额不是数字" in message
    assert table_sizes(store) == before


# Values outside the world -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("买家实际支付金额", "99999999999999999999.00", "超过 1 亿元"),
        ("买家实际支付金额", "-12.00", "负数"),
        ("订单创建时间", "0001-01-01 00:00:00", "早于 2003 年"),
        ("订单创建时间", "9999-12-31 23:59:59", "两年以后"),
        ("订单创建时间", "2099-06-18 14:20:31", "两年以后"),
        ("订单付款时间 ", "2099/6/18 14:20", "两年以后"),
        ("宝贝总数量", "99999999999999999999", "100 万件"),
    ],
)
def test_a_value_outside_the_world_skips_its_row_with_the_reason(
    store: Store, tmp_path: Path, now, column: str, value: str, words: str
) -> None:
    path = write_orders(
        tmp_path / "ExportOrderList202406201030.csv", [order(NO_A), order(NO_B, **{column: value})]
    )
    (file,) = import_files(store, [path], now=now).files
    assert (file.added, len(file.skipped)) == (1, 1)
    (problem,) = file.skipped
    assert (problem.file, problem.row, problem.column) == (path.name, 3, column.strip())
    assert problem.value == value and words in problem.reason
    assert [o.order_no for o in store.list_orders()] == [NO_A]
