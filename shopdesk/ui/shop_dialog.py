"""店铺设置: the shop's name, platform, return address, promised shipping time, signature."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from shopdesk.core.model import Platform, Shop
from shopdesk.core.store import Store
from shopdesk.ui.i18n import current_language

SHIP_PROMISES = [
    (24, QT_TR_NOOP("24 小时")),
    (48, QT_TR_NOOP("48 小时（平台默认）")),
    (72, QT_TR_NOOP("72 小时")),
    (168, QT_TR_NOOP("预售 7 天")),
]


class ShopDialog(QDialog):
    def __init__(self, store: Store, shop: Shop, parent=None):
        super().__init__(parent)
        self.store = store
        self.shop = shop
        self.setWindowTitle(self.tr("店铺设置"))
        self.name = QLineEdit(shop.name)
        self.platform = QComboBox()
        for platform in Platform:
            self.platform.addItem(platform.label(current_language()), platform.value)
        self.platform.setCurrentIndex(self.platform.findData(shop.platform))
        self.promise = QComboBox()
        for hours, text in SHIP_PROMISES:
            self.promise.addItem(self.tr(text), hours)
        index = self.promise.findData(shop.promised_ship_hours)
        self.promise.setCurrentIndex(index if index >= 0 else 1)
        self.address = QPlainTextEdit(shop.return_address)
        self.address.setFixedHeight(60)
        self.signature = QLineEdit(shop.signature)
        form = QFormLayout()
        form.addRow(self.tr("店铺名称"), self.name)
        form.addRow(self.tr("平台"), self.platform)
        form.addRow(self.tr("承诺发货时间"), self.promise)
        form.addRow(self.tr("退货地址"), self.address)
        form.addRow(self.tr("客服签名"), self.signature)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.error.setText(self.tr("店铺名称不能为空。"))
            return
        self.shop = self.store.update_shop(
            self.shop.id,
            name=name,
            platform=self.platform.currentData(),
            promised_ship_hours=self.promise.currentData(),
            return_address=self.address.toPlainText().strip(),
            signature=self.signature.text().strip(),
        )
        self.accept()
