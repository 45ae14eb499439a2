"""`shopdesk export orders|cases|due --format csv|xlsx --out FILE`."""

from __future__ import annotations

from argparse import Namespace

from shopdesk.commands.common import emit, open_store, store_path
from shopdesk.core.export import FORMATS, KINDS, check_target, export
from shopdesk.core.timeutil import now_utc


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help="导出订单、售后单或待办时限为 CSV / xlsx",
        description="以 = + - @ 开头的内容会加上单引号，在 Excel 里不会被当成公式。",
    )
    parser.add_argument("what", choices=KINDS, help="orders 订单；cases 售后单；due 待办时限")
    parser.add_argument("--format", choices=FORMATS, help="默认按 --out 的扩展名")
    parser.add_argument("--out", required=True, metavar="FILE", help="保存到这个文件")
    parser.set_defaults(run=run_export)


def run_export(args: Namespace) -> int:
    check_target(args.out, store_path(args), args.format)  # before the store is opened
    with open_store(args, up_to_date=True) as store:
        result = export(store, args.what, args.out, now_utc(), fmt=args.format)
    emit(
        args,
        {"path": str(result.path), "rows": result.rows, "what": args.what},
        f"已导出 {result.rows} 行到 {result.path}",
    )
    return 0
