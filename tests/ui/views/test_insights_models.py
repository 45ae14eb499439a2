"""The 分析 view, `shopdesk insights --json` and the 产品改进单 give the same figures for
every row of the known-number store (tests/insights_store.py), each dimension, one shop
and all shops."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest

from shopdesk.evidence.improvement_sheet import gather_sheet, summary_rows, yuan
from shopdesk.store.insights import DIMENSIONS, Period, Scope
from shopdesk.ui.views.insights_view import InsightsView
from tests.insights_store import build_known_store

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def _cli(db, dimension: str, shop: str | None) -> list[dict]:
    args = ["insights", "--by", dimension, "--from", "2026-11-01", "--to", "2026-11-30"]
    args += ["--shop", shop] if shop else []
    done = subprocess.run(
        [sys.executable, "-m", "shopdesk", *args, "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("one_shop", [True, False], ids=["shop A", "all shops"])
def test_view_cli_and_sheet_agree_on_every_figure(qtbot, store, one_shop):
    ids = build_known_store(store)
    store.db.conn.commit()
    view = InsightsView(store)
    qtbot.addWidget(view)
    if one_shop:
        view.shop_box.setCurrentIndex(view.shop_box.findData(ids["shop_a"]))
    view.set_period(NOVEMBER.start, NOVEMBER.end)
    shop = str(ids["shop_a"]) if one_shop else None
    for index, dimension in enumerate(DIMENSIONS):
        view.tabs.setCurrentIndex(index)
        shown = [row.contract() for row in view.breakdowns[dimension].model.rows]
        assert shown == _cli(store.path, dimension, shop), dimension
        assert shown, dimension  # a store with no rows would agree with anything
    scope = Scope(shop_id=ids["shop_a"] if one_shop else None)
    for product in _cli(store.path, "product", shop):
        sheet = dict(summary_rows(gather_sheet(store, product["key"], NOVEMBER, scope)))
        assert sheet["商家编码"] == product["key"]
        assert sheet["售出件数（期间内付款的订单）"] == product["units"]
        assert sheet["售后单数（期间内申请）"] == product["cases"]
        assert sheet["每百件售后"] == (product["rate_per_100"] or "—")
        for words, key in (
            ("已退款（元）", "refund_fen"),
            ("补偿（元）", "compensation_fen"),
            ("已追回（元）", "recovered_fen"),
            ("净损失（元）", "net_cost_fen"),
        ):
            assert sheet[words] == yuan(product[key]), (product["key"], words)
