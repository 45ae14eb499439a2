"""Importing this registers every area's part of the window (views, menu entries, case
panel tabs), so the app, the smoke test and the frozen build show the same window."""

import shopdesk.ui.case_facts_panel  # noqa: F401  (the case panel's 原因与费用)
import shopdesk.ui.evidence_panel  # noqa: F401  (the case panel's 证据)
import shopdesk.ui.import_dialog  # noqa: F401  (File -> 导入 and drag-and-drop)
import shopdesk.ui.paste_case_dialog  # noqa: F401  (订单 -> 粘贴千牛退款详情)
import shopdesk.ui.templates_view  # noqa: F401  (模板 and the case panel's 回复)

# isort: split
# After 模板: a view's place in the list is its Ctrl+number.
import shopdesk.ui.insights_view  # noqa: F401  (分析)
