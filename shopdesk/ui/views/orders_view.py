"""订单: every order in the store, newest payment first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from shopdesk.core.store import Store
from shopdesk.ui.format import local_time, money
from shopdesk.ui.tables.search_worker import SearchSource
from shopdesk.ui.tables.table_model import Column, PagedTableModel
from shopdesk.ui.tables.table_view import RecordTable

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def tr(text: str) -> str:
    return QCoreApplication.translate("OrdersView", text)


def order_columns() -> list[Column]:
    return [
        Column(tr("订单号"), lambda r: r["order_no"], "order_no"),
        Column(tr("买家"), lambda r: r["buyer_nick"], "buyer"),
        Column(tr("订单状态"), lambda r: r["status"], "status"),
        Column(tr("宝贝"), lambda r: r["item_titles"]),
        Column(tr("实付"), lambda r: money(r["paid_fen"]), "paid_fen", align=RIGHT),
        Column(tr("付款时间"), lambda r: local_time(r["paid_at"]), "paid_at"),
        Column(tr("运单号"), lambda r: r["tracking_no"]),
    ]


class OrdersView(RecordTable):
    def __init__(self, store: Store, parent=None):
        self.store = store
        model = PagedTableModel(
            order_columns(),
            store.count_orders,
            store.orders_page,
            default_sort="paid_at",
            search_sort="recent",
        )
        source = SearchSource(store.path, Store.orders_page, Store.count_orders)
        super().__init__(model, [150, 110, 130, 220, 80, 130, 130], parent, search_source=source)
