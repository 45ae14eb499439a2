"""`shopdesk import` / `orders` on JD files beside Taobao and Pinduoduo ones, as a seller's
script runs them (the real process)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import shopdesk
from tests.importers_fixtures import order, write_orders
from tests.jd_fixtures import (
    JD_40,
    JD_48,
    JD_RECEIVERS,
    JD_SERVICE,
    jd_order,
    jd_service,
    second_sku,
    split_parent,
    write_jd_orders,
    write_jd_services,
)
from tests.pdd_fixtures import pdd_order, write_pdd_orders

NO = "11729384072"
SHIPPED = "291184764662"
UNPAID = "11729384073"
PARENT = "11729384000"
TAOBAO_NO = "3901234567890120"
PDD_NO = "240613-861787953171000"


def day_files(tmp_path: Path) -> list[str]:
    jd_rows = [
        jd_order(NO),
        second_sku(jd_order(NO)),
        split_parent(PARENT, (NO, SHIPPED)),
        jd_order(SHIPPED, 订单状态="等待确认收货", 应付金额="58.80", 快递单号="JD0001 JD0002"),
        jd_order(UNPAID, 订单状态="等待付款", 付款确认时间=""),
    ]
    return [
        str(write_jd_orders(tmp_path / "jd-2021.csv", jd_rows, [*JD_48, "快递单号"])),
        str(write_jd_orders(tmp_path / "jd-2018.csv", [jd_order("11729384074")], JD_40)),
        str(write_pdd_orders(tmp_path / "a_orders_export2024-06-15.csv", [pdd_order(PDD_NO)])),
        str(write_orders(tmp_path / "ExportOrderList202406201030.csv", [order(TAOBAO_NO)])),
    ]


def test_jd_taobao_and_pdd_in_one_import_then_listed(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    files = day_files(tmp_path)
    result = shopdesk("import", *files, "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)["files"]
    assert [(f["platform"], f["kind"], f["rows"], f["added"]) for f in report] == [
        ("jd", "orders", 5, 3),
        ("jd", "orders", 1, 1),
        ("pdd", "orders", 1, 1),
        ("taobao", "orders", 1, 1),
    ]
    (parent,) = report[0]["skipped"]  # the split parent, named with its children
    assert (parent["row"], parent["value"]) == (4, "(删除)等待出库")
    assert NO in parent["reason"] and SHIPPED in parent["reason"]
    again = json.loads(shopdesk("import", *files, "--db", db, "--json").stdout)["files"]
    assert [(f["added"], f["updated"]) for f in again] == [(0, 0)] * 4

    listed = json.loads(shopdesk("orders", "--db", db, "--json", "--platform", "jd").stdout)
    by_no = {o["order_no"]: o for o in listed}
    assert set(by_no) == {NO, SHIPPED, UNPAID, "11729384074"}  # not the split parent
    waiting = by_no[NO]
    assert (waiting["platform"], waiting["status"], waiting["paid_fen"]) == (
        "jd",
        "等待出库",
        93245,
    )
    assert waiting["paid_at"] == "2024-06-13T10:21:40+08:00"
    assert (waiting["lines"], waiting["tracking_no"]) == (2, None)
    shipped = by_no[SHIPPED]
    assert (shipped["status"], shipped["paid_fen"], shipped["lines"]) == ("等待确认收货", 5880, 1)
    assert shipped["tracking_no"] == "JD0001"  # the first waybill
    unpaid = by_no[UNPAID]
    assert (unpaid["status"], unpaid["paid_fen"], unpaid["paid_at"]) == ("等待付款", 0, None)

    everything = json.loads(shopdesk("orders", "--db", db, "--json").stdout)
    assert {o["platform"] for o in everything} == {"jd", "pdd", "taobao"}
    shop = json.loads(shopdesk("orders", "--db", db, "--json", "--shop", "京东店铺").stdout)
    assert {o["order_no"] for o in shop} == set(by_no)

    text = shopdesk("import", files[0], "--db", db)
    assert text.returncode == 0
    assert "jd-2021.csv：京东订单导出，读取 5 行" in text.stdout
    assert "拆分前的原订单" in text.stdout and "Traceback" not in text.stderr


def test_an_unusable_jd_file_exits_2_in_one_chinese_line(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    header = [name for name in JD_40 if name != "应付金额"]
    path = write_jd_orders(tmp_path / "jd.csv", [jd_order(NO)], header)
    result = shopdesk("import", str(path), "--db", db)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "shopdesk: jd.csv：京东订单导出缺少必需的列：应付金额（表头可能被改过）：请用平台导出的原始文件"
    ]


def test_jd_service_orders_imported_listed_and_reviewed_on_the_command_line(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "s.db")
    orders = write_jd_orders(tmp_path / "jd.csv", [jd_order(NO, 订单状态="完成")])
    rows = [
        jd_service("1654987321", NO, "10", "10001", 问题描述="杯子有裂纹"),
        jd_service("1654987322", SHIPPED, "仅退款", "完成", 处理时间="2024-06-18 15:30:00"),
    ]
    services = write_jd_services(tmp_path / "services.csv", rows, [*JD_SERVICE, "问题描述"])
    result = shopdesk("import", orders, services, "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)["files"]
    assert [(f["platform"], f["kind"], f["rows"], f["added"]) for f in report] == [
        ("jd", "orders", 1, 1),
        ("jd", "refunds", 2, 2),
    ]
    listed = json.loads(shopdesk("cases", "--db", db, "--json").stdout)
    by_no = {c["order_no"]: c for c in listed}
    review = by_no[NO]
    assert (review["platform"], review["refund_fen"], review["platform_status"]) == (
        "jd",
        75800,
        "10001",
    )
    assert (review["platform_reason"], review["state"]) == ("杯子有裂纹", "awaiting_seller")
    done = by_no[SHIPPED]
    assert (done["kind"], done["state"], done["platform_status"]) == (
        "refund_shipped",
        "refunded",
        "完成",
    )

    # 待审核: the review first; a refund now is refused in JD's words, naming the review
    refused = shopdesk("case", "event", review["id"], "refunded", "--db", db)
    assert refused.returncode == 2
    assert "京东售后单「待审核」时不能「退款成功」" in refused.stderr
    assert "审核通过、审核不通过" in refused.stderr
    agreed = shopdesk("case", "event", review["id"], "seller_agreed", "--db", db, "--json")
    assert agreed.returncode == 0, agreed.stderr
    assert json.loads(agreed.stdout)["state"] == "awaiting_return"


def test_jd_quirks_through_the_command_line(tmp_path: Path) -> None:
    """The 2021 layout's unnamed columns, (删除)等待付款, a virtual number, receivers not
    exported, and an Excel re-save (GBK, slash dates without seconds) whose 订单号 became
    scientific notation and whose added 快递单号 was rounded: each file's report says so."""
    db = str(tmp_path / "s.db")
    deleted_unpaid, virtual, hidden = "11729384101", "11729384102", "11729384103"
    rows = [
        jd_order(NO),
        jd_order(deleted_unpaid, 订单状态="(删除)等待付款", 付款确认时间=""),
        jd_order(virtual, 联系电话="13012345678-1234", 货号="6901234567892"),
        jd_order(hidden, **JD_RECEIVERS[-1]),
    ]
    layout_2021 = write_jd_orders(tmp_path / "jd-2021.csv", rows, JD_48)
    resaved_rows = [
        jd_order(UNPAID, 订单状态="等待确认收货", 快递单号="773299512345678"),
        jd_order(SHIPPED, 订单状态="等待确认收货", 快递单号="JD0001"),
    ]
    resaved = write_jd_orders(
        tmp_path / "jd-resaved.csv",
        resaved_rows,
        [*JD_40, "快递单号"],
        excel=True,
        typed={(1, "订单号"): "6.9E+18"},
    )
    result = shopdesk("import", layout_2021, resaved, "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    first, second = json.loads(result.stdout)["files"]
    counts = ("platform", "kind", "rows", "added", "updated", "unchanged")
    assert [first[k] for k in counts] == ["jd", "orders", 4, 4, 0, 0]
    assert (first["skipped"], first["cleared"]) == ([], [])  # the unnamed columns unread
    assert [second[k] for k in counts] == ["jd", "orders", 2, 1, 0, 0]
    (skipped,) = second["skipped"]
    assert (Path(second["path"]).name, skipped["row"], skipped["column"], skipped["value"]) == (
        "jd-resaved.csv",
        3,
        "订单号",
        "6.9E+18",
    )
    (cleared,) = second["cleared"]
    assert (cleared["row"], cleared["column"], cleared["value"]) == (2, "快递单号", "7.733E+14")

    listed = json.loads(shopdesk("orders", "--db", db, "--json", "--platform", "jd").stdout)
    by_no = {o["order_no"]: o for o in listed}
    assert set(by_no) == {NO, deleted_unpaid, virtual, hidden, UNPAID}  # no 6.9E+18 order
    gone = by_no[deleted_unpaid]
    assert (gone["status"], gone["paid_fen"], gone["paid_at"]) == ("(删除)等待付款", 0, None)
    assert (by_no[virtual]["paid_fen"], by_no[virtual]["lines"]) == (93245, 1)
    late = by_no[UNPAID]
    assert (late["status"], late["tracking_no"]) == ("等待确认收货", None)  # not 773300000000000
    assert late["paid_at"] == "2024-06-13T10:21:00+08:00"  # the slash date, to the minute

    text = shopdesk("import", resaved, "--db", db)
    assert text.returncode == 0
    assert "第 3 行 订单号“6.9E+18”" in text.stdout and "第 2 行 快递单号“7.733E+14”" in text.stdout
