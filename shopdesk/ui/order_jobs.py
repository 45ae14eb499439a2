"""Two jobs on one order, from the order panel, the orders list's context menu and the
订单 menu: open an after-sales case for it (Ctrl+Shift+N), mark it shipped. Both write
through shopdesk.store.order_jobs, as the command line does."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.domain.model import Case, CaseKind, Order, OrderState
from shopdesk.domain.timeutil import CHINA, from_text, now_utc
from shopdesk.services import cases
from shopdesk.services.orders import check_case_start, mark_delivered, mark_shipped
from shopdesk.services.session import Store
from shopdesk.ui.i18n import current_language

# The couriers a Taobao seller picks most; any other can be typed in.
COURIERS = (
    "中通快递",
    "圆通速递",
    "韵达快递",
    "申通快递",
    "极兔速递",
    "顺丰速运",
    "邮政快递包裹",
    "京东快递",
)


def time_edit(instant: datetime) -> QDateTimeEdit:
    """A date-time field in China time (platform times are), with a calendar."""
    edit = QDateTimeEdit()
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    set_china_time(edit, instant)
    return edit


def set_china_time(edit: QDateTimeEdit, instant: datetime) -> None:
    naive = instant.astimezone(CHINA).replace(tzinfo=None, second=0, microsecond=0)
    edit.setDateTime(QDateTime(naive))


def china_time(edit: QDateTimeEdit) -> datetime:
    return edit.dateTime().toPython().replace(tzinfo=CHINA, second=0, microsecond=0)


class _OrderJobDialog(QDialog):
    """A small form about one order, with an error line that names the field."""

    def __init__(self, store: Store, order: Order, title: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.order = order
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        heading = QLabel(
            self.tr("订单 %1 · %2")
            .replace("%1", order.order_no)
            .replace("%2", order.buyer_nick or order.receiver_name or "—")
        )
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            self.write()
        except ShopDeskError as exc:
            self.error.setText(say(exc))
            return
        self.accept()

    def write(self) -> None:
        raise NotImplementedError


class NewCaseDialog(_OrderJobDialog):
    """新建售后单: any kind (refunds, returns, complaints, bad reviews ...), its start."""

    def __init__(self, store: Store, order: Order, parent=None):
        super().__init__(store, order, self.tr("新建售后单"), parent)
        self.created: Case | None = None
        self.kind = QComboBox()
        for kind in CaseKind:
            self.kind.addItem(kind.label(current_language()), kind.value)
        unshipped = order.state == OrderState.PAID.value
        default = CaseKind.REFUND_UNSHIPPED if unshipped else CaseKind.RETURN_REFUND
        self.kind.setCurrentIndex(self.kind.findData(default.value))
        self.opened_at = time_edit(now_utc())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("买家填写的原因，如 不想要了、质量问题（可不填）"))
        self.form.addRow(self.tr("类型"), self.kind)
        self.form.addRow(self.tr("开始时间"), self.opened_at)
        self.form.addRow(self.tr("原因"), self.reason)
        hint = QLabel(
            self.tr("开始时间：买家申请、投诉或评价的时间（北京时间），平台时限从这时算起。")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        self.form.addRow(hint)

    def write(self) -> None:
        at = china_time(self.opened_at)
        now = now_utc()
        check_case_start(self.order, at, now)
        self.created, _ = cases.open_case(
            self.store,
            self.order.id,
            self.kind.currentData(),
            at,
            reason=self.reason.text(),
            now=now,
        )


class ShipDialog(_OrderJobDialog):
    """标记发货: courier, tracking number, when; the 卖家发货 clock stops."""

    def __init__(self, store: Store, order: Order, parent=None):
        super().__init__(store, order, self.tr("标记发货"), parent)
        self.shipped: Order | None = None
        self.courier = QComboBox()
        self.courier.setEditable(True)
        self.courier.addItems(COURIERS)
        self.courier.setCurrentText(order.courier or store.get_setting("last_courier", ""))
        self.tracking = QLineEdit(order.tracking_no)
        self.tracking.setPlaceholderText(self.tr("快递单上的运单号"))
        self.shipped_at = time_edit(now_utc())
        self.form.addRow(self.tr("快递公司"), self.courier)
        self.form.addRow(self.tr("运单号"), self.tracking)
        self.form.addRow(self.tr("发货时间"), self.shipped_at)
        self.tracking.setFocus()

    def write(self) -> None:
        courier = self.courier.currentText()
        self.shipped = mark_shipped(
            self.store, self.order.id, self.tracking.text(), courier, china_time(self.shipped_at)
        )
        self.store.set_setting("last_courier", courier.strip())


class DeliveredDialog(_OrderJobDialog):
    """买家已签收: when, from the courier's tracking; 七天无理由 counts from the next day."""

    def __init__(self, store: Store, order: Order, parent=None):
        super().__init__(store, order, self.tr("买家签收"), parent)
        self.delivered: Order | None = None
        self.delivered_at = time_edit(
            from_text(order.delivered_at) if order.delivered_at else now_utc()
        )
        self.form.addRow(self.tr("签收时间"), self.delivered_at)
        hint = QLabel(
            self.tr(
                "按物流记录填写（北京时间）。七天无理由退货从签收次日算起，不再按交易成功估算。"
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        self.form.addRow(hint)

    def write(self) -> None:
        self.delivered = mark_delivered(self.store, self.order.id, china_time(self.delivered_at))
