"""订单: every order in the store, newest payment first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from shopdesk.domain.scope import EVERYTHING, Scope
from shopdesk.services.platforms import Platform
from shopdesk.services.session import Store
from shopdesk.ui.format import label, local_time, money
from shopdesk.ui.tables.column_fit import fit_order_numbers
from shopdesk.ui.tables.search_worker import SearchSource
from shopdesk.ui.tables.table_model import Column, PagedTableModel
from shopdesk.ui.tables.table_view import RecordTable

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def tr(text: str) -> str:
    return QCoreApplication.translate("OrdersView", text)


def order_columns() -> list[Column]:
    return [
        Column(tr("平台"), lambda r: label(Platform, r["platform"])),
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
        self.scope = EVERYTHING  # the window's platform and shop choosers
        model = PagedTableModel(
            order_columns(),
            lambda search: store.count_orders(search, self.scope),
            lambda offset, limit, search, sort, desc: store.orders_page(
                offset, limit, search, sort, desc, self.scope
            ),
            default_sort="paid_at",
            search_sort="recent",
        )
        source = SearchSource(
            store.path,
            lambda s, offset, limit, search, sort, desc: s.orders_page(
                offset, limit, search, sort, desc, self.scope
            ),
            lambda s, search: s.count_orders(search, self.scope),
        )
        super().__init__(
            model, [80, 150, 110, 130, 220, 80, 130, 130], parent, search_source=source
        )
        titles = [column.title for column in model.columns]
        fit_order_numbers(self.table, titles.index(tr("订单号")))  # PDD's 22 characters whole

    def set_scope(self, scope: Scope) -> None:
        """Only this platform's or shop's orders (EVERYTHING: all)."""
        self.scope = scope
        self.refresh()
