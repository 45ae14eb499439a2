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
from shopdesk.commands.common import CommandError, emit, open_store, semicolons, store_path
from shopdesk.domain import input_budget
from shopdesk.domain.evidence_checklist import missing
from shopdesk.domain.labels import label
from shopdesk.domain.messages import Message, language, say, text
from shopdesk.domain.model import EvidenceKind
from shopdesk.domain.timeutil import as_china, to_text
from shopdesk.services import evidence as evidence_service
from shopdesk.services.safety import refuse_store_source, refuse_store_target


def register(subparsers, common) -> None:
    force_help = text("cli.help.evidence_force")
    evidence = subparsers.add_parser("evidence", parents=[common], help=text("cli.help.evidence"))
    actions = evidence.add_subparsers(dest="action", required=True)

    add = actions.add_parser("add", parents=[common], help=text("cli.help.evidence_add"))
    add.add_argument("case_id", type=record_id, metavar="CASE_ID")
    add.add_argument("files", nargs="+", metavar="FILE")
    add.add_argument(
        "--kind",
        required=True,
        choices=[k.value for k in EvidenceKind],
        help=text("cli.help.evidence_kind"),
    )
    add.add_argument("--caption", default="", help=text("cli.help.evidence_caption"))
    add.add_argument("--captured-at", metavar="TIME", help=text("cli.help.evidence_captured_at"))
    add.add_argument("--force", action="store_true", help=force_help)
    add.set_defaults(run=run_add)

    chat = actions.add_parser("chat", parents=[common], help=text("cli.help.evidence_chat"))
    chat.add_argument("case_id", type=record_id, metavar="CASE_ID")
    chat.add_argument("file", metavar="FILE", help=text("cli.help.chat_file"))
    chat.add_argument("--caption", default="", help=text("cli.help.evidence_caption"))
    chat.add_argument("--force", action="store_true", help=force_help)
    chat.set_defaults(run=run_chat)

    listing = actions.add_parser("list", parents=[common], help=text("cli.help.evidence_list"))
    listing.add_argument("case_id", type=record_id, metavar="CASE_ID")
    listing.set_defaults(run=run_list)

    pack = subparsers.add_parser("pack", parents=[common], help=text("cli.help.pack"))
    pack.add_argument("case_id", type=record_id, nargs="?", metavar="CASE_ID")
    pack.add_argument("--profile", metavar="NAME", help=text("cli.help.pack_profile"))
    pack.add_argument("--out", metavar="DIR", help=text("cli.help.pack_out"))
    pack.add_argument("--mask", action="store_true", help=text("cli.help.pack_mask"))
    pack.add_argument("--zip", action="store_true", help=text("cli.help.pack_zip"))
    pack.add_argument("--statement", metavar="TEXT", help=text("cli.help.pack_statement"))
    pack.add_argument("--items", metavar="1,3", help=text("cli.help.pack_items"))
    pack.add_argument(
        "--list-profiles", action="store_true", help=text("cli.help.pack_list_profiles")
    )
    pack.add_argument("--edit-profile", metavar="NAME", help=text("cli.help.pack_edit_profile"))
    pack.set_defaults(run=run_pack)

    verify = subparsers.add_parser("verify", parents=[common], help=text("cli.help.verify"))
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
        lines = [
            text(
                "cli.evidence.added",
                id=e.id,
                name=e.file_name,
                bytes=f"{e.bytes:,}",
                sha=e.sha256[:12],
            )
            for e in added
        ]
        emit(args, [evidence_document(e) for e in added], "\n".join(lines))
    return 0


def _add_one(store, args: Namespace, path: Path, captured: str | None):
    """A text file added as `chat` is parsed as a chat log (as `evidence chat` does)."""
    if args.kind == EvidenceKind.CHAT.value and _is_chat_text(path):
        raw = input_budget.read_chat_file(path)
        return evidence_service.add_chat(store, args.case_id, raw, path.name, caption=args.caption)
    return evidence_service.add_file(
        store, args.case_id, path, args.kind, caption=args.caption, captured_at=captured
    )


def _is_chat_text(path: Path) -> bool:
    return path.suffix.lower() in (".txt", ".log", "")


def _refuse_strangers_chat(store, args: Namespace, raw: bytes, name: str) -> None:
    """Exit 2 when the chat's buyer or order number is another case's (unless --force)."""
    case = store.get_case(args.case_id)
    order = store.get_order(case.order_id)
    shop = store.get_shop(order.shop_id)
    problems = evidence_service.raw_mismatches(raw, order.buyer_nick, order.order_no, (shop.name,))
    if problems and not args.force:
        raise CommandError(
            "cli.evidence.strangers_chat", name=name, case=case.id, problems=semicolons(problems)
        )


def run_chat(args: Namespace) -> int:
    if args.file == "-":
        # kept with the evidence and named in the package the platform reads: zh-CN
        name = text("cli.evidence.stdin_chat_name", "zh-CN")
        raw = input_budget.read_chat_stream(sys.stdin.buffer, name)  # stdin may be endless
    else:
        path = refuse_store_source(input_file(args.file), store_path(args))
        raw, name = input_budget.read_chat_file(path), path.name
    with open_store(args) as store:
        case = store.get_case(args.case_id)
        shop = store.get_shop(store.get_order(case.order_id).shop_id)
        _refuse_strangers_chat(store, args, raw, name)
        item = evidence_service.add_chat(
            store, args.case_id, raw, name, caption=args.caption, shop_names=(shop.name,)
        )
        messages = evidence_service.chat_messages(store, item.id, picked_only=False)
        document = {**evidence_document(item), "messages": len(messages)}
        emit(
            args, document, text("cli.evidence.chat_added", id=item.id, name=name, n=len(messages))
        )
    return 0


def run_list(args: Namespace) -> int:
    with open_store(args) as store:
        case = store.get_case(args.case_id)
        items = evidence_service.list_evidence(store, args.case_id)
        lacking = missing(case.kind, [e.kind for e in items])
        lines = [
            f"#{e.id}  {label(EvidenceKind, e.kind)}  {e.file_name}  {e.caption}" for e in items
        ]
        if lacking:
            lines.append(
                text("cli.evidence.lacking", kinds=[label(EvidenceKind, k) for k in lacking])
            )
        emit(
            args,
            {"evidence": [evidence_document(e) for e in items], "missing": lacking},
            "\n".join(lines) or text("cli.evidence.none"),
        )
    return 0


def run_pack(args: Namespace) -> int:
    from shopdesk.services import evidence_limits
    from shopdesk.services.evidence import copy_for_editing, get_profile, load_profiles

    if args.edit_profile:
        path = copy_for_editing(args.edit_profile)
        emit(args, {"profile": args.edit_profile, "path": str(path)}, str(path))
        return 0
    if args.list_profiles:
        return _list_profiles(args, load_profiles)
    if args.case_id is None or not args.profile or not args.out:
        raise CommandError("cli.pack.needs")
    from shopdesk.services.evidence import pack_case

    refuse_store_target(args.out, store_path(args))
    get_profile(args.profile)  # an unknown destination refused before the store is opened
    with open_store(args) as store:  # a bad store refused with the usual one line first
        profile = evidence_limits.get(store, args.profile)  # with the limits set in 设置
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
        key = "cli.pack.does_not_fit" if args.items else "cli.pack.does_not_fit_hint"
        raise CommandError(key, problems=semicolons(plan.problems))
    if plan.request.missing:
        names = [label(EvidenceKind, k) for k, _ in plan.request.missing]
        print(f"shopdesk: {text('cli.pack.missing_warning', kinds=names)}", file=sys.stderr)
    lines = [text("cli.pack.package", package=package)]
    lines += [text("cli.pack.upload", name=u.name, bytes=f"{len(u.data):,}") for u in plan.uploads]
    lines.append(text("cli.pack.statement", chars=plan.statement_chars, bytes=plan.statement_bytes))
    emit(args, document, "\n".join(lines))
    return 0


def _list_profiles(args: Namespace, load_profiles) -> int:
    """Every destination with the limits the packager counts by: the store's own (set in
    设置 → 证据提交限制) when there is a store, else the bundled ones."""
    from shopdesk.services import evidence_limits

    edited: set[str] = set()
    if args.db or store_path(args).exists():
        with open_store(args) as store:
            profiles = evidence_limits.for_store(store)
            edited = set(evidence_limits.edited(store)) & set(profiles)
    else:
        profiles = load_profiles()
    lines = []
    for profile in profiles.values():
        line = _profile_line(profile)
        if profile.conservative or profile.id in edited:
            line += "  " + evidence_limits.summary(
                profile, language(), edited_here=profile.id in edited
            )
        lines.append(line)
    documents = [dict(p.to_dict(), edited=p.id in edited) for p in profiles.values()]
    emit(args, documents, "\n".join(lines))
    return 0


def _profile_line(profile) -> str:
    """A destination's limits as --list-profiles prints them."""
    line = text(
        "cli.pack.profile",
        id=f"{profile.id:22}",
        name=profile.name(language()),
        bytes=f"{profile.max_bytes:,}",
    )
    if profile.max_count:
        line += text("cli.pack.profile_count", n=profile.max_count)
    if profile.text_limit:
        unit = "bytes" if profile.text_unit == "bytes" else "chars"
        line += text(f"cli.pack.profile_statement_{unit}", n=profile.text_limit)
    return line


def _chosen_items(store, case_id: int, given: str | None) -> list[int] | None:
    """The evidence ids of --items (`1,3`), each one of this case's; None: all of them."""
    if not given:
        return None
    known = [item.id for item in evidence_service.list_evidence(store, case_id)]
    try:
        chosen = [int(part) for part in given.replace("，", ",").split(",") if part.strip()]
    except ValueError:
        raise CommandError("cli.pack.items_not_ids", items=given) from None
    strangers = [str(n) for n in chosen if n not in known]
    if strangers or not chosen:
        mine = [str(n) for n in known] or Message("cli.pack.case_has_no_evidence")
        raise CommandError(
            "cli.pack.items_unknown", case=case_id, ids=",".join(strangers) or given, known=mine
        )
    return chosen


def run_verify(args: Namespace) -> int:
    from shopdesk.services.evidence import verify

    path = refuse_store_source(args.package, store_path(args))
    if not path.exists():
        raise CommandError("cli.verify.missing", path=path)
    if not (path.is_dir() or path.is_file()):
        raise CommandError("cli.verify.not_a_package", path=path)
    problem = verify(path)
    emit(args, {"package": str(path), "ok": problem is None, "mismatch": problem})
    if problem:
        print(f"shopdesk: {say(problem)}", file=sys.stderr)
        return 1
    if not args.json:
        print(text("cli.verify.ok", path=path))
    return 0
