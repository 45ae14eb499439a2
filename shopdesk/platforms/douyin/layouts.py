"""Douyin (抖店) exports: the order export (订单管理 → 批量导出, one row per 子订单) and the
售后 export (售后工作台 → 导出). Facts: shared/domain/platforms/douyin.md."""

from __future__ import annotations

from shopdesk.importers.layouts import ExportKind, LayoutSpec

# The seller picks the order export's fields, so columns are found by name and only what
# an order cannot do without is required; the 74-column default (A) and the 75-column
# custom set (B: 商品金额, 货号, 快递信息) differ in a few names.
ORDER_COLUMNS: dict[str, tuple[str, ...]] = {
    "order_no": ("主订单编号",),
    "sub_order_no": ("子订单编号",),
    "title": ("选购商品",),
    "sku_props": ("商品规格",),
    "quantity": ("商品数量",),
    "outer_code": ("商家编码",),
    "spu_code": ("货号",),
    "unit_price": ("商品单价", "商品金额"),  # both are unit prices
    "payable": ("订单应付金额",),
    "postage": ("运费",),
    "pay_discount": ("支付优惠",),
    "receiver_name": ("收件人",),
    "mobile": ("收件人手机号",),
    "province": ("省",),
    "city": ("市",),
    "district": ("区",),
    "street": ("街道",),
    "address": ("详细地址",),
    "buyer_message": ("买家留言",),
    "seller_note": ("商家备注",),
    "created_at": ("订单提交时间",),
    "paid_time": ("支付完成时间",),
    "finished_at": ("订单完成时间",),
    "status": ("订单状态",),
    "ship_by_at": ("承诺发货时间",),
    "cancel_reason": ("取消原因",),
    "after_sales_status": ("售后状态",),  # per 子订单: 退款成功 etc. (its paid went back)
    "shipped_at": ("发货时间",),
    "express": ("快递信息",),
}
ORDER_REQUIRED = ("order_no", "sub_order_no", "status", "payable")

# 订单号 = 主订单编号, 商品单号 = 子订单编号; amounts in yuan with full-width brackets.
REFUND_COLUMNS: dict[str, tuple[str, ...]] = {
    "refund_no": ("售后单号",),
    "order_no": ("订单号",),
    "sub_order_no": ("商品单号",),
    "title": ("商品名称",),
    "payable": ("应付金额（元）", "应付金额(元)"),
    "pay_discount": ("支付优惠（元）", "支付优惠(元)"),
    "ship_stage": ("商品发货状态",),
    "refund_type": ("售后类型",),
    "refund_goods": ("退商品金额（元）", "退商品金额(元)"),
    "refund_discount": ("退支付优惠（元）", "退支付优惠(元)"),
    "status": ("售后状态",),
    "applied_at": ("售后申请时间",),
    "reason": ("售后原因",),
    "return_tracking": ("退货物流单号",),
    "ship_tracking": ("发货物流单号",),
    "return_courier": ("退货物流公司",),
    "returned_at": ("退货发货时间",),
    "deadline": ("自动处理截止时间",),
    "agreed_at": ("同意售后申请时间",),
    "refunded_at": ("商家退款时间",),
    "closed_at": ("售后关闭时间",),
    "finished_at": ("售后完结时间",),
    "speedy": ("是否极速退款",),
    "description": ("用户售后说明",),
}
REFUND_REQUIRED = ("refund_no", "order_no", "status", "refund_goods", "applied_at")

LAYOUTS: tuple[LayoutSpec, ...] = (
    LayoutSpec(
        "douyin",
        ExportKind.ORDERS,
        "抖店订单导出",
        ("主订单编号", "子订单编号", "选购商品", "订单应付金额", "订单提交时间", "支付完成时间"),
        ORDER_COLUMNS,
        ORDER_REQUIRED,
    ),
    LayoutSpec(
        "douyin",
        ExportKind.REFUNDS,
        "抖店售后单导出",
        ("售后单号", "商品单号", "售后类型", "退商品金额（元）", "售后申请时间", "商品发货状态"),
        REFUND_COLUMNS,
        REFUND_REQUIRED,
    ),
)
