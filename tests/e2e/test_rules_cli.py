import json
from functools import partial
from pathlib import Path

import pytest

from shopdesk.domain.timeutil import now_utc
from shopdesk.platforms.rulesets import builtin_ruleset
from shopdesk.store.deadlines_repo import due_page
from tests.e2e.conftest import shopdesk as run_cli

# these tests expect every run to succeed unless they say check=False
shopdesk = partial(run_cli, check=True)


@pytest.fixture
def db(tmp_path, store):
    store.save_order(
        {
            "platform": "taobao",
            "order_no": "3100",
            "buyer_nick": "tb_a",
            "state": "shipped",
            "paid_at": "2026-11-20T02:00:00Z",
            "shipped_at": "2026-11-21T02:00:00Z",
        }
    )
    store.save_order(
        {
            "platform": "taobao",
            "order_no": "3101",
            "buyer_nick": "tb_b",
            "state": "paid",
            "paid_at": "2026-11-26T02:00:00Z",
        }
    )
    return str(store.path)


def test_case_add_event_and_due(db):
    added = json.loads(
        shopdesk(
            "case", "add", "3100", "--kind", "return_refund", "--at", "2026-11-25T10:00",
            "--db", db, "--json",
        ).stdout
    )  # fmt: skip
    assert added["id"] >= 1
    assert added["state"] == "awaiting_seller"
    case_id = str(added["id"])
    event = json.loads(
        shopdesk(
            "case", "event", case_id, "seller_agreed", "--at", "2026-11-25T12:00",
            "--note", "同意退货", "--db", db, "--json",
        ).stdout
    )  # fmt: skip
    assert event["state"] == "awaiting_return"
    assert event["event"]["note"] == "同意退货"

    due = json.loads(shopdesk("due", "--now", "2026-11-28T12:00", "--db", db, "--json").stdout)
    keys = {"subject", "order_no", "case_id", "rule", "party", "due_at", "basis", "on_timeout"}
    assert all(keys <= set(d) for d in due)
    rules = [(d["subject"], d["order_no"], d["rule"], d["due_at"]) for d in due]
    assert rules == [
        ("order", "3101", "ship.deadline", "2026-11-28T10:00:00+08:00"),
        ("order", "3101", "ship.stockout", "2026-12-01T10:00:00+08:00"),
        ("case", "3100", "return.buyer_ship", "2026-12-02T12:00:00+08:00"),
    ]
    assert due[0]["basis"] == "estimate" and due[0]["countdown"] == "已超时 2时"

    seller = json.loads(
        shopdesk("due", "--now", "2026-11-28T12:00", "--party", "seller", "--within", "24",
                 "--db", db, "--json").stdout
    )  # fmt: skip
    assert [d["rule"] for d in seller] == ["ship.deadline"]
    # events after --now are ignored: before the seller agreed, the seller had to answer
    before = json.loads(shopdesk("due", "--now", "2026-11-25T11:00", "--db", db, "--json").stdout)
    assert ("case", "return.respond") in [(d["subject"], d["rule"]) for d in before]


def test_move_not_allowed_exits_2_with_the_reason(db):
    added = json.loads(
        shopdesk("case", "add", "3101", "--kind", "refund_unshipped", "--db", db, "--json").stdout
    )
    result = shopdesk("case", "event", str(added["id"]), "seller_refused", "--db", db,
                      check=False)  # fmt: skip
    assert result.returncode == 2
    assert "尚未发货" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["case", "add", "9999", "--kind", "return_refund"],
        ["case", "add", "3100", "--kind", "no_such_kind"],
        ["case", "event", "1", "seller_agreed"],
        ["due", "--now", "yesterday"],
        ["due", "--party", "nobody"],
    ],
)
def test_user_mistakes_exit_2(db, args):
    result = shopdesk(*args, "--db", db, check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_typed_platform_deadline_and_undo(db):
    added = json.loads(
        shopdesk("case", "add", "3100", "--kind", "refund_shipped", "--at", "2026-11-27T10:00",
                 "--db", db, "--json").stdout
    )  # fmt: skip
    case_id = str(added["id"])
    typed = json.loads(
        shopdesk("case", "deadline", case_id, "2026-11-29T08:30:05", "--db", db, "--json").stdout
    )
    [deadline] = typed["deadlines"]
    assert (deadline["basis"], deadline["due_at"]) == ("platform", "2026-11-29T08:30:05+08:00")
    shopdesk("case", "event", case_id, "note", "--note", "买家电话沟通", "--db", db)
    undone = json.loads(shopdesk("case", "event", case_id, "correction", "--db", db,
                                 "--json").stdout)  # fmt: skip
    assert undone["event"]["kind"] == "correction"
    assert undone["event"]["retracts"] is not None


def test_kinds_by_chinese_name_and_mistakes_explained_in_chinese(db):
    added = json.loads(
        shopdesk("case", "add", "3100", "--kind", "退货退款", "--db", db, "--json").stdout
    )
    assert added["kind"] == "return_refund"
    wrong = shopdesk("case", "add", "3100", "--kind", "refund", "--db", db, check=False)
    assert wrong.returncode == 2
    assert "不认识“refund”" in wrong.stderr and "return_refund（退货退款）" in wrong.stderr
    late = shopdesk("case", "event", str(added["id"]), "seller_agreed", "--at", "昨天",
                    "--db", db, check=False)  # fmt: skip
    assert late.returncode == 2 and "不是时间" in late.stderr


def test_listing_shows_the_clocks_the_window_would(tmp_path, qtbot, data_dir):
    db = str(tmp_path / "demo.db")
    shopdesk("demo", "--db", db)
    before = {c["id"]: c["next_due_at"] for c in _cases(db)}
    # An update of ShopDesk changes a rule: the three Taobao respond clocks 48 h -> 12 h
    # (written beside the store as the rule set in force, without telling anyone).
    builtin = Path(builtin_ruleset("taobao").path).read_text(encoding="utf-8")
    respond = ("refund.unshipped.respond", "return.respond", "refund.shipped.respond")
    updated = _with_hours(builtin, respond, 12)
    assert updated != builtin
    (data_dir / "rules").mkdir(parents=True, exist_ok=True)
    (data_dir / "rules" / "taobao.toml").write_text(updated, encoding="utf-8")
    now = now_utc()
    listed = {c["id"]: c["next_due_at"] for c in _cases(db)}
    due = json.loads(shopdesk("due", "--now", now.isoformat(), "--db", db, "--json").stdout)
    from_due: dict[int, str] = {}
    for d in due:  # the soonest running clock of each case, as the list sorts by it
        if d["case_id"] and (d["case_id"] not in from_due or d["due_at"] < from_due[d["case_id"]]):
            from_due[d["case_id"]] = d["due_at"]
    moved = [i for i in listed if listed[i] != before[i]]
    assert moved, "no clock moved: the new rules were not used"
    for case_id in moved:
        assert listed[case_id] == from_due[case_id]
    # ... and the window's 待办, opened on the same store, shows the same times
    from shopdesk.domain.timeutil import as_china
    from shopdesk.store.store import Store
    from shopdesk.ui.views.due_view import DueView

    with Store.open(db) as store:
        view = DueView(store)
        qtbot.addWidget(view)
        rows = due_page(store, 0, 500, party="all")
        shown = {r["case_id"]: as_china(r["next_due_at"]) for r in rows if r["case_id"]}
    for case_id in moved:
        assert shown[case_id] == listed[case_id]


def _cases(db: str) -> list[dict]:
    return json.loads(shopdesk("cases", "--db", db, "--json").stdout)


def _with_hours(text: str, rule_ids, hours: int) -> str:
    """The rule file with these rules' durations set to `hours` in every version."""
    out, current = [], None
    for line in text.split("\n"):
        if line.startswith("id = "):
            current = line.split('"')[1]
        if current in rule_ids and (line.startswith("hours = ") or line.startswith("days = ")):
            line = f"hours = {hours}"
        out.append(line)
    return "\n".join(out)


def test_a_mistyped_store_path_is_refused_not_created(tmp_path):
    missing = tmp_path / "no-such-folder" / "x.db"
    for command in (["cases"], ["orders"], ["due"], ["evidence", "list", "1"]):
        result = shopdesk(*command, "--db", str(missing), check=False)
        assert result.returncode == 2, command
        assert "找不到店铺数据文件" in result.stderr and str(missing) in result.stderr
    assert not missing.parent.exists()


def _due(db, now, *more):
    return json.loads(shopdesk("due", "--now", now, "--db", db, "--json", *more).stdout)


def test_an_unshipped_refund_request_pauses_ship_by_until_it_is_withdrawn(db):
    # order 3101: paid 2026-11-26 10:00 China time, ship by 2026-11-28 10:00
    added = json.loads(
        shopdesk(
            "case", "add", "3101", "--kind", "refund_unshipped", "--at", "2026-11-27T10:00",
            "--db", db, "--json",
        ).stdout
    )  # fmt: skip
    running = [(d["order_no"], d["rule"]) for d in _due(db, "2026-11-28T12:00")]
    assert ("3101", "ship.deadline") not in running  # paused: do not ship now
    assert ("3101", "refund.unshipped.respond") in running
    waiting = [d for d in _due(db, "2026-11-28T12:00", "--all") if d["due_at"] is None]
    [ship] = [d for d in waiting if d["rule"] == "ship.deadline"]
    assert ship["is_paused"] and "征得买家同意前不要发货" in ship["no_due_reason"]
    shopdesk("case", "event", str(added["id"]), "withdrawn", "--at", "2026-11-28T13:00", "--db", db)
    # 24 h had run when the buyer asked; they resume at the withdrawal
    due = {d["rule"]: d for d in _due(db, "2026-11-28T14:00") if d["order_no"] == "3101"}
    assert due["ship.deadline"]["due_at"] == "2026-11-29T13:00:00+08:00"
    assert due["ship.deadline"]["paused"] == [
        ["2026-11-27T10:00:00+08:00", "2026-11-28T13:00:00+08:00"]
    ]


def test_a_received_return_with_no_refund_keeps_a_clock_running(db):
    added = json.loads(
        shopdesk(
            "case", "add", "3100", "--kind", "return_refund", "--at", "2026-11-22T10:00",
            "--db", db, "--json",
        ).stdout
    )  # fmt: skip
    case_id = str(added["id"])
    for event, at in (
        ("seller_agreed", "2026-11-22T11:00"),
        ("buyer_shipped_return", "2026-11-23T09:00"),
        ("seller_received_return", "2026-11-25T15:00"),
    ):
        shopdesk("case", "event", case_id, event, "--at", at, "--db", db)
    [d] = [d for d in _due(db, "2026-11-26T09:00") if d["case_id"] == added["id"]]
    assert d["rule"] == "return.seller_confirm" and d["party"] == "seller"
    assert d["due_at"] == "2026-12-03T09:00:00+08:00" and d["basis"] == "estimate"


def test_undoing_a_step_brings_back_the_platforms_deadline(db):
    added = json.loads(
        shopdesk("case", "add", "3100", "--kind", "refund_shipped", "--at", "2026-11-27T10:00",
                 "--db", db, "--json").stdout
    )  # fmt: skip
    case_id = str(added["id"])
    shopdesk("case", "deadline", case_id, "2026-11-29T07:06", "--db", db)
    agreed = json.loads(
        shopdesk("case", "event", case_id, "seller_agreed", "--at", "2026-11-28T09:00",
                 "--db", db, "--json").stdout
    )  # fmt: skip
    assert all(d["basis"] != "platform" for d in agreed["deadlines"])
    undone = json.loads(
        shopdesk("case", "event", case_id, "correction", "--db", db, "--json").stdout
    )
    bases = [(d["basis"], d["due_at"]) for d in undone["deadlines"]]
    assert ("platform", "2026-11-29T07:06:00+08:00") in bases, bases


def test_jd_clocks_through_the_command_line(store):
    # A JD order: the refusal opens the buyer's 15-day window; JD's request for evidence
    # starts the 4-business-hour clock (09:00-18:00), intervention alone does not.
    store.save_order(
        {"platform": "jd", "order_no": "291184764662", "buyer_nick": "jd_pin",
         "state": "shipped", "paid_at": "2026-11-20T02:00:00Z", "shipped_at": "2026-11-21T02:00:00Z"}
    )  # fmt: skip
    store.close()
    db = str(store.path)
    added = json.loads(
        shopdesk("case", "add", "291184764662", "--platform", "jd", "--kind", "return_refund",
                 "--at", "2026-11-25T10:00", "--db", db, "--json").stdout
    )  # fmt: skip
    case_id = str(added["id"])
    shopdesk("case", "event", case_id, "seller_refused", "--at", "2026-11-25T12:00", "--db", db)
    [window] = [d for d in _due(db, "2026-11-26T09:00") if d["case_id"] == added["id"]]
    assert window["rule"] == "intervention.window"
    assert window["due_at"] == "2026-12-10T12:00:00+08:00" and window["party"] == "buyer"
    shopdesk(
        "case", "event", case_id, "platform_intervened", "--at", "2026-11-26T10:00", "--db", db
    )
    rules = {d["rule"] for d in _due(db, "2026-11-26T11:00") if d["case_id"] == added["id"]}
    assert rules == {"dispute.respond"}  # no evidence clock until JD asks
    shopdesk("case", "event", case_id, "evidence_requested", "--at", "2026-11-26T16:30", "--db", db)
    due = {d["rule"]: d for d in _due(db, "2026-11-26T17:00") if d["case_id"] == added["id"]}
    assert due["intervention.evidence"]["due_at"] == "2026-11-27T11:30:00+08:00"
    assert due["intervention.evidence"]["basis"] == "estimate"
