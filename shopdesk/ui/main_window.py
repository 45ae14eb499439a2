"""The main window: views on the left (待办 · 订单 · 售后 · 模板 · 分析), the table with its
search box in the middle, the selected order or case on the right.

Everything the window shows is wired here, explicitly (no hooks run at import): each
view is made, added with `add_view(key, title, widget)` and told through the change
dispatcher which changes it shows (`_listen`). After an action the window applies the
`Changes` it made (`apply_changes`); writes by another process arrive the same way
(store_watch.ExternalWrites, on SQLite's data_version). Long jobs run on the one task
runner (ui/tasks.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain.errors import NotFoundError, ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.domain.model import Cause
from shopdesk.services.changes import Changes
from shopdesk.services.session import Store
from shopdesk.ui import dispatch
from shopdesk.ui.clock_catch_up import ClockCatchUp, FirstPaint
from shopdesk.ui.dispatch import ChangeDispatcher
from shopdesk.ui.first_start import needs_welcome
from shopdesk.ui.help_menu import install_help_menu
from shopdesk.ui.i18n import current_language
from shopdesk.ui.layout_fit import ElidingLabel
from shopdesk.ui.reminders import (
    CloseToTray,
    DueStatusLine,
    ReminderService,
    StatusBarNotifier,
    TrayNotifier,
    make_tray,
)
from shopdesk.ui.rules_menu import add_rules_menu
from shopdesk.ui.scope_bar import ScopeBoxes
from shopdesk.ui.store_watch import ExternalWrites
from shopdesk.ui.tasks import TaskRunner, runner
from shopdesk.ui.views.due_view import DueView, explain_row
from shopdesk.ui.views.product_alerts import ProductAlerts

if TYPE_CHECKING:
    from shopdesk.ui.dialogs.welcome import WelcomePage

# What the first painted window does not show is made when first shown and its module
# imported then (the views after 待办, the case panel and its tabs, the dialogs): the
# window paints its first page without them (issue #16, start-up).


def _refresh(view: QWidget) -> None:
    view.refresh()


class MainWindow(QMainWindow):
    changes_applied = Signal(object)  # Changes, once the views showing them refreshed

    def __init__(
        self,
        store: Store,
        parent=None,
        *,
        tasks: TaskRunner | None = None,
        notifier=None,
        with_tray: bool = True,
    ):
        super().__init__(parent)
        self.store = store
        self.tasks = tasks or runner()
        self.dispatcher = ChangeDispatcher(self)
        self.dispatcher.applied.connect(self.changes_applied)
        first_start = needs_welcome(store)  # before anything makes a default shop
        self.setWindowTitle(self.tr("ShopDesk 售后工作台"))
        self.resize(1280, 760)
        self._menus: dict[str, object] = {}
        self._views: dict[str, QWidget] = {}  # the made ones
        self._view_makers: dict[str, Callable[[], QWidget]] = {}  # made when first shown
        self._view_titles: dict[str, str] = {}
        self._order_panel = None  # made at the first order shown
        self._case_panel = None  # made with its tabs at the first case shown
        self._alerts: list = []  # the 产品预警 last found, for 分析 once it is made

        self.nav = QListWidget()
        self.nav.setFixedWidth(100)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 14px; } QListWidget::item { padding: 8px; }"
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索订单号、买家、收货人、宝贝、运单号（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.stack = QStackedWidget()
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(4, 4, 4, 4)
        # Beside the search: which platform and shop 订单, 售后 and 待办 show (only when the
        # store has more than one shop).
        self.scope_boxes = ScopeBoxes(self)
        self.scope_boxes.changed.connect(self._apply_scope)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.scope_boxes.platform_box)
        top.addWidget(self.scope_boxes.shop_box)
        center_layout.addLayout(top)
        center_layout.addWidget(self.stack, 1)

        self.detail = QStackedWidget()
        hint = QLabel(self.tr("选择一个订单或售后单查看详情"))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: #888;")
        self.detail.addWidget(hint)
        self.detail.setMinimumWidth(340)

        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(center)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([100, 790, 390])  # 1280 wide: five columns beside the detail
        self.splitter = splitter
        self.pages = QStackedWidget()
        self.pages.addWidget(splitter)
        self.setCentralWidget(self.pages)
        self.welcome: WelcomePage | None = None
        if first_start:
            from shopdesk.ui.dialogs.welcome import WelcomePage  # only on a first start

            self.welcome = WelcomePage(store)
            self.pages.addWidget(self.welcome)
            self.pages.setCurrentWidget(self.welcome)
            self.welcome.finished.connect(self.leave_welcome)
            self.welcome.import_requested.connect(lambda: self.import_controller.choose_files())

        self.status_path = ElidingLabel()
        self.status_counts = ElidingLabel()
        self.statusBar().addWidget(self.status_path, 1)
        self.statusBar().addPermanentWidget(self.status_counts)

        self.add_view("orders", self.tr("订单"), self._make_orders_view)
        self.add_view("cases", self.tr("售后"), self._make_cases_view)

        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.nav.currentRowChanged.connect(self._switch_view)

        self._build_menus()
        self.first_paint = FirstPaint(self)
        self._add_deadlines(notifier, with_tray)
        self._add_areas()
        self._listen()
        # Another process (the command line, a second window) may write: its Changes.
        self.external_writes = ExternalWrites(store, self)
        self.external_writes.changed.connect(self.apply_changes)
        self.external_writes.start()
        self._fill_scope()
        self.nav.setCurrentRow(0)
        self.status_path.setText(str(Path(self.store.path)))
        # Counting a big store's rows is not needed to paint the first page: after it.
        self.first_paint.then(self.update_status)
        self._restore_geometry()

    # -- the views and panels made when first shown -------------------------------------

    def _make_orders_view(self) -> QWidget:
        from shopdesk.ui.countdown import add_countdown_column
        from shopdesk.ui.views.orders_view import OrdersView

        view = OrdersView(self.store)
        view.selected.connect(self.show_order)
        view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.table.customContextMenuRequested.connect(self._orders_context_menu)
        self.orders_countdown = add_countdown_column(view, self._explain)
        return view

    def _make_cases_view(self) -> QWidget:
        from shopdesk.ui.countdown import add_countdown_column
        from shopdesk.ui.views.cases_view import CasesView

        view = CasesView(self.store)
        view.selected.connect(self.show_case)
        view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.table.customContextMenuRequested.connect(self._cases_context_menu)
        self.cases_countdown = add_countdown_column(view, self._explain)
        return view

    def _make_templates_view(self) -> QWidget:
        from shopdesk.ui.views.templates_view import TemplatesView

        view = TemplatesView(self.store)
        view.changed.connect(lambda: self.apply_changes(Changes.of(templates=True)))
        return view

    def _make_insights_view(self) -> QWidget:
        from shopdesk.ui.views.insights_view import InsightsView

        view = InsightsView(self.store)
        view.set_alerts(self._alerts)
        return view

    def _explain(self, row) -> str:
        return explain_row(self.store, row)

    @property
    def orders_view(self):
        return self.view("orders")

    @property
    def cases_view(self):
        return self.view("cases")

    @property
    def templates_view(self):
        return self.view("templates")

    @property
    def insights_view(self):
        return self.view("insights")

    def _if_made(self, key: str, work: Callable[[QWidget], object]) -> None:
        """Refresh a view only if it was made (one made later reads the store then)."""
        widget = self._views.get(key)
        if widget is not None:
            work(widget)

    @property
    def order_panel(self):
        """The order on the right, with its cases and actions (made at the first order
        shown: the window starts with the hint there)."""
        if self._order_panel is None:
            from shopdesk.ui.case.order_panel import OrderPanel

            panel = self._order_panel = OrderPanel(self.store)
            self.detail.addWidget(panel)
            panel.case_requested.connect(self.open_case)
            panel.new_case_requested.connect(self.new_case_for)
            panel.ship_requested.connect(self.ship_order)
            panel.delivered_requested.connect(self.order_delivered)
        return self._order_panel

    @property
    def case_panel(self):
        """The case on the right, with its tabs: 进度 first (and shown), 概况, 原因与费用,
        证据, 回复 (made at the first case shown)."""
        if self._case_panel is None:
            from shopdesk.ui.case.case_facts_panel import CaseFactsPanel
            from shopdesk.ui.case.case_panel import CasePanel
            from shopdesk.ui.case.evidence_panel import EvidencePanel
            from shopdesk.ui.case.reply_panel import ReplyPanel
            from shopdesk.ui.case.timeline_panel import TimelinePanel

            store = self.store
            panel = CasePanel(store)
            self.detail.addWidget(panel)
            panel.changed.connect(self._case_written)
            sections = self._case_sections = {
                "timeline": TimelinePanel(store),
                "facts": CaseFactsPanel(store),
                "evidence": EvidencePanel(store),
                "reply": ReplyPanel(store),
            }
            panel.add_section(
                QCoreApplication.translate("DueView", "进度"), sections["timeline"], position=0
            )
            panel.tabs.setCurrentIndex(0)
            panel.add_section(
                QCoreApplication.translate("CasePanel", "原因与费用"), sections["facts"]
            )
            panel.add_section(QCoreApplication.translate("CasePanel", "证据"), sections["evidence"])
            panel.add_section(QCoreApplication.translate("CasePanel", "回复"), sections["reply"])
            self._case_panel = panel
        return self._case_panel

    @property
    def timeline_panel(self):
        return self._case_section("timeline")

    @property
    def case_facts_panel(self):
        return self._case_section("facts")

    @property
    def evidence_panel(self):
        return self._case_section("evidence")

    @property
    def reply_panel(self):
        return self._case_section("reply")

    def _case_section(self, key: str) -> QWidget:
        self.case_panel  # noqa: B018 - made with its tabs on first use
        return self._case_sections[key]

    def _order_panel_shown(self) -> bool:
        return self._order_panel is not None and self.detail.currentWidget() is self._order_panel

    def _case_panel_shown(self) -> bool:
        return self._case_panel is not None and self.detail.currentWidget() is self._case_panel

    # -- wiring (once, from __init__) ---------------------------------------------------

    def _add_deadlines(self, notifier, with_tray: bool) -> None:
        """待办, countdown columns in 订单 and 售后, reminders and the tray, the rules menu."""
        store = self.store
        self.clocks = ClockCatchUp(store, self.tasks, self.first_paint, self.statusBar(), self)
        self.clocks.caught_up.connect(self.apply_changes)
        self.destroyed.connect(self.clocks.cancel)
        self.clocks.once_painted()  # waits first, so runs before the reminders (below)
        due = self.due_view = DueView(
            store, catch_up=self.clocks.bring_up_to_date, count_later=True
        )
        self.add_view("due", QCoreApplication.translate("DueView", "待办"), due, position=0)
        due.counts_changed.connect(lambda n: self.set_view_badge("due", n))
        self.first_paint.then(due.count_rows)  # its count and badge, after the first page
        due.empty.import_requested.connect(lambda: self.import_controller.choose_files())
        due.empty.add_order_requested.connect(self.add_order)

        self.due_status = DueStatusLine()
        self.due_status.hide()
        self.statusBar().addPermanentWidget(self.due_status)
        self.tray = make_tray(self) if with_tray else None
        if notifier is None:
            notifier = (
                TrayNotifier(self.tray)
                if self.tray is not None
                else StatusBarNotifier(self, self.due_status)  # one reminder, said once
            )
        self.close_to_tray = CloseToTray(self, self.tray)
        if self.tray is not None:
            self.tray.quit_action.triggered.connect(self.close_to_tray.quit)
        self.reminders = ReminderService(store, notifier, self)
        self.reminders.status.connect(self.due_status.show_status)
        due.counts_changed.connect(lambda _n: self.reminders.update_status())
        self.first_paint.then(self.reminders.start)
        add_rules_menu(self, self.menu("settings"))
        from shopdesk.ui.dialogs import profiles_menu

        profiles_menu.install(self)  # 设置 → 证据提交限制…

    def _add_areas(self) -> None:
        """File -> 导入 and drag-and-drop, 粘贴千牛退款详情, 模板, 分析 (after 模板: a view's
        place in the list is its Ctrl+number) and the 产品预警 rows atop 待办."""
        from shopdesk.ui.dialogs import import_dialog

        self.import_controller, self.import_action = import_dialog.install(self, self.tasks)
        self.import_controller.changed.connect(self.apply_changes)
        paste = self.paste_case_action = QAction(self.tr("粘贴千牛退款详情…"), self)
        paste.setShortcut(QKeySequence("Ctrl+Shift+V"))
        paste.triggered.connect(self.paste_case)
        self.menu("orders").addAction(paste)
        self.add_view("templates", self.tr("模板"), self._make_templates_view)
        self.add_view("insights", self.tr("分析"), self._make_insights_view)
        strip = self.product_alerts = ProductAlerts(Path(self.store.path))
        self.due_view.layout().insertWidget(1, strip)
        strip.open_product.connect(
            lambda key: (self.show_view("insights"), self.insights_view.show_product(key))
        )
        strip.found.connect(self._alerts_found)
        strip.refresh()

    def _alerts_found(self, alerts: list) -> None:
        self._alerts = alerts
        self._if_made("insights", lambda view: view.set_alerts(alerts))

    def _listen(self) -> None:
        """Who refreshes on which changes: only the views that show them."""
        listen = self.dispatcher.listen
        made = self._if_made

        listen("orders", dispatch.shows_orders, lambda _c: made("orders", _refresh))
        listen("cases", dispatch.shows_cases, lambda _c: made("cases", _refresh))
        listen("due", dispatch.shows_deadlines, lambda _c: self.due_view.refresh())
        listen("templates", dispatch.shows_templates, lambda _c: made("templates", _refresh))
        listen("insights", dispatch.shows_deadlines, lambda _c: made("insights", _refresh))
        listen("product_alerts", dispatch.shows_cases, lambda _c: self.product_alerts.refresh())
        listen("order_panel", self._shows_order_on_the_right, self._reshow_order)
        listen("case_panel", self._shows_case_on_the_right, self._reshow_case)
        listen("status", dispatch.shows_counts, lambda _c: self.update_status())
        listen("scope", lambda c: bool(c.shops), lambda _c: self._fill_scope())

    # -- changes ------------------------------------------------------------------------

    def apply_changes(self, changes: Changes, *, written_by: str = "") -> list[str]:
        """The store changed (an action here, a job, another process): refresh the views
        that show what changed. `written_by`: a listener that already shows it (the case
        panel re-shows itself after its own write). Returns the refreshed names."""
        if not changes.any():
            return []
        if self.welcome is not None and self.store.counts()["orders"]:
            self.leave_welcome()  # an import (or the command line) brought data
            return ["welcome"]
        refreshed = self.dispatcher.apply(changes, skip=written_by)
        self.external_writes.settle()  # our own jobs' writes are not someone else's
        return refreshed

    def _case_written(self, case_id: int) -> None:
        """A section of the case panel wrote to its case (an event, evidence, a cause)."""
        order_id = self.store.get_case(case_id).order_id
        changes = Changes.of(cases=[case_id], orders=[order_id], evidence=[case_id])
        self.apply_changes(changes, written_by="case_panel")

    def paste_case(self):
        """订单 → 粘贴千牛退款详情…: a case from a refund page copied in Qianniu (the dialog's
        module is loaded when it is first asked for, not before the first paint)."""
        from shopdesk.ui.dialogs.paste_case_dialog import PasteCaseDialog

        dialog = self.paste_case_dialog = PasteCaseDialog(self.store, self)  # kept for tests
        dialog.created.connect(self._case_pasted)
        dialog.open()
        return dialog

    def _case_pasted(self, case_id: int) -> None:
        order_id = self.store.get_case(case_id).order_id
        self.apply_changes(Changes.of(cases=[case_id], orders=[order_id]))
        self.open_case(case_id)

    def _shows_order_on_the_right(self, changes: Changes) -> bool:
        return self._order_panel_shown() and changes.touches_order(self.order_panel.order_id)

    def _shows_case_on_the_right(self, changes: Changes) -> bool:
        return self._case_panel_shown() and changes.touches_case(self.case_panel.case_id)

    def _reshow_order(self, _changes: Changes) -> None:
        try:
            self.order_panel.show_order(self.order_panel.order_id)
        except NotFoundError:
            self._clear_detail()

    def _reshow_case(self, _changes: Changes) -> None:
        try:
            self.case_panel.show_case(self.case_panel.case_id)
        except NotFoundError:
            self._clear_detail()

    def _clear_detail(self) -> None:
        if self._order_panel is not None:
            self._order_panel.order_id = None
        if self._case_panel is not None:
            self._case_panel.case_id = None
        self.detail.setCurrentIndex(0)

    # -- views ------------------------------------------------------------------------

    def add_view(
        self,
        key: str,
        title: str,
        widget: QWidget | Callable[[], QWidget],
        position: int | None = None,
    ) -> None:
        """A view in the list; `widget` may be a function that makes it, called when the
        view is first shown (or asked for)."""
        self._view_titles[key] = title
        index = self.stack.count() if position is None else position
        if isinstance(widget, QWidget):
            self.stack.insertWidget(index, widget)
            self._made(key, widget)
        else:
            self._view_makers[key] = widget
            self.stack.insertWidget(index, QWidget())  # its place until it is made
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.insertItem(index, item)
        self._rebind_view_shortcuts()

    def _made(self, key: str, widget: QWidget) -> None:
        self._views[key] = widget
        if hasattr(widget, "selected_order"):
            widget.selected_order.connect(self.show_order)
        if hasattr(widget, "selected_case"):
            widget.selected_case.connect(self.show_case)

    def view(self, key: str) -> QWidget:
        """The view (made now if it was not yet)."""
        widget = self._views.get(key)
        if widget is None:
            make = self._view_makers.pop(key)
            index = self.view_keys().index(key)
            placeholder = self.stack.widget(index)
            widget = make()
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            self._made(key, widget)
            scope = self.scope_boxes.scope()
            if hasattr(widget, "set_scope") and scope != getattr(widget, "scope", scope):
                widget.set_scope(scope)  # made after a platform or shop was chosen
        return widget

    def view_keys(self) -> list[str]:
        return [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]

    def show_view(self, key: str) -> None:
        self.nav.setCurrentRow(self.view_keys().index(key))

    def current_view_key(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def set_view_badge(self, key: str, count: int | None) -> None:
        """Show a count beside a view's name (待办 12)."""
        row = self.view_keys().index(key)
        title = self._view_titles[key]
        self.nav.item(row).setText(f"{title}  {count}" if count else title)

    def _switch_view(self, row: int) -> None:
        if row < 0:
            return
        self.view(self.view_keys()[row])
        self.stack.setCurrentIndex(row)
        self._apply_search()

    def _apply_search(self) -> None:
        """Views that search in the background (`start_search`) keep typing smooth."""
        widget = self.stack.currentWidget()
        text = self.search.text().strip()
        if hasattr(widget, "start_search"):
            widget.start_search(text)
        elif hasattr(widget, "set_search"):
            widget.set_search(text)

    def _fill_scope(self) -> None:
        self.scope_boxes.fill(self.store)
        several = self.scope_boxes.shop_count > 1
        self.scope_boxes.platform_box.setVisible(several)
        self.scope_boxes.shop_box.setVisible(several)

    def _apply_scope(self, scope) -> None:
        """Only the chosen platform's or shop's orders, cases, deadlines and 产品预警."""
        for widget in self._views.values():
            if hasattr(widget, "set_scope"):
                widget.set_scope(scope)
        self.product_alerts.set_scope(scope)

    def _rebind_view_shortcuts(self) -> None:
        for action in getattr(self, "_view_actions", []):
            self.removeAction(action)
        self._view_actions = []
        for number, key in enumerate(self.view_keys()[:9], start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _c=False, k=key: self.show_view(k))
            self.addAction(action)
            self._view_actions.append(action)

    # -- details ----------------------------------------------------------------------

    def show_order(self, order_id: int) -> None:
        self.order_panel.show_order(order_id)
        self.detail.setCurrentWidget(self.order_panel)

    def show_case(self, case_id: int) -> None:
        self.case_panel.show_case(case_id)
        self.detail.setCurrentWidget(self.case_panel)

    def open_case(self, case_id: int) -> None:
        self.show_case(case_id)

    def selected_order_id(self) -> int | None:
        """The order on the right: the one shown, or the shown case's order."""
        if self._order_panel_shown():
            return self.order_panel.order_id
        if self._case_panel_shown() and self.case_panel.case_id is not None:
            return self.store.get_case(self.case_panel.case_id).order_id
        return None

    def _for_selected_order(self, job) -> None:
        from PySide6.QtWidgets import QMessageBox

        order_id = self.selected_order_id()
        if order_id is None:
            QMessageBox.information(
                self, self.tr("选择订单"), self.tr("请先在订单列表中选择一个订单。")
            )
            return
        job(order_id)

    def _orders_context_menu(self, position) -> None:
        index = self.orders_view.table.indexAt(position)
        order_id = self.orders_view.model.row_id(index.row()) if index.isValid() else None
        if order_id is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("新建售后单…"), lambda: self.new_case_for(order_id))
        ship = menu.addAction(self.tr("标记发货…"), lambda: self.ship_order(order_id))
        ship.setEnabled(self.order_panel.shippable(self.store.get_order(order_id)))
        menu.popup(self.orders_view.table.viewport().mapToGlobal(position))
        self._context_menu = menu  # kept for tests and until it closes

    def _cases_context_menu(self, position) -> None:
        """判断原因 in one click from the 售后 list: every cause, the current one ticked."""
        index = self.cases_view.table.indexAt(position)
        case_id = self.cases_view.model.row_id(index.row()) if index.isValid() else None
        if case_id is None:
            return
        current = self.store.get_case(case_id).cause
        menu = QMenu(self)
        causes = menu.addMenu(self.tr("判断原因"))
        for cause in Cause:
            action = causes.addAction(
                cause.label(current_language()), lambda c=cause.value: self.set_cause(case_id, c)
            )
            action.setCheckable(True)
            action.setChecked(cause.value == current)
        menu.popup(self.cases_view.table.viewport().mapToGlobal(position))
        self._context_menu = menu  # kept for tests and until it closes

    def set_cause(self, case_id: int, cause: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        from shopdesk.services import cases

        try:
            cases.set_cause(self.store, case_id, cause)
        except ShopDeskError as error:
            QMessageBox.warning(self, self.tr("判断原因"), say(error))
            return
        self.apply_changes(Changes.of(cases=[case_id]))  # the panel too, if it shows it
        self.statusBar().showMessage(
            self.tr("售后单 #%1 的原因：%2")
            .replace("%1", str(case_id))
            .replace("%2", Cause(cause).label(current_language())),
            8000,
        )

    def new_case_for(self, order_id: int):
        """Ask for the case's kind and start; once saved it opens in 售后 with its clocks."""
        from shopdesk.ui.order_jobs import NewCaseDialog

        dialog = NewCaseDialog(self.store, self.store.get_order(order_id), parent=self)
        dialog.accepted.connect(lambda: self._case_opened(dialog.created))
        dialog.open()
        return dialog

    def _case_opened(self, case) -> None:
        if case is None:
            return
        self.search.clear()  # a search could hide the new case from the list
        self.apply_changes(Changes.of(cases=[case.id], orders=[case.order_id]))
        self.show_view("cases")
        self.cases_view.select_id(case.id)
        self.show_case(case.id)
        self.case_panel.show_clocks()
        self.statusBar().showMessage(self.tr("已新建售后单 #%1").replace("%1", str(case.id)), 8000)

    def ship_order(self, order_id: int):
        from shopdesk.ui.order_jobs import ShipDialog

        dialog = ShipDialog(self.store, self.store.get_order(order_id), parent=self)
        dialog.accepted.connect(lambda: self._order_shipped(dialog.shipped))
        dialog.open()
        return dialog

    def order_delivered(self, order_id: int):
        from shopdesk.ui.order_jobs import DeliveredDialog

        dialog = DeliveredDialog(self.store, self.store.get_order(order_id), parent=self)
        dialog.accepted.connect(lambda: self._order_delivered(dialog.delivered))
        dialog.open()
        return dialog

    def _order_delivered(self, order) -> None:
        if order is None:
            return
        self.apply_changes(Changes.of(orders=[order.id]))
        self.show_order(order.id)
        self.statusBar().showMessage(
            self.tr("订单 %1 已记录签收").replace("%1", order.order_no), 8000
        )

    def _order_shipped(self, order) -> None:
        if order is None:
            return
        self.apply_changes(Changes.of(orders=[order.id]))
        self.show_order(order.id)
        self.statusBar().showMessage(
            self.tr("订单 %1 已标记发货（%2 %3）")
            .replace("%1", order.order_no)
            .replace("%2", order.courier)
            .replace("%3", order.tracking_no),
            8000,
        )

    # -- menus ------------------------------------------------------------------------

    def menu(self, key: str):
        return self._menus[key]

    def _action(self, menu, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self._menus["file"] = bar.addMenu(self.tr("文件(&F)"))
        self._action(file_menu, self.tr("打开店铺数据…"), self.choose_store, "Ctrl+O")
        self._action(file_menu, self.tr("检查数据…"), self._start_check)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出"), self.close, "Ctrl+Q")
        orders_menu = self._menus["orders"] = bar.addMenu(self.tr("订单(&O)"))
        self._action(orders_menu, self.tr("新增订单…"), self.add_order, "Ctrl+N")
        self._action(orders_menu, self.tr("编辑所选订单…"), self.edit_order, "Ctrl+E")
        orders_menu.addSeparator()
        self.new_case_action = self._action(
            orders_menu,
            self.tr("为所选订单新建售后单…"),
            lambda: self._for_selected_order(self.new_case_for),
            "Ctrl+Shift+N",
        )
        self._action(
            orders_menu,
            self.tr("标记所选订单已发货…"),
            lambda: self._for_selected_order(self.ship_order),
        )
        settings_menu = self._menus["settings"] = bar.addMenu(self.tr("设置(&S)"))
        self._action(settings_menu, self.tr("店铺设置…"), self.edit_shop)
        help_menu = self._menus["help"] = bar.addMenu(self.tr("帮助(&H)"))
        install_help_menu(self, help_menu)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)
        reload_action = QAction(self)
        reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        reload_action.triggered.connect(self.refresh)
        self.addAction(reload_action)

    def _start_check(self) -> None:
        from shopdesk.ui.dialogs import check_dialog

        check_dialog.start_check(self)

    def choose_store(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("打开店铺数据"), str(self.store.path.parent), "ShopDesk (*.db);;* (*)"
        )
        if not path:
            return
        try:
            Store.open(path).close()
        except ShopDeskError as exc:
            QMessageBox.warning(self, self.tr("无法打开"), say(exc))
            return
        QSettings().setValue("last_store", path)
        QMessageBox.information(
            self,
            self.tr("打开店铺数据"),
            self.tr("下次启动 ShopDesk 时将打开：\n%1").replace("%1", path),
        )

    def add_order(self) -> None:
        from shopdesk.ui.dialogs.order_form import OrderForm

        form = OrderForm(self.store, parent=self)
        if form.exec() and form.saved:
            self.apply_changes(Changes.of(orders=[form.saved.id]))
            self.show_order(form.saved.id)

    def edit_order(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        order_id = self.order_panel.order_id if self._order_panel_shown() else None
        if order_id is None:
            QMessageBox.information(
                self, self.tr("编辑订单"), self.tr("请先在订单列表中选择一个订单。")
            )
            return
        from shopdesk.ui.dialogs.order_form import OrderForm

        form = OrderForm(self.store, self.store.get_order(order_id), parent=self)
        if form.exec() and form.saved:
            self.apply_changes(Changes.of(orders=[form.saved.id]))
            self.show_order(form.saved.id)

    def edit_shop(self) -> None:
        from shopdesk.ui.dialogs.shop_dialog import ShopDialog

        if ShopDialog(self.store, self.store.default_shop(), parent=self).exec():
            self.apply_changes(Changes.of(shops=True, settings=True))

    # -- state ------------------------------------------------------------------------

    def leave_welcome(self) -> None:
        """The welcome page done (saved, skipped, or data arrived): the views."""
        if self.welcome is None:
            return
        self.pages.setCurrentWidget(self.splitter)
        self.pages.removeWidget(self.welcome)
        self.welcome.deleteLater()
        self.welcome = None
        self.refresh()

    def refresh(self) -> None:
        """Everything re-read (F5, a restore): every view and the order or case on the
        right, or the hint when it is gone."""
        self.apply_changes(Changes.everything())

    def reload_all(self) -> None:
        """After a restore replaced the store's data."""
        self.refresh()

    def update_status(self) -> None:
        counts = self.store.counts()
        self.status_path.setText(str(Path(self.store.path)))
        self.status_counts.setText(
            self.tr("订单 %1 · 售后 %2（进行中 %3）")
            .replace("%1", str(counts["orders"]))
            .replace("%2", str(counts["cases"]))
            .replace("%3", str(counts["open_cases"]))
        )
        self.set_view_badge("cases", counts["open_cases"])

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event) -> None:
        self.external_writes.stop()  # a closed window must not touch the store any more
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)
        if event.isAccepted():
            self.external_writes.stop()  # a closed window no longer reads the store
            for widget in list(self._views.values()):
                if hasattr(widget, "stop_searching"):
                    widget.stop_searching()
