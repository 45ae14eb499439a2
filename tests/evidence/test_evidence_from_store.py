"""A case in the store becomes a package request: facts, exhibits and the statement."""

from __future__ import annotations

from shopdesk.evidence.from_store import default_statement, request_for_case
from shopdesk.evidence.profiles import load_profiles
from shopdesk.platforms import chatlog
from shopdesk.store import evidence_repo

# What a statement may not say unless the package shows it: exhibits, kinds of evidence
# and what they would prove.
CLAIMS = ("附件", "照片", "物流", "轨迹", "称重", "检验", "发票", "凭证", "授权", "检测", "视频", "截图", "快照")  # fmt: skip
CHAT_LOG = "买家甲 2026-11-20 10:01:02\n一直没收到\n\n店:客服 2026-11-20 10:02:00\n在查\n已读\n"


def _undelivered_case(store):
    return next(
        c
        for c in store.list_cases()
        if c.kind == "refund_shipped" and "未送达" in c.reason and c.state == "awaiting_seller"
    )


def test_with_no_evidence_no_profiles_statement_claims_an_exhibit(demo_store):
    case = _undelivered_case(demo_store)
    for profile in load_profiles():
        text = default_statement(demo_store, case.id, profile)
        assert case.order_no in text and "快递一直未送达" in text
        assert [w for w in CLAIMS if w in text] == [], (profile, text)


def test_a_case_with_only_chat_logs_claims_nothing_else(demo_store):
    case = _undelivered_case(demo_store)
    evidence_repo.add_chat(demo_store, case.id, CHAT_LOG.encode(), "chat.txt")
    for profile in load_profiles().values():
        text = default_statement(demo_store, case.id, profile.id)
        assert "见附件 1：聊天记录" in text, (profile.id, text)
        rest = text.replace("附件 1：聊天记录", "")
        assert [w for w in CLAIMS if w in rest] == [], (profile.id, text)
        assert not profile.text_limit or profile.text_size(text) <= profile.text_limit


def test_every_exhibit_is_named_and_the_statement_is_cut_to_the_limit(gui, demo_store):
    from tests.evidence.evidence_fixtures import draw_photo, jpeg_bytes

    case = _undelivered_case(demo_store)
    demo_store.update_case(case.id, cause="courier_lost")
    evidence_repo.add_chat(demo_store, case.id, CHAT_LOG.encode(), "chat.txt")
    for index, kind in enumerate(("shipping", "photo", "weight", "invoice", "photo")):
        evidence_repo.add_bytes(
            demo_store, case.id, jpeg_bytes(draw_photo(40 + index, 30)), f"{index}.jpg", kind
        )
    roomy = default_statement(demo_store, case.id, "tmall-return-refuse")
    for ref in ("附件 1：聊天记录", "附件 2：物流记录", "附件 3、4：照片", "附件 5：称重记录", "附件 6：发票/购货凭证"):  # fmt: skip
        assert ref in roomy, roomy
    assert "快递丢件" in roomy  # the seller's reading of the cause, backed by the trace
    tight = default_statement(demo_store, case.id, "taobao-refund")
    assert len(tight.encode("utf-8")) <= 400 and "附件 2：物流记录" in tight


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


def _summary_text(package) -> str:
    import subprocess

    done = subprocess.run(
        ["pdftotext", str(package / "summary.pdf"), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def test_the_package_timeline_leaves_the_sellers_bookkeeping_at_home(gui, demo_store, tmp_path):
    from shopdesk.domain.timeutil import from_text
    from shopdesk.evidence.from_store import pack_case
    from shopdesk.services.case_steps import add_case_event, undo_last
    from shopdesk.store import templates_repo

    case = next(
        c
        for c in demo_store.list_cases()
        if c.kind == "refund_shipped" and c.state == "awaiting_seller"
    )
    templates_repo.record_copy(demo_store, case.id, "appeal_statement")
    at = from_text(demo_store.events(case.id)[-1].at)
    add_case_event(demo_store, case.id, "note", at, note="买家难缠，别再退", now=at)
    add_case_event(demo_store, case.id, "seller_agreed", at, now=at)
    undo_last(demo_store, case.id, now=at)
    demo_store.add_event(
        case.id, "platform_intervened", "2026-11-28T03:00:00Z", note="导出时已是此状态（平台未给出具体时间）",
        source="platform", data={"export_stamp": "2026-11-28T03:00:00Z"},
    )  # fmt: skip
    chat = "买家甲 2026-11-20 10:01:02\n没收到\n\n店:客服 2026-11-20 10:02:00\n在查\n已读\n"
    evidence_repo.add_chat(demo_store, case.id, chat.encode(), "chat.txt")

    timeline = request_for_case(demo_store, case.id, "taobao-refund").facts.timeline
    labels = [e.label for e in timeline]
    assert labels[0] == "买家申请" and labels[-1] == "小二介入"
    assert not {"已回复", "备注", "更正", "卖家同意"} & set(labels)
    assert timeline[-1].at == "" and timeline[-1].note == ""

    result = pack_case(
        demo_store.path, case.id, "taobao-refund", tmp_path / "out", statement="说明"
    )
    text = _summary_text(result.package)
    for leak in (
        "使用模板",
        "已回复",
        "买家难缠",
        "撤销",
        "导出时已是此状态",
        "平台未给出具体时间",
    ):
        assert leak not in text, leak
    assert "小二介入" in text and "具体时间以平台记录为准" in text


def test_a_chat_exhibit_is_headed_by_what_the_chat_says_not_the_case(demo_store):
    from shopdesk.evidence.package import chat_heading

    case = next(c for c in demo_store.list_cases() if c.kind == "refund_shipped")
    chat = "tb5528190347 2026-11-20 10:01:02\n订单号4428265436565263618没到\n\n店:客服 2026-11-20 10:02:00\n在查\n已读\n"
    evidence_repo.add_chat(demo_store, case.id, chat.encode(), "chat.txt")
    (exhibit,) = request_for_case(demo_store, case.id, "taobao-refund").exhibits
    title, order_no = chat_heading(list(exhibit.messages))
    assert order_no == "4428265436565263618" != case.order_no
    assert title == "聊天记录　买家 tb5528190347"
    # a chat that names no order gets no order number in its header
    quiet = "tb5528190347 2026-11-20 10:01:02\n没到\n"
    assert chat_heading(chatlog.parse(quiet)) == ("聊天记录　买家 tb5528190347", "")


def test_a_package_of_chosen_items_claims_only_those(gui, demo_store):
    from tests.evidence.evidence_fixtures import draw_photo, jpeg_bytes

    case = _undelivered_case(demo_store)
    chat = evidence_repo.add_chat(demo_store, case.id, CHAT_LOG.encode(), "chat.txt")
    evidence_repo.add_bytes(
        demo_store, case.id, jpeg_bytes(draw_photo(40, 30)), "物流.jpg", "shipping"
    )
    everything = request_for_case(demo_store, case.id, "taobao-refund").statement
    assert "附件 2：物流记录" in everything
    chosen = request_for_case(demo_store, case.id, "taobao-refund", only=[chat.id]).statement
    assert "附件 1：聊天记录" in chosen and "物流" not in chosen
