"""What a package is built from: the case's facts and its exhibits, independent of the
store (the core's evidence repo turns a case into a PackageRequest)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from shopdesk.domain.evidence_checklist import reading_rank
from shopdesk.evidence.profiles import Profile
from shopdesk.platforms import registry
from shopdesk.platforms.chatlog import ChatMessage


@dataclass(frozen=True)
class TimelineEntry:
    at: str  # UTC ISO-8601
    label: str
    note: str = ""


@dataclass(frozen=True)
class CaseFacts:
    case_id: int
    order_no: str
    shop_name: str = ""
    platform: str = field(default_factory=registry.default_id)
    case_kind: str = ""  # CaseKind id
    case_state: str = ""  # CaseState id
    buyer_nick: str = ""
    receiver_phone: str = ""
    receiver_address: str = ""
    item_titles: str = ""
    refund_fen: int = 0
    reason: str = ""
    opened_at: str | None = None
    timeline: tuple[TimelineEntry, ...] = ()


@dataclass(frozen=True)
class Exhibit:
    kind: str  # EvidenceKind id
    file_name: str
    path: Path  # the stored file (content-addressed in the store's folder)
    sha256: str
    bytes: int
    mime: str = ""
    caption: str = ""
    captured_at: str | None = None
    messages: tuple[ChatMessage, ...] = ()  # chat: the messages the seller picked
    evidence_id: int | None = None

    @property
    def is_pdf(self) -> bool:
        return self.mime == "application/pdf" or self.file_name.lower().endswith(".pdf")

    @property
    def is_image(self) -> bool:
        suffix = Path(self.file_name).suffix.lower()
        return self.mime.startswith("image/") or suffix in IMAGE_SUFFIXES

    @property
    def reading_rank(self) -> int:
        return reading_rank(self.kind)


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".heic", ".tif", ".tiff")


@dataclass(frozen=True)
class PackageRequest:
    facts: CaseFacts
    exhibits: tuple[Exhibit, ...]
    statement: str
    profile: Profile
    mask: bool = False
    as_zip: bool = False
    extra: dict = field(default_factory=dict, compare=False)
    # required evidence kinds (EvidenceKind ids) the package holds none of, with why
    # each is expected: the summary says they are not included
    missing: tuple[tuple[str, str], ...] = ()

    def ordered_exhibits(self) -> list[Exhibit]:
        """Reading order: by kind (chat first), then capture time, then as given."""
        indexed = list(enumerate(self.exhibits))
        indexed.sort(key=lambda p: (p[1].reading_rank, p[1].captured_at or "", p[0]))
        return [e for _, e in indexed]
