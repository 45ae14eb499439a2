"""Importing platform exports from the window: File -> 导入… or files dropped on the window.

The import is a job of the window's task runner (ui/tasks.py): its own Store on a worker
thread, a progress dialog after 0.5 s whose Cancel really stops the work (the one
transaction is rolled back). Then a report dialog shows the counts per file and the
skipped rows in a table the seller can copy."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.domain.timeutil import now_utc
from shopdesk.services import platforms
from shopdesk.ui.dialogs import file_dialogs
from shopdesk.ui.tasks import ProgressSpec, Task, TaskContext, TaskRunner, runner

if TYPE_CHECKING:  # the import's own modules are loaded when a file is imported
    from shopdesk.services.changes import Changes
    from shopdesk.services.imports import FileReport, ImportReport, Problem

VALUE_COLUMN_WIDTH = 200


def import_work(files: Sequence[str], shops: dict[str, str]):
    """The import as a runner job: services.imports on the job's own Store, in one
    transaction; the runner's Cancel makes `cancelled` true and it is rolled back.
    Returns the report and the service's Changes."""
    files = [str(path) for path in files]
    shops = dict(shops)

    def work(context: TaskContext) -> tuple[ImportReport, Changes]:
        return import_exports(
            context.store(),
            files,
            now=now_utc(),
            shop=shops,
            on_progress=context.progress,
            cancelled=context.cancelled,
        )

    return work


def import_exports(*args, **kwargs):
    """services.imports.import_exports, imported when an import starts (not with the
    window)."""
    from shopdesk.services.imports import import_exports as run

    return run(*args, **kwargs)


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


class ImportController(QObject):
    """Runs imports for a window: one at a time, with the delayed progress dialog and the
    report; emits `imported(report)` and `changed(Changes)` once the import is in."""

    imported = Signal(object)
    changed = Signal(object)  # the import service's Changes
    finished = Signal()

    def __init__(self, window: QWidget, store_path: Path, tasks: TaskRunner | None = None):
        super().__init__(window)
        self.window = window
        self.store_path = Path(store_path)
        self.tasks = tasks or runner()
        self.task: Task | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.failure_box: QMessageBox | None = None
        self.show_reports = True

    @property
    def busy(self) -> bool:
        return self.task is not None

    def choose_files(self) -> None:
        files, _ = file_dialogs.get_open_file_names(
            file_dialogs.IMPORT,
            self.window,
            self.tr("导入平台导出文件"),
            self.tr("平台导出文件 (*.csv *.xlsx);;所有文件 (*)"),
        )
        if files:
            self.start(files)

    def start(self, files: Sequence[str]) -> bool:
        if self.busy:
            QMessageBox.information(
                self.window, self.tr("导入"), self.tr("上一次导入还在进行，请稍候。")
            )
            return False
        shops = self._first_shops(files)
        if shops is None:
            return False
        from shopdesk.services.imports import ImportCancelled

        self.task = self.tasks.run(
            import_work(files, shops),
            store_path=self.store_path,
            on_success=self._on_success,
            on_failure=self._on_failure,
            on_cancelled=self._on_cancelled,
            progress=ProgressSpec(
                self.tr("导入"), self.tr("正在导入 %n 个文件…", "", len(files)), self.tr("取消")
            ),
            parent=self.window,
            cancel_errors=(ImportCancelled,),
            name="import",
        )
        self.task.finished.connect(self._on_finished)
        return True

    def _first_shops(self, files: Sequence[str]) -> dict[str, str] | None:
        """Ask once, for a platform whose files come in for the first time, which shop they
        belong to (the shop it creates is then the platform's only one: never asked again).
        A platform whose order export names its shop (Taobao's) is not asked for. None: the seller cancelled."""
        store = getattr(self.window, "store", None)
        if store is None:
            return {}
        shops: dict[str, str] = {}
        known = {shop.platform for shop in store.list_shops()}
        for platform in platforms_of(files):
            if platforms.get(platform).file_names_shop or platform in shops:
                continue
            if platform in known:
                continue
            name = self.ask_shop_name(platform)
            if name is None:
                return None
            shops[platform] = name
        return shops

    def ask_shop_name(self, platform: str) -> str | None:
        label = platforms.label(platform)
        name, ok = QInputDialog.getText(
            self.window,
            self.tr("新平台的店铺"),
            self.tr("第一次导入%1的文件：这些订单属于哪个店铺？（以后自动导入到这个店铺）").replace(
                "%1", label
            ),
            text=self.tr("%1店铺").replace("%1", label),
        )
        return (name.strip() or None) if ok else None

    @property
    def progress(self):
        """The progress dialog while an import runs (shown after 0.5 s)."""
        return self.task.dialog if self.task is not None else None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_success(self, result: tuple[ImportReport, Changes]) -> None:
        report, changes = result
        self.imported.emit(report)
        self.changed.emit(changes)
        if self.show_reports:
            self.report_dialog = ImportReportDialog(report, self.window)
            self.report_dialog.open()

    def _on_failure(self, error: BaseException) -> None:
        message = (
            say(error) if isinstance(error, ShopDeskError) else self.tr("导入时出现意外错误。")
        )
        if self.show_reports:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("无法导入"),
                message + "\n\n" + self.tr("没有导入任何文件的任何数据。"),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.button(QMessageBox.StandardButton.Ok).setText(self.tr("确定"))
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.failure_box = box
            box.open()

    def _on_cancelled(self) -> None:
        """The seller pressed 取消: say that the store is as it was (the import's one
        transaction was rolled back)."""
        status_bar = getattr(self.window, "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(self.tr("导入已取消：没有导入任何数据。"), 15_000)

    def _on_finished(self) -> None:
        self.task = None
        self.finished.emit()


class _DropFilter(QObject):
    """Accepts files dropped on the window and hands their paths to the controller."""

    def __init__(self, controller: ImportController):
        super().__init__(controller)
        self.controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            files = dropped_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                self.controller.start(files)
                return True
        return False


def dropped_files(mime) -> list[str]:
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


def platforms_of(files: Sequence[str]) -> list[str]:
    """The platform of each file ShopDesk recognises, in order (a file it cannot read is
    left to the import itself, which reports it)."""
    from shopdesk.services.imports import open_export

    found = []
    for path in files:
        try:
            export = open_export(path)
        except ShopDeskError:
            continue
        export.close()
        found.append(export.platform)
    return found


def install(window, tasks: TaskRunner | None = None) -> tuple[ImportController, QAction]:
    """File -> 导入… (Ctrl+I) and drag-and-drop on the window; the window keeps the
    controller and connects its `imported` to its own refresh."""
    controller = ImportController(window, window.store.path, tasks)
    action = QAction(window.tr("导入平台导出文件…"), window)
    action.setShortcut(QKeySequence("Ctrl+I"))
    action.triggered.connect(controller.choose_files)
    file_menu = window.menu("file")
    first = file_menu.actions()[0] if file_menu.actions() else None
    file_menu.insertAction(first, action)
    window.setAcceptDrops(True)
    window.installEventFilter(_DropFilter(controller))
    return controller, action
