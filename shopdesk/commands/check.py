"""`shopdesk check`: verify the store and every evidence file, and name the cases a
problem touches. Exit 0 when all is well, 1 when something was found, 2 for a path to fix.
Reads only; safe beside an open window."""

from __future__ import annotations

from argparse import Namespace

from shopdesk.commands.common import CommandError, emit, store_path
from shopdesk.core.backup import default_backup_dir, list_backups
from shopdesk.core.check import CheckReport, check_store

EXIT_FOUND = 1


def register(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "check",
        parents=[common],
        help="检查店铺数据和所有证据文件是否完好",
        description="只读检查：数据库完整性、外键，以及每个证据文件的 SHA-256。"
        "退出码 0 表示完好，1 表示发现问题。",
    )
    parser.set_defaults(run=run_check)


def run_check(args: Namespace) -> int:
    path = store_path(args)
    if not path.exists():
        raise CommandError(f"找不到店铺数据文件“{path}”：请检查 --db 的路径。")
    report = check_store(path)
    emit(args, report.to_json(), describe(report))
    return 0 if report.ok else EXIT_FOUND


def describe(report: CheckReport) -> str:
    """The report as a seller reads it."""
    lines = [f"检查 {report.db}"]
    if report.store_problems:
        lines.append(f"店铺数据：发现 {len(report.store_problems)} 个问题")
        lines += [f"  {problem}" for problem in report.store_problems]
    else:
        lines.append("店铺数据：完好（完整性检查通过）")
    if report.foreign_key_problems:
        lines.append(f"数据之间的引用：{len(report.foreign_key_problems)} 处指向不存在的数据")
        lines += [f"  {problem}" for problem in report.foreign_key_problems]
    bad = report.evidence_problems
    if bad:
        lines.append(f"证据文件：检查了 {report.evidence_checked} 个，{len(bad)} 个有问题")
        for item in bad:
            where = (
                f"售后单 #{item.case_id}（订单 {item.order_no or '—'}）"
                if item.case_id is not None
                else "未被任何售后单使用"
            )
            name = item.file_name or "（原文件名不详）"
            lines.append(f"  {where} · {name} · {item.text} · SHA-256 {item.sha256}")
    else:
        lines.append(f"证据文件：检查了 {report.evidence_checked} 个，全部完好")
    affected = report.affected_cases()
    if affected:
        names = "、".join(f"#{c.case_id}（订单 {c.order_no or '—'}）" for c in affected)
        lines.append(f"受影响的售后单：{names}")
        lines.append(
            "修复：把原文件再添加一次（shopdesk evidence add 售后单号 文件 --kind 类型），"
            "损坏的副本会被替换。"
        )
    if report.store_problems or report.foreign_key_problems:
        backups = list_backups(default_backup_dir(report.db))
        advice = "店铺数据有损坏：请从备份恢复（shopdesk restore 备份文件夹 --db 数据文件）"
        if backups:
            advice += f"；最近的备份：{backups[0].path}"
        lines.append(advice + "。")
    if report.ok:
        lines.append("全部完好。")
    return "\n".join(lines)
