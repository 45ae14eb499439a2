"""First start: a page inside the main window (never a modal dialog, so scripts and the
smoke test run as before) for a store with no shop and no data yet. It asks for the
shop's name, platform, return address and signature (all can wait: 设置 → 店铺设置), and
offers the two ways to begin: import the platform's exports, or look at the demo shop."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain import paths
from shopdesk.services.platforms import Platform
from shopdesk.services.session import Store
from shopdesk.ui.first_start import WELCOME_DONE, needs_welcome  # noqa: F401 - also here
from shopdesk.ui.i18n import current_language


def demo_command() -> tuple[str, list[str]]:
    """How to start ShopDesk on its demo store, as a window of its own (the seller's
    store stays as it is)."""
    args = ["--demo", "--lang", current_language()]
    if paths.is_frozen():
        return sys.executable, args
    return sys.executable, ["-m", "shopdesk", *args]


class WelcomePage(QWidget):
    finished = Signal()  # saved or skipped: show the main window's views
    import_requested = Signal()

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        title = QLabel(self.tr("欢迎使用 ShopDesk"))
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        intro = QLabel(
            self.tr(
                "先告诉 ShopDesk 你的店铺：回复模板会用到店铺名称、退货地址和客服签名。"
                "都可以先跳过，以后在“设置 → 店铺设置”里填写。"
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("如 小满家居旗舰店"))
        self.platform = QComboBox()
        for platform in Platform:
            self.platform.addItem(platform.label(current_language()), platform.value)
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText(self.tr("收件人、电话、地址（买家退货寄到这里）"))
        self.address.setFixedHeight(64)
        self.signature = QLineEdit()
        self.signature.setPlaceholderText(self.tr("如 小满家居 客服小满"))
        form = QFormLayout()
        form.addRow(self.tr("店铺名称"), self.name)
        form.addRow(self.tr("平台"), self.platform)
        form.addRow(self.tr("退货地址"), self.address)
        form.addRow(self.tr("客服签名"), self.signature)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存并开始"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.skip_button = QPushButton(self.tr("跳过，以后再填"))
        self.skip_button.clicked.connect(self.skip)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        begin = QLabel(self.tr("然后从这里开始"))
        begin.setStyleSheet("font-weight: bold;")
        self.import_button = QPushButton(self.tr("导入平台导出文件…"))
        self.import_button.setToolTip(
            self.tr("千牛/卖家中心导出的订单报表、宝贝报表和退款导出（Ctrl+I，也可以拖到窗口上）")
        )
        self.import_button.clicked.connect(self.import_requested.emit)
        self.demo_button = QPushButton(self.tr("先看看演示店铺"))
        self.demo_button.setToolTip(self.tr("在另一个窗口打开演示店铺，你的店铺数据不受影响"))
        self.demo_button.clicked.connect(self.open_demo)
        starts = QHBoxLayout()
        starts.addWidget(self.import_button)
        starts.addWidget(self.demo_button)
        starts.addStretch(1)
        self.demo_status = QLabel()
        self.demo_status.setWordWrap(True)
        self.demo_status.setStyleSheet("color: #666;")

        card = QWidget()
        card.setMaximumWidth(640)
        column = QVBoxLayout(card)
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(8)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addLayout(buttons)
        column.addSpacing(12)
        column.addWidget(line)
        column.addWidget(begin)
        column.addLayout(starts)
        column.addWidget(self.demo_status)
        column.addStretch(1)
        holder = QWidget()
        centered = QHBoxLayout(holder)
        centered.addStretch(1)
        centered.addWidget(card, 4)
        centered.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 0)
        layout.addWidget(area)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.error.setText(self.tr("店铺名称：请填写，或点“跳过，以后再填”。"))
            self.name.setFocus()
            return
        with self.store.transaction():
            self.store.add_shop(
                name,
                self.platform.currentData(),
                return_address=self.address.toPlainText().strip(),
                signature=self.signature.text().strip(),
            )
            self.store.set_setting(WELCOME_DONE, True)
        self.finished.emit()

    def skip(self) -> None:
        self.store.set_setting(WELCOME_DONE, True)
        self.finished.emit()

    def open_demo(self) -> bool:
        program, args = demo_command()
        started = QProcess.startDetached(program, args)[0]
        self.demo_status.setText(
            self.tr("演示店铺正在另一个窗口中打开…")
            if started
            else self.tr("没能打开演示店铺，请在命令行运行 shopdesk --demo。")
        )
        return started
