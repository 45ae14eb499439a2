"""A demo-like case with its exhibits, written to a folder, for the package tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from evidence_fixtures import draw_photo, draw_screenshot, jpeg_bytes

from shopdesk.evidence.packmodel import CaseFacts, Exhibit, PackageRequest, TimelineEntry
from shopdesk.evidence.profiles import get_profile
from shopdesk.platforms.chatlog import parse

PHONE = "13925130165"
ADDRESS = "浙江省 杭州市 西湖区 文三路 90 号(310000)"

CHAT = (
    "林间小鹿 2026-11-20 10:01:02\n你好，耳机左边没有声音\n\n"
    "声声耳机旗舰店:小美 2026-11-20 10:01:30\n亲，请拍个视频给我们看看\n已读\n\n"
    f"林间小鹿 2026-11-20 10:03:00\n我电话 {PHONE}，地址文三路 90 号\n\n"
    "声声耳机旗舰店:小美 2026-11-20 10:05:00\n好的，已登记补发左耳\n已读\n"
)


def invoice_pdf(path: Path) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    from shopdesk.evidence import qtenv

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setResolution(150)
    painter = QPainter(writer)
    painter.setFont(qtenv.font(30))
    painter.drawText(QRectF(50, 50, 700, 80), "增值税普通发票　金额 ¥129.00")
    painter.end()


def stored(folder: Path, name: str, data: bytes, kind: str, caption: str, at: str, **kw) -> Exhibit:
    path = folder / name
    path.write_bytes(data)
    return Exhibit(
        kind=kind,
        file_name=name,
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        bytes=len(data),
        caption=caption,
        captured_at=at,
        **kw,
    )


def demo_request(
    folder: Path,
    profile_id: str = "taobao-refund",
    *,
    mask: bool = False,
    as_zip: bool = False,
    photo_size=(4000, 3000),
    statement: str | None = None,
) -> PackageRequest:
    folder.mkdir(parents=True, exist_ok=True)
    invoice = folder / "发票.pdf"
    invoice_pdf(invoice)
    exhibits = (
        stored(
            folder,
            "开箱照片.jpg",
            jpeg_bytes(draw_photo(*photo_size)),
            "photo",
            "买家收到的耳机外包装完好",
            "2026-11-19T08:00:00Z",
        ),
        stored(
            folder,
            "发票.pdf",
            invoice.read_bytes(),
            "invoice",
            "购货发票",
            "2026-11-18T02:00:00Z",
            mime="application/pdf",
        ),
        stored(
            folder,
            "chat.txt",
            CHAT.encode(),
            "chat",
            f"与买家的聊天（电话 {PHONE}）",
            "2026-11-20T02:05:00Z",
            messages=tuple(parse(CHAT)),
        ),
        stored(
            folder,
            "物流截图.png",
            jpeg_bytes(draw_screenshot(), 95),
            "shipping",
            "物流显示已签收",
            "2026-11-19T06:00:00Z",
        ),
    )
    facts = CaseFacts(
        case_id=7,
        order_no="3515313147329357",
        shop_name="声声耳机旗舰店",
        case_kind="refund_shipped",
        case_state="awaiting_seller",
        buyer_nick="林间小鹿",
        receiver_phone="'" + PHONE,
        receiver_address=ADDRESS,
        item_titles="声声 S3 真无线蓝牙耳机",
        refund_fen=12900,
        reason="质量问题",
        opened_at="2026-11-20T03:00:00Z",
        timeline=(
            TimelineEntry("2026-11-20T03:00:00Z", "买家申请", "仅退款 ¥129.00"),
            TimelineEntry("2026-11-20T04:00:00Z", "备注", f"买家来电 {PHONE}"),
        ),
    )
    text = (
        statement
        if statement is not None
        else (f"耳机发货前已检测，物流显示已签收。已为买家补发左耳，联系电话 {PHONE}。")
    )
    return PackageRequest(facts, exhibits, text, get_profile(profile_id), mask=mask, as_zip=as_zip)
