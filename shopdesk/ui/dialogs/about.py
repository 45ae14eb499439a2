"""关于 ShopDesk (version, store, SQLite and Qt) and 诊断信息 (the same with the newest
crash log, copied for the seller to paste to whoever helps), opened from the 帮助 menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from shopdesk.ui.dialogs import diagnostics


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A 关闭 button in ShopDesk's language (Qt's own Close is English without its
    translations)."""
    buttons = QDialogButtonBox()
    close = buttons.addButton(dialog.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
    close.setDefault(True)
    buttons.rejected.connect(dialog.reject)
    return buttons


class AboutDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于 ShopDesk"))
        self.facts = diagnostics.gather(store)
        title = QLabel(self.tr("ShopDesk 售后工作台 %1").replace("%1", self.facts.version))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        blurb = QLabel(self.tr("小店的售后工作台：订单、售后、平台时限、回复模板与举证材料。"))
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for label, value in diagnostics.facts_lines(self.facts):
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[label] = shown
            form.addRow(label + "：", shown)
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())


class DiagnosticsDialog(QDialog):
    """Shows the report and copies it at once; 再次复制 copies again."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("诊断信息"))
        self.crash_log = diagnostics.newest_crash_log()
        self.text = diagnostics.report(diagnostics.gather(store), self.crash_log)
        intro = QLabel(
            self.tr("请把下面的内容发给帮你排查问题的人（已包含最近的崩溃记录）。")
            if self.crash_log
            else self.tr("请把下面的内容发给帮你排查问题的人。没有崩溃记录。")
        )
        intro.setWordWrap(True)
        self.view = QPlainTextEdit(self.text)
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.status = QLabel()
        self.status.setStyleSheet("color: #1a7f37;")
        buttons = close_buttons(self)
        again = QPushButton(self.tr("再次复制"))
        buttons.addButton(again, QDialogButtonBox.ButtonRole.ActionRole)
        again.clicked.connect(self.copy)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.copy()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.status.setText(self.tr("已复制到剪贴板，可直接粘贴到聊天窗口或邮件。"))
