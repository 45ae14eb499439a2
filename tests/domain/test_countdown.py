from datetime import timedelta

from shopdesk.domain.countdown import Urgency, countdown
from tests.rules_helpers import cn

DUE = cn("2026-11-30 12:00")


def at(**left):
    return DUE - timedelta(**left)


def test_more_than_a_day_left_reads_days_and_hours():
    shown = countdown(DUE, at(days=1, hours=23, minutes=30))
    assert shown.text == "剩余 1天23时"
    assert shown.urgency == Urgency.NORMAL
    assert shown.changes_at == DUE - timedelta(days=1, hours=23)


def test_under_a_day_reads_hours_and_minutes_in_amber():
    shown = countdown(DUE, at(hours=3, minutes=12, seconds=30))
    assert shown.text == "剩余 3时12分"
    assert shown.urgency == Urgency.RED
    assert countdown(DUE, at(hours=20)).urgency == Urgency.AMBER
    assert countdown(DUE, at(hours=20)).text == "剩余 19时59分"


def test_text_changes_exactly_on_the_day_boundary():
    before = countdown(DUE, at(hours=24, seconds=1))
    assert before.text == "剩余 1天0时"
    assert before.changes_at == DUE - timedelta(hours=24)
    on = countdown(DUE, before.changes_at)
    assert on.text == "剩余 23时59分"
    assert on.urgency == Urgency.AMBER


def test_red_from_four_hours_left():
    assert countdown(DUE, at(hours=4, seconds=1)).urgency == Urgency.AMBER
    assert countdown(DUE, at(hours=4)).urgency == Urgency.RED


def test_overdue_reads_elapsed_time():
    assert countdown(DUE, DUE + timedelta(hours=2, minutes=5)).text == "已超时 2时"
    assert countdown(DUE, DUE + timedelta(minutes=5)).text == "已超时 5分"
    late = countdown(DUE, DUE + timedelta(days=1, hours=3))
    assert late.text == "已超时 1天3时"
    assert late.urgency == Urgency.OVERDUE
    assert late.changes_at == DUE + timedelta(days=1, hours=4)


def test_changes_at_is_the_first_instant_the_text_differs():
    now = at(hours=30, minutes=17, seconds=3)
    shown = countdown(DUE, now)
    assert countdown(DUE, shown.changes_at - timedelta(microseconds=1)).text == shown.text
    assert countdown(DUE, shown.changes_at).text != shown.text
    minute = countdown(DUE, at(hours=2, minutes=7, seconds=9))
    assert countdown(DUE, minute.changes_at).text == "剩余 2时6分"


def test_other_languages():
    assert countdown(DUE, at(days=1, hours=23, minutes=1), "zh-TW").text == "剩餘 1天23時"
    assert countdown(DUE, at(hours=3, minutes=12, seconds=1), "en").text == "3h 12m left"
    assert countdown(DUE, DUE + timedelta(hours=2), "en").text == "2h overdue"
