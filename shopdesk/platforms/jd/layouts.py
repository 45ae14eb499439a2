"""JD (京东) exports: the order export (订单查询与跟踪 → 导出) and the 售后服务单 export.
No verbatim header of the latter is known: its columns are found by the names of JD's
service-order vocabulary (jd.md (b), jingdong.asc.query.list), in any order."""

from __future__ import annotations

from shopdesk.importers.layouts import ExportKind, LayoutSpec

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

# The 售后服务单 export, by the names of JD's service-order fields (jd.md (b)); the
# alternatives are the names JD's seller pages give the same fields. 服务单状态 and 客户期望
# may hold the code (10001, 10) or the word (待审核, 退货).
JD_SERVICE_COLUMNS: dict[str, tuple[str, ...]] = {
    "refund_no": ("服务单号", "服务单编号", "售后服务单号"),
    "apply_no": ("申请单号",),
    "applied_at": ("申请时间", "服务单申请时间"),
    "order_no": ("订单号", "订单编号"),
    "sku_id": ("商品编号", "商品ID"),
    "title": ("商品名称",),
    "paid_fen": ("实付金额", "商品实付金额", "实付金额(元)", "实付金额（元）"),
    "refund_fen": ("退款金额", "应退金额"),
    "expectation": ("客户期望", "客户期望名称", "服务类型", "售后类型"),
    "audited_at": ("审核时间",),
    "audit_result": ("审核结果",),
    "processed_at": ("处理时间",),
    "process_result": ("处理结果",),
    "customer": ("客户姓名",),
    "pickup": ("取件方式",),
    "phone": ("用户电话",),
    "status": ("服务单状态", "服务单状态名称", "售后服务单状态", "服务状态", "状态"),
    "reason": ("申请原因", "售后原因", "问题描述"),
    "description": ("问题描述",),
}
JD_SERVICE_REQUIRED = ("refund_no", "order_no", "status", "applied_at", "expectation")

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
        (
            "服务单号",
            "申请单号",
            "客户期望",
            "审核时间",
            "审核结果",
            "处理时间",
            "处理结果",
            "取件方式",
            "服务单状态",
            # other names of its own fields
            "服务单编号",
            "售后服务单号",
            "服务单状态名称",
            "售后服务单状态",
        ),
        JD_SERVICE_COLUMNS,
        JD_SERVICE_REQUIRED,
    ),
)
