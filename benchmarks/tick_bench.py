"""Countdown refresh cost with 100 vs 100,000 open cases (issue 4).

For each size: a store with that many open cases (and their orders) whose cached due
times are spread over the next days; the 待办 view and the 售后 view shown in an offscreen
window of ordinary size; then 1,000 refreshes, each advancing the clock one minute so
the texts of the rows due within a day really change, and each followed by the paint.
The limit, measured in the same run: the same window with a bare QStandardItemModel of
the visible rows whose texts are set directly.

    QT_QPA_PLATFORM=offscreen python benchmarks/tick_bench.py [--ticks 1000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_home = tempfile.mkdtemp(prefix="shopdesk-bench-")
os.environ["SHOPDESK_DATA_DIR"] = _home
os.environ["XDG_CONFIG_HOME"] = _home

from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from shopdesk.domain.countdown import countdown  # noqa: E402
from shopdesk.domain.timeutil import to_text  # noqa: E402
from shopdesk.store.store import Store  # noqa: E402
from shopdesk.ui import countdown as ui_countdown  # noqa: E402
from shopdesk.ui.countdown import add_countdown_column  # noqa: E402
from shopdesk.ui.views.cases_view import CasesView  # noqa: E402
from shopdesk.ui.views.due_view import DueView  # noqa: E402

NOW = datetime(2026, 11, 28, 4, 0, tzinfo=UTC)


class Clock:
    now = NOW

    def __call__(self) -> datetime:
        return self.now


def build_store(path: Path, cases: int) -> Store:
    store = Store.open(path)
    shop = store.add_shop("bench", "taobao")
    stamp = to_text(NOW)
    orders, rows = [], []
    for n in range(cases):
        # the rows on screen (highest id, newest opened, soonest due) are the same rows
        # at every size, so both sizes repaint the same texts
        rank = cases - 1 - n
        opened = NOW - timedelta(minutes=rank)
        due = NOW + timedelta(minutes=7 * rank + 30)
        orders.append(
            (n + 1, shop.id, "taobao", str(4000000000000000000 + n), f"buyer{n % 997}",
             "卖家已发货，等待买家确认", "shipped", stamp)
        )  # fmt: skip
        rows.append(
            (n + 1, n + 1, "refund_shipped", "awaiting_seller", to_text(opened),
             to_text(due), "seller", "refund.shipped.respond", stamp, stamp)
        )  # fmt: skip
    conn = store.db.conn
    with store.transaction():
        conn.executemany(
            "INSERT INTO orders (id, shop_id, platform, order_no, buyer_nick, status, state, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            orders,
        )
        conn.executemany(
            "INSERT INTO cases (id, order_id, kind, state, opened_at, next_due_at, "
            "next_due_party, next_due_rule, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return store


def run_ticks(app: QApplication, ticker, clock: Clock, ticks: int) -> tuple[float, int]:
    clock.now = NOW
    ticker.restart()
    app.processEvents()
    repainted = 0
    started = time.perf_counter()
    for _ in range(ticks):
        clock.now += timedelta(minutes=1)
        repainted += ticker.tick(clock.now)
        app.processEvents()
    return time.perf_counter() - started, repainted


def bare_limit(app: QApplication, visible: int, ticks: int) -> float:
    """The same paint work with nothing behind it: a plain model's visible texts set."""
    model = QStandardItemModel(visible, 2)
    for row in range(visible):
        model.setItem(row, 0, QStandardItem(""))
    view = QTableView()
    view.setModel(model)
    view.resize(1000, 640)
    view.show()
    app.processEvents()
    due = NOW + timedelta(hours=20)
    now = NOW
    started = time.perf_counter()
    for _ in range(ticks):
        now += timedelta(minutes=1)
        text = countdown(due, now).text
        for row in range(visible):
            model.item(row, 0).setText(text)
        app.processEvents()
    elapsed = time.perf_counter() - started
    view.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ticks", type=int, default=1000)
    parser.add_argument("--sizes", default="100,100000")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (shared CPUs)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    clock = Clock()
    ui_countdown.set_clock(clock)
    results = []
    visible_rows = 0
    for size in (int(s) for s in args.sizes.split(",")):
        folder = Path(tempfile.mkdtemp(prefix=f"tick-{size}-"))
        t0 = time.perf_counter()
        store = build_store(folder / "bench.db", size)
        built = time.perf_counter() - t0
        for name, make in (
            ("待办 view", lambda s=store: DueView(s)),
            ("售后 view", lambda s=store: CasesView(s)),
        ):
            t0 = time.perf_counter()
            widget = make()
            ticker = widget.ticker if hasattr(widget, "ticker") else add_countdown_column(widget)
            widget.resize(1000, 640)
            widget.show()
            app.processEvents()
            opened = time.perf_counter() - t0
            visible_rows = len(ticker.visible_rows())
            runs = [run_ticks(app, ticker, clock, args.ticks) for _ in range(args.repeat)]
            elapsed, repainted = min(runs)
            results.append((size, name, built, opened, visible_rows, elapsed, repainted))
            widget.close()
            widget.deleteLater()
            app.processEvents()
        store.close()
    limit = min(bare_limit(app, visible_rows, args.ticks) for _ in range(args.repeat))

    print(
        f"countdown refresh: {args.ticks} ticks, each advancing the clock 1 minute + paint "
        f"(best of {args.repeat})"
    )
    print(
        f"{'open cases':>10} | {'view':<8} | {'store build s':>13} | {'view open s':>11} | "
        f"{'rows shown':>10} | {'total s':>7} | {'per tick ms':>11} | {'rows repainted':>14}"
    )
    print("-" * 106)
    for size, name, built, opened, rows, elapsed, repainted in results:
        print(
            f"{size:>10,} | {name:<8} | {built:>13.2f} | {opened:>11.3f} | {rows:>10} | "
            f"{elapsed:>7.3f} | {elapsed / args.ticks * 1000:>11.3f} | {repainted:>14,}"
        )
    print(
        f"{'limit':>10} | {'bare':<8} | {'':>13} | {'':>11} | {visible_rows:>10} | "
        f"{limit:>7.3f} | {limit / args.ticks * 1000:>11.3f} | {visible_rows * args.ticks:>14,}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
