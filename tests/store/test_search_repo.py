"""Search the way a Chinese-speaking seller types: words inside titles, single
characters, nicks, order and tracking numbers; the index follows every change."""

from __future__ import annotations

import pytest

from shopdesk.store.search_text import match_queries
from shopdesk.store.store import Store

TITLES = [
    "无线蓝牙耳机 降噪运动款 黑色",
    "北欧风陶瓷马克杯 带盖勺 400ml",
    "家用不锈钢保温杯 大容量",
    "加厚珊瑚绒四件套 床单被套",
]


def add_order(store: Store, number: int, title: str, nick: str = "tb_小鹿乱撞", **extra):
    values = {
        "platform": "taobao",
        "order_no": f"36001234567890{number:05d}",
        "buyer_nick": nick,
        "receiver_name": "张伟",
        "item_titles": title,
        "tracking_no": f"SF14{number:08d}",
        "paid_at": f"2026-11-{(number % 27) + 1:02d}T08:00:00Z",
        **extra,
    }
    return store.save_order(values)


@pytest.fixture
def shop(store: Store) -> Store:
    for number, title in enumerate(TITLES, start=1):
        add_order(
            store,
            number,
            title,
            nick=["tb_小鹿乱撞", "晴天_小雨", "lucky星星", "王小二"][number - 1],
        )
    return store


def titles(store: Store, query: str, sort: str = "recent") -> list[str]:
    return [row["item_titles"] for row in store.orders_page(0, 50, query, sort)]


def test_a_two_character_word_is_found_inside_a_longer_title(shop):
    assert titles(shop, "耳机") == [TITLES[0]]
    assert titles(shop, "保温") == [TITLES[2]]
    assert shop.count_orders("耳机") == 1


def test_a_single_character_finds_every_title_that_has_it(shop):
    assert sorted(titles(shop, "杯")) == sorted([TITLES[1], TITLES[2]])
    assert shop.count_orders("杯") == 2


def test_longer_words_must_appear_as_written(shop):
    assert titles(shop, "蓝牙耳机降噪") == []  # a space in the title between them
    assert titles(shop, "无线蓝牙耳机") == [TITLES[0]]
    assert titles(shop, "蓝机") == []  # both characters are there, but not together
    assert titles(shop, "陶瓷 400") == [TITLES[1]]


def test_nicks_order_numbers_and_tracking_numbers_are_found_while_typing(shop):
    assert titles(shop, "小鹿") == [TITLES[0]]
    assert titles(shop, "luck") == [TITLES[2]]
    assert titles(shop, "3600123456789000004") == [TITLES[3]]
    assert titles(shop, "SF1400000002") == [TITLES[1]]
    assert titles(shop, "sf14") and len(titles(shop, "sf14")) == 4
    assert titles(shop, "张伟") and shop.count_orders("张伟") == 4


def test_the_index_follows_edits_of_an_order(shop):
    order = shop.find_order("taobao", "3600123456789000001")
    shop.save_order({"platform": "taobao", "order_no": order.order_no, "item_titles": "电动牙刷"})
    assert titles(shop, "耳机") == []
    assert titles(shop, "牙刷") == ["电动牙刷"]


def test_cases_are_found_by_their_note_and_by_their_orders_text(shop):
    order = shop.find_order("taobao", "3600123456789000003")
    case = shop.add_case(order.id, "return_refund", "2026-11-27T01:00:00Z", reason="收到商品破损")
    shop.update_case(case.id, note="买家说快递员态度差")
    found = lambda q: [row["id"] for row in shop.cases_page(0, 50, q, "recent")]  # noqa: E731
    assert found("破损") == [case.id]
    assert found("态度") == [case.id]
    assert found("保温杯") == [case.id]
    shop.save_order({"platform": "taobao", "order_no": order.order_no, "item_titles": "雨伞"})
    assert found("保温杯") == []
    assert found("雨伞") == [case.id]
    assert shop.count_cases("雨伞") == 1


def test_a_query_of_punctuation_only_finds_nothing(shop):
    assert shop.count_orders("，。") == 0
    assert titles(shop, "-") == []


def test_queries_become_character_phrases_and_word_prefixes():
    assert match_queries("耳") == ('uni : "耳"', None)
    assert match_queries("蓝牙耳机") == ('bi : "蓝牙 牙耳 耳机"', None)
    assert match_queries("TB95 杯") == ('uni : "杯"', '"tb95"*')


def test_every_sort_reads_pages_in_the_same_order_as_a_full_sort(shop):
    for number in range(5, 40):
        add_order(shop, number, "雨伞", next_due_at=f"2026-12-{number % 9 + 1:02d}T00:00:00Z")
    every = shop.orders_page(0, 1000, None, "next_due", False)
    expected = sorted(every, key=lambda r: (r["next_due_at"] or "9999", r["id"]))
    assert [r["id"] for r in every] == [r["id"] for r in expected]
    paged = shop.orders_page(0, 10, None, "next_due", False) + shop.orders_page(
        10, 1000, None, "next_due", False
    )
    assert [r["id"] for r in paged] == [r["id"] for r in expected]


def test_open_case_counts_leave_out_finished_cases(demo_store):
    open_cases = demo_store.list_cases(open_only=True)
    assert 0 < len(open_cases) < len(demo_store.list_cases())
    assert demo_store.count_cases(open_only=True) == len(open_cases)
    assert demo_store.counts()["open_cases"] == len(open_cases)


def test_the_due_list_read_from_its_end_is_the_same_list_reversed(shop):
    from shopdesk.store import deadlines_repo

    for number in range(5, 30):
        order = add_order(shop, number, "雨伞")
        shop.db.execute(
            "UPDATE orders SET next_due_at = ?, next_due_party = 'seller' WHERE id = ?",
            [f"2026-12-{number % 7 + 1:02d}T00:00:00Z", order.id],
        )
    forward = deadlines_repo.due_page(shop, 0, 100)
    backward = deadlines_repo.due_page(shop, 0, 100, descending=True)
    assert len(forward) == deadlines_repo.count_due(shop) == 25
    assert [r["id"] for r in backward] == [r["id"] for r in reversed(forward)]
    assert [r["next_due_at"] for r in forward] == sorted(r["next_due_at"] for r in forward)
    assert len(deadlines_repo.due_page(shop, 0, 100, search="雨伞")) == 25
    assert deadlines_repo.count_due(shop, search="耳机") == 0
