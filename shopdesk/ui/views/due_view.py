"""待办: every open deadline across orders and cases, soonest first, with who must act;
by default the ones the seller must act on (a filter shows all)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain.countdown import countdown
from shopdesk.domain.model import CaseKind, Party
from shopdesk.domain.scope import EVERYTHING, Scope
from shopdesk.services import clocks, platforms
from shopdesk.services.platforms import Platform
from shopdesk.services.session import Store
from shopdesk.ui.countdown import (
    CountdownTicker,
    countdown_column,
    ui_now,
)
from shopdesk.ui.format import label, local_time
from shopdesk.ui.i18n import current_language
from shopdesk.ui.tables.column_fit import cell_padding, fit_order_numbers
from shopdesk.ui.tables.search_worker import SearchSource
from shopdesk.ui.tables.table_model import Column, PagedTableModel, Row
from shopdesk.ui.tables.table_view import RecordTable
from shopdesk.ui.views.due_empty import DueEmptyState


def tr(text: str) -> str:
    return QCoreApplication.translate("DueView", text)


def explain_row(store: Store, row: Row) -> str:
    """The explanation of the deadline a row shows (tooltip)."""
    if not row.get("next_due_at"):
        return ""
    subject = row.get("subject") or ("case" if "kind" in row else "order")
    subject_id = row.get("case_id") if subject == "case" else row.get("order_id")
    subject_id = subject_id or abs(row["id"])
    from shopdesk.services.clocks import subject_deadlines  # the clock engine

    deadlines = subject_deadlines(store, subject, subject_id, ui_now())
    wanted = [d for d in deadlines if d.rule_id == row.get("next_due_rule")] or deadlines
    from shopdesk.domain.rules import explain  # the clock engine, loaded when a tooltip asks

    return "\n\n".join(explain(d, current_language(), computer_time=True) for d in wanted[:2])


def _what(row: Row) -> str:
    if row["subject"] == "case":
        return (
            tr("售后 #%1 %2")
            .replace("%1", str(row["case_id"]))
            .replace("%2", label(CaseKind, row["kind"]))
        )
    return tr("订单")


def due_columns(store: Store) -> list[Column]:
    """What to do and for which order or case first (the detail pane covers the right
    of the list at usual window sizes); when and who after."""
    language = current_language
    return [
        countdown_column(lambda row: explain_row(store, row)),
        Column(tr("事项"), lambda r: r["rule_title"]),  # the page query's: no look-up here
        Column(tr("对象"), _what),
        Column(tr("平台"), lambda r: label_platform(r["platform"])),
        Column(tr("订单号"), lambda r: r["order_no"]),
        Column(tr("买家"), lambda r: r["buyer_nick"]),
        Column(
            tr("需处理方"),
            lambda r: Party(r["next_due_party"]).label(language()) if r["next_due_party"] else "",
        ),
        Column(tr("截止时间"), lambda r: local_time(r["next_due_at"])),
        Column(tr("宝贝"), lambda r: r["item_titles"]),
    ]


MAX_COLUMN_WIDTH = 170  # longer texts are elided; the tooltip and detail pane have them


def _column_samples(language: str) -> dict[str, tuple[list[str], bool]]:
    """By column title: the widest texts the column usually shows, and whether they
    are bold (overdue countdowns are)."""
    now = ui_now()
    estimate = tr("估算")
    countdowns = [
        f"{countdown(now + gap, now, language).text} · {estimate}"
        for gap in (
            timedelta(days=-9, hours=-23),
            timedelta(hours=-23, minutes=-59),
            timedelta(hours=23, minutes=59),
            timedelta(days=9, hours=23),
        )
    ]
    titles = [
        rule.title_in(language)
        for platform, _ in platforms.rule_files()
        for rule in clocks.rule_titles(platform).values()
        if rule.party != Party.BUYER.value
    ]
    subjects = [
        _what({"subject": "case", "case_id": 9999, "kind": kind.value}) for kind in CaseKind
    ]
    return {
        tr("剩余时间"): (countdowns, True),
        tr("事项"): (titles, False),
        tr("对象"): ([*subjects, tr("订单")], False),
        tr("平台"): ([label_platform(p) for p, _ in platforms.rule_files()], False),
        tr("买家"): (["买" * 7], False),
        tr("需处理方"): ([p.label(language) for p in Party], False),
        tr("截止时间"): ([local_time("2026-12-31T15:59:00Z")], False),
    }


def fit_columns(table: QTableView, columns: list[Column]) -> None:
    """Size each column to the widest text it usually shows (measured, not read from the
    rows: the list may hold many thousands), at most MAX_COLUMN_WIDTH but the order
    numbers (every platform's longest form whole)."""
    samples = _column_samples(current_language())
    header = table.horizontalHeader()
    plain = table.fontMetrics()
    bold_font = QFont(table.font())
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    padding = cell_padding(table)
    for index, column in enumerate(columns):
        if column.title == tr("订单号"):
            fit_order_numbers(table, index)  # whole, however wide: else rows look alike
            continue
        texts, is_bold = samples.get(column.title, ([], False))
        metrics = bold if is_bold else plain
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=160)
        title = header.fontMetrics().horizontalAdvance(column.title) + 24  # sort arrow
        table.setColumnWidth(index, min(MAX_COLUMN_WIDTH, max(widest + padding, title)))


def _catch_up(store: Store) -> int:
    from shopdesk.services.clocks import catch_up  # the clock engine

    return catch_up(store, ui_now())


class DueView(QWidget):
    selected_order = Signal(int)
    selected_case = Signal(int)
    counts_changed = Signal(int)  # how many deadlines the seller must act on

    def __init__(
        self,
        store: Store,
        catch_up: Callable[[], object] | None = None,
        parent=None,
        *,
        count_later: bool = False,
    ):
        """`catch_up`: brings the cached clocks up to date before the rows are re-read
        (the window's sends big catch-ups to the task runner); by default at once.
        `count_later`: the first page only, the count (and `counts_changed`) when
        `count_rows()` is called (the window: after its first paint)."""
        super().__init__(parent)
        self.store = store
        self._catch_up = catch_up or (lambda: _catch_up(store))
        self.party = Party.SELLER.value
        self.scope = EVERYTHING  # the window's platform and shop choosers
        self.filter = QComboBox()
        self.filter.addItem(self.tr("需要我处理的"), Party.SELLER.value)
        self.filter.addItem(self.tr("全部（含买家）"), "all")
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.summary = QLabel()
        self.model = PagedTableModel(
            due_columns(store),
            lambda search: clocks.count_due(store, self.party, search, self.scope),
            # The model asks "descending" for its usual pages (its default) and the reverse
            # for pages past the middle, read from the end: 待办 is soonest first.
            lambda offset, limit, search, _sort, desc: clocks.due_page(
                store,
                offset,
                limit,
                self.party,
                search,
                descending=not desc,
                language=current_language(),
                scope=self.scope,
            ),
            default_sort="next_due",
            count_later=count_later,
        )
        self.last_seller_count: int | None = None
        # The window's search box searches in the background (a worker with its own
        # connection): the first page as soon as it is read, the count after it is painted.
        source = SearchSource(
            store.path,
            lambda s, offset, limit, search, _sort, desc: clocks.due_page(
                s, offset, limit, self.party, search, not desc, current_language(), self.scope
            ),
            lambda s, search: clocks.count_due(s, self.party, search, self.scope),
        )
        self.records = RecordTable(self.model, [], search_source=source)
        self.search_shown = self.records.search_shown
        fit_columns(self.records.table, self.model.columns)
        self.records.table.setSortingEnabled(False)
        self.table = self.records.table
        self.records.selected.connect(self._selected)
        self.records.search_shown.connect(lambda _text: self._show_empty_state())
        self.ticker = _ticker(self.records)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("显示")))
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.summary)
        self.empty = DueEmptyState()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.records)
        self.pages.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self._update_summary(count=not count_later)

    def count_rows(self) -> None:
        """The count of the rows shown and of the seller's (`counts_changed`), unless a
        refresh since counted them."""
        if self.model.count_known() and self.last_seller_count is not None:
            return
        shown = self.model.count_rows()
        unfiltered = self.party == Party.SELLER.value and not self.model.search_text()
        self._count_for_seller(shown if unfiltered else None)

    def set_scope(self, scope: Scope) -> None:
        """Only this platform's or shop's deadlines (EVERYTHING: all)."""
        self.scope = scope
        self.records.refresh()
        self._update_summary()

    def _filter_changed(self, _index: int) -> None:
        self.party = self.filter.currentData()
        self.refresh()

    def _selected(self, row_id: int) -> None:
        if row_id < 0:
            self.selected_order.emit(-row_id)
        else:
            self.selected_case.emit(row_id)

    def set_search(self, text: str) -> None:
        if (text or None) == self.model.search_text():
            return  # switching to the view: nothing to re-read
        self.model.set_search(text)
        self._update_summary()

    def start_search(self, text: str) -> None:
        """Search as the seller types (the window's search box), in the background."""
        self.records.start_search(text)

    def stop_searching(self) -> None:
        self.records.stop_searching()

    def refresh(self) -> None:
        """After the store changed (an import, an event, another process): recompute
        what was written and what came due, re-read the rows."""
        self._catch_up()
        self.records.refresh()
        self._update_summary()

    def seller_count(self) -> int:
        return clocks.count_due(self.store, Party.SELLER.value)

    def _update_summary(self, count: bool = True) -> None:
        # one date for the platforms whose rules are of the same day: the line stays short
        # enough for a 1280-pixel window however many platforms have rules
        by_date: dict[str, list[str]] = {}
        for platform, _ in platforms.rule_files():
            by_date.setdefault(clocks.rules_as_of(platform), []).append(label_platform(platform))
        stamp = "；".join(f"{day} {' · '.join(names)}" for day, names in by_date.items())
        self.summary.setText(self.tr("规则截至：%1").replace("%1", stamp))
        if count:
            self._count_for_seller()
        self._show_empty_state()

    def _count_for_seller(self, known: int | None = None) -> None:
        self.last_seller_count = self.seller_count() if known is None else known
        self.counts_changed.emit(self.last_seller_count)

    def _show_empty_state(self) -> None:
        if self.model.rowCount():
            self.pages.setCurrentWidget(self.records)
            return
        self.empty.show_for(self.store.counts()["orders"], bool(self.model.search_text()))
        self.pages.setCurrentWidget(self.empty)


def label_platform(platform: str) -> str:
    return label(Platform, platform)


def _ticker(records: RecordTable) -> CountdownTicker:
    ticker = CountdownTicker(records.table, 0, records)
    ticker.restart()
    return ticker
