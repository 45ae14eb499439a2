"""Write a set of Douyin shop (抖店) exports the way 抖店 and Excel write them (invented
people and goods) to a folder, for trying ShopDesk's import by hand or in another tool:

    python tools/make_douyin_samples.py [FOLDER]      (default: ./douyin-samples)

The same writers make the importer tests' fixtures (tests/douyin_fixtures.py); every
quirk of shared/domain/platforms/douyin.md has a file here:
- the order export in the 74-column default layout (A) and the 75-column custom layout
  (B, with 快递信息 naming several waybills and couriers), UTF-8 with BOM, one row per
  子订单, ids written "\\t6917…", `-` for an empty cell, a repeated row, a 主订单 mixing
  statuses, a gift line cancelled after its main item's refund, `名称-金额` discounts, a
  子订单 refunded after shipping (售后状态 退款成功) beside one still to ship, 商家编码 `-`
  beside a 货号, two of an item at its unit price;
- the order export downloaded as .xlsx;
- Excel re-saves: GBK with slash dates without seconds, once with the id columns set to
  text (importable) and once as Excel leaves them (ids as 6.91755E+18: refused whole),
  and one with a single mangled 主订单编号 and a mangled waybill;
- the 售后 export `售后单导出-<time>.xlsx` (订单号 = 主订单编号, 商品单号 = 子订单编号,
  自动处理截止时间) with every 售后类型, returns on their way and finished with 退货物流单号,
  退货物流公司 and 退货发货时间, and its Excel re-save with a mangled 售后单号.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.douyin_fixtures import (  # noqa: E402
    LAYOUT_A,
    LAYOUT_B,
    douyin_after_sale,
    douyin_line,
    excel_scientific,
    order_export_name,
    shipped,
    write_douyin_after_sales,
    write_douyin_orders,
    write_douyin_orders_xlsx,
)

WAITING = "6917546239482019245"  # one item, not shipped
MIXED = "6917546239482020011"  # two items: one shipped in two parcels, one still waiting
DONE = "6917546239482021377"  # finished
CLOSED = "6917546239482022563"  # refunded before shipping; its gift cancelled with it
PART = "6917546239482023105"  # one item refunded after shipping, the other still to ship
KEYS = {"主订单编号", "子订单编号"}


def order_rows() -> list[dict]:
    waiting = douyin_line(WAITING)
    mug = shipped(
        douyin_line(MIXED, "6917546239482020012"),
        ("SF0220481613112", "顺丰速运"),
        ("770291786060549", "申通快递"),
    )
    blanket = douyin_line(
        MIXED,
        "6917546239482020013",
        选购商品="加厚珊瑚绒毛毯 午睡毯",
        商品规格="雾霾蓝;150x200cm",
        商品单价="89.00",
        商品金额="89.00",
        订单应付金额="80.00",
        支付优惠="0.00",
        商家优惠="9.00",
        商家编码="BLK-150",
    )
    done = {
        **shipped(douyin_line(DONE), ("YT8812345678901", "圆通速递")),
        "订单状态": "已完成",
        "订单完成时间": "2026-11-27 21:40:00",
    }
    closed_main = douyin_line(
        CLOSED,
        "6917546239482022564",
        订单状态="已关闭",
        售后状态="同意退款，退款成功",
        取消原因="买家申请退款",
    )
    gift = douyin_line(
        CLOSED,
        "6917546239482022565",
        选购商品="【赠品】竹纤维洗碗布 2片",
        商品单价="0.00",
        商品金额="0.00",
        订单应付金额="0.00",
        支付优惠="0.00",
        订单状态="已关闭",
        取消原因="主品订单售后完成，未发货赠品订单取消",
        商家编码="-",
    )
    refunded = {
        **shipped(douyin_line(PART, "6917546239482023106"), ("SF0220481613113", "顺丰速运")),
        "售后状态": "退款成功",
    }
    still_to_ship = douyin_line(
        PART,
        "6917546239482023107",
        商品数量="2",
        订单应付金额="76.80",
        商家编码="-",  # no seller code: the 货号 (layout B) is the line's code
        货号="MUG-400",
        承诺发货时间="2026-11-30 10:21:15",
    )
    # mug twice: a repeat
    return [waiting, mug, blanket, mug, done, closed_main, gift, refunded, still_to_ship]


def after_sales_rows() -> list[dict]:
    return [
        douyin_after_sale("7318945612387456789", WAITING),
        douyin_after_sale(
            "7318945612387456790",
            MIXED,
            "6917546239482020012",
            商品发货状态="已发货",
            售后类型="已发货退款",
            售后状态="待商家处理",
        ),
        douyin_after_sale(
            "7318945612387456791",
            DONE,
            售后类型="退货退款",
            售后状态="待商家收货",
            商品发货状态="已发货",
            退货物流单号="YT9912345678901",
            退货物流公司="圆通速递",
            退货发货时间="2026-11-28 09:12:00",
            同意售后申请时间="2026-11-27 20:30:00",
        ),
        douyin_after_sale(
            "7318945612387456792",
            DONE,
            售后类型="换货",
            售后状态="待买家退货",
            商品发货状态="已发货",
            同意售后申请时间="2026-11-27 20:30:00",
        ),
        douyin_after_sale(
            "7318945612387456793",
            CLOSED,
            "6917546239482022564",
            售后状态="同意退款，退款成功",
            是否极速退款="是",
            商家退款时间="2026-11-27 20:11:40",
            售后完结时间="2026-11-27 20:11:40",
            自动处理截止时间="",
        ),
        douyin_after_sale(
            "7318945612387456794",
            PART,
            "6917546239482023106",
            售后类型="已发货退款",
            售后状态="同意退款，退款成功",
            商品发货状态="已发货",
            商家退款时间="2026-11-27 22:00:00",
            自动处理截止时间="",
        ),
        douyin_after_sale(
            "7318945612387456795",
            DONE,
            售后类型="退货退款",
            售后状态="退款成功",
            商品发货状态="已发货",
            退货物流单号="SF1312345678901",
            退货物流公司="顺丰速运",
            退货发货时间="2026-11-28 08:00:00",
            同意售后申请时间="2026-11-27 20:30:00",
            商家退款时间="2026-11-28 09:00:00",
            自动处理截止时间="",
        ),
    ]


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path("douyin-samples")
    folder.mkdir(parents=True, exist_ok=True)
    rows = order_rows()
    mangled_once = {
        (0, "主订单编号"): excel_scientific(WAITING),
        (1, "快递信息"): f"{excel_scientific('770291786060549')}-申通快递,北欧风陶瓷马克杯-1,1;",
    }
    written = [
        write_douyin_orders(folder / order_export_name(1795826400), rows, LAYOUT_A),
        write_douyin_orders(
            folder / order_export_name(1795826460, "9f0c2b7e4d1a6c3b8e5f7a9d0b2c4e6fHNkQx1"),
            rows,
            LAYOUT_B,
        ),
        write_douyin_orders_xlsx(folder / "1795826520_5a6b7c8d9e0f1a2b.xlsx", rows, LAYOUT_B),
        write_douyin_orders(
            folder / "excel-resaved-ids-as-text.csv",
            rows,
            LAYOUT_B,
            excel=True,
            keep_text=KEYS | {"快递信息"},
        ),
        write_douyin_orders(
            folder / "excel-resaved-one-mangled-id.csv",
            rows,
            LAYOUT_B,
            excel=True,
            keep_text=KEYS,
            typed=mangled_once,
        ),
        write_douyin_orders(folder / "excel-resaved-all-ids-mangled.csv", rows, excel=True),
        write_douyin_after_sales(
            folder / "售后单导出-2026-11-28-09-30-00.xlsx", after_sales_rows()
        ),
        write_douyin_after_sales(
            folder / "售后单导出-2026-11-28-09-30-00-excel.xlsx",
            after_sales_rows(),
            excel=True,
            typed={(1, "售后单号"): 7.31894561238746e18},
        ),
    ]
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
