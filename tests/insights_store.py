"""A store built with known numbers for the insights: units, cases, causes and money per
product and courier, worked out by hand below (period: November 2026, China time).

Shop A (taobao) orders, paid (China time) / courier / lines:
  O1 11-03 中通  MUG-01 x2, 日式棉麻桌布 (no 商家编码) x1
  O2 11-05 中通  MUG-01 x3
  O3 11-10 顺丰  抽纸盒 (商家编码 `null`) x4, MUG-01 x1, MUG-01 x2 (one product, two lines)
  O4 11-30 23:30 顺丰  日式棉麻桌布 x5     (the last half hour of the period)
  O5 12-01 00:10 中通  MUG-01 x10          (after the period)
  O6 10-20 中通  MUG-01 x4                 (previous period)
  O8 10-31 23:50 中通  MUG-01 x6           (previous period; its case opens in November)
Shop B (jd): O7 11-06 中通 MUG-01 x7.

Cases (opened, China time):
  C1 O1 11-04 10:00 seller_defect   refund 39.00 + compensation 5.00; replied after 30 min;
     refunded 11-06 10:00 (48 h); platform intervened, ruled for the buyer
  C3 O3 11-12 22:50 courier_lost    asked 30.00, refund 20.00, courier claim 15.00 back;
     replied 09:20 next day (630 min, within the 60 service minutes); intervened, won
  C4 O1 11-20 10:00 courier_slow    compensation 3.00; replied after 180 min (late)
  C5 O8 11-02 09:00 buyer_changed_mind   never answered
  C9 O3 11-15 10:00 buyer_changed_mind, the return inspection finds line 1 (抽纸盒)
     defective (-> seller_defect, concerns only 抽纸盒); refund 10.00; agreed after 20 min
  C6 O5 12-01 08:00 (after the period)   C7 O6 10-25 seller_defect (previous period)
  C8 O7 11-07 seller_defect (shop B)
"""

from __future__ import annotations

import struct
import zlib
from datetime import UTC, datetime, timedelta

from shopdesk.domain.timeutil import china_to_text
from shopdesk.store import evidence_repo
from shopdesk.store.case_facts import add_money, record_inspection, set_outcome
from shopdesk.store.deadlines_repo import refresh_due

NOW = datetime(2026, 12, 2, 4, 0, tzinfo=UTC)
MUG, CLOTH, TISSUE = "MUG-01", "日式棉麻桌布", "抽纸盒"
ADDRESS = "浙江省 杭州市 西湖区 文三路 90 号"
# C1's chat: the buyer's words (with the phone and address to mask) and the reply at 10:30
CHAT = (
    f"买家O1 2026-11-04 10:10:00\n杯口有裂缝，电话 13912345678，寄到 {ADDRESS}\n\n"
    "小满家居:小美 2026-11-04 10:30:00\n亲，非常抱歉，马上为您处理\n"
)


def png(width: int = 40, height: int = 30, rgb: tuple[int, int, int] = (200, 60, 40)) -> bytes:
    """A small solid-colour PNG (a stand-in for a defect photo)."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def cn(text: str) -> str:
    return china_to_text(datetime.fromisoformat(text))


def build_known_store(store) -> dict[str, int]:
    shop_a = store.add_shop("小满家居", "taobao")
    shop_b = store.add_shop("别家店", "jd")
    orders: dict[str, int] = {}

    def order(name, shop, paid, courier, lines):
        saved = store.save_order(
            {
                "receiver_phone": "13912345678" if name == "O1" else "",
                "receiver_address": ADDRESS if name == "O1" else "",
                "shop_id": shop.id,
                "platform": shop.platform,
                "order_no": f"35153131473293579{len(orders):02d}",
                "paid_at": cn(paid),
                "courier": courier,
                "buyer_nick": f"买家{name}",
                "state": "shipped",
            }
        )
        for title, code, quantity in lines:
            store.add_order_line(
                saved.id, title, outer_code=code, quantity=quantity, price_fen=3900
            )
        orders[name] = saved.id

    order("O1", shop_a, "2026-11-03T10:00", "中通快递", [("马克杯", MUG, 2), (CLOTH, "", 1)])
    order("O2", shop_a, "2026-11-05T10:00", "中通快递", [("马克杯", MUG, 3)])
    order(
        "O3",
        shop_a,
        "2026-11-10T10:00",
        "顺丰速运",
        [(TISSUE, "null", 4), ("马克杯", MUG, 1), ("马克杯", MUG, 2)],
    )
    order("O4", shop_a, "2026-11-30T23:30", "顺丰速运", [(CLOTH, "", 5)])
    order("O5", shop_a, "2026-12-01T00:10", "中通快递", [("马克杯", MUG, 10)])
    order("O6", shop_a, "2026-10-20T10:00", "中通快递", [("马克杯", MUG, 4)])
    order("O7", shop_b, "2026-11-06T10:00", "中通快递", [("马克杯", MUG, 7)])
    order("O8", shop_a, "2026-10-31T23:50", "中通快递", [("马克杯", MUG, 6)])

    cases: dict[str, int] = {}

    def case(name, order_name, opened, cause, kind="refund_shipped", refund=0, reason=""):
        made = store.add_case(
            orders[order_name],
            kind,
            cn(opened),
            cause=cause,
            refund_fen=refund,
            reason=reason or "质量问题",
            description=f"{name} 的退款说明，电话 13912345678",
        )
        cases[name] = made.id
        return made.id

    def event(case_id, kind, at, **extra):
        store.add_event(case_id, kind, cn(at), **extra)

    c1 = case("C1", "O1", "2026-11-04T10:00", "seller_defect", refund=3900)
    event(c1, "replied", "2026-11-04T10:30")
    evidence_repo.add_chat(store, c1, CHAT.encode(), "聊天.txt", shop_names=("小满家居",), now=NOW)
    evidence_repo.add_bytes(store, c1, png(), "裂缝.png", "photo", caption="杯口裂缝", now=NOW)
    add_money(store, c1, "refund", "39", at=NOW)
    add_money(store, c1, "compensation", "5", at=NOW)
    event(c1, "platform_intervened", "2026-11-05T10:00")
    event(c1, "refunded", "2026-11-06T10:00")
    store.update_case(c1, closed_at=cn("2026-11-06T10:00"))
    set_outcome(store, c1, "ruled_for_buyer", at=NOW)

    c3 = case("C3", "O3", "2026-11-12T22:50", "courier_lost", refund=3000)
    event(c3, "replied", "2026-11-13T09:20")
    add_money(store, c3, "refund", "20", at=NOW)
    add_money(store, c3, "courier_claim", "15", at=NOW)
    event(c3, "platform_intervened", "2026-11-14T10:00")
    set_outcome(store, c3, "ruled_for_seller", at=NOW)

    c4 = case("C4", "O1", "2026-11-20T10:00", "courier_slow")
    event(c4, "replied", "2026-11-20T13:00")
    add_money(store, c4, "compensation", "3", at=NOW)

    case("C5", "O8", "2026-11-02T09:00", "buyer_changed_mind", reason="7天无理由退换货")

    c9 = case("C9", "O3", "2026-11-15T10:00", "buyer_changed_mind", kind="return_refund")
    event(c9, "seller_agreed", "2026-11-15T10:20")
    event(c9, "buyer_shipped_return", "2026-11-16T10:00")
    event(c9, "seller_received_return", "2026-11-18T10:00")
    record_inspection(store, c9, [(1, 3, 1, False)], at=NOW)
    add_money(store, c9, "refund", "10", at=NOW)

    case("C6", "O5", "2026-12-01T08:00", "seller_defect")
    case("C7", "O6", "2026-10-25T10:00", "seller_defect")
    case("C8", "O7", "2026-11-07T10:00", "seller_defect")
    refresh_due(store, case_ids=cases.values(), now=NOW)
    return {**cases, "shop_a": shop_a.id, "shop_b": shop_b.id}


def build_alert_store(store, cases: int, now: datetime) -> None:
    """200 cups sold two months ago, 10 in the last week with `cases` defect cases."""
    shop = store.add_shop("小满家居", "taobao")

    def order(no, paid_days_ago, quantity):
        paid = now - timedelta(days=paid_days_ago)
        saved = store.save_order(
            {
                "shop_id": shop.id,
                "platform": "taobao",
                "order_no": no,
                "paid_at": paid.strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
        )
        store.add_order_line(saved.id, "保温杯", outer_code="CUP-9", quantity=quantity)
        return saved.id

    order("9000000000000000001", 60, 200)
    recent = order("9000000000000000002", 3, 10)
    for i in range(cases):
        at = (now - timedelta(days=2, hours=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        store.add_case(recent, "refund_shipped", at, cause="seller_defect")
