"""Make the fixture store for the current schema version: tests/fixtures/stores/vNNNN.db.

Run once whenever a schema step is added (`python tools/make_fixture_store.py`), commit
the file, and never regenerate an older one: the upgrade test opens every fixture store
with today's ShopDesk and checks the data survived. The data is small and fixed (no
clock, no randomness), so the expectations in tests/store/test_store_open.py hold for
every version.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shopdesk.store.store import Store  # noqa: E402

FOLDER = ROOT / "tests" / "fixtures" / "stores"

# What every fixture holds (and the upgrade test checks).
ORDER = {
    "platform": "taobao",
    "order_no": "3901234567890123456",
    "buyer_nick": "tb_橙子味的夏天",
    "status": "卖家已发货",
    "state": "shipped",
    "item_titles": "北欧风陶瓷马克杯 带盖勺 400ml",
    "paid_fen": 3900,
    "paid_at": "2026-11-20T02:00:00Z",
    "created_at": "2026-11-20T01:59:00Z",
}
EVIDENCE_SHA = "a" * 64


def make(target: Path) -> None:
    if target.exists():
        raise SystemExit(f"{target} exists: fixture stores are never regenerated")
    with Store.open(target) as store:
        shop = store.add_shop("小满家居生活馆", return_address="杭州市余杭区文一西路 1888 号")
        order = store.save_order({**ORDER, "shop_id": shop.id})
        store.add_order_line(order.id, ORDER["item_titles"], price_fen=3900, quantity=1)
        case = store.add_case(
            order.id, "return_refund", "2026-11-22T03:00:00Z", reason="杯子有裂痕", refund_fen=3900
        )
        store.add_event(case.id, "seller_agreed", "2026-11-22T05:00:00Z", note="同意退货")
        store.db.execute(
            "INSERT INTO evidence (case_id, kind, sha256, file_name, mime, bytes, added_at) "
            "VALUES (?, 'photo', ?, '裂痕.jpg', 'image/jpeg', 12, '2026-11-22T06:00:00Z')",
            [case.id, EVIDENCE_SHA],
        )
        store.set_setting("language", "zh-CN")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file in the repo
    conn.execute("VACUUM")
    conn.close()


def main() -> int:
    FOLDER.mkdir(parents=True, exist_ok=True)
    probe = FOLDER / ".probe.db"
    with Store.open(probe) as store:
        version = store.schema_version()
    for leftover in FOLDER.glob(".probe.db*"):
        leftover.unlink()
    target = FOLDER / f"v{version:04d}.db"
    if target.exists():
        print(f"{target.name} already exists for schema version {version}")
        return 0
    make(target)
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
