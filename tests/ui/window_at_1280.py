"""The main window as a seller first sees it on a 1280x720 screen: the default layout
(not one another test left behind), shown and exposed; closed and deleted after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QSettings

from shopdesk.store.store import Store
from shopdesk.ui.main_window import MainWindow


@contextmanager
def shown_window(qtbot, store: Store, **options) -> Iterator[MainWindow]:
    QSettings().remove("window")
    made = MainWindow(store, **options)
    qtbot.addWidget(made)
    made.resize(1280, 720)
    made.show()
    qtbot.waitExposed(made)
    try:
        yield made
    finally:
        made.external_writes.stop()
        made.close()
        shiboken6.delete(made)
