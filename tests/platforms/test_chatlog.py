"""Chat logs copied from Qianniu: both shapes of one conversation give the same messages."""

from __future__ import annotations

import pytest

from shopdesk.platforms import chatlog
from shopdesk.platforms.chatlog import ChatLogError, decode, parse, senders

# The same invented conversation, as copied from the Qianniu PC chat window (CRLF) ...
PC_COPY = (
    "当前用户来自 淘宝移动端 宝贝详情页\r\n"
    "\r\n"
    "林间小鹿 2026-11-20 10:01:02\r\n"
    "你好，耳机左边没有声音\r\n"
    "\r\n"
    "声声耳机旗舰店:小美 2026-11-20 10:01:30\r\n"
    "亲，您好！请问是哪一只耳机呢？\r\n"
    "可以拍个视频给我们看看吗\r\n"
    "已读\r\n"
    "\r\n"
    "林间小鹿2026-11-20 10:02:15\r\n"
    "\r\n"
    "林间小鹿 2026-11-20 10:02:40\r\n"
    "声声 S3 真无线蓝牙耳机\r\n"
    "¥129.00\r\n"
    "https://item.taobao.com/item.htm?id=700000000001\r\n"
    "\r\n"
    "林间小鹿 撤回了一条消息\r\n"
    "\r\n"
    "由 声声耳机旗舰店:小美 转交给 声声耳机旗舰店:售后阿强\r\n"
    "\r\n"
    "声声耳机旗舰店:售后阿强 2026-11-20 10:05:00\r\n"
    "您好，我们会为您补发左耳，电话 13925130165 对吗？\r\n"
    "未读\r\n"
    "\r\n"
)

# ... and from the web 聊天记录查询 page (sender last, images and cards as a placeholder).
WEB_COPY = """当前用户来自 淘宝移动端 宝贝详情页
2026-11-20
10:01:02
你好，耳机左边没有声音
林间小鹿

10:01:30
亲，您好！请问是哪一只耳机呢？
可以拍个视频给我们看看吗
声声耳机旗舰店:小美

10:02:15
请在客户端查看原始聊天记录，网页版无法展示
林间小鹿

10:02:40
请在客户端查看原始聊天记录，网页版无法展示
林间小鹿

林间小鹿 撤回了一条消息

由 声声耳机旗舰店:小美 转交给 声声耳机旗舰店:售后阿强

10:05:00
您好，我们会为您补发左耳，电话 13925130165 对吗？
声声耳机旗舰店:售后阿强
"""


def test_both_shapes_of_one_conversation_parse_to_the_same_messages():
    pc = parse(PC_COPY)
    web = parse(WEB_COPY)
    assert pc == web
    assert len(pc) == 8


def test_messages_carry_sender_time_text_and_who_is_the_seller():
    messages = parse(PC_COPY)
    system, first, reply, image, card, recall, transfer, last = messages
    assert system.is_system and system.kind == "system" and "宝贝详情页" in system.text
    assert first.sender == "林间小鹿" and not first.is_seller
    assert first.at == "2026-11-20T02:01:02Z"  # China time 10:01:02
    assert first.text == "你好，耳机左边没有声音"
    assert reply.is_seller and reply.sender == "声声耳机旗舰店:小美"
    assert reply.text == "亲，您好！请问是哪一只耳机呢？\n可以拍个视频给我们看看吗"  # 已读 dropped
    assert image.sender == "林间小鹿" and image.kind == "media" and image.text == ""
    assert card.kind == "media" and "¥129.00" in card.detail
    assert recall.kind == "recalled" and recall.sender == "林间小鹿" and recall.is_system
    assert recall.at == card.at
    assert transfer.is_system and transfer.text.startswith("由 声声耳机旗舰店:小美 转交给")
    assert last.text.endswith("对吗？")  # 未读 dropped
    assert senders(messages) == ["林间小鹿", "声声耳机旗舰店:小美", "声声耳机旗舰店:售后阿强"]


def test_main_account_counts_as_seller_when_the_shop_name_is_known():
    text = "声声耳机旗舰店 2026-11-20 10:01:30\n好的\n已读\n"
    (msg,) = parse(text, shop_names=("声声耳机旗舰店",))
    assert msg.is_seller and msg.text == "好的"


def test_gbk_file_and_utf8_bom_file_decode_to_the_same_conversation():
    gbk = PC_COPY.encode("gb18030")
    bom = b"\xef\xbb\xbf" + PC_COPY.encode("utf-8")
    utf16 = PC_COPY.encode("utf-16")
    assert parse(decode(gbk)) == parse(decode(bom)) == parse(decode(utf16)) == parse(PC_COPY)


def test_a_file_mixing_utf8_and_gbk_lines_is_read_line_by_line():
    raw = "林间小鹿 2026-11-20 10:01:02\n".encode() + "你好，耳机坏了\n".encode("gbk")
    (msg,) = parse(decode(raw))
    assert msg.text == "你好，耳机坏了"


def test_a_seller_writing_a_status_word_in_the_middle_keeps_it():
    text = "店:阿强 2026-11-20 10:01:30\n已读\n的消息会显示蓝色\n已读\n"
    (msg,) = parse(text)
    assert msg.text == "已读\n的消息会显示蓝色"


def test_text_that_is_not_a_chat_log_is_refused():
    with pytest.raises(ChatLogError):
        parse("订单编号,买家会员名\n123,abc\n")


# -- any conversation, written out in both shapes, reads back the same -----------------

from datetime import datetime, timedelta  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from shopdesk.domain.timeutil import china_to_text  # noqa: E402
from shopdesk.platforms.chatlog import ChatMessage  # noqa: E402

NICKS = ["林间小鹿", "tb_12345", "小鹿乱撞1992", "声声耳机旗舰店:小美", "声声耳机旗舰店:售后阿强"]
WORDS = ["你好", "耳机", "坏了", "请问", "好的", "退款", "OK", "123", "¥", "，", "？", "！", " "]
line_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map("".join).map(str.strip)
line_text = line_text.filter(lambda t: t and t not in ("已读", "未读", "发送中"))


@st.composite
def conversations(draw):
    start = datetime(2026, 11, 20, 9, 0, 0)
    out = []
    moment = start
    for _ in range(draw(st.integers(1, 8))):
        moment += timedelta(seconds=draw(st.integers(0, 30000)))
        nick = draw(st.sampled_from(NICKS))
        lines = draw(st.lists(line_text, min_size=0, max_size=3))
        glued = draw(st.booleans())  # the PC copy sometimes loses the space
        out.append((nick, moment, lines, glued))
    return out


def pc_shape(conversation) -> str:
    blocks = []
    for nick, moment, lines, glued in conversation:
        body = list(lines) + (["已读"] if ":" in nick else [])
        space = "" if glued else " "
        blocks.append("\r\n".join([f"{nick}{space}{moment:%Y-%m-%d %H:%M:%S}", *body]))
    return "\r\n\r\n".join(blocks) + "\r\n"


def web_shape(conversation) -> str:
    out = []
    day = None
    for nick, moment, lines, _ in conversation:
        if moment.date() != day:
            day = moment.date()
            out.append(f"{day:%Y-%m-%d}")
        out += [f"{moment:%H:%M:%S}", *(lines or [WEB_PLACEHOLDER]), nick, ""]
    return "\n".join(out)


WEB_PLACEHOLDER = "请在客户端查看原始聊天记录，网页版无法展示"


@settings(max_examples=60, deadline=None)
@given(conversations())
def test_any_conversation_reads_the_same_in_both_shapes(conversation):
    expected = [
        ChatMessage(
            nick,
            china_to_text(moment),
            "\n".join(lines),
            is_seller=":" in nick,
            kind="text" if lines else "media",
        )
        for nick, moment, lines, _ in conversation
    ]
    assert parse(pc_shape(conversation)) == expected
    assert parse(web_shape(conversation)) == expected


def test_whose_chat_it_is_comes_from_the_chat_itself():
    text = (
        "tb5528190347 2026-11-20 10:01:02\n订单号：4428265436565263618 还没到，电话13925130165\n\n"
        "店:客服 2026-11-20 10:02:00\n快递单号 7730123456789012 在路上\n已读\n"
    )
    messages = chatlog.parse(text)
    who = chatlog.identity(messages)
    assert who.buyer_nicks == ("tb5528190347",)
    assert who.order_nos == ("4428265436565263618",)  # not the phone, not the tracking number
    assert chatlog.mismatches(messages, "tb5528190347", "4428265436565263618") == []
    assert chatlog.mismatches(messages, "t**7", "4428265436565263618") == []  # a masked nick
    problems = chatlog.mismatches(messages, "zhangwei1988", "4274970615263666714")
    assert problems == [
        "聊天记录里的买家是 tb5528190347，这个售后单的买家是 zhangwei1988",
        "聊天记录提到订单号 4428265436565263618，这个售后单的订单号是 4274970615263666714",
    ]
