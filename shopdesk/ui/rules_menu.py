"""设置 menu entries about clocks: load a platform rule file, reminder lead times, the
tray and starting with the system."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.services import clocks
from shopdesk.services.changes import Changes
from shopdesk.ui.countdown import ui_now
from shopdesk.ui.dialogs import file_dialogs
from shopdesk.ui.reminders import (
    close_to_tray,
    set_close_to_tray,
    set_start_with_system,
    starts_with_system,
)
from shopdesk.ui.views.due_view import label_platform


def tr(text: str) -> str:
    return QCoreApplication.translate("DueView", text)


def add_rules_menu(window, menu) -> None:
    """`window`: the main window (its store, and `apply_changes` after a new rule file)."""
    menu.addSeparator()
    load = QAction(tr("载入平台规则文件…"), window)
    load.triggered.connect(lambda: load_rules_dialog(window))
    menu.addAction(load)
    leads = QAction(tr("提醒时间…"), window)
    leads.triggered.connect(lambda: edit_lead_hours(window))
    menu.addAction(leads)
    tray = QAction(tr("关闭窗口时保留在托盘"), window, checkable=True)
    tray.setChecked(close_to_tray())
    tray.toggled.connect(set_close_to_tray)
    menu.addAction(tray)
    start = QAction(tr("开机时启动 ShopDesk"), window, checkable=True)
    start.setChecked(starts_with_system())
    start.toggled.connect(set_start_with_system)
    menu.addAction(start)


def load_rules_dialog(window) -> None:
    from PySide6.QtWidgets import QMessageBox

    path, _ = file_dialogs.get_open_file_name(
        file_dialogs.RULES, window, tr("载入平台规则文件"), tr("规则文件 (*.toml)")
    )
    if not path:
        return
    try:
        from shopdesk.services.clocks import load_rules_file  # the clock engine

        ruleset = load_rules_file(window.store, path, ui_now())
    except ShopDeskError as exc:
        QMessageBox.warning(window, tr("无法载入规则文件"), say(exc))
        return
    window.store.set_setting(clocks.RULES_STAMP_SETTING, clocks.rules_stamp())
    window.apply_changes(Changes.of(rules=True))
    QMessageBox.information(
        window,
        tr("规则已更新"),
        tr("%1 规则截至 %2，已重新计算所有进行中的售后单。")
        .replace("%1", label_platform(ruleset.platform))
        .replace("%2", ruleset.as_of),
    )


def edit_lead_hours(window) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from shopdesk.services.clocks import lead_hours, set_lead_hours

    current = ", ".join(f"{h:g}" for h in lead_hours(window.store))
    text, ok = QInputDialog.getText(
        window, tr("提醒时间"), tr("到期前多少小时提醒（用逗号分隔）："), text=current
    )
    if not ok:
        return
    try:
        hours = [float(part) for part in text.replace("，", ",").split(",") if part.strip()]
    except ValueError:
        QMessageBox.warning(window, tr("提醒时间"), tr("请填写数字，例如 24, 4, 1"))
        return
    set_lead_hours(window.store, hours)
    window.apply_changes(Changes.of(settings=True))
