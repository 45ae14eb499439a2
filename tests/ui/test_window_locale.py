"""Dates and numbers in the window as its locale writes them (QLocale): a Chinese window
as the platforms' own pages do, an English one as the seller's English locale does."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone

from shopdesk.ui import format as fmt
from shopdesk.ui import i18n

STORED = "2026-11-28T06:30:05Z"
MOMENT = QDateTime(QDate(2026, 11, 28), QTime(6, 30, 5), QTimeZone.utc())


def test_a_chinese_window_writes_times_as_chinese_platforms_do(monkeypatch):
    monkeypatch.setattr(i18n, "_current", "zh-CN")
    assert fmt.time_format() == "yyyy-MM-dd HH:mm"
    assert fmt.time_format(seconds=True) == "yyyy-MM-dd HH:mm:ss"
    assert fmt.money(123456) == "¥1,234.56" and fmt.money(-5) == "-¥0.05"


def test_an_english_window_follows_the_english_locale_of_the_system():
    british = fmt._locale("en", "en_GB")
    assert british.toString(MOMENT, "dd/MM/yyyy HH:mm") == "28/11/2026 06:30"
    assert fmt._locale("en", "en_US").dateTimeFormat().startswith("dddd")  # the system's
    # a German system with the English window: English (US), not German dates
    assert fmt._locale("en", "de_DE").name() == "en_US"


def test_an_english_window_writes_a_four_digit_year_in_its_locales_order(monkeypatch):
    monkeypatch.setattr(i18n, "_current", "en")
    shown = fmt.time_format()
    assert "yyyy" in shown and "mm" in shown
    assert "ss" in fmt.time_format(seconds=True)
    assert fmt.local_time(STORED) == fmt.window_locale().toString(
        MOMENT.toTimeZone(QTimeZone.systemTimeZone()), shown
    )


def test_money_uses_the_locales_separators():
    group, point = fmt._separators("en", "en_US")
    assert (group, point) == (",", ".")
    assert fmt._separators("zh-CN", "de_DE") == (",", ".")  # a Chinese window: 1,234.56
