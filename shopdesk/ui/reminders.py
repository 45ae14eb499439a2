"""Reminders before deadlines, shown as tray notifications; ShopDesk stays in the tray
when its window is closed (a setting turns this off) and can start with the system.

The Notifier interface is all the reminder service needs; tests give it a recording
notifier, the app a QSystemTrayIcon."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon

from shopdesk.domain.countdown import countdown
from shopdesk.domain.errors import StoreLockedError
from shopdesk.services.session import Store
from shopdesk.ui.countdown import ui_now
from shopdesk.ui.i18n import current_language
from shopdesk.ui.layout_fit import ElidingLabel

if TYPE_CHECKING:
    from shopdesk.services.clocks import DueSummary


def _queries():
    """The reminder queries, and the clock engine behind them: imported at the first
    check, which comes after the window's first paint."""
    from shopdesk.services import clocks

    return clocks


CHECK_EVERY_MS = 60_000
GROUP_ABOVE = 3  # more reminders than this at once: one summary notification
CLOSE_TO_TRAY_KEY = "reminders/close_to_tray"


def tr(text: str) -> str:
    return QCoreApplication.translate("Reminders", text)


class Notifier(Protocol):
    def notify(self, title: str, message: str, urgent: bool = False) -> None: ...


class TrayNotifier:
    """Notifications through the system tray icon."""

    def __init__(self, tray: QSystemTrayIcon):
        self.tray = tray

    def notify(self, title: str, message: str, urgent: bool = False) -> None:
        icon = (
            QSystemTrayIcon.MessageIcon.Warning
            if urgent
            else QSystemTrayIcon.MessageIcon.Information
        )
        self.tray.showMessage(title, message, icon, 15_000)


class StatusBarNotifier:
    """Where the desktop has no tray: a reminder shows in the status bar's message area
    for a minute. The deadline line (`line`, a DueStatusLine) would say the same beside
    it ("17 项时限即将到期 — 剩余 4时59分 · …" twice): it gives way while the reminder
    shows and tells the overall picture again once the message is gone."""

    SHOWN_MS = 60_000

    def __init__(self, window, line: DueStatusLine | None = None):
        self.status_bar = window.statusBar()
        self.line = line
        self.shown = ""  # the reminder on screen, "" once it is gone
        self.status_bar.messageChanged.connect(self._message_changed)

    def notify(self, title: str, message: str, urgent: bool = False) -> None:
        self.shown = f"{title} — {message.splitlines()[0]}"
        self.status_bar.showMessage(self.shown, self.SHOWN_MS)
        if self.line is not None:
            self.line.give_way(True)

    def _message_changed(self, text: str) -> None:
        if text != self.shown:  # timed out, cleared, or another message over it
            self.shown = ""
            if self.line is not None:
                self.line.give_way(False)


OVERDUE_STYLE = "color: #b00020; font-weight: bold;"
UPCOMING_STYLE = "color: #8a5300;"


class DueStatusLine(ElidingLabel):
    """The status bar's line about deadlines: what ran out first (red), else what comes
    due soon; empty when nothing does. Hidden while a reminder in the status bar says it
    (`give_way`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.giving_way = False

    def show_status(self, text: str, overdue: bool) -> None:
        self.setText(text)
        self.setStyleSheet(OVERDUE_STYLE if overdue else UPCOMING_STYLE)
        self.setVisible(bool(text) and not self.giving_way)

    def give_way(self, giving_way: bool) -> None:
        self.giving_way = giving_way
        self.setVisible(bool(self.text()) and not giving_way)


def _short_subject(deadline) -> str:
    if deadline.case_id:
        return tr("售后 #%1").replace("%1", str(deadline.case_id))
    return tr("订单 %1").replace("%1", deadline.order_no)


def _deadline_line(deadline, now: datetime, language: str) -> str:
    return (
        f"{countdown(deadline.due_at, now, language).text} · "
        f"{deadline.title_in(language)} · {_short_subject(deadline)}"
    )


def status_line(summary: DueSummary, now: datetime, language: str) -> tuple[str, bool]:
    """The status bar's text and whether it tells of overdue deadlines: "2 项已超时 —
    已超时 2时 · 卖家处理退货申请 · 售后 #9；18 项即将到期", or with nothing overdue
    "18 项时限即将到期 — 剩余 5时26分 · 卖家发货 · 订单 …"."""
    # A module function: the application lends its tr() (lupdate reads it as a %n plural).
    if summary.overdue:
        text = QCoreApplication.instance().tr("%n 项已超时", "", summary.overdue)
        if summary.first_overdue is not None:
            text += f" — {_deadline_line(summary.first_overdue, now, language)}"
        if summary.upcoming:
            text += ("；" if language.startswith("zh") else "; ") + QCoreApplication.instance().tr(
                "%n 项即将到期", "", summary.upcoming
            )
        return text, True
    if summary.upcoming:
        text = QCoreApplication.instance().tr("%n 项时限即将到期", "", summary.upcoming)
        if summary.first_upcoming is not None:
            text += f" — {_deadline_line(summary.first_upcoming, now, language)}"
        return text, False
    return "", False


def _subject(deadline) -> str:
    if deadline.case_id:
        return (
            tr("售后单 #%1（订单 %2）")
            .replace("%1", str(deadline.case_id))
            .replace("%2", deadline.order_no)
        )
    return tr("订单 %1").replace("%1", deadline.order_no)


class ReminderService(QObject):
    """Checks once a minute which reminders are due, shows each once, and remembers the
    last time ShopDesk was running (for the start-up summary). Each check also tells
    `status` the status bar's line (text, overdue)."""

    status = Signal(str, bool)

    def __init__(self, store: Store, notifier: Notifier, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.notifier = notifier
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        # While a worker writes (an import holds the store's write lock), the marks of
        # what was shown wait here for the next check: the window never waits for them.
        self._unsaved: list[tuple[str, object]] = []  # (what, write)
        self._shown: set[str] = set()  # reminder keys shown while running, saved or not

    def _save(self, write, what: str = "fired") -> None:
        """Run the bookkeeping write `write()` now, or at a later check if the store is
        busy (never blocking the window behind a background job). A later "seen" mark
        replaces an unsaved earlier one; every "fired" mark is kept."""
        if what == "seen":
            self._unsaved = [item for item in self._unsaved if item[0] != "seen"]
        self._unsaved.append((what, write))
        waiting, self._unsaved = self._unsaved, []
        for item in waiting:
            try:
                with self.store.not_waiting():
                    item[1]()
            except StoreLockedError:
                self._unsaved.append(item)

    def start(self) -> None:
        self.summarize_missed()
        self.check()
        self.timer.start()

    def summarize_missed(self, now: datetime | None = None) -> int:
        """One notification listing what ran out while ShopDesk was closed."""
        now = now or ui_now()
        missed = _queries().came_due_while_closed(self.store, now)
        if missed:
            lines = [f"{d.title_in(current_language())} · {_subject(d)}" for d in missed[:5]]
            if len(missed) > 5:
                lines.append(self.tr("……共 %n 项", "", len(missed)))
            self.notifier.notify(
                self.tr("ShopDesk 关闭期间有 %n 项时限已到", "", len(missed)),
                "\n".join(lines),
                urgent=True,
            )
        self._save(lambda: _queries().mark_seen(self.store, now), "seen")
        return len(missed)

    def check(self, now: datetime | None = None) -> int:
        """Show the reminders due now: one notification each, or one summary when many
        fall due together (the first start of the day). Returns how many fired."""
        now = now or ui_now()
        language = current_language()
        queries = _queries()
        due = [
            r
            for r in queries.pending_reminders(self.store, now)
            if queries.reminder_key(r.deadline, r.lead_hours) not in self._shown
        ]
        if len(due) > GROUP_ABOVE:
            lines = [
                f"{countdown(r.deadline.due_at, now, language).text} · "
                f"{r.deadline.title_in(language)} · {_subject(r.deadline)}"
                for r in due[:GROUP_ABOVE]
            ]
            lines.append(self.tr("……共 %n 项", "", len(due)))
            self.notifier.notify(
                self.tr("%n 项时限即将到期", "", len(due)),
                "\n".join(lines),
                urgent=any(r.lead_hours <= 4 for r in due),
            )
        else:
            for reminder in due:
                d = reminder.deadline
                self.notifier.notify(
                    f"{countdown(d.due_at, now, language).text} · {d.title_in(language)}",
                    f"{_subject(d)}\n{d.on_timeout_in(language)}",
                    urgent=reminder.lead_hours <= 4,
                )
        self._shown.update(queries.reminder_key(r.deadline, r.lead_hours) for r in due)
        if due:
            self._save(lambda: queries.mark_fired(self.store, due, now))
        self._save(lambda: _queries().mark_seen(self.store, now), "seen")
        self.update_status(now)
        return len(due)

    def update_status(self, now: datetime | None = None) -> tuple[str, bool]:
        """Recount what is overdue and what comes due soon; tells `status`."""
        now = now or ui_now()
        line = status_line(_queries().due_summary(self.store, now), now, current_language())
        self.status.emit(*line)
        return line


def close_to_tray() -> bool:
    return QSettings().value(CLOSE_TO_TRAY_KEY, True, type=bool)


def set_close_to_tray(enabled: bool) -> None:
    QSettings().setValue(CLOSE_TO_TRAY_KEY, enabled)


class CloseToTray(QObject):
    """Event filter on the main window: closing hides it to the tray while the setting is
    on and a tray is there; the tray menu's 退出 really quits."""

    def __init__(self, window, tray: QSystemTrayIcon | None):
        super().__init__(window)
        self.window = window
        self.tray = tray
        self.quitting = False
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.window
            and event.type() == QEvent.Type.Close
            and not self.quitting
            and self.tray is not None
            and self.tray.isVisible()
            and close_to_tray()
        ):
            event.ignore()
            self.window.hide()
            return True
        return False

    def quit(self) -> None:
        self.quitting = True
        self.window.close()
        QApplication.quit()


def make_tray(window) -> QSystemTrayIcon | None:
    """The tray icon with 打开 / 退出, or None where the desktop has no tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    icon = window.windowIcon()
    if icon.isNull():
        icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    tray = QSystemTrayIcon(QIcon(icon), window)
    tray.setToolTip("ShopDesk")
    menu = QMenu(window)
    show = QAction(tr("打开 ShopDesk"), menu)
    show.triggered.connect(lambda: (window.showNormal(), window.activateWindow()))
    menu.addAction(show)
    tray.quit_action = QAction(tr("退出"), menu)
    menu.addAction(tray.quit_action)
    tray.setContextMenu(menu)
    tray.activated.connect(lambda _reason: (window.showNormal(), window.activateWindow()))
    tray.show()
    return tray


# -- starting with the system ----------------------------------------------------------

_RUN_KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"


def _launch_command() -> str:
    if getattr(sys, "frozen", False):
        return f'"{sys.executable}"'
    return f'"{sys.executable}" -m shopdesk'


def _autostart_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / "shopdesk.desktop"


def starts_with_system() -> bool:
    if sys.platform == "win32":
        return QSettings(_RUN_KEY, QSettings.Format.NativeFormat).contains("ShopDesk")
    return _autostart_file().exists()


def set_start_with_system(enabled: bool) -> None:
    if sys.platform == "win32":
        settings = QSettings(_RUN_KEY, QSettings.Format.NativeFormat)
        if enabled:
            settings.setValue("ShopDesk", _launch_command())
        else:
            settings.remove("ShopDesk")
        return
    path = _autostart_file()
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            "[Desktop Entry]\nType=Application\nName=ShopDesk\n"
            f"Exec={_launch_command()}\nX-GNOME-Autostart-enabled=true\n",
            encoding="utf-8",
        )
    elif path.exists():
        path.unlink()
