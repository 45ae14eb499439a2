"""A store with shops on Taobao, JD, PDD and Douyin, built from the platforms' own export
files imported through the command line, in the real window at 1280x720: what a seller
with shops on four platforms reads in 订单, 售后 and 待办."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStyle

from shopdesk.domain.timeutil import CHINA
from shopdesk.platforms import registry
from shopdesk.services.case_steps import add_case_event
from shopdesk.services.clocks import bring_up_to_date
from shopdesk.store.insights import Alert
from shopdesk.store.store import Store
from tests import douyin_fixtures as dy
from tests import jd_fixtures as jd
from tests import pdd_fixtures as pdd
from tests.e2e.cli_inprocess import run_cli
from tests.insights_store import build_alert_store
from tests.ui.window_at_1280 import shown_window

NOW = datetime.now(UTC).replace(microsecond=0)  # the exports' times: relative to the clock
DAY = (NOW - timedelta(days=1)).astimezone(CHINA).strftime("%y%m%d")
PDD_NOS = [f"{DAY}-8617879531710{n:02d}" for n in range(3)]
PDD_SHIPPED = f"{DAY}-861787953171099"  # shipped, its refund asked for
DOUYIN_NOS = [str(6917546239482019000 + n) for n in range(3)]


EARPHONES = "降噪蓝牙耳机"
TAOBAO_PAID = "3000000000001456299"


def at(hours: float) -> str:
    """China wall-clock text `hours` from now, as the exports write it."""
    return (NOW + timedelta(hours=hours)).astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")


def _exports(folder) -> list[str]:
    jd_orders = jd.write_jd_orders(
        folder / "ExportOrderList_jd.csv",
        [jd.jd_order("301200000001", 下单时间=at(-30), 付款确认时间=at(-29.9))],
    )
    shipped = pdd.shipped(
        pdd.pdd_order(
            PDD_SHIPPED, 订单状态="已发货，待签收", 支付时间=at(-40), 订单成交时间=at(-40),
            拼单成功时间=at(-40), 承诺发货时间=at(8), 发货时间=at(-20),
        )
    )  # fmt: skip
    pdd_orders = pdd.write_pdd_orders(
        folder / "pdd_orders_export.csv",
        [
            *(
                pdd.pdd_order(
                    no, 支付时间=at(-24 - n), 订单成交时间=at(-24 - n), 拼单成功时间=at(-24 - n),
                    承诺发货时间=at(24 - n),
                )
                for n, no in enumerate(PDD_NOS)
            ),
            shipped,
        ],
    )  # fmt: skip
    pdd_refunds = pdd.write_pdd_refunds(
        folder / "pdd_售后列表.xlsx",
        [pdd.pdd_refund(PDD_SHIPPED, "20261203000000001", 申请时间=at(-2))],
    )
    douyin_orders = dy.write_douyin_orders(
        folder / dy.order_export_name(int(NOW.timestamp())),
        [
            dy.douyin_line(
                no, 订单提交时间=at(-24 - n), 支付完成时间=at(-23.9 - n), 承诺发货时间=at(24 - n)
            )
            for n, no in enumerate(DOUYIN_NOS)
        ],
    )
    douyin_after = dy.write_douyin_after_sales(
        folder / f"售后单导出-{NOW.astimezone(CHINA):%Y-%m-%d-%H-%M-%S}.xlsx",
        [
            dy.douyin_after_sale(
                "7318945612387450001", DOUYIN_NOS[0], 售后申请时间=at(-2), 自动处理截止时间=at(5)
            )
        ],
    )
    files = (jd_orders, pdd_orders, pdd_refunds, douyin_orders, douyin_after)
    return [str(p) for p in files]


def _douyin_alert(store) -> None:
    """On the Douyin shop: 200 earphones sold two months ago, 10 this week with 5 defect
    cases (a 产品预警 of Douyin's, beside Taobao's 保温杯)."""
    (shop,) = [s for s in store.list_shops() if s.platform == "douyin"]
    for no, days, quantity in (("6917546239482019500", 60, 200), ("6917546239482019501", 3, 10)):
        paid = (NOW - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
        order = store.save_order(
            {"shop_id": shop.id, "platform": "douyin", "order_no": no, "paid_at": paid}
        )
        store.add_order_line(order.id, EARPHONES, outer_code="EAR-7", quantity=quantity)
    for i in range(5):
        opened = (NOW - timedelta(days=2, hours=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        store.add_case(order.id, "refund_shipped", opened, cause="seller_defect")


def _settled(store) -> None:
    """The alerts' orders received and their cases refunded (no clock runs on them), and
    a Taobao order paid two hours ago: its ship clock the rule's estimate."""
    store.db.execute(
        "UPDATE orders SET state = 'success', status = '交易成功' WHERE id IN "
        "(SELECT order_id FROM order_lines WHERE outer_code IN ('CUP-9', 'EAR-7'))"
    )
    for (case_id,) in store.db.execute(
        "SELECT id FROM cases WHERE order_id IN "
        "(SELECT order_id FROM order_lines WHERE outer_code IN ('CUP-9', 'EAR-7'))"
    ).fetchall():
        add_case_event(store, case_id, "refunded", NOW - timedelta(days=1))
    (shop,) = [s for s in store.list_shops() if s.platform == "taobao"]
    paid = (NOW - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    store.save_order(
        {"shop_id": shop.id, "platform": "taobao", "order_no": TAOBAO_PAID, "state": "paid",
         "status": "买家已付款，等待卖家发货", "paid_at": paid, "created_at": paid}
    )  # fmt: skip


@pytest.fixture(scope="module")
def four_template(tmp_path_factory):
    """Taobao (a product whose cases ran up this week: a 产品预警), then JD, PDD and
    Douyin exports imported by `shopdesk import`, every clock brought up to date."""
    folder = tmp_path_factory.mktemp("four")
    path = folder / "four.shopdesk"
    with Store.open(path) as store:
        build_alert_store(store, 5, NOW)
    done = run_cli("--db", str(path), "import", *_exports(folder), "--json")
    assert done.code == 0, done.err
    assert {f["platform"] for f in json.loads(done.out)["files"]} == {"jd", "pdd", "douyin"}
    with Store.open(path) as store:
        _douyin_alert(store)
        _settled(store)
        bring_up_to_date(store, NOW)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def four_store(tmp_path, four_template):
    target = tmp_path / "four.shopdesk"
    target.write_bytes(four_template.read_bytes())
    return target


@pytest.fixture
def window(qtbot, four_store):
    store = Store.open(four_store)
    with shown_window(qtbot, store, with_tray=False) as made:
        yield made
    store.close()


def _cli_json(path, *args):
    done = run_cli("--db", str(path), *args, "--json")
    assert done.code == 0, done.err
    return json.loads(done.out)


def _column(view, title: str) -> int:
    return [c.title for c in view.model.columns].index(title)


def _cells(view, title: str) -> dict[str, str]:
    """Order number -> the text of column `title` in each row of the view."""
    model, column = view.model, _column(view, title)
    number = _column(view, "订单号")
    return {
        model.data(model.index(r, number)): model.data(model.index(r, column))
        for r in range(model.rowCount())
    }


# -- 订单 and 售后 say 估算 exactly when `shopdesk due` says the basis is an estimate ----------


def test_orders_and_cases_say_estimate_exactly_where_the_command_line_does(
    qtbot, window, four_store
):
    due = _cli_json(four_store, "due", "--all")
    soonest: dict[tuple[str, object], dict] = {}
    for row in due:
        if row["due_at"] is None:
            continue
        key = (row["subject"], row["order_no"] if row["subject"] == "order" else row["case_id"])
        if key not in soonest or row["due_at"] < soonest[key]["due_at"]:
            soonest[key] = row
    platform_orders = {
        k[1] for k, r in soonest.items() if k[0] == "order" and r["basis"] == "platform"
    }
    assert set(PDD_NOS) | set(DOUYIN_NOS) <= platform_orders  # their 承诺发货时间

    window.show_view("orders")
    view = window.orders_view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    shown = _cells(view, "剩余时间")
    for (subject, key), row in soonest.items():
        if subject != "order":
            continue
        text = shown[key]
        assert text, key
        assert text.endswith(" · 估算") == (row["basis"] == "estimate"), (key, row["basis"], text)
    # both kinds were compared: Taobao's clocks are the rules' estimates
    assert {r["basis"] for k, r in soonest.items() if k[0] == "order"} == {"platform", "estimate"}

    window.show_view("cases")
    cases = window.cases_view
    qtbot.waitUntil(lambda: cases.model.rowCount() > 0)
    model, countdown = cases.model, _column(cases, "剩余时间")
    compared: list[str] = []
    for r in range(model.rowCount()):
        row = soonest.get(("case", model.row(r)["id"]))
        text = model.data(model.index(r, countdown))
        if row is None:
            continue
        compared.append(row["platform"])
        assert text.endswith(" · 估算") == (row["basis"] == "estimate"), (row, text)
    assert "douyin" in compared  # its 自动处理截止时间: the platform's own clock


# -- 订单号 whole in 订单, 售后 and 待办, whatever the platform ---------------------------------


def _whole(table, column: int, text: str) -> bool:
    """Whether a cell of `column` shows `text` whole (the style's text margins: Qt's)."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    room = table.columnWidth(column) - 2 * margin
    return table.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room) == text


@pytest.mark.parametrize("key", ["orders", "cases", "due"])
def test_every_platforms_order_numbers_show_whole_so_rows_tell_apart(qtbot, window, key):
    boxes = window.scope_boxes
    boxes.platform_box.setCurrentIndex(boxes.platform_box.findData("pdd"))
    window.show_view(key)
    view = window.view(key)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    table, column = view.table, _column(view, "订单号")
    shown = [view.model.data(view.model.index(r, column)) for r in range(view.model.rowCount())]
    assert shown and all(len(no) == 22 for no in shown)  # 261202-861787953171000
    cut = [no for no in shown if not _whole(table, column, no)]
    assert not cut, f"{key}: 订单号 cut at {table.columnWidth(column)} px: {cut}"
    # and the longest form of every platform's numbers
    forms = registry.order_no_forms()
    assert {"888888-888888888888888", "8" * 19} <= set(forms)
    assert [f for f in forms if not _whole(table, column, f)] == []


# -- 产品预警 follows the platform and shop choosers ------------------------------------------


def _strip_texts(window) -> list[str]:
    strip = window.product_alerts
    if not strip.isVisible():
        return []
    return [strip.item(i).text() for i in range(strip.count())]


def test_the_product_alerts_above_due_follow_the_chosen_platform_and_shop(qtbot, window):
    strip = window.product_alerts
    with qtbot.waitSignal(strip.worker_done, timeout=10000):
        strip.compute()
    both = _strip_texts(window)
    assert len(both) == 2 and "保温杯" in both[0] + both[1] and EARPHONES in both[0] + both[1]
    boxes = window.scope_boxes

    def choose(box, data) -> None:
        box.setCurrentIndex(0 if data is None else box.findData(data))

    choose(boxes.platform_box, "douyin")  # 抖店
    qtbot.waitUntil(lambda: len(_strip_texts(window)) == 1, timeout=10000)
    (shown,) = _strip_texts(window)
    assert EARPHONES in shown and "保温杯" not in shown
    assert "最近 7 天每百件 50 单" in shown  # 5 cases of 10 sold: Douyin's own rate
    choose(boxes.platform_box, "jd")  # no JD product ran up: no strip
    qtbot.waitUntil(lambda: not strip.isVisible(), timeout=10000)
    choose(boxes.platform_box, None)
    (taobao,) = [s for s in window.store.list_shops() if s.platform == "taobao"]
    choose(boxes.shop_box, taobao.id)
    qtbot.waitUntil(lambda: len(_strip_texts(window)) == 1, timeout=10000)
    assert "保温杯" in _strip_texts(window)[0]
    choose(boxes.shop_box, None)
    qtbot.waitUntil(lambda: len(_strip_texts(window)) == 2, timeout=10000)
    # 分析 (its own choosers) is told the whole store's alerts all along
    window.show_view("insights")
    label = window.view("insights").alert_label.text()
    assert "保温杯" in label and EARPHONES in label


# -- 产品预警: whole lines -----------------------------------------------------------------


def _alert(n: int, label: str = "") -> Alert:
    return Alert(
        f"P-{n}", label or f"北欧风陶瓷马克杯 {n} 号", 7, 60, 116.67, 58.33, "seller_defect", ""
    )


def test_the_product_alerts_show_whole_lines_at_1280x720(qtbot, window):
    """Six alerts, one of a product with a very long name: four whole lines, not a pixel
    of a fifth, no scroll bar across the last; scrolled, whole lines again."""
    strip = window.product_alerts
    strip.stop()
    long_name = "加厚珊瑚绒四件套 床单被套 冬季保暖 双面加绒 1.8 米床 送枕套两只 " * 2
    strip.show_alerts([_alert(1, long_name), *(_alert(n) for n in range(2, 7))])
    qtbot.wait(1)
    assert strip.isVisible() and strip.count() == 6
    viewport = strip.viewport().rect()

    def lines() -> tuple[list[int], list[int]]:
        """The rows seen whole, and those seen in part."""
        whole, part = [], []
        for row in range(strip.count()):
            rect = strip.visualItemRect(strip.item(row))  # a long line is wider: cut by …
            if viewport.top() <= rect.top() and rect.bottom() <= viewport.bottom():
                whole.append(row)
            elif rect.top() <= viewport.bottom() and rect.bottom() >= viewport.top():
                part.append(row)
        return whole, part

    assert lines() == ([0, 1, 2, 3], [])
    assert not strip.horizontalScrollBar().isVisible()
    assert strip.verticalScrollBar().isVisible()
    assert long_name.strip() in strip.item(0).toolTip()  # cut short on screen: all here
    strip.scrollToBottom()
    qtbot.wait(1)
    assert lines() == ([2, 3, 4, 5], [])
    strip.show_alerts([_alert(1), _alert(2)])  # fewer than four: as tall as they are
    qtbot.wait(1)
    viewport = strip.viewport().rect()
    assert lines() == ([0, 1], [])
    assert viewport.height() == sum(strip.sizeHintForRow(r) for r in range(2))


# -- without a tray, a reminder is said once in the status bar ----------------------------


def _status_texts(window) -> list[str]:
    """What the status bar shows: its message, or else its labels on screen."""
    bar = window.statusBar()
    labels = [
        label.text()
        for label in bar.findChildren(QLabel)
        if label.isVisible() and label.text() and label.parentWidget() is not None
    ]
    return [bar.currentMessage(), *labels] if bar.currentMessage() else labels


def test_without_a_tray_the_status_bar_says_a_reminder_once(qtbot, window):
    assert window.tray is None
    bar = window.statusBar()
    qtbot.waitUntil(lambda: bar.currentMessage() != "", timeout=10000)  # reminders start
    message = bar.currentMessage()
    head = message.split(" — ")[0]
    assert head.endswith("项时限即将到期"), message  # 17 项时限即将到期 — 剩余 4时59分 · …
    seen = _status_texts(window)
    assert sum(text.count(head) for text in seen) == 1, seen
    assert not window.due_status.isVisible()
    window.reminders.update_status()  # the minute's recount while the reminder shows
    assert not window.due_status.isVisible()
    # the minute is over: the deadline line tells the overall picture again
    window.reminders.notifier.SHOWN_MS = 200
    window.reminders.notifier.notify("剩余 3时59分 · 卖家发货", f"订单 {PDD_NOS[0]}\n…")
    assert not window.due_status.isVisible()
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=5000)
    assert window.due_status.isVisible() and window.due_status.text().startswith(head)
    assert sum(text.count(head) for text in _status_texts(window)) == 1
