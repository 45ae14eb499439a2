"""Douyin shop (抖店) exports written the way 抖店 and Excel write them (facts:
shared/domain/platforms/douyin.md): the order CSV (UTF-8 with BOM, one row per 子订单,
ids written "\\t6917…", `-` for an empty cell) in the 74-column default layout (A) and the
75-column custom layout (B, with 快递信息), the order export as .xlsx, Excel re-saves
(GBK, slash dates without seconds, long numbers turned into 6.91755E+18), and the 售后
export `售后单导出-<time>.xlsx`. tools/make_douyin_samples.py writes a set of them."""

from __future__ import annotations

import csv
import io
from pathlib import Path


def columns(header: str) -> list[str]:
    """A header as the platform writes it (one comma-separated line) -> its names."""
    return header.split(",")


# Layout A: the 2023-25 default, 74 columns in order (the doc's verbatim header).
LAYOUT_A = columns(
    "主订单编号,子订单编号,选购商品,商品规格,商品数量,商品ID,商家编码,商品单价,订单应付金额,运费,"
    "优惠总金额,平台优惠,商家优惠,达人优惠,商家改价,支付优惠,红包抵扣,支付方式,手续费,收件人,"
    "收件人手机号,省,市,区,街道,详细地址,是否修改过地址,地址修改时段,买家留言,订单提交时间,旗帜颜色,"
    "商家备注,订单完成时间,支付完成时间,APP渠道,流量来源,订单状态,承诺发货时间,订单类型,鲁班落地页ID,"
    "达人ID,达人昵称,所属门店ID,售后状态,取消原因,预约发货时间,仓库ID,仓库名称,序列号,是否安心购,"
    "广告渠道,流量类型,流量体裁,流量渠道,发货主体,发货主体明细,发货时间,降价类优惠,平台实际承担优惠金额,"
    "商家实际承担优惠金额,达人实际承担优惠金额,预计送达时间,是否平台仓自流转,车型,商品69码,发货SN码,"
    "发货IMEI码1,发货IMEI码2,预约送达时间,建议发货时间（起）,建议发货时间（止）,物流SN码,物流IMEI码1,"
    "物流IMEI码2"
)
assert len(LAYOUT_A) == 74

# Layout B: the newer custom field set, 75 columns, with 快递信息 and 货号; no 商品规格.
LAYOUT_B = columns(
    "主订单编号,子订单编号,支付方式,选购商品,货号,商品ID,商家编码,商品数量,商品金额,订单提交时间,"
    "支付完成时间,订单完成时间,承诺发货时间,预约发货时间,买家留言,旗帜颜色,商家备注,APP渠道,订单状态,"
    "取消原因,售后状态,订单类型,发货时间,车型,是否是以旧换新,换新额外补贴,换新额外补贴发放状态,订单应付金额,"
    "运费,优惠总金额,平台优惠,商家优惠,达人优惠,商家改价,支付优惠,手续费,红包抵扣,降价类优惠,"
    "平台实际承担优惠金额,商家实际承担优惠金额,达人实际承担优惠金额,收件人,收件人手机号,省,市,区,街道,"
    "详细地址,是否修改过地址,快递信息,序列号,达人ID,达人昵称,拼团订单团编号,商品单价是否含税,税费,"
    "鲁班落地页ID,所属门店ID,流量来源,仓库ID,仓库名称,是否安心购,广告渠道,流量类型,流量体裁,流量渠道,"
    "发货主体,发货主体明细,教育优惠,预计送达时间,是否平台仓自流转,是否是渠道商品,预约送达时间,"
    "建议发货时间（起）,建议发货时间（止）"
)
assert len(LAYOUT_B) == 75

# The 售后 export's 50 columns (售后工作台 → 导出), full-width brackets as written.
AFTER_SALES = columns(
    "售后单号,订单号,商品单号,商品名称,商品ID,应付金额（元）,商品运费（元）,支付优惠（元）,商品税费（元）,"
    "商品发货状态,售后类型,退商品金额（元）,退运费金额（元）,退支付优惠（元）,退税费金额（元）,售后状态,"
    "售后申请时间,退款方式,是否已上传退款凭证,售后原因,售后原因标签,退货物流单号,退货异常,退货发货时间,"
    "退货物流公司,自动处理截止时间,同意售后申请时间,商家退款时间,用户到账时间,售后关闭时间,商家退货地址,"
    "商家退货联系人姓名,商家退货联系人电话,仲裁状态,纠纷责任方,是否极速退款,是否拒签后退款,发货物流单号,"
    "发货物流状态,换货物流单号,退货物流状态,售后完结时间,订单备注,用户售后说明,售后备注,操作人,协商记录,"
    "换货商品信息,商家编码,门店名称"
)
assert len(AFTER_SALES) == 50

# Cells 抖店 writes as "\t…" so that Excel keeps them as text.
TABBED = {
    "主订单编号",
    "子订单编号",
    "商品ID",
    "商家编码",
    "货号",
    "达人ID",
    "所属门店ID",
    "仓库ID",
    "鲁班落地页ID",
    "商品69码",
    "收件人手机号",
    "快递信息",
    "拼团订单团编号",
}

NO = "6917546239482019245"  # a single-item order: 子订单编号 = 主订单编号
GOODS_ID = "3788410999938351943"
MUG = "北欧风陶瓷马克杯 大容量带盖"


def douyin_line(order_no: str = NO, sub_no: str | None = None, **fields: object) -> dict:
    """One 子订单 row of an order paid and not yet shipped (fields by header name override).
    Amounts: 商品单价 39.90 x 1, 订单应付金额 36.90 (3.00 off), 支付优惠 1.50: paid 35.40."""
    row: dict[str, object] = {
        "主订单编号": order_no,
        "子订单编号": sub_no or order_no,
        "选购商品": MUG,
        "商品规格": "奶白色;400ml",
        "商品数量": "1",
        "商品ID": GOODS_ID,
        "商家编码": "MUG-400-W",
        "货号": "MUG-400",
        "商品单价": "39.90",
        "商品金额": "39.90",
        "订单应付金额": "36.90",
        "运费": "0.00",
        "优惠总金额": "3.00",
        "平台优惠": "0.00",
        "商家优惠": "店铺满减-3.00",
        "达人优惠": "0.00",
        "商家改价": "0.00",
        "支付优惠": "1.50",
        "红包抵扣": "0.00",
        "支付方式": "抖音支付",
        "手续费": "0.00",
        "收件人": "王**",
        "收件人手机号": "1********35",
        "省": "浙江省",
        "市": "杭州市",
        "区": "西湖区",
        "街道": "文新街道",
        "详细地址": "文一西路****号",
        "是否修改过地址": "否",
        "买家留言": "",
        "订单提交时间": "2026-11-27 10:21:07",
        "旗帜颜色": "灰",
        "商家备注": "",
        "订单完成时间": "",
        "支付完成时间": "2026-11-27 10:21:15",
        "APP渠道": "抖音",
        "流量来源": "直播",
        "订单状态": "待发货",
        "承诺发货时间": "2026-11-29 10:21:15",
        "订单类型": "普通订单",
        "达人ID": "71823645012",
        "达人昵称": "小满家居",
        "售后状态": "",
        "取消原因": "",
        "是否安心购": "否",
        "发货时间": "",
        "快递信息": "",
        "商品69码": "6923456789012",
    }
    row.update(fields)
    return row


def express_info(*packages: tuple[str, str, str, str, int]) -> str:
    """快递信息 as 抖店 writes it: `运单号-快递公司,商品名称-商品ID,数量;` per package."""
    return "".join(
        f"{waybill}-{courier},{title}-{goods_id},{count};"
        for waybill, courier, title, goods_id, count in packages
    )


def shipped(row: dict, *packages: tuple[str, str], at: str = "2026-11-27 18:02:44") -> dict:
    """The row once shipped: 已发货, 发货时间, and 快递信息 (layout B) for each (waybill,
    courier) package (default: one 申通 parcel)."""
    parcels = packages or (("770291786060549", "申通快递"),)
    info = express_info(
        *(
            (waybill, courier, str(row["选购商品"]), str(row["商品ID"]), 1)
            for waybill, courier in parcels
        )
    )
    return {**row, "订单状态": "已发货", "发货时间": at, "快递信息": info}


def _douyin_cell(name: str, value: object) -> str:
    text = "" if value is None else str(value)
    if text == "":
        return "-"  # 抖店 writes an empty cell as "-"
    return "\t" + text if name in TABBED else text


def excel_scientific(digits: str) -> str:
    """A long number as Excel shows and saves it: `6917546239482019245` -> `6.91755E+18`."""
    mantissa, exponent = f"{int(digits):.5E}".split("E")
    return f"{mantissa.rstrip('0').rstrip('.')}E+{int(exponent):02d}"


def _excel_date(text: str) -> str:
    """`2026-11-27 10:21:07` as Excel writes it back: `2026/11/27 10:21`."""
    if len(text) == 19 and text[4] == "-" and text[13] == ":":
        year, month, day = text[:10].split("-")
        return f"{int(year)}/{int(month)}/{int(day)} {int(text[11:13])}:{text[14:16]}"
    return text


def _excel_cell(text: str, keep_text: bool) -> str:
    """What Excel writes back for a cell it read: the tab gone, a long number in
    scientific notation (unless the seller set the column to text), 12.50 as 12.5, dates
    with slashes and no seconds."""
    text = text.strip("\t")
    if text.isdigit() and len(text) > 11 and not keep_text:
        return excel_scientific(text)
    if text.replace(".", "", 1).isdigit() and "." in text:
        return text.rstrip("0").rstrip(".")
    return _excel_date(text)


def write_douyin_orders(
    path: Path,
    rows: list[dict],
    header: list[str] = LAYOUT_A,
    *,
    excel: bool = False,
    keep_text: set[str] | frozenset[str] = frozenset(),
    typed: dict[tuple[int, str], str] | None = None,
) -> Path:
    """The order export (`{epoch}_{token}.csv`): UTF-8 with BOM, LF, every cell quoted.
    `excel`: opened and saved again in Excel (GBK, no quotes where none are needed, long
    numbers such as ids as `6.91755E+18` except in the `keep_text` columns, slash dates
    without seconds). `typed`: (row index, column) -> a cell as it ends up in the file."""
    buffer = io.StringIO()
    quoting = csv.QUOTE_MINIMAL if excel else csv.QUOTE_ALL
    writer = csv.writer(buffer, quoting=quoting, lineterminator="\r\n" if excel else "\n")
    writer.writerow(header)
    for index, row in enumerate(rows):
        cells = []
        for name in header:
            cell = _douyin_cell(name, row.get(name, ""))
            if excel:
                cell = _excel_cell(cell, name in keep_text)
            if typed and (index, name) in typed:
                cell = typed[(index, name)]
            cells.append(cell)
        writer.writerow(cells)
    text = buffer.getvalue()
    if excel:
        path.write_bytes(text.encode("gbk"))
    else:
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return path


def write_douyin_orders_xlsx(path: Path, rows: list[dict], header: list[str] = LAYOUT_B) -> Path:
    """The order export downloaded as .xlsx: every cell text, ids with their tab, `-` for
    an empty cell (as the csv)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(header)
    for row in rows:
        sheet.append([_douyin_cell(name, row.get(name, "")) for name in header])
    book.save(path)
    return path


def douyin_after_sale(
    refund_no: str = "7318945612387456789",
    order_no: str = NO,
    sub_no: str | None = None,
    **fields: object,
) -> dict:
    """One 售后单 row: a refund asked before shipping, waiting for the seller, with the
    platform's 自动处理截止时间. Buyer refund: 退商品金额 36.90 - 退支付优惠 1.50 = 35.40."""
    row: dict[str, object] = {
        "售后单号": refund_no,
        "订单号": order_no,
        "商品单号": sub_no or order_no,
        "商品名称": MUG,
        "商品ID": GOODS_ID,
        "应付金额（元）": "36.90",
        "商品运费（元）": "0.00",
        "支付优惠（元）": "1.50",
        "商品税费（元）": "0.00",
        "商品发货状态": "未发货",
        "售后类型": "未发货退款",
        "退商品金额（元）": "36.90",
        "退运费金额（元）": "0.00",
        "退支付优惠（元）": "-1.50",
        "退税费金额（元）": "0.00",
        "售后状态": "待商家处理",
        "售后申请时间": "2026-11-27 20:11:32",
        "退款方式": "原路退回",
        "是否已上传退款凭证": "否",
        "售后原因": "不想要了",
        "售后原因标签": "",
        "自动处理截止时间": "2026-11-29 20:11:32",
        "是否极速退款": "否",
        "是否拒签后退款": "否",
        "用户售后说明": "拍错了颜色",
        "商家编码": "MUG-400-W",
    }
    row.update(fields)
    return row


def write_douyin_after_sales(
    path: Path,
    rows: list[dict],
    header: list[str] = AFTER_SALES,
    *,
    excel: bool = False,
    typed: dict[tuple[int, str], object] | None = None,
) -> Path:
    """The 售后 workbook (`售后单导出-YYYY-MM-DD-HH-MM-SS.xlsx`): every cell text, empty
    cells empty. `excel`: re-saved in Excel after editing: numbers typed over as numbers
    (`typed` cells, e.g. a 售后单号 that became 7.31895E+18), dates as date cells."""
    from datetime import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "售后单"
    sheet.append(header)
    for index, row in enumerate(rows):
        cells: list[object] = []
        for name in header:
            value = row.get(name, "")
            text = "" if value is None else str(value)
            if excel and len(text) == 19 and text[4] == "-" and text[13] == ":":
                value = datetime.fromisoformat(text).replace(second=0)
            if typed and (index, name) in typed:
                value = typed[(index, name)]
            cells.append(None if value == "" else value)
        sheet.append(cells)
    book.save(path)
    return path


def order_export_name(epoch: int = 1795826400, token: str = "3edeb47b86bdb5b9") -> str:
    """`{unix seconds of the export}_{token}.csv` (1795826400: 2026-11-28 08:40 China)."""
    return f"{epoch}_{token}.csv"
