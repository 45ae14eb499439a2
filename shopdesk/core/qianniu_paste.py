"""A refund's detail page copied from Qianniu (千牛) -> the facts of a new case.

The page's exact wording is documented nowhere we found (docs/formats/qianniu-paste.md
says what is read, so it can be corrected from a real page): labels and values are read
tolerantly — `label：value` or `label: value` on one line, or the label alone with its
value on the next line, in any order, full- or half-width colons — the countdown as
还剩 / 剩余 N天N时N分N秒, and every line nothing is known for is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from shopdesk.core.case_facts import parse_fen
from shopdesk.core.errors import InputError
from shopdesk.core.model import CaseKind
from shopdesk.core.timeutil import CHINA

MAX_CHARS = 20_000  # a detail page is a few hundred characters

# field -> the labels it goes by (the first words of a line, before a colon)
LABELS = {
    "order_no": ("订单编号", "订单号", "淘宝订单号"),
    "refund_no": ("退款编号", "退款单号", "退款号"),
    "applied_at": ("申请时间", "退款申请时间", "买家申请时间"),
    "amount": ("退款金额", "申请退款金额", "买家退款金额"),
    "reason": ("退款原因", "买家退款原因", "申请原因"),
    "description": ("退款说明", "补充描述", "问题描述", "买家退款说明"),
    "kind": ("退款类型", "售后类型", "服务类型", "申请类型"),
    "goods": ("货物状态", "收货状态"),
    "status": ("退款状态", "当前状态"),
    "buyer": ("买家", "买家昵称", "买家会员名", "买家会员名称"),
}
_ALL_LABELS = sorted(
    ((label, name) for name, labels in LABELS.items() for label in labels),
    key=lambda pair: -len(pair[0]),
)
_COUNTDOWN = re.compile(
    r"(?:还剩|剩余|剩)\s*(?:(\d+)\s*天)?\s*(?:(\d+)\s*(?:小时|时))?\s*(?:(\d+)\s*分(?:钟)?)?"
    r"\s*(?:(\d+)\s*秒)?"
)
_TIME = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?")
_OTHER_PLATFORMS = {
    "京东": ("京东", "京麦", "服务单号", "售后服务单"),
    "拼多多": ("拼多多", "多多", "售后编号"),
    "抖店": ("抖店", "抖音", "抖音电商"),
}


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

    def deadline(self, read_at: datetime) -> datetime | None:
        """The platform's deadline: when the text was read plus the countdown shown."""
        return read_at + self.remaining if self.remaining is not None else None


def _split(line: str) -> tuple[str, str] | None:
    """(field, value) when the line starts with a known label ("" value: on the next)."""
    for label, name in _ALL_LABELS:
        if line.startswith(label):
            rest = line[len(label) :].strip()
            if not rest or rest[0] in "：:":
                return name, rest.lstrip("：:").strip()
    return None


def _time(text: str) -> datetime | None:
    match = _TIME.search(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=CHINA)
    except ValueError:
        return None


def _countdown(text: str) -> timedelta | None:
    for match in _COUNTDOWN.finditer(text):
        days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
        if any(match.groups()):
            return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    return None


def _kind(text: str, goods: str) -> str | None:
    """The case kind the page names (None: decide from the order's state)."""
    if "换货" in text:
        return CaseKind.EXCHANGE.value
    if "退货" in text:
        return CaseKind.RETURN_REFUND.value
    if "退款" in text and "未发货" in goods:
        return CaseKind.REFUND_UNSHIPPED.value
    if "退款" in text and "已收到" in goods:
        return CaseKind.REFUND_SHIPPED.value
    return None


def _digits(text: str) -> str:
    match = re.search(r"\d{6,}", text.replace(" ", ""))
    return match.group(0) if match else ""


def parse_paste(text: str) -> PastedRefund:
    """What the pasted page says; InputError for a text that is not a Taobao refund page
    or has no order or refund number (nothing to link the case to)."""
    if len(text) > MAX_CHARS:
        raise InputError(f"粘贴的内容太长（{len(text)} 字）：只需复制一个退款的详情页")
    for platform, words in _OTHER_PLATFORMS.items():
        if any(word in text for word in words) and "淘宝" not in text and "千牛" not in text:
            raise InputError(
                f"这像是{platform}的页面，不是千牛的退款详情：请在千牛里打开退款详情再复制"
            )
    values: dict[str, str] = {}
    ignored: list[str] = []
    remaining: timedelta | None = None
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
    pending: str | None = None
    for line in lines:
        if not line:
            continue
        if pending is not None and _split(line) is None:
            values.setdefault(pending, line)
            pending = None
            continue
        pending = None
        split = _split(line)
        found = _countdown(line)
        if found is not None and remaining is None:
            remaining = found
            if split is None:
                continue
        if split is None:
            ignored.append(line)
            continue
        name, value = split
        if value:
            values.setdefault(name, value)
        else:
            pending = name
    order_no = _digits(values.get("order_no", ""))
    refund_no = _digits(values.get("refund_no", ""))
    if not order_no and not refund_no:
        raise InputError(
            "粘贴的内容里没有订单编号或退款编号：请在千牛打开退款详情，全选复制后再粘贴"
        )
    amount = None
    if values.get("amount"):
        amount_text = re.sub(r"[^\d.．]", "", values["amount"])
        amount = parse_fen(amount_text) if amount_text else None
    goods = values.get("goods", "")
    return PastedRefund(
        order_no=order_no,
        refund_no=refund_no,
        applied_at=_time(values.get("applied_at", "")),
        amount_fen=amount,
        reason=values.get("reason", ""),
        description=values.get("description", ""),
        kind=_kind(values.get("kind", ""), goods),
        status=values.get("status", ""),
        buyer=values.get("buyer", ""),
        remaining=remaining,
        ignored=tuple(ignored),
    )
