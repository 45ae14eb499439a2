"""Evidence packages: plan (fit everything, refuse before writing), build (to a temporary
name, then rename; Cancel leaves nothing) and verify (every file against the manifest).

Layout of a package (a folder or a zip of it):
  upload/01-chat-1.jpg ...   numbered in the order a reviewer reads them
  statement.txt              the appeal statement, within the profile's limit
  summary.pdf                cover, timeline, exhibit index, chat excerpts
  originals/01-<name>        the seller's files as kept in the store (not when masked)
  manifest.json              every file: path, kind, role, bytes, sha256, captured_at
The upload images and statement.txt are byte-for-byte the same for the same inputs.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import zipfile
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from PySide6.QtGui import QImage

from shopdesk.domain.errors import DiskError, InputError
from shopdesk.domain.messages import Message
from shopdesk.domain.model import EvidenceKind
from shopdesk.domain.timeutil import now_text
from shopdesk.evidence import budgets, chatrender, pdfpages, qtenv, reviewer
from shopdesk.evidence.fitting import FitError, Fitted, fit_image, load_image, scaled
from shopdesk.evidence.masking import Masker
from shopdesk.evidence.packmodel import Exhibit, PackageRequest
from shopdesk.evidence.summary import ExhibitRow, claim_pdf, cover_rows, write_summary
from shopdesk.platforms import chatlog
from shopdesk.store.safeio import sweep_temp_files
from shopdesk.store.winsafe import winsafe_filename

FORMAT = "shopdesk-evidence-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
THUMB_SIDE = 300

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class PackCancelled(Exception):
    """The seller cancelled; nothing was left behind."""


@dataclass(frozen=True)
class UploadImage:
    name: str  # path inside the package, e.g. upload/01-chat-1.jpg
    data: bytes
    exhibit: int  # index in Plan.exhibits
    label: str


@dataclass
class Plan:
    request: PackageRequest
    exhibits: list[Exhibit]
    uploads: list[UploadImage] = field(default_factory=list)
    statement: str = ""
    problems: list[str] = field(default_factory=list)  # Messages: the seller reads them
    notes: list[str] = field(default_factory=list)  # Messages, into the summary in zh-CN
    thumbnails: dict[int, QImage] = field(default_factory=dict)
    chats: list[tuple[str, list]] = field(default_factory=list)

    @property
    def fits(self) -> bool:
        return not self.problems

    @property
    def statement_chars(self) -> int:
        return len(self.statement)

    @property
    def statement_bytes(self) -> int:
        return len(self.statement.encode("utf-8"))

    @property
    def upload_bytes(self) -> int:
        return sum(len(u.data) for u in self.uploads)


def _noop_progress(done: int, total: int) -> None:
    return None


def _never() -> bool:
    return False


def masker_for(request: PackageRequest) -> Masker:
    facts = request.facts
    return Masker(request.mask, facts.receiver_phone, facts.receiver_address)


def normalise_statement(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip()


def check_statement(statement: str, profile) -> list[Message]:
    problems = []
    size = profile.text_size(statement)
    unit = Message("pack.unit.bytes" if profile.text_unit == "bytes" else "pack.unit.chars")
    if profile.text_limit and size > profile.text_limit:
        problems.append(
            Message(
                "pack.statement.too_long",
                size=size,
                unit=unit,
                profile=profile,
                limit=profile.text_limit,
            )
        )
    if profile.text_min and size < profile.text_min:
        problems.append(
            Message("pack.statement.too_short", min=profile.text_min, unit=unit, size=size)
        )
    return problems


def safe_file_name(name: str, fallback: str = "file") -> str:
    """A file name that cannot leave its folder (no directories, no drive, no `..`) and
    that Windows accepts (store/winsafe.py)."""
    return winsafe_filename(name, fallback)


def is_safe_member(name: str) -> bool:
    """A package path that stays inside the package root."""
    if not name or "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return False
    parts = PurePosixPath(name).parts
    return all(part not in ("..", ".", "") for part in parts)


def plan_package(
    request: PackageRequest,
    on_progress: Progress = _noop_progress,
    cancelled: Cancelled = _never,
) -> Plan:
    """Fit every exhibit to the profile; problems (which item, why) instead of writing."""
    qtenv.ensure_gui()  # Qt takes the thread of its first object as main: not a worker's
    profile = request.profile
    mask = masker_for(request)
    plan = Plan(request, request.ordered_exhibits())
    plan.statement = normalise_statement(mask(request.statement))
    plan.problems.extend(check_statement(plan.statement, profile))
    total = len(plan.exhibits)
    per_image_limit = profile.max_bytes
    if profile.output == "pdf":
        images_total = max(1, _count_images(plan.exhibits, profile))
        per_image_limit = max(20_000, int(profile.max_bytes * 0.9 / images_total))
    units: list[_Unit] = []
    for index, exhibit in enumerate(plan.exhibits):
        if cancelled():
            raise PackCancelled()
        on_progress(index, 2 * total)
        if profile.kinds and exhibit.kind not in profile.kinds:
            plan.notes.append(
                Message(
                    "pack.note.kind_not_taken", file=exhibit.file_name, kind=_kind(exhibit.kind)
                )
            )
            continue
        try:
            room = budgets.PLAN_MAX_PIXELS - sum(u.pixels for u in units)  # held until fitted
            units.extend(_exhibit_units(index, exhibit, request, mask, plan, room))
        except FitError as exc:
            plan.problems.append(exc.message)
    fit = _Fitter(profile, per_image_limit)
    results = _run_parallel(units, fit, total, on_progress, cancelled)
    fitted_pages: list[tuple[int, str, Fitted]] = []
    for unit, (outcome, thumbnail) in zip(units, results, strict=True):
        if thumbnail is not None:
            plan.thumbnails[unit.index] = thumbnail
        if isinstance(outcome, FitError):
            plan.problems.append(outcome.message)
            continue
        suffix = f"-{unit.part}" if unit.parts > 1 else ""
        fitted_pages.append((unit.index, suffix, outcome))
    on_progress(total, total)
    if profile.output == "pdf":
        _assemble_claim_pdf(plan, fitted_pages)
    else:
        for number, (index, suffix, fitted) in enumerate(fitted_pages, start=1):
            kind = plan.exhibits[index].kind
            name = f"upload/{number:02d}-{kind}{suffix}.{fitted.fmt}"
            plan.uploads.append(UploadImage(name, fitted.data, index, plan.exhibits[index].caption))
        if profile.max_count and len(plan.uploads) > profile.max_count:
            plan.problems.append(
                Message(
                    "pack.too_many_images",
                    n=len(plan.uploads),
                    profile=profile,
                    max=profile.max_count,
                )
            )
    if not plan.uploads and not plan.problems:
        plan.problems.append(Message("pack.nothing_to_upload"))
    return plan


def _kind(kind: str) -> EvidenceKind | str:
    """An evidence kind as a domain word (named in each message's language), or its id."""
    try:
        return EvidenceKind(kind)
    except ValueError:
        return kind


def _kind_label(kind: str) -> str:
    try:
        return EvidenceKind(kind).label()
    except ValueError:
        return kind


def all_problems(problems: list[str]) -> Message | str:
    """The problems as one message (；-separated, in every language as it writes them)."""
    joined = problems[-1]
    for problem in reversed(problems[:-1]):
        joined = Message("pack.problems", first=problem, rest=joined)
    return joined


CHAT_MESSAGES_PER_IMAGE = 12  # an estimate: the real split is by rendered height


def images_for(
    kind: str, *, is_pdf: bool, is_image: bool, path: Path, messages: int, profile
) -> int:
    """How many upload images one piece of evidence becomes for `profile`: the one
    estimate the 证据 tab's budget and the packager both count by (a PDF: its pages; a
    chat: one tall image where the destination takes one, else about 12 messages each)."""
    if profile.kinds and kind not in profile.kinds:
        return 0
    if kind == EvidenceKind.CHAT.value:
        if not messages:
            return 0
        return 1 if profile.max_count == 1 else -(-messages // CHAT_MESSAGES_PER_IMAGE)
    if is_pdf:
        return _pdf_pages(path)
    return 1 if is_image else 0


@lru_cache(maxsize=256)
def _pdf_pages(path: Path) -> int:
    # Stored evidence is named by its hash: the same path always has the same pages.
    try:
        return pdfpages.page_count(path)
    except FitError:
        return 1


def _count_images(exhibits: list[Exhibit], profile) -> int:
    return sum(
        images_for(
            e.kind,
            is_pdf=e.is_pdf,
            is_image=e.is_image,
            path=e.path,
            messages=len(e.messages),
            profile=profile,
        )
        for e in exhibits
    )


@dataclass(frozen=True)
class _Unit:
    """One image to fit: an exhibit's page (rendered already) or a photo still on disk."""

    index: int  # exhibit index
    part: int
    parts: int
    label: str
    text_px: float | None
    image: QImage | None = None
    path: Path | None = None  # decoded on a worker thread

    @property
    def pixels(self) -> int:
        return 0 if self.image is None else self.image.width() * self.image.height()


def _exhibit_units(
    index: int, exhibit: Exhibit, request: PackageRequest, mask: Masker, plan: Plan, room: int
) -> list[_Unit]:
    """The images an exhibit turns into (none: it travels in originals/ only). Chats and
    PDFs are rendered here, on the calling thread (fonts, pdfium); photos are decoded later
    on the worker threads."""

    def pages(images: list[QImage], text_px: float) -> list[_Unit]:
        if images:
            plan.thumbnails[index] = _thumbnail(images[0])
        n = len(images)
        return [
            _Unit(
                index,
                i,
                n,
                Message("pack.page_label", file=exhibit.file_name, page=i, pages=n)
                if n > 1
                else exhibit.file_name,
                text_px,
                img,
            )
            for i, img in enumerate(images, start=1)
        ]

    if exhibit.kind == EvidenceKind.CHAT.value and exhibit.messages:
        messages = [
            replace(m, text=mask(m.text), detail=mask(m.detail), sender=mask(m.sender))
            for m in exhibit.messages
        ]
        plan.chats.append((mask(exhibit.caption or exhibit.file_name), messages))
        # a destination that takes one image gets the whole chat as one (tall) image
        height = 10**6 if request.profile.max_count == 1 else chatrender.MAX_PAGE_HEIGHT
        title, order_no = chat_heading(messages)
        rendered = chatrender.render_chat(
            messages,
            title=title,
            order_no=order_no,
            max_page_height=height,
            label=exhibit.file_name,
            room=room,
        )
        return pages([page.image for page in rendered], float(chatrender.TEXT_PX))
    if exhibit.is_pdf:
        images = pdfpages.render_pages(exhibit.path, label=exhibit.file_name, room=room)
        return pages(images, pdfpages.text_px(images))
    if exhibit.is_image:
        return [_Unit(index, 1, 1, exhibit.file_name, None, path=exhibit.path)]
    plan.notes.append(
        Message("pack.note.not_an_image", file=exhibit.file_name, kind=_kind(exhibit.kind))
    )
    return []


def chat_heading(messages: list) -> tuple[str, str]:
    """(title, order number) of a chat image's header: what the conversation itself says
    (its buyer, the order numbers it names), never the case's, so another buyer's chat
    cannot pass under this case's order number."""
    who = chatlog.identity(messages)
    title = reviewer.text("pack.chat.title")
    if who.buyer_nicks:  # the header is one line: the first buyer and order number
        title = reviewer.text("pack.chat.title_buyer", buyer=who.buyer_nicks[0])
    return title, who.order_nos[0] if who.order_nos else ""


class _Fitter:
    """Fits units to a profile; safe to call from several threads (QImage work releases
    the GIL). The quality hint is shared: it saves encodes, never changes a result."""

    def __init__(self, profile, limit: int) -> None:
        self.profile = profile
        self.limit = limit
        self.hint: int | None = None

    def __call__(self, unit: _Unit) -> tuple[Fitted | FitError, QImage | None]:
        profile = self.profile
        thumbnail = None
        try:
            image = unit.image
            if image is None:
                image = load_image(unit.path, profile.max_long_side, label=unit.label)
                thumbnail = _thumbnail(image)
            fitted = fit_image(
                image,
                self.limit,
                formats=("jpg",) if profile.output == "pdf" else profile.formats,
                max_long_side=profile.max_long_side,
                min_short_side=profile.min_short_side,
                text_px=unit.text_px,
                min_text_px=profile.min_text_px,
                label=unit.label,
                start_quality=self.hint,
            )
        except FitError as exc:
            return exc, thumbnail
        if fitted.quality:
            self.hint = fitted.quality
        return fitted, thumbnail


def fit_workers() -> int:
    """Threads for fitting: the machine's cores, at most 4 (memory: a decoded 2560-px
    image is ~20 MB and each worker holds a few)."""
    return max(1, min(4, os.cpu_count() or 1))


def _run_parallel(units, fit, total, on_progress, cancelled) -> list:
    if not units:
        return []
    results: list = [None] * len(units)
    done = 0
    with ThreadPoolExecutor(max_workers=fit_workers()) as pool:
        futures = {pool.submit(fit, unit): i for i, unit in enumerate(units)}
        try:
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                done += 1
                on_progress(total + round(total * done / len(units)), 2 * total)
                if cancelled():
                    raise PackCancelled()
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return results


def _thumbnail(image: QImage) -> QImage:
    side = max(image.width(), image.height())
    return scaled(image, THUMB_SIDE / side) if side > THUMB_SIDE else image.copy()


def _assemble_claim_pdf(plan: Plan, fitted_pages) -> None:
    """courier-claim-pdf: one PDF of all the images, within the profile's byte limit."""
    profile = plan.request.profile
    pages = []
    for index, suffix, fitted in fitted_pages:
        exhibit = plan.exhibits[index]
        image = QImage()
        image.loadFromData(fitted.data)
        caption = reviewer.text(
            "pack.exhibit_heading",
            number=f"{index + 1}{suffix}",
            kind=_kind_label(exhibit.kind),
            caption=exhibit.caption,
        ).strip()
        pages.append((image, masker_for(plan.request)(caption)))
    if not pages:
        return
    data = claim_pdf(
        pages,
        reviewer.text("pack.claim.title", order_no=plan.request.facts.order_no),
        content_time(plan.request),
    )
    if len(data) > profile.max_bytes:
        plan.problems.append(
            Message(
                "pack.claim.too_large",
                size=f"{len(data):,}",
                profile=profile,
                limit=f"{profile.max_bytes:,}",
            )
        )
        return
    label = Message("pack.claim.label")
    plan.uploads.append(UploadImage("upload/01-claim.pdf", data, fitted_pages[0][0], label))


# ---------------------------------------------------------------- building


def content_time(request: PackageRequest) -> str:
    """The newest time among the case's events and evidence: the date the PDFs carry
    (never the wall clock, so the same inputs give the same bytes)."""
    times = [e.at for e in request.facts.timeline if e.at]
    times += [e.captured_at for e in request.exhibits if e.captured_at]
    if request.facts.opened_at:
        times.append(request.facts.opened_at)
    return max(times) if times else "2000-01-01T00:00:00Z"


def package_key(plan: Plan) -> str:
    """What identifies a package's content (for the PDF document id)."""
    parts = [package_name(plan.request), plan.statement, str(plan.request.mask)]
    parts += [e.sha256 + e.caption for e in plan.exhibits]
    return _sha256("\n".join(parts).encode("utf-8"))


def package_name(request: PackageRequest) -> str:
    facts = request.facts
    order = re.sub(r"[^0-9A-Za-z_-]", "", facts.order_no) or "order"
    return f"case{facts.case_id}-{order}-{request.profile.id}"


def _free_target(out_dir: Path, name: str, as_zip: bool) -> Path:
    suffix = ".zip" if as_zip else ""
    candidate = out_dir / f"{name}{suffix}"
    number = 2
    while candidate.exists():
        candidate = out_dir / f"{name}-{number}{suffix}"
        number += 1
    return candidate


def build_package(
    plan: Plan,
    out_dir: Path,
    on_progress: Progress = _noop_progress,
    cancelled: Cancelled = _never,
    created_at: str | None = None,
) -> Path:
    """Write the package (folder or zip) into `out_dir` and return its path. Refuses a
    plan that does not fit; on Cancel or error nothing is left in `out_dir`."""
    if not plan.fits:
        raise FitError(all_problems(plan.problems))
    request = plan.request
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        sweep_temp_files(out_dir)  # what a package cut off by a crash left there
    except OSError as exc:
        raise DiskError("pack.out_dir_failed", path=str(out_dir), reason=exc.strerror) from None
    target = _free_target(out_dir, package_name(request), request.as_zip)
    work = out_dir / f".{target.name}.part-{os.getpid()}"
    zip_part = out_dir / f".{target.name}.zip-part-{os.getpid()}"
    created = created_at or now_text()
    total = len(plan.uploads) + len(plan.exhibits) + 3
    done = 0

    def step() -> None:
        nonlocal done
        if cancelled():
            raise PackCancelled()
        done += 1
        on_progress(done, total)

    try:
        files = _write_tree(plan, work, created, step)
        if request.as_zip:
            _zip_tree(work, zip_part, [f["path"] for f in files] + [MANIFEST])
            if cancelled():
                raise PackCancelled()
            os.replace(zip_part, target)
            shutil.rmtree(work)
        else:
            os.replace(work, target)
        on_progress(total, total)
        return target
    except BaseException as exc:
        shutil.rmtree(work, ignore_errors=True)
        zip_part.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise DiskError("pack.write_failed", reason=str(exc.strerror or exc)) from None
        raise


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_tree(plan: Plan, work: Path, created: str, step: Callable[[], None]) -> list[dict]:
    request = plan.request
    mask = masker_for(request)
    (work / "upload").mkdir(parents=True)
    files: list[dict] = []
    uploads_by_exhibit: dict[int, list[str]] = {}
    for upload in plan.uploads:
        (work / upload.name).write_bytes(upload.data)
        exhibit = plan.exhibits[upload.exhibit]
        kind = "claim_pdf" if upload.name.endswith(".pdf") else exhibit.kind
        files.append(_entry(upload.name, kind, "upload", upload.data, exhibit, mask))
        uploads_by_exhibit.setdefault(upload.exhibit, []).append(PurePosixPath(upload.name).name)
        step()
    statement = plan.statement + "\n" if plan.statement else ""
    data = statement.encode("utf-8")
    (work / "statement.txt").write_bytes(data)
    files.append(_entry("statement.txt", "statement", "statement", data, None, mask))
    step()
    originals: list[tuple[int, str]] = []
    # A masked package is one to hand on (a courier claim, a shared folder): the seller's
    # originals would carry what was masked, so it leaves them out; the summary still
    # lists each one's SHA-256, which the store's copy proves.
    for index, exhibit in enumerate([] if request.mask else plan.exhibits):
        (work / "originals").mkdir(exist_ok=True)
        name = f"originals/{index + 1:02d}-{safe_file_name(exhibit.file_name, exhibit.sha256[:12])}"
        shutil.copyfile(exhibit.path, work / name)
        entry = _original_entry(work, name, exhibit, mask)  # hashed in chunks: videos
        if entry["sha256"] != exhibit.sha256:
            raise InputError("evidence.stored_file_changed", file=exhibit.file_name)
        files.append(entry)
        originals.append((index, name))
        step()
    rows = [
        ExhibitRow(
            number=index + 1,
            kind=exhibit.kind,
            caption=exhibit.caption,
            file_name=exhibit.file_name,
            sha256=exhibit.sha256,
            bytes=exhibit.bytes,
            captured_at=exhibit.captured_at,
            uploads=tuple(uploads_by_exhibit.get(index, ())),
            thumbnail=plan.thumbnails.get(index),
        )
        for index, exhibit in enumerate(plan.exhibits)
    ]
    facts = request.facts
    write_summary(
        str(work / "summary.pdf"),
        cover=cover_rows(facts, request.profile.name(), len(plan.uploads)),
        statement=plan.statement,
        timeline=[(e.at, e.label, e.note) for e in facts.timeline],
        exhibits=rows,
        chats=plan.chats,
        notes=plan.notes,
        missing=list(request.missing),
        mask=mask,
        dated=content_time(request),
        key=package_key(plan),
    )
    data = (work / "summary.pdf").read_bytes()
    files.append(_entry("summary.pdf", "summary", "summary", data, None, mask))
    step()
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": created,
        "profile": {
            "id": request.profile.id,
            "version": request.profile.version,
            "name": request.profile.name(),
        },
        "case": {
            "case_id": facts.case_id,
            "order_no": facts.order_no,
            "shop": facts.shop_name,
            "kind": facts.case_kind,
        },
        "masked": request.mask,
        "originals": "omitted: masked package" if request.mask else "included",
        "statement_chars": plan.statement_chars,
        "statement_bytes": plan.statement_bytes,
        "notes": [mask(reviewer.say(n)) for n in plan.notes],
        "missing": [kind for kind, _ in request.missing],
        "files": files,
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    (work / MANIFEST).write_text(text, encoding="utf-8")
    step()
    return files


def _entry(path: str, kind: str, role: str, data: bytes, exhibit: Exhibit | None, mask) -> dict:
    entry = {
        "path": path,
        "kind": kind,
        "role": role,
        "bytes": len(data),
        "sha256": _sha256(data),
    }
    if exhibit is not None:
        entry["captured_at"] = exhibit.captured_at
        entry["caption"] = mask(exhibit.caption)
        entry["source_sha256"] = exhibit.sha256
    return entry


def _original_entry(work: Path, name: str, exhibit: Exhibit, mask) -> dict:
    with open(work / name, "rb") as handle:
        size, digest, _ = budgets.hash_stream(handle, budgets.MEMBER_MAX_BYTES)
    return {**_entry(name, exhibit.kind, "original", b"", exhibit, mask), "bytes": size,
            "sha256": digest}  # fmt: skip


def _zip_tree(work: Path, zip_path: Path, names: list[str]) -> None:
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(names):
            if not is_safe_member(name):  # our own names; a guard, never expected
                raise InputError("pack.unsafe_name", name=name)
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.flag_bits |= 0x800  # names are UTF-8
            info.file_size = (work / name).stat().st_size  # as writestr: zip64 when needed
            with open(work / name, "rb") as source, archive.open(info, "w") as out:
                shutil.copyfileobj(source, out, budgets.HASH_CHUNK)  # an original may be a video


# ---------------------------------------------------------------- verifying
# Every member is hashed in chunks, after its declared size was checked against the
# manifest and the budgets (a 2 MB zip can declare a 2 GiB member): memory stays at one
# chunk, and a member that only a zip bomb would be is never inflated.


class _Folder:
    def __init__(self, root: Path) -> None:
        self.root = root

    def names(self) -> list[str]:
        found = []
        for path in self.root.rglob("*"):
            if path.is_file():
                found.append(path.relative_to(self.root).as_posix())
                if len(found) > budgets.PACKAGE_MAX_FILES:
                    break
        return sorted(found)

    def size(self, name: str) -> int | None:
        try:
            info = os.stat(self.root / name)
        except OSError:
            return None
        return info.st_size if stat.S_ISREG(info.st_mode) else None

    def problem(self, name: str) -> str | None:
        return None

    def open(self, name: str) -> BinaryIO:
        return open(self.root / name, "rb")


class _Zip:
    def __init__(self, archive: zipfile.ZipFile, archive_bytes: int) -> None:
        self.archive = archive
        self.archive_bytes = archive_bytes

    def names(self) -> list[str]:
        return sorted(n for n in self.archive.namelist() if not n.endswith("/"))

    def _info(self, name: str) -> zipfile.ZipInfo | None:
        try:
            return self.archive.getinfo(name)
        except KeyError:
            return None

    def size(self, name: str) -> int | None:
        info = self._info(name)
        return None if info is None else info.file_size

    def problem(self, name: str) -> str | None:
        info = self._info(name)
        if info is None:
            return None
        return budgets.member_problem(name, info.file_size, info.compress_size, self.archive_bytes)

    def open(self, name: str) -> BinaryIO:
        return self.archive.open(name)


def verify(package: Path) -> Message | None:
    """None when every file matches manifest.json; otherwise the first mismatch (a
    Message, for the seller's language).
    InputError when the package is over a budget (it is not inflated to find out)."""
    package = Path(package)
    try:
        if package.is_dir():
            return _verify(_Folder(package))
        if not package.is_file():
            return Message("pack.verify.no_such_package", path=str(package))
        with open(package, "rb") as handle:
            _refuse(budgets.files_problem(budgets.zip_entries(handle) or 0))
            with zipfile.ZipFile(handle) as archive:
                return _verify(_Zip(archive, package.stat().st_size))
    except _OverBudget as exc:
        raise InputError(
            "pack.verify.over_budget", package=package.name, problem=exc.args[0]
        ) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError):
        return Message("pack.verify.not_a_package", package=package.name)
    except OSError as exc:
        raise InputError(
            "pack.verify.unreadable", path=str(package), reason=str(exc.strerror or exc)
        ) from None


class _OverBudget(Exception):
    """A budget refusal inside verify (raised as InputError naming the package)."""


def _refuse(problem: Message | None) -> None:
    if problem:
        raise _OverBudget(problem)


def _read_manifest(source) -> dict | Message:
    size = source.size(MANIFEST)
    if size is None:
        return Message("pack.verify.file_missing", file=MANIFEST)
    _refuse(budgets.manifest_problem(size) or source.problem(MANIFEST))
    with source.open(MANIFEST) as handle:
        raw = handle.read(budgets.MANIFEST_MAX_BYTES + 1)
    _refuse(budgets.manifest_problem(len(raw)))
    try:
        manifest = json.loads(raw.decode("utf-8"))
        if not isinstance(manifest["files"], list) or not all(
            isinstance(e, dict) for e in manifest["files"]
        ):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        return Message("pack.verify.manifest_unreadable", file=MANIFEST)
    return manifest


def _verify(source) -> Message | None:
    names = source.names()
    _refuse(budgets.files_problem(len(names)))
    for name in names:
        if not is_safe_member(name):
            return Message("pack.verify.path_escapes", file=name)
    manifest = _read_manifest(source)
    if isinstance(manifest, Message):
        return manifest
    entries = manifest["files"]
    _refuse(budgets.files_problem(len(entries)))
    total = 0
    for entry in entries:  # every budget before any member is inflated
        name = str(entry.get("path", ""))
        if is_safe_member(name):
            _refuse(source.problem(name))
            total += source.size(name) or 0
    _refuse(budgets.total_problem(total))
    listed = set()
    for entry in entries:
        name = str(entry.get("path", ""))
        if not is_safe_member(name):
            return Message("pack.verify.listed_path_escapes", file=name)
        if name in listed:
            return Message("pack.verify.listed_twice", file=name)
        listed.add(name)
        problem = _check_member(source, name, entry)
        if problem:
            return problem
    for name in names:
        if name != MANIFEST and name not in listed:
            return Message("pack.verify.not_listed", file=name)
    return None


def _check_member(source, name: str, entry: dict) -> Message | None:
    declared = source.size(name)
    if declared is None:
        return Message("pack.verify.file_missing", file=name)
    expected = entry.get("bytes")
    shown = str(expected)  # as the manifest has it, whatever it holds
    if declared != expected:
        return Message("pack.verify.size_differs", file=name, expected=shown, size=declared)
    try:
        with source.open(name) as handle:
            size, digest, more = budgets.hash_stream(handle, declared)
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        reason = str(getattr(exc, "strerror", None) or exc)
        return Message("pack.verify.unreadable", path=name, reason=reason)
    if more or size != declared:
        read = f"{size}{'+' if more else ''}"
        return Message("pack.verify.size_read_differs", file=name, expected=shown, size=read)
    if digest != entry.get("sha256"):
        return Message("pack.verify.sha_differs", file=name)
    return None


def extract_package(package: Path, dest: Path) -> Path:
    """Unzip a package into `dest`, refusing any entry that would land outside it."""
    dest = Path(dest).resolve()
    with zipfile.ZipFile(package) as archive:
        for name in archive.namelist():
            target = (dest / name).resolve()
            if not is_safe_member(name.rstrip("/")) or not target.is_relative_to(dest):
                raise InputError("pack.extract.escapes", package=Path(package).name, name=name)
        archive.extractall(dest)
    return dest
