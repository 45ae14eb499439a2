"""Orders, cases and shops for the template tests (no store needed)."""

from __future__ import annotations

from shopdesk.domain.model import Case, CaseState, Event, EventKind, Order, ReplyStage, Shop

SHOP = Shop(
    id=1,
    name="小满家居",
    platform="taobao",
    return_address="浙江省杭州市余杭区五常街道文一西路 88 号 小满家居售后 0571-88886666",
    signature="小满家居 客服小满",
)

ORDER = Order(
    id=7,
    shop_id=1,
    platform="taobao",
    order_no="3912345678901234567",
    buyer_nick="tb_蓝色小猫",
    status="交易成功",
    state="success",
    item_titles="北欧风陶瓷马克杯 大容量办公室咖啡杯 350ml 送勺\n竹制杯垫",
    item_count=2,
    total_fen=5980,
    paid_fen=5480,
    courier="中通快递",
    tracking_no="78901234567890",
)

# A case in each reply stage: its state and the events that put it there.
STAGE_SETUP: dict[str, tuple[str, list[str]]] = {
    ReplyStage.OPENING.value: (CaseState.AWAITING_SELLER.value, []),
    ReplyStage.HANDLING.value: (CaseState.AWAITING_SELLER.value, [EventKind.REPLIED.value]),
    ReplyStage.RETURNING.value: (CaseState.AWAITING_RETURN.value, []),
    ReplyStage.REFUSING.value: (CaseState.REFUSED.value, []),
    ReplyStage.INTERVENTION.value: (CaseState.INTERVENTION.value, []),
    ReplyStage.RESOLVED.value: (CaseState.REFUNDED.value, []),
}


def make_case(kind: str, cause: str = "unknown", stage: str = "opening", **extra) -> Case:
    state, _ = STAGE_SETUP[stage]
    values = dict(
        id=11,
        order_id=ORDER.id,
        order_no=ORDER.order_no,
        platform="taobao",
        kind=kind,
        state=state,
        cause=cause,
        refund_fen=5480,
        reason="质量问题",
        opened_at="2026-11-26T02:00:00Z",
        next_due_at="2026-11-28T02:00:00Z",
    )
    values.update(extra)
    return Case(**values)


def stage_events(stage: str, case_id: int = 11) -> list[Event]:
    _, kinds = STAGE_SETUP[stage]
    return [
        Event(id=100 + n, case_id=case_id, kind=kind, at=f"2026-11-26T0{3 + n}:00:00Z")
        for n, kind in enumerate(kinds)
    ]
