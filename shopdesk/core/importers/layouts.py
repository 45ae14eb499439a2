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

# Pinduoduo (拼多多). Sellers choose their report's columns (自定义报表), so only what an
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


@dataclass(frozen=True)
class LayoutSpec:
    """One export ShopDesk knows: whose, which kind, its columns and the headers that
    only it has (its signature). `columns` empty: known by sight, not imported yet."""

    platform: str
    kind: ExportKind
    title: str
    signature: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]
    required: tuple[str, ...] = ()

    @property
    def importable(self) -> bool:
        return bool(self.columns)

    def known_names(self) -> set[str]:
        return {name for spellings in self.columns.values() for name in spellings}


SPECS: tuple[LayoutSpec, ...] = (
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
    # Known by sight only, so that such a file is named rather than called unknown.
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
SUPPORTED = "淘宝订单报表、宝贝报表、退款管理导出，拼多多订单导出、售后导出"


def normalize_header(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("\ufeff", "").strip().strip('"').strip()


@dataclass(frozen=True)
class Layout:
    """A recognised header: its kind, each field's column index and the header names."""

    kind: ExportKind
    index: dict[str, int]
    names: list[str]
    platform: str = "taobao"
    title: str = ""

    @property
    def width(self) -> int:
        return len(self.names)

    def column_name(self, field: str) -> str:
        return self.names[self.index[field]]

    def has(self, field: str) -> bool:
        return field in self.index


def _score(spec: LayoutSpec, names: set[str]) -> tuple[int, int]:
    """(signature headers present, all known headers present): the whole header counts,
    since single names are shared (订单号 is JD's and Pinduoduo's, 订单编号 Taobao's too)."""
    signature = sum(1 for name in spec.signature if name in names)
    return signature, len(names & spec.known_names())


def guess_spec(header: list[object]) -> LayoutSpec | None:
    """The known export this header fits best (at least two of its own headers), or None."""
    names = {normalize_header(value) for value in header}
    best = max(SPECS, key=lambda spec: _score(spec, names))
    return best if _score(best, names)[0] >= 2 else None


def guess_kind(header: list[object]) -> ExportKind | None:
    spec = guess_spec(header)
    return spec.kind if spec is not None else None


def read_layout(header: list[object], file_name: str) -> Layout:
    """The layout of a header row; InputError naming what is wrong otherwise."""
    names = [normalize_header(value) for value in header]
    while names and names[-1] == "":
        names.pop()
    spec = guess_spec(names)
    if spec is None:
        raise InputError(f"{file_name}：不是 ShopDesk 认识的导出文件（需要{SUPPORTED}）")
    if not spec.importable:
        raise InputError(
            f"{file_name}：这像是{spec.title}，ShopDesk 暂时还不能导入这个平台的文件"
            f"（目前支持{SUPPORTED}）"
        )
    positions: dict[str, int] = {}
    for position, name in enumerate(names):
        positions.setdefault(name, position)
    index: dict[str, int] = {}
    for field, spellings in spec.columns.items():
        for spelling in spellings:
            if spelling in positions:
                index[field] = positions[spelling]
                break
    missing = [spec.columns[field][0] for field in spec.required if field not in index]
    if missing:
        title = KIND_NAMES[spec.kind] if spec.platform == "taobao" else spec.title
        raise InputError(
            f"{file_name}：{title}缺少必需的列：{'、'.join(missing)}"
            "（表头可能被改过）：请用平台导出的原始文件"
        )
    return Layout(spec.kind, index, names, spec.platform, spec.title)
