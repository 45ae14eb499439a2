"""`shopdesk order ship ORDER --tracking T --courier C [--at TIME]`: the seller shipped an
order; its 卖家发货 clock stops (the window's 标记发货 does the same through core).
`shopdesk order delivered ORDER [--at TIME]`: the buyer signed for it (签收); the 7-day
no-reason return counts from the next day."""

from __future__ import annotations

from argparse import Namespace

from shopdesk.commands.common import emit, open_store
from shopdesk.commands.deadlines import _time, deadline_document
from shopdesk.commands.listing import order_document
from shopdesk.domain.messages import text
from shopdesk.domain.timeutil import as_china, now_utc
from shopdesk.services.clocks import deadlines_for_order
from shopdesk.services.orders import mark_delivered, mark_shipped
from shopdesk.services.platforms import Platform


def register(subparsers, common) -> None:
    order = subparsers.add_parser("order", parents=[common], help=text("cli.help.order"))
    actions = order.add_subparsers(dest="order_command", required=True)
    ship = actions.add_parser("ship", parents=[common], help=text("cli.help.order_ship"))
    ship.add_argument("order_no", metavar="ORDER")
    ship.add_argument("--tracking", required=True, metavar="T", help=text("cli.help.ship_tracking"))
    ship.add_argument("--courier", required=True, metavar="C", help=text("cli.help.ship_courier"))
    ship.add_argument("--at", metavar="TIME", help=text("cli.help.ship_at"))
    platform_help = text("cli.help.order_platform")
    ship.add_argument("--platform", choices=list(Platform), help=platform_help)
    ship.set_defaults(run=run_order_ship)
    delivered = actions.add_parser(
        "delivered", parents=[common], help=text("cli.help.order_delivered")
    )
    delivered.add_argument("order_no", metavar="ORDER")
    delivered.add_argument("--at", metavar="TIME", help=text("cli.help.delivered_at"))
    delivered.add_argument("--platform", choices=list(Platform), help=platform_help)
    delivered.set_defaults(run=run_order_delivered)


def _order_output(store, order, at) -> dict:
    now = max(at, now_utc())
    document = order_document(order)
    document["deadlines"] = [
        deadline_document(d, now) for d in deadlines_for_order(store, order, now)
    ]
    return document


def run_order_ship(args: Namespace) -> int:
    at = _time(args.at, "--at")
    with open_store(args) as store:
        found = store.order_by_no(args.order_no, args.platform)
        order = mark_shipped(store, found.id, args.tracking, args.courier, at)
        document = _order_output(store, order, at)
    shipped = text(
        "cli.order.shipped",
        order=order.order_no,
        courier=order.courier,
        tracking=order.tracking_no,
        at=as_china(order.shipped_at),
    )
    emit(args, document, shipped)
    return 0


def run_order_delivered(args: Namespace) -> int:
    at = _time(args.at, "--at")
    with open_store(args) as store:
        found = store.order_by_no(args.order_no, args.platform)
        order = mark_delivered(store, found.id, at)
        document = _order_output(store, order, at)
    signed = text("cli.order.delivered", order=order.order_no, at=as_china(order.delivered_at))
    emit(args, document, signed)
    return 0
