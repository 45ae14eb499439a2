"""Chat logs copied from Qianniu: both shapes of one conversation give the same messages."""

from __future__ import annotations

import pytest

from shopdesk.core.chatlog import ChatLogError, decode, parse, senders

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
