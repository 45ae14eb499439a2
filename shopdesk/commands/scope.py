"""`--platform P` and `--shop NAME`: the same two filters on every listing command."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace

from shopdesk.commands.common import CommandError
from shopdesk.core.store import Store
from shopdesk.platforms import registry


def add_scope_arguments(parser: ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--platform",
        choices=registry.ids(),
        metavar="P",
        help=f"只列出这个平台的{what}（{'、'.join(registry.ids())}）",
    )
    parser.add_argument("--shop", metavar="NAME", help=f"只列出这个店铺的{what}（店铺名）")


def shop_ids(store: Store, args: Namespace) -> set[int] | None:
    """The ids of the shops named by --shop (None: every shop); a name no shop has is
    refused, naming the shops there are, rather than listing nothing."""
    if not args.shop:
        return None
    rows = store.db.execute("SELECT id, name FROM shops ORDER BY id").fetchall()
    found = {shop_id for shop_id, name in rows if name == args.shop.strip()}
    if not found:
        names = "、".join(name for _, name in rows) or "（还没有店铺）"
        raise CommandError(f"没有名为“{args.shop}”的店铺；店铺有：{names}")
    return found
