"""Write a set of Pinduoduo exports the way PDD and Excel write them (invented people and
goods) to a folder, for trying ShopDesk's import by hand or in another tool:

    python tools/make_pdd_samples.py [FOLDER]      (default: ./pdd-samples)

The same writers make the importer tests' fixtures (tests/pdd_fixtures.py); every quirk
of shared/domain/platforms/pdd.md has a file here.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pdd_fixtures import (  # noqa: E402
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
    ]
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
