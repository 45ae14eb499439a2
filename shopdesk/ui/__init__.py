"""The window (PySide6). Importing any of it imports Qt first, then makes PySide's
per-module import check cheap (`pyside_hook`)."""

import PySide6.QtCore  # noqa: F401 - installs PySide's import hook, replaced just below

from shopdesk.ui import pyside_hook

pyside_hook.install()
