"""`shopdesk orders` and `shopdesk cases`: list what the store holds."""

from __future__ import annotations

import re
from argparse import Namespace

from shopdesk.commands.arguments import count
from shopdesk.commands.common import emit, open_store, yuan
from shopdesk.commands.scope import add_scope_arguments, shop_ids
from shopdesk.domain.labels import label
from shopdesk.domain.messages import text
from shopdesk.domain.model import CaseKind, CaseState, Cause
from shopdesk.domain.timeutil import as_china


def register(subparsers, common) -> None:
    orders = subparsers.add_parser("orders", parents=[common], help=text("cli.help.orders"))
    orders.add_argument("--search", metavar="TEXT", help=text("cli.help.orders_search"))
    orders.add_argument("--limit", type=count(), metavar="N", help=text("cli.help.orders_limit"))
    add_scope_arguments(orders, "cli.scope.what.orders")
    orders.set_defaults(run=run_orders)
    cases = subparsers.add_parser("cases", parents=[common], help=text("cli.help.cases"))
    cases.add_argument("--open", action="store_true", help=text("cli.help.cases_open"))
    add_scope_arguments(cases, "cli.scope.what.cases")
    cases.set_defaults(run=run_cases)


def order_document(order) -> dict:
    return {
        "order_no": order.order_no,
        "platform": order.platform,
        "buyer": order.buyer_nick,
        "receiver": order.receiver_name,
        "receiver_phone": order.receiver_phone,
        "receiver_address": order.receiver_address,
        "status": order.status,
        "state": order.state,
        "paid_fen": order.paid_fen,
        "paid_at": as_china(order.paid_at) or None,
        "shipped_at": as_china(order.shipped_at) or None,
        "delivered_at": as_china(order.delivered_at) or None,
        "courier": order.courier,
        "tracking_no": first_waybill(order.tracking_no),
        "items": order.item_titles,
        "lines": order.lines,
    }


def first_waybill(tracking: str) -> str | None:
    """The first of the waybills an order carries (several: split parcels), or None."""
    return re.split(r"[,，;；/\s]+", tracking.strip())[0] or None


def case_document(case) -> dict:
    return {
        "id": case.id,
        "order_no": case.order_no,
        "platform": case.platform,
        "kind": case.kind,
        "kind_label": label(CaseKind, case.kind),
        "state": case.state,
        "state_label": label(CaseState, case.state),
        "cause": case.cause,
        "cause_label": label(Cause, case.cause),
        "cause_source": case.cause_source,
        "cause_question": case.cause_question or None,
        "platform_reason": (case.reason or None) if case.platform_refund_no else None,
        "responsibility": case.responsibility,
        "money": {
            "refund_fen": case.money_refund_fen,
            "compensation_fen": case.money_compensation_fen,
            "recovered_fen": case.money_recovered_fen,
            "net_cost_fen": case.money_net_fen,
        },
        "outcome": case.outcome,
        "refund_fen": case.refund_fen,
        "reason": case.reason,
        "platform_status": case.platform_status,
        "platform_deadline": as_china(case.platform_deadline) or None,
        "opened_at": as_china(case.opened_at) or None,
        "next_due_at": as_china(case.next_due_at) or None,
    }


def run_orders(args: Namespace) -> int:
    with open_store(args, up_to_date=True) as store:
        orders = store.list_orders(
            search=args.search,
            limit=args.limit,
            platform=args.platform,
            shop_ids=shop_ids(store, args),
        )
        lines = [
            f"{o.order_no}  {o.buyer_nick}  {o.status}  ¥{yuan(o.paid_fen)}  {o.item_titles}"
            for o in orders
        ]
        emit(args, [order_document(o) for o in orders], "\n".join(lines) or text("cli.no_orders"))
    return 0


def run_cases(args: Namespace) -> int:
    with open_store(args, up_to_date=True) as store:
        cases = store.list_cases(
            open_only=args.open, platform=args.platform, shop_ids=shop_ids(store, args)
        )
        lines = [
            f"#{c.id}  {c.order_no}  {label(CaseKind, c.kind)}  {label(CaseState, c.state)}"
            for c in cases
        ]
        emit(args, [case_document(c) for c in cases], "\n".join(lines) or text("cli.no_cases"))
    return 0
