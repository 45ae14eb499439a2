"""JD (京东) exports: known by sight only, so that such a file is named rather than called
unknown."""

from __future__ import annotations

from shopdesk.core.importers.layouts import ExportKind, LayoutSpec

LAYOUTS: tuple[LayoutSpec, ...] = (
    LayoutSpec(
        "jd",
        ExportKind.ORDERS,
        "京东订单导出",
        ("商品ID", "订购数量", "京东价", "结算金额", "应付金额", "下单帐号", "付款确认时间"),
        {},
    ),
    LayoutSpec(
        "jd",
        ExportKind.REFUNDS,
        "京东售后服务单导出",
        ("服务单号", "申请单号", "客户期望", "审核结果", "取件方式", "商品编号"),
        {},
    ),
)
