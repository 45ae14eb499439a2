"""Write a set of JD POP (京东) order and 售后服务单 exports the way JD and Excel write them
(invented people and goods) to a folder, for trying ShopDesk's import by hand or in
another tool:

    python tools/make_jd_samples.py [FOLDER]      (default: ./jd-samples)

The same writers make the importer tests' fixtures (tests/jd_fixtures.py); every quirk of
shared/domain/platforms/jd.md's order export has a file here. JD's 售后服务单 export has
no known verbatim header: its samples use the names of JD's service-order fields (jd.md
(b)), 服务单状态 and 客户期望 as codes in one file and as words in another.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.jd_fixtures import (  # noqa: E402
    JD_40,
    JD_48,
    JD_NO_RECEIVER,
    JD_RECEIVERS,
    JD_XLSX_SUBSET,
    jd_order,
    jd_service,
    second_sku,
    split_parent,
    write_jd_orders,
    write_jd_orders_xlsx,
    write_jd_services,
    write_jd_services_xlsx,
)

# 订单状态 words jd.md lists beyond those of `day_rows`' first orders: the rest of the
# export's (JDSalesOrderVO) and the open platform's words (已锁定, 取消), each on an order
# paid or not as the word says (`paid_fen` is 应付金额 once 付款确认时间 is set, else 0).
MORE_WORDS = {"(删除)等待付款": "", "已锁定": "2024-06-13 10:21:40", "取消": ""}
WAYBILL = "773299512345678"  # a seller-added 快递单号: 15 digits, 7.733E+14 after Excel


def day_rows() -> list[dict[str, object]]:
    """A day of orders: one with two SKU rows (and an overlapping repeat), a split parent
    and its children, every status word and its (锁定)/(删除) forms, a masked phone, an
    unpaid order, a 12-digit order number and a 13-digit barcode in 货号; then the other
    status words, virtual and masked receivers and one not exported."""
    two_skus = jd_order("11729384072", 订购数量="2")
    rows = [two_skus, second_sku(two_skus), two_skus]
    rows.append(split_parent("11729384000", ("11729439936", "11749907506")))
    rows.append(jd_order("11729439936", 应付金额="620.00"))
    rows.append(
        jd_order("11749907506", 订单状态="等待确认收货", 应付金额="312.45", 快递单号=WAYBILL)
    )
    words = ["等待付款", "(锁定)等待出库", "锁定", "完成", "已取消", "(删除)等待确认收货"]
    for offset, word in enumerate(words, 1):
        paid = "" if word == "等待付款" else "2024-06-13 10:21:40"
        rows.append(jd_order(f"{11729384100 + offset}", 订单状态=word, 付款确认时间=paid))
    rows.append(jd_order("11729384200", 联系电话="1******6198"))
    rows.append(jd_order("291184764662", 货号="6901234567892", 商家SKUID=""))
    for offset, (word, paid) in enumerate(MORE_WORDS.items(), 7):
        rows.append(jd_order(f"{11729384100 + offset}", 订单状态=word, 付款确认时间=paid))
    for offset, receiver in enumerate(JD_RECEIVERS, 1):
        rows.append(jd_order(f"{11729384200 + offset}", **receiver))
    return rows


AUDITED = {"审核时间": "2024-06-16 10:00:00", "审核结果": "审核通过"}
DONE = {**AUDITED, "处理时间": "2024-06-18 15:30:00", "处理结果": "已处理"}
# 客户期望 code -> word, 服务单状态 code -> word (jd.md (b))
EXPECTATIONS = {"10": "退货", "20": "换货", "30": "维修", "11": "仅退款", "80": "补发商品"}
STATUSES = {
    "10001": "待审核",
    "10002": "待客户反馈",
    "10004": "审核关闭",
    "10005": "待收货",
    "10007": "待处理",
    "10009": "待用户确认",
    "10010": "完成",
    "10011": "取消",
}


def service_rows(words: bool = False) -> list[dict[str, object]]:
    """Every 服务单状态 and every 客户期望, on the orders of `day_rows` (codes, or the
    words when `words`), and a row whose 客户期望 ShopDesk does not know (skipped)."""
    plan = [
        ("10", "10001", {}),
        ("10", "10002", {}),
        ("20", "10004", AUDITED),
        ("10", "10005", AUDITED),
        ("20", "10007", AUDITED),
        ("30", "10009", DONE),
        ("11", "10010", DONE),
        ("80", "10010", DONE),
        ("10", "10011", {}),
    ]
    rows = []
    for offset, (expectation, status, fields) in enumerate(plan, 1):
        if words:
            expectation, status = EXPECTATIONS[expectation], STATUSES[status]
        order_no = f"{11729384100 + offset}"
        rows.append(jd_service(f"{1654987320 + offset}", order_no, expectation, status, **fields))
    rows.append(jd_service("1654987399", "11729384072", "99", "10001"))
    return rows


RESAVED = [*JD_40, "快递单号"]  # with the waybill column a seller added


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path("jd-samples")
    folder.mkdir(parents=True, exist_ok=True)
    rows = day_rows()
    tabbed = {(0, "订购数量"): "2\t", (0, "应付金额"): "932.45\t", (0, "订单状态"): "等待出库\t"}
    written = [
        write_jd_orders(folder / "jd-orders-40-columns.csv", rows, JD_40),
        write_jd_orders(folder / "jd-orders-48-columns.csv", rows, JD_48),
        write_jd_orders(folder / "jd-orders-tab-cells.csv", rows, JD_40, typed=tabbed),
        # 无需导出收货人信息 where the columns themselves are left out [I]
        write_jd_orders(folder / "jd-orders-no-receiver.csv", rows, JD_NO_RECEIVER),
        # Excel (still GBK): slash dates without seconds, 758.00 -> 758, 291184764662 ->
        # 2.91185E+11 (that row is skipped), 6901234567892 -> 6.90123E+12 and the added
        # 快递单号 773299512345678 -> 7.733E+14 (those cells are left empty)
        write_jd_orders(folder / "jd-orders-excel-resaved.csv", rows, RESAVED, excel=True),
        # the 2021 layout re-saved: the barcode now sits in an unnamed column, ignored
        write_jd_orders(folder / "jd-orders-48-excel-resaved.csv", rows, JD_48, excel=True),
        write_jd_orders_xlsx(folder / "jd-orders-copy.xlsx", rows, JD_48),
        # a seller's own subset without 应付金额: refused, naming the column
        write_jd_orders_xlsx(folder / "jd-orders-subset.xlsx", rows, JD_XLSX_SUBSET),
        # 售后服务单: codes, words, an Excel re-save (slash dates), an .xlsx copy
        write_jd_services(folder / "jd-services-codes.csv", service_rows()),
        write_jd_services(folder / "jd-services-words.csv", service_rows(words=True)),
        write_jd_services(folder / "jd-services-excel-resaved.csv", service_rows(), excel=True),
        write_jd_services_xlsx(folder / "jd-services-copy.xlsx", service_rows(words=True)),
    ]
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
