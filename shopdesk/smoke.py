"""`shopdesk --smoke-test`: real work on a temporary store, then `ok` (used by CI and by
the frozen build to prove it starts). Any failure: the reason and a non-zero exit."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path

from shopdesk.core.demo import build_demo
from shopdesk.core.store import Store
from shopdesk.core.timeutil import now_utc


def run_smoke_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        with tempfile.TemporaryDirectory(prefix="shopdesk-smoke-") as folder:
            os.environ["SHOPDESK_DATA_DIR"] = folder
            _check(Path(folder))
    except Exception:
        traceback.print_exc()
        print("smoke test failed", file=sys.stderr)
        return 1
    print("ok")
    return 0


def _check(folder: Path) -> None:
    store = Store.open(folder / "smoke.db")
    made = build_demo(store, now_utc(), orders=60)
    assert made["cases"] > 0, "the demo store has no cases"
    print(f"store: {store.path} ({made['orders']} orders, {made['cases']} cases)")

    from shopdesk.ui.app import make_application
    from shopdesk.ui.main_window import MainWindow

    app = make_application("zh-CN")
    window = MainWindow(store)
    window.show()
    for key in window.view_keys():
        window.show_view(key)
        app.processEvents()
    window.show_case(store.list_cases()[0].id)
    app.processEvents()
    assert not window.grab().isNull(), "the main window did not paint"
    print(f"window: {len(window.view_keys())} views")
    window.close()
    store.close()
