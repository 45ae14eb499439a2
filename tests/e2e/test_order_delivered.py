"""`shopdesk order delivered` and the window's 买家签收: the 7-day no-reason return counts
from the day after the buyer signed, no longer estimated from 交易成功."""

from __future__ import annotations

import json
from datetime import timedelta

from shopdesk.domain.timeutil import CHINA, now_utc, to_text
from shopdesk.store.deadlines_repo import deadlines_for_order
from tests.e2e.test_cli import shopdesk


def _success_order(store, now):
    return store.save_order(
        {
            "platform": "taobao", "order_no": "3600000000000000001", "buyer_nick": "tb_a",
            "state": "success", "status": "交易成功",
            "paid_at": to_text(now - timedelta(days=6)),
            "shipped_at": to_text(now - timedelta(days=5)),
            "confirmed_at": to_text(now - timedelta(days=1)),
        }
    )  # fmt: skip


def _no_reason(db: str, now) -> dict:
    due = json.loads(shopdesk("due", "--db", db, "--json", "--now", now.isoformat()).stdout)
    [row] = [d for d in due if d["rule"] == "no_reason_return"]
    return row


def test_a_signed_for_time_moves_the_no_reason_window_to_the_day_after(store):
    now = now_utc().replace(microsecond=0)
    order = _success_order(store, now)
    store.close()
    db = str(store.path)
    before = _no_reason(db, now)
    assert before["start_estimated"] and before["confidence"] != "high"
    signed = (now - timedelta(days=4)).astimezone(CHINA).replace(hour=15, minute=20, second=0)
    done = shopdesk("order", "delivered", order.order_no, "--at",
                    signed.strftime("%Y-%m-%dT%H:%M"), "--db", db, "--json")  # fmt: skip
    assert json.loads(done.stdout)["delivered_at"] == signed.isoformat()
    after = _no_reason(db, now)
    assert not after["start_estimated"] and after["confidence"] == "high"
    day_after = (signed + timedelta(days=1)).replace(hour=0, minute=0)
    assert after["due_at"] == (day_after + timedelta(days=7)).isoformat()


def test_a_time_that_cannot_be_right_is_refused_and_nothing_written(store):
    now = now_utc()
    order = _success_order(store, now)
    unshipped = store.save_order(
        {"platform": "taobao", "order_no": "3600000000000000002", "buyer_nick": "tb_b",
         "state": "paid", "paid_at": to_text(now - timedelta(hours=3))}
    )  # fmt: skip
    store.close()
    db = str(store.path)
    for args, message in (
        ((unshipped.order_no,), "发货后才有签收时间"),
        ((order.order_no, "--at", "2099-01-01T10:00"), "将来"),
        ((order.order_no, "--at", "2000-01-01T10:00"), "不能早于发货时间"),
    ):
        result = shopdesk("order", "delivered", *args, "--db", db, check=False)
        assert result.returncode == 2 and message in result.stderr, result.stderr
    listed = json.loads(shopdesk("orders", "--db", db, "--json").stdout)
    assert all(o["delivered_at"] is None for o in listed)


def test_the_window_records_it_from_the_order_panel(qtbot, store):
    from shopdesk.ui.main_window import MainWindow

    now = now_utc()
    order = _success_order(store, now)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show_order(order.id)
    assert window.order_panel.delivered_button.isEnabled()
    dialog = window.order_delivered(order.id)
    signed = (now - timedelta(days=3)).astimezone(CHINA).replace(second=0, microsecond=0)
    dialog.delivered_at.setDateTime(signed.replace(tzinfo=None))
    dialog.save()
    assert store.get_order(order.id).delivered_at == to_text(signed)
    [d] = [d for d in deadlines_for_order(store, store.get_order(order.id), now)
           if d.rule_id == "no_reason_return"]  # fmt: skip
    assert d.started_by == "order.delivered" and not d.start_estimated
