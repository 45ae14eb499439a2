"""The 分析 tab and `shopdesk insights`: causes, money and outcomes over a period, the
product alerts, and the 产品改进单 (xlsx, PDF) that goes to the product department. Charts
are painted with QtGui, loaded when first asked for."""

from __future__ import annotations

from shopdesk.services.door import door

# What the window and the command line read through here from the layers below,
# each loaded when first asked for (services/door.py).
__getattr__ = door(
    __name__,
    {
        "Alert": "shopdesk.store.insights",
        "Bar": "shopdesk.evidence.charts",
        "DIMENSIONS": "shopdesk.store.insights",
        "Period": "shopdesk.store.insights",
        "Point": "shopdesk.evidence.charts",
        "Row": "shopdesk.store.insights",
        "Scope": "shopdesk.store.insights",
        "alerts": "shopdesk.store.insights",
        "appealed_ids": "shopdesk.store.insights",
        "appeals": "shopdesk.store.insights",
        "breakdown": "shopdesk.store.insights",
        "case_ids": "shopdesk.store.insights",
        "cause_label": "shopdesk.store.insights",
        "find_shop": "shopdesk.store.insights",
        "gather_sheet": "shopdesk.evidence.improvement_sheet",
        "last_days": "shopdesk.store.insights",
        "paint_bars": "shopdesk.evidence.charts",
        "paint_trend": "shopdesk.evidence.charts",
        "parse_day": "shopdesk.store.insights",
        "rate": "shopdesk.store.insights",
        "service": "shopdesk.store.insights",
        "this_month": "shopdesk.store.insights",
        "this_week": "shopdesk.store.insights",
        "today_china": "shopdesk.store.insights",
        "weekly_trend": "shopdesk.store.insights",
        "write_sheet_pdf": "shopdesk.evidence.improvement_pdf",
        "write_xlsx": "shopdesk.evidence.improvement_sheet",
    },
)
