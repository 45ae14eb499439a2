import json
import sys
from pathlib import Path

import pytest

from shopdesk import paths
from shopdesk.ui.i18n import language_for_locale

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from tr_strings import tr_strings  # noqa: E402


def test_every_ui_string_has_its_traditional_chinese_and_english_text():
    needed = tr_strings()
    for language in ("zh-TW", "en"):
        table = json.loads(paths.resource("i18n", f"{language}.json").read_text(encoding="utf-8"))
        missing = sorted(needed - set(table))
        assert not missing, f"{language} lacks: {missing}"


def test_english_window_reads_english(qtbot, demo_store, qapp):
    from shopdesk.ui import i18n
    from shopdesk.ui.main_window import MainWindow

    translator = i18n.JsonTranslator("en")
    qapp.installTranslator(translator)
    try:
        window = MainWindow(demo_store)
        qtbot.addWidget(window)
        assert window.nav.item(window.view_keys().index("orders")).text() == "Orders"
        assert window.menuBar().actions()[0].text() == "&File"
    finally:
        qapp.removeTranslator(translator)


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
