"""`shopdesk insights`: what after-sales tells the shop (by product, cause, courier or
responsibility), the 产品改进单 of one product, and the 产品预警."""

from __future__ import annotations

from argparse import Namespace
from datetime import timedelta
from pathlib import Path

from shopdesk.commands.common import CommandError, emit, open_store, yuan
from shopdesk.domain.messages import Message, say, text
from shopdesk.services import insights, platforms
from shopdesk.services.insights import DIMENSIONS, Period, Scope

DEFAULT_DAYS = 30


def _dimension(dimension: str) -> Message:
    """商品, 原因, 快递, 责任方 in the command line's language."""
    return Message(f"cli.insights.by_{dimension}")


def _period_options(parser) -> None:
    parser.add_argument("--from", dest="start", metavar="DATE", help=text("cli.help.insights_from"))
    parser.add_argument("--to", dest="end", metavar="DATE", help=text("cli.help.insights_to"))
    parser.add_argument(
        "--platform",
        metavar="P",
        help=text("cli.help.insights_platform", platforms=platforms.ids()),
    )
    parser.add_argument("--shop", metavar="S", help=text("cli.help.insights_shop"))


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "insights",
        parents=[common],
        help=text("cli.help.insights"),
    )
    parser.add_argument(
        "--by", default="product", metavar="WHAT", help="product | cause | courier | responsibility"
    )
    _period_options(parser)
    parser.set_defaults(run=run_breakdown)
    actions = parser.add_subparsers(dest="insights_action", metavar="ACTION")

    sheet = actions.add_parser("sheet", parents=[common], help=text("cli.help.insights_sheet"))
    sheet.add_argument("product", metavar="PRODUCT", help=text("cli.help.sheet_product"))
    sheet.add_argument("--out", required=True, metavar="FILE", help=text("cli.help.sheet_out"))
    _period_options(sheet)
    sheet.set_defaults(run=run_sheet)

    alerts = actions.add_parser("alerts", parents=[common], help=text("cli.help.insights_alerts"))
    alerts.add_argument("--platform", metavar="P", help=text("cli.help.alerts_platform"))
    alerts.add_argument("--shop", metavar="S", help=text("cli.help.insights_shop"))
    alerts.set_defaults(run=run_alerts)


def period_of(args: Namespace) -> Period:
    """--from / --to as China-time days; the last 30 days by default."""
    end = insights.parse_day(args.end, Message("cli.insights.to_day")) if args.end else None
    start = insights.parse_day(args.start, Message("cli.insights.from_day")) if args.start else None
    if end is None:
        end = max(insights.today_china(), start) if start else insights.today_china()
    if start is None:
        start = end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise CommandError("cli.insights.from_after_to", start=start, end=end)
    return Period(start, end)


def scope_of(store, args: Namespace) -> Scope:
    platform = (args.platform or "").strip() or None
    if platform is not None:
        from shopdesk.services.platforms import Platform

        try:
            platform = Platform.parse(platform).value
        except ValueError:
            raise CommandError(
                "cli.insights.no_platform", platform=args.platform, choices=Platform.choices()
            ) from None
    shop = insights.find_shop(store, args.shop) if args.shop else None
    return Scope(platform, shop)


def run_breakdown(args: Namespace) -> int:
    if args.by not in DIMENSIONS:
        names = [Message(f"cli.insights.choice.{d}") for d in DIMENSIONS]
        raise CommandError("cli.insights.unknown_by", by=args.by, choices=names)
    period = period_of(args)
    with open_store(args) as store:
        rows = insights.breakdown(store, args.by, period, scope_of(store, args))
    emit(args, [row.contract() for row in rows], _table(args.by, rows, period))
    return 0


def _table(dimension: str, rows, period: Period) -> str:
    head = text("cli.insights.head", by=_dimension(dimension), period=say(period.describe()))
    if not rows:
        return head + "\n" + text("cli.insights.nothing")
    lines = [head]
    for row in rows:
        units = "" if row.units is None else text("cli.insights.units", n=row.units)
        rate = (
            ""
            if row.rate_per_100 is None
            else text("cli.insights.rate", rate=f"{row.rate_per_100:g}")
        )
        key = "" if row.key == row.label else text("cli.insights.key", key=row.key)
        lines.append(
            text(
                "cli.insights.row",
                label=say(row.label),
                key=key,
                n=row.cases,
                units=units,
                rate=rate,
                refund=yuan(row.refund_fen),
                net=yuan(row.net_cost_fen),
            )
        )
    return "\n".join(lines)


def run_sheet(args: Namespace) -> int:
    from shopdesk.services.insights import gather_sheet, write_xlsx

    out = Path(args.out).expanduser()
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise CommandError("cli.insights.sheet_suffix", out=args.out)
    if not out.parent.is_dir():
        raise CommandError("cli.insights.sheet_no_folder", out=args.out, folder=out.parent)
    period = period_of(args)
    with open_store(args) as store:
        sheet = gather_sheet(store, args.product, period, scope_of(store, args))
        if suffix == ".xlsx":
            write_xlsx(sheet, out)
        else:
            from shopdesk.services.insights import write_sheet_pdf

            write_sheet_pdf(sheet, out)
    emit(
        args,
        {"product": sheet.row.key, "file": str(out), **sheet.row.contract()},
        text("cli.insights.sheet_written", path=out),
    )
    return 0


def run_alerts(args: Namespace) -> int:
    with open_store(args) as store:
        found = insights.alerts(store, scope=scope_of(store, args))
    shown = "\n".join(
        text(
            "cli.insights.alert",
            label=say(a.label),
            product=a.product,
            n=a.cases_7d,
            rate_7d=f"{a.rate_7d:g}",
            rate_90d=f"{a.rate_90d:g}",
            cause=say(a.cause_label),
        )
        for a in found
    )
    emit(args, [a.as_dict() for a in found], shown or text("cli.insights.no_alerts"))
    return 0
