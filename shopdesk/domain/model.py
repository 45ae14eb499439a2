"""The domain's words: stable ids (used by the CLI and in data files) with their names,
and the frozen dataclasses the store hands out.

Ids never change once shipped; names are for people and come in zh-CN, zh-TW and en.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shopdesk.domain.messages import LANGUAGES, joined, text
from shopdesk.domain.messages import text as _text


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() and i else c.lower() for i, c in enumerate(name))


class Labeled(StrEnum):
    """A string enum whose members have zh-CN / zh-TW / en names. The domain's enums below
    take theirs from the one table of words (resources/messages/words.toml, key
    `word.<enum in snake case>.<id>`); an enum built from data that names itself (the
    platforms' registry) passes its names with each member."""

    def __new__(cls, value: str, *names: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member._names = dict(zip(LANGUAGES, names, strict=True)) if names else None
        return member

    @property
    def names(self) -> dict[str, str]:
        if self._names is None:
            key = f"word.{_snake(type(self).__name__)}.{self.value}"
            self._names = {language: text(key, language) for language in LANGUAGES}
        return self._names

    def label(self, language: str = "zh-CN") -> str:
        """The name in `language` (zh-CN by default: documents for a platform and notes
        kept on the timeline are Chinese; a front end asks for its own language)."""
        return self.names.get(language) or self.names["zh-CN"]

    @classmethod
    def parse(cls, text: str):
        """The member whose id (or Chinese name, when only one has it) is `text`;
        ValueError naming the valid ids with their names otherwise."""
        try:
            return cls(text)
        except ValueError:
            named = [m for m in cls if text.strip() in (m.names["zh-CN"], m.names["zh-TW"])]
            if len(named) == 1:
                return named[0]
            raise ValueError(
                _text("word.parse.unknown", None, text=text, choices=cls.choices())
            ) from None

    @classmethod
    def choices(cls) -> str:
        """Every id with its Chinese name: `refund_unshipped（仅退款（未发货））`, ..."""
        return joined([_text("word.parse.choice", None, id=m.value, name=m.label()) for m in cls])


class OrderState(Labeled):
    """ShopDesk's reading of the platform's order status text (which is kept as is)."""

    UNPAID = "unpaid"
    PAID = "paid"
    SHIPPED = "shipped"
    SUCCESS = "success"
    CLOSED = "closed"


class CaseKind(Labeled):
    REFUND_UNSHIPPED = "refund_unshipped"
    REFUND_SHIPPED = "refund_shipped"
    RETURN_REFUND = "return_refund"
    EXCHANGE = "exchange"
    RESHIP = "reship"
    REJECTED_DELIVERY = "rejected_delivery"
    COMPLAINT_LATE_SHIPPING = "complaint_late_shipping"
    COMPLAINT_NOT_AS_DESCRIBED = "complaint_not_as_described"
    COMPLAINT_BROKEN_PROMISE = "complaint_broken_promise"
    COMPLAINT_COUNTERFEIT = "complaint_counterfeit"
    BAD_REVIEW = "bad_review"
    PLATFORM_APPEAL = "platform_appeal"


class Cause(Labeled):
    SELLER_DEFECT = "seller_defect"
    SELLER_NOT_AS_DESCRIBED = "seller_not_as_described"
    SELLER_LATE_SHIPPING = "seller_late_shipping"
    SELLER_WRONG_OR_MISSING = "seller_wrong_or_missing"
    COURIER_SERVICE = "courier_service"
    COURIER_SLOW = "courier_slow"
    COURIER_MISROUTED = "courier_misrouted"
    COURIER_LOST = "courier_lost"
    BUYER_CHANGED_MIND = "buyer_changed_mind"
    BUYER_EXPECTATION = "buyer_expectation"
    BUYER_ORDERED_WRONG = "buyer_ordered_wrong"
    BUYER_MISUSE = "buyer_misuse"
    UNKNOWN = "unknown"

    @property
    def responsibility(self) -> str | None:
        """Who this cause puts the dispute on (None: not known)."""
        party = self.value.split("_", 1)[0]
        return party if party in ("seller", "courier", "buyer") else None


class EventKind(Labeled):
    OPENED = "opened"
    SELLER_AGREED = "seller_agreed"
    SELLER_REFUSED = "seller_refused"
    BUYER_MODIFIED = "buyer_modified"
    BUYER_SHIPPED_RETURN = "buyer_shipped_return"
    SELLER_RECEIVED_RETURN = "seller_received_return"
    PLATFORM_INTERVENED = "platform_intervened"
    EVIDENCE_REQUESTED = "evidence_requested"
    DISPUTE_SUSPENDED = "dispute_suspended"
    COURT_NOTICE = "court_notice"
    EVIDENCE_SUBMITTED = "evidence_submitted"
    RULING = "ruling"
    REFUNDED = "refunded"
    RESHIPPED = "reshipped"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    REPLIED = "replied"
    NOTE = "note"
    CORRECTION = "correction"
    # The seller's own judgement and bookkeeping (they never move the case's state):
    CAUSE_SET = "cause_set"
    MONEY = "money"
    INSPECTED = "inspected"
    OUTCOME = "outcome"


class Responsibility(Labeled):
    """Who the cause puts the dispute on (the seed FAQ's three, and the platform)."""

    SELLER = "seller"
    COURIER = "courier"
    BUYER = "buyer"
    PLATFORM = "platform"


class MoneyKind(Labeled):
    """A money entry of a case; `out` says which way it goes by default."""

    REFUND = "refund"
    POSTAGE_REFUND = "postage_refund"
    COMPENSATION = "compensation"
    RESHIP_COST = "reship_cost"
    COURIER_CLAIM = "courier_claim"
    INSURANCE = "insurance"
    OTHER = "other"

    @property
    def out(self) -> bool:
        return self not in (MoneyKind.COURIER_CLAIM, MoneyKind.INSURANCE)


class Outcome(Labeled):
    """How a case ended."""

    AGREED_REFUND = "agreed_refund"
    REFUSED_ACCEPTED = "refused_accepted"
    RESHIPPED = "reshipped"
    RULED_FOR_SELLER = "ruled_for_seller"
    RULED_FOR_BUYER = "ruled_for_buyer"
    RULED_SPLIT = "ruled_split"
    WITHDRAWN = "withdrawn"
    COURIER_PAID = "courier_paid"


class CaseState(Labeled):
    """Where a case stands; derived from its timeline, cached in the store for listing."""

    AWAITING_SELLER = "awaiting_seller"
    AWAITING_RETURN = "awaiting_return"
    RETURN_IN_TRANSIT = "return_in_transit"
    REFUSED = "refused"
    INTERVENTION = "intervention"
    AWAITING_REFUND = "awaiting_refund"
    RESOLVED = "resolved"
    REFUNDED = "refunded"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"

    @property
    def is_open(self) -> bool:
        return self.value not in CLOSED_CASE_STATES


# The states a case ends in: the one definition (SQL filters use CLOSED_CASE_SQL).
CLOSED_CASE_STATES = (CaseState.REFUNDED.value, CaseState.CLOSED.value, CaseState.WITHDRAWN.value)
CLOSED_CASE_SQL = "(" + ", ".join(f"'{state}'" for state in CLOSED_CASE_STATES) + ")"

# The ids of the clocks that come from no rule file: the deadline the seller copied from
# the platform's tool, and the reply clock of the seller's own service target.
PLATFORM_RULE_ID = "platform.deadline"
REPLY_RULE_ID = "reply.respond"


class Party(Labeled):
    SELLER = "seller"
    BUYER = "buyer"
    PLATFORM = "platform"
    BOTH = "both"


class EvidenceKind(Labeled):
    INVOICE = "invoice"
    CHAT = "chat"
    PHOTO = "photo"
    VIDEO = "video"
    SHIPPING = "shipping"
    WEIGHT = "weight"
    AUTHORIZATION = "authorization"
    TEST_REPORT = "test_report"
    OTHER = "other"


class ReplyStage(Labeled):
    """Where a case stands as far as replying goes; built-in templates are tagged with it."""

    OPENING = "opening"
    HANDLING = "handling"
    RETURNING = "returning"
    REFUSING = "refusing"
    INTERVENTION = "intervention"
    RESOLVED = "resolved"


class CareStep(Labeled):
    """The seven steps of handling a complaint (seed after-sales FAQ), in order."""

    RESPOND_FAST = "respond_fast"
    LISTEN = "listen"
    EXPLAIN = "explain"
    APOLOGISE = "apologise"
    OFFER_COMPENSATION = "offer_compensation"
    ACT = "act"
    FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class Shop:
    id: int
    name: str
    platform: str
    return_address: str = ""
    promised_ship_hours: int = 48
    signature: str = ""


@dataclass(frozen=True)
class Order:
    id: int
    shop_id: int
    platform: str
    order_no: str
    buyer_nick: str
    status: str  # the platform's own text
    state: str  # OrderState id
    receiver_name: str = ""
    receiver_phone: str = ""
    receiver_address: str = ""
    item_titles: str = ""
    item_count: int = 0
    total_fen: int = 0
    paid_fen: int = 0
    postage_fen: int = 0
    refund_fen: int = 0
    created_at: str | None = None
    paid_at: str | None = None
    shipped_at: str | None = None
    confirmed_at: str | None = None
    delivered_at: str | None = None  # 签收: the seller's entry or an export's column
    ship_by_at: str | None = None  # the platform's own ship-by deadline (PDD 承诺发货时间)
    closed_reason: str = ""
    courier: str = ""
    tracking_no: str = ""
    buyer_message: str = ""
    seller_note: str = ""
    source: str = "manual"
    lines: int = 0
    next_due_at: str | None = None


@dataclass(frozen=True)
class OrderLine:
    id: int
    order_id: int
    position: int
    title: str
    quantity: int = 1
    price_fen: int = 0
    sku_props: str = ""
    outer_code: str = ""
    status: str = ""
    sub_order_no: str | None = None


@dataclass(frozen=True)
class Case:
    id: int
    order_id: int
    order_no: str
    platform: str
    kind: str  # CaseKind id
    state: str  # CaseState id
    cause: str = Cause.UNKNOWN.value
    refund_fen: int = 0
    reason: str = ""
    description: str = ""
    platform_refund_no: str = ""
    platform_status: str = ""
    platform_deadline: str | None = None  # UTC ISO-8601; the platform's own clock wins
    opened_at: str | None = None
    closed_at: str | None = None
    note: str = ""
    next_due_at: str | None = None
    platform_cause: str | None = None  # what the platform's reason words map to
    cause_source: str = "platform"  # platform | seller | inspection
    cause_question: str = ""  # what the seller must judge for a provisional cause
    responsibility: str | None = None  # Responsibility id
    outcome: str | None = None  # Outcome id, None while not recorded
    money_refund_fen: int = 0
    money_compensation_fen: int = 0
    money_recovered_fen: int = 0
    money_net_fen: int = 0
    sub_order_no: str | None = None  # the order line (子订单) the case is about, if known


@dataclass(frozen=True)
class Event:
    id: int
    case_id: int
    kind: str  # EventKind id
    at: str  # UTC ISO-8601
    note: str = ""
    source: str = "local"  # local | platform | template
    retracts: int | None = None  # for corrections: the event they retract
    created_at: str | None = None
    data: str | None = None  # JSON: what a cause, money, inspection or outcome entry says


@dataclass(frozen=True)
class Evidence:
    id: int
    case_id: int
    kind: str  # EvidenceKind id
    sha256: str
    file_name: str
    mime: str
    bytes: int
    caption: str = ""
    captured_at: str | None = None
    added_at: str | None = None
