"""A case click on the benchmark store: the main window at 1280x720 on the 售后 view, a
row selected as a click selects it, until the case panel is painted; the SQL statements
that click runs, counted with SQLite's trace callback. `python benchmarks/case_click_bench.py
[STORE]` prints them alone; run.py includes them in its table."""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from shopdesk.store.store import Store  # noqa: E402

CLICKS = 40  # different cases: a seller going down the list, and jumping about in it


def figures(full: Path, runs: int = 5) -> dict:
    from PySide6.QtWidgets import QApplication

    from shopdesk.ui.main_window import MainWindow
    from shopdesk.ui.tasks import runner

    app = QApplication.instance()
    store = Store.open(full)
    window = MainWindow(store)
    window.resize(1280, 720)
    window.show()
    window.show_view("cases")
    app.processEvents()
    table, model = window.cases_view.table, window.cases_view.model
    rng = random.Random(16)
    rows = [*range(10), *(rng.randrange(model.rowCount()) for _ in range(CLICKS - 10))]

    def click(row: int) -> tuple[float, int]:
        table.scrollTo(model.index(row, 0))  # on screen first: a seller clicks what they see
        app.processEvents()
        window.cases_view.grab()
        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        started = time.perf_counter()
        table.selectRow(row)  # what a click does: the selection opens the case
        window.case_panel.repaint()  # painted, as the seller sees it
        took = time.perf_counter() - started
        store.db.conn.set_trace_callback(None)
        assert window.case_panel.case_id == model.row_id(row)
        return took, len(statements)

    click(rows[-1])  # the first click builds the tabs' widgets
    app.processEvents()
    times, counts = [], []
    for _ in range(runs):
        for row in rows:
            took, count = click(row)
            times.append(took)
            counts.append(count)
            app.processEvents()  # what the event loop does between two clicks
    window.external_writes.stop()
    window.close()
    for task in runner().running():  # the window's background jobs (its clocks' catch-up)
        task.wait()  # end before the next figures write to the store
    store.close()
    return {
        "case_click_ms": round(statistics.median(times) * 1000, 1),
        "case_click_p90_ms": round(statistics.quantiles(times, n=10)[-1] * 1000, 1),
        "case_click_queries": max(counts),
    }


def rows(f: dict, row) -> list[str]:
    """The benchmark table's rows (run.py's `row` helper)."""
    return [
        row(
            "case click to the painted case panel",
            f"{f['case_click_ms']} ms (90% within {f['case_click_p90_ms']} ms)",
            "",
            "<= 20 ms",
            f["case_click_ms"] <= 20,
        ),
        row(
            "case click: SQL statements (trace callback)",
            f"{f['case_click_queries']}",
            "",
            "<= 6",
            f["case_click_queries"] <= 6,
        ),
    ]


def main() -> int:
    from generate import generate

    home = tempfile.mkdtemp(prefix="shopdesk-bench-")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    os.environ["SHOPDESK_DATA_DIR"] = os.path.join(home, "data")
    full = Path(sys.argv[1]) if len(sys.argv) > 1 else generate(1_000_000)
    from shopdesk.ui.app import make_application

    make_application("zh-CN")
    print(figures(full))
    return 0


if __name__ == "__main__":
    sys.exit(main())
