"""`shopdesk import FILE...`: import platform exports (all files in one transaction)."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

from shopdesk.commands.arguments import input_file
from shopdesk.commands.common import emit, open_store, store_path
from shopdesk.core.import_repo import ImportReport
from shopdesk.core.output_paths import refuse_store_source
from shopdesk.core.timeutil import now_utc
from shopdesk.platforms import registry
from shopdesk.services.imports import import_exports


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help="导入平台的订单、宝贝、退款/售后导出文件（CSV 或 xlsx）",
        description="一次导入的所有文件要么全部导入，要么（有文件无法使用时）一条也不导入。",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="平台导出的文件")
    parser.add_argument(
        "--shop",
        metavar="NAME",
        help="导入到这个店铺（默认：该平台唯一的店铺，没有时按文件新建；有多个时必须指定）",
    )
    parser.set_defaults(run=run_import)


def report_text(report: ImportReport) -> str:
    lines = []
    for file in report.files:
        lines.append(
            f"{Path(file.path).name}：{_title(file)}，读取 {file.rows} 行，"
            f"新增 {file.added}，更新 {file.updated}，未变 {file.unchanged}，"
            f"跳过 {len(file.skipped)} 行，重复行已合并 {file.merged} 行"
        )
        for problem in file.skipped:
            where = f"第 {problem.row} 行" if problem.row is not None else ""
            column = f" {problem.column}" if problem.column else ""
            value = f"“{problem.value}”" if problem.value else ""
            lines.append(f"  {where}{column}{value}：{problem.reason}")
        for problem in file.cleared:
            lines.append(
                f"  第 {problem.row} 行 {problem.column}“{problem.value}”：{problem.reason}"
            )
    return "\n".join(lines)


def _title(file) -> str:
    return registry.export_title(file.platform, file.kind)


def run_import(args: Namespace) -> int:
    for file in args.files:
        refuse_store_source(input_file(file), store_path(args))
    with open_store(args, create=True) as store:
        report, _ = import_exports(store, args.files, now=now_utc(), shop=args.shop)
    emit(args, report.as_dict(), report_text(report))
    return 0
