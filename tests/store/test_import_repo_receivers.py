"""A receiver an export masks or leaves out never replaces the full one the store knows
(FORMATS.md; platforms/jd.md, Masking; pdd.md (c); douyin.md (c)): JD's 模糊号 / masked
names and addresses / 无需导出收货人信息, Pinduoduo's older template masked and its 2023
layout without receiver columns (省市区街道 only), 抖店's `王**` / `1********35` /
`文一西路****号`. A full receiver fills in a masked one, whatever the export's age; an order
whose only difference is its masked receiver is counted unchanged."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from shopdesk.store.import_repo import import_files
from shopdesk.store.store import Store
from tests.douyin_fixtures import LAYOUT_B, douyin_line, order_export_name, write_douyin_orders
from tests.jd_fixtures import JD_48, JD_NO_RECEIVER, JD_RECEIVERS, jd_order, write_jd_orders
from tests.pdd_fixtures import PDD_2023, PDD_OLD, pdd_order, write_pdd_orders

JD_NO = "11729384072"
JD_FULL = ("王冬阳", "13767111772", "江西南昌市青山湖区昌东工业区恒源科技园1栋")
PDD_NO = "240613-861787953171000"
PDD_FULL_CELLS = {"收货人": "王小明", "手机": "13800001234", "详细地址": "文一西路 88 号"}
PDD_FULL = ("王小明", "13800001234", "浙江省杭州市西湖区文新街道文一西路 88 号")
DOUYIN_NO = "6917546239482019245"
DOUYIN_FULL_CELLS = {"收件人": "王冬阳", "收件人手机号": "13767111735", "详细地址": "文一西路969号"}
DOUYIN_FULL = ("王冬阳", "13767111735", "浙江省杭州市西湖区文新街道文一西路969号")


def receiver(store: Store, platform: str, order_no: str) -> tuple[str, str, str]:
    found = store.find_order(platform, order_no)
    return found.receiver_name, found.receiver_phone, found.receiver_address


def counts(report) -> list[tuple[int, int, int]]:
    return [(f.added, f.updated, f.unchanged) for f in report.files]


# -- JD --------------------------------------------------------------------------------

# 模糊号 and a masked name, a masked name and address, 无需导出收货人信息 (empty cells), the
# 2026 模糊号 form, full-width stars
JD_MASKED = {
    "vague-phone-and-name": JD_RECEIVERS[2],
    "name-and-address": JD_RECEIVERS[3],
    "not-exported-empty": JD_RECEIVERS[4],
    "vague-phone-2026": {"联系电话": "1******6198"},
    "full-width-stars": {"客户姓名": "王＊阳", "联系电话": "137＊＊＊＊1772"},
}


@pytest.mark.parametrize("masked", JD_MASKED.values(), ids=JD_MASKED.keys())
def test_jd_a_masked_export_after_a_full_one_keeps_the_full_receiver(
    store: Store, tmp_path: Path, now, masked: dict[str, str]
) -> None:
    full = write_jd_orders(tmp_path / "a.csv", [jd_order(JD_NO)])
    assert counts(import_files(store, [full], now=now)) == [(1, 0, 0)]
    later = write_jd_orders(tmp_path / "b.csv", [jd_order(JD_NO, **masked)])
    report = import_files(store, [later], now=now + timedelta(hours=1))
    assert counts(report) == [(0, 0, 1)]  # only the receiver differs: nothing new
    assert receiver(store, "jd", JD_NO) == JD_FULL
    shipped = write_jd_orders(
        tmp_path / "c.csv", [jd_order(JD_NO, 订单状态="等待确认收货", **masked)], JD_48
    )
    report = import_files(store, [shipped], now=now + timedelta(hours=2))
    assert counts(report) == [(0, 1, 0)]
    assert store.find_order("jd", JD_NO).status == "等待确认收货"
    assert receiver(store, "jd", JD_NO) == JD_FULL


def test_jd_both_exports_in_one_import_keep_the_full_receiver(
    store: Store, tmp_path: Path, now
) -> None:
    """In one import the files apply in export order; the masked one coming second or
    first, the full receiver is what stays."""
    full = write_jd_orders(tmp_path / "a.csv", [jd_order(JD_NO)])
    masked = write_jd_orders(tmp_path / "b.csv", [jd_order(JD_NO, **JD_RECEIVERS[2])])
    import_files(store, [full, masked], now=now)
    assert receiver(store, "jd", JD_NO) == JD_FULL
    other = tmp_path / "other"
    other.mkdir()
    with Store.open(other / "store.db") as second:
        import_files(second, [masked, full], now=now)
        assert receiver(second, "jd", JD_NO) == JD_FULL


def test_jd_a_file_without_the_receiver_columns_keeps_the_known_one(
    store: Store, tmp_path: Path, now
) -> None:
    import_files(store, [write_jd_orders(tmp_path / "a.csv", [jd_order(JD_NO)])], now=now)
    later = write_jd_orders(tmp_path / "b.csv", [jd_order(JD_NO)], JD_NO_RECEIVER)
    report = import_files(store, [later], now=now + timedelta(hours=1))
    assert counts(report) == [(0, 0, 1)]
    assert receiver(store, "jd", JD_NO) == JD_FULL


def test_jd_a_full_receiver_fills_in_a_masked_one_whatever_the_exports_age(
    store: Store, tmp_path: Path, now
) -> None:
    masked = write_jd_orders(tmp_path / "b.csv", [jd_order(JD_NO, **JD_RECEIVERS[2])])
    import_files(store, [masked], now=now)
    assert receiver(store, "jd", JD_NO)[:2] == ("王*阳", "137****1772")
    # exported before the masked file (its stamp older), still the better receiver
    full = write_jd_orders(tmp_path / "a.csv", [jd_order(JD_NO)])
    report = import_files(store, [full], now=now - timedelta(days=1))
    assert counts(report) == [(0, 1, 0)]
    assert receiver(store, "jd", JD_NO) == JD_FULL


def test_jd_a_new_full_receiver_replaces_an_older_full_one(
    store: Store, tmp_path: Path, now
) -> None:
    """The rule is about masks only: a receiver the buyer changed, exported in full,
    replaces the old one as any newer value does."""
    import_files(store, [write_jd_orders(tmp_path / "a.csv", [jd_order(JD_NO)])], now=now)
    moved = {
        "客户姓名": "李雪",
        "联系电话": "13912345678",
        "客户地址": "江西南昌市东湖区八一大道1号",
    }
    later = write_jd_orders(tmp_path / "b.csv", [jd_order(JD_NO, **moved)])
    report = import_files(store, [later], now=now + timedelta(hours=1))
    assert counts(report) == [(0, 1, 0)]
    assert receiver(store, "jd", JD_NO) == ("李雪", "13912345678", "江西南昌市东湖区八一大道1号")


# -- Pinduoduo -------------------------------------------------------------------------

PDD_MASKED = {
    "masked": {
        "收货人": "王*明",
        "手机": "138****1234",
        "详细地址": "文一西路****",
    },
    "empty-cells": {"收货人": "", "手机": "", "详细地址": ""},
}


@pytest.mark.parametrize("masked", PDD_MASKED.values(), ids=PDD_MASKED.keys())
def test_pdd_a_masked_older_template_after_a_full_one_keeps_the_full_receiver(
    store: Store, tmp_path: Path, now, masked: dict[str, str]
) -> None:
    full = write_pdd_orders(tmp_path / "a.csv", [pdd_order(PDD_NO, **PDD_FULL_CELLS)], PDD_OLD)
    import_files(store, [full], now=now)
    assert receiver(store, "pdd", PDD_NO) == PDD_FULL
    later = write_pdd_orders(tmp_path / "b.csv", [pdd_order(PDD_NO, **masked)], PDD_OLD)
    report = import_files(store, [later], now=now + timedelta(hours=1))
    assert counts(report) == [(0, 0, 1)]
    assert receiver(store, "pdd", PDD_NO) == PDD_FULL


def test_pdd_the_2023_layout_keeps_the_receiver_and_street_known_from_before(
    store: Store, tmp_path: Path, now
) -> None:
    """The 2023 layout has no receiver name, phone or house number, only 省/市/区/街道
    (pdd.md (c)): the region it gives is the start of the known address and says less."""
    full = write_pdd_orders(tmp_path / "a.csv", [pdd_order(PDD_NO, **PDD_FULL_CELLS)], PDD_OLD)
    import_files(store, [full], now=now)
    later = write_pdd_orders(tmp_path / "b.csv", [pdd_order(PDD_NO)], PDD_2023)
    report = import_files(store, [later], now=now + timedelta(hours=1))
    assert counts(report) == [(0, 0, 1)]
    assert receiver(store, "pdd", PDD_NO) == PDD_FULL
    # an order known only from the 2023 layout is filled in by an older full export
    other = "240613-861787953171001"
    import_files(store, [write_pdd_orders(tmp_path / "c.csv", [pdd_order(other)])], now=now)
    assert receiver(store, "pdd", other) == ("", "", "浙江省杭州市西湖区文新街道")
    older = write_pdd_orders(tmp_path / "d.csv", [pdd_order(other, **PDD_FULL_CELLS)], PDD_OLD)
    report = import_files(store, [older], now=now - timedelta(days=1))
    assert counts(report) == [(0, 1, 0)]
    assert receiver(store, "pdd", other) == PDD_FULL


# -- Douyin ----------------------------------------------------------------------------


@pytest.mark.parametrize("header", [None, LAYOUT_B], ids=["layout-A", "layout-B"])
def test_douyin_a_masked_export_after_a_full_receiver_keeps_it(
    store: Store, tmp_path: Path, now, header
) -> None:
    """抖店 masks 收件人 / 收件人手机号 / 详细地址 (douyin.md (c)); the full receiver here is
    one the seller got in clear (decrypted in 抖店 and exported): the next masked export
    leaves it, and an order that changed beside it is still updated."""
    layout = {"header": header} if header else {}
    full = write_douyin_orders(
        tmp_path / order_export_name(1795826400),
        [douyin_line(DOUYIN_NO, **DOUYIN_FULL_CELLS)],
        **layout,
    )
    import_files(store, [full], now=now)
    assert receiver(store, "douyin", DOUYIN_NO) == DOUYIN_FULL
    masked = write_douyin_orders(
        tmp_path / order_export_name(1795830000), [douyin_line(DOUYIN_NO)], **layout
    )
    report = import_files(store, [masked], now=now)
    assert counts(report) == [(0, 0, 1)]
    assert receiver(store, "douyin", DOUYIN_NO) == DOUYIN_FULL
    noted = write_douyin_orders(
        tmp_path / order_export_name(1795833600),
        [douyin_line(DOUYIN_NO, 商家备注="周一发顺丰")],
        **layout,
    )
    report = import_files(store, [noted], now=now)
    assert counts(report) == [(0, 1, 0)]
    found = store.find_order("douyin", DOUYIN_NO)
    assert found.seller_note == "周一发顺丰"
    assert receiver(store, "douyin", DOUYIN_NO) == DOUYIN_FULL


def test_douyin_a_full_receiver_in_an_older_export_fills_in_the_masked_one(
    store: Store, tmp_path: Path, now
) -> None:
    masked = write_douyin_orders(tmp_path / order_export_name(1795830000), [douyin_line()])
    import_files(store, [masked], now=now)
    assert receiver(store, "douyin", DOUYIN_NO) == (
        "王**",
        "1********35",
        "浙江省杭州市西湖区文新街道文一西路****号",
    )
    full = write_douyin_orders(
        tmp_path / order_export_name(1795826400), [douyin_line(**DOUYIN_FULL_CELLS)]
    )
    report = import_files(store, [full], now=now)
    assert counts(report) == [(0, 1, 0)]
    assert receiver(store, "douyin", DOUYIN_NO) == DOUYIN_FULL
