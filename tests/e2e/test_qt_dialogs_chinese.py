"""The real program's smoke test (the one the frozen build runs after packaging) checks
that Qt's own dialogs speak Chinese, so a bundle without qtbase_zh_CN.qm fails it."""

from __future__ import annotations

from tests.e2e.test_packaging_smoke import run_smoke


def test_the_smoke_test_proves_qt_dialogs_are_in_chinese():
    result = run_smoke()
    assert result.returncode == 0, result.stderr
    (window,) = [line for line in result.stdout.splitlines() if line.startswith("window:")]
    assert "Qt dialogs in Chinese" in window


def test_without_qts_catalogue_the_smoke_test_fails(tmp_path):
    """As a bundle that left the .qm files out: PySide6 found nowhere with them."""
    hook = tmp_path / "sitecustomize.py"
    hook.write_text(
        "import shopdesk.ui.qt_translations as q\nq.translations_folders = lambda: []\n",
        encoding="utf-8",
    )
    result = run_smoke({"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 1
    assert "Qt's Chinese translations are not loaded" in result.stderr
