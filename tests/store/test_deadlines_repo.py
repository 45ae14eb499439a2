from datetime import timedelta
from pathlib import Path

import pytest

from shopdesk.domain.errors import InputError, MoveNotAllowedError
from shopdesk.domain.timeutil import from_text, to_text
from shopdesk.platforms.rulesets import builtin_ruleset
from shopdesk.services.case_steps import add_case_event, set_platform_deadline, undo_last
from shopdesk.store.deadlines_repo import (
    active_ruleset,
    count_due,
    due_page,
    expire_passed,
    load_rules_file,
    open_deadlines,
    refresh_due,
    rules_info,
)
from shopdesk.store.reminders_repo import (
    came_due_while_closed,
    due_summary,
    mark_fired,
    mark_seen,
    pending_reminders,
)
from tests.rules_helpers import cn

NOW = cn("2026-11-28 12:00")


def add_order(store, order_no="3001", state="paid", **times):
    values = {"platform": "taobao", "order_no": order_no, "buyer_nick": "tb_a", "state": state}
    values.update({k: to_text(cn(v)) for k, v in times.items()})
    return store.save_order(values)


def add_case(store, order, kind, opened, **more):
    case = store.add_case(order.id, kind, to_text(cn(opened)), **more)
    refresh_due(store, case_ids=[case.id], now=NOW)
    return store.get_case(case.id)


def test_refresh_caches_the_soonest_deadline_and_who_acts(store):
    order = add_order(store, paid_at="2026-11-27 10:00")
    refresh_due(store, order_ids=[order.id], now=NOW)
    row = store.db.execute(
        "SELECT next_due_at, next_due_party, next_due_rule FROM orders WHERE id = ?", [order.id]
    ).fetchone()
    assert row == (to_text(cn("2026-11-29 10:00")), "seller", "ship.deadline")


def test_shop_promise_feeds_the_ship_deadline(store):
    order = add_order(store, paid_at="2026-11-27 10:00")
    store.update_shop(order.shop_id, promised_ship_hours=24)
    [ship] = [d for d in open_deadlines(store, NOW) if d.rule_id == "ship.deadline"]
    assert ship.due_at == cn("2026-11-28 10:00")  # overdue already
    assert ship.due_at < NOW


def test_event_moves_the_case_and_its_clock(store):
    order = add_order(
        store, "3002", "shipped", paid_at="2026-11-20 10:00", shipped_at="2026-11-21 10:00"
    )
    case = add_case(store, order, "return_refund", "2026-11-27 10:00")
    assert case.next_due_at == to_text(cn("2026-11-29 10:00"))
    add_case_event(store, case.id, "seller_agreed", cn("2026-11-27 11:00"), now=NOW)
    case = store.get_case(case.id)
    assert case.state == "awaiting_return"
    assert case.next_due_at == to_text(cn("2026-12-04 11:00"))
    # the order's auto-confirm clock is paused while the return is open
    order_row = store.db.execute(
        "SELECT next_due_at FROM orders WHERE id = ?", [order.id]
    ).fetchone()
    assert order_row[0] is None


def test_a_move_not_allowed_is_refused_and_nothing_is_written(store):
    order = add_order(store, "3003", paid_at="2026-11-27 10:00")
    case = add_case(store, order, "refund_unshipped", "2026-11-27 12:00")
    with pytest.raises(MoveNotAllowedError, match="尚未发货"):
        add_case_event(store, case.id, "seller_refused", cn("2026-11-27 13:00"), now=NOW)
    assert [e.kind for e in store.events(case.id)] == ["opened"]


def test_undo_is_a_correction_and_restores_the_clock(store):
    order = add_order(
        store, "3004", "shipped", paid_at="2026-11-20 10:00", shipped_at="2026-11-21 10:00"
    )
    case = add_case(store, order, "return_refund", "2026-11-27 10:00")
    add_case_event(store, case.id, "seller_agreed", cn("2026-11-27 11:00"), now=NOW)
    correction = undo_last(store, case.id, now=NOW)
    assert correction.kind == "correction"
    assert len(store.events(case.id)) == 3  # nothing deleted
    case = store.get_case(case.id)
    assert case.state == "awaiting_seller"
    assert case.next_due_at == to_text(cn("2026-11-29 10:00"))


def test_typed_platform_deadline_wins_until_the_step_changes(store):
    order = add_order(
        store, "3005", "shipped", paid_at="2026-11-20 10:00", shipped_at="2026-11-21 10:00"
    )
    case = add_case(store, order, "refund_shipped", "2026-11-27 10:00")
    set_platform_deadline(store, case.id, cn("2026-11-29 09:30:15"), now=NOW)
    [d] = [d for d in open_deadlines(store, NOW) if d.case_id == case.id]
    assert (d.basis, d.due_at) == ("platform", cn("2026-11-29 09:30:15"))
    add_case_event(store, case.id, "seller_refused", cn("2026-11-28 11:00"), now=NOW)
    [d] = [d for d in open_deadlines(store, NOW) if d.case_id == case.id]
    assert (d.rule_id, d.basis) == ("refund.after_refusal", "estimate")
    assert store.get_case(case.id).platform_deadline is None


def test_due_list_is_soonest_first_and_filters_by_party(store):
    paid = add_order(store, "3006", paid_at="2026-11-27 20:00")
    shipped = add_order(
        store, "3007", "shipped", paid_at="2026-11-20 10:00", shipped_at="2026-11-21 10:00"
    )
    review = add_case(store, shipped, "bad_review", "2026-11-28 08:00")
    refresh_due(store, order_ids=[paid.id, shipped.id], now=NOW)
    every = open_deadlines(store, NOW)
    assert [d.rule_id for d in every] == [
        "ship.deadline", "receipt.auto_confirm", "ship.stockout", "review.buyer_edits_bad",
        "review.seller_appeals_malicious", "review.seller_explains",
    ]  # fmt: skip
    seller = open_deadlines(store, NOW, party="seller")
    assert "receipt.auto_confirm" not in [d.rule_id for d in seller]
    assert [d.rule_id for d in open_deadlines(store, NOW, within_hours=48)] == ["ship.deadline"]
    # the paged list for the 待办 view agrees, from the cache
    rows = due_page(store, 0, 50, party="seller")
    assert [r["next_due_rule"] for r in rows] == ["ship.deadline", "review.seller_explains"]
    assert rows[1]["id"] == review.id and rows[0]["id"] == -paid.id
    assert count_due(store, "all") == 3


def test_due_at_an_earlier_now_ignores_later_events(store):
    order = add_order(
        store, "3008", "shipped", paid_at="2026-11-20 10:00", shipped_at="2026-11-21 10:00"
    )
    case = add_case(store, order, "return_refund", "2026-11-25 10:00")
    add_case_event(store, case.id, "seller_agreed", cn("2026-11-26 10:00"), now=NOW)
    earlier = open_deadlines(store, cn("2026-11-25 12:00"))
    assert ("return.respond", cn("2026-11-27 10:00")) in [(d.rule_id, d.due_at) for d in earlier]


def test_loading_a_rule_set_recomputes_open_cases(store, tmp_path, data_dir):
    order = add_order(
        store, "3009", "shipped", paid_at="2026-11-20 10:00", shipped_at="2026-11-21 10:00"
    )
    case = add_case(store, order, "refund_shipped", "2026-11-27 10:00")
    assert case.next_due_at == to_text(cn("2026-11-29 10:00"))
    newer = tmp_path / "taobao-2026-12.toml"
    source = Path(builtin_ruleset("taobao").path).read_text(encoding="utf-8")
    source = source.replace('as_of = "2026-12-01"', 'as_of = "2026-12-02"')
    source += (
        '\n[[versions]]\neffective_from = "2026-01-01T00:00:00+08:00"\nlabel = "2026"\n'
        '[[versions.rules]]\nid = "refund.shipped.respond"\nsubject = "case"\n'
        'case_kinds = ["refund_shipped"]\ncase_states = ["awaiting_seller"]\n'
        'start = ["opened"]\nstop = ["seller_agreed"]\nhours = 24\nparty = "seller"\n'
        'confidence = "medium"\nsource = "测试"\nsource_kind = "help_page"\n'
        'source_date = "2026"\n'
        'title = { "zh-CN" = "处理退款" }\non_timeout = { "zh-CN" = "自动退款" }\n'
    )
    newer.write_text(source, encoding="utf-8")
    load_rules_file(store, newer, now=NOW)
    assert store.get_case(case.id).next_due_at == to_text(cn("2026-11-28 10:00"))
    info = rules_info("taobao")
    assert (info.as_of, info.loaded_file) == ("2026-12-02", True)
    assert (data_dir / "rules" / "taobao.toml").exists()
    assert active_ruleset("taobao").latest().label == "2026"


def test_a_bad_rule_file_changes_nothing(store, tmp_path, data_dir):
    bad = tmp_path / "bad.toml"
    bad.write_text("platform = 'taobao'\n[[versions]]\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_rules_file(store, bad, now=NOW)
    assert not (data_dir / "rules" / "taobao.toml").exists()


def test_passed_lapsing_clocks_drop_out_of_the_cache(store):
    order = add_order(
        store,
        "3010",
        "success",
        paid_at="2026-11-01 10:00",
        shipped_at="2026-11-02 10:00",
        confirmed_at="2026-11-05 10:00",
    )
    refresh_due(store, order_ids=[order.id], now=cn("2026-11-06 10:00"))
    assert count_due(store, "all") == 1
    expire_passed(store, NOW)
    assert count_due(store, "all") == 0


def test_overdue_rows_are_recomputed_once_not_at_every_check(store):
    overdue = [add_order(store, f"31{n:02d}", paid_at="2026-11-20 10:00") for n in range(5)]
    later = add_order(store, "3199", paid_at="2026-11-27 10:00")  # due 11-29 10:00
    refresh_due(store, order_ids=[o.id for o in [*overdue, later]], now=NOW)
    assert expire_passed(store, NOW) == 5  # the overdue ships, looked at once
    assert expire_passed(store, NOW + timedelta(hours=1)) == 0  # nothing new came due
    assert count_due(store, "seller") == 6  # and the overdue are still listed
    # the next one to come due is looked at when its time passes
    assert expire_passed(store, cn("2026-11-29 10:30")) == 1
    assert count_due(store, "seller") == 6
    # a clock set back: everything due is looked at again
    assert expire_passed(store, NOW) == 5


def test_reminders_fire_once_at_the_closest_lead_time(store):
    order = add_order(store, "3011", paid_at="2026-11-27 10:00")  # due 11-29 10:00
    refresh_due(store, order_ids=[order.id], now=NOW)
    assert pending_reminders(store, cn("2026-11-28 09:59")) == []
    first = pending_reminders(store, cn("2026-11-28 10:00"))
    assert [(r.deadline.rule_id, r.lead_hours) for r in first] == [("ship.deadline", 24)]
    mark_fired(store, first, cn("2026-11-28 10:00"))
    assert pending_reminders(store, cn("2026-11-28 11:00")) == []
    # closed for a while: only the closest lead time fires, the 4 h one is skipped
    late = pending_reminders(store, cn("2026-11-29 09:30"))
    assert [r.lead_hours for r in late] == [1]
    mark_fired(store, late, cn("2026-11-29 09:30"))
    assert pending_reminders(store, cn("2026-11-29 09:45")) == []


def test_summary_of_what_came_due_while_closed(store):
    order = add_order(store, "3012", paid_at="2026-11-26 10:00")  # due 11-28 10:00
    refresh_due(store, order_ids=[order.id], now=cn("2026-11-27 09:00"))
    assert came_due_while_closed(store, NOW) == []  # never seen running before
    mark_seen(store, cn("2026-11-27 09:00"))
    [missed] = came_due_while_closed(store, NOW)
    assert missed.rule_id == "ship.deadline"
    assert from_text(to_text(missed.due_at)) == cn("2026-11-28 10:00")
    mark_seen(store, NOW)
    assert came_due_while_closed(store, NOW + timedelta(minutes=1)) == []


def test_due_summary_counts_the_overdue_first_and_the_upcoming(store):
    late = [add_order(store, f"32{n:02d}", paid_at=f"2026-11-2{n} 10:00") for n in (4, 5)]
    soon = add_order(store, "3299", paid_at="2026-11-27 10:00")  # due 11-29 10:00
    far = add_order(store, "3298", paid_at="2026-11-28 11:00")  # due 11-30 11:00
    refresh_due(store, order_ids=[o.id for o in [*late, soon, far]], now=NOW)
    summary = due_summary(store, NOW)  # the default horizon: the 24 h reminder
    assert (summary.overdue, summary.upcoming) == (2, 1)
    assert summary.first_overdue.order_no == "3204"  # the longest overdue
    assert summary.first_overdue.due_at == cn("2026-11-26 10:00")
    assert summary.first_upcoming.order_no == "3299"
    assert due_summary(store, NOW, within_hours=48).upcoming == 2
    nothing_late = due_summary(store, cn("2026-11-20 12:00"))
    assert nothing_late.overdue == 0 and nothing_late.first_overdue is None


def test_undo_puts_back_the_platform_deadline_the_step_cleared(store):
    order = add_order(
        store, "3014", "shipped", paid_at="2026-11-20 10:00", shipped_at="2026-11-21 10:00"
    )
    case = add_case(store, order, "refund_shipped", "2026-11-27 10:00")
    set_platform_deadline(store, case.id, cn("2026-11-29 07:06"), now=NOW)
    add_case_event(store, case.id, "seller_agreed", cn("2026-11-28 11:00"), now=NOW)
    assert store.get_case(case.id).platform_deadline is None
    undo_last(store, case.id, now=NOW)
    case = store.get_case(case.id)
    assert case.state == "awaiting_seller"
    assert case.platform_deadline == to_text(cn("2026-11-29 07:06"))
    [d] = [d for d in open_deadlines(store, NOW) if d.case_id == case.id]
    assert (d.basis, d.due_at) == ("platform", cn("2026-11-29 07:06"))
    assert len(store.events(case.id)) == 3  # the timeline only grew


def test_undo_of_a_step_that_cleared_nothing_leaves_a_later_typed_deadline(store):
    order = add_order(
        store, "3015", "shipped", paid_at="2026-11-20 10:00", shipped_at="2026-11-21 10:00"
    )
    case = add_case(store, order, "return_refund", "2026-11-27 10:00")
    add_case_event(store, case.id, "note", cn("2026-11-28 11:00"), note="打过电话", now=NOW)
    set_platform_deadline(store, case.id, cn("2026-11-29 07:06"), now=NOW)
    undo_last(store, case.id, now=NOW)
    assert store.get_case(case.id).platform_deadline == to_text(cn("2026-11-29 07:06"))
