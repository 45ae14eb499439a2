"""`shopdesk templates list / render / import / export` as a script uses them."""

from __future__ import annotations

import json

from tests.e2e.conftest import shopdesk


def test_list_render_import_export(tmp_path, demo_template):
    db = tmp_path / "demo.db"
    db.write_bytes(demo_template.read_bytes())
    db = str(db)

    listed = json.loads(shopdesk("templates", "list", "--db", db, "--json").stdout)
    assert {"id", "language", "title", "tags"} <= set(listed[0])
    # the platforms whose words a template speaks (a new key; [] fits every platform)
    platforms = {e["id"]: e["platforms"] for e in listed}
    assert platforms["appeal_statement"] == ["taobao"] and platforms["first_response"] == []
    assert platforms["appeal_statement_jd"] == ["jd"]
    assert set(listed[0]["tags"]) == {"kinds", "causes", "stages", "steps"}
    assert {e["language"] for e in listed} == {"zh-CN", "zh-TW", "en"}
    english = json.loads(shopdesk("templates", "list", "--lang", "en", "--db", db, "--json").stdout)
    assert len(english) * 3 == len(listed) and english[0]["language"] == "en"

    cases = json.loads(shopdesk("cases", "--db", db, "--json").stdout)
    shipped = next(c for c in cases if c["kind"] == "refund_shipped")
    done = shopdesk(
        "templates", "render", "parcel_stuck", "--case", str(shipped["id"]), "--db", db, "--json"
    )
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["gaps"] == [] and shipped["order_no"] not in document["text"]
    assert "小满家居" in document["text"]

    # the deadline comes from the rule engine: the buyer's 7 days to send the return
    waiting = next(c for c in cases if c["state"] == "awaiting_return")
    reminder = shopdesk(
        "templates", "render", "return_reminder", "--case", str(waiting["id"]), "--db", db
    )
    assert reminder.returncode == 0 and "月" in reminder.stdout.split("请在 ")[1][:8]

    # an order not shipped yet has no courier: the text shows the gaps, exit code 3
    unshipped = next(c for c in cases if c["kind"] == "refund_unshipped")
    gap = shopdesk(
        "templates",
        "render",
        "parcel_stuck",
        "--case",
        str(unshipped["id"]),
        "--lang",
        "en",
        "--db",
        db,
        "--json",
    )
    assert gap.returncode == 3
    assert json.loads(gap.stdout)["gaps"] == ["courier", "tracking_no"]
    assert "[fill in: tracking number]" in json.loads(gap.stdout)["text"]
    plain = shopdesk(
        "templates", "render", "parcel_stuck", "--case", str(unshipped["id"]), "--db", db
    )
    assert plain.returncode == 3 and "【待填：运单号】" in plain.stdout
    assert plain.stderr.count("\n") == 1 and "tracking_no" in plain.stderr

    wrong = shopdesk("templates", "render", "no_such", "--case", "1", "--db", db)
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr

    phrases = tmp_path / "快捷短语.csv"
    phrases.write_bytes("分组,快捷编码,快捷短语\n售后,tk,亲，退款已处理\n".encode("gb18030"))
    imported = shopdesk("templates", "import", str(phrases), "--db", db, "--json")
    assert json.loads(imported.stdout) == {"imported": 1, "ids": ["own-1"]}
    out = tmp_path / "mine.json"
    assert shopdesk("templates", "export", str(out), "--db", db).returncode == 0
    assert (
        json.loads(out.read_text(encoding="utf-8"))["templates"][0]["texts"]["zh-CN"]["body"]
        == "亲，退款已处理"
    )
    bad = shopdesk("templates", "import", str(tmp_path / "missing.csv"), "--db", db)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_render_exits_3_when_the_shop_has_no_signature(tmp_path, demo_template):
    from shopdesk.store.store import Store

    db = tmp_path / "demo.db"
    db.write_bytes(demo_template.read_bytes())
    with Store.open(db) as store:
        store.update_shop(store.default_shop().id, signature="")
        case = next(c for c in store.list_cases() if c.kind == "return_refund")
    done = shopdesk(
        "templates", "render", "first_response", "--case", str(case.id), "--db", str(db)
    )
    assert done.returncode == 3
    assert "【待填：客服签名】" in done.stdout and "客服签名（signature）" in done.stderr
