"""Importing this registers every area's part of the window (views, menu entries, case
panel tabs), so the app, the smoke test and the frozen build show the same window."""

import shopdesk.ui.evidence_panel  # noqa: F401  (the case panel's 证据)
import shopdesk.ui.import_dialog  # noqa: F401  (File -> 导入 and drag-and-drop)
import shopdesk.ui.templates_view  # noqa: F401  (模板 and the case panel's 回复)
