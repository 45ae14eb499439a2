"""Douyin (抖店) exports: known by sight only, so that such a file is named rather than called
unknown."""

from __future__ import annotations

from shopdesk.core.importers.layouts import ExportKind, LayoutSpec

LAYOUTS: tuple[LayoutSpec, ...] = (
    LayoutSpec(
        "douyin",
        ExportKind.ORDERS,
        "抖店订单导出",
        ("主订单编号", "子订单编号", "选购商品", "订单应付金额", "订单提交时间", "支付完成时间"),
        {},
    ),
    LayoutSpec(
        "douyin",
        ExportKind.REFUNDS,
        "抖店售后单导出",
        ("售后单号", "商品单号", "售后类型", "退商品金额（元）", "售后申请时间", "商品发货状态"),
        {},
    ),
)
