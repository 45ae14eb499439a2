"""The window's views, one a tab: 订单, 售后, 待办, 模板, 分析 (each a list of finished rows)."""
