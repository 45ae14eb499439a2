"""JD POP (京东) order exports as JD and Excel write them (shared/domain/platforms/jd.md):
GBK CSV in the 40- and 48-column layouts, one row per SKU with the order's amounts
repeated, status words and their (锁定)/(删除) forms, split orders, tabs, Excel re-saves
and .xlsx copies; what the buyer paid; shops; JD beside Taobao and Pinduoduo."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.importers import open_export
from shopdesk.platforms.detect import guess_spec
from shopdesk.store.deadlines_repo import deadlines_for_order
from shopdesk.store.import_repo import import_files
from shopdesk.store.store import Store
from tests.douyin_fixtures import AFTER_SALES as DOUYIN_AFTER_SALES
from tests.importers_fixtures import order, write_orders
from tests.jd_fixtures import (
    INVOICE_2021,
    JD_40,
    JD_48,
    JD_NO_RECEIVER,
    JD_RECEIVERS,
    JD_SERVICE,
    JD_XLSX_SUBSET,
    excel_number,
    jd_order,
    jd_service,
    second_sku,
    split_parent,
    write_jd_orders,
    write_jd_orders_xlsx,
    write_jd_services,
    write_jd_services_xlsx,
)
from tests.pdd_fixtures import AFTER_SALES as PDD_AFTER_SALES
from tests.pdd_fixtures import pdd_order, write_pdd_orders

NO = "11729384072"  # 11 digits, as in 2015–18
NEW_NO = "291184764662"  # 12 digits, as since 2023
EXPORT = "jd-orders.csv"


def only_order(store: Store):
    (found,) = store.list_orders()
    return found


@pytest.mark.parametrize("header", [JD_40, JD_48], ids=["40-columns", "48-columns"])
def test_both_layouts_read_by_header_name(
    store: Store, tmp_path: Path, now, header: list[str]
) -> None:
    row = jd_order(NO, 商家备注="发顺丰", 订单备注="请周末送")
    path = write_jd_orders(tmp_path / EXPORT, [row], header)
    raw = path.read_bytes()
    assert raw[:3] != b"\xef\xbb\xbf" and b"\r\n" in raw  # GBK, no BOM, CRLF
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    head, first = raw.decode("gbk").splitlines()[:2]
    assert len(head.split(",")) == len(header) and '"' not in head  # the header bare
    assert ',"王冬阳",' in first and ",在线支付," in first and ",,," in first  # quoting
    report = import_files(store, [path], now=now)
    (file,) = report.files
    assert (file.platform, file.kind, file.rows, file.added) == ("jd", "orders", 1, 1)
    assert (file.skipped, file.cleared) == ([], [])
    found = only_order(store)
    assert (found.platform, found.order_no, found.status, found.state) == (
        "jd",
        NO,
        "等待出库",
        "paid",
    )
    # 应付金额, not 订单金额 (1097.00) nor 结算金额 (which equals it here)
    assert found.paid_fen == 93245
    assert found.paid_at == "2024-06-13T02:21:40Z"  # 付款确认时间, China time
    assert found.created_at == "2024-06-13T02:21:07Z"  # 下单时间
    assert found.total_fen == 109700  # 订单金额 + 运费金额 0.00
    assert found.seller_note == "发顺丰"  # column 22 of 40, column 28 of 48
    assert found.buyer_message == "请周末送"
    assert found.buyer_nick == "rds3199358"  # 下单帐号, the buyer's JD pin
    assert (found.receiver_name, found.receiver_phone) == ("王冬阳", "13767111772")
    assert found.receiver_address == "江西南昌市青山湖区昌东工业区恒源科技园1栋"
    assert found.tracking_no == ""  # no JD layout has a waybill column
    (sku,) = store.order_lines(found.id)
    assert (sku.title, sku.price_fen, sku.quantity) == (
        "小满家居 北欧风陶瓷马克杯 400ml 奶白色",
        75800,  # 京东价, the unit price
        1,
    )
    # `商家SKUID ` in 2018; in 2021 its value sits under an unnamed column, not read
    outer_code = "MUG-400-W" if header is JD_40 else ""
    assert (sku.sub_order_no, sku.outer_code) == ("1953814331", outer_code)


def test_the_amount_paid_differs_from_the_settled_one(store: Store, tmp_path: Path, now) -> None:
    row = jd_order(NO, 订单金额="1097.00", 结算金额="1010.00", 余额支付="0.00", 应付金额="932.45")
    import_files(store, [write_jd_orders(tmp_path / EXPORT, [row])], now=now)
    assert only_order(store).paid_fen == 93245  # what the buyer pays, never 结算金额


def test_the_jd_balance_used_counts_as_paid(store: Store, tmp_path: Path, now) -> None:
    """余额支付: the part the buyer paid from the JD balance, on top of 应付金额 online."""
    row = jd_order(NO, 订单金额="1097.00", 结算金额="1010.00", 余额支付="77.55", 应付金额="932.45")
    import_files(store, [write_jd_orders(tmp_path / EXPORT, [row])], now=now)
    assert only_order(store).paid_fen == 101000


def test_an_order_not_yet_confirmed_paid_has_paid_nothing(
    store: Store, tmp_path: Path, now
) -> None:
    row = jd_order(NO, 订单状态="等待付款", 付款确认时间="")
    import_files(store, [write_jd_orders(tmp_path / EXPORT, [row])], now=now)
    found = only_order(store)
    assert (found.status, found.state) == ("等待付款", "unpaid")
    assert (found.paid_fen, found.paid_at) == (0, None)  # 应付金额 932.45 is still owed
    assert found.created_at == "2024-06-13T02:21:07Z"


def test_one_row_per_sku_the_order_once_an_identical_repeat_merged(
    store: Store, tmp_path: Path, now
) -> None:
    first = jd_order(NO, 订购数量="2")
    second = second_sku(first, 订购数量="1")
    report = import_files(
        store, [write_jd_orders(tmp_path / EXPORT, [first, second, first])], now=now
    )
    (file,) = report.files
    assert (file.rows, file.added, file.merged, len(file.skipped)) == (3, 1, 2, 0)
    found = only_order(store)
    assert found.paid_fen == 93245  # repeated on every row, counted once
    assert (found.lines, found.item_count) == (2, 3)
    assert (
        found.item_titles
        == "小满家居 北欧风陶瓷马克杯 400ml 奶白色，小满家居 不锈钢保温饭盒 三层 薄荷绿"
    )
    lines = store.order_lines(found.id)
    assert [(li.sub_order_no, li.quantity, li.price_fen) for li in lines] == [
        ("1953814331", 2, 75800),
        ("1953814332", 1, 33900),
    ]


JD_WORDS = {
    "等待付款": "unpaid",
    "等待出库": "paid",
    "(锁定)等待出库": "paid",
    "锁定": "paid",
    "等待确认收货": "shipped",
    "完成": "success",
    "已取消": "closed",
    "(删除)等待确认收货": "closed",
    "(删除)等待付款": "closed",
    "(删除)等待出库": "closed",  # deleted, not split: no 订单拆分为 in 商家备注
    "(锁定)等待确认收货": "shipped",
    # the open platform's words (jd.md, API states), should an export carry them
    "已锁定": "paid",
    "取消": "closed",
    # the prefixes in full-width brackets
    "（删除）等待付款": "closed",
    "（锁定）等待出库": "paid",
}


def test_status_words_and_their_locked_and_deleted_forms_kept_verbatim(
    store: Store, tmp_path: Path, now
) -> None:
    rows = [jd_order(f"{11729384100 + i}", 订单状态=word) for i, word in enumerate(JD_WORDS)]
    rows.append(jd_order("11729384999", 订单状态="等待商家处理新状态"))
    report = import_files(store, [write_jd_orders(tmp_path / EXPORT, rows)], now=now)
    assert {o.status: o.state for o in store.list_orders()} == JD_WORDS
    (skipped,) = report.files[0].skipped
    assert (skipped.row, skipped.column, skipped.value) == (
        len(JD_WORDS) + 2,
        "订单状态",
        "等待商家处理新状态",
    )
    assert "不认识这个京东订单状态" in skipped.reason


CONFIRMED = "2024-06-13 10:21:40"


@pytest.mark.parametrize(
    ("word", "paid_time", "state", "paid_fen"),
    [
        ("(删除)等待付款", "", "closed", 0),  # deleted before payment: nothing paid
        ("等待付款", "", "unpaid", 0),
        ("(删除)等待确认收货", CONFIRMED, "closed", 93245),  # deleted after payment
        ("(删除)等待出库", CONFIRMED, "closed", 93245),
        ("(锁定)等待出库", CONFIRMED, "paid", 93245),
        ("锁定", CONFIRMED, "paid", 93245),
        ("已取消", "", "closed", 0),
        ("已取消", CONFIRMED, "closed", 93245),  # cancelled after paying: paid, then refunded
        ("完成", CONFIRMED, "success", 93245),
    ],
)
def test_a_status_is_stored_verbatim_and_paid_is_the_amount_to_pay_once_confirmed(
    store: Store, tmp_path: Path, now, word: str, paid_time: str, state: str, paid_fen: int
) -> None:
    """paid_fen: 应付金额 (+ 余额支付, 0.00 here) once 付款确认时间 is set, else 0; 结算金额
    and 订单金额 never."""
    row = jd_order(NO, 订单状态=word, 付款确认时间=paid_time, 结算金额="900.00")
    report = import_files(store, [write_jd_orders(tmp_path / EXPORT, [row])], now=now)
    assert (report.files[0].added, report.files[0].skipped) == (1, [])
    found = only_order(store)
    assert (found.status, found.state, found.paid_fen) == (word, state, paid_fen)
    assert found.paid_at == ("2024-06-13T02:21:40Z" if paid_time else None)


def test_a_split_parent_is_not_an_order_beside_its_children(
    store: Store, tmp_path: Path, now
) -> None:
    children = ("11729439936", "11749907506")
    rows = [
        split_parent(NO, children),
        second_sku(split_parent(NO, children)),
        jd_order(children[0], 应付金额="620.00"),
        jd_order(children[1], 订单状态="等待确认收货", 应付金额="312.45"),
    ]
    report = import_files(store, [write_jd_orders(tmp_path / EXPORT, rows)], now=now)
    (file,) = report.files
    assert (file.rows, file.added, len(file.skipped)) == (4, 2, 2)
    assert [(p.row, p.column, p.value) for p in file.skipped] == [
        (2, "订单状态", "(删除)等待出库"),
        (3, "订单状态", "(删除)等待出库"),
    ]
    assert "已拆分为 11729439936、11749907506" in file.skipped[0].reason
    assert {o.order_no: o.paid_fen for o in store.list_orders()} == {
        children[0]: 62000,
        children[1]: 31245,
    }


def test_an_order_imported_before_its_split_is_closed_by_it(
    store: Store, tmp_path: Path, now
) -> None:
    import_files(store, [write_jd_orders(tmp_path / "morning.csv", [jd_order(NO)])], now=now)
    later = write_jd_orders(
        tmp_path / "evening.csv",
        [split_parent(NO, ("11729439936", "11749907506")), jd_order("11729439936")],
    )
    report = import_files(store, [later], now=now)
    assert (report.files[0].updated, report.files[0].added) == (1, 1)
    parent = store.find_order("jd", NO)
    assert (parent.status, parent.state) == ("(删除)等待出库", "closed")
    assert parent.lines == 1  # its SKU rows are the children's now, not added to it


def test_tabs_and_spaces_around_cells_are_stripped(store: Store, tmp_path: Path, now) -> None:
    typed = {
        (0, "订单号"): f"{NO}\t",
        (0, "订购数量"): "2\t",
        (0, "应付金额"): "932.45\t",
        (0, "订单状态"): "等待确认收货\t",
        (0, "下单时间"): "2024-06-13 10:21:07\t",
        (0, "商品ID"): " 1953814331\t",
    }
    path = write_jd_orders(tmp_path / EXPORT, [jd_order(NO)], typed=typed)
    import_files(store, [path], now=now)
    found = only_order(store)
    assert (found.order_no, found.status, found.paid_fen) == (NO, "等待确认收货", 93245)
    assert found.created_at == "2024-06-13T02:21:07Z"
    (sku,) = store.order_lines(found.id)
    assert (sku.quantity, sku.sub_order_no) == (2, "1953814331")


def test_line_breaks_and_tabs_inside_quoted_cells_are_stripped(
    store: Store, tmp_path: Path, now
) -> None:
    """JDSalesOrderVO strips \\r, \\n and \\t from its cells: so does ShopDesk, quoted or not."""
    typed = {
        (0, "订单状态"): '"等待确认收货\r\n"',
        (0, "订购数量"): '"2\r\n"',
        (0, "下单时间"): '"2024-06-13 10:21:07\n"',
        (0, "商品ID"): '"\t1953814331\r\n"',
        (0, "应付金额"): '"\t932.45"',
        (0, "付款确认时间"): '"2024-06-13 10:21:40\t"',
    }
    path = write_jd_orders(tmp_path / EXPORT, [jd_order(NO)], typed=typed)
    (file,) = import_files(store, [path], now=now).files
    assert (file.added, file.skipped, file.cleared) == (1, [], [])
    found = only_order(store)
    assert (found.status, found.state, found.paid_fen) == ("等待确认收货", "shipped", 93245)
    assert (found.created_at, found.paid_at) == ("2024-06-13T02:21:07Z", "2024-06-13T02:21:40Z")
    (sku,) = store.order_lines(found.id)
    assert (sku.quantity, sku.sub_order_no) == (2, "1953814331")


def test_money_is_read_exactly_in_fen_and_a_12_digit_number_kept_as_text(
    store: Store, tmp_path: Path, now
) -> None:
    """jd.md, Money: Decimal, never float (19.99, 16.84, 1.15 are not exact floats)."""
    row = jd_order(
        NEW_NO,
        京东价="19.99",
        订单金额="19.99",
        结算金额="17.99",
        余额支付="1.15",
        应付金额="16.84",
        运费金额="10.00",
    )
    import_files(store, [write_jd_orders(tmp_path / EXPORT, [row])], now=now)
    found = only_order(store)
    assert found.order_no == NEW_NO  # 12 digits, as text
    assert (found.paid_fen, found.total_fen, found.postage_fen) == (1799, 2999, 1000)
    assert store.order_lines(found.id)[0].price_fen == 1999


def test_a_header_is_read_by_its_trimmed_names_and_the_file_known_whatever_its_name(
    store: Store, tmp_path: Path, now
) -> None:
    """jd.md: the file name is not established (detect by header); map by trimmed name."""
    padded = {"订单号": " 订单号", "订单状态": "订单状态\t", "应付金额": "应付金额 "}
    header = [padded.get(name, name) for name in JD_40]
    for name in ("订单导出 (3).csv", "export_20240613.csv", "1.csv"):
        path = write_jd_orders(tmp_path / name, [jd_order(NO)], header)
        assert open_export(path).platform == "jd"
    (file,) = import_files(store, [path], now=now).files
    assert (file.platform, file.kind, file.added, file.skipped) == ("jd", "orders", 1, [])
    found = only_order(store)
    assert (found.order_no, found.status, found.paid_fen) == (NO, "等待出库", 93245)


def test_a_masked_phone_is_kept_as_jd_wrote_it(store: Store, tmp_path: Path, now) -> None:
    path = write_jd_orders(tmp_path / EXPORT, [jd_order(NO, 联系电话="1******6198")])
    import_files(store, [path], now=now)
    assert only_order(store).receiver_phone == "1******6198"


def test_virtual_numbers_masked_receivers_and_none_exported_import_as_jd_wrote_them(
    store: Store, tmp_path: Path, now
) -> None:
    """jd.md, Masking: a virtual number keeps its extension, a masked name / phone /
    address stays masked, an unexported receiver stays empty: nothing read as a mangled
    number, nothing private filled in."""
    rows = [jd_order(f"{11729384200 + i}", **r) for i, r in enumerate(JD_RECEIVERS, 1)]
    path = write_jd_orders(tmp_path / EXPORT, rows)
    report = import_files(store, [path], now=now)
    (file,) = report.files
    assert (file.added, file.skipped, file.cleared) == (len(rows), [], [])
    plain = jd_order()
    for i, receiver in enumerate(JD_RECEIVERS, 1):
        found = store.find_order("jd", f"{11729384200 + i}")
        expected = {
            name: receiver.get(name, plain[name]) for name in ("客户姓名", "联系电话", "客户地址")
        }
        assert (found.receiver_name, found.receiver_phone, found.receiver_address) == (
            expected["客户姓名"],
            expected["联系电话"],
            expected["客户地址"],
        )
        assert (found.status, found.paid_fen, found.buyer_nick) == ("等待出库", 93245, "rds3199358")
    none = store.find_order("jd", "11729384205")
    assert (none.receiver_name, none.receiver_phone, none.receiver_address) == ("", "", "")


@pytest.mark.parametrize("how", ["empty cells", "columns left out"])
def test_a_later_export_without_the_receiver_keeps_the_known_one(
    store: Store, tmp_path: Path, now, how: str
) -> None:
    import_files(store, [write_jd_orders(tmp_path / "a.csv", [jd_order(NO)])], now=now)
    shipped = dict(订单状态="等待确认收货")
    if how == "empty cells":
        later = write_jd_orders(tmp_path / "b.csv", [jd_order(NO, **JD_RECEIVERS[-1], **shipped)])
    else:
        later = write_jd_orders(tmp_path / "b.csv", [jd_order(NO, **shipped)], JD_NO_RECEIVER)
    new = jd_order("11729384073")
    rows_later = [new] if how == "columns left out" else [{**new, **JD_RECEIVERS[-1]}]
    header = JD_NO_RECEIVER if how == "columns left out" else JD_40
    other = write_jd_orders(tmp_path / "c.csv", rows_later, header)
    report = import_files(store, [later, other], now=now)
    assert [(f.platform, f.updated, f.added, f.skipped) for f in report.files] == [
        ("jd", 1, 0, []),
        ("jd", 0, 1, []),
    ]
    known = store.find_order("jd", NO)
    assert known.status == "等待确认收货"
    assert (known.receiver_name, known.receiver_phone) == ("王冬阳", "13767111772")
    assert known.receiver_address == "江西南昌市青山湖区昌东工业区恒源科技园1栋"
    fresh = store.find_order("jd", "11729384073")
    assert (fresh.receiver_name, fresh.receiver_phone, fresh.receiver_address) == ("", "", "")


def test_excel_resave_slash_dates_trimmed_amounts_and_a_mangled_order_number(
    store: Store, tmp_path: Path, now
) -> None:
    import_files(store, [write_jd_orders(tmp_path / EXPORT, [jd_order(NO)])], now=now)
    rows = [jd_order(NO), jd_order(NEW_NO, 应付金额="58.80"), jd_order("11729384073")]
    resaved = write_jd_orders(tmp_path / "resaved.csv", rows, excel=True)
    text = resaved.read_bytes().decode("gbk")
    assert "2024/6/13 10:21," in text and ",758," in text and "2.91185E+11" in text
    assert excel_number(NEW_NO) == "2.91185E+11"
    report = import_files(store, [resaved], now=now)
    (file,) = report.files
    # the 12-digit number Excel rounded: skipped and reported, never stored rounded
    (skipped,) = file.skipped
    assert (skipped.row, skipped.column, skipped.value) == (3, "订单号", "2.91185E+11")
    assert "科学计数法" in skipped.reason
    assert {o.order_no for o in store.list_orders()} == {NO, "11729384073"}
    assert (file.added, file.unchanged) == (1, 1)
    # minutes never replace the known seconds; 758 is 758.00
    assert store.find_order("jd", NO).paid_at == "2024-06-13T02:21:40Z"
    new = store.find_order("jd", "11729384073")
    assert (new.paid_at, new.paid_fen) == ("2024-06-13T02:21:00Z", 93245)
    assert store.order_lines(new.id)[0].price_fen == 75800


WAYBILL = "773299512345678"  # a 快递单号 column a seller added, 15 digits


@pytest.mark.parametrize(
    "mangled", ["2.91185E+11", "2.9E+11", "2.91185e+11", "2.91184764662E+11", "6.9E+18"]
)
def test_an_excel_resaved_order_number_in_scientific_notation_is_skipped_and_named(
    store: Store, tmp_path: Path, now, mangled: str
) -> None:
    """jd.md, IDs: reject such a key, never round it, even when every digit seems there;
    the waybill Excel rounded in the same file is left empty and named; the file is
    still GBK and its dates have lost their seconds."""
    header = [*JD_40, "快递单号"]
    rows = [
        jd_order(NO, 订单状态="等待确认收货", 快递单号=WAYBILL),
        jd_order(NEW_NO, 订单状态="等待确认收货"),
    ]
    path = write_jd_orders(
        tmp_path / "resaved.csv", rows, header, excel=True, typed={(1, "订单号"): mangled}
    )
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gbk")
    assert ",2024/6/13 10:21," in text and ",7.733E+14" in text and f"\r\n{mangled}," in text
    (file,) = import_files(store, [path], now=now).files
    assert (file.rows, file.added) == (2, 1)
    (skipped,) = file.skipped
    assert (skipped.file, skipped.row, skipped.column, skipped.value) == (
        "resaved.csv",
        3,
        "订单号",
        mangled,
    )
    assert "科学计数法" in skipped.reason and "这一行未导入" in skipped.reason
    (cleared,) = file.cleared
    assert (cleared.file, cleared.row, cleared.column, cleared.value) == (
        "resaved.csv",
        2,
        "快递单号",
        "7.733E+14",
    )
    assert "科学计数法" in cleared.reason
    (found,) = store.list_orders()  # nothing under a rounded or a guessed number
    assert (found.order_no, found.tracking_no, found.status) == (NO, "", "等待确认收货")
    assert (found.paid_at, found.created_at) == ("2024-06-13T02:21:00Z", "2024-06-13T02:21:00Z")
    assert found.paid_fen == 93245  # 932.45 stays 932.45


def test_a_waybill_excel_rounded_keeps_the_stored_one(store: Store, tmp_path: Path, now) -> None:
    header = [*JD_40, "快递单号"]
    rows = [jd_order(NO, 订单状态="等待确认收货", 快递单号=WAYBILL)]
    import_files(store, [write_jd_orders(tmp_path / EXPORT, rows, header)], now=now)
    assert only_order(store).tracking_no == WAYBILL
    resaved = write_jd_orders(tmp_path / "resaved.csv", rows, header, excel=True)
    (file,) = import_files(store, [resaved], now=now).files
    assert [(c.row, c.column, c.value) for c in file.cleared] == [(2, "快递单号", "7.733E+14")]
    assert only_order(store).tracking_no == WAYBILL  # never 773300000000000


def test_excel_mangled_non_key_numbers_are_left_empty_and_reported(
    store: Store, tmp_path: Path, now
) -> None:
    original = jd_order(NO, 货号="6901234567892", 商家SKUID="", 商品ID="100012345678")
    import_files(store, [write_jd_orders(tmp_path / EXPORT, [original])], now=now)
    resaved = write_jd_orders(
        tmp_path / "resaved.csv", [original, jd_order("11729384073", 货号="6901234567892")],
        excel=True,
    )  # fmt: skip
    report = import_files(store, [resaved], now=now)
    (file,) = report.files
    assert file.skipped == []
    assert sorted((c.row, c.column, c.value) for c in file.cleared) == [
        (2, "商品ID", "1.00012E+11"),
        (2, "货号", "6.90123E+12"),
        (3, "货号", "6.90123E+12"),
    ]
    assert "科学计数法" in file.cleared[0].reason
    kept = store.order_lines(store.find_order("jd", NO).id)
    assert [(li.sub_order_no, li.outer_code) for li in kept] == [("100012345678", "6901234567892")]
    new = store.order_lines(store.find_order("jd", "11729384073").id)
    assert [li.outer_code for li in new] == ["MUG-400-W"]  # 商家SKUID; the barcode dropped
    cleared_new = jd_order("11729384074", 货号="6901234567892", 商家SKUID="")
    again = write_jd_orders(tmp_path / "new.csv", [cleared_new], excel=True)
    import_files(store, [again], now=now)
    (line,) = store.order_lines(store.find_order("jd", "11729384074").id)
    assert line.outer_code == ""  # never the rounded barcode


def test_a_phone_excel_rounded_keeps_the_stored_one(store: Store, tmp_path: Path, now) -> None:
    import_files(store, [write_jd_orders(tmp_path / EXPORT, [jd_order(NO)])], now=now)
    typed = {(0, "联系电话"): "1.37671E+10"}
    path = write_jd_orders(tmp_path / "resaved.csv", [jd_order(NO)], excel=True, typed=typed)
    report = import_files(store, [path], now=now)
    (cleared,) = report.files[0].cleared
    assert (cleared.row, cleared.column, cleared.value) == (2, "联系电话", "1.37671E+10")
    assert only_order(store).receiver_phone == "13767111772"


def test_a_waybill_column_a_seller_adds_gives_the_first_tracking_number(
    store: Store, tmp_path: Path, now
) -> None:
    header = [*JD_40, "快递公司", "快递单号"]
    rows = [
        jd_order(NO, 订单状态="等待确认收货", 快递公司="圆通快递"),
        jd_order("11729384073", 订单状态="等待确认收货"),
    ]
    typed = {(0, "快递单号"): '"600068596612015883\t"', (1, "快递单号"): "6.00069E+17"}
    path = write_jd_orders(tmp_path / EXPORT, rows, header, typed=typed)
    report = import_files(store, [path], now=now)
    assert store.find_order("jd", NO).tracking_no == "600068596612015883"
    assert store.find_order("jd", NO).courier == "圆通快递"
    assert store.find_order("jd", "11729384073").tracking_no == ""
    (cleared,) = report.files[0].cleared
    assert (cleared.row, cleared.column) == (3, "快递单号")


def test_the_2021_layout_s_17_unnamed_trailing_columns_are_ignored(
    store: Store, tmp_path: Path, now
) -> None:
    """jd.md: 48 columns, the last 17 unnamed. Whatever they hold (here the 2018 tail: a
    13-digit 货号, a finish date, 商家SKUID) is not read, not even when Excel mangled it."""
    assert JD_48[:31] == [*JD_40[:21], *INVOICE_2021, *JD_40[21:25]]
    assert JD_48[31:] == [""] * 17
    row = jd_order(NO, 货号="6901234567892", 订单完成时间="2024-06-18 09:00:00")
    path = write_jd_orders(tmp_path / EXPORT, [row], JD_48)
    head, line = path.read_bytes().decode("gbk").splitlines()
    assert head.endswith(",付款确认时间" + "," * 17)
    assert line.count(",") == 47 and ",6901234567892,2024-06-18 09:00:00," in line
    report = import_files(store, [path], now=now)
    (file,) = report.files
    assert (file.rows, file.added, file.skipped, file.cleared) == (1, 1, [], [])
    found = only_order(store)
    assert (found.status, found.paid_fen, found.confirmed_at) == ("等待出库", 93245, None)
    assert found.paid_at == "2024-06-13T02:21:40Z"  # 付款确认时间, the 31st column
    (sku,) = store.order_lines(found.id)
    assert (sku.sub_order_no, sku.outer_code) == ("1953814331", "")

    resaved = write_jd_orders(tmp_path / "resaved.csv", [row], JD_48, excel=True)
    assert ",6.90123E+12," in resaved.read_bytes().decode("gbk")  # under an unnamed column
    again = import_files(store, [resaved], now=now).files[0]
    assert (again.unchanged, again.skipped, again.cleared) == (1, [], [])

    copy = write_jd_orders_xlsx(tmp_path / "jd-orders.xlsx", [row], JD_48)
    kept = import_files(store, [copy], now=now).files[0]  # the empty header cells unstored
    assert (kept.rows, kept.skipped, kept.cleared) == (1, [], [])


def test_content_past_the_48_declared_columns_is_a_broken_row(
    store: Store, tmp_path: Path, now
) -> None:
    rows = [jd_order(NO), jd_order("11729384073")]
    path = write_jd_orders(tmp_path / EXPORT, rows, JD_48)
    lines = path.read_bytes().decode("gbk").split("\r\n")
    lines[2] += ",多出来的一格"  # the 49th cell: the row is shifted, not trusted
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    (file,) = import_files(store, [path], now=now).files
    ((row, value),) = [(p.row, p.value) for p in file.skipped]
    assert (row, value) == (3, "多出来的一格")
    assert {o.order_no for o in store.list_orders()} == {NO}


def test_an_xlsx_copy_with_numbers_and_date_cells(store: Store, tmp_path: Path, now) -> None:
    rows = [jd_order(NEW_NO), second_sku(jd_order(NEW_NO))]
    path = write_jd_orders_xlsx(tmp_path / "jd-orders.xlsx", rows, JD_48)
    import_files(store, [path], now=now)
    found = only_order(store)
    assert (found.order_no, found.paid_fen, found.lines) == (NEW_NO, 93245, 2)
    assert found.paid_at == "2024-06-13T02:21:40Z"
    assert [li.sub_order_no for li in store.order_lines(found.id)] == ["1953814331", "1953814332"]


def test_a_copy_without_the_amount_to_pay_is_refused_naming_it(
    store: Store, tmp_path: Path, now
) -> None:
    path = write_jd_orders_xlsx(tmp_path / "file1.xlsx", [jd_order(NO)], JD_XLSX_SUBSET)
    with pytest.raises(InputError, match="file1.xlsx：京东订单导出缺少必需的列：应付金额"):
        import_files(store, [path], now=now)
    assert store.list_orders() == []


def test_every_row_mangled_refuses_the_file(store: Store, tmp_path: Path, now) -> None:
    rows = [jd_order(NEW_NO), jd_order("291184764663")]
    path = write_jd_orders(tmp_path / EXPORT, rows, excel=True)
    with pytest.raises(InputError, match="2 行数据全部无法导入.*科学计数法"):
        import_files(store, [path], now=now)
    assert store.list_orders() == []


def test_reimport_adds_nothing_and_jd_with_taobao_and_pdd_in_one_import(
    store: Store, tmp_path: Path, now
) -> None:
    files = [
        write_jd_orders(tmp_path / EXPORT, [jd_order(NO), second_sku(jd_order(NO))], JD_48),
        write_pdd_orders(tmp_path / "a_orders_export2024-06-15.csv", [pdd_order()]),
        write_orders(tmp_path / "ExportOrderList202406201030.csv", [order("3901234567890120")]),
    ]
    first = import_files(store, files, now=now)
    assert [(f.platform, f.kind, f.added) for f in first.files] == [
        ("jd", "orders", 1),
        ("pdd", "orders", 1),
        ("taobao", "orders", 1),
    ]
    again = import_files(store, files, now=now)
    assert [(f.added, f.updated) for f in again.files] == [(0, 0)] * 3
    assert sorted(o.platform for o in store.list_orders()) == ["jd", "pdd", "taobao"]
    assert store.find_order("jd", NO).lines == 2
    shops = store.db.execute("SELECT name, platform FROM shops ORDER BY id").fetchall()
    assert ("京东店铺", "jd") in shops  # a new JD shop, named for the platform


def test_a_later_export_updates_the_status(store: Store, tmp_path: Path, now) -> None:
    import_files(store, [write_jd_orders(tmp_path / "a.csv", [jd_order(NO)])], now=now)
    done = jd_order(NO, 订单状态="完成", 订单完成时间="2024-06-18 09:00:00")
    report = import_files(store, [write_jd_orders(tmp_path / "b.csv", [done])], now=now)
    assert report.files[0].updated == 1
    found = only_order(store)
    assert (found.status, found.state) == ("完成", "success")
    assert found.confirmed_at == "2024-06-18T01:00:00Z"


def test_detection_scores_the_whole_header_and_names_the_after_sales_export(
    tmp_path: Path,
) -> None:
    spec = guess_spec(JD_40)
    assert (spec.platform, spec.kind) == ("jd", "orders")  # 订单号 is Pinduoduo's too
    assert open_export(write_jd_orders(tmp_path / EXPORT, [jd_order()])).platform == "jd"
    after_sales = ["服务单号", "申请单号", "订单号", "商品编号", "客户期望", "审核结果", "取件方式"]
    spec = guess_spec(after_sales)
    assert (spec.platform, spec.kind) == ("jd", "refunds")
    # without 服务单状态 and 申请时间 it is named and refused, the columns said
    path = tmp_path / "jd-after-sales.csv"
    path.write_bytes((",".join(after_sales) + "\r\n1,2,3,4,5,6,7\r\n").encode("gbk"))
    with pytest.raises(InputError, match="京东售后服务单导出缺少必需的列：服务单状态、申请时间"):
        open_export(path)


def test_no_clock_is_invented_for_a_jd_order(store: Store, tmp_path: Path, now) -> None:
    # JD's ship-by and auto-confirm durations are not found in its rules: no estimate
    rows = [jd_order(NO), jd_order("11729384073", 订单状态="等待确认收货")]
    import_files(store, [write_jd_orders(tmp_path / EXPORT, rows)], now=now)
    at = datetime(2024, 6, 14, tzinfo=UTC)
    for found in store.list_orders():
        assert deadlines_for_order(store, found, at) == []


# -- the 售后服务单 export ------------------------------------------------------------

SERVICES = "jd-services.csv"
AUDITED = {"审核时间": "2024-06-16 10:00:00", "审核结果": "审核通过"}
DONE = {**AUDITED, "处理时间": "2024-06-18 15:30:00", "处理结果": "已退款"}


def _cases(store: Store) -> dict[str, object]:
    return {c.platform_refund_no: c for c in store.list_cases()}


def test_a_service_order_export_is_the_jd_after_sales_kind_by_its_whole_header() -> None:
    spec = guess_spec(JD_SERVICE)
    assert (spec.platform, spec.kind) == ("jd", "refunds")
    # 订单号, 商品名称, 申请时间 are other platforms' too: their after-sales exports stay theirs
    assert (guess_spec(PDD_AFTER_SALES).platform, guess_spec(PDD_AFTER_SALES).kind) == (
        "pdd",
        "refunds",
    )
    douyin = guess_spec(DOUYIN_AFTER_SALES)
    assert (douyin.platform, douyin.kind) == ("douyin", "refunds")
    assert guess_spec(JD_40).kind == "orders"
    # in another order, with only some of its fields: still JD's
    some = ["订单号", "服务单号", "客户期望", "服务单状态", "申请时间", "商品名称"]
    assert (guess_spec(some).platform, guess_spec(some).kind) == ("jd", "refunds")


@pytest.mark.parametrize(
    ("expectation", "status", "fields", "kind", "state"),
    [
        ("10", "10001", {}, "return_refund", "awaiting_seller"),
        ("退货", "待审核", {}, "return_refund", "awaiting_seller"),
        ("10", "10002", {}, "return_refund", "awaiting_seller"),
        ("20", "10004", AUDITED, "exchange", "refused"),
        ("换货", "待收货", AUDITED, "exchange", "return_in_transit"),
        ("10", "10007", AUDITED, "return_refund", "awaiting_refund"),
        ("20", "待处理", AUDITED, "exchange", "awaiting_seller"),
        ("30", "10005", AUDITED, "exchange", "return_in_transit"),  # 维修: an exchange's steps
        ("11", "10007", AUDITED, "refund_shipped", "awaiting_refund"),
        ("80", "10009", DONE, "reship", "resolved"),
        ("补发商品", "完成", DONE, "reship", "closed"),
        ("仅退款", "10010", DONE, "refund_shipped", "refunded"),
        ("10", "10011", {}, "return_refund", "withdrawn"),
    ],
)
def test_status_and_request_read_from_the_code_or_the_word(
    store: Store, tmp_path: Path, now, expectation, status, fields, kind, state
) -> None:
    row = jd_service("1654987321", NO, expectation, status, **fields)
    report = import_files(store, [write_jd_services(tmp_path / SERVICES, [row])], now=now)
    (found,) = report.files
    assert (found.platform, found.kind, found.added, found.skipped) == ("jd", "refunds", 1, [])
    (case,) = store.list_cases()
    assert (case.platform, case.order_no, case.kind, case.state) == ("jd", NO, kind, state)
    assert case.platform_status == status  # verbatim, code or word
    events = [e.kind for e in store.events(case.id)]
    assert events[0] == "opened"
    if fields:
        assert ("seller_refused" if state == "refused" else "seller_agreed") in events


def test_money_is_what_the_customer_paid_when_money_is_asked(
    store: Store, tmp_path: Path, now
) -> None:
    rows = [
        jd_service("1001", NO, "10", "10001", 实付金额="758.00"),
        jd_service("1002", "11729384073", "20", "10001", 实付金额="339.00"),
        jd_service("1003", "11729384074", "11", "10001", 实付金额="58.80"),
    ]
    import_files(store, [write_jd_services(tmp_path / SERVICES, rows)], now=now)
    found = _cases(store)
    assert [found[no].refund_fen for no in ("1001", "1002", "1003")] == [75800, 0, 5880]
    # a 退款金额 column, where a seller's export has one, says it
    header = [*JD_SERVICE, "退款金额"]
    row = jd_service("1004", "11729384075", "10", "10001", 退款金额="700.00")
    import_files(store, [write_jd_services(tmp_path / "b.csv", [row], header)], now=now)
    assert _cases(store)["1004"].refund_fen == 70000


def test_service_orders_join_the_order_export_and_reimport_adds_nothing(
    store: Store, tmp_path: Path, now
) -> None:
    orders = write_jd_orders(tmp_path / EXPORT, [jd_order(NO, 订单状态="完成")])
    services = write_jd_services(tmp_path / SERVICES, [jd_service("1654987321", NO)])
    first = import_files(store, [orders, services], now=now)
    assert [(f.kind, f.added) for f in first.files] == [("orders", 1), ("refunds", 1)]
    (case,) = store.list_cases()
    assert case.order_id == only_order(store).id
    again = import_files(store, [orders, services], now=now)
    assert [(f.added, f.updated) for f in again.files] == [(0, 0), (0, 0)]


def test_a_later_export_moves_the_case_on(store: Store, tmp_path: Path, now) -> None:
    import_files(store, [write_jd_services(tmp_path / "a.csv", [jd_service("1", NO)])], now=now)
    later = jd_service("1", NO, "10", "10005", **AUDITED)
    report = import_files(store, [write_jd_services(tmp_path / "b.csv", [later])], now=now)
    assert report.files[0].updated == 1
    (case,) = store.list_cases()
    assert (case.state, case.platform_status) == ("return_in_transit", "10005")


def test_an_order_known_only_from_a_service_order_was_shipped(
    store: Store, tmp_path: Path, now
) -> None:
    import_files(store, [write_jd_services(tmp_path / SERVICES, [jd_service("1", NO)])], now=now)
    assert only_order(store).state == "shipped"  # 退换修 is for goods the customer has


def test_bad_rows_are_skipped_naming_the_row_and_the_column(
    store: Store, tmp_path: Path, now
) -> None:
    rows = [
        jd_service("1001", NO),
        jd_service("1002", NO, "99"),
        jd_service("1003", NO, "10", "10099"),
        jd_service("1004", NO, 申请时间=""),
        jd_service("1005", "JD-NO"),
    ]
    report = import_files(store, [write_jd_services(tmp_path / SERVICES, rows)], now=now)
    (found,) = report.files
    assert found.added == 1
    assert [(p.file, p.row, p.column, p.value) for p in found.skipped] == [
        (SERVICES, 3, "客户期望", "99"),
        (SERVICES, 4, "服务单状态", "10099"),
        (SERVICES, 5, "申请时间", ""),
        (SERVICES, 6, "订单号", "JD-NO"),
    ]
    assert "客户期望" in found.skipped[0].reason and "服务单状态" in found.skipped[1].reason


def test_an_excel_resave_keeps_what_is_exact_and_skips_a_mangled_key(
    store: Store, tmp_path: Path, now
) -> None:
    rows = [
        jd_service("1654987321", NO, "10", "10001"),
        jd_service("165498732100001", "11729384073", "10", "10001"),  # 15 digits: lost
    ]
    path = write_jd_services(tmp_path / SERVICES, rows, excel=True)
    assert "1.65499E+14" in path.read_bytes().decode("gbk")
    (found,) = import_files(store, [path], now=now).files
    assert found.added == 1
    ((row, column),) = [(p.row, p.column) for p in found.skipped]
    assert (row, column) == (3, "服务单号")
    (case,) = store.list_cases()
    assert case.opened_at == "2024-06-16T01:12:00Z"  # slash date without its seconds


def test_an_xlsx_copy_with_number_and_date_cells(store: Store, tmp_path: Path, now) -> None:
    rows = [jd_service("1654987321", NO, "10", "10007", **AUDITED)]
    path = write_jd_services_xlsx(tmp_path / "jd-services.xlsx", rows)
    (found,) = import_files(store, [path], now=now).files
    assert (found.platform, found.kind, found.added) == ("jd", "refunds", 1)
    (case,) = store.list_cases()
    assert (case.platform_refund_no, case.order_no) == ("1654987321", NO)
    assert (case.state, case.platform_status, case.refund_fen) == (
        "awaiting_refund",
        "10007",
        75800,
    )


def test_columns_are_found_by_name_in_any_order_under_other_spellings(
    store: Store, tmp_path: Path, now
) -> None:
    header = ["订单编号", "商品名称", "服务单状态名称", "服务单编号", "服务类型", "申请时间"]
    row = {
        "订单编号": NO,
        "商品名称": "马克杯",
        "服务单状态名称": "待审核",
        "服务单编号": "1654987321",
        "服务类型": "换货",
        "申请时间": "2024-06-16 09:12:30",
    }
    (found,) = import_files(
        store, [write_jd_services(tmp_path / SERVICES, [row], header)], now=now
    ).files
    assert (found.platform, found.kind, found.added) == ("jd", "refunds", 1)
    (case,) = store.list_cases()
    assert (case.order_no, case.kind, case.state, case.refund_fen) == (
        NO,
        "exchange",
        "awaiting_seller",
        0,
    )


@pytest.mark.parametrize("order_first", [True, False], ids=["order-first", "service-first"])
def test_a_masked_customer_phone_on_a_service_order_never_replaces_the_known_one(
    store: Store, tmp_path: Path, now, order_first: bool
) -> None:
    """jd.md (b): the 服务单 carries a desensitised 用户电话 (`137****1772`) and 客户姓名.
    The import takes neither: it does not fail, the case joins the order, and the order's
    full receiver from the order export stays whatever the files' order."""
    orders = write_jd_orders(tmp_path / EXPORT, [jd_order(NO, 订单状态="等待确认收货")])
    masked = jd_service("1654987321", NO, 用户电话="137****1772", 客户姓名="王*阳")
    services = write_jd_services(tmp_path / SERVICES, [masked])
    assert "137****1772" in services.read_bytes().decode("gbk")
    report = import_files(store, [orders, services] if order_first else [services, orders], now=now)
    assert all(f.skipped == [] and f.cleared == [] for f in report.files)
    found = only_order(store)
    assert (found.receiver_name, found.receiver_phone) == ("王冬阳", "13767111772")
    assert found.receiver_address == "江西南昌市青山湖区昌东工业区恒源科技园1栋"
    (case,) = store.list_cases()
    assert (case.order_id, case.state) == (found.id, "awaiting_seller")
    # a later 服务单 export, its phone masked another way, changes the case only
    later = jd_service("1654987321", NO, "10", "10005", 用户电话="1******1772", **AUDITED)
    again = import_files(store, [write_jd_services(tmp_path / "b.csv", [later])], now=now)
    assert (again.files[0].updated, again.files[0].skipped) == (1, [])
    assert only_order(store).receiver_phone == "13767111772"


def test_a_service_order_alone_stores_no_masked_phone(store: Store, tmp_path: Path, now) -> None:
    row = jd_service("1654987321", NO, 用户电话="137****1772")
    import_files(store, [write_jd_services(tmp_path / SERVICES, [row])], now=now)
    found = only_order(store)  # known only from the 服务单: no receiver is made up
    assert (found.receiver_name, found.receiver_phone, found.receiver_address) == ("", "", "")
    later = write_jd_orders(tmp_path / EXPORT, [jd_order(NO, 订单状态="等待确认收货")])
    import_files(store, [later], now=now)
    assert only_order(store).receiver_phone == "13767111772"  # the order export fills it
