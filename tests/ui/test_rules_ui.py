from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from shopdesk.domain.timeutil import from_text, to_text
from shopdesk.services.case_steps import add_case_event
from shopdesk.store.deadlines_repo import RULES_STAMP_SETTING, recompute_all, refresh_due
from shopdesk.ui import countdown as ui_countdown
from shopdesk.ui.case.timeline_panel import TimelinePanel
from shopdesk.ui.reminders import (
    CLOSE_TO_TRAY_KEY,
    CloseToTray,
    ReminderService,
    set_start_with_system,
    starts_with_system,
)
from shopdesk.ui.views.due_view import DueView


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def clock(now):
    fixed = Clock(now)
    ui_countdown.set_clock(fixed)
    yield fixed
    ui_countdown.set_clock(ui_countdown.now_utc)


@pytest.fixture
def shop(demo_store, clock):
    recompute_all(demo_store, clock.now)
    return demo_store


def column(model, title):
    """A column found by its header, wherever the view puts it."""
    titles = [c.title for c in model.columns]
    assert title in titles, titles
    return titles.index(title)


class RecordingNotifier:
    def __init__(self):
        self.shown = []

    def notify(self, title, message, urgent=False):
        self.shown.append((title, message, urgent))


def test_due_view_lists_what_the_seller_must_do_soonest_first(qtbot, qtmodeltester, shop):
    view = DueView(shop)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    rows = [view.model.row(i) for i in range(view.model.rowCount())]
    assert rows and all(r["next_due_party"] in ("seller", "both") for r in rows)
    dues = [r["next_due_at"] for r in rows]
    assert dues == sorted(dues)
    first_text = view.model.index(0, column(view.model, "剩余时间")).data()
    assert first_text.startswith(("剩余", "已超时"))
    seller_only = view.model.rowCount()
    view.filter.setCurrentIndex(1)  # 全部（含买家）
    assert view.model.rowCount() > seller_only
    qtmodeltester.check(view.model)


def test_due_view_opens_the_row_it_selects(qtbot, shop):
    view = DueView(shop)
    qtbot.addWidget(view)
    case_row = next(i for i in range(view.model.rowCount()) if view.model.row(i)["id"] > 0)
    with qtbot.waitSignal(view.selected_case) as signal:
        view.table.selectRow(case_row)
    assert signal.args == [view.model.row(case_row)["case_id"]]
    order_row = next(i for i in range(view.model.rowCount()) if view.model.row(i)["id"] < 0)
    with qtbot.waitSignal(view.selected_order) as signal:
        view.table.selectRow(order_row)
    assert signal.args == [view.model.row(order_row)["order_id"]]


def test_tooltip_explains_the_deadline(qtbot, shop):
    view = DueView(shop)
    qtbot.addWidget(view)
    tip = view.model.index(0, column(view.model, "剩余时间")).data(Qt.ItemDataRole.ToolTipRole)
    assert "规则：" in tip and "来源：" in tip and "超时后果：" in tip
    rule = view.model.row(0)["next_due_rule"]
    assert rule and rule not in tip  # the seller reads the rule's title, not its id


def test_due_list_shows_what_and_for_which_order_beside_the_detail_pane(qtbot, shop, clock):
    from shopdesk.ui.main_window import MainWindow

    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.resize(1440, 820)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("due")
    view = window.due_view
    model, table = view.model, view.table
    case_row = next(i for i in range(model.rowCount()) if model.row(i)["id"] > 0)
    table.selectRow(case_row)
    assert window.detail.currentWidget() is window.case_panel  # the pane is open
    titles = [c.title for c in model.columns]
    assert titles[0] == "剩余时间"
    header = table.horizontalHeader()
    shown = table.viewport().width()
    for title in ("剩余时间", "事项", "对象", "订单号"):
        at = column(model, title)
        assert header.sectionViewportPosition(at) + header.sectionSize(at) <= shown, title
        for row in range(min(model.rowCount(), 40)):  # whole, not cut off with …
            text = model.index(row, at).data()
            assert table.fontMetrics().horizontalAdvance(text) < header.sectionSize(at), text
    assert model.index(case_row, column(model, "对象")).data().startswith("售后 #")
    order_row = next(i for i in range(model.rowCount()) if model.row(i)["id"] < 0)
    assert model.index(order_row, column(model, "对象")).data() == "订单"
    order_no = model.index(order_row, column(model, "订单号")).data()
    assert order_no == model.row(order_row)["order_no"]


def test_countdown_repaints_only_visible_rows_and_only_when_text_changes(qtbot, shop, clock):
    view = DueView(shop)
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    ticker = view.ticker
    ticker.restart()
    visible = ticker.visible_rows()
    assert 0 < len(visible) < view.model.rowCount()
    painted = []
    view.model.dataChanged.connect(lambda a, b, _roles=(): painted.append((a.row(), b.row())))
    assert ticker.tick(clock.now) == 0  # nothing changed: nothing repainted
    assert painted == []
    # jump to the next instant any visible text changes
    soonest = min(
        ui_countdown.row_countdown(view.model.row(r), clock.now).changes_at for r in visible
    )
    assert 0 < ticker.next_tick_in_ms() <= (soonest - clock.now).total_seconds() * 1000 + 100
    clock.now = soonest
    repainted = ticker.tick(clock.now)
    assert repainted >= 1
    assert all(visible.start <= a <= b < visible.stop for a, b in painted)
    assert repainted < len(visible) or len(visible) == 1


def test_countdown_column_in_orders_and_cases_views(qtbot, shop, clock):
    from shopdesk.ui.main_window import MainWindow

    window = MainWindow(shop)
    qtbot.addWidget(window)
    titles = [c.title for c in window.cases_view.model.columns]
    assert titles[1] == "剩余时间"
    texts = [window.orders_view.model.index(r, 1).data() for r in range(50)]
    assert any(t.endswith("· 估算") for t in texts)
    assert window.view_keys()[0] == "due"
    assert window.nav.item(0).text().startswith("待办")


def _case(store, state, kind=None):
    sql = "SELECT id FROM cases WHERE state = ?" + (" AND kind = ?" if kind else "")
    return store.db.execute(sql, [state, kind] if kind else [state]).fetchone()[0]


def test_timeline_panel_offers_next_steps_and_undo(qtbot, shop, clock):
    panel = TimelinePanel(shop)
    qtbot.addWidget(panel)
    case_id = _case(shop, "awaiting_seller", "return_refund")
    panel.show_case(case_id)
    assert "seller_agreed" in panel.event_buttons
    assert "seller_received_return" not in panel.event_buttons
    assert [c.deadline.rule_id for c in panel.cards] == ["return.respond"]
    before = panel.timeline.count()
    with qtbot.waitSignal(panel.changed):
        panel.event_buttons["seller_agreed"].click()
    assert shop.get_case(case_id).state == "awaiting_return"
    assert panel.timeline.count() == before + 1
    assert [c.deadline.rule_id for c in panel.cards] == ["return.buyer_ship"]
    assert "buyer_shipped_return" in panel.event_buttons
    with qtbot.waitSignal(panel.changed):
        panel.undo.click()
    assert shop.get_case(case_id).state == "awaiting_seller"
    assert panel.timeline.count() == before + 2  # the correction is on the timeline
    assert "已撤销" in panel.timeline.item(before).text()


def test_refusal_is_not_offered_for_an_unshipped_refund(qtbot, shop, clock):
    panel = TimelinePanel(shop)
    qtbot.addWidget(panel)
    panel.show_case(_case(shop, "awaiting_seller", "refund_unshipped"))
    assert "seller_refused" not in panel.event_buttons
    assert "seller_agreed" in panel.event_buttons


def test_typed_platform_deadline_replaces_the_estimate(qtbot, shop, clock):
    panel = TimelinePanel(shop)
    qtbot.addWidget(panel)
    case_id = _case(shop, "awaiting_seller", "refund_shipped")
    panel.show_case(case_id)
    assert "估算" in panel.cards[0].title.text()
    panel.platform_due.setText("2026-11-29 10:00:00")
    panel.save_due.click()
    assert "平台" in panel.cards[0].title.text()
    assert shop.get_case(case_id).next_due_at == "2026-11-29T02:00:00Z"
    panel.platform_due.setText("明天")
    panel.save_due.click()
    assert "看不懂" in panel.message.text()


def test_reminders_fire_once_and_summarize_what_ran_out_while_closed(qtbot, shop, clock):
    notifier = RecordingNotifier()
    service = ReminderService(shop, notifier)
    assert service.summarize_missed(clock.now) == 0  # first start: nothing to summarize
    fired = service.check(clock.now)
    assert fired > 3  # the demo shop's morning: many orders to ship today
    [(title, message, _urgent)] = notifier.shown  # one summary, not a flood
    assert title == f"{fired} 项时限即将到期" and "订单" in message
    assert service.check(clock.now + timedelta(minutes=1)) == 0
    # the next lead time (4 h) fires for each deadline on its own
    notifier.shown.clear()
    soon = min(
        r
        for r in shop.db.execute(
            "SELECT next_due_at FROM orders WHERE next_due_party = 'seller' AND next_due_at > ?",
            [to_text(clock.now)],
        )
    )[0]
    clock.now = from_text(soon) - timedelta(hours=3, minutes=59)
    assert service.check(clock.now) >= 1
    title, message, urgent = notifier.shown[0]
    assert title.startswith("剩余 3时") and urgent
    # closed for two days: a summary of what ran out meanwhile
    later = clock.now + timedelta(days=2)
    notifier.shown.clear()
    missed = service.summarize_missed(later)
    assert missed >= 1
    assert "关闭期间" in notifier.shown[0][0]


def test_reminders_shown_while_an_import_writes_are_saved_after_it_not_waited_for(
    qtbot, shop, clock, monkeypatch
):
    """An import on a worker holds the store's write lock for its whole run: the window's
    reminder marks must not freeze it (nor fail after the busy timeout); they are saved
    at the next check after the import, and nothing is shown twice meanwhile."""
    import sqlite3

    from shopdesk.store import store as store_module
    from shopdesk.store.reminders_repo import LAST_SEEN_SETTING

    monkeypatch.setattr(store_module, "BUSY_SECONDS", 30)  # a wait would fail this test
    notifier = RecordingNotifier()
    service = ReminderService(shop, notifier)
    importer = sqlite3.connect(shop.path, isolation_level=None)
    importer.execute("BEGIN IMMEDIATE")  # what a running import holds
    importer.execute("INSERT INTO settings (key, value) VALUES ('import.running', '1')")
    fired = service.check(clock.now)
    assert fired > 3 and len(notifier.shown) == 1
    assert service.check(clock.now + timedelta(minutes=1)) == 0  # shown once, though unsaved
    assert shop.get_setting(LAST_SEEN_SETTING) is None  # nothing written yet
    importer.execute("COMMIT")
    importer.close()
    assert service.check(clock.now + timedelta(minutes=2)) == 0
    assert shop.get_setting(LAST_SEEN_SETTING) is not None
    saved = shop.db.execute("SELECT count(*) FROM reminders_fired").fetchone()[0]
    assert saved >= fired
    again = ReminderService(shop, RecordingNotifier())  # the next start
    assert again.check(clock.now + timedelta(minutes=3)) == 0


def test_status_line_leads_with_what_is_overdue(qtbot, shop, clock):
    from shopdesk.ui.main_window import MainWindow

    window = MainWindow(shop)
    qtbot.addWidget(window)
    # the demo morning has a return request already past its 48 hours
    late = shop.db.execute(
        "SELECT id FROM cases WHERE next_due_party IN ('seller', 'both') AND next_due_at <= ?"
        " ORDER BY next_due_at",
        [to_text(clock.now)],
    ).fetchall()
    assert late
    with qtbot.waitSignal(window.reminders.status) as signal:
        text, overdue = window.reminders.update_status(clock.now)
    assert signal.args == [text, True] and overdue
    assert window.due_status.text() == text and "#b00020" in window.due_status.styleSheet()
    head, rest = text.split(" — ")
    assert head == f"{len(late)} 项已超时"
    assert rest.startswith("已超时 ") and f"· 售后 #{late[0][0]}；" in rest
    assert rest.endswith(" 项即将到期")
    assert not shop.db.execute(  # (the demo's orders are all in time)
        "SELECT 1 FROM orders WHERE next_due_at <= ?", [to_text(clock.now)]
    ).fetchall()
    # the seller agrees to the returns: only what is coming up is left, soonest first
    for (case_id,) in late:
        add_case_event(shop, case_id, "seller_agreed", clock.now)
    text, overdue = window.reminders.update_status(clock.now)
    assert not overdue and "已超时" not in text
    assert text.startswith(tuple(f"{n} 项时限即将到期 — 剩余 " for n in range(1, 100)))
    assert "#b00020" not in window.due_status.styleSheet()


def test_closing_keeps_shopdesk_in_the_tray_unless_turned_off(qtbot):
    class FakeTray:
        def isVisible(self):
            return True

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    keeper = CloseToTray(window, FakeTray())
    event = QCloseEvent()
    assert keeper.eventFilter(window, event) is True
    assert not event.isAccepted()
    QSettings().setValue(CLOSE_TO_TRAY_KEY, False)
    try:
        assert keeper.eventFilter(window, QCloseEvent()) is False
    finally:
        QSettings().remove(CLOSE_TO_TRAY_KEY)
    assert keeper.eventFilter(window, QEvent(QEvent.Type.Show)) is False


def test_start_with_system_writes_an_autostart_entry():
    set_start_with_system(True)
    assert starts_with_system()
    set_start_with_system(False)
    assert not starts_with_system()


def test_imported_platform_deadline_is_the_cases_current_deadline(shop, clock):
    case_id = _case(shop, "awaiting_seller", "refund_shipped")
    shop.update_case(case_id, platform_deadline="2026-11-29T01:23:45Z")
    refresh_due(shop, case_ids=[case_id], now=clock.now)
    assert from_text(shop.get_case(case_id).next_due_at) == from_text("2026-11-29T01:23:45Z")


def test_an_order_written_elsewhere_gets_its_clock_on_refresh(qtbot, shop, clock):
    view = DueView(shop)
    qtbot.addWidget(view)
    before = view.model.rowCount()
    shop.save_order(  # as an import or the CLI in another process would
        {
            "platform": "taobao",
            "order_no": "9900000000000000001",
            "buyer_nick": "新买家",
            "state": "paid",
            "paid_at": to_text(clock.now - timedelta(hours=47)),
        }
    )
    view.refresh()
    assert view.model.rowCount() == before + 1
    rows = [view.model.row(i) for i in range(view.model.rowCount())]
    # found by its order number, wherever the demo's own clocks put it
    at = next(i for i, r in enumerate(rows) if r["order_no"] == "9900000000000000001")
    shown = view.model.index(at, column(view.model, "剩余时间")).data()
    assert shown == "剩余 59分 · 估算"  # 48 h to ship, 47 h gone
    # soonest first: after every row due before it, before every row due after it
    due = from_text(rows[at]["next_due_at"])
    assert all(from_text(r["next_due_at"]) <= due for r in rows[:at])
    assert all(from_text(r["next_due_at"]) >= due for r in rows[at + 1 :])


def test_the_window_paints_before_the_clocks_that_came_due_are_brought_up_to_date(
    qtbot, demo_store, clock
):
    from shopdesk.ui.main_window import MainWindow

    window = MainWindow(demo_store)  # the demo's clocks never computed: all of them due
    qtbot.addWidget(window)
    saved = window.due_view.model.rowCount()  # 待办 as last saved, shown at once
    assert demo_store.get_setting(RULES_STAMP_SETTING) is None  # nothing computed yet
    window.show()
    qtbot.waitUntil(lambda: demo_store.get_setting(RULES_STAMP_SETTING) is not None)
    assert not window.clocks.busy  # a small store: done right after the first paint
    assert window.due_view.model.rowCount() > saved  # 待办 refreshed with the new clocks


def test_a_small_catch_up_while_an_import_writes_waits_for_the_next_refresh(
    qtbot, demo_store, clock, monkeypatch
):
    import sqlite3

    from shopdesk.store import store as store_module
    from shopdesk.ui.main_window import MainWindow

    monkeypatch.setattr(store_module, "BUSY_SECONDS", 30)  # a wait would fail this test
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()  # the demo's clocks are computed once it has painted
    qtbot.waitUntil(lambda: demo_store.get_setting(RULES_STAMP_SETTING) is not None)
    stamp = demo_store.get_setting(RULES_STAMP_SETTING)
    demo_store.set_setting(RULES_STAMP_SETTING, "an older rule set")  # all to recompute
    importer = sqlite3.connect(demo_store.path, isolation_level=None)
    importer.execute("BEGIN IMMEDIATE")  # what a running import holds
    importer.execute("INSERT INTO settings (key, value) VALUES ('import.running', '1')")
    assert window.clocks.bring_up_to_date() == 0  # not now, and the window did not wait
    assert demo_store.get_setting(RULES_STAMP_SETTING) == "an older rule set"
    importer.execute("COMMIT")
    importer.close()
    assert window.clocks.bring_up_to_date() > 0  # the refresh after the import
    assert demo_store.get_setting(RULES_STAMP_SETTING) == stamp


def test_a_big_store_is_recomputed_in_the_background(qtbot, demo_store, clock, monkeypatch):
    from shopdesk.ui import clock_catch_up
    from shopdesk.ui.main_window import MainWindow

    monkeypatch.setattr(clock_catch_up, "BACKGROUND_ABOVE", 10)
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    clocks = window.clocks
    assert clocks.task is None  # the window paints first, nothing computed yet
    assert demo_store.get_setting(RULES_STAMP_SETTING) is None
    window.show()
    qtbot.waitUntil(lambda: clocks.task is not None, timeout=30_000)
    task = clocks.task
    qtbot.waitUntil(lambda: not clocks.busy, timeout=30_000)
    assert task.outcome == "success" and task.ran_on.startswith("shopdesk-task")
    qtbot.waitUntil(lambda: window.due_view.model.rowCount() > 0)
    assert demo_store.get_setting(RULES_STAMP_SETTING) is not None


def test_a_big_import_is_caught_up_in_the_background(qtbot, demo_store, clock, monkeypatch):
    from shopdesk.ui import clock_catch_up
    from shopdesk.ui.main_window import MainWindow

    window = MainWindow(demo_store)  # a small store: computed once it has painted
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: demo_store.get_setting(RULES_STAMP_SETTING) is not None)
    assert not window.clocks.busy
    due = window.due_view
    before = due.model.rowCount()
    monkeypatch.setattr(clock_catch_up, "BACKGROUND_ABOVE", 10)
    for n in range(20):  # as an import in another process would write them
        demo_store.save_order(
            {
                "platform": "taobao",
                "order_no": f"99000000000000001{n:02d}",
                "buyer_nick": "新买家",
                "state": "paid",
                "paid_at": to_text(clock.now - timedelta(hours=40)),
            }
        )
    window.refresh()
    assert window.clocks.busy  # in the background, once the window has painted
    qtbot.waitUntil(lambda: window.clocks.task is not None, timeout=30_000)
    task = window.clocks.task
    window.refresh()  # a second refresh while it works does not start another
    assert window.clocks.task is task
    # done, it refreshes the window, which finds nothing left to do in the background
    qtbot.waitUntil(lambda: not window.clocks.busy, timeout=30_000)
    assert task.outcome == "success"
    assert due.model.rowCount() == before + 20


def test_replaced_buttons_and_cards_disappear_at_once(qtbot, shop, clock):
    panel = TimelinePanel(shop)
    qtbot.addWidget(panel)
    panel.show()
    case_id = _case(shop, "awaiting_seller", "return_refund")
    panel.show_case(case_id)
    qtbot.waitUntil(lambda: all(b.isVisible() for b in panel.event_buttons.values()))
    old = [*panel.event_buttons.values(), *panel.cards]
    panel.show_case(case_id)  # no event loop in between: nothing deleted yet
    assert all(widget.isHidden() for widget in old)


def test_the_case_shows_the_ship_by_clock_paused_by_its_refund_request(qtbot, store, clock):
    order = store.save_order(
        {
            "platform": "taobao",
            "order_no": "3200",
            "buyer_nick": "tb_wait",
            "state": "paid",
            "status": "买家已付款，等待卖家发货",
            "paid_at": to_text(clock.now - timedelta(hours=30)),
        }
    )
    case = store.add_case(order.id, "refund_unshipped", to_text(clock.now - timedelta(hours=2)))
    refresh_due(store, case_ids=[case.id], now=clock.now)
    panel = TimelinePanel(store)
    qtbot.addWidget(panel)
    panel.resize(760, 640)
    panel.show_case(case.id)
    by_rule = {c.deadline.rule_id: c for c in panel.cards}
    assert set(by_rule) == {"refund.unshipped.respond", "ship.deadline", "ship.stockout"}
    ship = by_rule["ship.deadline"]
    assert ship.countdown.text() == "已暂停"
    assert "征得买家同意前不要发货" in ship.detail.text()
    # 待办 has no ship-by row for the order while it waits
    cached = store.db.execute("SELECT next_due_rule FROM orders WHERE id = ?", [order.id])
    assert cached.fetchone()[0] != "ship.deadline"
