"""模板: list, search, duplicate a built-in, edit with a live counter, delete,
import and export."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

import shopdesk.ui.views.templates_view  # noqa: F401
from shopdesk.store import templates_repo
from shopdesk.templates.suggest import rank
from shopdesk.ui.main_window import MainWindow
from shopdesk.ui.views.templates_view import TemplatesView


@pytest.fixture
def view(qtbot, store):
    view = TemplatesView(store)
    qtbot.addWidget(view)
    return view


def titles(view):
    return [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]


def test_the_main_window_has_the_view(qtbot, demo_store):
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    assert "templates" in window.view_keys()
    window.show_view("templates")
    window.search.setText("丢件")
    qtbot.waitUntil(lambda: window.view("templates").tree.topLevelItemCount() == 1)
    window.external_writes.stop()  # its store closes with the test; its data_version timer must not outlive it


def test_built_ins_are_listed_read_only(view):
    assert len(titles(view)) == len(templates_repo.builtin_templates())
    assert view.current.builtin
    assert view.body.isReadOnly()
    assert not view.buttons["save"].isEnabled() and not view.buttons["delete"].isEnabled()
    view.set_search("代收")
    assert titles(view) == ["显示签收但没收到"]
    view.set_search("")


def test_duplicate_edit_save_and_delete(view, store):
    view.select("review_explanation")
    assert view.counter.text().endswith("/ 500 字")
    copy = view.duplicate_current()
    assert view.current.id == copy.id and not view.body.isReadOnly()
    assert titles(view)[0] == "差评公开解释（500字以内）"  # own templates first
    view.body.setPlainText("谢" * 501)
    assert view.counter.text() == "501 / 500 字"
    view.body.setPlainText("感谢评价，{shop_name}会继续改进。")
    view.body.moveCursor(QTextCursor.MoveOperation.End)  # the seller clicks at the end
    view.variables.activated.emit(view.variables.findData("order_no"))
    assert "{order_no}" in view.body.toPlainText()
    view.title.setText("差评解释·本店版")
    view.save_current()
    stored = templates_repo.get_template(store, copy.id)
    assert stored.title() == "差评解释·本店版" and stored.limit_chars == 500
    assert stored.text().body.startswith("感谢评价，{shop_name}会继续改进。")
    view.delete_current()
    assert templates_repo.own_templates(store) == []
    assert len(titles(view)) == len(templates_repo.builtin_templates())


def test_new_template_is_editable_and_tagged_where_it_fits(view, store):
    made = view.new_template()
    assert view.current.id == made.id and view.buttons["save"].isEnabled()
    assert view.kind_list.isEnabled() and view.checked(view.kind_list) == []
    for widget, value in ((view.kind_list, "bad_review"), (view.stage_list, "resolved")):
        row = [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())]
        widget.item(row.index(value)).setCheckState(Qt.CheckState.Checked)
    view.body.setPlainText("亲，问题已经解决了，感谢您的耐心。")
    view.save_current()
    stored = templates_repo.get_template(store, made.id)
    assert stored.kinds == ("bad_review",) and stored.stages == ("resolved",)
    # the case panel now offers it for a solved bad review, and not for a refund
    ranked = rank(templates_repo.all_templates(store), "bad_review", None, "resolved")
    assert made.id in [s.template.id for s in ranked if s.fits]
    ranked = rank(templates_repo.all_templates(store), "refund_shipped", None, "opening")
    assert made.id not in [s.template.id for s in ranked if s.fits]


def test_built_in_tags_are_shown_but_locked(view):
    view.select("parcel_lost")
    assert not view.kind_list.isEnabled()
    assert set(view.checked(view.kind_list)) == {"refund_shipped", "reship"}


def test_import_and_export(view, store, tmp_path):
    phrases = tmp_path / "快捷短语.csv"
    phrases.write_bytes("标题,快捷短语\n催发货,亲，已经在安排发货了\n".encode("gb18030"))
    saved = view.import_file(phrases)
    assert [t.title() for t in saved] == ["催发货"] and view.current.id == saved[0].id
    out = tmp_path / "mine.json"
    assert view.export_file(out) == 1
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["templates"][0]["texts"]["zh-CN"]["body"] == "亲，已经在安排发货了"


def test_exporting_over_the_store_itself_is_refused(view, store, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    before = store.counts()
    assert view.export_file(store.path) == 0
    assert len(warned) == 1 and "店铺数据文件本身" in warned[0]
    assert store.counts() == before and store.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
