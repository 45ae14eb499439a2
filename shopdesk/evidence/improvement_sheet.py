"""The 产品改进单: what after-sales says about one product over a period, for the
product department. Gathered here (Qt-free) and written as xlsx; the PDF is drawn by
shopdesk/evidence/improvement_pdf.py from the same data. Buyers' words are masked for
phone numbers and addresses."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from shopdesk.domain.messages import Message, language, text
from shopdesk.domain.model import CaseKind, CaseState
from shopdesk.domain.timeutil import CHINA, from_text
from shopdesk.evidence.masking import Masker
from shopdesk.store.evidence_repo import case_chat_messages, stored_path
from shopdesk.store.insights import Period, Row, Scope, Week, cause_label, product_detail
from shopdesk.store.safeio import atomic_write
from shopdesk.store.store import Store

MAX_WORDS = 200  # quotes on the sheet; the xlsx lists every case anyway
MAX_PHOTOS = 12
# Where a buyer's words come from (message keys)
_REASON, _DESCRIPTION, _CHAT = (
    "sheet.source.reason",
    "sheet.source.description",
    "sheet.source.chat",
)


def _heads(*names: str) -> list[str]:
    """Column heads of the xlsx, in the seller's language."""
    return [text(f"sheet.head.{name}") for name in names]


@dataclass(frozen=True)
class Quote:
    case_id: int
    order_no: str
    source: str  # 退款原因 / 退款说明 / 聊天
    text: str


@dataclass(frozen=True)
class Photo:
    case_id: int
    caption: str
    file_name: str
    path: Path


@dataclass(frozen=True)
class SheetCase:
    case_id: int
    order_no: str
    opened: str  # China time, minutes
    kind: str
    state: str
    cause: str
    refund_fen: int
    net_cost_fen: int


@dataclass(frozen=True)
class Sheet:
    row: Row
    period: Period
    causes: tuple[tuple[str, str, int], ...]  # (id, label, cases)
    quotes: tuple[Quote, ...]
    photos: tuple[Photo, ...]
    cases: tuple[SheetCase, ...]
    trend: tuple[Week, ...]

    @property
    def title(self) -> str:
        return text("sheet.title", product=self.row.label)


def _label(enum, value: str) -> str:
    try:
        return enum(value).label(language())
    except ValueError:
        return value


def _china(text: str | None) -> str:
    return from_text(text).astimezone(CHINA).strftime("%Y-%m-%d %H:%M") if text else ""


def gather_sheet(store: Store, product: str, period: Period, scope: Scope | None = None) -> Sheet:
    detail = product_detail(store, product, period, scope or Scope())
    causes: Counter[str] = Counter()
    quotes: list[Quote] = []
    photos: list[Photo] = []
    cases: list[SheetCase] = []
    for case_id in detail.case_ids:
        case = store.get_case(case_id)
        order = store.get_order(case.order_id)
        mask = Masker(True, order.receiver_phone.lstrip("'"), order.receiver_address)
        causes[case.cause] += 1
        cases.append(
            SheetCase(
                case.id,
                case.order_no,
                _china(case.opened_at),
                _label(CaseKind, case.kind),
                _label(CaseState, case.state),
                cause_label(case.cause, language()),
                case.money_refund_fen,
                case.money_net_fen,
            )
        )
        if len(quotes) < MAX_WORDS:
            said = [(_REASON, case.reason), (_DESCRIPTION, case.description)]
            said += [
                (_CHAT, m.text)
                for m in case_chat_messages(store, case_id)
                if not m.is_seller and not m.is_system and m.kind == "text" and m.text
            ]
            quotes += [
                Quote(case.id, case.order_no, text(k), mask(t)) for k, t in said if t.strip()
            ]
        if len(photos) < MAX_PHOTOS:
            for row in store.db.query(
                "SELECT sha256, file_name, caption FROM evidence "
                "WHERE case_id = ? AND kind = 'photo' ORDER BY id",
                [case_id],
            ):
                photos.append(
                    Photo(
                        case.id,
                        mask(row["caption"]),
                        row["file_name"],
                        stored_path(store, row["sha256"]),
                    )
                )
    ordered = tuple(
        (c, cause_label(c, language()), n) for c, n in sorted(causes.items(), key=_by_count)
    )
    return Sheet(
        row=detail.row,
        period=period,
        causes=ordered,
        quotes=tuple(quotes[:MAX_WORDS]),
        photos=tuple(photos[:MAX_PHOTOS]),
        cases=tuple(cases),
        trend=detail.trend,
    )


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def yuan(fen: int) -> float:
    return round(fen / 100, 2)


def summary_rows(sheet: Sheet) -> list[tuple[str, object]]:
    """The overview's (item, value) lines, in the seller's language."""
    row = sheet.row
    previous = sheet.period.previous()

    def item(name: str) -> str:
        return text(f"sheet.summary.{name}")

    before = text(
        "sheet.summary.previous_figures",
        cases=Message("sheet.summary.n_cases", n=row.previous_cases),
        units=Message("sheet.summary.n_units", n=row.previous_units or 0),
    )
    if row.previous_rate_per_100:
        before += text("sheet.summary.previous_rate", rate=f"{row.previous_rate_per_100:g}")
    since = text(
        "sheet.summary.previous", start=f"{previous.start:%m-%d}", end=f"{previous.end:%m-%d}"
    )
    difference = row.cases - row.previous_cases
    change = text("sheet.summary.change_figure", change=f"{difference:+d}", n=abs(difference))
    return [
        (item("product"), row.label),
        (item("code"), row.key),
        (item("period"), sheet.period.describe()),
        (item("units"), row.units or 0),
        (item("cases"), row.cases),
        (item("rate"), row.rate_per_100 if row.rate_per_100 is not None else "—"),
        (since, before),
        (item("change"), change),
        (item("refund"), yuan(row.refund_fen)),
        (item("compensation"), yuan(row.compensation_fen)),
        (item("recovered"), yuan(row.recovered_fen)),
        (item("net"), yuan(row.net_cost_fen)),
    ]


THUMB_PX = 160  # the long side of a photo's thumbnail in the xlsx


def _photos(ws, photos: tuple[Photo, ...], table) -> None:
    """One row per photo with its thumbnail beside its caption (as the PDF shows them)."""
    from openpyxl.drawing.image import Image

    # Thumbnails are made with Qt, as for the PDF (openpyxl would need Pillow to read one).
    from shopdesk.evidence.thumbnails import thumbnail

    class Picture(Image):
        """openpyxl's Image from JPEG bytes we made, without Pillow."""

        def __init__(self, jpeg: bytes, width: int, height: int):
            self.ref, self._jpeg = None, jpeg
            self.width, self.height, self.format = width, height, "jpeg"

        def _data(self) -> bytes:
            return self._jpeg

    table(ws, _heads("case", "caption", "file_name", "photo"), [
        (f"#{p.case_id}", p.caption, p.file_name, "") for p in photos
    ])  # fmt: skip
    ws.column_dimensions["D"].width = THUMB_PX / 7 + 2  # a column unit is about 7 pixels
    for row, photo in enumerate(photos, start=2):
        made = thumbnail(photo.path, THUMB_PX)
        if made is None:
            ws.cell(row, 4, text("sheet.photo_missing"))
            continue
        picture = Picture(made.jpeg, made.width, made.height)
        ws.add_image(picture, f"D{row}")
        ws.row_dimensions[row].height = made.height * 0.75 + 4  # points, not pixels


def write_xlsx(sheet: Sheet, path: Path) -> None:
    """Sheets 概况 / 原因 / 买家原话 / 售后单 / 趋势 / 照片 (with thumbnails), written in
    one go."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    bold = Font(bold=True)

    def table(ws, head: list[str], rows) -> None:
        ws.append(head)
        for cell in ws[1]:
            cell.font = bold
        for values in rows:
            ws.append(list(values))
        for column, width in zip("ABCDEFGH", (22, 18, 14, 14, 14, 14, 14, 14), strict=False):
            ws.column_dimensions[column].width = width

    overview = book.active
    overview.title = text("sheet.tab.overview")
    table(overview, _heads("item", "value"), summary_rows(sheet))
    overview.column_dimensions["A"].width = 30
    overview.column_dimensions["B"].width = 50
    table(book.create_sheet(text("sheet.tab.causes")), _heads("cause", "cause_id", "cases"), [
        (label, cause, n) for cause, label, n in sheet.causes
    ])  # fmt: skip
    words = book.create_sheet(text("sheet.tab.words"))
    table(words, _heads("case", "order_no", "source", "words"), [
        (f"#{q.case_id}", q.order_no, q.source, q.text) for q in sheet.quotes
    ])  # fmt: skip
    words.column_dimensions["D"].width = 80
    table(
        book.create_sheet(text("sheet.tab.cases")),
        _heads("case", "order_no", "opened", "kind", "state", "cause")
        + [text("sheet.summary.refund"), text("sheet.summary.net")],
        [
            (f"#{c.case_id}", c.order_no, c.opened, c.kind, c.state, c.cause,
             yuan(c.refund_fen), yuan(c.net_cost_fen))
            for c in sheet.cases
        ],
    )  # fmt: skip
    trend_heads = [*_heads("week", "cases", "units"), text("sheet.summary.rate")]
    table(book.create_sheet(text("sheet.tab.trend")), trend_heads, [
        (f"{w.start:%Y-%m-%d}", w.cases, w.units, w.rate_per_100) for w in sheet.trend
    ])  # fmt: skip
    _photos(book.create_sheet(text("sheet.tab.photos")), sheet.photos, table)
    buffer = io.BytesIO()
    book.save(buffer)
    with atomic_write(path) as handle:
        handle.write(buffer.getvalue())
