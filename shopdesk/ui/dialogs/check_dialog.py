"""文件 → 检查数据…: the store and every evidence file checked on a worker thread (its
own read-only SQLite connection), with a progress dialog that a long check shows and
Cancel stops, then the result in a dialog that names the cases a problem touches."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TR_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.services.safety import (
    CHANGED,
    MISSING,
    UNREADABLE,
    CheckCancelled,
    CheckReport,
    check_store,
)
from shopdesk.ui.tasks import ProgressSpec, Task, runner

log = logging.getLogger("shopdesk")

PROBLEM_TEXT = {
    CHANGED: QT_TR_NOOP("已损坏（内容与 SHA-256 不符）"),
    MISSING: QT_TR_NOOP("文件不见了"),
    UNREADABLE: QT_TR_NOOP("无法读取"),
}
_PROGRESS_STEPS = 200  # progress updates sent per check, however many files


class CheckRun(QObject):
    """One check of the window's store: the job, its progress dialog and its result."""

    progressed = Signal(int, int)
    done = Signal(object)  # the CheckReport, once shown

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.report: CheckReport | None = None
        self.result_dialog: CheckResultDialog | None = None
        path = window.store.path
        self.job: Task = runner().run(
            lambda context: check_store(
                path, on_progress=self._reporter(context), cancelled=context.cancelled
            ),
            on_success=self._finished,
            on_failure=self._failed,
            on_cancelled=self._cancelled,
            on_progress=self._show_progress,
            progress=ProgressSpec(
                self.tr("检查数据"), self.tr("正在检查店铺数据和证据文件…"), self.tr("取消")
            ),
            parent=window,
            cancel_errors=(CheckCancelled,),
            name="check",
        )
        self.progress = self.job.dialog

    def cancel(self) -> None:
        self.job.cancel()

    @staticmethod
    def _reporter(context):
        def report(done: int, total: int) -> None:  # on the worker thread
            if done == total or done % max(1, total // _PROGRESS_STEPS) == 0:
                context.progress(done, total)

        return report

    def _show_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)
        if self.job.dialog is None:
            return
        self.job.dialog.setLabelText(
            self.tr("正在检查证据文件 %1 / %2…").replace("%1", str(done)).replace("%2", str(total))
        )

    def _finished(self, report: CheckReport) -> None:
        self.report = report
        self.result_dialog = CheckResultDialog(self.window_, report)
        self.result_dialog.open()
        self.done.emit(report)

    def _cancelled(self) -> None:
        self.window_.statusBar().showMessage(self.tr("检查已取消"), 5000)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ShopDeskError):
            log.error("check failed", exc_info=exc)
        QMessageBox.warning(self.window_, self.tr("检查数据"), say(exc))


def start_check(window) -> CheckRun:
    run = CheckRun(window)
    window.check_run = run
    return run


class CheckResultDialog(QDialog):
    """What the check found: a headline, the store's state, and a row per damaged or
    missing evidence file with its case, order number, original name and hash."""

    def __init__(self, window, report: CheckReport):
        super().__init__(window)
        self.window_ = window
        self.report = report
        self.setWindowTitle(self.tr("检查数据"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)

        self.headline = QLabel(self._headline())
        self.headline.setStyleSheet(
            "font-size: 16px; font-weight: bold; color: %s;"
            % ("#2e7d32" if report.ok else "#c62828")
        )
        layout.addWidget(self.headline)
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        store_lines = report.store_problems + report.foreign_key_problems
        self.details.setPlainText("\n".join(store_lines))
        self.details.setVisible(bool(store_lines))
        self.details.setMaximumHeight(90)
        layout.addWidget(self.details)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("售后单"), self.tr("订单号"), self.tr("文件"), self.tr("问题"), "SHA-256"]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for item in report.evidence_problems:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = [
                f"#{item.case_id}" if item.case_id is not None else self.tr("（未使用）"),
                item.order_no or "",
                item.file_name or self.tr("（原文件名不详）"),
                self.tr(PROBLEM_TEXT[item.problem]),
                item.sha256,
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(f"{item.sha256}\n{item.path}" if column == 4 else text)
                cell.setData(Qt.ItemDataRole.UserRole, item.case_id)
                self.table.setItem(row, column, cell)
        self.table.setVisible(bool(report.evidence_problems))
        self.table.itemDoubleClicked.connect(lambda cell: self.open_case(cell.row()))
        layout.addWidget(self.table, 1)

        self.advice = QLabel(self._advice())
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)
        if not report.evidence_problems:
            layout.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("打开所选售后单"))
        self.open_button.setVisible(bool(report.affected_cases()))
        self.open_button.clicked.connect(lambda: self.open_case(self.table.currentRow()))
        self.copy_button = QPushButton(self.tr("复制报告"))
        self.copy_button.clicked.connect(self.copy_report)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.table.rowCount():
            self.table.selectRow(0)
        else:  # nothing to list: as tall as its text, no gaps between the lines
            self.resize(720, self.sizeHint().height())

    def _headline(self) -> str:
        report = self.report
        if report.ok:
            return self.tr("✓ 店铺数据和全部证据文件都完好")
        count = (
            len(report.store_problems)
            + len(report.foreign_key_problems)
            + len(report.evidence_problems)
        )
        return self.tr("⚠ 发现 %1 个问题").replace("%1", str(count))

    def _summary(self) -> str:
        report = self.report
        store = (
            self.tr("店铺数据：已损坏（数据库完整性检查未通过）")
            if report.store_problems
            else self.tr("店铺数据：完好（数据库完整性检查通过）")
        )
        if report.foreign_key_problems:
            store += "\n" + self.tr("数据之间的引用：%1 处指向不存在的数据").replace(
                "%1", str(len(report.foreign_key_problems))
            )
        evidence = (
            self.tr("证据文件：检查了 %1 个，%2 个有问题")
            .replace("%1", str(report.evidence_checked))
            .replace("%2", str(len(report.evidence_problems)))
        )
        affected = report.affected_cases()
        if affected:
            evidence += "\n" + self.tr("受影响的售后单：%1").replace(
                "%1", "、".join(f"#{c.case_id}" for c in affected)
            )
        return f"{store}\n{evidence}"

    def _advice(self) -> str:
        parts = []
        if self.report.evidence_problems:
            parts.append(
                self.tr(
                    "修复证据文件：在售后单的“证据”里把原文件再添加一次，损坏的副本会被替换；"
                    "双击一行打开它的售后单。"
                )
            )
        if self.report.store_problems or self.report.foreign_key_problems:
            parts.append(
                self.tr(
                    "店铺数据有损坏：请通过“文件 → 备份 / 恢复…”从最近的备份恢复"
                    "（恢复前会先另存一份当前数据）。"
                )
            )
        if not parts:
            parts.append(self.tr("没有发现任何问题，文件未做任何改动。"))
        return "\n".join(parts)

    def report_text(self) -> str:
        lines = [self.headline.text(), self.summary.text()]
        lines += self.report.store_problems + self.report.foreign_key_problems
        for row in range(self.table.rowCount()):
            lines.append(" · ".join(self.table.item(row, c).text() for c in range(5)))
        lines.append(self.advice.text())
        return "\n".join(lines)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
        self.copy_button.setText(self.tr("已复制"))

    def open_case(self, row: int) -> None:
        if row < 0:
            return
        case_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if case_id is not None:
            self.window_.show_case(case_id)
