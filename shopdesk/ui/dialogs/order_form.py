"""Add or edit an order by hand (orders from other channels, or a fix of an import)."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import say
from shopdesk.domain.model import Order, OrderState
from shopdesk.domain.timeutil import CHINA, from_text
from shopdesk.services import platforms
from shopdesk.services.order_input import check_order_form
from shopdesk.services.platforms import Platform
from shopdesk.services.session import Store
from shopdesk.ui.i18n import current_language

TEXT_FIELDS = [
    ("order_no", QT_TR_NOOP("订单号")),
    ("buyer_nick", QT_TR_NOOP("买家昵称")),
    ("receiver_name", QT_TR_NOOP("收货人")),
    ("receiver_phone", QT_TR_NOOP("联系电话")),
    ("receiver_address", QT_TR_NOOP("收货地址")),
    ("item_titles", QT_TR_NOOP("宝贝")),
    ("paid", QT_TR_NOOP("实付金额（元）")),
    ("paid_at", QT_TR_NOOP("付款时间")),
    ("shipped_at", QT_TR_NOOP("发货时间")),
    ("courier", QT_TR_NOOP("快递公司")),
    ("tracking_no", QT_TR_NOOP("运单号")),
    ("seller_note", QT_TR_NOOP("卖家备注")),
]


def _china(text: str | None) -> str:
    return from_text(text).astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S") if text else ""


class OrderForm(QDialog):
    def __init__(self, store: Store, order: Order | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.saved: Order | None = None
        self.setWindowTitle(self.tr("编辑订单") if order else self.tr("新增订单"))
        self.platform = QComboBox()
        for platform in Platform:
            self.platform.addItem(platform.label(current_language()), platform.value)
        self.state = QComboBox()
        for state in OrderState:
            self.state.addItem(state.label(current_language()), state.value)
        self.fields = {key: QLineEdit() for key, _ in TEXT_FIELDS}
        self.fields["paid_at"].setPlaceholderText("2026-11-28 14:20")
        self.fields["shipped_at"].setPlaceholderText(self.tr("未发货留空"))
        form = QFormLayout()
        form.addRow(self.tr("平台"), self.platform)
        form.addRow(self.tr("状态"), self.state)
        for key, title in TEXT_FIELDS:
            form.addRow(self.tr(title), self.fields[key])
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if order:
            self._fill(order)
        else:
            self.platform.setCurrentIndex(self.platform.findData(platforms.manual_id()))
            self.state.setCurrentIndex(self.state.findData(OrderState.PAID.value))

    def _fill(self, order: Order) -> None:
        self.platform.setCurrentIndex(self.platform.findData(order.platform))
        self.platform.setEnabled(False)
        self.state.setCurrentIndex(self.state.findData(order.state))
        values = {
            **{key: str(getattr(order, key, "") or "") for key, _ in TEXT_FIELDS},
            "paid": f"{order.paid_fen / 100:.2f}",
            "paid_at": _china(order.paid_at),
            "shipped_at": _china(order.shipped_at),
        }
        for key, edit in self.fields.items():
            edit.setText(values.get(key, ""))
        self.fields["order_no"].setReadOnly(True)

    def values(self) -> dict[str, str]:
        return {
            "platform": self.platform.currentData(),
            "state": self.state.currentData(),
            **{key: edit.text() for key, edit in self.fields.items()},
        }

    def save(self) -> None:
        try:
            values = check_order_form(self.values())
        except InputError as exc:
            self.error.setText(say(exc))
            return
        self.saved = self.store.save_order(values)
        self.accept()
