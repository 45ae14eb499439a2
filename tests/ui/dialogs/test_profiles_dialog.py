"""设置 → 证据提交限制 in the window: each destination's limits and where they come from;
a conservative one edited there is what the 证据 tab's budget and the packager both count
by (one budget function, package.images_for, over the same Profile)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from shopdesk.domain.messages import say
from shopdesk.evidence import profile_limits
from shopdesk.evidence.from_store import pack_case
from shopdesk.store import evidence_repo
from shopdesk.ui.dialogs.profiles_dialog import ProfilesDialog
from shopdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_store):
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    yield window
    window.external_writes.stop()


def douyin_case(store, folder: Path, photos: int) -> int:
    shop = store.add_shop("抖店·小满家居", platform="douyin")
    order = store.save_order(
        {"platform": "douyin", "order_no": "6921234567890123456", "shop_id": shop.id}
    )
    case = store.add_case(order.id, "refund_shipped", "2026-11-20T02:00:00Z", refund_fen=12900)
    for number in range(1, photos + 1):
        image = QImage(900, 1200, QImage.Format.Format_RGB32)
        image.fill(QColor(200, 120 + number * 10, 90))
        path = folder / f"照片{number}.png"
        assert image.save(str(path))
        evidence_repo.add_file(store, case.id, path, "photo")
    return case.id


def dialog_for(window, qtbot, profile_id: str) -> ProfilesDialog:
    dialog = ProfilesDialog(window.store, window, profile_id)
    qtbot.addWidget(dialog)
    dialog.changed.connect(window.apply_changes)  # as 设置 → 证据提交限制… does
    return dialog


def test_the_settings_menu_opens_the_limits(window):
    titles = [a.text() for a in window.menu("settings").actions()]
    assert "证据提交限制…" in titles


def test_the_dialog_shows_the_limits_and_their_source(window, qtbot):
    dialog = dialog_for(window, qtbot, "jd-appeal")
    assert dialog.current_profile().id == "jd-appeal"
    assert dialog.name.text() == "京东纠纷单举证（保守设置）"
    assert dialog.summary.text() == "保守设置：5 张图片，每张 3 MB，JPEG，陈述 200 字以内"
    assert "platforms/jd.md" in dialog.source.text() and "保守设置" in dialog.source.text()
    assert dialog.count.value() == 5 and dialog.image_size.value() == 3.0
    assert [f for f, box in dialog.formats.items() if box.isChecked()] == ["jpg"]
    assert dialog.text_limit.value() == 200 and not dialog.reset_button.isEnabled()
    # a destination from the facts names its page and confidence
    rows = {
        dialog.list.item(r).data(Qt.ItemDataRole.UserRole): r for r in range(dialog.list.count())
    }
    dialog.list.setCurrentRow(rows["taobao-refuse"])
    assert dialog.summary.text() == "1 张图片，每张 130 KB，JPEG/PNG/GIF，陈述 200 字以内"
    assert "RULES.md" in dialog.source.text() and "可信度：高" in dialog.source.text()
    # every platform's forms are listed under the platform's name
    headings = [
        dialog.list.item(r).text() for r in range(dialog.list.count()) if r not in rows.values()
    ]
    assert headings[:4] == ["淘宝/天猫", "拼多多", "京东", "抖店"]


def test_an_edited_conservative_profile_is_what_the_budget_and_the_packager_count_by(
    window, qtbot, tmp_path
):
    store = window.store
    case_id = douyin_case(store, tmp_path, 3)
    window.show_case(case_id)
    panel = window.evidence_panel
    assert panel.profile.currentData() == "douyin-appeal"  # a Douyin case: Douyin's form
    figures = panel.budget_figures()
    assert (figures["files"], figures["max_files"]) == (3, 5) and "超出" not in panel.budget.text()
    assert pack_case(store.path, case_id, panel.selected_profile(), tmp_path / "a").plan.fits

    dialog = dialog_for(window, qtbot, "douyin-appeal")
    dialog.count.setValue(2)
    dialog.image_size.setValue(1.5)
    assert dialog.save()
    assert dialog.summary.text() == "已按你的设置修改：2 张图片，每张 1.5 MB，JPEG，陈述 200 字以内"
    assert dialog.reset_button.isEnabled()
    assert profile_limits.edited(store)["douyin-appeal"].max_count == 2  # the store's settings

    # the panel re-read its destinations: the same one still chosen, with the new limits
    assert panel.profile.currentData() == "douyin-appeal"
    profile = panel.selected_profile()
    assert (profile.max_count, profile.max_bytes) == (2, 1_500_000)
    figures = panel.budget_figures()
    assert (figures["files"], figures["max_files"]) == (3, 2)
    assert "超出：图片数" in panel.budget.text()
    # ...and the packager refuses what the budget shows over, by the window's profile and
    # by the id alone (the command line's path)
    for chosen in (profile, "douyin-appeal"):
        result = pack_case(store.path, case_id, chosen, tmp_path / "b")
        assert not result.plan.fits and result.package is None
        assert any("最多收 2 张" in say(p) for p in result.plan.problems), result.plan.problems

    dialog.count.setValue(3)
    assert dialog.save()
    assert panel.budget_figures()["max_files"] == 3 and "超出" not in panel.budget.text()
    assert pack_case(store.path, case_id, panel.selected_profile(), tmp_path / "c").plan.fits

    dialog.reset()
    assert panel.selected_profile().max_count == 5 and not profile_limits.edited(store)


def test_limits_no_package_fits_are_refused_in_the_dialog(window, qtbot):
    dialog = dialog_for(window, qtbot, "pdd-refuse")
    for box in dialog.formats.values():
        box.setChecked(False)
    assert not dialog.save()
    assert "至少要选一种图片格式" in dialog.error.text()
    assert profile_limits.edited(window.store) == {}


def test_the_dialog_fits_a_1280x720_screen(window, qtbot, tmp_path):
    dialog = dialog_for(window, qtbot, "douyin-appeal")
    dialog.show()
    assert dialog.width() <= 1280 and dialog.height() <= 720
    assert dialog.minimumSizeHint().width() <= 1280 and dialog.minimumSizeHint().height() <= 720
    for label in (dialog.summary, dialog.source, dialog.note):
        assert label.width() >= label.minimumSizeHint().width()
    assert dialog.grab().save(str(tmp_path / "profiles-dialog.png"))


def test_a_case_opens_on_a_destination_of_its_platform(window, demo_store, tmp_path):
    panel = window.evidence_panel
    taobao = next(c for c in demo_store.list_cases() if c.platform == "taobao")
    window.show_case(taobao.id)
    assert panel.profile.currentData() == "taobao-refund"
    douyin = douyin_case(demo_store, tmp_path, 0)
    window.show_case(douyin)
    assert panel.profile.currentData() == "douyin-appeal"
    panel.profile.setCurrentIndex(panel.profile.findData("douyin-refuse"))
    window.show_case(taobao.id)  # another platform's form does not follow to Taobao
    assert panel.profile.currentData() == "taobao-refund"
    panel.profile.setCurrentIndex(panel.profile.findData("courier-claim-pdf"))
    window.show_case(douyin)  # a shared destination the seller chose stays
    assert panel.profile.currentData() == "courier-claim-pdf"
