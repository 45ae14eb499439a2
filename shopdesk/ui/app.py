"""Starting the window: the application, its language and font, the store, error logging."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QLabel

from shopdesk import __version__, startup_gc
from shopdesk.crash_log import write_crash_log
from shopdesk.domain import paths
from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.messages import say
from shopdesk.domain.timeutil import now_utc
from shopdesk.services.session import Store
from shopdesk.ui import i18n, qt_translations

log = logging.getLogger("shopdesk")
RELEASE_GC_AFTER_MS = 10_000  # the collector back on even if the window never painted


def make_application(lang: str | None = None, argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("ShopDesk")
    app.setApplicationName("ShopDesk")
    app.setApplicationVersion(__version__)
    icon = paths.resource("icons", "shopdesk.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    _use_bundled_font(app)
    i18n.install(app, lang or QSettings().value("language") or None)
    qt_translations.install(app, i18n.current_language())  # Qt's own dialogs too
    return app


def _use_bundled_font(app: QApplication) -> None:
    """Chinese must render even where the system has no CJK font (a bare Linux box)."""
    font_id = QFontDatabase.addApplicationFont(str(paths.font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families and sys.platform.startswith("linux"):
        font = QFont(families[0])
        font.setPointSize(10)
        app.setFont(font)


def setup_logging() -> None:
    handler = logging.FileHandler(paths.log_path(), encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)

    def excepthook(kind, value, tb):
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, value, tb)))
        crash_log = write_crash_log(value, tb)  # the file 帮助 → 诊断信息 shows
        if QApplication.instance():
            _critical(
                QCoreApplication.translate("App", "出现了意外错误，已记录到日志：\n%1\n\n%2")
                .replace("%1", str(crash_log or paths.log_path()))
                .replace("%2", str(value))
            )

    sys.excepthook = excepthook


def _critical(text: str) -> None:
    # Qt's message box is made when one is needed: its types cost the window's start-up.
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "ShopDesk", text)


def store_path_for(db: str | None, demo: bool) -> Path:
    if db:
        return Path(db).expanduser()
    if demo:
        return paths.data_dir() / "demo.db"
    last = QSettings().value("last_store")
    return Path(last) if last else paths.default_store_path()


class UpgradeNotice:
    """A small window while a newer ShopDesk brings an older store up to date (building a
    search index takes seconds on a big store, and the main window is not up yet)."""

    def __init__(self) -> None:
        self.label: QLabel | None = None

    def __call__(self) -> None:
        startup_gc.release()  # a start of seconds: the collector as usual
        label = self.label = QLabel(
            QCoreApplication.translate("App", "正在更新店铺数据（升级后只做一次），请稍候…")
        )
        label.setWindowTitle("ShopDesk")
        label.setWindowFlags(Qt.WindowType.SplashScreen)
        label.setStyleSheet("QLabel { background: white; border: 1px solid #8a8a8a; }")
        label.setMargin(24)
        label.adjustSize()
        screen = label.screen().availableGeometry()  # in the middle, where the window opens
        label.move(screen.center() - label.rect().center())
        label.show()
        QApplication.processEvents()  # painted before the update holds this thread

    def close(self) -> None:
        if self.label is not None:
            self.label.close()
            self.label.deleteLater()
            self.label = None


def open_store(path: Path, demo: bool, notice: UpgradeNotice | None = None) -> Store:
    notice = notice or UpgradeNotice()
    try:
        store = Store.open(path, on_upgrade=notice)
    finally:
        notice.close()
    if demo and store.counts()["orders"] == 0:
        from shopdesk.services.demo import build_demo  # the demo store only

        startup_gc.release()  # thousands of rows made: the collector as usual
        build_demo(store, now_utc())
    return store


def run_app(db: str | None = None, demo: bool = False, lang: str | None = None) -> int:
    app = make_application(lang)
    setup_logging()
    path = store_path_for(db, demo)
    from shopdesk.ui import safety, single_instance

    try:
        if not path.exists():  # made whole first: the window's lock is keyed by the file
            Store.open(path).close()
    except ShopDeskError as exc:
        _critical(say(exc))
        return 2
    if single_instance.bring_forward_running(path):
        return 0  # the window already open on this store came forward
    lock = single_instance.WindowLock(path)
    if not lock.acquire():  # a window on this store is starting at this very moment
        if not single_instance.defer_to_starting_window(path):
            log.warning("another window holds %s but did not answer", path)
        return 0
    try:
        store = open_store(path, demo)
    except ShopDeskError as exc:
        lock.release()
        _critical(say(exc))  # a damaged one names its backup
        return 2
    from shopdesk.ui.main_window import MainWindow

    window = MainWindow(store)
    window.first_paint.then(startup_gc.release)
    QTimer.singleShot(RELEASE_GC_AFTER_MS, startup_gc.release)  # should it never paint
    instance = single_instance.InstanceServer(path, window)
    instance.raise_requested.connect(lambda: single_instance.bring_to_front(window))
    safety.install(window)
    window.show()
    _say_how_the_store_opened(window, store)
    safety.start_background_checks(window)  # quick_check + daily backup, after first paint
    code = app.exec()
    instance.close()
    store.close()
    lock.release()
    return code


def _say_how_the_store_opened(window, store: Store) -> None:
    """A store opened read-only shows 只读 in the status bar (its tooltip says what works);
    a -wal of another file set aside is said once, without blocking the window."""
    if store.read_only:
        label = QLabel(window.tr("只读"))
        label.setStyleSheet("QLabel { color: #a15c00; font-weight: bold; padding: 0 6px; }")
        label.setToolTip(
            window.tr(
                "店铺数据文件是只读的（只读磁盘或没有写入权限）：可以查看、导出和备份，修改不能保存。"
            )
        )
        window.statusBar().addPermanentWidget(label)
        window.read_only_label = label
    if store.set_aside_wal is not None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Information,
            "ShopDesk",
            window.tr(
                "店铺数据文件旁边的 -wal 文件不属于它（可能是复制备份时留下的），没有使用，"
                "已改名保留为：\n%1\n\n店铺数据没有受影响。"
            ).replace("%1", str(store.set_aside_wal)),
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.open()
        window.set_aside_notice = box
