"""The 分析 figures on the benchmark store: each breakdown over the last 90 days (with its
previous 90 days, as the view shows them) beside the plain SQL GROUP BY that computes the
same figures, in the same run; opening the 分析 view; the 产品改进单 of the product with
the most cases. `python benchmarks/insights_bench.py [--orders N]` prints them alone;
run.py includes them in its table."""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from shopdesk.store import insights  # noqa: E402
from shopdesk.store.insights import PRODUCT_KEY, Period  # noqa: E402
from shopdesk.store.store import Store  # noqa: E402

# The last day the generated store has orders for (generate.END, China time).
LAST_DAY = date(2026, 11, 27)
PERIOD = Period(LAST_DAY - timedelta(days=89), LAST_DAY)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _median(runs: int, action) -> float:
    found = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        found.append(time.perf_counter() - started)
    return statistics.median(found)


def _raw_sql(dimension: str) -> list[str]:
    """The plain GROUP BY queries giving the same figures (units, cases and money per key)
    for one period; no case-to-product rule beyond 'every line of its order'."""
    cases = (
        "FROM cases c JOIN orders o ON o.id = c.order_id "
        "WHERE c.opened_at >= :start AND c.opened_at < :after"
    )
    money = (
        "sum(c.money_refund_fen), sum(c.money_compensation_fen), "
        "sum(c.money_recovered_fen), sum(c.money_net_fen)"
    )
    if dimension == "product":
        return [
            f"SELECT {PRODUCT_KEY} AS k, sum(l.quantity) FROM orders o JOIN order_lines l "
            "ON l.order_id = o.id WHERE o.paid_at >= :start AND o.paid_at < :after GROUP BY k",
            f"SELECT k, count(*), {money} FROM (SELECT DISTINCT c.id AS id, {PRODUCT_KEY} AS k "
            "FROM cases c JOIN orders o ON o.id = c.order_id JOIN order_lines l "
            "ON l.order_id = c.order_id WHERE c.opened_at >= :start AND c.opened_at < :after) "
            "x JOIN cases c ON c.id = x.id GROUP BY k",
        ]
    if dimension == "courier":
        return [
            "SELECT o.courier, count(*) FROM orders o WHERE o.paid_at >= :start "
            "AND o.paid_at < :after AND o.courier != '' GROUP BY o.courier",
            f"SELECT o.courier, count(*), {money} {cases} AND c.responsibility = 'courier' "
            "GROUP BY o.courier",
        ]
    column = "c.cause" if dimension == "cause" else "coalesce(c.responsibility, 'unknown')"
    return [f"SELECT {column}, c.cause, count(*), {money} {cases} GROUP BY 1, 2"]


def breakdowns(path: Path, runs: int) -> dict:
    found: dict = {}
    with Store.open(path) as store:
        raw = sqlite3.connect(path)
        for dimension in insights.DIMENSIONS:
            insights.breakdown(store, dimension, PERIOD)  # warm the page cache

            def raw_both(dimension: str = dimension) -> None:
                for period in (PERIOD, PERIOD.previous()):
                    start, after = period.bounds()
                    for sql in _raw_sql(dimension):
                        raw.execute(sql, {"start": start, "after": after}).fetchall()

            ours, plain = [], []
            for _ in range(runs):  # alternating, so a busy moment of the machine hits both
                ours.append(_median(1, lambda d=dimension: insights.breakdown(store, d, PERIOD)))
                plain.append(_median(1, raw_both))
            found[f"insights_{dimension}_ms"] = _ms(statistics.median(ours))
            found[f"insights_{dimension}_raw_ms"] = _ms(statistics.median(plain))
        found["insights_rows_product"] = len(insights.breakdown(store, "product", PERIOD))
        start, after = PERIOD.bounds()
        found["insights_cases_90d"] = raw.execute(
            "SELECT count(*) FROM cases WHERE opened_at >= ? AND opened_at < ?", [start, after]
        ).fetchone()[0]
        raw.close()
    return found


def view_open(path: Path, runs: int) -> dict:
    """Opening the 分析 view (last 30 days, its front tab and charts) and painting it."""
    from PySide6.QtWidgets import QApplication

    from shopdesk.ui.views.insights_view import InsightsView

    QApplication.instance() or QApplication([])

    def open_view() -> None:
        with Store.open(path) as store:
            view = InsightsView(store)
            view.resize(1280, 720)
            view.set_period(LAST_DAY - timedelta(days=29), LAST_DAY)
            view.grab()
            view.deleteLater()

    open_view()
    return {"insights_view_open_ms": _ms(_median(runs, open_view))}


SHEET_CASES = 1000  # the 产品改进单 target: a product with 1,000 cases


def sheet(path: Path) -> dict:
    """The 产品改进单 PDF of the product with the most cases over the store's history,
    given cases on its orders up to SHEET_CASES (inside a savepoint rolled back after, so
    the cached store stays as generated)."""
    from shopdesk.evidence.improvement_pdf import write_sheet_pdf
    from shopdesk.evidence.improvement_sheet import gather_sheet

    wide = Period(date(2023, 12, 1), LAST_DAY)  # the product's whole history
    with Store.open(path) as store:
        top = max(
            insights.breakdown(store, "product", wide, with_previous=False), key=lambda r: r.cases
        )
        conn = store.db.conn
        conn.execute("SAVEPOINT sheet_bench")
        try:
            orders = conn.execute(
                f"SELECT l.order_id, o.paid_at FROM order_lines l JOIN orders o "
                f"ON o.id = l.order_id WHERE {PRODUCT_KEY} = ? AND o.paid_at < ?",
                [top.key, "2026-11-20"],
            ).fetchall()
            extra = [orders[n % len(orders)] for n in range(SHEET_CASES - top.cases)]
            conn.executemany(
                "INSERT INTO cases (order_id, kind, state, cause, refund_fen, reason, "
                "description, opened_at, created_at, updated_at) VALUES (?, 'return_refund', "
                "'refunded', 'seller_defect', 3900, '质量问题', '杯口有裂缝，电话 13912345678', "
                "strftime('%Y-%m-%dT%H:%M:%SZ', ?, '+3 days'), ?, ?)",
                [(order_id, paid, paid, paid) for order_id, paid in extra],
            )
            out = Path(tempfile.mkdtemp()) / "sheet.pdf"
            started = time.perf_counter()
            made = gather_sheet(store, top.key, wide)
            write_sheet_pdf(made, out)
            took = time.perf_counter() - started
        finally:
            conn.execute("ROLLBACK TO sheet_bench")
            conn.execute("RELEASE sheet_bench")
    return {"insights_sheet_ms": _ms(took), "insights_sheet_cases": made.row.cases}


def figures(path: Path, runs: int) -> dict:
    return {**breakdowns(path, runs), **view_open(path, runs), **sheet(path)}


def rows(f: dict, row) -> list[str]:
    """The benchmark table's rows (run.py's `row` helper)."""
    lines = []
    for dimension in insights.DIMENSIONS:
        took, limit = f[f"insights_{dimension}_ms"], f[f"insights_{dimension}_raw_ms"]
        lines.append(
            row(
                f"分析 by {dimension}, 90 days + previous 90 ({f['insights_cases_90d']:,} cases)",
                f"{took} ms",
                f"raw SQL GROUP BY {limit} ms",
                "<= 150 ms and <= 2 x raw",
                took <= 150 and took <= 2 * limit,
            )
        )
    lines.append(
        row(
            "分析 view opened with its charts (30 days)",
            f"{f['insights_view_open_ms']} ms",
            "",
            "<= 300 ms",
            f["insights_view_open_ms"] <= 300,
        )
    )
    lines.append(
        row(
            f"产品改进单 PDF, {f['insights_sheet_cases']:,} cases",
            f"{f['insights_sheet_ms']} ms",
            "",
            "<= 3 s",
            f["insights_sheet_ms"] <= 3000,
        )
    )
    return lines


if __name__ == "__main__":
    import argparse

    from generate import generate

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ["SHOPDESK_DATA_DIR"] = tempfile.mkdtemp()
    store_file = generate(args.orders, log=lambda text: print(text, file=sys.stderr))
    found = figures(store_file, args.runs)

    def row(name, value, limit, target, ok):
        mark = "" if ok is None else ("ok" if ok else "MISSED")
        return f"| {name} | {value} | {limit} | {target} | {mark} |"

    print(f"{args.orders:,} orders")
    print("\n".join(rows(found, row)))
