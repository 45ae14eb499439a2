"""`--platform P` and `--shop NAME`: the same two filters on every listing command."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace

from shopdesk.commands.common import CommandError
from shopdesk.domain.messages import Message, text
from shopdesk.services import platforms
from shopdesk.services.session import Store


def add_scope_arguments(parser: ArgumentParser, what: str) -> None:
    """`what`: the key of the things listed (cli.scope.what.*)."""
    parser.add_argument(
        "--platform",
        choices=platforms.ids(),
        metavar="P",
        help=text("cli.help.scope_platform", what=Message(what), platforms=platforms.ids()),
    )
    parser.add_argument(
        "--shop", metavar="NAME", help=text("cli.help.scope_shop", what=Message(what))
    )


def shop_ids(store: Store, args: Namespace) -> set[int] | None:
    """The ids of the shops named by --shop (None: every shop); a name no shop has is
    refused, naming the shops there are, rather than listing nothing."""
    if not args.shop:
        return None
    rows = [(shop.id, shop.name) for shop in store.list_shops()]
    found = {shop_id for shop_id, name in rows if name == args.shop.strip()}
    if not found:
        names = [name for _, name in rows] or Message("cli.scope.no_shops")
        raise CommandError("cli.scope.no_shop", shop=args.shop, shops=names)
    return found
