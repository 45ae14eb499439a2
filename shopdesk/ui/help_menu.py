"""帮助 menu: 关于 ShopDesk, 诊断信息… (their dialogs, ui/dialogs/about.py, load when the
seller opens one: not before the window's first paint) and 打开数据文件夹."""

from __future__ import annotations

from PySide6.QtGui import QAction

from shopdesk.domain import paths


def install_help_menu(window, menu) -> None:
    """Fill the window's 帮助 menu (the one hook main_window calls)."""
    entries = [
        (window.tr("关于 ShopDesk"), lambda: _dialogs().AboutDialog(window.store, window).exec()),
        (
            window.tr("诊断信息…"),
            lambda: _dialogs().DiagnosticsDialog(window.store, window).exec(),
        ),
        (window.tr("打开数据文件夹"), lambda: open_data_folder(window)),
    ]
    for text, slot in entries:
        action = QAction(text, window)
        action.triggered.connect(slot)
        menu.addAction(action)


def _dialogs():
    from shopdesk.ui.dialogs import about

    return about


def open_data_folder(parent) -> bool:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    folder = paths.data_dir()
    opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    if not opened:
        QMessageBox.information(
            parent,
            parent.tr("打开数据文件夹"),
            parent.tr("无法打开文件管理器。数据文件夹在：\n%1").replace("%1", str(folder)),
        )
    return opened
