"""`shopdesk demo`: fill a store with the demo shop."""

from __future__ import annotations

from argparse import Namespace

from shopdesk.commands.arguments import count
from shopdesk.commands.common import CommandError, emit, open_store
from shopdesk.domain.messages import text
from shopdesk.domain.timeutil import now_utc
from shopdesk.services.clocks import bring_up_to_date
from shopdesk.services.demo import build_demo

DEMO_MAX_ORDERS = 100_000  # a demo, not a benchmark store (benchmarks/ makes those)


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("demo", parents=[common], help=text("cli.help.demo"))
    parser.add_argument(
        "--orders", type=count(DEMO_MAX_ORDERS), default=300, help=text("cli.help.demo_orders")
    )
    parser.set_defaults(run=run)


def run(args: Namespace) -> int:
    with open_store(args, create=True) as store:
        if store.counts()["orders"]:
            raise CommandError("cli.demo.has_orders", path=store.path)
        made = build_demo(store, now_utc(), orders=args.orders)
        bring_up_to_date(store, now_utc())  # every clock computed, as the window would
        emit(
            args,
            {"db": str(store.path), **made},
            text("cli.demo.made", path=store.path, orders=made["orders"], cases=made["cases"]),
        )
    return 0
