"""`shopdesk evidence add|chat|list`, `shopdesk pack` and `shopdesk verify`.

`pack` prints (with --json) {"package", "upload": [{"path", "bytes"}], "statement_chars",
"statement_bytes", "fits", "problems", "profile", "missing"}; "missing" lists the required
evidence kinds the package has none of (also warned on stderr when it is written). A
package that does not fit is not written and exits 2 naming each item and why. `verify` exits 1 naming the first mismatch.
"""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from shopdesk.commands.arguments import input_file, record_id, user_time
from shopdesk.commands.common import CommandError, emit, open_store, store_path
from shopdesk.core import chatlog, evidence_repo, input_budget
from shopdesk.core.evidence_checklist import missing
from shopdesk.core.labels import label
from shopdesk.core.model import EvidenceKind
from shopdesk.core.output_paths import refuse_store_source, refuse_store_target
from shopdesk.core.timeutil import as_china, to_text

_FORCE_HELP = "聊天记录的买家或订单号与售后单不符时仍然添加"


def register(subparsers, common) -> None:
    evidence = subparsers.add_parser("evidence", parents=[common], help="售后单的证据")
    actions = evidence.add_subparsers(dest="action", required=True)

    add = actions.add_parser("add", parents=[common], help="添加证据文件")
    add.add_argument("case_id", type=record_id, metavar="CASE_ID")
    add.add_argument("files", nargs="+", metavar="FILE")
    add.add_argument(
        "--kind",
        required=True,
        choices=[k.value for k in EvidenceKind],
        help="证据类型",
    )
    add.add_argument("--caption", default="", help="说明")
    add.add_argument("--captured-at", metavar="TIME", help="拍摄时间（默认文件修改时间）")
    add.add_argument("--force", action="store_true", help=_FORCE_HELP)
    add.set_defaults(run=run_add)

    chat = actions.add_parser("chat", parents=[common], help="导入千牛聊天记录（文本）")
    chat.add_argument("case_id", type=record_id, metavar="CASE_ID")
    chat.add_argument("file", metavar="FILE", help="聊天记录文本文件；- 表示标准输入")
    chat.add_argument("--caption", default="", help="说明")
    chat.add_argument("--force", action="store_true", help=_FORCE_HELP)
    chat.set_defaults(run=run_chat)

    listing = actions.add_parser("list", parents=[common], help="列出售后单的证据")
    listing.add_argument("case_id", type=record_id, metavar="CASE_ID")
    listing.set_defaults(run=run_list)

    pack = subparsers.add_parser("pack", parents=[common], help="生成符合平台限制的证据包")
    pack.add_argument("case_id", type=record_id, nargs="?", metavar="CASE_ID")
    pack.add_argument("--profile", metavar="NAME", help="目的地配置（见 --list-profiles）")
    pack.add_argument("--out", metavar="DIR", help="输出文件夹")
    pack.add_argument(
        "--mask", action="store_true", help="遮盖买家电话和地址（证据包不附原始文件）"
    )
    pack.add_argument("--zip", action="store_true", help="输出 zip 而不是文件夹")
    pack.add_argument("--statement", metavar="TEXT", help="申诉陈述（默认取售后单描述）")
    pack.add_argument(
        "--items",
        metavar="1,3",
        help="只放入这些证据（编号见 shopdesk evidence list CASE_ID；默认全部）",
    )
    pack.add_argument("--list-profiles", action="store_true", help="列出目的地配置")
    pack.add_argument(
        "--edit-profile",
        metavar="NAME",
        help="把内置目的地配置复制到数据目录供修改，并打印其路径（修改后的副本优先）",
    )
    pack.set_defaults(run=run_pack)

    verify = subparsers.add_parser("verify", parents=[common], help="按清单校验证据包")
    verify.add_argument("package", metavar="PACKAGE")
    verify.set_defaults(run=run_verify)


def evidence_document(item) -> dict:
    return {
        "id": item.id,
        "case_id": item.case_id,
        "kind": item.kind,
        "file_name": item.file_name,
        "mime": item.mime,
        "bytes": item.bytes,
        "sha256": item.sha256,
        "caption": item.caption,
        "captured_at": as_china(item.captured_at) or None,
    }


def run_add(args: Namespace) -> int:
    captured = None
    if args.captured_at:
        captured = to_text(user_time(args.captured_at, "--captured-at", happened=True))
    for file in args.files:
        refuse_store_source(input_file(file), store_path(args))
    with open_store(args) as store:
        store.get_case(args.case_id)
        if args.kind == EvidenceKind.CHAT.value:
            for name in args.files:
                path = Path(name)
                if _is_chat_text(path) and path.is_file():
                    _refuse_strangers_chat(
                        store, args, input_budget.read_chat_file(path), path.name
                    )
        with store.transaction():  # several files are one action: all attached or none
            added = [_add_one(store, args, Path(f), captured) for f in args.files]
        lines = [f"#{e.id}  {e.file_name}  {e.bytes:,} 字节  {e.sha256[:12]}" for e in added]
        emit(args, [evidence_document(e) for e in added], "\n".join(lines))
    return 0


def _add_one(store, args: Namespace, path: Path, captured: str | None):
    """A text file added as `chat` is parsed as a chat log (as `evidence chat` does)."""
    if args.kind == EvidenceKind.CHAT.value and _is_chat_text(path):
        raw = input_budget.read_chat_file(path)
        return evidence_repo.add_chat(store, args.case_id, raw, path.name, caption=args.caption)
    return evidence_repo.add_file(
        store, args.case_id, path, args.kind, caption=args.caption, captured_at=captured
    )


def _is_chat_text(path: Path) -> bool:
    return path.suffix.lower() in (".txt", ".log", "")


def _refuse_strangers_chat(store, args: Namespace, raw: bytes, name: str) -> None:
    """Exit 2 when the chat's buyer or order number is another case's (unless --force)."""
    case = store.get_case(args.case_id)
    order = store.get_order(case.order_id)
    shop = store.get_shop(order.shop_id)
    problems = chatlog.raw_mismatches(raw, order.buyer_nick, order.order_no, (shop.name,))
    if problems and not args.force:
        raise CommandError(
            f"{name}：可能不是售后单 #{case.id} 的聊天记录："
            + "；".join(problems)
            + "（确认无误可加 --force）"
        )


def run_chat(args: Namespace) -> int:
    if args.file == "-":
        name = "聊天记录.txt"
        raw = input_budget.read_chat_stream(sys.stdin.buffer, name)  # stdin may be endless
    else:
        path = refuse_store_source(input_file(args.file), store_path(args))
        raw, name = input_budget.read_chat_file(path), path.name
    with open_store(args) as store:
        case = store.get_case(args.case_id)
        shop = store.get_shop(store.get_order(case.order_id).shop_id)
        _refuse_strangers_chat(store, args, raw, name)
        item = evidence_repo.add_chat(
            store, args.case_id, raw, name, caption=args.caption, shop_names=(shop.name,)
        )
        messages = evidence_repo.chat_messages(store, item.id, picked_only=False)
        document = {**evidence_document(item), "messages": len(messages)}
        emit(args, document, f"#{item.id}  {name}：{len(messages)} 条消息")
    return 0


def run_list(args: Namespace) -> int:
    with open_store(args) as store:
        case = store.get_case(args.case_id)
        items = evidence_repo.list_evidence(store, args.case_id)
        lacking = missing(case.kind, [e.kind for e in items])
        lines = [
            f"#{e.id}  {label(EvidenceKind, e.kind)}  {e.file_name}  {e.caption}" for e in items
        ]
        if lacking:
            lines.append("还缺：" + "、".join(label(EvidenceKind, k) for k in lacking))
        emit(
            args,
            {"evidence": [evidence_document(e) for e in items], "missing": lacking},
            "\n".join(lines) or "（没有证据）",
        )
    return 0


def run_pack(args: Namespace) -> int:
    from shopdesk.evidence.profiles import copy_for_editing, get_profile, load_profiles

    if args.edit_profile:
        path = copy_for_editing(args.edit_profile)
        emit(args, {"profile": args.edit_profile, "path": str(path)}, str(path))
        return 0
    if args.list_profiles:
        profiles = load_profiles()
        lines = [
            f"{p.id:22} {p.name()}  每张≤{p.max_bytes:,} 字节"
            + (f"  最多 {p.max_count} 张" if p.max_count else "")
            + (
                f"  陈述≤{p.text_limit} {'字节' if p.text_unit == 'bytes' else '字'}"
                if p.text_limit
                else ""
            )
            for p in profiles.values()
        ]
        emit(args, [p.to_dict() for p in profiles.values()], "\n".join(lines))
        return 0
    if args.case_id is None or not args.profile or not args.out:
        raise CommandError(
            "shopdesk pack: 需要 CASE_ID、--profile NAME 和 --out DIR（或 --list-profiles）"
        )
    from shopdesk.evidence.from_store import pack_case

    refuse_store_target(args.out, store_path(args))
    profile = get_profile(args.profile)
    with open_store(args) as store:  # a bad store refused with the usual one line first
        only = _chosen_items(store, args.case_id, args.items)
    result = pack_case(
        store_path(args),
        args.case_id,
        profile,
        Path(args.out),
        mask=args.mask,
        as_zip=args.zip,
        statement=args.statement,
        only=only,
    )
    plan = result.plan
    package = result.package
    document = {
        "package": str(package) if package else None,
        "upload": [{"path": u.name, "bytes": len(u.data)} for u in plan.uploads],
        "statement_chars": plan.statement_chars,
        "statement_bytes": plan.statement_bytes,
        "fits": plan.fits,
        "problems": plan.problems,
        "profile": profile.id,
        "missing": [kind for kind, _ in plan.request.missing],
    }
    if not plan.fits:
        emit(args, document)
        hint = "" if args.items else "（可用 --items 只放入部分证据）"
        raise CommandError("证据包放不下，未写入任何文件：" + "；".join(plan.problems) + hint)
    if plan.request.missing:
        names = "、".join(label(EvidenceKind, k) for k, _ in plan.request.missing)
        print(
            f"shopdesk: 警告：证据包缺少必需的证据：{names}（摘要中已注明未包含）", file=sys.stderr
        )
    text = [f"证据包：{package}"]
    text += [f"  {u.name}  {len(u.data):,} 字节" for u in plan.uploads]
    text.append(f"  陈述 {plan.statement_chars} 字 / {plan.statement_bytes} 字节")
    emit(args, document, "\n".join(text))
    return 0


def _chosen_items(store, case_id: int, text: str | None) -> list[int] | None:
    """The evidence ids of --items (`1,3`), each one of this case's; None: all of them."""
    if not text:
        return None
    known = [item.id for item in evidence_repo.list_evidence(store, case_id)]
    try:
        chosen = [int(part) for part in text.replace("，", ",").split(",") if part.strip()]
    except ValueError:
        raise CommandError(f"--items：“{text}”应是证据编号，用逗号分开，如 1,3") from None
    strangers = [str(n) for n in chosen if n not in known]
    if strangers or not chosen:
        mine = "、".join(map(str, known)) or "（这个售后单还没有证据）"
        raise CommandError(
            f"--items：售后单 #{case_id} 没有编号为 {','.join(strangers) or text} 的证据；它的证据：{mine}"
        )
    return chosen


def run_verify(args: Namespace) -> int:
    from shopdesk.evidence.package import verify

    path = refuse_store_source(args.package, store_path(args))
    if not path.exists():
        raise CommandError(f"{path}：不存在")
    if not (path.is_dir() or path.is_file()):
        raise CommandError(f"{path}：不是证据包（应是证据包文件夹或 zip 文件）")
    problem = verify(path)
    emit(args, {"package": str(path), "ok": problem is None, "mismatch": problem})
    if problem:
        print(f"shopdesk: {problem}", file=sys.stderr)
        return 1
    if not args.json:
        print(f"{path}：全部文件与清单一致")
    return 0
