"""待办: every open deadline across orders and cases, soonest first, with who must act;
by default the ones the seller must act on (a filter shows all). And `install_deadlines`,
which the main window calls once: the 待办 view, countdown columns in the orders and
cases views, the case panel's 进度 tab, reminders and the tray, the rules menu."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.core import deadlines_repo as repo
from shopdesk.core.countdown import countdown
from shopdesk.core.errors import ShopDeskError
from shopdesk.core.model import CaseKind, Party
from shopdesk.core.reminders_repo import lead_hours, set_lead_hours
from shopdesk.core.rules import explain
from shopdesk.core.store import Store
from shopdesk.platforms import registry
from shopdesk.platforms.registry import Platform
from shopdesk.ui import file_dialogs
from shopdesk.ui.countdown import (
    CountdownTicker,
    add_countdown_column,
    countdown_column,
    ui_now,
)
from shopdesk.ui.due_empty import DueEmptyState
from shopdesk.ui.format import label, local_time
from shopdesk.ui.i18n import current_language
from shopdesk.ui.search_worker import SearchSource
from shopdesk.ui.table_model import Column, PagedTableModel, Row
from shopdesk.ui.table_view import RecordTable


def tr(text: str) -> str:
    return QCoreApplication.translate("DueView", text)


def explain_row(store: Store, row: Row) -> str:
    """The explanation of the deadline a row shows (tooltip)."""
    if not row.get("next_due_at"):
        return ""
    subject = row.get("subject") or ("case" if "kind" in row else "order")
    subject_id = row.get("case_id") if subject == "case" else row.get("order_id")
    subject_id = subject_id or abs(row["id"])
    deadlines = repo.subject_deadlines(store, subject, subject_id, ui_now())
    wanted = [d for d in deadlines if d.rule_id == row.get("next_due_rule")] or deadlines
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
        for platform, _ in registry.rule_files()
        for version in repo.active_ruleset(platform).versions
        for rule in version.rules.values()
        if rule.party != Party.BUYER.value
    ]
    subjects = [
        _what({"subject": "case", "case_id": 9999, "kind": kind.value}) for kind in CaseKind
    ]
    return {
        tr("剩余时间"): (countdowns, True),
        tr("事项"): (titles, False),
        tr("对象"): ([*subjects, tr("订单")], False),
        tr("平台"): ([label_platform(p) for p, _ in registry.rule_files()], False),
        tr("订单号"): (["8" * 19, "888888-888888888888888"], False),
        tr("买家"): (["买" * 7], False),
        tr("需处理方"): ([p.label(language) for p in Party], False),
        tr("截止时间"): ([local_time("2026-12-31T15:59:00Z")], False),
    }


def fit_columns(table: QTableView, columns: list[Column]) -> None:
    """Size each column to the widest text it usually shows (measured, not read from the
    rows: the list may hold many thousands), at most MAX_COLUMN_WIDTH."""
    samples = _column_samples(current_language())
    header = table.horizontalHeader()
    plain = table.fontMetrics()
    bold_font = QFont(table.font())
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    padding = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 14
    for index, column in enumerate(columns):
        texts, is_bold = samples.get(column.title, ([], False))
        metrics = bold if is_bold else plain
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=160)
        title = header.fontMetrics().horizontalAdvance(column.title) + 24  # sort arrow
        table.setColumnWidth(index, min(MAX_COLUMN_WIDTH, max(widest + padding, title)))


class DueView(QWidget):
    selected_order = Signal(int)
    selected_case = Signal(int)
    counts_changed = Signal(int)  # how many deadlines the seller must act on

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.party = Party.SELLER.value
        self.filter = QComboBox()
        self.filter.addItem(self.tr("需要我处理的"), Party.SELLER.value)
        self.filter.addItem(self.tr("全部（含买家）"), "all")
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.summary = QLabel()
        self.model = PagedTableModel(
            due_columns(store),
            lambda search: repo.count_due(store, self.party, search),
            # The model asks "descending" for its usual pages (its default) and the reverse
            # for pages past the middle, read from the end: 待办 is soonest first.
            lambda offset, limit, search, _sort, desc: repo.due_page(
                store,
                offset,
                limit,
                self.party,
                search,
                descending=not desc,
                language=current_language(),
            ),
            default_sort="next_due",
        )
        # The window's search box searches in the background (a worker with its own
        # connection): the first page as soon as it is read, the count after it is painted.
        source = SearchSource(
            store.path,
            lambda s, offset, limit, search, _sort, desc: repo.due_page(
                s, offset, limit, self.party, search, not desc, current_language()
            ),
            lambda s, search: repo.count_due(s, self.party, search),
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
        self.catch_up()
        self.records.refresh()
        self._update_summary()

    def catch_up(self) -> None:
        """Bring the cached clocks up to date (the window replaces this with one that
        sends big catch-ups to a background thread)."""
        repo.catch_up(self.store, ui_now())

    def seller_count(self) -> int:
        return repo.count_due(self.store, Party.SELLER.value)

    def _update_summary(self) -> None:
        info = [repo.rules_info(p) for p, _ in registry.rule_files()]
        stamp = "；".join(f"{label_platform(i.platform)} {i.as_of}" for i in info)
        self.summary.setText(self.tr("规则截至：%1").replace("%1", stamp))
        self.last_seller_count = self.seller_count()
        self.counts_changed.emit(self.last_seller_count)
        self._show_empty_state()

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


# ---------------------------------------------------------------- wiring into the window


BACKGROUND_ABOVE = 5000  # rows: recompute in a background thread above this
_running: set = set()  # workers alive until they finish, whatever happens to the window


class RecomputeWorker(QThread):
    """Brings the clocks up to date on its own Store (a connection never crosses
    threads), as deadlines_repo.bring_up_to_date decides: every open one when the rule
    sets changed, else what changed or came due. The window stays usable and refreshes
    when it is done. Interrupted (the window closed), it leaves its marks unset and
    starts over next time."""

    progress = Signal(int, int)

    def __init__(self, store_path: Path, parent=None):
        super().__init__(parent)
        self.store_path = Path(store_path)

    def run(self) -> None:
        with Store.open(self.store_path) as store:
            repo.bring_up_to_date(
                store,
                ui_now(),
                on_progress=self.progress.emit,
                cancelled=self.isInterruptionRequested,
            )


class _FirstPaint(QObject):
    """Notes the window's first paint and then runs what waited for it: a big recompute
    or the reminders' first check compete with the window for Python's one interpreter
    lock, and the seller should see the window first."""

    def __init__(self, window):
        super().__init__(window)
        self.painted = False
        self.waiting: list = []
        window.installEventFilter(self)

    def then(self, work) -> None:
        if self.painted:
            work()
        else:
            self.waiting.append(work)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            watched.removeEventFilter(self)
            for work in self.waiting:
                QTimer.singleShot(0, work)  # once this paint is done
            self.waiting.clear()
        return False


def bring_up_to_date(window) -> RecomputeWorker | None:
    """Bring the store's cached clocks up to date: everything when the rule sets changed
    since it was last computed (first start, an update, a loaded file), else what was
    written or came due. Little work is done at once; much goes to a background thread
    (one at a time; returned), which refreshes the window when it is done."""
    if window.store.read_only:
        return None  # a store on a read-only disk shows its clocks as last saved
    running = getattr(window, "recompute_worker", None)
    if running is not None and not running.isFinished():
        return running  # it will refresh the window when done
    store = window.store
    now = ui_now()
    everything = repo.rules_changed(store)
    pending = None if everything else repo.pending_catch_up(store, now)
    size = repo.recompute_size_bound(store) if pending is None else pending.size
    if size <= BACKGROUND_ABOVE:
        if pending is None:
            repo.bring_up_to_date(store, now)
        else:
            repo.catch_up(store, now, pending=pending)  # the rows just found, not asked again
        window.recompute_worker = None
        return None
    worker = RecomputeWorker(store.path)
    _running.add(worker)
    worker.finished.connect(lambda: _running.discard(worker))
    app = QCoreApplication.instance()
    app.aboutToQuit.connect(worker.requestInterruption)
    app.aboutToQuit.connect(worker.wait)
    label = _RecomputeLabel(tr("正在计算平台时限…"))
    window.statusBar().addPermanentWidget(label)
    # A bound slot of the label: Qt disconnects it when the label is gone.
    worker.progress.connect(label.show_progress)
    worker.finished.connect(label.deleteLater)
    worker.finished.connect(window.refresh)
    window.destroyed.connect(worker.requestInterruption)
    window.recompute_worker = worker
    window.first_paint.then(worker.start)
    return worker


def install_deadlines(window, notifier=None, with_tray: bool = True) -> None:
    """Add the deadline features to the main window (called once from its __init__)."""
    from shopdesk.ui.reminders import (
        CloseToTray,
        DueStatusLine,
        ReminderService,
        StatusBarNotifier,
        TrayNotifier,
        make_tray,
    )
    from shopdesk.ui.timeline_panel import TimelinePanel

    store = window.store
    window.first_paint = _FirstPaint(window)
    window.recompute_worker = None
    bring_up_to_date(window)

    due = DueView(store)
    due.catch_up = lambda: bring_up_to_date(window)
    window.due_view = due
    window.add_view("due", tr("待办"), due, position=0)
    due.counts_changed.connect(lambda n: window.set_view_badge("due", n))
    due.counts_changed.emit(due.last_seller_count)
    due.empty.import_requested.connect(lambda: window.import_controller.choose_files())
    due.empty.add_order_requested.connect(window.add_order)

    explain_it = lambda row: explain_row(store, row)  # noqa: E731
    window.orders_countdown = add_countdown_column(window.orders_view, explain_it)
    window.cases_countdown = add_countdown_column(window.cases_view, explain_it)

    panel = TimelinePanel(store)
    window.timeline_panel = panel
    case_panel = window.case_panel
    case_panel.sections.insert(1, panel)
    case_panel.tabs.insertTab(0, case_panel._scrolled(panel), tr("进度"))
    case_panel.tabs.setCurrentIndex(0)
    panel.changed.connect(case_panel._section_changed)

    tray = make_tray(window) if with_tray else None
    window.tray = tray
    if notifier is None:
        notifier = TrayNotifier(tray) if tray is not None else StatusBarNotifier(window)
    window.close_to_tray = CloseToTray(window, tray)
    if tray is not None:
        tray.quit_action.triggered.connect(window.close_to_tray.quit)
    window.reminders = ReminderService(store, notifier, window)
    window.due_status = DueStatusLine()
    window.due_status.hide()
    window.statusBar().addPermanentWidget(window.due_status)
    window.reminders.status.connect(window.due_status.show_status)
    due.counts_changed.connect(lambda _n: window.reminders.update_status())
    window.first_paint.then(window.reminders.start)

    _add_menu(window)


def _add_menu(window) -> None:
    from PySide6.QtGui import QAction

    from shopdesk.ui.reminders import (
        close_to_tray,
        set_close_to_tray,
        set_start_with_system,
        starts_with_system,
    )

    menu = window.menu("settings")
    menu.addSeparator()
    load = QAction(tr("载入平台规则文件…"), window)
    load.triggered.connect(lambda: load_rules_dialog(window))
    menu.addAction(load)
    leads = QAction(tr("提醒时间…"), window)
    leads.triggered.connect(lambda: edit_lead_hours(window))
    menu.addAction(leads)
    tray = QAction(tr("关闭窗口时保留在托盘"), window, checkable=True)
    tray.setChecked(close_to_tray())
    tray.toggled.connect(set_close_to_tray)
    menu.addAction(tray)
    start = QAction(tr("开机时启动 ShopDesk"), window, checkable=True)
    start.setChecked(starts_with_system())
    start.toggled.connect(set_start_with_system)
    menu.addAction(start)


def load_rules_dialog(window) -> None:
    path, _ = file_dialogs.get_open_file_name(
        file_dialogs.RULES, window, tr("载入平台规则文件"), tr("规则文件 (*.toml)")
    )
    if not path:
        return
    try:
        ruleset = repo.load_rules_file(window.store, path, ui_now())
    except ShopDeskError as exc:
        QMessageBox.warning(window, tr("无法载入规则文件"), str(exc))
        return
    window.store.set_setting(repo.RULES_STAMP_SETTING, repo.rules_stamp())
    window.refresh()
    QMessageBox.information(
        window,
        tr("规则已更新"),
        tr("%1 规则截至 %2，已重新计算所有进行中的售后单。")
        .replace("%1", label_platform(ruleset.platform))
        .replace("%2", ruleset.as_of),
    )


def edit_lead_hours(window) -> None:
    current = ", ".join(f"{h:g}" for h in lead_hours(window.store))
    text, ok = QInputDialog.getText(
        window, tr("提醒时间"), tr("到期前多少小时提醒（用逗号分隔）："), text=current
    )
    if not ok:
        return
    try:
        hours = [float(part) for part in text.replace("，", ",").split(",") if part.strip()]
    except ValueError:
        QMessageBox.warning(window, tr("提醒时间"), tr("请填写数字，例如 24, 4, 1"))
        return
    set_lead_hours(window.store, hours)


class _RecomputeLabel(QLabel):
    def show_progress(self, done: int, total: int) -> None:
        self.setText(
            tr("正在计算平台时限… %1/%2").replace("%1", str(done)).replace("%2", str(total))
        )
