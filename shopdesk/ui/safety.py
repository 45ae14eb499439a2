"""文件 → 备份 / 恢复…, and the check after the window is up: quick_check of the store and
the day's automatic backup, on a worker thread with its own connections, so the first
paint never waits for them."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QDir, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from shopdesk.domain.errors import DamagedStoreError, ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.domain.timeutil import now_utc
from shopdesk.services.safety import (
    StartupReport,
    backup_counts,
    default_backup_dir,
    export,
    list_backups,
    make_backup,
    restore_backup,
    startup_checks,
)
from shopdesk.ui.dialogs import file_dialogs
from shopdesk.ui.tasks import Task, runner

log = logging.getLogger("shopdesk")


EXPORTS = [
    ("orders", QT_TR_NOOP("订单…")),
    ("cases", QT_TR_NOOP("售后单…")),
    ("due", QT_TR_NOOP("待办时限…")),
]


def install(window) -> None:
    """Add 导出 and 备份 / 恢复… to the window's 文件 menu (above 退出)."""
    menu = window.menu("file")
    exit_action = [a for a in menu.actions() if not a.isSeparator()][-1]
    exports = QMenu(window.tr("导出"), window)
    for kind, title in EXPORTS:
        action = QAction(window.tr(title), exports)
        action.triggered.connect(lambda _c=False, k=kind: choose_export(window, k))
        exports.addAction(action)
    menu.insertMenu(exit_action, exports)
    backup = QAction(window.tr("备份 / 恢复…"), window)
    backup.triggered.connect(lambda: open_backup_dialog(window))
    menu.insertAction(exit_action, backup)
    menu.insertSeparator(exit_action)


def choose_export(window, kind: str) -> Task | None:
    path, chosen = file_dialogs.get_save_file_name(
        file_dialogs.EXPORT,
        window,
        window.tr("导出"),
        f"shopdesk-{kind}.xlsx",
        "Excel (*.xlsx);;CSV (*.csv)",
    )
    if not path:
        return None
    if not Path(path).suffix:
        path += ".csv" if "csv" in chosen else ".xlsx"
    return export_to(window, kind, Path(path))


def export_to(window, kind: str, out: Path) -> Task:
    """Export on the task runner with the job's own Store; the result shows in the
    status bar."""
    job = runner().run(
        lambda context: export(context.store(), kind, out, now_utc()),
        store_path=window.store.path,
        on_success=lambda result: window.statusBar().showMessage(
            window.tr("已导出 %n 行到 %1", "", result.rows).replace("%1", str(out)),
            10000,
        ),
        on_failure=lambda exc: _show_failure(window, window.tr("导出"), exc),
        name="export",
    )
    window.export_job = job
    return job


def _show_failure(parent, title: str, exc: BaseException) -> None:
    if not isinstance(exc, ShopDeskError):
        log.error("%s failed", title, exc_info=exc)
    QMessageBox.warning(parent, title, say(exc))


def open_failure_text(path: Path, exc: ShopDeskError) -> str:
    """Why the store did not open, and for a damaged one, the backup to restore."""
    text = say(exc)
    if isinstance(exc, DamagedStoreError):
        backups = list_backups(default_backup_dir(path))
        if backups:
            newest = backups[0].path
            text += (
                QCoreApplication.translate(
                    "safety",
                    '\n\n最近的备份：%1\n恢复方法：在命令行运行\nshopdesk restore "%1" --db "%2"',
                )
                .replace("%1", str(newest))
                .replace("%2", str(path))
            )
    return text


def open_backup_dialog(window) -> BackupDialog:
    dialog = BackupDialog(window)
    dialog.open()
    return dialog


def start_background_checks(window) -> Task:
    """Start the store check (quick_check) and automatic backup on the task runner;
    results arrive on the GUI thread."""
    path = window.store.path
    job = runner().run(
        lambda _context: startup_checks(path, now_utc()),
        on_success=lambda report: _report_startup(window, report),
        on_failure=lambda exc: log.error("startup check failed: %r", exc),
        name="startup checks",
    )
    window.startup_job = job
    return job


def _report_startup(window, report: StartupReport) -> None:
    if report.damage:
        QMessageBox.warning(
            window,
            window.tr("店铺数据已损坏"),
            window.tr(
                "检查发现店铺数据文件已损坏：\n%1\n\n文件未做任何改动。请通过“文件 → 备份 / 恢复…”"
                "从最近的备份恢复；恢复前会先另存一份当前数据。"
            ).replace("%1", report.damage),
        )
    elif report.backup:
        window.statusBar().showMessage(window.tr("已自动备份店铺数据"), 8000)
    elif report.backup_error:
        window.statusBar().showMessage(report.backup_error, 15000)


class BackupDialog(QDialog):
    """The backups of the window's store: back up now, restore one, open the folder."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.folder = default_backup_dir(window.store.path)
        self.job: Task | None = None
        self.setWindowTitle(self.tr("备份 / 恢复"))
        self.resize(560, 380)
        self.list = QListWidget()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(60)
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.restore_button = QPushButton(self.tr("恢复所选备份…"))
        self.folder_button = QPushButton(self.tr("打开备份文件夹"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(
                QUrl.fromLocalFile(QDir.toNativeSeparators(str(self.folder)))
            )
        )
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "每天自动备份一次（保留最近 7 天和 4 周）；手动备份一直保留。备份文件夹：%1"
            ).replace("%1", str(self.folder))
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.reload()

    KIND_TEXT = {
        "auto": QT_TR_NOOP("自动"),
        "manual": QT_TR_NOOP("手动"),
        "before-restore": QT_TR_NOOP("恢复前"),
    }

    def reload(self) -> None:
        self.list.clear()
        for info in list_backups(self.folder):
            when = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            kind = self.tr(self.KIND_TEXT[info.kind])
            item = QListWidgetItem(f"{when}  ·  {kind}  ·  {info.path.name}")
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.restore_button.setEnabled(self.list.count() > 0)

    def _busy(self, text: str) -> None:
        self.status.setText(text)
        for button in (self.backup_button, self.restore_button):
            button.setEnabled(False)

    def _done(self, text: str) -> None:
        self.status.setText(text)
        self.backup_button.setEnabled(True)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._done(say(exc))
        _show_failure(self, self.tr("备份 / 恢复"), exc)

    def back_up_now(self) -> Task:
        path = self.window_.store.path
        self._busy(self.tr("正在备份…"))
        self.job = runner().run(
            lambda _context: make_backup(path, now_utc()),
            on_success=lambda folder: self._done(self.tr("已备份到 %1").replace("%1", str(folder))),
            on_failure=self._failed,
            name="backup",
        )
        return self.job

    def restore_selected(self, confirm: bool = True) -> Task | None:
        item = self.list.currentItem()
        if item is None:
            return None
        backup = item.data(Qt.ItemDataRole.UserRole)
        if confirm and not self.ask(self.restore_question(Path(backup))):
            return None
        path = self.window_.store.path
        self._busy(self.tr("正在恢复…"))
        self.job = runner().run(
            lambda _context: restore_backup(backup, path, now_utc()),
            on_success=self._restored,
            on_failure=self._failed,
            name="restore",
        )
        return self.job

    def restore_question(self, backup: Path) -> str:
        """What a restore replaces, with what, from when: asked before anything happens."""
        info = next((b for b in list_backups(self.folder) if b.path == backup), None)
        when = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if info else "—"
        kind = self.tr(self.KIND_TEXT[info.kind]) if info else ""
        now = self.window_.store.counts()
        then = backup_counts(backup)
        return (
            self.tr(
                "用备份替换当前的店铺数据？\n\n将被替换：%1\n（现有订单 %2 个、售后单 %3 个）\n\n"
                "备份：%4\n备份时间：%5（%6备份）\n（其中订单 %7 个、售后单 %8 个）\n\n"
                "当前数据会先另存为一个“恢复前”备份，恢复后也可以再换回来。"
            )
            .replace("%1", str(self.window_.store.path))
            .replace("%2", str(now["orders"]))
            .replace("%3", str(now["cases"]))
            .replace("%4", str(backup))
            .replace("%5", when)
            .replace("%6", kind)
            .replace("%7", then.get("orders", "?"))
            .replace("%8", then.get("cases", "?"))
        )

    def ask(self, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("恢复备份"), question, parent=self)
        restore = box.addButton(self.tr("恢复"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is restore

    def _restored(self, safety) -> None:
        self.window_.reload_all()
        text = self.tr("已恢复。")
        if safety:
            text += self.tr("恢复前的数据已备份到 %1").replace("%1", str(safety))
        self._done(text)
