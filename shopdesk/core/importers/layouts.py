"""Which export a header belongs to, and where each field is: columns are found by their
trimmed header name (with the known spellings), never by position."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shopdesk.core.errors import InputError


class ExportKind(StrEnum):
    ORDERS = "orders"
    ORDER_LINES = "order_lines"
    REFUNDS = "refunds"


KIND_NAMES = {
    ExportKind.ORDERS: "订单报表",
    ExportKind.ORDER_LINES: "宝贝报表",
    ExportKind.REFUNDS: "退款管理导出",
}

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

COLUMNS = {
    ExportKind.ORDERS: ORDER_COLUMNS,
    ExportKind.ORDER_LINES: LINE_COLUMNS,
    ExportKind.REFUNDS: REFUND_COLUMNS,
}
REQUIRED = {
    ExportKind.ORDERS: ORDER_REQUIRED,
    ExportKind.ORDER_LINES: LINE_REQUIRED,
    ExportKind.REFUNDS: REFUND_REQUIRED,
}
# Headers only one kind has: they decide the kind before required columns are checked.
SIGNATURES = {
    ExportKind.REFUNDS: ("退款编号", "退款状态", "退款的申请时间", "是否需要退货"),
    ExportKind.ORDERS: ("买家实际支付金额", "订单创建时间", "收货地址", "买家应付邮费"),
    ExportKind.ORDER_LINES: ("购买数量", "商品属性", "套餐信息", "外部系统编号", "子订单编号"),
}


def normalize_header(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\ufeff", "").strip().strip('"').strip()


@dataclass(frozen=True)
class Layout:
    """A recognised header: its kind, each field's column index and the header names."""

    kind: ExportKind
    index: dict[str, int]
    names: list[str]

    @property
    def width(self) -> int:
        return len(self.names)

    def column_name(self, field: str) -> str:
        return self.names[self.index[field]]

    def has(self, field: str) -> bool:
        return field in self.index


def _score(kind: ExportKind, names: set[str]) -> int:
    return sum(1 for name in SIGNATURES[kind] if name in names)


def guess_kind(header: list[object]) -> ExportKind | None:
    names = {normalize_header(value) for value in header}
    scores = {kind: _score(kind, names) for kind in ExportKind}
    best = max(scores, key=lambda kind: scores[kind])
    return best if scores[best] >= 2 else None


def read_layout(header: list[object], file_name: str) -> Layout:
    """The layout of a header row; InputError naming what is wrong otherwise."""
    names = [normalize_header(value) for value in header]
    while names and names[-1] == "":
        names.pop()
    kind = guess_kind(names)
    if kind is None:
        raise InputError(
            f"{file_name}：不是 ShopDesk 认识的导出文件（需要淘宝订单报表、宝贝报表或退款管理导出）"
        )
    positions: dict[str, int] = {}
    for position, name in enumerate(names):
        positions.setdefault(name, position)
    index: dict[str, int] = {}
    for field, spellings in COLUMNS[kind].items():
        for spelling in spellings:
            if spelling in positions:
                index[field] = positions[spelling]
                break
    missing = [COLUMNS[kind][field][0] for field in REQUIRED[kind] if field not in index]
    if missing:
        raise InputError(
            f"{file_name}：{KIND_NAMES[kind]}缺少必需的列：{'、'.join(missing)}"
            "（表头可能被改过）：请用平台导出的原始文件"
        )
    return Layout(kind, index, names)
