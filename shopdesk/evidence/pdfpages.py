"""PDF documents (invoices, test reports) as page images: platforms take images only.

Every page's size (in points) is read before anything is rendered: a document whose
pages would take more pixels than the budget is drawn at a lower resolution, never below
a legible one, else refused naming the page (a 435-byte PDF can declare a 200-inch page).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

from shopdesk.evidence import budgets
from shopdesk.evidence.fitting import FitError

RENDER_DPI = 150
# body text of a printed document is about 10 pt: 10/72 inch at RENDER_DPI
TEXT_PX_AT_DPI = 10 / 72 * RENDER_DPI
MAX_PAGES = 50
_INCH_METERS = 0.0254


def page_count(path: Path, label: str = "") -> int:
    pdf = _open(path, label)
    try:
        return len(pdf)
    finally:
        pdf.close()


def _open(path: Path, label: str = "") -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise FitError(
            "pack.pdf.cannot_open", file=label or Path(path).name, reason=str(exc)
        ) from None


def render_pages(
    path: Path,
    dpi: int = RENDER_DPI,
    max_pages: int = MAX_PAGES,
    label: str = "",
    room: float | None = None,
) -> list[QImage]:
    """Every page (up to `max_pages`) as an RGB image at `dpi` (lower when the pages would
    exceed the pixel budget, or the `room` in pixels the package has left), white
    background. Each image carries the resolution it was drawn at (see `text_px`).
    Problems name `label` (the file's own name)."""
    name = label or Path(path).name
    pdf = _open(path, name)
    try:
        if len(pdf) > max_pages:
            raise FitError("pack.pdf.too_many_pages", file=name, n=len(pdf), limit=max_pages)
        try:
            sizes = [pdf.get_page_size(index) for index in range(len(pdf))]
        except pdfium.PdfiumError as exc:
            raise FitError("pack.pdf.pages_unreadable", file=name, reason=str(exc)) from None
        if not sizes:
            return []
        scale, problem = budgets.pdf_scale(name, sizes, dpi, room)
        if problem:
            raise FitError(problem)
        images = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                bitmap = page.render(
                    scale=scale, fill_color=(255, 255, 255, 255), rev_byteorder=False
                )
            except pdfium.PdfiumError as exc:
                raise FitError(
                    "pack.pdf.render_failed", file=name, page=index + 1, reason=str(exc)
                ) from None
            image = _to_qimage(bitmap)
            dots_per_meter = round(scale * budgets.POINTS_PER_INCH / _INCH_METERS)
            image.setDotsPerMeterX(dots_per_meter)
            image.setDotsPerMeterY(dots_per_meter)
            images.append(image)
            bitmap.close()
            page.close()
        return images
    finally:
        pdf.close()


def text_px(images: list[QImage]) -> float:
    """The height in pixels of 10-pt text on the pages, as drawn (the smallest page)."""
    if not images:
        return TEXT_PX_AT_DPI
    dpi = min(image.dotsPerMeterX() * _INCH_METERS for image in images)
    return 10 / 72 * dpi


def _to_qimage(bitmap: pdfium.PdfBitmap) -> QImage:
    """A deep copy of a pdfium bitmap (BGRx / BGR) as a QImage (one copy: the QImage
    wraps pdfium's buffer until it is copied)."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    mode = bitmap.mode
    if mode in ("BGRA", "BGRX"):
        fmt = QImage.Format.Format_RGB32
    elif mode == "BGR":
        fmt = QImage.Format.Format_BGR888
    elif mode == "L":
        fmt = QImage.Format.Format_Grayscale8
    else:
        raise FitError(f"unexpected pdfium bitmap mode {mode}")
    return QImage(memoryview(bitmap.buffer).cast("B"), width, height, stride, fmt).copy()
