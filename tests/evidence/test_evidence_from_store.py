"""A case in the store becomes a package request: facts, exhibits and the statement."""

from __future__ import annotations

from shopdesk.core import evidence_repo
from shopdesk.evidence.from_store import default_statement, request_for_case


def test_the_statement_is_the_appeal_template_filled_with_the_case(demo_store):
    case = next(c for c in demo_store.list_cases() if c.kind == "refund_shipped")
    order = demo_store.get_order(case.order_id)
    assert order.tracking_no
    text = default_statement(demo_store, case.id, "taobao-refund")
    assert order.order_no in text and order.tracking_no in text
    assert "待填" not in text and len(text.encode("utf-8")) <= 400


def test_without_the_facts_for_the_template_the_case_description_is_used(demo_store):
    case = next(c for c in demo_store.list_cases() if c.kind == "refund_shipped")
    demo_store.save_order(
        {"platform": case.platform, "order_no": case.order_no, "courier": "", "tracking_no": ""}
    )
    demo_store.update_case(case.id, description="买家称未收到货，物流显示已签收")
    assert default_statement(demo_store, case.id) == "买家称未收到货，物流显示已签收"


def test_a_request_carries_the_case_facts_and_the_picked_chat(demo_store, tmp_path):
    case = next(c for c in demo_store.list_cases() if c.kind == "return_refund")
    chat = (
        "买家甲 2026-11-20 10:01:02\n坏了\n\n店:客服 2026-11-20 10:02:00\n好的\n已读\n"
    ).encode()
    item = evidence_repo.add_chat(demo_store, case.id, chat, "chat.txt")
    evidence_repo.pick_messages(demo_store, item.id, [1])
    request = request_for_case(demo_store, case.id, "taobao-refund", mask=True)
    assert request.facts.order_no == case.order_no and request.facts.case_kind == "return_refund"
    assert [e.label for e in request.facts.timeline][0] == "买家申请"
    (exhibit,) = request.exhibits
    assert [m.text for m in exhibit.messages] == ["好的"]
    assert exhibit.path == evidence_repo.stored_path(demo_store, item.sha256)
