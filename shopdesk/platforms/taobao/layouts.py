"""Taobao/Tmall exports: the order report, the item report and the refund export."""

from __future__ import annotations

from shopdesk.importers.layouts import ExportKind, LayoutSpec

# field -> accepted header names, first match wins (so the preferred spelling comes first)
ORDER_COLUMNS: dict[str, tuple[str, ...]] = {
    "order_no": ("订单编号",),
    "buyer_nick": ("买家会员名", "买家会员昵称", "买家昵称"),
    "goods_fen": ("买家应付货款",),
    "postage_fen": ("买家应付邮费",),
    "total_fen": ("总金额",),
    "paid_fen": ("买家实际支付金额",),
    "status": ("订单状态",),
    "buyer_message": ("买家留言",),
    "receiver_name": ("收货人姓名",),
    "receiver_address": ("收货地址",),
    "phone": ("联系电话",),
    "mobile": ("联系手机",),
    "created_at": ("订单创建时间",),
    "paid_at": ("订单付款时间",),
    "item_titles": ("宝贝标题",),
    "tracking_no": ("物流单号",),
    "courier": ("物流公司",),
    "seller_note": ("订单备注", "商家备忘"),
    "item_count": ("宝贝总数量",),
    "shop_name": ("店铺名称",),
    "closed_reason": ("订单关闭原因",),
    "refund_fen": ("退款金额",),
    "confirmed_at": ("确认收货时间",),
    "shipped_at": ("发货时间",),
}
ORDER_REQUIRED = ("order_no", "status", "paid_fen", "created_at")

LINE_COLUMNS: dict[str, tuple[str, ...]] = {
    "sub_order_no": ("子订单编号",),
    "order_no": ("主订单编号", "订单编号"),
    "title": ("标题", "商品标题", "宝贝标题"),
    "price_fen": ("价格", "商品价格", "单价"),
    "quantity": ("购买数量", "数量"),
    "outer_system_no": ("外部系统编号",),
    "sku_props": ("商品属性", "销售属性"),
    "package": ("套餐信息",),
    "note": ("备注",),
    "status": ("订单状态",),
    "outer_code": ("商家编码",),
}
LINE_REQUIRED = ("order_no", "title", "price_fen", "quantity")

REFUND_COLUMNS: dict[str, tuple[str, ...]] = {
    "order_no": ("订单编号",),
    "refund_no": ("退款编号",),
    "pay_no": ("支付宝交易号", "支付单号"),
    "paid_at": ("订单付款时间",),
    "finished_at": ("退款完结时间",),
    "done_at": ("完结时间",),
    "paid_fen": ("买家实际支付金额",),
    "title": ("宝贝标题", "商品标题"),
    "refund_fen": ("买家退款金额", "退款金额"),
    "need_return": ("是否需要退货",),
    "applied_at": ("退款的申请时间", "退款申请时间"),
    "deadline": ("超时时间",),
    "status": ("退款状态",),
    "goods_status": ("货物状态",),
    "return_logistics": ("退货物流信息",),
    "ship_logistics": ("发货物流信息",),
    "intervention": ("客服介入状态",),
    "return_tracking": ("退货物流单号",),
    "return_courier": ("退货物流公司",),
    "reason": ("买家退款原因", "退款原因"),
    "description": ("买家退款说明", "退款说明"),
    "returned_at": ("买家退货时间",),
    "phase": ("售中或售后",),
    "seller_note": ("商家备注",),
    "buyer_nick": ("买家会员名称", "买家会员名", "买家昵称"),
    "after_sale_type": ("售后类型",),
    "seller_name": ("卖家真实姓名(新)", "卖家真实姓名新", "卖家真实姓名_新", "卖家真实姓名"),
}
REFUND_REQUIRED = ("order_no", "refund_no", "status", "refund_fen", "applied_at")


LAYOUTS: tuple[LayoutSpec, ...] = (
    LayoutSpec(
        "taobao",
        ExportKind.REFUNDS,
        "淘宝退款管理导出",
        ("退款编号", "退款状态", "退款的申请时间", "是否需要退货"),
        REFUND_COLUMNS,
        REFUND_REQUIRED,
    ),
    LayoutSpec(
        "taobao",
        ExportKind.ORDERS,
        "淘宝订单报表",
        ("买家实际支付金额", "订单创建时间", "收货地址", "买家应付邮费"),
        ORDER_COLUMNS,
        ORDER_REQUIRED,
    ),
    LayoutSpec(
        "taobao",
        ExportKind.ORDER_LINES,
        "淘宝宝贝报表",
        ("购买数量", "商品属性", "套餐信息", "外部系统编号", "子订单编号"),
        LINE_COLUMNS,
        LINE_REQUIRED,
    ),
)
