"""A refund's detail page copied from a platform's seller tool (Qianniu / 千牛 today) -> the
facts of a new case. The page is the platform's: its reader is its spec's `paste_parser`
(the platform package's own paste module reads its seller tool's page), reached through
the registry."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from shopdesk.domain.errors import InputError

MAX_CHARS = 20_000  # a detail page is a few hundred characters


@dataclass(frozen=True)
class PastedRefund:
    order_no: str
    refund_no: str
    applied_at: datetime | None = None
    amount_fen: int | None = None
    reason: str = ""
    description: str = ""
    kind: str | None = None  # CaseKind id when the page says which
    status: str = ""
    buyer: str = ""
    remaining: timedelta | None = None  # the countdown shown ("还剩 1天23时")
    ignored: tuple[str, ...] = field(default=())  # lines nothing was known for
    platform: str = ""  # the platform whose page it is (the one whose reader read it)

    def deadline(self, read_at: datetime) -> datetime | None:
        """The platform's deadline: when the text was read plus the countdown shown."""
        return read_at + self.remaining if self.remaining is not None else None


def parse_paste(text: str) -> PastedRefund:
    """What the pasted page says, read by the platform whose seller tool it comes from;
    InputError for a text too long, not such a page, or with no order or refund number."""
    if len(text) > MAX_CHARS:
        raise InputError("paste.too_long", n=len(text))
    from shopdesk.platforms import registry  # the platforms' readers import PastedRefund

    spec = registry.paste_spec()
    if spec is None:
        raise InputError("paste.no_reader")
    return spec.paste_parser(text)
