"""`shopdesk insights`: what after-sales tells the shop (by product, cause, courier or
responsibility), the 产品改进单 of one product, and the 产品预警."""

from __future__ import annotations

from argparse import Namespace
from datetime import timedelta
from pathlib import Path

from shopdesk.commands.common import CommandError, emit, open_store, yuan
from shopdesk.core import insights
from shopdesk.core.insights import DIMENSIONS, Period, Scope
from shopdesk.platforms import registry

DEFAULT_DAYS = 30
_DIMENSION_NAMES = {
    "product": "商品",
    "cause": "原因",
    "courier": "快递",
    "responsibility": "责任方",
}


def _period_options(parser) -> None:
    parser.add_argument(
        "--from", dest="start", metavar="DATE", help="开始日期（北京时间），如 2026-11-01"
    )
    parser.add_argument("--to", dest="end", metavar="DATE", help="结束日期（含当天），默认今天")
    parser.add_argument(
        "--platform", metavar="P", help=f"只看这个平台的订单（{'、'.join(registry.ids())}）"
    )
    parser.add_argument("--shop", metavar="S", help="只看这个店铺的订单（编号或店名）")


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "insights",
        parents=[common],
        help="售后分析：按商品、原因、快递、责任方统计（默认最近 30 天）",
    )
    parser.add_argument(
        "--by", default="product", metavar="WHAT", help="product | cause | courier | responsibility"
    )
    _period_options(parser)
    parser.set_defaults(run=run_breakdown)
    actions = parser.add_subparsers(dest="insights_action", metavar="ACTION")

    sheet = actions.add_parser("sheet", parents=[common], help="写出一个商品的产品改进单")
    sheet.add_argument("product", metavar="PRODUCT", help="商家编码（没有编码的商品用标题）")
    sheet.add_argument("--out", required=True, metavar="FILE", help="FILE.xlsx 或 FILE.pdf")
    _period_options(sheet)
    sheet.set_defaults(run=run_sheet)

    alerts = actions.add_parser(
        "alerts", parents=[common], help="产品预警：最近 7 天售后率超过 90 天的两倍（至少 5 单）"
    )
    alerts.add_argument("--platform", metavar="P", help="只看这个平台的订单")
    alerts.add_argument("--shop", metavar="S", help="只看这个店铺的订单（编号或店名）")
    alerts.set_defaults(run=run_alerts)


def period_of(args: Namespace) -> Period:
    """--from / --to as China-time days; the last 30 days by default."""
    end = insights.parse_day(args.end, "--to 日期") if args.end else None
    start = insights.parse_day(args.start, "--from 日期") if args.start else None
    if end is None:
        end = max(insights.today_china(), start) if start else insights.today_china()
    if start is None:
        start = end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise CommandError(f"--from {start} 晚于 --to {end}：开始日期不能晚于结束日期")
    return Period(start, end)


def scope_of(store, args: Namespace) -> Scope:
    platform = (args.platform or "").strip() or None
    if platform is not None:
        from shopdesk.platforms.registry import Platform

        try:
            platform = Platform.parse(platform).value
        except ValueError:
            raise CommandError(f"没有平台“{args.platform}”：可以用 {Platform.choices()}") from None
    shop = insights.find_shop(store, args.shop) if args.shop else None
    return Scope(platform, shop)


def run_breakdown(args: Namespace) -> int:
    if args.by not in DIMENSIONS:
        names = "、".join(f"{d}（{_DIMENSION_NAMES[d]}）" for d in DIMENSIONS)
        raise CommandError(f"--by {args.by} 不认识：可以按 {names} 分析")
    period = period_of(args)
    with open_store(args) as store:
        rows = insights.breakdown(store, args.by, period, scope_of(store, args))
    emit(args, [row.contract() for row in rows], _table(args.by, rows, period))
    return 0


def _table(dimension: str, rows, period: Period) -> str:
    head = f"按{_DIMENSION_NAMES[dimension]}　{period.describe()}"
    if not rows:
        return head + "\n（这段时间没有销量，也没有售后）"
    lines = [head]
    for row in rows:
        units = "" if row.units is None else f"　{row.units} 件"
        rate = "" if row.rate_per_100 is None else f"　每百件 {row.rate_per_100:g} 单"
        lines.append(
            f"{row.label}{'' if row.key == row.label else f'（{row.key}）'}　{row.cases} 单{units}{rate}"
            f"　退款 ¥{yuan(row.refund_fen)}　净损失 ¥{yuan(row.net_cost_fen)}"
        )
    return "\n".join(lines)


def run_sheet(args: Namespace) -> int:
    from shopdesk.core.improvement_sheet import gather_sheet, write_xlsx

    out = Path(args.out).expanduser()
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise CommandError(f"--out {args.out}：请给 .xlsx 或 .pdf 文件名")
    if not out.parent.is_dir():
        raise CommandError(f"--out {args.out}：文件夹“{out.parent}”不存在")
    period = period_of(args)
    with open_store(args) as store:
        sheet = gather_sheet(store, args.product, period, scope_of(store, args))
        if suffix == ".xlsx":
            write_xlsx(sheet, out)
        else:
            from shopdesk.evidence.improvement_pdf import write_sheet_pdf

            write_sheet_pdf(sheet, out)
    emit(
        args,
        {"product": sheet.row.key, "file": str(out), **sheet.row.contract()},
        f"已写出产品改进单：{out}",
    )
    return 0


def run_alerts(args: Namespace) -> int:
    with open_store(args) as store:
        found = insights.alerts(store, scope=scope_of(store, args))
    text = "\n".join(
        f"产品预警　{a.label}（{a.product}）：最近 7 天 {a.cases_7d} 单，每百件 {a.rate_7d:g} 单，"
        f"90 天每百件 {a.rate_90d:g} 单；主要原因：{a.cause_label}"
        for a in found
    )
    emit(args, [a.as_dict() for a in found], text or "没有产品预警")
    return 0
