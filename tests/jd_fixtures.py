"""JD POP (京东) order exports written the way JD and Excel write them (facts:
shared/domain/platforms/jd.md): GBK CSV without BOM, CRLF, bare header, free text quoted,
numbers / dates / status bare, one row per SKU with the order's amounts repeated, the
40-column (2018) and 48-column (2021) layouts; Excel re-saves (slash dates without
seconds, 12+ digit numbers written as `2.91185E+11`, `758.00` as `758`, fewer quotes)
and .xlsx copies. tools/make_jd_samples.py writes a set of them to a folder."""

from __future__ import annotations

import io
import re
from pathlib import Path


def columns(header: str) -> list[str]:
    """A header as the platform writes it (one comma-separated line) -> its names."""
    return header.split(",")


# The 2018 layout: 40 columns, verbatim from jd.md (`商家SKUID ` keeps its trailing space).
JD_40 = columns(
    "订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,"
    "订单状态,订单类型,下单帐号,客户姓名,客户地址,联系电话,订单备注,发票类型,发票抬头,发票内容,"
    "商家备注,商家备注等级（等级1-5为由高到低）,运费金额,付款确认时间,增值税发票,货号,订单完成时间,"
    "订单来源,订单渠道,送装服务,服务费,仓库id,仓库名称,普通发票纳税编号,商家SKUID ,邮箱地址,邮政编码,"
    "是否为品牌商订单,是否为toplife订单"
)
assert len(JD_40) == 40

# The 2021 layout: 48 columns (jd.md, JDSalesOrderVO). Six invoice columns after 发票内容
# (the parser's labels), so 商家备注 is the 28th and 付款确认时间 the 31st; then 17 trailing
# columns no source names, written here with an empty header cell each. ShopDesk reads
# the 31 named ones by name and ignores the unnamed ones, whatever they hold.
INVOICE_2021 = columns("纳税人识别号,名称（个人）,单位地址,单位电话,开户银行,银行账号")
UNNAMED_2021 = 17
JD_48 = JD_40[:21] + INVOICE_2021 + JD_40[21:25] + [""] * UNNAMED_2021
assert len(JD_48) == 48 and JD_48.index("商家备注") == 27 and JD_48.index("付款确认时间") == 30
# What the unnamed columns hold is not known either: the fixtures write the 2018 layout's
# tail there (增值税发票 … 是否为toplife订单, a 13-digit 货号, a date) and two empty cells
# [I], so a reader that took them by position would misread them.
UNNAMED_2021_CELLS = JD_40[25:] + ["", ""]
assert len(UNNAMED_2021_CELLS) == UNNAMED_2021

# The columns a seller's pandas script keeps in an .xlsx copy (jd.md, ref 2910348388):
# no 应付金额, so what the buyer paid is not in it.
JD_XLSX_SUBSET = columns("订单号,商品ID,订购数量,下单时间,结算金额,订单状态,商家备注,付款确认时间")

# Free text JD quotes; everything else (numbers, dates, status, 支付方式…) is bare.
QUOTED = {
    "商品名称",
    "客户姓名",
    "客户地址",
    "联系电话",
    "订单备注",
    "发票抬头",
    "发票内容",
    "商家备注",
    "仓库名称",
    "邮箱地址",
}


def jd_order(order_no: str = "11729439936", **fields: object) -> dict[str, object]:
    """One SKU row of a paid order waiting to leave the warehouse (fields by header name
    override; `商家SKUID` is written under the header's `商家SKUID `)."""
    row: dict[str, object] = {
        "订单号": order_no,
        "商品ID": "1953814331",
        "商品名称": "小满家居 北欧风陶瓷马克杯 400ml 奶白色",
        "订购数量": "1",
        "支付方式": "在线支付",
        "下单时间": "2024-06-13 10:21:07",
        "京东价": "758.00",
        "订单金额": "1097.00",
        "结算金额": "932.45",
        "余额支付": "0.00",
        "应付金额": "932.45",
        "订单状态": "等待出库",
        "订单类型": "销售订单",
        "下单帐号": "rds3199358",
        "客户姓名": "王冬阳",
        "客户地址": "江西南昌市青山湖区昌东工业区恒源科技园1栋",
        "联系电话": "13767111772",
        "订单备注": "",
        "发票类型": "",
        "发票抬头": "",
        "发票内容": "",
        "商家备注": "",
        "商家备注等级（等级1-5为由高到低）": "",
        "运费金额": "0.00",
        "付款确认时间": "2024-06-13 10:21:40",
        "增值税发票": "",
        "货号": "",
        "订单完成时间": "",
        "订单来源": "移动端订单",
        "订单渠道": "暂无来源",
        "商家SKUID": "MUG-400-W",
    }
    row.update(fields)
    return row


# 联系电话 / 客户姓名 / 客户地址 as JD's masking options write them (jd.md, Masking): a
# virtual number (11-digit main + 4-digit extension; how the two are joined is [I]), the
# 模糊号 forms, masked names and address, and 无需导出收货人信息 as empty cells [I].
JD_RECEIVERS: list[dict[str, str]] = [
    {"联系电话": "13012345678-1234"},
    {"联系电话": "13012345678转1234"},
    {"联系电话": "137****1772", "客户姓名": "王*阳"},
    {"客户姓名": "王**", "客户地址": "江西南昌市青山湖区****"},
    {"客户姓名": "", "客户地址": "", "联系电话": ""},
]
# 无需导出收货人信息 where the receiver's columns themselves are left out [I].
JD_NO_RECEIVER = [name for name in JD_40 if name not in ("客户姓名", "客户地址", "联系电话")]


def second_sku(row: dict[str, object], **fields: object) -> dict[str, object]:
    """Another SKU row of the same order: the order's amounts and status repeat."""
    return {
        **row,
        "商品ID": "1953814332",
        "商品名称": "小满家居 不锈钢保温饭盒 三层 薄荷绿",
        "京东价": "339.00",
        "商家SKUID": "BOX-3",
        **fields,
    }


def split_parent(order_no: str, children: tuple[str, ...], **fields: object) -> dict[str, object]:
    """The row JD keeps for an order it split: (删除)等待出库, the children in 商家备注."""
    note = "订单拆分为  " + "    ".join(children)
    return jd_order(order_no, 订单状态="(删除)等待出库", 商家备注=note, **fields)


def _cell_value(row: dict[str, object], name: str) -> str:
    value = row.get(name.strip(), "")
    return "" if value is None else str(value)


def _named_cells(row: dict[str, object], header: list[str]) -> list[tuple[str, str, str]]:
    """(header name, the name whose value and quoting the cell has, cell text) of a row;
    under the k-th unnamed column, the value of UNNAMED_2021_CELLS[k]."""
    out = []
    unnamed = 0
    for name in header:
        if name.strip():
            out.append((name, name, _cell_value(row, name)))
            continue
        source = UNNAMED_2021_CELLS[unnamed] if unnamed < UNNAMED_2021 else ""
        unnamed += 1
        out.append((name, source, _cell_value(row, source) if source else ""))
    return out


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _jd_cell(name: str, text: str) -> str:
    if text == "":
        return ""  # empty cells are bare and empty
    return _quote(text) if name.strip() in QUOTED else text


_LONG_NUMBER = re.compile(r"^\d{12,}$")
_MONEY = re.compile(r"^\d+\.\d\d$")
_SECONDS = re.compile(r"^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):\d\d$")


def excel_number(digits: str) -> str:
    """What Excel's General format writes back for a long number: 6 significant digits
    (`291184764662` -> `2.91185E+11`); the rest of the digits are gone."""
    mantissa, exponent = f"{int(digits):.5E}".split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E+{int(exponent):02d}"


def excel_cell(text: str) -> str:
    """A cell after Excel opened the CSV and saved it again: dates lose their seconds and
    zero padding, amounts their trailing zeros, long numbers their last digits. A cell
    that ends in a tab stays text, unchanged."""
    if text.endswith("\t"):
        return text
    match = _SECONDS.match(text)
    if match:
        year, month, day, hour, minute = match.groups()
        return f"{year}/{int(month)}/{int(day)} {int(hour)}:{minute}"
    if _LONG_NUMBER.match(text):
        return excel_number(text)
    if _MONEY.match(text):
        return text.rstrip("0").rstrip(".")
    return text


def _excel_quoted(text: str) -> str:
    return _quote(text) if any(c in text for c in ',"\r\n') else text


def write_jd_orders(
    path: Path,
    rows: list[dict[str, object]],
    header: list[str] = JD_40,
    *,
    excel: bool = False,
    typed: dict[tuple[int, str], str] | None = None,
) -> Path:
    """The order export (GBK, CRLF). `excel`: opened and saved again in Excel (still GBK,
    see `excel_cell`). `typed`: (row index, column) -> the raw cell text written instead
    (what the seller typed over it, or a tab-ended cell)."""
    out = io.StringIO(newline="")
    out.write(",".join(header) + "\r\n")
    for index, row in enumerate(rows):
        cells = []
        for name, source, text in _named_cells(row, header):
            if typed and (index, name.strip()) in typed:
                cells.append(typed[(index, name.strip())])
            elif excel:
                cells.append(_excel_quoted(excel_cell(text)))
            else:
                cells.append(_jd_cell(source, text))
        out.write(",".join(cells) + "\r\n")
    path.write_bytes(out.getvalue().encode("gbk"))
    return path


def write_jd_orders_xlsx(
    path: Path, rows: list[dict[str, object]], header: list[str] = JD_40
) -> Path:
    """The export kept as .xlsx: ids, counts and amounts became numbers, dates became date
    cells, the rest text."""
    from datetime import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append([name or None for name in header])  # an unnamed column: an empty cell
    for row in rows:
        cells: list[object] = []
        for _, name, text in _named_cells(row, header):
            if _SECONDS.match(text):
                cells.append(datetime.fromisoformat(text))
            elif re.match(r"^\d+(\.\d+)?$", text) and name.strip() not in QUOTED:
                cells.append(float(text) if "." in text else int(text))
            else:
                cells.append(text or None)
        sheet.append(cells)
    book.save(path)
    return path


# The 售后服务单 export. No verbatim header is known (jd.md (b)): these are the names of
# JD's service-order fields (jingdong.asc.query.list), in an order of our choosing; the
# reader finds them by name. 服务单状态 and 客户期望 hold the code or the word.
JD_SERVICE = columns(
    "服务单号,申请单号,申请时间,订单号,商品编号,商品名称,实付金额,客户期望,服务单状态,"
    "审核时间,审核结果,处理时间,处理结果,客户姓名,取件方式,用户电话"
)
SERVICE_QUOTED = {"商品名称", "审核结果", "处理结果", "客户姓名", "用户电话"}


def jd_service(
    service_no: str = "1654987321",
    order_no: str = "11729384072",
    expectation: str = "10",
    status: str = "10001",
    **fields: object,
) -> dict[str, object]:
    """One 服务单: by default a 退货 (客户期望 10) waiting for the seller's 审核 (10001)."""
    row: dict[str, object] = {
        "服务单号": service_no,
        "申请单号": "7" + service_no,
        "申请时间": "2024-06-16 09:12:30",
        "订单号": order_no,
        "商品编号": "1953814331",
        "商品名称": "小满家居 北欧风陶瓷马克杯 400ml 奶白色",
        "实付金额": "758.00",
        "客户期望": expectation,
        "服务单状态": status,
        "审核时间": "",
        "审核结果": "",
        "处理时间": "",
        "处理结果": "",
        "客户姓名": "王冬阳",
        "取件方式": "上门取件",
        "用户电话": "137****1772",
    }
    row.update(fields)
    return row


def write_jd_services(
    path: Path,
    rows: list[dict[str, object]],
    header: list[str] = JD_SERVICE,
    *,
    excel: bool = False,
) -> Path:
    """The 售后服务单 export as JD's other CSVs are written (GBK, CRLF, free text quoted).
    `excel`: opened and saved again in Excel (see `excel_cell`)."""
    out = io.StringIO(newline="")
    out.write(",".join(header) + "\r\n")
    for row in rows:
        cells = []
        for name in header:
            text = _cell_value(row, name)
            if excel:
                cells.append(_excel_quoted(excel_cell(text)))
            elif text and name in SERVICE_QUOTED:
                cells.append(_quote(text))
            else:
                cells.append(text)
        out.write(",".join(cells) + "\r\n")
    path.write_bytes(out.getvalue().encode("gbk"))
    return path


def write_jd_services_xlsx(
    path: Path, rows: list[dict[str, object]], header: list[str] = JD_SERVICE
) -> Path:
    """The export kept as .xlsx: numbers as numbers, dates as date cells, the rest text."""
    from datetime import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(header)
    for row in rows:
        cells: list[object] = []
        for name in header:
            text = _cell_value(row, name)
            if _SECONDS.match(text):
                cells.append(datetime.fromisoformat(text))
            elif re.match(r"^\d+(\.\d+)?$", text) and name not in SERVICE_QUOTED:
                cells.append(float(text) if "." in text else int(text))
            else:
                cells.append(text or None)
        sheet.append(cells)
    book.save(path)
    return path
