"""PDF documents (invoices, test reports) as page images: platforms take images only."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

from shopdesk.evidence.fitting import FitError

RENDER_DPI = 150
# body text of a printed document is about 10 pt: 10/72 inch at RENDER_DPI
TEXT_PX_AT_DPI = 10 / 72 * RENDER_DPI
MAX_PAGES = 50


def page_count(path: Path) -> int:
    pdf = _open(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise FitError(f"{Path(path).name}：无法打开 PDF（{exc}）") from None


def render_pages(path: Path, dpi: int = RENDER_DPI, max_pages: int = MAX_PAGES) -> list[QImage]:
    """Every page (up to `max_pages`) as an RGB image at `dpi`, white background."""
    pdf = _open(path)
    try:
        if len(pdf) > max_pages:
            raise FitError(f"{Path(path).name}：有 {len(pdf)} 页，超过 {max_pages} 页的上限")
        images = []
        for index in range(len(pdf)):
            page = pdf[index]
            bitmap = page.render(
                scale=dpi / 72, fill_color=(255, 255, 255, 255), rev_byteorder=False
            )
            pil_free = _to_qimage(bitmap)
            images.append(pil_free)
            bitmap.close()
            page.close()
        return images
    finally:
        pdf.close()


def _to_qimage(bitmap: pdfium.PdfBitmap) -> QImage:
    """A deep copy of a pdfium bitmap (BGRx / BGR) as a QImage."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    buffer = bytes(bitmap.buffer)
    mode = bitmap.mode
    if mode in ("BGRA", "BGRX"):
        fmt = QImage.Format.Format_RGB32
    elif mode == "BGR":
        fmt = QImage.Format.Format_BGR888
    elif mode == "L":
        fmt = QImage.Format.Format_Grayscale8
    else:
        raise FitError(f"unexpected pdfium bitmap mode {mode}")
    return QImage(buffer, width, height, stride, fmt).copy()
