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
    QSpinBox,
    QVBoxLayout,
)

from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.domain.model import Shop
from shopdesk.domain.reply_clock import reply_target, set_reply_target
from shopdesk.services.platforms import Platform
from shopdesk.services.session import Store
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
        target = reply_target(store)  # the shop's 快速反应 target, for every platform
        self.reply_minutes = QSpinBox()
        self.reply_minutes.setRange(1, 24 * 60)
        self.reply_minutes.setSuffix(self.tr(" 分钟"))
        self.reply_minutes.setValue(target.minutes)
        self.service_hours = QLineEdit(f"{target.hours[0]:%H:%M}-{target.hours[1]:%H:%M}")
        self.service_hours.setPlaceholderText("09:00-23:00")
        form = QFormLayout()
        form.addRow(self.tr("店铺名称"), self.name)
        form.addRow(self.tr("平台"), self.platform)
        form.addRow(self.tr("承诺发货时间"), self.promise)
        form.addRow(self.tr("退货地址"), self.address)
        form.addRow(self.tr("客服签名"), self.signature)
        form.addRow(self.tr("回复时限"), self.reply_minutes)
        form.addRow(self.tr("客服在线时间"), self.service_hours)
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
        try:
            set_reply_target(
                self.store, self.reply_minutes.value(), self.service_hours.text().strip()
            )
        except ShopDeskError as error:
            self.error.setText(say(error))
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
