"""Views refresh from Changes: after a write, only the views that show what changed
re-read, whether the write was the window's own or the command line's beside it (noticed
through SQLite's data_version)."""

from __future__ import annotations

import json

from shopdesk.services.changes import ALL, NOTHING, Changes
from shopdesk.ui.main_window import MainWindow
from tests.e2e.window_process import shopdesk


def make_window(qtbot, store) -> MainWindow:
    window = MainWindow(store, with_tray=False)
    qtbot.addWidget(window)
    window.external_writes.stop()  # the test looks itself, as the timer would
    return window


def counts(window) -> dict[str, int]:
    return dict(window.dispatcher.refreshes)


def test_nothing_written_costs_one_pragma_and_refreshes_nothing(qtbot, demo_store):
    window = make_window(qtbot, demo_store)
    watch = window.external_writes
    looks = watch.looks
    assert watch.check() is NOTHING and watch.check() is NOTHING
    assert watch.looks == looks  # data_version did not move: nothing else was read
    assert counts(window) == {}


def test_a_template_imported_by_the_command_line_refreshes_only_the_templates_view(
    qtbot, demo_store, tmp_path
):
    window = make_window(qtbot, demo_store)
    shown = window.templates_view.tree.topLevelItemCount()
    phrases = tmp_path / "快捷短语.csv"
    phrases.write_bytes("分组,快捷编码,快捷短语\n售后,tk,亲，退款已处理\n".encode("gb18030"))
    done = shopdesk("templates", "import", str(phrases), "--db", str(demo_store.path), "--json")
    assert json.loads(done.stdout)["imported"] == 1, done.stderr
    changes = window.external_writes.check()
    assert changes.templates and not (changes.orders or changes.cases)
    assert counts(window) == {"templates": 1}
    assert window.templates_view.tree.topLevelItemCount() == shown + 1


def test_an_order_shipped_by_the_command_line_refreshes_the_order_views_not_templates(
    qtbot, demo_store
):
    window = make_window(qtbot, demo_store)
    order = next(o for o in demo_store.list_orders() if o.state == "paid")
    window.show_order(order.id)
    done = shopdesk(
        "order", "ship", order.order_no, "--db", str(demo_store.path),
        "--tracking", "75312345678901", "--courier", "中通快递",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    changes = window.external_writes.check()
    assert order.id in changes.orders and changes.orders is not ALL
    refreshed = counts(window)
    assert refreshed.get("orders") == 1 and refreshed.get("due") == 1
    assert refreshed.get("order_panel") == 1  # the order on the right shows its courier
    assert "templates" not in refreshed and "case_panel" not in refreshed
    assert window.external_writes.check() is NOTHING  # seen once


def test_the_windows_own_action_refreshes_only_what_it_changed(qtbot, demo_store):
    window = make_window(qtbot, demo_store)
    case = demo_store.list_cases()[0]
    window.show_case(case.id)
    window.set_cause(case.id, "courier_slow")
    assert counts(window) == {
        "cases": 1,
        "due": 1,
        "insights": 1,
        "product_alerts": 1,
        "case_panel": 1,
        "status": 1,
    }
    assert "orders" not in counts(window) and "templates" not in counts(window)


def test_merged_changes_and_any():
    one = Changes.of(orders=[1])
    both = one | Changes.of(cases=[2], templates=True)
    assert both.orders == {1} and both.cases == {2} and both.templates
    assert not NOTHING.any() and both.any()
    assert (one | Changes.everything()).orders is ALL
    assert 7 in Changes.everything().cases
