"""Write a set of JD POP (京东) order exports the way JD and Excel write them (invented
people and goods) to a folder, for trying ShopDesk's import by hand or in another tool:

    python tools/make_jd_samples.py [FOLDER]      (default: ./jd-samples)

The same writers make the importer tests' fixtures (tests/jd_fixtures.py); every quirk of
shared/domain/platforms/jd.md's order export has a file here. JD's 售后服务单 export has
no known verbatim header, so there is no sample of it (ShopDesk names such a file).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.jd_fixtures import (  # noqa: E402
    JD_40,
    JD_48,
    JD_XLSX_SUBSET,
    jd_order,
    second_sku,
    split_parent,
    write_jd_orders,
    write_jd_orders_xlsx,
)


def day_rows() -> list[dict[str, object]]:
    """A day of orders: one with two SKU rows (and an overlapping repeat), a split parent
    and its children, every status word and its (锁定)/(删除) forms, a masked phone, an
    unpaid order, a 12-digit order number and a 13-digit barcode in 货号."""
    two_skus = jd_order("11729384072", 订购数量="2")
    rows = [two_skus, second_sku(two_skus), two_skus]
    rows.append(split_parent("11729384000", ("11729439936", "11749907506")))
    rows.append(jd_order("11729439936", 应付金额="620.00"))
    rows.append(jd_order("11749907506", 订单状态="等待确认收货", 应付金额="312.45"))
    words = ["等待付款", "(锁定)等待出库", "锁定", "完成", "已取消", "(删除)等待确认收货"]
    for offset, word in enumerate(words, 1):
        paid = "" if word == "等待付款" else "2024-06-13 10:21:40"
        rows.append(jd_order(f"{11729384100 + offset}", 订单状态=word, 付款确认时间=paid))
    rows.append(jd_order("11729384200", 联系电话="1******6198"))
    rows.append(jd_order("291184764662", 货号="6901234567892", 商家SKUID=""))
    return rows


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path("jd-samples")
    folder.mkdir(parents=True, exist_ok=True)
    rows = day_rows()
    tabbed = {(0, "订购数量"): "2\t", (0, "应付金额"): "932.45\t", (0, "订单状态"): "等待出库\t"}
    written = [
        write_jd_orders(folder / "jd-orders-40-columns.csv", rows, JD_40),
        write_jd_orders(folder / "jd-orders-48-columns.csv", rows, JD_48),
        write_jd_orders(folder / "jd-orders-tab-cells.csv", rows, JD_40, typed=tabbed),
        # Excel: slash dates without seconds, 758.00 -> 758, 291184764662 -> 2.91185E+11
        # (that row is skipped), 6901234567892 -> 6.90123E+12 (that cell is left empty)
        write_jd_orders(folder / "jd-orders-excel-resaved.csv", rows, JD_40, excel=True),
        write_jd_orders_xlsx(folder / "jd-orders-copy.xlsx", rows, JD_48),
        # a seller's own subset without 应付金额: refused, naming the column
        write_jd_orders_xlsx(folder / "jd-orders-subset.xlsx", rows, JD_XLSX_SUBSET),
    ]
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
