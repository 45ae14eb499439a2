"""The main window: views on the left (待办 · 订单 · 售后 · 模板), the table with its search
box in the middle, the selected order or case on the right.

Other areas add a view with `add_view(key, title, widget)` (the widget has `refresh()`
and `set_search(text)`, and may emit `selected_order(int)` / `selected_case(int)`) and
menu actions through `menu(name)`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from shopdesk.core import case_facts
from shopdesk.core.errors import NotFoundError, ShopDeskError
from shopdesk.core.messages import say
from shopdesk.core.model import Cause
from shopdesk.core.store import Store
from shopdesk.ui import check_dialog
from shopdesk.ui.case_panel import CasePanel
from shopdesk.ui.cases_view import CasesView
from shopdesk.ui.due_view import install_deadlines
from shopdesk.ui.help_menu import install_help_menu
from shopdesk.ui.i18n import current_language
from shopdesk.ui.order_form import OrderForm
from shopdesk.ui.order_jobs import DeliveredDialog, NewCaseDialog, ShipDialog
from shopdesk.ui.order_panel import OrderPanel
from shopdesk.ui.orders_view import OrdersView
from shopdesk.ui.shop_dialog import ShopDialog
from shopdesk.ui.welcome import WelcomePage, needs_welcome

# Hooks other areas register at import time: each gets the window once it is built.
_window_hooks: list = []


def register_window_hook(hook) -> None:
    _window_hooks.append(hook)


class MainWindow(QMainWindow):
    store_changed = Signal()  # the store was written (by us or by another process)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        first_start = needs_welcome(store)  # before anything makes a default shop
        self.setWindowTitle(self.tr("ShopDesk 售后工作台"))
        self.resize(1280, 760)
        self._menus: dict[str, object] = {}
        self._views: dict[str, QWidget] = {}
        self._view_titles: dict[str, str] = {}

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
        center_layout.addWidget(self.search)
        center_layout.addWidget(self.stack, 1)

        self.detail = QStackedWidget()
        hint = QLabel(self.tr("选择一个订单或售后单查看详情"))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: #888;")
        self.order_panel = OrderPanel(store)
        self.case_panel = CasePanel(store)
        for widget in (hint, self.order_panel, self.case_panel):
            self.detail.addWidget(widget)
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
            self.welcome = WelcomePage(store)
            self.pages.addWidget(self.welcome)
            self.pages.setCurrentWidget(self.welcome)
            self.welcome.finished.connect(self.leave_welcome)
            self.welcome.import_requested.connect(lambda: self.import_controller.choose_files())

        self.status_path = QLabel()
        self.status_counts = QLabel()
        self.statusBar().addWidget(self.status_path, 1)
        self.statusBar().addPermanentWidget(self.status_counts)

        self.orders_view = OrdersView(store)
        self.cases_view = CasesView(store)
        self.add_view("orders", self.tr("订单"), self.orders_view)
        self.add_view("cases", self.tr("售后"), self.cases_view)
        self.orders_view.selected.connect(self.show_order)
        self.cases_view.selected.connect(self.show_case)
        self.order_panel.case_requested.connect(self.open_case)
        self.order_panel.new_case_requested.connect(self.new_case_for)
        self.order_panel.ship_requested.connect(self.ship_order)
        self.order_panel.delivered_requested.connect(self.order_delivered)
        table = self.orders_view.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._orders_context_menu)
        cases_table = self.cases_view.table
        cases_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        cases_table.customContextMenuRequested.connect(self._cases_context_menu)
        self.case_panel.changed.connect(lambda _id: self.refresh())

        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.nav.currentRowChanged.connect(self._switch_view)

        self._build_menus()
        # Another process (the CLI, a second window) may write: notice and refresh.
        self._data_version = store.data_version()
        self._watch = QTimer(self, interval=2000)
        self._watch.timeout.connect(self._check_external_changes)
        self._watch.start()

        install_deadlines(self)
        for hook in _window_hooks:
            hook(self)
        self.nav.setCurrentRow(0)
        self.update_status()
        self._restore_geometry()

    # -- views ------------------------------------------------------------------------

    def add_view(self, key: str, title: str, widget: QWidget, position: int | None = None) -> None:
        self._views[key] = widget
        self._view_titles[key] = title
        index = self.stack.count() if position is None else position
        self.stack.insertWidget(index, widget)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.insertItem(index, item)
        if hasattr(widget, "selected_order"):
            widget.selected_order.connect(self.show_order)
        if hasattr(widget, "selected_case"):
            widget.selected_case.connect(self.show_case)
        self._rebind_view_shortcuts()

    def view(self, key: str) -> QWidget:
        return self._views[key]

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
        current = self.detail.currentWidget()
        if current is self.order_panel:
            return self.order_panel.order_id
        if current is self.case_panel and self.case_panel.case_id is not None:
            return self.store.get_case(self.case_panel.case_id).order_id
        return None

    def _for_selected_order(self, job) -> None:
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
        try:
            case_facts.set_cause(self.store, case_id, cause)
        except ShopDeskError as error:
            QMessageBox.warning(self, self.tr("判断原因"), say(error))
            return
        self.refresh()
        if self.case_panel.case_id == case_id:
            self.show_case(case_id)
        self.statusBar().showMessage(
            self.tr("售后单 #%1 的原因：%2")
            .replace("%1", str(case_id))
            .replace("%2", Cause(cause).label(current_language())),
            8000,
        )

    def new_case_for(self, order_id: int) -> NewCaseDialog:
        """Ask for the case's kind and start; once saved it opens in 售后 with its clocks."""
        dialog = NewCaseDialog(self.store, self.store.get_order(order_id), parent=self)
        dialog.accepted.connect(lambda: self._case_opened(dialog.created))
        dialog.open()
        return dialog

    def _case_opened(self, case) -> None:
        if case is None:
            return
        self.search.clear()  # a search could hide the new case from the list
        self.refresh()
        self.show_view("cases")
        self.cases_view.select_id(case.id)
        self.show_case(case.id)
        self.case_panel.show_clocks()
        self.statusBar().showMessage(self.tr("已新建售后单 #%1").replace("%1", str(case.id)), 8000)

    def ship_order(self, order_id: int) -> ShipDialog:
        dialog = ShipDialog(self.store, self.store.get_order(order_id), parent=self)
        dialog.accepted.connect(lambda: self._order_shipped(dialog.shipped))
        dialog.open()
        return dialog

    def order_delivered(self, order_id: int) -> DeliveredDialog:
        dialog = DeliveredDialog(self.store, self.store.get_order(order_id), parent=self)
        dialog.accepted.connect(lambda: self._order_delivered(dialog.delivered))
        dialog.open()
        return dialog

    def _order_delivered(self, order) -> None:
        if order is None:
            return
        self.refresh()
        self.show_order(order.id)
        self.statusBar().showMessage(
            self.tr("订单 %1 已记录签收").replace("%1", order.order_no), 8000
        )

    def _order_shipped(self, order) -> None:
        if order is None:
            return
        self.refresh()
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
        self._action(file_menu, self.tr("检查数据…"), lambda: check_dialog.start_check(self))
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

    def choose_store(self) -> None:
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
        form = OrderForm(self.store, parent=self)
        if form.exec() and form.saved:
            self.refresh()
            self.show_order(form.saved.id)

    def edit_order(self) -> None:
        order_id = self.order_panel.order_id
        if order_id is None or self.detail.currentWidget() is not self.order_panel:
            QMessageBox.information(
                self, self.tr("编辑订单"), self.tr("请先在订单列表中选择一个订单。")
            )
            return
        form = OrderForm(self.store, self.store.get_order(order_id), parent=self)
        if form.exec() and form.saved:
            self.refresh()
            self.show_order(form.saved.id)

    def edit_shop(self) -> None:
        ShopDialog(self.store, self.store.default_shop(), parent=self).exec()

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
        if self.welcome is not None and self.store.counts()["orders"]:
            self.leave_welcome()  # an import (or the command line) brought data
            return
        for widget in self._views.values():
            if hasattr(widget, "refresh"):
                widget.refresh()
        self._data_version = self.store.data_version()
        self.update_status()
        self.store_changed.emit()

    def reload_all(self) -> None:
        """Everything re-read from the store (after a restore replaced its data): every
        view, and the order or case on the right, or the hint when it is gone."""
        self.refresh()
        current = self.detail.currentWidget()
        try:
            if current is self.order_panel and self.order_panel.order_id is not None:
                self.order_panel.show_order(self.order_panel.order_id)
            elif current is self.case_panel and self.case_panel.case_id is not None:
                self.case_panel.show_case(self.case_panel.case_id)
        except NotFoundError:
            self.order_panel.order_id = None
            self.case_panel.case_id = None
            self.detail.setCurrentIndex(0)

    def _check_external_changes(self) -> None:
        version = self.store.data_version()
        if version != self._data_version:
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
        self._watch.stop()  # a closed window must not touch the store any more
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)
        if event.isAccepted():
            self._watch.stop()  # a closed window no longer reads the store
            for widget in self._views.values():
                if hasattr(widget, "stop_searching"):
                    widget.stop_searching()
