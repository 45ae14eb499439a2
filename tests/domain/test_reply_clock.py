"""The shop's reply clock: a chat that ends with the buyer's message puts a 回复买家 row in
待办 until the seller answers; 快速反应 is ticked only for a first reply within target."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, time

import pytest

from shopdesk.domain.errors import InputError
from shopdesk.domain.model import CareStep, Event
from shopdesk.domain.reply_clock import (
    ReplyTarget,
    contacts,
    first_reply,
    reply_target,
    set_reply_target,
    waiting_since,
)
from shopdesk.domain.timeutil import CHINA, to_text
from shopdesk.services.case_steps import add_case_event
from shopdesk.store.deadlines_repo import catch_up, deadlines_for_case
from shopdesk.store.evidence_repo import add_chat
from shopdesk.templates.suggest import care_steps

BUYER = "林间小鹿"
CHAT_ENDS_WITH_BUYER = (
    f"{BUYER} 2026-11-27 10:01:02\r\n你好，耳机左边没有声音\r\n\r\n"
    "声声耳机旗舰店:小美 2026-11-27 10:05:30\r\n亲，请问是哪一只呢？\r\n已读\r\n\r\n"
    f"{BUYER} 2026-11-27 22:30:00\r\n左边那只，什么时候给我答复？\r\n\r\n"
)


def cn(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CHINA)


def _case(store):
    order = store.save_order(
        {"platform": "taobao", "order_no": "3515313147329357900", "buyer_nick": BUYER,
         "state": "shipped"}
    )  # fmt: skip
    return store.add_case(order.id, "refund_shipped", to_text(cn("2026-11-27 10:00")))


def test_the_reply_is_due_within_the_target_counted_in_service_hours():
    target = ReplyTarget(60, (time(9), time(23)))
    assert target.due(cn("2026-11-27 14:00")) == cn("2026-11-27 15:00")
    # 30 minutes before closing, 30 more the next morning
    assert target.due(cn("2026-11-27 22:30")) == cn("2026-11-28 09:30")
    assert target.due(cn("2026-11-28 02:00")) == cn("2026-11-28 10:00")


def test_a_chat_ending_with_the_buyer_puts_a_reply_row_in_the_due_list(store):
    case = _case(store)
    add_chat(store, case.id, CHAT_ENDS_WITH_BUYER.encode("utf-8"), shop_names=("声声耳机旗舰店",))
    now = cn("2026-11-28 08:00")
    catch_up(store, now)
    reply = {d.rule_id: d for d in deadlines_for_case(store, store.get_case(case.id), now)}[
        "reply.respond"
    ]
    assert reply.started_at == cn("2026-11-27 22:30") and reply.due_at == cn("2026-11-28 09:30")
    assert reply.party == "seller" and "60 分钟" in reply.source
    assert store.get_case(case.id).next_due_at == to_text(cn("2026-11-28 09:30"))
    add_case_event(store, case.id, "replied", cn("2026-11-28 08:10"), now=now)
    later = cn("2026-11-28 08:20")
    rules = [d.rule_id for d in deadlines_for_case(store, store.get_case(case.id), later)]
    assert "reply.respond" not in rules


def test_an_imported_request_alone_starts_no_reply_clock(store):
    case = _case(store)  # opened, nothing said in a chat: the seller may answer in Qianniu
    rules = [d.rule_id for d in deadlines_for_case(store, case, cn("2026-11-28 08:00"))]
    assert "reply.respond" not in rules


def test_the_shops_target_is_one_setting(store):
    assert reply_target(store) == ReplyTarget()
    set_reply_target(store, 30, "08:00-22:00")
    assert reply_target(store) == ReplyTarget(30, (time(8), time(22)))
    with pytest.raises(InputError, match="营业时间"):
        set_reply_target(store, 30, "22:00-08:00")
    with pytest.raises(InputError, match="1 到 1440"):
        set_reply_target(store, 0)


def _event(eid, kind, at):
    return Event(id=eid, case_id=1, kind=kind, at=to_text(cn(at)))


@pytest.mark.parametrize(
    ("reply_at", "met"), [("2026-11-27 10:40", True), ("2026-11-27 12:30", False)]
)
def test_respond_fast_is_met_only_within_the_target(reply_at, met):
    events = [_event(1, "opened", "2026-11-27 10:00"), _event(2, "replied", reply_at)]
    first = first_reply(contacts(events), ReplyTarget())
    assert first.met is met
    steps = {s.step: s.done for s in care_steps(events, first=first)}
    assert steps[CareStep.RESPOND_FAST] is met


def test_the_seller_speaking_last_stops_the_wait():
    found = [(cn("2026-11-27 10:00"), False), (cn("2026-11-27 10:05"), True)]
    assert waiting_since(found) is None
    found.append((cn("2026-11-27 11:00"), False))
    found.append((cn("2026-11-27 11:01"), False))
    assert waiting_since(found) == cn("2026-11-27 11:00")  # from the first unanswered one


def test_due_json_lists_the_reply_clock(store, tmp_path):
    case = _case(store)
    add_chat(store, case.id, CHAT_ENDS_WITH_BUYER.encode("utf-8"), shop_names=("声声耳机旗舰店",))
    store.close()
    done = subprocess.run(
        [sys.executable, "-m", "shopdesk", "due", "--now", "2026-11-28T08:00", "--db",
         str(store.path), "--json"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    [reply] = [d for d in json.loads(done.stdout) if d["rule"] == "reply.respond"]
    assert reply["due_at"] == "2026-11-28T09:30:00+08:00" and reply["basis"] == "estimate"
    assert reply["case_id"] == case.id


def test_the_shop_dialog_sets_the_reply_target(qtbot, store):
    from shopdesk.ui.dialogs.shop_dialog import ShopDialog

    dialog = ShopDialog(store, store.default_shop())
    qtbot.addWidget(dialog)
    dialog.reply_minutes.setValue(30)
    dialog.service_hours.setText("23:00-08:00")
    dialog.save()
    assert "结束得比开始早" in dialog.error.text()
    assert reply_target(store) == ReplyTarget()  # nothing saved
    dialog.service_hours.setText("08:00-22:00")
    dialog.save()
    assert reply_target(store) == ReplyTarget(30, (time(8), time(22)))
