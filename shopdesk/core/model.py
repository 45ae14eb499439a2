"""The domain's words: stable ids (used by the CLI and in data files) with their names,
and the frozen dataclasses the store hands out.

Ids never change once shipped; names are for people and come in zh-CN, zh-TW and en.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

LANGUAGES = ("zh-CN", "zh-TW", "en")


class Labeled(StrEnum):
    """A string enum whose members carry their zh-CN / zh-TW / en names."""

    def __new__(cls, value: str, zh_cn: str, zh_tw: str, en: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.names = {"zh-CN": zh_cn, "zh-TW": zh_tw, "en": en}
        return member

    def label(self, language: str = "zh-CN") -> str:
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
            raise ValueError(f"不认识“{text}”，可用：{cls.choices()}") from None

    @classmethod
    def choices(cls) -> str:
        """Every id with its Chinese name: `refund_unshipped（仅退款（未发货））`, ..."""
        return "、".join(f"{m.value}（{m.label()}）" for m in cls)


class OrderState(Labeled):
    """ShopDesk's reading of the platform's order status text (which is kept as is)."""

    UNPAID = "unpaid", "等待买家付款", "等待買家付款", "Awaiting payment"
    PAID = "paid", "买家已付款，等待卖家发货", "買家已付款，等待賣家發貨", "Paid, to ship"
    SHIPPED = "shipped", "卖家已发货，等待买家确认", "賣家已發貨，等待買家確認", "Shipped"
    SUCCESS = "success", "交易成功", "交易成功", "Transaction success"
    CLOSED = "closed", "交易关闭", "交易關閉", "Closed"


class CaseKind(Labeled):
    REFUND_UNSHIPPED = (
        "refund_unshipped",
        "仅退款（未发货）",
        "僅退款（未發貨）",
        "Refund only (not shipped)",
    )
    REFUND_SHIPPED = (
        "refund_shipped",
        "仅退款（已发货）",
        "僅退款（已發貨）",
        "Refund only (shipped)",
    )
    RETURN_REFUND = "return_refund", "退货退款", "退貨退款", "Return and refund"
    EXCHANGE = "exchange", "换货", "換貨", "Exchange"
    RESHIP = "reship", "补发", "補發", "Reship"
    REJECTED_DELIVERY = "rejected_delivery", "拒收", "拒收", "Refused delivery"
    COMPLAINT_LATE_SHIPPING = "complaint_late_shipping", "延迟发货", "延遲發貨", "Late shipping"
    COMPLAINT_NOT_AS_DESCRIBED = (
        "complaint_not_as_described",
        "描述不符",
        "描述不符",
        "Not as described",
    )
    COMPLAINT_BROKEN_PROMISE = "complaint_broken_promise", "违背承诺", "違背承諾", "Broken promise"
    COMPLAINT_COUNTERFEIT = "complaint_counterfeit", "假冒", "假冒", "Counterfeit"
    BAD_REVIEW = "bad_review", "中差评", "中差評", "Neutral / bad review"
    PLATFORM_APPEAL = (
        "platform_appeal",
        "平台介入/申诉",
        "平台介入/申訴",
        "Platform intervention / appeal",
    )


class Cause(Labeled):
    SELLER_DEFECT = "seller_defect", "商品质量问题", "商品品質問題", "Product defect"
    SELLER_NOT_AS_DESCRIBED = "seller_not_as_described", "描述不符", "描述不符", "Not as described"
    SELLER_LATE_SHIPPING = "seller_late_shipping", "发货慢", "發貨慢", "Shipped late"
    SELLER_WRONG_OR_MISSING = (
        "seller_wrong_or_missing",
        "错发漏发",
        "錯發漏發",
        "Wrong or missing item",
    )
    COURIER_SERVICE = "courier_service", "快递服务差", "快遞服務差", "Courier service"
    COURIER_SLOW = "courier_slow", "快递慢", "快遞慢", "Courier slow"
    COURIER_MISROUTED = "courier_misrouted", "快递错派", "快遞錯派", "Courier misrouted"
    COURIER_LOST = "courier_lost", "快递丢件", "快遞丟件", "Parcel lost"
    BUYER_CHANGED_MIND = "buyer_changed_mind", "买家不想要了", "買家不想要了", "Buyer changed mind"
    BUYER_EXPECTATION = "buyer_expectation", "与预期不符", "與預期不符", "Below expectation"
    BUYER_ORDERED_WRONG = "buyer_ordered_wrong", "买家拍错", "買家拍錯", "Buyer ordered wrong"
    BUYER_MISUSE = "buyer_misuse", "使用不当", "使用不當", "Misuse"
    UNKNOWN = "unknown", "原因不明", "原因不明", "Unknown"

    @property
    def responsibility(self) -> str | None:
        """Who this cause puts the dispute on (None: not known)."""
        party = self.value.split("_", 1)[0]
        return party if party in ("seller", "courier", "buyer") else None


class EventKind(Labeled):
    OPENED = "opened", "买家申请", "買家申請", "Opened"
    SELLER_AGREED = "seller_agreed", "卖家同意", "賣家同意", "Seller agreed"
    SELLER_REFUSED = "seller_refused", "卖家拒绝", "賣家拒絕", "Seller refused"
    BUYER_MODIFIED = "buyer_modified", "买家修改申请", "買家修改申請", "Buyer modified"
    BUYER_SHIPPED_RETURN = (
        "buyer_shipped_return",
        "买家已退货",
        "買家已退貨",
        "Buyer shipped return",
    )
    SELLER_RECEIVED_RETURN = (
        "seller_received_return",
        "已收到退货",
        "已收到退貨",
        "Return received",
    )
    PLATFORM_INTERVENED = "platform_intervened", "小二介入", "小二介入", "Platform intervened"
    EVIDENCE_REQUESTED = (
        "evidence_requested",
        "平台要求补充凭证",
        "平台要求補充憑證",
        "Platform asked for evidence",
    )
    DISPUTE_SUSPENDED = (
        "dispute_suspended",
        "双方协商暂停",
        "雙方協商暫停",
        "Dispute suspended to negotiate",
    )
    COURT_NOTICE = (
        "court_notice",
        "一方告知起诉/报警",
        "一方告知起訴/報警",
        "A party is going to court / the police",
    )
    EVIDENCE_SUBMITTED = "evidence_submitted", "已提交凭证", "已提交憑證", "Evidence submitted"
    RULING = "ruling", "平台判定", "平台判定", "Ruling"
    REFUNDED = "refunded", "退款成功", "退款成功", "Refunded"
    RESHIPPED = "reshipped", "已补发", "已補發", "Reshipped"
    CLOSED = "closed", "已关闭", "已關閉", "Closed"
    WITHDRAWN = "withdrawn", "买家撤销", "買家撤銷", "Withdrawn"
    REPLIED = "replied", "已回复", "已回覆", "Replied"
    NOTE = "note", "备注", "備註", "Note"
    CORRECTION = "correction", "更正", "更正", "Correction"
    # The seller's own judgement and bookkeeping (they never move the case's state):
    CAUSE_SET = "cause_set", "判断原因", "判斷原因", "Cause judged"
    MONEY = "money", "记账", "記帳", "Money entry"
    INSPECTED = "inspected", "验收退货", "驗收退貨", "Return inspected"
    OUTCOME = "outcome", "处理结果", "處理結果", "Outcome"


class Responsibility(Labeled):
    """Who the cause puts the dispute on (the seed FAQ's three, and the platform)."""

    SELLER = "seller", "卖家", "賣家", "Seller"
    COURIER = "courier", "快递", "快遞", "Courier"
    BUYER = "buyer", "买家", "買家", "Buyer"
    PLATFORM = "platform", "平台", "平台", "Platform"


class MoneyKind(Labeled):
    """A money entry of a case; `out` says which way it goes by default."""

    REFUND = "refund", "退款", "退款", "Refund"
    POSTAGE_REFUND = "postage_refund", "退运费", "退運費", "Postage refunded"
    COMPENSATION = "compensation", "补偿", "補償", "Compensation"
    RESHIP_COST = "reship_cost", "补发成本", "補發成本", "Reshipment cost"
    COURIER_CLAIM = "courier_claim", "快递理赔", "快遞理賠", "Courier claim paid"
    INSURANCE = "insurance", "运费险赔付", "運費險賠付", "Shipping insurance paid"
    OTHER = "other", "其他", "其他", "Other"

    @property
    def out(self) -> bool:
        return self not in (MoneyKind.COURIER_CLAIM, MoneyKind.INSURANCE)


class Outcome(Labeled):
    """How a case ended."""

    AGREED_REFUND = "agreed_refund", "同意退款", "同意退款", "Refund agreed"
    REFUSED_ACCEPTED = (
        "refused_accepted",
        "拒绝，买家接受",
        "拒絕，買家接受",
        "Refused, buyer accepted",
    )
    RESHIPPED = "reshipped", "补发/换货解决", "補發/換貨解決", "Settled by reshipping"
    RULED_FOR_SELLER = "ruled_for_seller", "平台判卖家胜", "平台判賣家勝", "Ruled for the seller"
    RULED_FOR_BUYER = "ruled_for_buyer", "平台判买家胜", "平台判買家勝", "Ruled for the buyer"
    RULED_SPLIT = "ruled_split", "平台判双方分担", "平台判雙方分擔", "Ruled split"
    WITHDRAWN = "withdrawn", "买家撤销", "買家撤銷", "Withdrawn by the buyer"
    COURIER_PAID = "courier_paid", "快递公司赔付", "快遞公司賠付", "The courier paid the claim"


class CaseState(Labeled):
    """Where a case stands; derived from its timeline, cached in the store for listing."""

    AWAITING_SELLER = "awaiting_seller", "待卖家处理", "待賣家處理", "Awaiting seller"
    AWAITING_RETURN = "awaiting_return", "待买家退货", "待買家退貨", "Awaiting buyer's return"
    RETURN_IN_TRANSIT = "return_in_transit", "待卖家收货", "待賣家收貨", "Return on its way"
    REFUSED = "refused", "卖家已拒绝", "賣家已拒絕", "Refused by seller"
    INTERVENTION = "intervention", "小二介入中", "小二介入中", "Platform intervening"
    AWAITING_REFUND = "awaiting_refund", "待退款", "待退款", "Refund to be paid"
    RESOLVED = "resolved", "已解决", "已解決", "Resolved"
    REFUNDED = "refunded", "退款成功", "退款成功", "Refunded"
    CLOSED = "closed", "已关闭", "已關閉", "Closed"
    WITHDRAWN = "withdrawn", "买家已撤销", "買家已撤銷", "Withdrawn"

    @property
    def is_open(self) -> bool:
        return self.value not in CLOSED_CASE_STATES


# The states a case ends in: the one definition (SQL filters use CLOSED_CASE_SQL).
CLOSED_CASE_STATES = (CaseState.REFUNDED.value, CaseState.CLOSED.value, CaseState.WITHDRAWN.value)
CLOSED_CASE_SQL = "(" + ", ".join(f"'{state}'" for state in CLOSED_CASE_STATES) + ")"


class Party(Labeled):
    SELLER = "seller", "卖家", "賣家", "Seller"
    BUYER = "buyer", "买家", "買家", "Buyer"
    PLATFORM = "platform", "平台", "平台", "Platform"
    BOTH = "both", "双方", "雙方", "Both parties"


class EvidenceKind(Labeled):
    INVOICE = "invoice", "发票/购货凭证", "發票/購貨憑證", "Invoice or purchase proof"
    CHAT = "chat", "聊天记录", "聊天記錄", "Chat log"
    PHOTO = "photo", "照片", "照片", "Photo"
    VIDEO = "video", "视频", "影片", "Video"
    SHIPPING = "shipping", "物流记录", "物流記錄", "Shipping record"
    WEIGHT = "weight", "称重记录", "稱重記錄", "Weight record"
    AUTHORIZATION = "authorization", "品牌授权", "品牌授權", "Brand authorisation"
    TEST_REPORT = "test_report", "检测报告", "檢測報告", "Test report"
    OTHER = "other", "其他", "其他", "Other"


class ReplyStage(Labeled):
    """Where a case stands as far as replying goes; built-in templates are tagged with it."""

    OPENING = "opening", "初次回复", "初次回覆", "First reply"
    HANDLING = "handling", "处理中", "處理中", "Handling"
    RETURNING = "returning", "待买家退货", "待買家退貨", "Waiting for the return"
    REFUSING = "refusing", "拒绝说明", "拒絕說明", "Refusal"
    INTERVENTION = "intervention", "平台介入", "平台介入", "Platform intervention"
    RESOLVED = "resolved", "已解决/回访", "已解決/回訪", "Resolved / follow-up"


class CareStep(Labeled):
    """The seven steps of handling a complaint (seed after-sales FAQ), in order."""

    RESPOND_FAST = "respond_fast", "快速反应", "快速反應", "Respond fast"
    LISTEN = "listen", "耐心倾听", "耐心傾聽", "Listen"
    EXPLAIN = "explain", "必要解释", "必要解釋", "Explain"
    APOLOGISE = "apologise", "诚恳道歉", "誠懇道歉", "Apologise"
    OFFER_COMPENSATION = "offer_compensation", "提出补偿", "提出補償", "Offer compensation"
    ACT = "act", "采取补救", "採取補救", "Act"
    FOLLOW_UP = "follow_up", "跟进进度", "跟進進度", "Follow up"


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
