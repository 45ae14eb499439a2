"""产品预警 rows at the top of 待办: a product whose after-sales rate over the last 7 days
is more than twice its 90-day rate (at least 5 cases), with its leading cause. Computed
on the task runner (the job's own Store: a connection never crosses threads), so the
window opens as fast as without it. They are the window's only: `due --json` lists
deadlines, and these are not deadlines."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from shopdesk.ui.i18n import current_language
from shopdesk.ui.tasks import Task, TaskContext, runner

if TYPE_CHECKING:
    from shopdesk.core.insights import Alert

PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 1
DELAY_MS = 1000  # after the window has painted, and once per burst of changes


def tr(text: str) -> str:
    return QCoreApplication.translate("ProductAlerts", text)


def alert_text(alert: Alert) -> str:
    from shopdesk.core.insights import cause_label  # loaded with the alerts, on a worker

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
    found = Signal(list)  # the alerts, each time they are computed
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
        self.itemActivated.connect(lambda item: self.open_product.emit(item.data(PRODUCT_ROLE)))
        self.worker: Task | None = None  # the computation while it runs
        self._again = False
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.compute)
        self.hide()

    def refresh(self) -> None:
        """The store changed: compute again once things have settled."""
        self._timer.start()

    def compute(self) -> None:
        if self.worker is not None:
            self._again = True  # the store changed while computing: once more after
            return
        self.worker = runner().run(
            _alerts,
            store_path=self.store_path,
            on_success=self.show_alerts,
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

    def show_alerts(self, found: list) -> None:
        self.clear()
        for alert in found:
            item = QListWidgetItem(alert_text(alert))
            item.setData(PRODUCT_ROLE, alert.product)
            self.addItem(item)
        self.setFixedHeight(min(len(found), 4) * (self.sizeHintForRow(0) if found else 0) + 6)
        self.setVisible(bool(found))
        self.found.emit(found)

    def stop(self) -> None:
        self._timer.stop()
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()


def _alerts(context: TaskContext) -> list[Alert]:
    from shopdesk.core.insights import alerts  # on the worker, not on the start path

    return alerts(context.store())
