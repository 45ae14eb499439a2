"""`shopdesk case cause|money|inspect|outcome`: why a case happened, what it cost and how
it ended. Each writes one entry on the case's timeline; `--json` prints the updated case.
The command line never prompts."""

from __future__ import annotations

import re
import sys
from argparse import Namespace

from shopdesk.commands.arguments import input_file, record_id
from shopdesk.commands.common import CommandError, emit, open_store, yuan
from shopdesk.commands.listing import case_document
from shopdesk.core import case_facts, paste_case
from shopdesk.core.labels import label, refuse_newer_case
from shopdesk.core.model import Cause, MoneyKind, Outcome, Responsibility
from shopdesk.core.os_errors import reason
from shopdesk.core.qianniu_paste import MAX_CHARS
from shopdesk.core.timeutil import as_china


def _ids(enum) -> str:
    return enum.choices().replace("%", "%%")  # argparse formats help with %


def register_case_facts(actions, common) -> None:
    cause = actions.add_parser("cause", parents=[common], help="判断或更正售后原因")
    cause.add_argument("case_id", metavar="CASE_ID", type=record_id)
    cause.add_argument("cause", metavar="CAUSE", help=_ids(Cause))
    cause.add_argument("--note", default="", metavar="TEXT", help="判断依据")
    cause.add_argument(
        "--responsibility", metavar="PARTY", help=f"责任方（默认随原因）：{_ids(Responsibility)}"
    )
    cause.set_defaults(run=run_cause)

    money = actions.add_parser("money", parents=[common], help="记一笔售后的钱")
    money.add_argument("case_id", metavar="CASE_ID", type=record_id)
    money.add_argument("kind", metavar="KIND", help=_ids(MoneyKind))
    money.add_argument("amount", metavar="AMOUNT", help="金额（元），如 5 或 5.00")
    direction = money.add_mutually_exclusive_group()
    direction.add_argument("--in", dest="incoming", action="store_true", default=None,
                           help="收回的钱（快递理赔、运费险默认如此）")  # fmt: skip
    direction.add_argument("--out", dest="incoming", action="store_false",
                           help="付出的钱（退款、补偿、补发默认如此）")  # fmt: skip
    money.add_argument("--note", default="", metavar="TEXT")
    money.add_argument(
        "--replaces",
        type=record_id,
        metavar="ENTRY_ID",
        help="更正这条记账（已结束的售后单只能更正）",
    )
    money.set_defaults(run=run_money)

    inspect = actions.add_parser("inspect", parents=[common], help="验收退回的商品")
    inspect.add_argument("case_id", metavar="CASE_ID", type=record_id)
    inspect.add_argument(
        "--line",
        action="append",
        required=True,
        metavar="N:GOOD:BAD[:restock]",
        help="第 N 件商品完好几件、次品几件，可重复；:restock 表示退回库存，如 1:2:1:restock",
    )
    inspect.add_argument("--note", default="", metavar="TEXT")
    inspect.set_defaults(run=run_inspect)

    paste = actions.add_parser(
        "paste", parents=[common], help="用千牛退款详情页的文字新建售后单（倒计时作为平台时限）"
    )
    paste.add_argument("file", metavar="FILE", help="保存了复制内容的文本文件；- 表示标准输入")
    paste.set_defaults(run=run_paste)

    outcome = actions.add_parser("outcome", parents=[common], help="记录售后的处理结果")
    outcome.add_argument("case_id", metavar="CASE_ID", type=record_id)
    outcome.add_argument("outcome", metavar="OUTCOME", help=_ids(Outcome))
    outcome.add_argument("--ruling", default="", metavar="TEXT", help="平台判定原文（可粘贴）")
    outcome.add_argument("--note", default="", metavar="TEXT")
    outcome.set_defaults(run=run_outcome)


def facts_document(store, case_id: int) -> dict:
    case = store.get_case(case_id)
    facts = case_facts.derive_facts(case, store.events(case_id))
    document = case_document(case)
    document["money_entries"] = [
        {
            "id": entry.event_id or None,
            "kind": entry.kind,
            "fen": entry.fen,
            "direction": "out" if entry.out else "in",
            "at": as_china(entry.at) or None,
            "note": entry.note,
            "automatic": entry.automatic,
        }
        for entry in facts.entries
    ]
    document["inspection"] = [
        {"line": line.position, "good": line.good, "bad": line.bad, "restock": line.restock}
        for line in facts.inspected
    ]
    document["ruling"] = facts.ruling or None
    return document


def _summary(document: dict) -> str:
    money = document["money"]
    cause = label(Cause, document["cause"])
    lines = [
        f"#{document['id']}  {document['order_no']}  原因：{cause}"
        + ("（待判断）" if document["cause_question"] else ""),
        f"  退款 ¥{yuan(money['refund_fen'])}  补偿 ¥{yuan(money['compensation_fen'])}  "
        f"收回 ¥{yuan(money['recovered_fen'])}  净损失 ¥{yuan(money['net_cost_fen'])}",
    ]
    if document["outcome"]:
        lines.append(f"  结果：{label(Outcome, document['outcome'])}")
    return "\n".join(lines)


def _emit(args: Namespace, store, case_id: int, extra: str = "") -> None:
    document = facts_document(store, case_id)
    text = _summary(document) + (f"\n{extra}" if extra else "")
    emit(args, document, text)


def run_cause(args: Namespace) -> int:
    with open_store(args) as store:
        refuse_newer_case(store, args.case_id)
        case_facts.set_cause(
            store, args.case_id, args.cause, note=args.note, responsibility=args.responsibility
        )
        _emit(args, store, args.case_id)
    return 0


def run_money(args: Namespace) -> int:
    with open_store(args) as store:
        refuse_newer_case(store, args.case_id)
        case_facts.add_money(
            store,
            args.case_id,
            args.kind,
            args.amount,
            incoming=args.incoming,
            note=args.note,
            replaces=args.replaces,
        )
        _emit(args, store, args.case_id)
    return 0


_LINE = re.compile(r"^\s*(\d{1,4})\s*:\s*(\d{1,6})\s*:\s*(\d{1,6})\s*(?::\s*(restock)\s*)?$")


def _line(text: str) -> tuple[int, int, int, bool]:
    match = _LINE.match(text)
    if not match:
        raise CommandError(
            f"--line “{text}”看不懂：请写成 第几件:完好件数:次品件数，如 1:2:0，退回库存加 :restock"
        )
    return int(match[1]), int(match[2]), int(match[3]), bool(match[4])


def run_inspect(args: Namespace) -> int:
    lines = [_line(text) for text in args.line]
    with open_store(args) as store:
        refuse_newer_case(store, args.case_id)
        done = case_facts.record_inspection(store, args.case_id, lines, note=args.note)
        prompt = (
            "有次品：请拍下次品照片，添加为证据（shopdesk evidence add）" if done.defective else ""
        )
        _emit(args, store, args.case_id, prompt)
    return 0


def run_outcome(args: Namespace) -> int:
    with open_store(args) as store:
        refuse_newer_case(store, args.case_id)
        case_facts.set_outcome(store, args.case_id, args.outcome, args.ruling, args.note)
        _emit(args, store, args.case_id)
    return 0


def _pasted_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read(MAX_CHARS + 1)
    path = input_file(name)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CHARS * 4 + 1)
    except OSError as error:
        raise CommandError(f"读不了“{path}”：{reason(error)}") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CommandError(f"“{path}”不是文本文件：请把千牛页面的文字粘贴到记事本保存后再试")


def run_paste(args: Namespace) -> int:
    text = _pasted_text(args.file)
    with open_store(args, create=True) as store:
        result = paste_case.case_from_paste(store, text)
        verb = "新建" if result.created else "已更新平台时限："
        _emit(args, store, result.case.id, f"{verb}售后单 #{result.case.id}")
    return 0
