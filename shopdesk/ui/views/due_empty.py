"""What an empty 待办 says: the next thing to do, not a blank table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class DueEmptyState(QWidget):
    import_requested = Signal()
    add_order_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #555;")
        self.import_button = QPushButton(self.tr("导入平台导出文件…"))
        self.import_button.clicked.connect(self.import_requested.emit)
        self.add_button = QPushButton(self.tr("新增订单…"))
        self.add_button.clicked.connect(self.add_order_requested.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def show_for(self, orders: int, searching: bool) -> None:
        """`orders`: how many the store has; `searching`: the list is filtered."""
        if searching:
            self.heading.setText(self.tr("没有符合搜索的时限"))
            self.message.setText(self.tr("换个关键词，或清空搜索框。"))
        elif orders == 0:
            self.heading.setText(self.tr("还没有订单"))
            self.message.setText(
                self.tr(
                    "从千牛/卖家中心导出订单报表和退款，导入后这里按先到期排好要做的事"
                    "（Ctrl+I，也可以把文件拖到窗口上）；其他渠道的订单可以手动新增（Ctrl+N）。"
                )
            )
        else:
            self.heading.setText(self.tr("现在没有要你处理的时限"))
            self.message.setText(
                self.tr(
                    "未发货的订单和进行中的售后单会出现在这里。"
                    "有新的售后，导入最新的退款导出，或在订单上新建售后单（Ctrl+Shift+N）。"
                )
            )
        self.import_button.setVisible(not searching)
        self.add_button.setVisible(not searching and orders == 0)
