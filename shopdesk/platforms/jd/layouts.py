"""JD (京东) exports: the order export (订单查询与跟踪 → 导出); the 售后服务单 export is
known by sight only (no verbatim header of it is known), so that such a file is named
rather than called unknown."""

from __future__ import annotations

from shopdesk.core.importers.layouts import ExportKind, LayoutSpec

# The 40- (2018) and 48-column (2021) layouts differ by columns inserted in the middle and
# unnamed ones at the end: read by name, the rest ignored. No JD layout has a waybill
# column; one a seller adds (快递单号…) is read.
JD_ORDER_COLUMNS: dict[str, tuple[str, ...]] = {
    "order_no": ("订单号",),
    "sku_id": ("商品ID", "商品编号"),
    "title": ("商品名称",),
    "quantity": ("订购数量",),
    "created_at": ("下单时间",),
    "price_fen": ("京东价",),
    "goods_fen": ("订单金额",),
    "settled_fen": ("结算金额",),
    "balance_fen": ("余额支付",),
    "payable_fen": ("应付金额",),
    "status": ("订单状态",),
    "buyer_nick": ("下单帐号", "下单账号"),
    "receiver_name": ("客户姓名",),
    "receiver_address": ("客户地址",),
    "phone": ("联系电话",),
    "buyer_message": ("订单备注",),
    "seller_note": ("商家备注",),
    "postage_fen": ("运费金额",),
    "paid_time": ("付款确认时间",),
    "article_no": ("货号",),
    "finished_at": ("订单完成时间",),
    "outer_sku": ("商家SKUID",),
    "tracking_no": ("运单号", "快递单号", "物流单号"),
    "courier": ("快递公司", "物流公司", "承运商"),
}
# 应付金额 and 付款确认时间 together say what the buyer paid, and whether yet.
JD_ORDER_REQUIRED = ("order_no", "status", "payable_fen", "paid_time")

LAYOUTS: tuple[LayoutSpec, ...] = (
    LayoutSpec(
        "jd",
        ExportKind.ORDERS,
        "京东订单导出",
        ("商品ID", "订购数量", "京东价", "结算金额", "应付金额", "下单帐号", "付款确认时间"),
        JD_ORDER_COLUMNS,
        JD_ORDER_REQUIRED,
    ),
    LayoutSpec(
        "jd",
        ExportKind.REFUNDS,
        "京东售后服务单导出",
        ("服务单号", "申请单号", "客户期望", "审核结果", "取件方式", "商品编号"),
        {},
    ),
)
