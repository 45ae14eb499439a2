"""Pinduoduo exports written the way PDD and Excel write them (facts:
shared/domain/platforms/pdd.md): the order CSV with its tab-ended cells and bare "\\t"
for empty ones, older and custom templates, Excel re-saves (GB18030, slash dates without
seconds, numbers typed as 7.73299E+14), the .xlsx re-save, and the after-sales workbook
with its 售后信息 sheet. tools/make_pdd_samples.py writes a set of them to a folder."""

from __future__ import annotations

import csv
import io
from pathlib import Path


def columns(header: str) -> list[str]:
    """A header as the platform writes it (one comma-separated line) -> its names."""
    return header.split(",")


# The 2023 layout: 82 columns, in order (pasted from a real export).
PDD_2023 = columns(
    "商品,订单号,订单状态,商品数量(件),是否审核中,支付时间,承诺发货时间,承诺送达时间,发货时间,"
    "确认收货时间,商品id,商品规格,样式ID,商品一级类目,商品二级类目,商品三级类目,商品四级类目,"
    "商家编码-规格维度,商家编码-商品维度,商家备注,买家留言,售后状态,消费者资料,订单成交时间,"
    "消费者资料上传时间,赠品名称,赠品id,赠品规格,赠品数量,团ID,团身份,是否已开始配送,"
    "配送员是否已送达,配送状态,同城是否普通快递,商品总价(元),邮费(元),店铺优惠折扣(元),"
    "平台优惠折扣(元),多多支付立减金额(元),上门安装费(元),送货入户费(元),送货入户并安装费(元),"
    "用户实付金额(元),商家实收金额(元),快递单号,快递公司,省,市,区,街道/镇,配送员手机号,"
    "是否抽奖或0元试用,是否顺丰加价,用户购买手机号,旅行类信息,充值号码,是否门店自提,门店名称,"
    "门店自定义编码,关联货品编码,货品名称,货品类型,子货品,仓库名称,仓库所在地址,海淘清关订单号,"
    "支付ID,支付方式,保税仓,是否直播间成交,是否直播间引导成交,预约配送时间,是否节能补贴,是否分期,"
    "分期期数,手续费承担方,是否无痕发货,订单来源,是否社区团购,小区送达情况,分期方式"
)
assert len(PDD_2023) == 82

# An older (2019–22) default template: 商家编码-SKU维度, 拼单成功时间 / 订单确认时间, the
# receiver's name, phone and address, 身份证 columns; no 订单成交时间.
PDD_OLD = columns(
    "商品,订单号,订单状态,商品数量(件),支付时间,拼单成功时间,订单确认时间,承诺发货时间,发货时间,"
    "确认收货时间,商品id,商品规格,样式ID,商家编码-SKU维度,商家编码-商品维度,商家备注,买家留言,"
    "售后状态,商品总价(元),邮费(元),店铺优惠折扣(元),平台优惠折扣(元),用户实付金额(元),"
    "商家实收金额(元),收货人,手机,省,市,区,街道,详细地址,快递单号,快递公司,身份证姓名,身份证号码"
)

# A seller's own 自定义报表: few columns, in their order, 订单成交时间 instead of 支付时间.
PDD_CUSTOM = columns(
    "订单号,商品,商品规格,商品数量(件),订单状态,订单成交时间,承诺发货时间,用户实付金额(元),"
    "商家实收金额(元),快递单号,快递公司,售后状态"
)

# Cells PDD writes with a tab at the end (numbers and ids); the rest plain.
TABBED = {
    "商品数量(件)",
    "商品id",
    "样式ID",
    "快递单号",
    "团ID",
    "支付ID",
    "赠品数量",
    "赠品id",
    "分期期数",
}


def is_tabbed(name: str) -> bool:
    return name in TABBED or name.endswith("(元)")


def pdd_order(order_no: str = "240613-861787953171000", **fields: object) -> dict[str, object]:
    """One SKU row of an order not yet shipped (fields by header name override)."""
    row: dict[str, object] = {
        "商品": "陶瓷马克杯 大容量 带盖勺",
        "订单号": order_no,
        "订单状态": "待发货",
        "商品数量(件)": "1",
        "是否审核中": "否",
        "支付时间": "2024-06-13 10:21:07",
        "订单成交时间": "2024-06-13 10:21:09",
        "拼单成功时间": "2024-06-13 10:21:09",
        "承诺发货时间": "2024-06-15 10:21:09",
        "承诺送达时间": "",
        "发货时间": "",
        "确认收货时间": "",
        "商品id": "512345678901",
        "商品规格": "白色,400ml",
        "样式ID": "1871385314709",
        "商家编码-规格维度": "MUG-400-W",
        "商家编码-SKU维度": "MUG-400-W",
        "商家编码-商品维度": "MUG-400",
        "商家备注": "",
        "买家留言": "",
        "售后状态": "无售后或售后取消",
        "商品总价(元)": "22.2",
        "邮费(元)": "0",
        "店铺优惠折扣(元)": "2",
        "平台优惠折扣(元)": "3",
        "多多支付立减金额(元)": "0",
        "用户实付金额(元)": "17.2",
        "商家实收金额(元)": "20.2",
        "快递单号": "",
        "快递公司": "",
        "省": "浙江省",
        "市": "杭州市",
        "区": "西湖区",
        "街道/镇": "文新街道",
        "街道": "文新街道",
        "团ID": "9821134",
        "团身份": "团长",
        "支付方式": "微信",
        "订单来源": "普通订单",
    }
    row.update(fields)
    return row


def shipped(row: dict[str, object], tracking: str = "73529461803521") -> dict[str, object]:
    return {
        **row,
        "订单状态": "已发货，待收货",
        "发货时间": "2024-06-14 09:02:44",
        "快递单号": tracking,
        "快递公司": "中通快递",
    }


def _pdd_cell(name: str, value: object) -> str:
    text = "" if value is None else str(value)
    if text == "":
        return "\t"  # PDD writes an empty cell as a bare tab
    return text + "\t" if is_tabbed(name) else text


def _excel_date(text: str) -> str:
    """`2024-06-13 10:21:07` as Excel writes it back: `2024/6/13 10:21`."""
    if len(text) == 19 and text[4] == "-" and text[13] == ":":
        year, month, day = text[:10].split("-")
        hour, minute = text[11:16].split(":")
        return f"{int(year)}/{int(month)}/{int(day)} {int(hour)}:{minute}"
    return text


def write_pdd_orders(
    path: Path,
    rows: list[dict[str, object]],
    header: list[str] = PDD_2023,
    *,
    bom: bool = False,
    excel: bool = False,
    encoding: str = "gb18030",
    typed: dict[tuple[int, str], str] | None = None,
) -> Path:
    """The order export. `excel`: opened and saved again in Excel (in `encoding`: GB18030,
    or GBK as Excel on a Chinese Windows saves; slash dates without seconds; the tabs
    survive). `typed`: (row index, column) -> what the seller typed over a cell in Excel
    (`7.73299E+14`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL if excel else csv.QUOTE_ALL)
    writer.writerow(header)
    for index, row in enumerate(rows):
        cells = []
        for name in header:
            cell = _pdd_cell(name, row.get(name, ""))
            if excel:
                cell = _excel_date(cell)
            if typed and (index, name) in typed:
                cell = typed[(index, name)]
            cells.append(cell)
        writer.writerow(cells)
    text = buffer.getvalue()
    if excel:
        path.write_bytes(text.encode(encoding))
    else:
        path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def write_pdd_orders_xlsx(path: Path, rows: list[dict[str, object]], header=PDD_2023) -> Path:
    """The order export re-saved as .xlsx in Excel: ids and amounts became numbers (the
    tabs are gone), dates became date cells."""
    from datetime import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(header)
    for row in rows:
        cells: list[object] = []
        for name in header:
            value = str(row.get(name, "") or "")
            if value and is_tabbed(name):
                cells.append(float(value) if "." in value else int(value))
            elif len(value) == 19 and value[4] == "-" and value[13] == ":":
                cells.append(datetime.fromisoformat(value))
            else:
                cells.append(value or None)
        sheet.append(cells)
    book.save(path)
    return path


AFTER_SALES = columns(
    "售后编号,订单编号,商品ID,商品名称,sku信息,申请时间,售后状态,退款类型,订单状态,交易金额,"
    "退款金额,退款原因,同意退款时间,发货运单号,退货运单号,商家备注"
)


def pdd_refund(
    order_no: str = "240613-861787953171000", refund_no: str = "20240614123456789", **fields
) -> dict[str, object]:
    row: dict[str, object] = {
        "售后编号": refund_no,
        "订单编号": order_no,
        "商品ID": "512345678901",
        "商品名称": "陶瓷马克杯 大容量 带盖勺",
        "sku信息": "白色,400ml",
        "申请时间": "2024-06-14 20:11:32",
        "售后状态": "买家申请退款，待商家处理",
        "退款类型": "仅退款",
        "订单状态": "已发货",
        "交易金额": 17.2,
        "退款金额": 17.2,
        "退款原因": "不想要了",
        "同意退款时间": "",
        "发货运单号": "73529461803521",
        "退货运单号": "",
        "商家备注": "第一行\n第二行",
    }
    row.update(fields)
    return row


def write_pdd_refunds(
    path: Path, rows: list[dict[str, object]], header=AFTER_SALES, *, extra_sheet: bool = True
) -> Path:
    """The after-sales workbook (批量导出 → 查看已生成报表): a 售后信息 sheet, after a
    sheet of something else when `extra_sheet`; ids as text, amounts as numbers."""
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    if extra_sheet:
        first.title = "导出说明"
        first.append(["本报表由拼多多商家后台生成"])
        sheet = book.create_sheet("售后信息")
    else:
        first.title = "售后信息"
        sheet = first
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(name, "") if row.get(name, "") != "" else None for name in header])
    book.save(path)
    return path
