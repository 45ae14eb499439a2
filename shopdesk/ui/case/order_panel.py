"""The detail panel for an order: its facts, its item lines and its after-sales cases."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain.model import CaseKind, CaseState, OrderState
from shopdesk.services.session import Store
from shopdesk.ui.case.facts import FactsBlock
from shopdesk.ui.format import label, local_time, money


class OrderPanel(QWidget):
    case_requested = Signal(int)
    new_case_requested = Signal(int)  # order id
    ship_requested = Signal(int)  # order id
    delivered_requested = Signal(int)  # order id

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.order_id: int | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.facts = FactsBlock()
        self.lines = QListWidget()
        self.lines.setMaximumHeight(120)
        self.lines.setWordWrap(True)  # a long title reads whole, not behind a scroll bar
        self.lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cases = QListWidget()
        self.cases.setMaximumHeight(110)
        self.cases.itemActivated.connect(lambda item: self.case_requested.emit(item.data(256)))
        self.new_case_button = QPushButton(self.tr("新建售后单…"))
        self.new_case_button.setToolTip(self.tr("为这个订单新建售后单（Ctrl+Shift+N）"))
        self.new_case_button.clicked.connect(lambda: self._request(self.new_case_requested))
        self.ship_button = QPushButton(self.tr("标记发货…"))
        self.ship_button.clicked.connect(lambda: self._request(self.ship_requested))
        self.delivered_button = QPushButton(self.tr("买家签收…"))
        self.delivered_button.setToolTip(self.tr("记录签收时间：七天无理由退货从签收次日算起"))
        self.delivered_button.clicked.connect(lambda: self._request(self.delivered_requested))
        actions = QHBoxLayout()
        actions.addWidget(self.new_case_button)
        actions.addWidget(self.ship_button)
        actions.addWidget(self.delivered_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(actions)
        layout.addWidget(self.facts)
        layout.addWidget(QLabel(self.tr("宝贝")))
        layout.addWidget(self.lines)
        layout.addWidget(QLabel(self.tr("售后单（双击打开）")))
        layout.addWidget(self.cases)
        layout.addStretch(1)

    def show_order(self, order_id: int) -> None:
        self.order_id = order_id
        order = self.store.get_order(order_id)
        tr = self.tr
        self.title.setText(tr("订单 %1").replace("%1", order.order_no))
        self.ship_button.setEnabled(self.shippable(order))
        shipped = order.state == OrderState.SHIPPED.value
        self.ship_button.setText(tr("修改发货信息…") if shipped else tr("标记发货…"))
        self.delivered_button.setEnabled(
            order.state in (OrderState.SHIPPED.value, OrderState.SUCCESS.value)
        )
        self.facts.show_facts(
            [
                (tr("订单状态"), order.status),
                (tr("买家"), order.buyer_nick),
                (tr("收货人"), f"{order.receiver_name}  {order.receiver_phone}"),
                (tr("收货地址"), order.receiver_address),
                (tr("实付"), money(order.paid_fen)),
                (tr("下单时间"), local_time(order.created_at)),
                (tr("付款时间"), local_time(order.paid_at)),
                (tr("发货时间"), local_time(order.shipped_at)),
                (tr("签收时间"), local_time(order.delivered_at)),
                (tr("快递"), f"{order.courier} {order.tracking_no}".strip()),
                (tr("买家留言"), order.buyer_message),
                (tr("卖家备注"), order.seller_note),
            ]
        )
        self.lines.clear()
        for line in self.store.order_lines(order_id):
            text = f"{line.title}  {line.sku_props}  ×{line.quantity}  {money(line.price_fen)}"
            entry = QListWidgetItem(text)
            entry.setToolTip(text)
            self.lines.addItem(entry)
        self.cases.clear()
        for case in self.store.list_cases(order_id=order_id):
            item = QListWidgetItem(
                f"#{case.id}  {label(CaseKind, case.kind)}  {label(CaseState, case.state)}"
            )
            item.setData(256, case.id)
            self.cases.addItem(item)

    @staticmethod
    def shippable(order) -> bool:
        return order.state in (OrderState.PAID.value, OrderState.SHIPPED.value)

    def _request(self, signal) -> None:
        if self.order_id is not None:
            signal.emit(self.order_id)
