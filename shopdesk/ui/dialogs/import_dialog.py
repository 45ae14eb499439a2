"""Importing platform exports from the window: File -> 导入… or files dropped on the window.

The import is a job of the window's task runner (ui/tasks.py): its own Store on a worker
thread, a progress dialog after 0.5 s whose Cancel really stops the work (the one
transaction is rolled back). Then a report dialog shows the counts per file and the
skipped rows in a table the seller can copy."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.domain.timeutil import now_utc
from shopdesk.services import platforms
from shopdesk.ui.dialogs import file_dialogs
from shopdesk.ui.tasks import ProgressSpec, Task, TaskContext, TaskRunner, runner

if TYPE_CHECKING:  # the import's own modules are loaded when a file is imported
    from PySide6.QtWidgets import QMessageBox

    from shopdesk.services.changes import Changes
    from shopdesk.services.imports import ImportReport
    from shopdesk.ui.dialogs.import_report import ImportReportDialog


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
            from PySide6.QtWidgets import QMessageBox

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
        from PySide6.QtWidgets import QInputDialog

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
            from shopdesk.ui.dialogs.import_report import ImportReportDialog

            self.report_dialog = ImportReportDialog(report, self.window)
            self.report_dialog.open()

    def _on_failure(self, error: BaseException) -> None:
        message = (
            say(error) if isinstance(error, ShopDeskError) else self.tr("导入时出现意外错误。")
        )
        if self.show_reports:
            from PySide6.QtWidgets import QMessageBox

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
