"""Evidence kept with its case: files copied into the store's own folder under their
SHA-256 (`<store>.files/<sha[:2]>/<sha256>`), written and fsynced before the row is
inserted, so a row never points at a file that is not on disk. The same file twice is
stored once; deleting the original loses nothing. Chat logs are `chat` evidence whose
parsed messages (and the seller's pick) live in the row's `data`."""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
import secrets
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from shopdesk.domain import input_budget, paths
from shopdesk.domain.errors import DiskError, InputError, NotFoundError
from shopdesk.domain.exif_time import capture_time
from shopdesk.domain.messages import Message
from shopdesk.domain.model import Evidence, EvidenceKind
from shopdesk.domain.timeutil import now_text, to_text
from shopdesk.platforms import chatlog
from shopdesk.store.safeio import fsync_dir
from shopdesk.store.store import Store

_CHUNK = 1 << 20
_EXIF_HEAD = 256 * 1024  # EXIF sits in the first segments of a JPEG
_COLUMNS = "id, case_id, kind, sha256, file_name, mime, bytes, caption, captured_at, added_at"
_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF8", "image/gif"),
    (b"%PDF", "application/pdf"),
    (b"BM", "image/bmp"),
)


def files_dir(store: Store) -> Path:
    return paths.evidence_dir(store.path)


def stored_path(store: Store, sha256: str) -> Path:
    return files_dir(store) / sha256[:2] / sha256


def sniff_mime(head: bytes, file_name: str) -> str:
    for magic, mime in _MAGIC:
        if head.startswith(magic):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "image/heic" if brand in (b"heic", b"heix", b"mif1") else "video/mp4"
    guessed, _ = mimetypes.guess_type(file_name)
    return guessed or "application/octet-stream"


class _SourceChanged(Exception):
    """The source file changed while it was being copied."""


class _SourceUnreadable(Exception):
    """Reading the source file failed (its OSError is the argument): the seller's file,
    not the store's disk."""


def _hash_path(path: Path) -> str | None:
    """SHA-256 of a file's bytes, None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _write_incoming(store: Store, chunks: Iterable[bytes]) -> tuple[Path, str, int, bytes]:
    """Copy the content into a temporary file in the evidence folder, hashing the bytes as
    they are written: the name it gets is the hash of what was stored, whatever the source
    did meanwhile. Returns (temporary file, sha256, size, first bytes)."""
    folder = files_dir(store)
    part = folder / f"incoming-{secrets.token_hex(8)}.part-{os.getpid()}"
    digest = hashlib.sha256()
    size = 0
    head = b""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(part, "wb") as out:
            for chunk in chunks:
                if not head:
                    head = chunk[:64]
                out.write(chunk)
                digest.update(chunk)
                size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return part, digest.hexdigest(), size, head


def _settle(store: Store, part: Path, sha256: str) -> Path:
    """Put the verified temporary file at its SHA-256 name. A file already there stays when
    its bytes match its name; a copy that rotted is replaced by this good one (as Git
    does with a bad object)."""
    target = stored_path(store, sha256)
    if target.is_file() and _hash_path(target) == sha256:
        part.unlink(missing_ok=True)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(part, target)
    fsync_dir(target.parent)
    return target


def _store_content(store: Store, chunks: Iterable[bytes]) -> tuple[str, int, bytes]:
    """Store content under the hash of the bytes written. Returns (sha256, size, head)."""
    part = None
    try:
        part, sha256, size, head = _write_incoming(store, chunks)
        if size:
            _settle(store, part, sha256)
        return sha256, size, head
    except OSError as exc:
        raise DiskError("evidence.cannot_store", reason=exc.strerror or exc) from None
    finally:
        if part is not None:
            part.unlink(missing_ok=True)


def _source_chunks(source: Path) -> Iterator[bytes]:
    """The bytes of `source`; a read error raises _SourceUnreadable, a file that changed
    while being read _SourceChanged. (The consumer's own write errors never pass through
    here: they are raised in its frame, not at the yield.)"""
    try:
        with open(source, "rb") as handle:
            before = os.fstat(handle.fileno())
            while chunk := handle.read(_CHUNK):
                yield chunk
            after = os.stat(source)
    except OSError as exc:
        raise _SourceUnreadable(exc) from None
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        raise _SourceChanged()


def _check_kind(kind: str) -> str:
    try:
        return EvidenceKind.parse(kind).value
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _insert(
    store: Store,
    case_id: int,
    kind: str,
    sha256: str,
    file_name: str,
    mime: str,
    size: int,
    caption: str,
    captured_at: str | None,
    data: dict | None,
    now: datetime | None,
) -> Evidence:
    store.get_case(case_id)  # NotFoundError for a case that does not exist
    existing = list(
        store.db.query(
            f"SELECT {_COLUMNS} FROM evidence WHERE case_id = ? AND sha256 = ? AND kind = ?",
            [case_id, sha256, kind],
        )
    )
    if existing:
        return Evidence(**existing[0])
    added = to_text(now) if now else now_text()
    with store.transaction():
        cursor = store.db.execute(
            "INSERT INTO evidence (case_id, kind, sha256, file_name, mime, bytes, caption, "
            "captured_at, added_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                case_id,
                kind,
                sha256,
                file_name,
                mime,
                size,
                caption,
                captured_at,
                added,
                json.dumps(data or {}, ensure_ascii=False),
            ],
        )
    return get_evidence(store, cursor.lastrowid)


def add_file(
    store: Store,
    case_id: int,
    source: str | Path,
    kind: str,
    *,
    caption: str = "",
    captured_at: str | None = None,
    now: datetime | None = None,
) -> Evidence:
    """Copy a file into the store's folder and attach it to the case. The capture time
    defaults to the photo's EXIF time, else the file's modification time."""
    source = Path(source)
    kind = _check_kind(kind)
    input_budget.check_evidence_file(source)  # a regular file within the size budget
    store.get_case(case_id)  # before any byte is stored
    try:
        sha256, size, head = _store_content(store, _source_chunks(source))
    except _SourceUnreadable as exc:
        error = exc.args[0]
        raise InputError(
            "evidence.unreadable", file=source, reason=error.strerror or error
        ) from None
    except _SourceChanged:
        raise InputError("evidence.changed_while_added", file=source) from None
    if size == 0:
        raise InputError("evidence.empty_file", file=source)
    mime = sniff_mime(head, source.name)
    stored = stored_path(store, sha256)
    if captured_at is None and mime == "image/jpeg":
        with open(stored, "rb") as handle:  # the stored bytes, not a source that may change
            captured_at = capture_time(handle.read(_EXIF_HEAD))
    if captured_at is None:
        captured_at = to_text(datetime.fromtimestamp(source.stat().st_mtime, UTC))
    return _insert(
        store, case_id, kind, sha256, source.name, mime, size, caption, captured_at, None, now
    )


def add_bytes(
    store: Store,
    case_id: int,
    data: bytes,
    file_name: str,
    kind: str,
    *,
    caption: str = "",
    captured_at: str | None = None,
    now: datetime | None = None,
    extra: dict | None = None,
) -> Evidence:
    """Attach content that has no file of its own (an image pasted from the clipboard)."""
    kind = _check_kind(kind)
    if not data:
        raise InputError("evidence.empty_content", file=file_name)
    store.get_case(case_id)  # before any byte is stored
    sha256, _, _ = _store_content(store, [data])
    mime = sniff_mime(data[:64], file_name)
    stamp = captured_at or (to_text(now) if now else now_text())
    return _insert(
        store, case_id, kind, sha256, file_name, mime, len(data), caption, stamp, extra, now
    )


def add_chat(
    store: Store,
    case_id: int,
    raw: bytes,
    file_name: str = str(Message("evidence.chat_file_name")),
    *,
    caption: str = "",
    shop_names: tuple[str, ...] = (),
    now: datetime | None = None,
) -> Evidence:
    """A copied conversation (file or pasted text, either shape) as `chat` evidence with
    its parsed messages; every message is picked until the seller unpicks some."""
    messages = _parse_chat_within_budget(raw, file_name, shop_names)
    if not messages:
        raise InputError("evidence.no_messages", file=file_name)
    last = max((m.at for m in messages if m.at), default=None)
    data = {"messages": chatlog.to_data(messages), "picked": list(range(len(messages)))}
    return add_bytes(
        store,
        case_id,
        raw,
        file_name,
        EvidenceKind.CHAT.value,
        caption=caption or str(Message("evidence.chat_caption", n=len(messages))),
        captured_at=last,
        now=now,
        extra=data,
    )


def _parse_chat_within_budget(raw: bytes, file_name: str, shop_names: tuple[str, ...]) -> list:
    """Bytes, characters and messages are each held to a budget (input_budget)."""
    input_budget.check_chat_bytes(raw, file_name)
    try:
        text = chatlog.decode(raw)
        input_budget.check_chat_text(text, file_name)
        messages = chatlog.parse(text, shop_names)
    except chatlog.ChatLogError as exc:
        raise InputError("import.open.failed", file=file_name, reason=exc.message) from None
    input_budget.check_chat_messages(len(messages), file_name)
    return messages


def get_evidence(store: Store, evidence_id: int) -> Evidence:
    rows = list(store.db.query(f"SELECT {_COLUMNS} FROM evidence WHERE id = ?", [evidence_id]))
    if not rows:
        raise NotFoundError("evidence.not_found", id=evidence_id)
    return Evidence(**rows[0])


def list_evidence(store: Store, case_id: int) -> list[Evidence]:
    rows = store.db.query(
        f"SELECT {_COLUMNS} FROM evidence WHERE case_id = ? ORDER BY id", [case_id]
    )
    return [Evidence(**r) for r in rows]


def evidence_data(store: Store, evidence_id: int) -> dict:
    row = store.db.execute("SELECT data FROM evidence WHERE id = ?", [evidence_id]).fetchone()
    if row is None:
        raise NotFoundError("evidence.not_found", id=evidence_id)
    return json.loads(row[0] or "{}")


def chat_messages(store: Store, evidence_id: int, picked_only: bool = True) -> list:
    """The parsed messages of a chat log (by default only those the seller picked)."""
    data = evidence_data(store, evidence_id)
    messages = chatlog.from_data(data.get("messages", []))
    if not picked_only:
        return messages
    picked = data.get("picked")
    if picked is None:
        return messages
    return [messages[i] for i in picked if 0 <= i < len(messages)]


def case_chat_messages(store: Store, case_id: int) -> list:
    """Every message of every chat log of a case (picked or not), in one query: who
    spoke last is what the reply clock needs."""
    messages: list = []
    for (data,) in store.db.execute(
        "SELECT data FROM evidence WHERE case_id = ? AND kind = 'chat'", [case_id]
    ):
        try:
            messages += chatlog.from_data(json.loads(data or "{}").get("messages", []))
        except (ValueError, TypeError, KeyError):
            continue  # a damaged row: the clock goes by the timeline alone
    return messages


def pick_messages(store: Store, evidence_id: int, picked: list[int]) -> None:
    data = evidence_data(store, evidence_id)
    count = len(data.get("messages", []))
    bad = [i for i in picked if not 0 <= i < count]
    if bad:
        raise InputError("evidence.no_such_message", number=bad[0] + 1, count=count)
    data["picked"] = sorted(set(picked))
    store.db.execute(
        "UPDATE evidence SET data = ? WHERE id = ?",
        [json.dumps(data, ensure_ascii=False), evidence_id],
    )


def update_evidence(
    store: Store, evidence_id: int, *, caption: str | None = None, kind: str | None = None
) -> Evidence:
    get_evidence(store, evidence_id)
    if caption is not None:
        store.db.execute("UPDATE evidence SET caption = ? WHERE id = ?", [caption, evidence_id])
    if kind is not None:
        store.db.execute(
            "UPDATE evidence SET kind = ? WHERE id = ?", [_check_kind(kind), evidence_id]
        )
    return get_evidence(store, evidence_id)


def remove_evidence(store: Store, evidence_id: int) -> None:
    """Detach an item; its file goes when no other item uses it."""
    item = get_evidence(store, evidence_id)
    store.db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
    still_used = store.db.execute(
        "SELECT count(*) FROM evidence WHERE sha256 = ?", [item.sha256]
    ).fetchone()[0]
    if not still_used:
        stored_path(store, item.sha256).unlink(missing_ok=True)


def check_stored(store: Store, item: Evidence) -> Path:
    """The stored file of an item; InputError when it is gone or was changed on disk."""
    path = stored_path(store, item.sha256)
    if not path.is_file():
        raise InputError("evidence.stored_file_gone", file=item.file_name, path=path)
    if _hash_path(path) != item.sha256:
        raise InputError("evidence.stored_file_changed", file=item.file_name)
    return path
