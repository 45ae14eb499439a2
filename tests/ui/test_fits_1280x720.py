"""At 1280x720 every action button of every view and of every tab of the case panel is
on screen without scrolling, and no label is cut off without a tooltip to read it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QPushButton,
    QTabBar,
    QToolButton,
)

from shopdesk.ui.main_window import MainWindow
from tests.ui.case.test_evidence_panel import CHAT, photo_file
from tests.ui.window_at_1280 import shown_window


@pytest.fixture
def window(qtbot, demo_store):
    with shown_window(qtbot, demo_store) as made:
        yield made


def _settle(qtbot) -> None:
    qtbot.wait(1)  # one turn of the event loop: pending layouts run


def _on_screen(widget) -> bool:
    """Inside the window and inside the viewport of every scroll area around it."""
    rect = QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())
    if not widget.window().rect().contains(rect):
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            viewport = parent.viewport()
            inside = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
            if not viewport.rect().contains(inside):
                return False
        parent = parent.parentWidget()
    return True


def _action_buttons(root) -> list[QAbstractButton]:
    found = []
    for button in root.findChildren(QAbstractButton):
        if not isinstance(button, (QPushButton, QToolButton)) or not button.isVisible():
            continue
        if isinstance(button.parentWidget(), QTabBar):
            continue  # the tab bar's own scroll arrows
        if not button.text():
            continue  # line-edit clear buttons and other built-in glyph buttons
        found.append(button)
    return found


def _cut_labels(root) -> list[str]:
    cut = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text() or label.toolTip():
            continue
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                cut.append(
                    f"{label.text()[:30]!r}: {label.height()} < {label.heightForWidth(label.width())} px"
                )
        elif label.sizeHint().width() > label.width() + 1 and label.maximumWidth() > label.width():
            cut.append(
                f"{label.text()[:30]!r}: {label.width()} < {label.sizeHint().width()} px wide"
            )
    return cut


def _check(root, where: str) -> None:
    buttons = _action_buttons(root)
    off = [b.text() for b in buttons if not _on_screen(b)]
    assert not off, f"{where}: below the fold or cut off: {off}"
    cut = _cut_labels(root)
    assert not cut, f"{where}: labels cut off without a tooltip: {cut}"


def test_every_view_fits(qtbot, window):
    for key in window.view_keys():
        window.show_view(key)
        _settle(qtbot)
        _check(window.view(key), f"view {key}")


def _whole_columns(table) -> list[str]:
    width = table.viewport().width()
    header = table.horizontalHeader()
    return [
        table.model().headerData(c, header.orientation())
        for c in range(header.count())
        if not header.isSectionHidden(c)
        and header.sectionViewportPosition(c) + header.sectionSize(c) <= width
    ]


@pytest.mark.parametrize("key", ["due", "orders", "cases"])
def test_lists_show_their_main_columns_whole(qtbot, window, key):
    """The columns a seller reads a row by (what, whose, which order, who) fit side by
    side beside the detail panel."""
    window.show_view(key)
    _settle(qtbot)
    shown = _whole_columns(window.view(key).table)
    assert len(shown) >= 5, shown


def test_the_order_panel_fits(qtbot, window, demo_store):
    order = max(demo_store.list_orders(), key=lambda o: len(o.item_titles))
    window.show_order(order.id)
    _settle(qtbot)
    _check(window.order_panel, "order panel")
    assert window.order_panel.new_case_button.isVisible()


def _tabs(window):
    tabs = window.case_panel.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield tabs.tabText(index), tabs.widget(index)


def test_every_tab_of_the_case_panel_fits(qtbot, window, demo_store, tmp_path):
    case = next(c for c in demo_store.list_cases() if c.kind == "return_refund")
    window.show_case(case.id)
    panel = next(s for s in window.case_panel.sections if type(s).__name__ == "EvidencePanel")
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    panel.add_files([photo_file(tmp_path), chat])
    for title, area in _tabs(window):
        _settle(qtbot)
        _check(area, f"tab {title}")
    # the 证据 tab with a chat log selected (its messages list shows too)
    tabs = window.case_panel.tabs
    tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())].index("证据"))
    panel.items.setCurrentRow(1)
    _settle(qtbot)
    assert panel.messages.isVisible()
    _check(tabs.currentWidget(), "tab 证据 with a chat log selected")
    assert _on_screen(panel.build_button)
    window.grab().save("/tmp/shots/window-jobs-evidence-1280x720.png")


def test_a_long_pack_result_wraps_inside_the_panel(qtbot, window, demo_store):
    case = next(c for c in demo_store.list_cases() if c.kind == "return_refund")
    window.show_case(case.id)
    panel = next(s for s in window.case_panel.sections if type(s).__name__ == "EvidencePanel")
    tabs = window.case_panel.tabs
    tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())].index("证据"))
    folder = "/home/seller/Downloads/" + "证据包-退货退款-3000000000001305838-20261202-0830"
    panel.result.setText(f"证据包已生成：{folder}/summary.pdf（3 张上传图片）")
    _settle(qtbot)
    _check(tabs.currentWidget(), "pack result")
    assert _on_screen(panel.result)


def test_a_clock_shows_its_whole_explanation_when_opened(qtbot, window, demo_store):
    """Each clock is one line until 详情 opens it; opened, its text is never cut off."""
    case = next(
        c for c in demo_store.list_cases()
        if c.kind == "refund_unshipped" and c.state == "awaiting_seller"
    )  # fmt: skip
    window.show_case(case.id)
    window.case_panel.show_clocks()
    _settle(qtbot)
    cards = window.timeline_panel.cards
    assert len(cards) >= 2
    assert all("\n" not in card.detail.text() for card in cards)  # one line each, closed
    assert all(card.detail.toolTip() == card.full_text for card in cards)
    _check(window.case_panel.tabs.currentWidget(), "tab 进度 closed")
    cards[0].more.click()
    _settle(qtbot)
    opened = cards[0].detail
    assert opened.text() == cards[0].full_text and "来源" in cards[0].full_text
    assert opened.height() >= opened.heightForWidth(opened.width())  # every line readable
    assert not _cut_labels(window.case_panel.tabs.currentWidget())
    cards[0].more.click()
    assert cards[0].more.text() == "详情" and "\n" not in cards[0].detail.text()


@pytest.mark.parametrize("language", ["zh-CN", "zh-TW", "en"])
def test_the_window_is_never_wider_than_a_1280_pixel_screen(qtbot, qapp, demo_store, language):
    """Longer English words (the 分析 filters, the status lines) must not push the
    window past the screen: its minimum width stays within 1280 in every language."""
    from shopdesk.ui import i18n

    before = i18n.current_language()
    translator = i18n.install(qapp, language)
    try:
        QSettings().remove("window")
        made = MainWindow(demo_store)
        qtbot.addWidget(made)
        made.resize(1280, 720)
        made.show()
        qtbot.waitExposed(made)
        made.show_view("insights")
        _settle(qtbot)
        assert made.minimumSizeHint().width() <= 1280
        assert made.width() == 1280
        made.external_writes.stop()
        made.close()
    finally:
        qapp.removeTranslator(translator)
        i18n.install(qapp, before)
