"""Realistic Taobao export files for the importer tests, written on the fly (invented people).

Each writer takes plain dicts (field -> value) and writes the file the way the platform does
(every field quoted, `="..."` numbers, `'` phones, CRLF, GB18030 or UTF-8) or the way Excel
re-saves it (plain digits, slashed dates without seconds, fewer quotes)."""

from __future__ import annotations

import zipfile
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


XLSX_MONEY = {"买家实际支付金额", "买家退款金额"}
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)  # fmt: skip
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)  # fmt: skip
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="退款管理" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)  # fmt: skip
# style 0: general; style 1: a date-time (built-in number format 22, m/d/yy h:mm)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)  # fmt: skip


def _column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_xlsx_by_hand(
    path: Path,
    header: list[str],
    rows: list[dict[str, object]],
    *,
    strings: str = "shared",
    dimension: bool = False,
    money: set[str] = XLSX_MONEY,
) -> Path:
    """A workbook as writers other than Excel write it (zipfile + XML, no library): empty
    cells omitted, trailing ones included; no `<dimension>` unless asked; text as shared
    strings or inline strings; amounts as numbers; times as date cells. A value may be
    `("formula", text, cached)` for a formula cell (cached None: no result saved)."""
    from datetime import datetime

    shared: dict[str, int] = {}

    def text_cell(ref: str, text: str) -> str:
        if strings == "inline":
            return f'<c r="{ref}" t="inlineStr"><is><t>{_xml_text(text)}</t></is></c>'
        index = shared.setdefault(text, len(shared))
        return f'<c r="{ref}" t="s"><v>{index}</v></c>'

    def cell(ref: str, name: str, value: object) -> str:
        if isinstance(value, tuple) and value[0] == "formula":
            _, formula, cached = value
            cached_xml = "" if cached is None else f"<v>{cached}</v>"
            return f'<c r="{ref}"><f>{_xml_text(formula)}</f>{cached_xml}</c>'
        text = "" if value is None else str(value)
        if name in money and text:
            return f'<c r="{ref}"><v>{text}</v></c>'
        if len(text) == 19 and text[4] == "-" and text[13] == ":":
            moment = datetime.fromisoformat(text)
            serial = (moment - datetime(1899, 12, 30)).total_seconds() / 86400
            return f'<c r="{ref}" s="1"><v>{serial!r}</v></c>'
        return text_cell(ref, text)

    sheet_rows = []
    table = [dict(zip(header, header, strict=True)), *rows]
    for number, row in enumerate(table, start=1):
        cells = []
        for column, name in enumerate(header, start=1):
            value = row.get(name, "") if number > 1 else name
            if value in ("", None):
                continue  # omitted, as other writers do (trailing cells too)
            ref = f"{_column_letter(column)}{number}"
            cells.append(cell(ref, name, value) if number > 1 else text_cell(ref, name))
        sheet_rows.append(f'<row r="{number}">{"".join(cells)}</row>')
    dimension_xml = (
        f'<dimension ref="A1:{_column_letter(len(header))}{len(table)}"/>' if dimension else ""
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{dimension_xml}<sheetData>{''.join(sheet_rows)}</sheetData></worksheet>"
    )
    items = "".join(f"<si><t>{_xml_text(text)}</t></si>" for text in shared)
    shared_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(shared)}" uniqueCount="{len(shared)}">{items}</sst>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", _STYLES)
        archive.writestr("xl/sharedStrings.xml", shared_xml)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def ten_refunds() -> list[dict[str, object]]:
    """Ten refunds of ten orders, in every state, most with their last columns empty (as
    real exports: nobody fills 帮他退款操作账号)."""
    states = [
        "买家已经申请退款，等待卖家同意",
        "卖家已经同意退款，等待买家退货",
        "买家已经退货，等待卖家确认收货",
        "卖家拒绝退款",
        "退款关闭",
        "退款成功",
    ]
    rows = []
    for number in range(10):
        order_no = f"35153131473293579{number:02d}"
        status = states[number % len(states)]
        fields: dict[str, object] = {"退款状态": status}
        if status in ("退款关闭", "退款成功"):
            fields["退款完结时间"] = "2024-06-21 18:02:44"
            fields["超时时间"] = ""
        if number % 3 == 1:
            fields["是否需要退货"] = "是"
        rows.append(refund(order_no, f"1500012345678901{number:02d}", **fields))
    return rows
