"""The detail panel for an order: its facts, its item lines and its after-sales cases."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from shopdesk.core.model import CaseKind, CaseState
from shopdesk.core.store import Store
from shopdesk.ui.facts import FactsBlock
from shopdesk.ui.format import label, local_time, money


class OrderPanel(QWidget):
    case_requested = Signal(int)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.order_id: int | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.facts = FactsBlock()
        self.lines = QListWidget()
        self.lines.setMaximumHeight(120)
        self.cases = QListWidget()
        self.cases.setMaximumHeight(110)
        self.cases.itemActivated.connect(lambda item: self.case_requested.emit(item.data(256)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
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
                (tr("快递"), f"{order.courier} {order.tracking_no}".strip()),
                (tr("买家留言"), order.buyer_message),
                (tr("卖家备注"), order.seller_note),
            ]
        )
        self.lines.clear()
        for line in self.store.order_lines(order_id):
            text = f"{line.title}  {line.sku_props}  ×{line.quantity}  {money(line.price_fen)}"
            self.lines.addItem(text)
        self.cases.clear()
        for case in self.store.list_cases(order_id=order_id):
            item = QListWidgetItem(
                f"#{case.id}  {label(CaseKind, case.kind)}  {label(CaseState, case.state)}"
            )
            item.setData(256, case.id)
            self.cases.addItem(item)
