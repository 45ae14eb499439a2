import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from shopdesk.domain import paths
from shopdesk.store.reminders_repo import DueSummary
from shopdesk.ui import i18n
from shopdesk.ui.i18n import language_for_locale

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import ts_catalogue  # noqa: E402


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    """Each committed .ts, and a copy lupdate brought up to date with today's sources."""
    folder = tmp_path_factory.mktemp("ts")
    pairs = {}
    for language in ts_catalogue.LANGUAGES:
        committed = ts_catalogue.ts_path(language)
        fresh = folder / committed.name
        shutil.copy(committed, fresh)
        ts_catalogue.lupdate(fresh, language)
        pairs[language] = (committed, fresh)
    return pairs


def _keys(ts: Path) -> set[tuple[str, str, str, bool]]:
    return {(m.context, m.source, m.disambiguation, m.numerus) for m in ts_catalogue.messages(ts)}


@pytest.mark.parametrize("language", ["zh-TW", "en"])
def test_the_catalogue_holds_exactly_the_strings_of_the_sources(fresh_catalogues, language):
    committed, fresh = fresh_catalogues[language]
    new, gone = _keys(fresh) - _keys(committed), _keys(committed) - _keys(fresh)
    assert not new and not gone, (
        f"{committed.name} is out of date with shopdesk/ui (run python tools/ts_catalogue.py "
        f"and translate what it adds): new {sorted(new)}, gone {sorted(gone)}"
    )


@pytest.mark.parametrize(("language", "forms"), [("zh-TW", 1), ("en", 2)])
def test_every_ui_string_has_its_traditional_chinese_and_english_text(
    fresh_catalogues, language, forms
):
    _, fresh = fresh_catalogues[language]
    missing = [
        (m.context, m.source)
        for m in ts_catalogue.messages(fresh)
        if not m.finished or (m.numerus and len(m.translations) != forms)
    ]
    assert not missing, f"{language} lacks: {missing}"


def test_english_window_reads_english(qtbot, demo_store, qapp):
    from shopdesk.ui.main_window import MainWindow

    translator = i18n.CatalogueTranslator("en")
    qapp.installTranslator(translator)
    try:
        window = MainWindow(demo_store)
        qtbot.addWidget(window)
        assert window.nav.item(window.view_keys().index("orders")).text() == "Orders"
        assert window.menuBar().actions()[0].text() == "&File"
        # a module's tr() helper: lupdate files it under no context, the view asks "OrdersView"
        assert QCoreApplication.translate("OrdersView", "订单号") == "Order no."
        # one source, two meanings: the Orders view, and the 待办 subject of one order
        assert QCoreApplication.translate("MainWindow", "订单") == "Orders"
        assert QCoreApplication.translate("DueView", "订单") == "Order"
    finally:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "1 deadline coming up", "2 deadlines coming up"),
        ("zh-TW", "1 項時限即將到期", "2 項時限即將到期"),
        ("zh-CN", "1 项时限即将到期", "2 项时限即将到期"),
    ],
)
def test_the_status_line_counts_in_the_windows_language(qapp, language, one, two):
    from shopdesk.ui.reminders import status_line

    translator = i18n.CatalogueTranslator(language) if language != "zh-CN" else None
    if translator:
        qapp.installTranslator(translator)
    try:
        now = datetime.now(UTC)
        assert status_line(DueSummary(0, None, 1, None), now, language) == (one, False)
        assert status_line(DueSummary(0, None, 2, None), now, language) == (two, False)
    finally:
        if translator:
            qapp.removeTranslator(translator)


def test_a_fresh_checkout_builds_its_catalogue_on_first_start(tmp_path, monkeypatch):
    (tmp_path / "i18n").mkdir()
    shutil.copy(i18n.ts_path("en"), tmp_path / "i18n")
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    assert not i18n.qm_path("en").exists()
    translator = i18n.CatalogueTranslator("en")
    assert i18n.qm_path("en").is_file()
    assert translator.translate("MainWindow", "订单") == "Orders"


def test_a_catalogue_that_cannot_be_built_says_so_in_chinese(tmp_path, monkeypatch):
    (tmp_path / "i18n").mkdir()
    i18n_ts = tmp_path / "i18n" / "shopdesk_en.ts"
    i18n_ts.write_text("<TS version='2.1'><context>", encoding="utf-8")  # cut short
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    with pytest.raises(i18n.CatalogueMissing, match="无法编译界面翻译.*shopdesk_en.ts"):
        i18n.CatalogueTranslator("en")


def test_the_frozen_build_never_compiles_and_names_a_missing_catalogue(tmp_path, monkeypatch):
    (tmp_path / "i18n").mkdir()
    shutil.copy(i18n.ts_path("en"), tmp_path / "i18n")  # even with its .ts beside it
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    monkeypatch.setattr(paths, "is_frozen", lambda: True)
    with pytest.raises(i18n.CatalogueMissing, match="缺少界面翻译文件.*shopdesk_en.qm"):
        i18n.CatalogueTranslator("en")
    assert not i18n.qm_path("en").exists()


@pytest.mark.parametrize(
    ("name", "bcp47", "language"),
    [
        ("zh_CN", "zh-CN", "zh-CN"),
        ("zh_SG", "zh-SG", "zh-CN"),
        ("zh_TW", "zh-TW", "zh-TW"),
        ("zh_HK", "zh-HK", "zh-TW"),
        ("zh_CN", "zh-Hant-CN", "zh-TW"),
        ("en_US", "en-US", "en"),
        ("de_DE", "de", "en"),
        ("C", "en-US-u-va-posix", "zh-CN"),  # no language set: ShopDesk's own
    ],
)
def test_the_window_speaks_the_systems_language_and_chinese_by_default(name, bcp47, language):
    assert language_for_locale(name, bcp47) == language


def test_the_smoke_test_opens_the_window_in_english():
    result = subprocess.run(
        [sys.executable, "-m", "shopdesk", "--smoke-test", "--lang", "en"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and lines[-1] == "ok", result.stdout + result.stderr
    assert any(line.startswith("window:") and "(en: Orders, Cancel)" in line for line in lines)


def test_the_reply_counter_says_character_for_one_and_characters_for_more(qapp):
    from shopdesk.ui.case.reply_panel import limit_text

    translator = i18n.CatalogueTranslator("en")
    qapp.installTranslator(translator)
    try:
        assert limit_text(None, "好") == "1 character"
        assert limit_text(None, "好的") == "2 characters"
    finally:
        qapp.removeTranslator(translator)
    assert limit_text(None, "好的") == "2 字"
