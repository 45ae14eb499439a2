"""Evidence add on a full or read-only disk: DiskError, no row, no half-written file."""

from __future__ import annotations

import errno
import os

import pytest

from shopdesk.domain.errors import DiskError

evidence_repo = pytest.importorskip("shopdesk.store.evidence_repo")  # the evidence area's


@pytest.mark.parametrize(
    ("call", "error"),
    [("replace", errno.ENOSPC), ("fsync", errno.ENOSPC), ("replace", errno.EROFS)],
)
def test_evidence_add_on_a_full_or_read_only_disk(demo_store, tmp_path, monkeypatch, call, error):
    photo = tmp_path / "破损.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(200_000))
    case_id = demo_store.list_cases()[0].id

    def fail(*args, **kwargs):
        raise OSError(error, os.strerror(error))

    monkeypatch.setattr(os, call, fail)
    with pytest.raises(DiskError) as raised:
        evidence_repo.add_file(demo_store, case_id, photo, "photo")
    monkeypatch.undo()
    assert "没有写入半个文件" in str(raised.value) or "磁盘" in str(raised.value)
    assert evidence_repo.list_evidence(demo_store, case_id) == []
    folder = evidence_repo.files_dir(demo_store)
    files = [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []
    assert files == []
