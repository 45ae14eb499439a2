"""Evidence that heals: a stored file is named by the hash of the bytes actually stored,
and a copy that rotted is replaced when the same content arrives again (as Git does)."""

from __future__ import annotations

import builtins
import hashlib

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.store import evidence_repo

PHOTO = b"\xff\xd8\xff\xe0" + b"unboxing photo " * 200
CHAT = "林间小鹿 2026-11-20 10:01:02\n你好，耳机左边没有声音\n".encode()


@pytest.fixture
def case_id(demo_store):
    return demo_store.list_cases()[3].id


def stored_files(store) -> list:
    folder = evidence_repo.files_dir(store)
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def every_file_matches_its_name(store) -> bool:
    return all(hashlib.sha256(p.read_bytes()).hexdigest() == p.name for p in stored_files(store))


def test_adding_the_original_again_replaces_a_rotted_copy(demo_store, case_id, tmp_path):
    original = tmp_path / "开箱.jpg"
    original.write_bytes(PHOTO)
    item = evidence_repo.add_file(demo_store, case_id, original, "photo")
    stored = evidence_repo.stored_path(demo_store, item.sha256)
    stored.write_bytes(PHOTO[:100] + b"\x00" * 50)  # bit rot / a tool wrote over it
    with pytest.raises(InputError, match="已被改动"):
        evidence_repo.check_stored(demo_store, item)

    again = evidence_repo.add_file(demo_store, case_id, original, "photo")
    assert again.id == item.id  # still one item: the file under it is whole again
    assert stored.read_bytes() == PHOTO
    assert evidence_repo.check_stored(demo_store, item) == stored
    assert [p.name for p in stored_files(demo_store)] == [item.sha256]  # layout unchanged
    # The healed copy is good now: the next arrival leaves it (and its inode) alone.
    inode = stored.stat().st_ino
    evidence_repo.add_file(demo_store, demo_store.list_cases()[0].id, original, "shipping")
    assert stored.stat().st_ino == inode


def test_pasting_the_same_chat_again_replaces_its_rotted_copy(demo_store, case_id):
    item = evidence_repo.add_chat(demo_store, case_id, CHAT)
    stored = evidence_repo.stored_path(demo_store, item.sha256)
    stored.unlink()
    stored.write_bytes(b"")  # truncated to nothing
    evidence_repo.add_chat(demo_store, case_id, CHAT)
    assert stored.read_bytes() == CHAT


def _rewrite_after_first_close(monkeypatch, source, new_bytes):
    """The source file is rewritten (a photo app saving again) once the first reader of
    it closes: whatever read it before and reads it again sees other bytes."""
    real_open = builtins.open
    state = {"rewritten": False}

    class Handle:
        def __init__(self, handle):
            self._handle = handle

        def __getattr__(self, name):
            return getattr(self._handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._handle.close()
            if not state["rewritten"]:
                state["rewritten"] = True
                with real_open(source, "wb") as out:
                    out.write(new_bytes)

    def fake_open(path, mode="r", *args, **kwargs):
        handle = real_open(path, mode, *args, **kwargs)
        if str(path) == str(source) and "r" in mode:
            return Handle(handle)
        return handle

    monkeypatch.setattr(evidence_repo, "open", fake_open, raising=False)


def test_a_source_changed_between_reads_is_stored_under_the_hash_of_what_was_stored(
    demo_store, case_id, tmp_path, monkeypatch
):
    source = tmp_path / "截图.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + b"first version" * 100)
    _rewrite_after_first_close(monkeypatch, source, b"\x89PNG\r\n\x1a\n" + b"edited" * 10)
    item = evidence_repo.add_file(demo_store, case_id, source, "photo")
    monkeypatch.undo()
    stored = evidence_repo.stored_path(demo_store, item.sha256)
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == item.sha256
    assert item.bytes == len(stored.read_bytes())
    assert every_file_matches_its_name(demo_store)
    assert evidence_repo.check_stored(demo_store, item) == stored  # the package would build


def test_a_source_that_changes_while_being_copied_is_refused_and_nothing_is_stored(
    demo_store, case_id, tmp_path, monkeypatch
):
    source = tmp_path / "录屏.mp4"
    source.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"v" * (3 << 20))  # three read chunks
    real_open = builtins.open

    class Growing:
        """Reads the file while the recorder is still appending to it."""

        def __init__(self, handle):
            self._handle = handle
            self._reads = 0

        def __getattr__(self, name):
            return getattr(self._handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._handle.close()

        def read(self, size=-1):
            self._reads += 1
            if self._reads == 2:
                with real_open(source, "ab") as out:
                    out.write(b"more frames" * 1000)
            return self._handle.read(size)

    def fake_open(path, mode="r", *args, **kwargs):
        handle = real_open(path, mode, *args, **kwargs)
        return Growing(handle) if str(path) == str(source) and "r" in mode else handle

    monkeypatch.setattr(evidence_repo, "open", fake_open, raising=False)
    with pytest.raises(InputError, match="录屏.mp4.*添加过程中被改动"):
        evidence_repo.add_file(demo_store, case_id, source, "video")
    monkeypatch.undo()
    assert evidence_repo.list_evidence(demo_store, case_id) == []
    assert stored_files(demo_store) == []  # no file, not even a temporary one


def test_evidence_for_a_case_that_does_not_exist_stores_no_file(demo_store, tmp_path):
    source = tmp_path / "a.jpg"
    source.write_bytes(PHOTO)
    with pytest.raises(Exception, match="没有编号为 999999"):
        evidence_repo.add_file(demo_store, 999999, source, "photo")
    assert stored_files(demo_store) == []
