"""Pinduoduo (拼多多) exports: the order export and the after-sales export."""

from __future__ import annotations

from shopdesk.importers.layouts import ExportKind, LayoutSpec

# Sellers choose their report's columns (自定义报表), so only what an
# order cannot do without is required; older templates name two columns differently.
PDD_ORDER_COLUMNS: dict[str, tuple[str, ...]] = {
    "order_no": ("订单号",),
    "status": ("订单状态",),
    "title": ("商品",),
    "quantity": ("商品数量(件)", "商品数量"),
    "paid_time": ("支付时间",),
    "formed_at": ("订单成交时间", "拼单成功时间"),
    "ship_by_at": ("承诺发货时间",),
    "shipped_at": ("发货时间",),
    "confirmed_at": ("确认收货时间",),
    "goods_id": ("商品id", "商品ID"),
    "sku_props": ("商品规格",),
    "sku_id": ("样式ID", "样式id"),
    "outer_code": ("商家编码-规格维度", "商家编码-SKU维度"),
    "seller_note": ("商家备注",),
    "buyer_message": ("买家留言",),
    "goods_fen": ("商品总价(元)",),
    "postage_fen": ("邮费(元)",),
    "paid_fen": ("用户实付金额(元)",),
    "tracking_no": ("快递单号",),
    "courier": ("快递公司",),
    "province": ("省",),
    "city": ("市",),
    "district": ("区",),
    "street": ("街道/镇", "街道"),
    "address": ("详细地址",),
    "receiver_name": ("收货人",),
    "mobile": ("手机",),
}
PDD_ORDER_REQUIRED = ("order_no", "status", "paid_fen")

PDD_REFUND_COLUMNS: dict[str, tuple[str, ...]] = {
    "refund_no": ("售后编号",),
    "order_no": ("订单编号",),
    "goods_id": ("商品ID", "商品id"),
    "applied_at": ("申请时间",),
    "finished_at": ("同意退款时间", "退款成功时间", "售后完成时间"),
    "status": ("售后状态",),
    "refund_type": ("退款类型", "售后类型"),
    "paid_fen": ("交易金额",),
    "refund_fen": ("退款金额",),
    "ship_tracking": ("发货运单号",),
    "return_tracking": ("退货运单号",),
    "shipping_stage": ("订单状态",),
    "reason": ("退款原因", "售后原因"),
    "title": ("商品名称",),
    "sku_props": ("sku信息", "SKU信息"),
}
PDD_REFUND_REQUIRED = ("refund_no", "order_no", "status", "refund_fen", "applied_at")


LAYOUTS: tuple[LayoutSpec, ...] = (
    LayoutSpec(
        "pdd",
        ExportKind.ORDERS,
        "拼多多订单导出",
        (
            "用户实付金额(元)",
            "商家实收金额(元)",
            "承诺发货时间",
            "样式ID",
            "订单成交时间",
            "商家编码-规格维度",
            "商家编码-SKU维度",
            "商品数量(件)",
            "拼单成功时间",
        ),
        PDD_ORDER_COLUMNS,
        PDD_ORDER_REQUIRED,
    ),
    LayoutSpec(
        "pdd",
        ExportKind.REFUNDS,
        "拼多多售后导出",
        ("售后编号", "退款类型", "交易金额", "发货运单号", "退货运单号", "同意退款时间"),
        PDD_REFUND_COLUMNS,
        PDD_REFUND_REQUIRED,
    ),
)
