"""The report of an import: the counts per file and the skipped rows in a table the
seller can copy (made when an import ends: its dialog types are not needed before)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain.messages import say
from shopdesk.services import platforms

if TYPE_CHECKING:
    from shopdesk.services.imports import FileReport, ImportReport, Problem

VALUE_COLUMN_WIDTH = 200


class SkippedRowsModel(QAbstractTableModel):
    """The rows an import skipped: file, row, column, value, reason."""

    def __init__(self, problems: Sequence[Problem], parent: QObject | None = None):
        super().__init__(parent)
        self._problems = list(problems)
        self._headers = [
            self.tr("文件"),
            self.tr("行"),
            self.tr("列"),
            self.tr("内容"),
            self.tr("原因"),
        ]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def cell_text(self, row: int, column: int) -> str:
        problem = self._problems[row]
        values = (
            Path(problem.file).name,
            "" if problem.row is None else str(problem.row),
            problem.column,
            problem.value,
            say(problem.reason),
        )
        return values[column]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._problems)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell_text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def as_tsv(self, rows: Sequence[int] | None = None) -> str:
        """The rows (all by default) as tab-separated text with the header, for pasting."""
        chosen = range(len(self._problems)) if rows is None else rows
        lines = ["\t".join(self._headers)]
        lines += [
            "\t".join(self.cell_text(row, column) for column in range(len(self._headers)))
            for row in chosen
        ]
        return "\n".join(lines) + "\n"


KIND_TITLES = {
    "orders": QT_TR_NOOP("订单"),
    "order_lines": QT_TR_NOOP("宝贝明细"),
    "refunds": QT_TR_NOOP("退款/售后"),
}


class ImportReportDialog(QDialog):
    """What an import did, per file, and the rows it skipped (copyable)."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("导入结果"))
        self.resize(960, 480)
        layout = QVBoxLayout(self)
        self.summary = QLabel("\n".join(self._summary_line(file) for file in report.files))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        problems = [problem for file in report.files for problem in file.skipped]
        self.model = SkippedRowsModel(problems, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, VALUE_COLUMN_WIDTH)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        skipped_title = QLabel(
            self.tr("跳过的行（%1）：可选中后按 Ctrl+C 复制").replace("%1", str(len(problems)))
            if problems
            else self.tr("没有跳过的行。")
        )
        layout.addWidget(skipped_title)
        layout.addWidget(self.table, 1)
        self.table.setVisible(bool(problems))
        # the reason in full (the table elides long ones): what happened and what to do
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setVisible(bool(problems))
        layout.addWidget(self.detail)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_detail(current.row())
        )
        if problems:
            self.table.selectRow(0)
            self.show_detail(0)
        copy = QAction(self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.triggered.connect(self.copy_selection)
        self.table.addAction(copy)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button = QPushButton(self.tr("复制全部跳过的行"))
        self.copy_button.setEnabled(bool(problems))
        self.copy_button.clicked.connect(self.copy_all)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _summary_line(self, file: FileReport) -> str:
        """Every row read, accounted for: added + updated + unchanged + skipped + merged."""
        kind = self.tr(KIND_TITLES.get(file.kind, file.kind))
        kind = f"{platforms.label(file.platform)}{kind}"
        line = (
            self.tr("%1（%2）：读取 %3 行，新增 %4，更新 %5，未变 %6，跳过 %7 行")
            .replace("%1", Path(file.path).name)
            .replace("%2", kind)
            .replace("%3", str(file.rows))
            .replace("%4", str(file.added))
            .replace("%5", str(file.updated))
            .replace("%6", str(file.unchanged))
            .replace("%7", str(len(file.skipped)))
        )
        if file.merged:
            line += self.tr("，重复行已合并 %1 行").replace("%1", str(file.merged))
        return line

    def show_detail(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        file, number, column, value, reason = (self.model.cell_text(row, c) for c in range(5))
        where = self.tr("%1 第 %2 行").replace("%1", file).replace("%2", number)
        if column:
            where += " " + column
        if value:
            where += "“" + value + "”"
        self.detail.setText(where + "：" + reason)

    def copy_all(self) -> None:
        QApplication.clipboard().setText(self.model.as_tsv())

    def copy_selection(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        QApplication.clipboard().setText(self.model.as_tsv(rows or None))
