"""One start-up, measured from inside: `startup_probe.py bare|app [STORE]`.

Prints one JSON line: seconds from interpreter start to the first painted main window
(the parent adds nothing: it reads `painted_s`) and the resident memory after the
orders view has shown its first page, its last page and a search.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    mode = sys.argv[1]
    if mode == "app":
        # as `python -m shopdesk` starts: the collector held, the store before Qt
        from shopdesk import startup_gc

        startup_gc.hold()
        from shopdesk.store.store import Store
        from shopdesk.ui.app import make_application
        from shopdesk.ui.main_window import MainWindow
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    painted: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and "s" not in painted:
                painted["s"] = time.perf_counter() - STARTED
                QTimer.singleShot(0, QApplication.instance().quit)
            return False

    if mode == "bare":
        app = QApplication([sys.argv[0]])
        window = QMainWindow()
        window.resize(1280, 760)
    else:
        app = make_application("zh-CN")
        store = Store.open(sys.argv[2])
        window = MainWindow(store)
        window.first_paint.then(startup_gc.release)  # as run_app does
    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    app.exec()
    result = {"painted_s": painted.get("s")}
    if mode == "app":
        import psutil

        view = window.orders_view
        view.table.scrollToBottom()
        view.grab()
        view.set_search("保温杯")
        view.grab()
        result["rss_mb"] = psutil.Process().memory_info().rss / 2**20
        store.close()
    print(json.dumps(result))


main()
