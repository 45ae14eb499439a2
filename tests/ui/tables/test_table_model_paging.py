"""The orders and cases tables at 10,000 rows: Qt's model checks, the last rows read
from the other end, and a search typed letter by letter ending on the right rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from shopdesk.store.store import Store
from shopdesk.ui.views.cases_view import CasesView
from shopdesk.ui.views.orders_view import OrdersView

TITLES = ["无线蓝牙耳机 降噪运动款", "蓝色马克杯", "家用保温杯 大容量", "珊瑚绒四件套"]


@pytest.fixture(scope="module")
def big_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.db"
    with Store.open(path) as store:
        _fill(store)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def big_store(tmp_path, big_template):
    target = tmp_path / "big.db"
    target.write_bytes(big_template.read_bytes())
    with Store.open(target) as store:
        yield store


def _fill(store: Store) -> None:
    shop = store.default_shop().id
    with store.transaction():
        store.db.conn.executemany(
            "INSERT INTO orders (shop_id, platform, order_no, buyer_nick, item_titles, "
            "paid_fen, paid_at, next_due_at, updated_at) VALUES (?, 'taobao', ?, ?, ?, ?, ?, ?, '')",
            [
                (
                    shop,
                    f"36{n:017d}",
                    f"买家{n % 97}",
                    TITLES[n % len(TITLES)],
                    n * 7 % 1000,
                    f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}T{n % 24:02d}:00:00Z",
                    None if n % 3 else f"2026-12-{n % 28 + 1:02d}T00:00:00Z",
                )
                for n in range(1, 10_001)
            ],
        )
        store.db.conn.executemany(
            "INSERT INTO cases (order_id, kind, state, reason, opened_at, created_at, "
            "updated_at) VALUES (?, 'return_refund', 'awaiting_seller', '商品破损', ?, '', '')",
            [(n, f"2026-11-{n % 28 + 1:02d}T00:00:00Z") for n in range(1, 10_001)],
        )


def test_orders_model_passes_the_model_tester_at_10000_rows(qtbot, qtmodeltester, big_store):
    view = OrdersView(big_store)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 10_000
    qtmodeltester.check(view.model)


def test_cases_model_passes_the_model_tester_at_10000_rows(qtbot, qtmodeltester, big_store):
    view = CasesView(big_store)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 10_000
    qtmodeltester.check(view.model)


def test_the_last_rows_are_the_same_read_from_either_end(qtbot, big_store):
    view = OrdersView(big_store)
    qtbot.addWidget(view)
    model = view.model
    column = [c.sort_key for c in model.columns].index("paid_at")
    model.sort(column, Qt.SortOrder.DescendingOrder)
    tail = [model.row(n)["id"] for n in range(9_990, 10_000)]
    forward = big_store.orders_page(9_990, 10, None, "paid_at", True)
    assert tail == [row["id"] for row in forward]
    assert model.row(9_999)["paid_at"] == min(
        r[0] for r in big_store.db.execute("SELECT paid_at FROM orders")
    )


def test_a_search_typed_letter_by_letter_ends_on_the_right_rows(qtbot, big_store):
    from shopdesk.ui.main_window import MainWindow

    window = MainWindow(big_store)
    qtbot.addWidget(window)
    window.show_view("orders")
    view = window.orders_view
    for typed in ["蓝", "蓝牙", "蓝牙耳", "蓝牙耳机"]:
        window.search.setText(typed)
        view.start_search(typed)  # as the debounce timer would, without waiting for it
    qtbot.waitUntil(
        lambda: (
            view.model.search_text() == "蓝牙耳机"
            and view.model.rowCount() == big_store.count_orders("蓝牙耳机")
        )
    )
    rows = [view.model.row(n) for n in range(view.model.rowCount())]
    assert len(rows) == 2_500
    assert {row["item_titles"] for row in rows} == {TITLES[0]}
    ids = [row["id"] for row in rows]  # newest first, also on pages read from the end
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 2_500
    window.search.setText("")
    qtbot.waitUntil(lambda: view.model.search_text() is None and view.model.rowCount() == 10_000)
    view.stop_searching()


def test_search_results_come_newest_first_until_sorted_by_a_column(qtbot, big_store):
    view = CasesView(big_store)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.search_shown):
        view.start_search("破损")
    assert view.model.row(0)["id"] == 10_000
    qtbot.waitUntil(lambda: view.model.rowCount() == 10_000)
    view.stop_searching()


def test_a_search_shows_a_screens_rows_first_then_the_rest_as_scrolled_to(
    qtbot, qtmodeltester, big_store
):
    view = OrdersView(big_store)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    with qtbot.waitSignal(view.search_shown):
        view.start_search("蓝牙耳机")
    model = view.model
    first = model.rowCount()
    on_screen = view.visible_rows()[1] + 1
    assert on_screen < first < model.PAGE_SIZE  # the screen and a scroll, not a whole page
    wanted = [row["id"] for row in big_store.orders_page(0, 300, "蓝牙耳机", "recent", True)]
    assert [model.row(n)["id"] for n in range(first)] == wanted[:first]
    qtbot.waitUntil(lambda: model.rowCount() == 2_500)  # counted once painted
    qtmodeltester.check(model)
    view.table.scrollTo(model.index(250, 0))  # past the first rows and the first page
    assert [model.row(n)["id"] for n in range(300)] == wanted
    view.stop_searching()
