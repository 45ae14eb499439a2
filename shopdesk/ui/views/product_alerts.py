"""产品预警 rows at the top of 待办: a product whose after-sales rate over the last 7 days
is more than twice its 90-day rate (at least 5 cases), with its leading cause. Computed
on the task runner (the job's own Store: a connection never crosses threads), so the
window opens as fast as without it. They are the window's only: `due --json` lists
deadlines, and these are not deadlines.

The rows follow the window's platform and shop choosers as 待办 below them does: with 抖店
chosen, only Douyin's products, their rates counted on Douyin's orders alone. 分析 (its
own choosers) is told the whole store's alerts (`found`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from shopdesk.domain.scope import EVERYTHING, Scope
from shopdesk.ui.i18n import current_language
from shopdesk.ui.tasks import Task, TaskContext, runner

if TYPE_CHECKING:
    from shopdesk.services.insights import Alert

PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_ROWS = 4  # more scroll, a line at a time
DELAY_MS = 1000  # after the window has painted, and once per burst of changes


def tr(text: str) -> str:
    return QCoreApplication.translate("ProductAlerts", text)


def alert_text(alert: Alert) -> str:
    from shopdesk.services.insights import cause_label  # loaded with the alerts, on a worker

    return (
        tr("产品预警　%1：最近 7 天每百件 %2 单（90 天 %3），%4 单，主要原因：%5")
        .replace("%1", alert.label)
        .replace("%2", f"{alert.rate_7d:g}")
        .replace("%3", f"{alert.rate_90d:g}")
        .replace("%4", str(alert.cases_7d))
        .replace("%5", cause_label(alert.cause, current_language()))
    )


class ProductAlerts(QListWidget):
    """One row per alert; hidden when there is none. Double-click: the product's cases."""

    open_product = Signal(str)
    found = Signal(list)  # the whole store's alerts, each time they are computed
    worker_done = Signal()

    def __init__(self, store_path: Path, parent=None):
        super().__init__(parent)
        self.store_path = Path(store_path)
        self.setToolTip(
            tr(
                "最近 7 天的售后率（每百件售出）超过 90 天的两倍、且至少 5 单的商品。双击查看它的售后单。"
            )
        )
        self.setStyleSheet("QListWidget { color: #b4441e; font-weight: bold; }")
        # Whole lines only: a line at a time when scrolled, and a line too long for the
        # width ends in … (its tooltip has it all) instead of a scroll bar across the last.
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerItem)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.itemActivated.connect(lambda item: self.open_product.emit(item.data(PRODUCT_ROLE)))
        self.scope = EVERYTHING  # the window's platform and shop choosers
        self.worker: Task | None = None  # the computation while it runs
        self._again = False
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.compute)
        self.hide()

    def refresh(self) -> None:
        """The store changed: compute again once things have settled."""
        self._timer.start()

    def set_scope(self, scope: Scope) -> None:
        """Only this platform's or shop's products (EVERYTHING: all); at once."""
        if scope == self.scope:
            return
        self.scope = scope
        self._timer.stop()
        self.compute()

    def compute(self) -> None:
        if self.worker is not None:
            self._again = True  # the store or the scope changed meanwhile: once more after
            return
        scope = self.scope
        self.worker = runner().run(
            lambda context: _alerts(context, scope),
            store_path=self.store_path,
            on_success=self._computed,
            on_failure=lambda _exc: self.show_alerts([]),  # a hint; 分析 shows errors
            name="product alerts",
        )
        self.worker.finished.connect(self._finished)

    def _finished(self) -> None:
        self.worker = None
        self.worker_done.emit()
        if self._again:
            self._again = False
            self.compute()

    def _computed(self, result: tuple[Scope, list, list]) -> None:
        scope, everywhere, shown = result
        if scope != self.scope:
            return  # chosen since: the next computation (queued) shows its own
        self.show_alerts(shown, everywhere)

    def show_alerts(self, found: list, everywhere: list | None = None) -> None:
        """`found`: the rows to show (the scope's); `everywhere`: the whole store's (for
        `found`), the same as `found` by default."""
        self.clear()
        for alert in found:
            item = QListWidgetItem(alert_text(alert))
            item.setData(PRODUCT_ROLE, alert.product)
            item.setToolTip(alert_text(alert))
            self.addItem(item)
        self.setFixedHeight(self._lines_height(min(len(found), SHOWN_ROWS)))
        self.setVisible(bool(found))
        self.found.emit(found if everywhere is None else everywhere)

    def _lines_height(self, rows: int) -> int:
        """Tall enough for `rows` whole lines and not a pixel of the next one."""
        self.ensurePolished()
        margins = self.contentsMargins()
        lines = sum(self.sizeHintForRow(row) for row in range(rows))
        return lines + margins.top() + margins.bottom()

    def stop(self) -> None:
        self._timer.stop()
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()


def _alerts(context: TaskContext, scope: Scope) -> tuple[Scope, list[Alert], list[Alert]]:
    """(the scope, the whole store's alerts, the scope's)."""
    from shopdesk.services.insights import alerts  # on the worker, not on the start path

    everywhere = alerts(context.store())
    if scope.everything:
        return scope, everywhere, everywhere
    return scope, everywhere, alerts(context.store(), scope=scope)
