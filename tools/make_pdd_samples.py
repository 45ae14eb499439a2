"""Write a set of Pinduoduo exports the way PDD and Excel write them (invented people and
goods) to a folder, for trying ShopDesk's import by hand or in another tool:

    python tools/make_pdd_samples.py [FOLDER]      (default: ./pdd-samples)

The same writers make the importer tests' fixtures (tests/pdd_fixtures.py); every quirk
of shared/domain/platforms/pdd.md has a file here:

- `<32 hex>orders_export<yyyy-MM-dd-HH-mm-ss>.csv`: the 2023 layout, UTF-8 without and with
  a BOM, tab-ended cells, a second SKU row and a repeated row; the time in the name is the
  export time (China time).
- `old-template-…`, `custom-…`: older (2019–22) and a seller's own (自定义报表) columns.
- `excel-resaved-…`: GB18030 and GBK re-saves with slash dates without seconds; in the
  GB18030 one a typed 订单号 (row skipped) and 快递单号 (cell left empty) as 7.73299E+14.
- `amounts-…`: money with its trailing zeros dropped (12.5, 12) and 商家实收 above 用户实付.
- `拼多多订单-改名.csv`: a renamed export (no time in its name; found by its header).
- `orders_export…-resaved.xlsx`: the order export re-saved as .xlsx.
- `<32 hex>_<yyyyMMddHHmmss>.xlsx`: after-sales workbooks (sheet 售后信息), one whose token
  holds digits and whose rows are of an order in no order export.
- `subset-without-paid-…`: 商家实收 but no 用户实付金额: refused whole.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pdd_fixtures import (  # noqa: E402
    PDD_2023,
    PDD_CUSTOM,
    PDD_OLD,
    pdd_order,
    pdd_refund,
    shipped,
    write_pdd_orders,
    write_pdd_orders_xlsx,
    write_pdd_refunds,
)

STAMP = "7a23c0d4e5f60718293a4b5c6d7eb781"


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path("pdd-samples")
    folder.mkdir(parents=True, exist_ok=True)
    waiting = pdd_order("240613-861787953171000")
    second_sku = pdd_order("240613-861787953171000", 商品规格="蓝色,400ml", 样式ID="1871385314710")
    sent = shipped(pdd_order("240612-113355779900112", 订单状态="已发货，待签收"))
    done = pdd_order("240610-224466880011223", 订单状态="已签收，退款成功", 售后状态="退款成功")
    rows = [waiting, second_sku, waiting, sent, done]  # the repeat: overlapping exports
    written = [
        write_pdd_orders(folder / f"{STAMP}orders_export2024-06-15-10-09-23.csv", rows),
        write_pdd_orders(folder / f"{STAMP}orders_export2024-06-15-10-10-00.csv", rows, bom=True),
        write_pdd_orders(
            folder / "old-template-orders_export2022-03-01-08-00-00.csv",
            [pdd_order("220301-100000000000001", 订单状态="已发货，待签收")],
            PDD_OLD,
        ),
        write_pdd_orders(folder / "custom-orders_export2024-06-15-11-00-00.csv", rows, PDD_CUSTOM),
        write_pdd_orders(
            folder / "excel-resaved-orders_export2024-06-15.csv",
            rows,
            excel=True,
            typed={(3, "快递单号"): "7.73299E+14", (4, "订单号"): "2.40610E+20"},
        ),
        write_pdd_orders(
            folder / "excel-resaved-gbk-orders_export2024-06-15.csv",
            rows,
            excel=True,
            encoding="gbk",  # Excel on a Chinese Windows
        ),
        write_pdd_orders(
            folder / f"{STAMP}amounts-orders_export2024-06-15-12-00-00.csv",
            [
                pdd_order(
                    "240613-861787953171001",
                    **{
                        "商品总价(元)": "12.5",
                        "用户实付金额(元)": "12.5",
                        "商家实收金额(元)": "14.5",
                    },
                ),
                pdd_order(
                    "240613-861787953171002",
                    **{"商品总价(元)": "12", "邮费(元)": "3", "用户实付金额(元)": "12"},
                ),
            ],
        ),
        write_pdd_orders(folder / "拼多多订单-改名.csv", [waiting]),
        write_pdd_orders_xlsx(folder / "orders_export2024-06-15-resaved.xlsx", rows),
        write_pdd_refunds(
            folder / f"{STAMP}_20240615235138.xlsx",
            [
                pdd_refund(),
                pdd_refund(
                    "240612-113355779900112",
                    "20240614000000002",
                    售后状态="用户已发货，待商家处理",
                    退款类型="退货退款",
                    退货运单号="YT8812345678",
                ),
                pdd_refund(
                    "240610-224466880011223",
                    "20240611000000003",
                    售后状态="退款成功",
                    退款类型="仅退款",  # 极速退款 is a speed, not a type (pdd.md (b), (d))
                    订单状态="未发货",
                    申请时间="2024-06-11 08:00:00",
                    同意退款时间="2024-06-11 08:00:01",  # refunded a second after asking
                ),
            ],
        ),
        write_pdd_refunds(
            folder / "f7e9050c201912311200aa0b1c2d0488_20240616091500.xlsx",
            [  # an order in no order export: its case sits on a minimal order
                pdd_refund("240601-100000000000009", "20240616000000009", 订单状态="已发货")
            ],
            extra_sheet=False,
        ),
        write_pdd_orders(
            folder / "subset-without-paid-orders_export2024-06-15-13-00-00.csv",
            [waiting],
            [name for name in PDD_2023 if name != "用户实付金额(元)"],
        ),
    ]
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
