"""设置 → 证据提交限制…: the menu entry, and the 证据 tab counting anew when the limits
change. The dialog itself (profiles_dialog.py, and the evidence limits it edits) is
loaded when the seller opens it, not before the window's first paint."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction


def install(window) -> QAction:
    """`window`: the main window (its store, menus, dispatcher, evidence panel,
    apply_changes)."""
    action = QAction(QCoreApplication.translate("ProfilesDialog", "证据提交限制…"), window)
    action.triggered.connect(lambda: _open(window))
    window.menu("settings").addAction(action)
    window.dispatcher.listen(
        "evidence_profiles",
        lambda changes: changes.settings,
        lambda _changes: window.evidence_panel.reload_profiles(),
    )
    return action


def _open(window) -> None:
    from shopdesk.ui.dialogs.profiles_dialog import open_dialog

    open_dialog(window)
