"""The case panel's evidence tab, driven through its API."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage

from shopdesk.store import evidence_repo
from shopdesk.ui.case.evidence_panel import EvidencePanel

CHAT = (
    "小鹿乱撞1992 2026-11-20 10:01:02\n你好，耳机左边没有声音\n\n"
    "小满家居生活馆:小美 2026-11-20 10:01:30\n亲，请拍个视频\n已读\n\n"
    "小鹿乱撞1992 2026-11-20 10:02:00\n好的\n"
)


@pytest.fixture
def panel(qtbot, demo_store):
    widget = EvidencePanel(demo_store)
    qtbot.addWidget(widget)
    case = next(c for c in demo_store.list_cases() if c.kind == "refund_shipped")
    widget.show_case(case.id)
    return widget


def photo_file(folder: Path, name: str = "打包.png", shade: int = 160) -> Path:
    image = QImage(900, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor(230, 200, shade))
    path = folder / name
    assert image.save(str(path))
    return path


def test_added_files_show_with_kind_and_the_checklist_updates(panel, tmp_path):
    assert "✗ 物流记录" in panel.checklist.text()
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    pdf_free = photo_file(tmp_path, "物流.png")
    panel.new_kind.setCurrentIndex(panel.new_kind.findData("shipping"))
    panel.add_files([pdf_free, chat])
    assert panel.items.count() == 2
    assert panel.items.item(0).text().startswith("物流记录")
    assert not panel.items.item(0).icon().isNull()
    assert "✓ 物流记录 ×1" in panel.checklist.text() and "✓ 聊天记录 ×1" in panel.checklist.text()
    assert "shipping" not in panel.missing_kinds()


def test_caption_and_kind_are_saved_for_the_selected_item(panel, tmp_path, demo_store):
    panel.add_files([photo_file(tmp_path)])
    panel.items.setCurrentRow(0)
    panel.caption.setText("打包时的照片")
    panel.caption.editingFinished.emit()
    panel.kind.setCurrentIndex(panel.kind.findData("weight"))
    (item,) = evidence_repo.list_evidence(demo_store, panel.case_id)
    assert item.caption == "打包时的照片" and item.kind == "weight"


def test_picking_chat_messages_changes_what_is_packed(panel, tmp_path, demo_store):
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    panel.add_files([chat])
    panel.items.setCurrentRow(0)
    assert panel.messages.isVisibleTo(panel) and panel.messages.count() == 3
    panel.messages.item(2).setCheckState(Qt.CheckState.Unchecked)
    (item,) = evidence_repo.list_evidence(demo_store, panel.case_id)
    picked = evidence_repo.chat_messages(demo_store, item.id)
    assert [m.text for m in picked] == ["你好，耳机左边没有声音", "亲，请拍个视频"]


def test_pasting_a_screenshot_adds_it(panel):
    image = QImage(400, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    QGuiApplication.clipboard().setImage(image)
    added = panel.paste()
    assert added is not None and added.mime == "image/png"
    assert added.file_name.startswith("截图-") and panel.items.count() == 1


def test_the_budget_counts_files_and_statement_against_the_profile(panel, tmp_path):
    panel.profile.setCurrentIndex(panel.profile.findData("taobao-refuse"))
    panel.add_files([photo_file(tmp_path, "a.png"), photo_file(tmp_path, "b.png", 90)])
    panel.statement.setPlainText("好")
    figures = panel.budget_figures()
    assert figures["files"] == 2 and figures["max_files"] == 1
    assert "超出：图片数、陈述" in panel.budget.text()
    panel.profile.setCurrentIndex(panel.profile.findData("taobao-refund"))
    panel.statement.setPlainText("耳机发货前已检测")
    assert "超出" not in panel.budget.text() and "陈述 24/400 字节" in panel.budget.text()


def test_build_runs_in_the_background_and_reports_the_package(panel, tmp_path, qtbot):
    panel.add_files([photo_file(tmp_path)])
    panel.statement.setPlainText("耳机发货前已检测，请核实")
    with qtbot.waitSignal(panel.package_built, timeout=60_000) as blocker:
        panel.build(tmp_path / "out")
    result = blocker.args[0]
    assert result.package is not None and result.package.is_dir()
    assert (result.package / "summary.pdf").is_file()
    qtbot.waitUntil(lambda: panel.build_button.isEnabled())
    assert "证据包已生成" in panel.result.text()


def test_cancel_leaves_nothing(panel, tmp_path, qtbot):
    panel.add_files([photo_file(tmp_path)])
    out = tmp_path / "out"
    with qtbot.waitSignal(panel.package_failed, timeout=60_000) as blocker:
        panel.build(out)
        panel.cancel_button.click()
    assert blocker.args == [""]
    qtbot.waitUntil(lambda: panel.build_button.isEnabled())
    assert not out.exists() or list(out.iterdir()) == []
    assert "已取消" in panel.result.text()


def test_dropping_files_onto_the_panel_adds_them(panel, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    photo = photo_file(tmp_path, "开箱.png")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(photo))])
    enter = QDragEnterEvent(
        panel.rect().center(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(panel.rect().center()),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.dropEvent(drop)
    assert panel.items.count() == 1 and "开箱.png" in panel.items.item(0).text()


STRANGER_CHAT = (
    "tb5528190347 2026-11-20 10:01:02\n我的订单号4428265436565263618一直没到\n\n"
    "小满家居生活馆:小美 2026-11-20 10:01:30\n亲，马上查\n已读\n"
)


def asked(panel, answer: bool) -> list[str]:
    """Answer the panel's questions with `answer`; returns the questions' texts."""
    questions: list[str] = []

    def confirm(box) -> bool:
        questions.append(box.text())
        return answer

    panel.confirm = confirm
    return questions


def test_another_buyers_chat_is_added_only_when_the_seller_says_so(panel, tmp_path, demo_store):
    chat = tmp_path / "别人的.txt"
    chat.write_text(STRANGER_CHAT, encoding="utf-8")
    order = demo_store.get_order(demo_store.get_case(panel.case_id).order_id)
    questions = asked(panel, False)
    assert panel.add_files([chat]) == [] and panel.items.count() == 0
    (text,) = questions
    assert "tb5528190347" in text and order.buyer_nick in text
    assert "4428265436565263618" in text and order.order_no in text
    questions = asked(panel, True)
    assert len(panel.add_files([chat])) == 1 and len(questions) == 1
    # the case's own buyer's chat is not questioned
    mine = tmp_path / "chat.txt"
    mine.write_text(CHAT, encoding="utf-8")
    questions = asked(panel, False)
    assert len(panel.add_files([mine])) == 1 and questions == []


def test_building_without_required_evidence_asks_first(panel, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    panel.add_files([photo_file(tmp_path)])  # no 物流记录 (required for 仅退款（已发货）)
    chosen: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a, **k: chosen.append("x") or ""
    )
    questions = asked(panel, False)
    panel.build_button.click()
    (text,) = questions
    assert "物流记录" in text and "仍要生成" in text
    assert chosen == [] and panel.worker is None  # nothing started, no folder asked
    questions = asked(panel, True)
    panel.build_button.click()
    assert len(questions) == 1 and chosen == ["x"]


def test_the_missing_evidence_question_names_each_kind(panel, tmp_path):
    box = panel.missing_evidence_box(panel.missing_required())
    assert "物流记录" in box.text() and "揽收和签收" in box.text()
    assert box.defaultButton().text() == "先去补充"


def test_the_prefilled_statement_follows_the_evidence_attached(panel, tmp_path):
    assert "附件" not in panel.statement.toPlainText()
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    panel.add_files([chat])
    text = panel.statement.toPlainText()
    assert "见附件 1：聊天记录" in text
    assert not any(w in text for w in ("物流", "照片", "称重", "检验"))
    panel.items.setCurrentRow(0)
    panel._remove_selected()
    assert "附件" not in panel.statement.toPlainText()  # never cites what is gone
    panel.statement.setPlainText("我自己写的说明")
    panel.add_files([chat])
    assert panel.statement.toPlainText() == "我自己写的说明"  # the seller's words stay


def three_page_pdf(folder: Path) -> Path:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    path = folder / "发票.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Portrait,
                    QMarginsF(10, 10, 10, 10))
    )  # fmt: skip
    painter = QPainter(writer)
    for page in range(3):
        if page:
            writer.newPage()
        painter.drawText(200, 200, f"发票 第 {page + 1} 页")
    painter.end()
    return path


def test_the_budget_shown_is_the_packagers_own_count(panel, tmp_path, demo_store):
    from shopdesk.evidence.from_store import pack_case

    panel.profile.setCurrentIndex(panel.profile.findData("taobao-refuse"))  # one image
    panel.add_files([three_page_pdf(tmp_path)])
    panel.statement.setPlainText("商品发货前已检测，发票见附件")
    figures = panel.budget_figures()
    assert (figures["files"], figures["max_files"]) == (3, 1)
    assert "图片 3/1 张" in panel.budget.text() and "超出：图片数" in panel.budget.text()
    result = pack_case(
        demo_store.path, panel.case_id, "taobao-refuse", tmp_path / "out",
        statement="商品发货前已检测，发票见附件",
    )  # fmt: skip
    assert result.package is None
    assert any("需要 3 张图片" in p for p in result.plan.problems)


def test_a_package_that_does_not_fit_names_its_problems_in_the_windows_language(panel):
    from types import SimpleNamespace

    from shopdesk.domain import messages
    from shopdesk.domain.messages import Message

    problem = Message("pack.nothing_to_upload")
    messages.set_language("en")  # an English window (reset after the test)
    panel._built(SimpleNamespace(package=None, plan=SimpleNamespace(problems=[problem])))
    assert "there is no evidence to upload" in panel.result.text()
    messages.set_language(None)
    panel._built(SimpleNamespace(package=None, plan=SimpleNamespace(problems=[problem])))
    assert "没有可上传的证据：请先添加照片、截图、聊天记录或 PDF" in panel.result.text()
