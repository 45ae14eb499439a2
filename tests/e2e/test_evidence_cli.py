"""`shopdesk evidence`, `pack` and `verify` from the command line, on the demo store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from tests.e2e.conftest import shopdesk as run_cli

# these tests expect every run to succeed unless they say check=False
shopdesk = partial(run_cli, check=True)

CHAT = (
    "小鹿乱撞1992 2026-11-20 10:01:02\n你好，我电话 13925130165\n\n"
    "小满家居生活馆:小美 2026-11-20 10:01:30\n亲，已经为您登记\n已读\n"
)


@pytest.fixture
def demo_db(tmp_path, demo_template):
    target = tmp_path / "demo.db"
    target.write_bytes(demo_template.read_bytes())
    return str(target)


def test_add_chat_pack_and_verify(tmp_path, demo_db):
    from PySide6.QtGui import QColor, QImage

    image = QImage(900, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor(230, 200, 160))
    photo = tmp_path / "打包.png"
    assert image.save(str(photo))
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")

    added = json.loads(
        shopdesk(
            "evidence",
            "add",
            "9",
            str(photo),
            "--kind",
            "photo",
            "--caption",
            "打包",
            "--db",
            demo_db,
            "--json",
        ).stdout
    )
    assert added[0]["kind"] == "photo" and len(added[0]["sha256"]) == 64
    chatted = json.loads(
        shopdesk("evidence", "chat", "9", str(chat), "--db", demo_db, "--json").stdout
    )
    assert chatted["messages"] == 2

    out = tmp_path / "out"
    packed = json.loads(
        shopdesk(
            "pack",
            "9",
            "--profile",
            "taobao-refund",
            "--out",
            str(out),
            "--mask",
            "--json",
            "--db",
            demo_db,
        ).stdout
    )
    assert packed["fits"] is True
    assert [u["path"] for u in packed["upload"]] == ["upload/01-chat.png", "upload/02-photo.png"]
    assert all(u["bytes"] <= 500_000 for u in packed["upload"])
    assert packed["statement_bytes"] <= 400 and packed["statement_chars"] > 0
    package = Path(packed["package"])
    assert package.is_dir() and (package / "manifest.json").is_file()
    assert shopdesk("verify", str(package)).returncode == 0

    (package / "upload" / "02-photo.png").write_bytes(b"changed")
    failed = shopdesk("verify", str(package), check=False)
    assert failed.returncode == 1
    assert (
        failed.stderr.strip()
        == "shopdesk: upload/02-photo.png：大小不符（清单 "
        + str(packed["upload"][1]["bytes"])
        + " 字节，实际 7 字节）"
    )


def test_a_package_that_does_not_fit_exits_2_and_writes_nothing(tmp_path, demo_db):
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    shopdesk("evidence", "chat", "9", str(chat), "--db", demo_db)
    out = tmp_path / "out"
    result = shopdesk(
        "pack",
        "9",
        "--profile",
        "taobao-refuse",
        "--out",
        str(out),
        "--statement",
        "好",
        "--db",
        demo_db,
        "--json",
        check=False,
    )
    assert result.returncode == 2
    document = json.loads(result.stdout)
    assert document["fits"] is False and document["package"] is None
    assert "至少要 2 字" in document["problems"][0]
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_list_profiles_and_user_mistakes(demo_db):
    profiles = json.loads(shopdesk("pack", "--list-profiles", "--json").stdout)
    ids = {p["id"] for p in profiles}
    assert ids == {
        "taobao-refund",
        "taobao-refuse",
        "tmall-return-refuse",
        "qianniu-upload",
        "courier-claim-pdf",
        # each platform's appeal and refusal forms (conservative: the facts give no limits)
        *(
            f"{platform}-{form}"
            for platform in ("jd", "pdd", "douyin")
            for form in ("appeal", "refuse")
        ),
    }
    refund = next(p for p in profiles if p["id"] == "taobao-refund")
    assert refund["max_bytes"] == 500_000 and refund["text_limit"] == 400
    assert refund["facts"] == "shared/domain/RULES.md" and not refund["conservative"]
    for args in (
        ["pack", "9", "--profile", "nope", "--out", "x", "--db", demo_db],
        ["evidence", "add", "9", "/no/such/file.jpg", "--kind", "photo", "--db", demo_db],
        ["evidence", "add", "9999", "/no/such.jpg", "--kind", "photo", "--db", demo_db],
        ["verify", "/no/such/package"],
    ):
        result = shopdesk(*args, check=False)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_seller_edited_profile_overrides_the_bundled_one(tmp_path, data_dir):
    env_dir = str(data_dir)
    copied = subprocess.run(
        [sys.executable, "-m", "shopdesk", "pack", "--edit-profile", "qianniu-upload", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "SHOPDESK_DATA_DIR": env_dir},
    )
    path = Path(json.loads(copied.stdout)["path"])
    assert path == data_dir / "profiles" / "qianniu-upload.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("max_count = 5", "max_count = 3"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "shopdesk", "pack", "--list-profiles", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "SHOPDESK_DATA_DIR": env_dir},
    )
    qianniu = next(p for p in json.loads(result.stdout) if p["id"] == "qianniu-upload")
    assert qianniu["max_count"] == 3 and qianniu["path"].startswith(env_dir)


def test_a_text_file_added_as_chat_is_parsed(tmp_path, demo_db):
    chat = tmp_path / "聊天.txt"
    chat.write_bytes(CHAT.encode("gb18030"))
    shopdesk("evidence", "add", "9", str(chat), "--kind", "chat", "--db", demo_db)
    listed = json.loads(shopdesk("evidence", "list", "9", "--db", demo_db, "--json").stdout)
    (item,) = listed["evidence"]
    assert item["kind"] == "chat" and item["caption"] == "聊天记录（2 条）"
    assert "chat" not in listed["missing"] and "shipping" in listed["missing"]


def test_pack_only_the_chosen_items_for_a_one_image_destination(tmp_path, demo_db):
    from PySide6.QtGui import QColor, QImage

    ids = []
    for n, colour in enumerate(((230, 200, 160), (120, 160, 200))):
        image = QImage(900, 1200, QImage.Format.Format_RGB32)
        image.fill(QColor(*colour))
        photo = tmp_path / f"照片{n}.png"
        assert image.save(str(photo))
        added = shopdesk("evidence", "add", "9", str(photo), "--kind", "photo",
                         "--db", demo_db, "--json").stdout  # fmt: skip
        ids.append(json.loads(added)[0]["id"])
    out = tmp_path / "out"

    def refusal_proof(*chosen: str, check: bool = True):  # 拒绝退款凭证: one image at most
        return shopdesk("pack", "9", "--profile", "taobao-refuse", "--out", str(out),
                        *chosen, "--db", demo_db, "--json", check=check)  # fmt: skip

    both = refusal_proof(check=False)  # both do not fit; the seller is told how to choose
    assert both.returncode == 2 and "--items" in both.stderr
    assert not out.exists() or not any(out.iterdir())
    one = json.loads(refusal_proof("--items", str(ids[1])).stdout)
    assert one["fits"] and len(one["upload"]) == 1
    stranger = refusal_proof("--items", "99999", check=False)
    assert stranger.returncode == 2 and "99999" in stranger.stderr


STRANGER = (
    "tb5528190347 2026-11-20 10:01:02\n我的订单号4428265436565263618一直没到\n\n"
    "小满家居生活馆:小美 2026-11-20 10:01:30\n亲，马上查\n已读\n"
)


def test_another_buyers_chat_is_refused_without_force(tmp_path, demo_db):
    chat = tmp_path / "别人的.txt"
    chat.write_text(STRANGER, encoding="utf-8")
    case = next(
        c for c in json.loads(shopdesk("cases", "--db", demo_db, "--json").stdout) if c["id"] == 9
    )
    for command in (("evidence", "chat", "9", str(chat)), ("evidence", "add", "9", str(chat), "--kind", "chat")):  # fmt: skip
        refused = shopdesk(*command, "--db", demo_db, check=False)
        assert refused.returncode == 2
        (line,) = refused.stderr.strip().splitlines()
        assert "tb5528190347" in line and "小鹿乱撞1992" in line
        assert "4428265436565263618" in line and case["order_no"] in line
        listed = json.loads(shopdesk("evidence", "list", "9", "--db", demo_db, "--json").stdout)
        assert listed["evidence"] == []
    forced = shopdesk("evidence", "chat", "9", str(chat), "--force", "--db", demo_db, "--json")
    assert json.loads(forced.stdout)["messages"] == 2

    # the exhibit shows what the chat says, not the case's order number
    out = tmp_path / "out"
    packed = json.loads(
        shopdesk("pack", "9", "--profile", "taobao-refund", "--out", str(out), "--json", "--db", demo_db).stdout
    )  # fmt: skip
    text = subprocess.run(
        ["pdftotext", str(Path(packed["package"]) / "summary.pdf"), "-"],
        capture_output=True, check=True, text=True,
    ).stdout  # fmt: skip
    assert "tb5528190347" in text


def test_pack_warns_and_lists_the_required_evidence_it_lacks(tmp_path, demo_db):
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    shopdesk("evidence", "chat", "4", str(chat), "--db", demo_db)  # 仅退款（已发货）: no 物流记录
    out = tmp_path / "out"
    done = shopdesk("pack", "4", "--profile", "taobao-refund", "--out", str(out), "--json", "--db", demo_db)  # fmt: skip
    document = json.loads(done.stdout)
    assert document["missing"] == ["shipping"] and document["fits"] is True
    assert {"package", "upload", "statement_chars", "statement_bytes", "fits", "problems", "profile"} <= set(document)  # fmt: skip
    assert "物流记录" in done.stderr and "警告" in done.stderr
    package = Path(document["package"])
    text = subprocess.run(
        ["pdftotext", str(package / "summary.pdf"), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "未包含的证据" in text and "物流记录" in text.split("未包含的证据")[1]
    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["missing"] == ["shipping"]


@pytest.mark.parametrize("profile", ["taobao-refund", "courier-claim-pdf"])
def test_a_chat_only_package_claims_nothing_but_the_chat(tmp_path, demo_db, profile):
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    shopdesk("evidence", "chat", "4", str(chat), "--db", demo_db)  # 快递一直未送达, chat only
    out = tmp_path / "out"
    done = shopdesk("pack", "4", "--profile", profile, "--out", str(out), "--json", "--db", demo_db)
    package = Path(json.loads(done.stdout)["package"])
    statement = (package / "statement.txt").read_text(encoding="utf-8")
    assert "快递一直未送达" in statement and "见附件 1：聊天记录" in statement
    summary = subprocess.run(
        ["pdftotext", str(package / "summary.pdf"), "-"], capture_output=True, check=True, text=True
    ).stdout
    said = summary.split("申诉陈述")[1].split("未包含的证据")[0]
    for claim in ("检验", "称重", "照片", "物流记录", "物流轨迹", "发货记录", "完好"):
        assert claim not in statement and claim not in said, claim
    assert "附件 1" in summary


def test_list_profiles_shows_the_limits_set_in_the_window(demo_db):
    from shopdesk.evidence.profile_limits import Limits
    from shopdesk.services.evidence_limits import set_limits
    from shopdesk.store.store import Store

    listed = shopdesk("pack", "--list-profiles", "--db", demo_db).stdout
    (line,) = [row for row in listed.splitlines() if row.startswith("douyin-appeal")]
    assert line.endswith("保守设置：5 张图片，每张 3 MB，JPEG，陈述 200 字以内")
    with Store.open(demo_db) as store:  # 设置 → 证据提交限制 saves this
        set_limits(store, "douyin-appeal", Limits(2, 1_500_000, ("jpg",), 200))
    profiles = json.loads(shopdesk("pack", "--list-profiles", "--db", demo_db, "--json").stdout)
    douyin = next(p for p in profiles if p["id"] == "douyin-appeal")
    assert (douyin["max_count"], douyin["max_bytes"], douyin["edited"]) == (2, 1_500_000, True)
    assert douyin["conservative"] and douyin["facts"] == "shared/domain/platforms/douyin.md"
    assert not next(p for p in profiles if p["id"] == "jd-appeal")["edited"]
    listed = shopdesk("pack", "--list-profiles", "--db", demo_db).stdout
    (line,) = [row for row in listed.splitlines() if row.startswith("douyin-appeal")]
    assert line.endswith("已按你的设置修改：2 张图片，每张 1.5 MB，JPEG，陈述 200 字以内")
    english = shopdesk("--lang", "en", "pack", "--list-profiles", "--db", demo_db).stdout
    assert "Changed by you: 2 images, 1.5 MB each, JPEG" in english
