"""`shopdesk import` of a masked export after a full one, as a seller's script runs it:
`orders --json` still lists the full receiver, and the report counts the order unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import shopdesk
from tests.jd_fixtures import JD_RECEIVERS, jd_order, write_jd_orders

NO = "11729384072"
HIDDEN = "11729384073"  # exported later with 无需导出收货人信息
FULL = {
    "receiver": "王冬阳",
    "receiver_phone": "13767111772",
    "receiver_address": "江西南昌市青山湖区昌东工业区恒源科技园1栋",
}
COUNTS = ("rows", "added", "updated", "unchanged")


def test_a_masked_export_after_a_full_one_keeps_the_full_receiver(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    full = write_jd_orders(tmp_path / "A.csv", [jd_order(NO), jd_order(HIDDEN)])
    first = shopdesk("import", full, "--db", db, "--json", check=True)
    (report,) = json.loads(first.stdout)["files"]
    assert [report[k] for k in COUNTS] == [2, 2, 0, 0]

    masked_rows = [
        jd_order(NO, 客户姓名="王*阳", 联系电话="137****1772", 客户地址="江西南昌市青山湖区****"),
        jd_order(HIDDEN, 订单状态="等待确认收货", **JD_RECEIVERS[-1]),
    ]
    masked = write_jd_orders(tmp_path / "B-masked.csv", masked_rows)
    second = shopdesk("import", masked, "--db", db, "--json", check=True)
    (report,) = json.loads(second.stdout)["files"]
    # NO differs only by its masked receiver; HIDDEN was shipped meanwhile
    assert [report[k] for k in COUNTS] == [2, 0, 1, 1]
    assert (report["skipped"], report["cleared"]) == ([], [])

    listed = shopdesk("orders", "--db", db, "--json", "--platform", "jd", check=True)
    by_no = {o["order_no"]: o for o in json.loads(listed.stdout)}
    assert set(by_no) == {NO, HIDDEN}
    for no in (NO, HIDDEN):
        assert {key: by_no[no][key] for key in FULL} == FULL
    assert (by_no[NO]["status"], by_no[HIDDEN]["status"]) == ("等待出库", "等待确认收货")
    found = shopdesk("orders", "--db", db, "--json", "--search", "王冬阳", check=True)
    assert sorted(o["order_no"] for o in json.loads(found.stdout)) == [NO, HIDDEN]
