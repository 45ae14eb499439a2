"""The detail panel for an after-sales case: the order's facts and the case's timeline,
plus the sections the main window adds (progress, replies, evidence) as tabs.

A click reads the case once (services/case_snapshot.py: a CaseSnapshot) and hands the
snapshot to every section's `show_snapshot(snapshot)`; a section without one is asked
`show_case(case_id)`. A section is added with `add_section(title, widget)`; it may have a
`changed` signal that tells the window the case was written to."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain.model import CaseKind, CaseState, Cause
from shopdesk.services.case_snapshot import CaseSnapshot, read_case
from shopdesk.services.session import Store
from shopdesk.ui.case.case_timeline import fill_timeline
from shopdesk.ui.case.facts import FactsBlock
from shopdesk.ui.countdown import ui_now
from shopdesk.ui.format import label, local_time, money
from shopdesk.ui.layout_fit import let_shrink


class CaseOverview(QWidget):
    """The 概况 tab: what the case is about and its timeline, oldest first."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.facts = FactsBlock()
        self.timeline = QListWidget()
        let_shrink(self.timeline, 80)
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addWidget(QLabel(self.tr("时间线")))
        layout.addWidget(self.timeline, 1)

    def show_case(self, case_id: int) -> None:
        self.show_snapshot(read_case(self.store, case_id, ui_now()))

    def show_snapshot(self, snapshot: CaseSnapshot) -> None:
        case, order = snapshot.case, snapshot.order
        tr = self.tr
        self.facts.show_facts(
            [
                (tr("类型"), label(CaseKind, case.kind)),
                (tr("状态"), label(CaseState, case.state)),
                (tr("原因"), f"{case.reason}（{label(Cause, case.cause)}）"),
                (tr("退款金额"), money(case.refund_fen)),
                (tr("订单"), f"{order.order_no}  {order.status}"),
                (tr("买家"), order.buyer_nick),
                (tr("宝贝"), order.item_titles),
                (tr("快递"), f"{order.courier} {order.tracking_no}".strip()),
                (tr("平台状态"), case.platform_status),
                (tr("平台截止时间"), local_time(case.platform_deadline, seconds=True)),
                (tr("买家说明"), case.description),
            ]
        )
        fill_timeline(self.timeline, snapshot.events)


class CasePanel(QWidget):
    changed = Signal(int)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.case_id: int | None = None
        self.snapshot: CaseSnapshot | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.tabs = QTabWidget()
        self.sections: list[QWidget] = [CaseOverview(store)]
        self.tabs.addTab(self._scrolled(self.sections[0]), self.tr("概况"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)

    def add_section(self, title: str, section: QWidget, position: int | None = None) -> None:
        """A tab (`title` already translated) at `position` (the end by default); its
        `changed` signal, if any, re-shows the case and tells the window."""
        if hasattr(section, "changed"):
            section.changed.connect(self._section_changed)
        index = self.tabs.count() if position is None else position
        self.sections.append(section)
        self.tabs.insertTab(index, self._scrolled(section), title)

    @staticmethod
    def _scrolled(widget: QWidget) -> QScrollArea:
        if widget.layout() is not None:  # tabs are dense: room for their buttons at 720 px
            widget.layout().setContentsMargins(6, 6, 6, 6)
            widget.layout().setSpacing(5)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(widget)
        return area

    def show_case(self, case_id: int) -> None:
        """Read the case once and show it in every section."""
        snapshot = read_case(self.store, case_id, ui_now())
        self.case_id = case_id
        self.snapshot = snapshot
        case = snapshot.case
        self.title.setText(
            self.tr("售后单 #%1 · %2")
            .replace("%1", str(case.id))
            .replace("%2", label(CaseKind, case.kind))
        )
        for section in self.sections:
            if hasattr(section, "show_snapshot"):
                section.show_snapshot(snapshot)
            else:
                section.show_case(case_id)

    def show_clocks(self) -> None:
        """Bring the tab with the case's running clocks (进度) to the front."""
        for index in range(self.tabs.count()):
            area = self.tabs.widget(index)
            if getattr(area.widget(), "cards", None) is not None:
                self.tabs.setCurrentIndex(index)
                return

    def _section_changed(self, *_args) -> None:
        if self.case_id is not None:
            self.show_case(self.case_id)
            self.changed.emit(self.case_id)
