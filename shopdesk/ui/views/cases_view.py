"""售后: every after-sales case, newest first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from shopdesk.domain.model import CaseKind, CaseState
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
    return QCoreApplication.translate("CasesView", text)


def case_columns() -> list[Column]:
    return [
        Column(tr("编号"), lambda r: str(r["id"]), "id", align=RIGHT),
        Column(tr("平台"), lambda r: label(Platform, r["platform"])),
        Column(tr("订单号"), lambda r: r["order_no"]),
        Column(tr("买家"), lambda r: r["buyer_nick"]),
        Column(tr("类型"), lambda r: label(CaseKind, r["kind"]), "kind"),
        Column(tr("状态"), lambda r: label(CaseState, r["state"]), "state"),
        Column(tr("退款金额"), lambda r: money(r["refund_fen"]), "refund_fen", align=RIGHT),
        Column(tr("申请时间"), lambda r: local_time(r["opened_at"]), "opened_at"),
        Column(tr("原因"), lambda r: r["reason"]),
    ]


class CasesView(RecordTable):
    def __init__(self, store: Store, parent=None):
        self.store = store
        self.scope = EVERYTHING  # the window's platform and shop choosers
        model = PagedTableModel(
            case_columns(),
            lambda search: store.count_cases(search, scope=self.scope),
            lambda offset, limit, search, sort, desc: store.cases_page(
                offset, limit, search, sort, desc, scope=self.scope
            ),
            default_sort="opened_at",
            search_sort="recent",
        )
        source = SearchSource(
            store.path,
            lambda s, offset, limit, search, sort, desc: s.cases_page(
                offset, limit, search, sort, desc, scope=self.scope
            ),
            lambda s, search: s.count_cases(search, scope=self.scope),
        )
        super().__init__(
            model, [50, 80, 150, 110, 120, 100, 90, 130, 200], parent, search_source=source
        )
        titles = [column.title for column in model.columns]
        fit_order_numbers(self.table, titles.index(tr("订单号")))  # PDD's 22 characters whole

    def set_scope(self, scope: Scope) -> None:
        """Only this platform's or shop's cases (EVERYTHING: all)."""
        self.scope = scope
        self.refresh()
