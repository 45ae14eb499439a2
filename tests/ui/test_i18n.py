import json
import sys
from pathlib import Path

from shopdesk import paths

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
