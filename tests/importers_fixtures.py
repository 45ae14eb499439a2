"""Realistic Taobao export files for the importer tests, written on the fly (invented people).

Each writer takes plain dicts (field -> value) and writes the file the way the platform does
(every field quoted, `="..."` numbers, `'` phones, CRLF, GB18030 or UTF-8) or the way Excel
re-saves it (plain digits, slashed dates without seconds, fewer quotes)."""

from __future__ import annotations

from pathlib import Path

ORDER_HEADER_61 = [
    "订单编号", "买家会员名", "买家支付宝账号", "支付单号", "支付详情", "买家应付货款", "买家应付邮费",
    "买家支付积分", "总金额", "返点积分", "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言",
    "收货人姓名", "收货地址 ", "运送方式", "联系电话 ", "联系手机", "订单创建时间", "订单付款时间 ",
    "宝贝标题 ", "宝贝种类 ", "物流单号 ", "物流公司", "订单备注", "宝贝总数量", "店铺Id", "店铺名称",
    "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单", "分阶段订单信息",
    "特权订金订单id", "是否上传合同照片", "是否上传小票", "是否代付", "定金排名", "修改后的sku",
    "修改后的收货地址", "异常信息", "天猫卡券抵扣", "集分宝抵扣", "是否是O2O交易", "新零售交易类型",
    "新零售导购门店名称", "新零售导购门店id", "新零售发货门店名称", "新零售发货门店id", "退款金额",
    "预约门店", "确认收货时间", "打款商家金额", "含应开票给个人的个人红包", "是否信用购", "体验期结束时间",
    "前N有礼", "配送类型", "主订单编号",
]  # fmt: skip
ORDER_HEADER_46 = ORDER_HEADER_61[:46]
ORDER_HEADER_71 = [name.strip() if name in ("收货地址 ", "宝贝标题 ") else name for name in ORDER_HEADER_61] + [
    "买家会员昵称", "发货时间", "商家备忘", "延迟发货自动赔付金额", "预售订单", "是否预售", "发票类型",
    "到付金额", "订单来源", "是否代发",
]  # fmt: skip
ORDER_HEADERS = {46: ORDER_HEADER_46, 61: ORDER_HEADER_61, 71: ORDER_HEADER_71}

LINE_HEADER_10 = [
    "订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注", "订单状态", "商家编码",
]  # fmt: skip
LINE_HEADER_18 = [
    "子订单编号", "主订单编号", "标题", "价格", "购买数量", "外部系统编号", "商品属性", "套餐信息", "备注",
    "订单状态", "商家编码", "支付单号", "买家应付货款", "买家实付金额", "退款状态", "退款金额", "发货时间",
    "物流单号",
]  # fmt: skip
LINE_HEADERS = {10: LINE_HEADER_10, 18: LINE_HEADER_18}

REFUND_HEADER_42 = [
    "订单编号", "退款编号", "支付宝交易号", "订单付款时间", "商品编码", "退款完结时间", "买家实际支付金额",
    "宝贝标题", "买家退款金额", "手工退款/系统退款", "是否需要退货", "退款的申请时间", "超时时间", "退款状态",
    "货物状态", "退货物流信息", "发货物流信息", "客服介入状态", "卖家真实姓名", "卖家真实姓名(新)",
    "卖家退货地址", "卖家邮编", "卖家电话", "卖家手机", "退货物流单号", "退货物流公司", "买家退款原因",
    "买家退款说明", "买家退货时间", "责任方", "售中或售后", "商家备注", "完结时间", "部分退款/全部退款",
    "审核操作人", "举证超时", "是否零秒响应", "退款操作人", "退款原因标签", "业务类型", "是否帮他退款",
    "帮他退款操作账号",
]  # fmt: skip
REFUND_HEADER_OLD = ["买家会员名称"] + [
    "卖家真实姓名新" if name == "卖家真实姓名(新)" else name for name in REFUND_HEADER_42
]
REFUND_HEADER_NEW = [
    {"支付宝交易号": "支付单号", "卖家真实姓名(新)": "卖家真实姓名_新"}.get(name, name)
    for name in REFUND_HEADER_42
] + ["商品id", "售后类型"]
REFUND_HEADERS = {"42": REFUND_HEADER_42, "old": REFUND_HEADER_OLD, "new": REFUND_HEADER_NEW}

NUMBER_COLUMNS = {
    "订单编号", "主订单编号", "子订单编号", "支付单号", "物流单号 ", "物流单号", "退款编号", "支付宝交易号",
    "店铺Id", "退货物流单号",
}  # fmt: skip
PHONE_COLUMNS = {"联系电话 ", "联系手机"}

# A few invented people and things.
BUYERS = [
    ("tb_柳絮飞", "林小满", "13925130165", "广东省 深圳市 南山区 粤海街道科技园路8号(518057)"),
    ("小鹿乱撞2019", "周一禾", "13800138000", "浙江省 杭州市 西湖区 文三路 99 号(310012)"),
    ("momo的快乐星球", "苏半夏", "18612345678", "北京 北京市 朝阳区 望京街道阜通东大街6号(000000)"),
]
PRODUCTS = [
    ("北欧风陶瓷马克杯 大容量带盖", "颜色分类：奶白色;容量：400ml", 3900, "MUG-400-W"),
    ("加厚珊瑚绒毛毯 午睡毯", "颜色分类：雾霾蓝;尺寸：150x200cm", 8900, "null"),
    ("不锈钢保温饭盒 三层", "颜色分类：薄荷绿", 12900, "BOX-3L"),
]


def order(order_no: str, **fields: object) -> dict[str, object]:
    """An order row as field values (ShopDesk names), with believable defaults."""
    nick, name, phone, address = BUYERS[int(order_no[-1]) % len(BUYERS)]
    title, _, price, _ = PRODUCTS[int(order_no[-2]) % len(PRODUCTS)]
    row: dict[str, object] = {
        "订单编号": order_no,
        "买家会员名": nick,
        "买家支付宝账号": "**",
        "支付单号": "2024061822001" + order_no[-8:],
        "买家应付货款": f"{price / 100:.2f}",
        "买家应付邮费": "0.00",
        "买家支付积分": "0",
        "总金额": f"{price / 100:.2f}",
        "返点积分": "0",
        "买家实际支付金额": f"{price / 100:.2f}",
        "买家实际支付积分": "0",
        "订单状态": "卖家已发货，等待买家确认",
        "买家留言": "",
        "收货人姓名": name,
        "收货地址 ": address,
        "运送方式": "快递",
        "联系电话 ": "",
        "联系手机": phone,
        "订单创建时间": "2024-06-18 14:20:31",
        "订单付款时间 ": "2024-06-18 14:20:45",
        "宝贝标题 ": title,
        "宝贝种类 ": "1",
        "物流单号 ": "YT7428813390021",
        "物流公司": "圆通速递",
        "订单备注": "",
        "宝贝总数量": "1",
        "店铺Id": "106754321",
        "店铺名称": "小满家居旗舰店",
        "订单关闭原因": "订单未关闭",
        "卖家服务费": "0元",
        "买家服务费": "0元",
        "是否手机订单": "手机订单",
        "退款金额": "0.00元",
        "确认收货时间": "",
        "主订单编号": order_no,
        "买家会员昵称": nick,
        "发货时间": "2024-06-19 10:02:11",
    }
    row.update(fields)
    return row


def line(order_no: str, **fields: object) -> dict[str, object]:
    title, props, price, code = PRODUCTS[int(order_no[-2]) % len(PRODUCTS)]
    row: dict[str, object] = {
        "订单编号": order_no,
        "主订单编号": order_no,
        "子订单编号": "",
        "标题": title,
        "价格": f"{price / 100:.2f}",
        "购买数量": "1",
        "外部系统编号": "",
        "商品属性": props,
        "套餐信息": "",
        "备注": "",
        "订单状态": "卖家已发货，等待买家确认",
        "商家编码": code,
    }
    row.update(fields)
    return row


def refund(order_no: str, refund_no: str, **fields: object) -> dict[str, object]:
    title, _, price, _ = PRODUCTS[int(order_no[-2]) % len(PRODUCTS)]
    row: dict[str, object] = {
        "订单编号": order_no,
        "退款编号": refund_no,
        "支付宝交易号": "2024061822001" + order_no[-8:],
        "支付单号": "2024061822001" + order_no[-8:],
        "订单付款时间": "2024-06-18 14:20:45",
        "退款完结时间": "",
        "买家实际支付金额": f"{price / 100:.2f}",
        "宝贝标题": title,
        "买家退款金额": f"{price / 100:.2f}",
        "手工退款/系统退款": "系统退款",
        "是否需要退货": "否",
        "退款的申请时间": "2024-06-20 09:15:02",
        "超时时间": "2024-06-22 09:15:02",
        "退款状态": "买家已经申请退款，等待卖家同意",
        "货物状态": "买家已收到货",
        "发货物流信息": "圆通速递 YT7428813390021",
        "客服介入状态": "不需要客服介入",
        "卖家真实姓名": "林**",
        "买家退款原因": "不想要了",
        "买家退款说明": "拍多了一件",
        "售中或售后": "售中",
        "买家会员名称": BUYERS[int(order_no[-1]) % len(BUYERS)][0],
        "售后类型": "仅退款",
    }
    row.update(fields)
    return row


def _taobao_cell(name: str, value: object) -> str:
    text = "" if value is None else str(value)
    if name in NUMBER_COLUMNS and not text.startswith(("=", '"')):
        return f'="{text}"'
    if name in PHONE_COLUMNS and text:
        text = "'" + text
    return '"' + text.replace('"', '""') + '"'


def _excel_cell(value: object) -> str:
    text = "" if value is None else str(value)
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _value(row: dict[str, object], name: str) -> object:
    for key in (name, name.strip(), name.strip() + " "):
        if key in row:
            return row[key]
    return ""


def write_rows(
    path: Path,
    header: list[str],
    rows: list[dict[str, object]],
    *,
    encoding: str = "gb18030",
    excel: bool = False,
    trailing_comma: bool = False,
    bom: bool = False,
    blank_tail: bool = True,
) -> Path:
    """Write an export the way the platform (or Excel) does; returns the path."""
    lines = []
    if excel:
        lines.append(",".join(_excel_cell(name.strip()) for name in header))
    else:
        lines.append(",".join(f'"{name}"' for name in header))
    for row in rows:
        if excel:
            cells = [_excel_cell(_value(row, name)) for name in header]
        else:
            cells = [_taobao_cell(name, _value(row, name)) for name in header]
        lines.append(",".join(cells) + ("," if trailing_comma else ""))
    text = "\r\n".join(lines) + "\r\n" + ("\r\n" if blank_tail else "")
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


def write_orders(path: Path, rows: list[dict[str, object]], layout: int = 61, **kw) -> Path:
    return write_rows(path, ORDER_HEADERS[layout], rows, **kw)


def write_lines(path: Path, rows: list[dict[str, object]], layout: int = 10, **kw) -> Path:
    kw.setdefault("trailing_comma", True)
    return write_rows(path, LINE_HEADERS[layout], rows, **kw)


def write_refunds_csv(path: Path, rows: list[dict[str, object]], layout: str = "42", **kw) -> Path:
    kw.setdefault("excel", True)
    return write_rows(path, REFUND_HEADERS[layout], rows, **kw)


def write_refunds_xlsx(path: Path, rows: list[dict[str, object]], layout: str = "42") -> Path:
    """The workbook the refund page downloads: ids as text cells, amounts numeric, times
    as date cells."""
    from datetime import datetime

    import openpyxl

    header = REFUND_HEADERS[layout]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    money = {"买家实际支付金额", "买家退款金额"}
    for row in rows:
        cells: list[object] = []
        for name in header:
            value = row.get(name, "")
            if name in money and value != "":
                value = float(str(value))
            elif (
                isinstance(value, str) and len(value) == 19 and value[4] == "-" and value[13] == ":"
            ):
                value = datetime.fromisoformat(value)
            cells.append(value)
        sheet.append(cells)
    book.save(path)
    return path
