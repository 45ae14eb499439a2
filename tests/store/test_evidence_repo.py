"""Evidence kept with its case: content-addressed, fsynced before the row, stored once."""

from __future__ import annotations

import pytest

from shopdesk.domain.errors import InputError, NotFoundError
from shopdesk.domain.evidence_checklist import checklist, missing
from shopdesk.store import evidence_repo

CHAT = (
    "林间小鹿 2026-11-20 10:01:02\n你好，耳机左边没有声音\n\n"
    "小满家居生活馆:小美 2026-11-20 10:01:30\n亲，请拍个视频\n已读\n\n"
    "林间小鹿 2026-11-20 10:02:00\n好的\n"
)


@pytest.fixture
def case_id(demo_store):
    return demo_store.list_cases()[8].id


def test_a_file_is_copied_under_its_sha256_and_survives_the_original(
    demo_store, case_id, tmp_path, now
):
    original = tmp_path / "开箱.jpg"
    original.write_bytes(b"\xff\xd8\xff\xe0" + b"photo" * 100)
    item = evidence_repo.add_file(demo_store, case_id, original, "photo", caption="开箱", now=now)
    stored = evidence_repo.stored_path(demo_store, item.sha256)
    assert stored.parent.name == item.sha256[:2] and stored.name == item.sha256
    assert stored.parent.parent.name == demo_store.path.name + ".files"
    assert item.mime == "image/jpeg" and item.bytes == 504 and item.caption == "开箱"
    original.unlink()
    assert stored.read_bytes().startswith(b"\xff\xd8\xff")
    assert evidence_repo.check_stored(demo_store, item) == stored


def test_the_same_file_twice_is_stored_once(demo_store, case_id, tmp_path):
    a = tmp_path / "a.png"
    a.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 50)
    b = tmp_path / "copy of a.png"
    b.write_bytes(a.read_bytes())
    first = evidence_repo.add_file(demo_store, case_id, a, "photo")
    again = evidence_repo.add_file(demo_store, case_id, b, "photo")
    other_case = demo_store.list_cases()[0].id
    elsewhere = evidence_repo.add_file(demo_store, other_case, b, "shipping")
    assert again.id == first.id
    assert elsewhere.id != first.id and elsewhere.sha256 == first.sha256
    files = [p for p in evidence_repo.files_dir(demo_store).rglob("*") if p.is_file()]
    assert len(files) == 1
    evidence_repo.remove_evidence(demo_store, first.id)
    assert evidence_repo.stored_path(demo_store, first.sha256).exists()  # still used
    evidence_repo.remove_evidence(demo_store, elsewhere.id)
    assert not evidence_repo.stored_path(demo_store, first.sha256).exists()


def test_a_changed_stored_file_is_noticed(demo_store, case_id, tmp_path):
    source = tmp_path / "x.pdf"
    source.write_bytes(b"%PDF-1.4 hello")
    item = evidence_repo.add_file(demo_store, case_id, source, "invoice")
    evidence_repo.stored_path(demo_store, item.sha256).write_bytes(b"%PDF-1.4 HELLO")
    with pytest.raises(InputError, match="SHA-256"):
        evidence_repo.check_stored(demo_store, item)


def test_a_chat_log_keeps_its_parsed_messages_and_the_sellers_pick(demo_store, case_id, now):
    item = evidence_repo.add_chat(demo_store, case_id, CHAT.encode("gb18030"), "chat.txt", now=now)
    assert item.kind == "chat" and item.captured_at == "2026-11-20T02:02:00Z"
    messages = evidence_repo.chat_messages(demo_store, item.id)
    assert [m.sender for m in messages] == ["林间小鹿", "小满家居生活馆:小美", "林间小鹿"]
    assert messages[1].is_seller and messages[1].text == "亲，请拍个视频"
    evidence_repo.pick_messages(demo_store, item.id, [0, 1])
    assert len(evidence_repo.chat_messages(demo_store, item.id)) == 2
    assert len(evidence_repo.chat_messages(demo_store, item.id, picked_only=False)) == 3
    with pytest.raises(InputError):
        evidence_repo.pick_messages(demo_store, item.id, [5])


def test_not_a_chat_log_and_unknown_ids_are_refused(demo_store, case_id, tmp_path):
    with pytest.raises(InputError, match="不是千牛"):
        evidence_repo.add_chat(demo_store, case_id, b"hello world", "x.txt")
    with pytest.raises(InputError, match="不认识“selfie”，可用：.*photo（照片）"):
        evidence_repo.add_bytes(demo_store, case_id, b"abc", "a.bin", "selfie")
    with pytest.raises(NotFoundError):
        evidence_repo.add_bytes(demo_store, 99999, b"abc", "a.bin", "other")
    assert list(evidence_repo.files_dir(demo_store).rglob("*.part-*")) == []


def test_the_checklist_shows_what_a_case_still_lacks():
    assert missing("complaint_counterfeit", ["chat"], required_only=True) == [
        "invoice",
        "authorization",
        "test_report",
    ]
    items = checklist("refund_shipped", ["shipping", "shipping", "chat"])
    assert [(i.kind, i.have) for i in items][:2] == [("shipping", 2), ("chat", 1)]
    assert missing("refund_shipped", ["shipping", "chat"]) == ["photo", "weight"]
