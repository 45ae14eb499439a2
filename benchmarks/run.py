"""ShopDesk benchmarks: `python benchmarks/run.py [--quick] [--json FILE] [--orders N]`.

Generates (once, cached in benchmarks/out/) a seeded store of 1,000,000 orders with
lines and 100,000 open cases with timelines (`--quick`: 100,000 orders), then prints
every figure beside the limit measured in the same run: a bare Qt window, an empty
store, the raw SQLite query a search runs, the countdown with 100 open cases.
Medians of several runs. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_home = tempfile.mkdtemp(prefix="shopdesk-bench-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_home, "config")
os.environ["SHOPDESK_DATA_DIR"] = os.path.join(_home, "data")
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from generate import OUT, generate  # noqa: E402

from shopdesk.store.search_repo import recent_ids  # noqa: E402
from shopdesk.store.store import Store  # noqa: E402

QUERIES = {
    "杯": "1 character, common",
    "耳机": "2 characters, common",
    "狼": "1 character",
    "保温杯": "3 characters",
    "日式空气炸锅": "6 characters",
    "火锅": "2 characters, not there",
    "小鹿乱撞": "nick (Chinese)",
    "tb": "nick prefix, common",
}


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


# -- start-up and memory (fresh processes) -------------------------------------------------


def probe(mode: str, store: Path | None = None) -> dict:
    args = [sys.executable, str(HERE / "startup_probe.py"), mode]
    if store is not None:
        args.append(str(store))
    done = subprocess.run(args, capture_output=True, text=True, check=True, env=os.environ)
    return json.loads(done.stdout.strip().splitlines()[-1])


def compile_like_an_install() -> None:
    """A seller's ShopDesk starts from bytecode (the bundle holds it, pip writes it). From a
    checkout where PYTHONDONTWRITEBYTECODE is set, each start would compile every module
    again (some 150 ms): write it once, as an install does."""
    import compileall

    compileall.compile_dir(HERE.parent / "shopdesk", quiet=1)


def startup(full: Path, empty: Path, runs: int) -> dict:
    compile_like_an_install()
    probe("app", full)  # the file in the OS cache, as on a seller's second start
    found: dict[str, list] = {"bare": [], "empty": [], "full": [], "rss_e": [], "rss_f": []}
    for _ in range(runs):
        found["bare"].append(probe("bare")["painted_s"])
        result = probe("app", empty)
        found["empty"].append(result["painted_s"])
        found["rss_e"].append(result["rss_mb"])
        result = probe("app", full)
        found["full"].append(result["painted_s"])
        found["rss_f"].append(result["rss_mb"])
    return {key: statistics.median(values) for key, values in found.items()}


# -- views (this process, offscreen) -------------------------------------------------------


def views(full: Path, runs: int) -> dict:
    from shopdesk.ui.views.orders_view import OrdersView

    def fresh() -> tuple[Store, OrdersView]:
        store = Store.open(full)
        view = OrdersView(store)
        view.resize(1000, 700)
        return store, view

    def first_paint() -> float:
        started = time.perf_counter()
        store, view = fresh()
        view.grab()
        took = time.perf_counter() - started
        store.close()
        return took

    def timed(action: Callable[[OrdersView], None]) -> Callable[[], float]:
        def measure() -> float:
            store, view = fresh()
            view.grab()
            started = time.perf_counter()
            action(view)
            view.grab()
            took = time.perf_counter() - started
            store.close()
            return took

        return measure

    rng = random.Random(8)

    def random_jump(view: OrdersView) -> None:
        row = rng.randrange(view.model.rowCount())
        view.table.scrollTo(view.model.index(row, 0))

    return {
        "view_first_paint_ms": ms(median_of(runs, first_paint)),
        "view_jump_end_ms": ms(median_of(runs, timed(lambda v: v.table.scrollToBottom()))),
        "view_random_jump_ms": ms(median_of(runs * 2, timed(random_jump))),
        "sort_deadline_ms": ms(
            median_of(runs, timed(lambda v: v.model.sort_by_key("next_due", False)))
        ),
        "sort_deadline_end_ms": ms(
            median_of(
                runs,
                timed(lambda v: (v.model.sort_by_key("next_due", False), v.table.scrollToBottom())),
            )
        ),
    }


CASE_QUERIES = ("破损", "态度", "保温杯", "杯")
DUE_QUERIES = ("耳机", "杯", "保温杯", "tb", "小鹿乱撞", "破损")


class _Painted:
    """Notes when a widget paints (an event filter on the table's viewport)."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        class Spy(QObject):
            seen = False

            def eventFilter(self, _watched, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint:
                    self.seen = True
                return False

        self.spy = Spy()
        widget.installEventFilter(self.spy)


def _shown(view, table) -> _Painted:
    """The view on screen as the window shows it (offscreen), its viewport watched."""
    from PySide6.QtCore import QCoreApplication

    view.show()
    painted = _Painted(table.viewport())
    deadline = time.perf_counter() + 5
    while not painted.spy.seen and time.perf_counter() < deadline:
        QCoreApplication.processEvents()
    while not view.model.count_known() and time.perf_counter() < deadline:
        QCoreApplication.processEvents()  # as between searches: the list's count is in
    QCoreApplication.processEvents()
    return painted


def _searched_through(view, text: str, painted: _Painted | None = None) -> float:
    """A search typed into the view, until its first page is painted: by the window's own
    repaint (`painted`: the view is shown and its table's viewport watched), else by
    re-rendering the whole view into a picture (grab(): the header and both scroll bars
    too, which the window does not repaint after a search)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    loop = QEventLoop()
    view.search_shown.connect(loop.quit)
    QTimer.singleShot(5000, loop.quit)
    if painted is not None:
        painted.spy.seen = False
    started = time.perf_counter()
    view.start_search(text)
    loop.exec()
    if painted is None:
        view.grab()
    else:
        deadline = started + 5
        while not painted.spy.seen and time.perf_counter() < deadline:
            QCoreApplication.processEvents()
    took = time.perf_counter() - started
    view.search_shown.disconnect(loop.quit)
    view.start_search("")  # back to every row, as between a seller's searches
    loop = QEventLoop()
    view.search_shown.connect(loop.quit)
    QTimer.singleShot(5000, loop.quit)
    loop.exec()
    view.search_shown.disconnect(loop.quit)
    # A seller's pause before the next search: the whole list's count lands and is
    # painted (else it landed during the next search and its repaint was timed with it).
    deadline = time.perf_counter() + 5
    while not view.model.count_known() and time.perf_counter() < deadline:
        QCoreApplication.processEvents()
    if painted is not None:
        painted.spy.seen = False
        while not painted.spy.seen and time.perf_counter() < deadline:
            QCoreApplication.processEvents()
    QCoreApplication.processEvents()
    return took


def _both_ways(view, table, runs: int, queries) -> tuple[dict, dict]:
    """Each query searched through the view: painted by the window, and grab()bed."""
    found, grabbed = {}, {}
    for text in queries:
        grabbed[text] = ms(median_of(runs, lambda t=text: _searched_through(view, t)))
    painted = _shown(view, table)
    for text in queries:
        found[text] = ms(median_of(runs, lambda t=text: _searched_through(view, t, painted)))
    view.hide()
    return found, grabbed


def case_searches(full: Path, runs: int) -> tuple[dict, dict]:
    """The cases view: the first page of a search (case reason, note, the order's title),
    and the raw SQL of that page."""
    from shopdesk.ui.views.cases_view import CasesView

    store = Store.open(full)
    view = CasesView(store)
    view.resize(1000, 700)
    view.grab()

    def raw_query(text: str) -> float:  # the page's query on this thread, nothing painted
        started = time.perf_counter()
        store.cases_page(0, view.first_rows(), text, "recent", True)
        return time.perf_counter() - started

    found, grabbed = _both_ways(view, view.table, runs, CASE_QUERIES)
    limit = {text: ms(median_of(runs, lambda t=text: raw_query(t))) for text in CASE_QUERIES}
    view.stop_searching()
    store.close()
    return found, limit, grabbed


def due_searches(full: Path, runs: int) -> tuple[dict, dict]:
    """The 待办 view: the first page of a search through the view (in the background,
    painted), and the query of that page alone."""
    from shopdesk.store import deadlines_repo
    from shopdesk.ui.views.due_view import DueView

    store = Store.open(full)
    view = DueView(store)
    view.resize(1000, 700)
    view.grab()

    def query_alone(text: str) -> float:
        started = time.perf_counter()
        deadlines_repo.due_page(store, 0, view.records.first_rows(), search=text)
        return time.perf_counter() - started

    found, grabbed = _both_ways(view, view.records.table, runs, DUE_QUERIES)
    limit = {text: ms(median_of(runs, lambda t=text: query_alone(t))) for text in DUE_QUERIES}
    view.stop_searching()
    store.close()
    return found, limit, grabbed


def searches(full: Path, runs: int) -> tuple[dict, dict, dict]:

    from shopdesk.ui.views.orders_view import OrdersView

    raw = sqlite3.connect(full)
    order_no, tracking, nick = raw.execute(
        "SELECT order_no, tracking_no, buyer_nick FROM orders WHERE tracking_no != '' "
        "AND buyer_nick GLOB 'tb[0-9]*' ORDER BY id DESC LIMIT 1 OFFSET 4321"
    ).fetchone()
    (receiver,) = raw.execute(
        "SELECT receiver_name FROM orders WHERE length(receiver_name) = 3 "
        "ORDER BY id LIMIT 1 OFFSET 1234"
    ).fetchone()
    queries = dict(QUERIES)
    queries[receiver] = "receiver name, rare"
    queries[nick] = "nick (Latin + digits)"
    queries[order_no] = "order number"
    queries[tracking] = "tracking number"
    queries[order_no[:8]] = "order number, first 8 digits"

    store = Store.open(full)
    view = OrdersView(store)
    view.resize(1000, 700)
    view.grab()
    columns = Store.ORDER_PAGE_COLUMNS

    def raw_query(text: str) -> float:
        ids, params = recent_ids("order", text, 0, view.first_rows())
        sql = f"SELECT {columns} FROM orders WHERE id IN ({ids}) ORDER BY id DESC"
        started = time.perf_counter()
        raw.execute(sql, params).fetchall()
        return time.perf_counter() - started

    found, grabbed = _both_ways(view, view.table, runs, queries)
    limit = {text: ms(median_of(runs, lambda t=text: raw_query(t))) for text in queries}
    counts = {text: store.count_orders(text) for text in queries}
    view.stop_searching()
    store.close()
    raw.close()
    return found, limit, {"labels": queries, "counts": counts, "grab_ms": grabbed}


def due_list(full: Path, runs: int) -> dict:
    """The 待办 list's queries (store/deadlines_repo.py): what its view pages through."""
    from shopdesk.store import deadlines_repo

    def timed(action: Callable[[Store], object]) -> Callable[[], float]:
        def measure() -> float:
            with Store.open(full) as store:
                started = time.perf_counter()
                action(store)
                return time.perf_counter() - started

        return measure

    return {
        "due_first_page_ms": ms(
            median_of(runs, timed(lambda s: deadlines_repo.due_page(s, 0, 200)))
        ),
        "due_last_page_ms": ms(
            median_of(runs, timed(lambda s: deadlines_repo.due_page(s, 0, 200, descending=True)))
        ),
        "due_count_ms": ms(median_of(runs, timed(lambda s: deadlines_repo.count_due(s)))),
        "due_search_ms": ms(
            median_of(runs, timed(lambda s: deadlines_repo.due_page(s, 0, 200, search="耳机")))
        ),
    }


def countdown(full: Path, small: Path, ticks: int) -> dict:
    """1,000 refreshes of the visible rows of the open cases list (dataChanged + repaint)."""
    from shopdesk.ui.tables.table_model import PagedTableModel
    from shopdesk.ui.tables.table_view import RecordTable
    from shopdesk.ui.views.cases_view import case_columns

    def total(path: Path) -> tuple[float, int]:
        store = Store.open(path)
        model = PagedTableModel(
            case_columns(),
            lambda search: store.count_cases(search, open_only=True),
            lambda offset, limit, search, sort, desc: store.cases_page(
                offset, limit, search, sort, desc, open_only=True
            ),
            default_sort="next_due",
        )
        view = RecordTable(model, [80] * 8)
        view.resize(1000, 700)
        view.show()
        view.grab()
        started = time.perf_counter()
        for _ in range(ticks):
            first, last = view.visible_rows()
            model.refresh_rows(first, last)
            view.table.viewport().repaint()
        took = time.perf_counter() - started
        rows = model.rowCount()
        view.close()
        store.close()
        return took, rows

    total(small)  # warm up fonts and code paths
    small_runs, full_runs = [], []
    for _ in range(5):  # alternate, so a busy moment of the machine hits both
        small_ms, small_rows = total(small)
        full_ms, full_rows = total(full)
        small_runs.append(small_ms)
        full_runs.append(full_ms)
    small_ms, full_ms = statistics.median(small_runs), statistics.median(full_runs)
    return {
        "tick_ms_100": ms(small_ms),
        "tick_ms_full": ms(full_ms),
        "tick_open_cases_small": small_rows,
        "tick_open_cases_full": full_rows,
    }


# -- the table -----------------------------------------------------------------------------


def row(name: str, value: str, limit: str, target: str, ok: bool | None) -> str:
    mark = "" if ok is None else ("ok" if ok else "MISSED")
    return f"| {name} | {value} | {limit} | {target} | {mark} |"


def _against_raw(took: float, raw: float | None, name: str = "raw SQL") -> str:
    if raw is None:
        return ""
    return f"{name} {raw} ms ({took / raw:.0f} x)" if raw else f"{name} {raw} ms"


def _grabbed(f: dict, key: str, text: str) -> str:
    took = f.get(f"{key}_grab_ms", {}).get(text)
    return "" if took is None else f"; whole view re-rendered (grab) {took} ms"


def table(f: dict) -> str:
    lines = [
        f"ShopDesk benchmark: {f['orders']:,} orders, {f['cases']:,} cases; "
        f"{f['cores']} CPU cores; SQLite {sqlite3.sqlite_version}; medians",
        "",
        "| measure | value | limit (same run) | target | |",
        "|---|---|---|---|---|",
    ]
    ratio = f["startup_s_full"] / f["startup_s_empty"]
    lines.append(
        row(
            "start-up to first painted window, full store",
            f"{f['startup_s_full']:.3f} s",
            f"empty store {f['startup_s_empty']:.3f} s; bare QMainWindow "
            f"{f['startup_s_bare_qt']:.3f} s",
            "<= 1.2 x empty",
            ratio <= 1.2,
        )
    )
    bare = f["startup_s_full"] / f["startup_s_bare_qt"]
    lines.append(
        row(
            "start-up, full store, against a bare QMainWindow",
            f"{bare:.1f} x",
            f"bare QMainWindow {f['startup_s_bare_qt']:.3f} s",
            "<= 2.5 x bare",
            bare <= 2.5,
        )
    )
    lines.append(
        row(
            "orders view first paint",
            f"{f['view_first_paint_ms']} ms",
            "",
            "<= 150 ms",
            f["view_first_paint_ms"] <= 150,
        )
    )
    lines.append(
        row(
            "jump to last row",
            f"{f['view_jump_end_ms']} ms",
            "",
            "<= 100 ms",
            f["view_jump_end_ms"] <= 100,
        )
    )
    lines.append(row("random jump", f"{f['view_random_jump_ms']} ms", "", "", None))
    lines.append(
        row(
            "sort by next deadline",
            f"{f['sort_deadline_ms']} ms",
            "",
            "<= 200 ms",
            f["sort_deadline_ms"] <= 200,
        )
    )
    lines.append(
        row("sort by next deadline, then last row", f"{f['sort_deadline_end_ms']} ms", "", "", None)
    )
    for text, took in f["search_ms"].items():
        label = f["search_info"]["labels"][text]
        count = f["search_info"]["counts"][text]
        lines.append(
            row(
                f"search “{text}” ({label}; {count:,} found)",
                f"{took} ms",
                _against_raw(took, f["search_raw_ms"][text]) + _grabbed(f, "search", text),
                "<= 10 ms",
                took <= 10,
            )
        )
    for text, took in f["case_search_ms"].items():
        raw = f.get("case_search_raw_ms", {}).get(text)
        lines.append(
            row(
                f"cases view: search “{text}”",
                f"{took} ms",
                _against_raw(took, raw) + _grabbed(f, "case_search", text),
                "<= 10 ms",
                took <= 10,
            )
        )
    for text, took in f.get("due_view_search_ms", {}).items():
        lines.append(
            row(
                f"待办 view: search “{text}”",
                f"{took} ms",
                _against_raw(took, f["due_view_search_raw_ms"][text], "page query alone")
                + _grabbed(f, "due_view_search", text),
                "<= 10 ms",
                took <= 10,
            )
        )
    lines.append(
        row(
            "待办 list (seller): first page / last page / count",
            f"{f['due_first_page_ms']} / {f['due_last_page_ms']} / {f['due_count_ms']} ms",
            "",
            "",
            None,
        )
    )
    lines.append(
        row(
            "待办 list: first page of “耳机”",
            f"{f['due_search_ms']} ms",
            "",
            "<= 10 ms",
            f["due_search_ms"] <= 10,
        )
    )
    if "case_click_ms" in f:
        from case_click_bench import rows as case_click_rows

        lines.extend(case_click_rows(f, row))
    lines.append(
        row(
            f"countdown: 1,000 refreshes, {f['tick_open_cases_full']:,} open cases",
            f"{f['tick_ms_full']} ms",
            f"{f['tick_open_cases_small']} open cases {f['tick_ms_100']} ms",
            "<= 1.2 x",
            f["tick_ms_full"] <= 1.2 * f["tick_ms_100"],
        )
    )
    if "insights_product_ms" in f:
        from insights_bench import rows as insights_rows

        lines.extend(insights_rows(f, row))
    lines.append(
        row(
            "resident memory, full store",
            f"{f['rss_mb_full']:.0f} MB",
            f"empty store {f['rss_mb_empty']:.0f} MB",
            "<= 1.3 x empty and <= 250 MB",
            f["rss_mb_full"] <= min(1.3 * f["rss_mb_empty"], 250),
        )
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100,000 orders, ends within a minute")
    parser.add_argument("--orders", type=int, help="store size (default 1,000,000)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    orders = args.orders or (100_000 if args.quick else 1_000_000)
    runs = 3 if args.quick else 5
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731

    say(f"store of {orders:,} orders (cached in {OUT}) ...")
    full = generate(orders, log=say)
    small = generate(1_000, log=say)
    empty = Path(_home) / "empty.db"
    Store.open(empty).close()

    from PySide6.QtCore import qInstallMessageHandler

    from shopdesk.ui.app import make_application

    # The offscreen platform says this for every shown window; it is not a finding.
    qInstallMessageHandler(
        lambda _kind, _context, text: (
            None if "propagateSizeHints" in text else print(text, file=sys.stderr)
        )
    )
    make_application("zh-CN")
    figures: dict = {"orders": orders, "cores": os.cpu_count()}
    with Store.open(full) as store:
        figures["cases"] = store.counts()["cases"]
    say("views ...")
    figures.update(views(full, runs))
    say("searches ...")
    figures["search_ms"], figures["search_raw_ms"], figures["search_info"] = searches(full, runs)
    figures["search_grab_ms"] = figures["search_info"].pop("grab_ms")
    (
        figures["case_search_ms"],
        figures["case_search_raw_ms"],
        figures["case_search_grab_ms"],
    ) = case_searches(full, runs)
    (
        figures["due_view_search_ms"],
        figures["due_view_search_raw_ms"],
        figures["due_view_search_grab_ms"],
    ) = due_searches(full, runs)
    figures.update(due_list(full, runs))
    say("case click ...")
    from case_click_bench import figures as case_click_figures

    figures.update(case_click_figures(full, runs))
    say("countdown ...")
    figures.update(countdown(full, small, 1_000))
    say("分析 (insights) ...")
    from insights_bench import figures as insights_figures

    figures.update(insights_figures(full, runs))
    say("start-up and memory (fresh processes) ...")
    found = startup(full, empty, runs + 2)  # the noisiest figure: a few more runs
    figures.update(
        startup_s_bare_qt=round(found["bare"], 3),
        startup_s_empty=round(found["empty"], 3),
        startup_s_full=round(found["full"], 3),
        rss_mb_empty=round(found["rss_e"], 1),
        rss_mb_full=round(found["rss_f"], 1),
    )
    print(table(figures))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
