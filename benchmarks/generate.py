"""A realistic, seeded ShopDesk store for benchmarks: Taobao-style orders with Chinese
titles, nicks and receivers, order lines, and after-sales cases with timelines.

Raw `executemany` in one transaction, the search index filled in one pass at the end
(search_repo.index_in_bulk, as an import does). Stores are cached under benchmarks/out/ by size, seed and schema, so a rerun
reuses the file.
"""

from __future__ import annotations

import hashlib
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shopdesk.domain.timeutil import now_utc  # noqa: E402
from shopdesk.store import deadlines_repo  # noqa: E402
from shopdesk.store.search_repo import index_in_bulk  # noqa: E402
from shopdesk.store.store import Store  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def _words(text: str) -> list[str]:
    return text.split()


GENERATOR = "3"  # bump when the generated rows change
START = datetime(2023, 12, 1, tzinfo=UTC)
END = datetime(2026, 11, 28, tzinfo=UTC)
LAST_OPENED = END - timedelta(days=1)  # a case's events run up to 24 h after it opens

ADJECTIVES = _words(
    "北欧风 日式 加厚 超薄 便携 大容量 家用 无线 静音 防水 可折叠 多功能 简约 复古 "
    "ins风 网红 儿童 学生 男士 女士 纯棉 真丝 不锈钢 陶瓷 玻璃 实木 硅胶 记忆棉 "
    "智能 迷你 车载 户外 手工 原创 新款 高端 透气 保暖 速干 防滑 抗菌 环保"
)
NOUNS = _words(
    "马克杯 保温杯 四件套 蓝牙耳机 保温饭盒 餐桌布 收纳挂钩 香薰蜡烛 脏衣篮 电动牙刷 "
    "压缩袋 记忆枕 密封罐 台灯 加湿器 拖鞋 雨伞 双肩包 钱包 手机壳 数据线 充电宝 "
    "鼠标垫 键盘 笔记本 钢笔 帆布鞋 卫衣 连衣裙 牛仔裤 羽绒服 围巾 手套 袜子 毛巾 "
    "浴巾 床垫 窗帘 地毯 抱枕 花瓶 相框 挂钟 闹钟 茶具 咖啡杯 酒杯 砧板 菜刀 炒锅 "
    "汤锅 电饭煲 空气炸锅 榨汁机 面包机 吸尘器 电风扇 暖风机 晾衣架 衣架 鞋架 书架"
)
SPECS = _words(
    "400ml 500ml 1.8m床 2只装 3件套 10只装 大号 小号 加大码 均码 S码 M码 L码 "
    "黑色 白色 奶白色 雾霾蓝 樱花粉 星空黑 灰色 米白 送礼盒 礼盒装 官方正品 包邮"
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鑫宇浩然子轩梓涵"
NICK_WORDS = _words(
    "橙子味的夏天 小鹿乱撞 阿花 杂货铺 lucky 星星 晴天 小雨 爱购物 海风 糖糖 不吃糖 山野 "
    "来信 喵了个咪 快乐的鱼 北方的狼 清风徐来 momo 小王 大白 团子 奶茶 半夏 南风 知足 "
    "甜甜圈 追风少年 柠檬 薄荷 木子 一只 猫 狗 兔子 咸鱼 翻身 summer cat 吃货"
)
COURIERS = [("中通快递", "7"), ("圆通速递", "YT"), ("韵达快递", "43"), ("顺丰速运", "SF")]
ORDER_STATES = [
    ("success", "交易成功", 70),
    ("closed", "交易关闭", 8),
    ("shipped", "卖家已发货，等待买家确认", 15),
    ("paid", "买家已付款，等待卖家发货", 7),
]
CASE_KINDS = ["refund_unshipped", "refund_shipped", "return_refund", "exchange"]
OPEN_STATES = ["awaiting_seller", "awaiting_return", "return_in_transit", "intervention"]
REASONS = _words(
    "商品质量问题 描述不符 发错货 少件漏发 七天无理由退货 不想要了 尺码不合适 "
    "快递一直未送达 收到商品破损 颜色与图片不符 做工粗糙 有异味"
)
NOTES = ["", "", "已联系买家", "买家说快递员态度差", "补发中", "等待仓库确认", "先别退款"]


def store_path(orders: int, seed: int) -> Path:
    """Keyed by what decides the rows: size, seed, this generator's version and the
    tokenizer. Schema steps added later are applied when the store is opened."""
    tokens = Path(__file__).resolve().parent.parent / "shopdesk" / "store" / "search_text.py"
    key = hashlib.sha1(tokens.read_bytes() + GENERATOR.encode()).hexdigest()[:8]
    return OUT / f"store-{orders}-{seed}-{key}.db"


def _text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _catalogue(rng: random.Random, size: int = 3000) -> list[tuple[str, int]]:
    titles = set()
    while len(titles) < size:
        words = [rng.choice(ADJECTIVES), rng.choice(ADJECTIVES), rng.choice(NOUNS)]
        title = "".join(dict.fromkeys(words)) + " " + rng.choice(SPECS)
        titles.add(title)
    return [(t, rng.randrange(990, 39900, 10)) for t in sorted(titles)]


def _nicks(rng: random.Random, size: int) -> list[str]:
    nicks = []
    for i in range(size):
        a, b = rng.sample(NICK_WORDS, 2)
        style = i % 4
        if style == 0:
            nicks.append(f"tb_{a}{b}")
        elif style == 1:
            nicks.append(f"{a}{rng.randrange(1970, 2010)}")
        elif style == 2:
            nicks.append(f"{a}_{b}")
        else:
            nicks.append(f"tb{rng.randrange(10**7, 10**8)}")
    return nicks


def generate(orders: int, seed: int = 8, log=print) -> Path:
    """The cached store file for (orders, seed), generated if missing."""
    path = store_path(orders, seed)
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in OUT.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    rng = random.Random(seed)
    catalogue = _catalogue(rng)
    nicks = _nicks(rng, max(1000, orders // 5))
    store = Store.open(partial)
    shop_id = store.add_shop("小满家居生活馆").id
    conn = store.db.conn
    conn.execute("PRAGMA synchronous = OFF")
    # New rows are indexed for search in one pass when the block ends (row by row,
    # FTS5 flushes at every trigger statement), as an import does.
    log("  writing rows, then indexing them for search ...")
    with index_in_bulk(conn, store.index_gate):
        span = (END - START).total_seconds()
        order_rows, line_rows = [], []
        case_orders = set(rng.sample(range(1, orders + 1), orders // 10))
        case_rows, event_rows = [], []
        weights = [w for _s, _t, w in ORDER_STATES]
        for i in range(1, orders + 1):
            paid = START + timedelta(seconds=span * i / (orders + 1))
            state, status, _w = rng.choices(ORDER_STATES, weights)[0]
            lines = rng.choices(catalogue, k=rng.choice((1, 1, 1, 2, 2, 3)))
            total = 0
            for position, (title, price) in enumerate(lines, start=1):
                quantity = rng.choice((1, 1, 1, 2))
                total += price * quantity
                line_rows.append((i, position, f"{3600 + i}{position}", title, price, quantity))
            courier, prefix = rng.choice(COURIERS)
            shipped = state in ("success", "shipped")
            due = _text(paid + timedelta(hours=48)) if state == "paid" else None
            order_rows.append(
                (
                    i,
                    shop_id,
                    "taobao",
                    str(3_600_000_000_000_000_000 + i * 1_000_003 + rng.randrange(1_000_000)),
                    rng.choice(nicks),
                    status,
                    state,
                    rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2)))),
                    "，".join(title for title, _p in lines),
                    len(lines),
                    total,
                    total,
                    _text(paid - timedelta(minutes=rng.randrange(1, 30))),
                    _text(paid),
                    _text(paid + timedelta(hours=rng.randrange(2, 48))) if shipped else None,
                    courier if shipped else "",
                    f"{prefix}{7_000_000_000 + i * 7:011d}" if shipped else "",
                    "demo",
                    _text(paid),
                    due,
                    "seller" if due else None,
                )
            )
            if i in case_orders:
                case_id = len(case_rows) + 1
                opened = paid + timedelta(days=rng.randrange(1, 15), minutes=rng.randrange(1440))
                if opened > LAST_OPENED:  # nothing on a timeline is dated after the store's end
                    opened = LAST_OPENED - timedelta(minutes=rng.randrange(1440 * 3))
                case_rows.append(
                    (
                        case_id,
                        i,
                        rng.choice(CASE_KINDS),
                        rng.choice(OPEN_STATES),
                        rng.randrange(0, total + 1, 10),
                        rng.choice(REASONS),
                        rng.choice(NOTES),
                        _text(opened),
                        _text(opened + timedelta(hours=rng.choice((24, 48, 72, 168)))),
                        _text(opened),
                        _text(opened),
                    )
                )
                event_rows.append(
                    (case_id, "opened", _text(opened), rng.choice(REASONS), _text(opened))
                )
                for step in range(rng.randrange(0, 4)):
                    at = _text(opened + timedelta(hours=6 * (step + 1)))
                    kind = ("seller_agreed", "buyer_shipped_return", "note")[step % 3]
                    event_rows.append((case_id, kind, at, "", at))
            if len(order_rows) >= 50_000 or i == orders:
                _flush(conn, order_rows, line_rows)
                log(
                    f"  generated {i:,} / {orders:,} orders ({time.perf_counter() - started:.0f} s)"
                )
        conn.executemany(
            "INSERT INTO cases (id, order_id, kind, state, refund_fen, reason, note, opened_at, "
            "next_due_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            case_rows,
        )
        conn.execute(PARTY_OF_CASES)
        conn.executemany(
            "INSERT INTO case_events (case_id, kind, at, note, created_at) VALUES (?, ?, ?, ?, ?)",
            event_rows,
        )
    conn.commit()
    compute_clocks(store, log)
    conn.execute("PRAGMA optimize")
    conn.execute("ANALYZE")
    for table in ("order_cjk", "order_words", "case_cjk", "case_words"):
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    partial.rename(path)
    log(f"  store ready: {path.name} ({time.perf_counter() - started:.0f} s)")
    return path


def compute_clocks(store: Store, log=print) -> None:
    """What a store's first start does in the background: every clock computed by the
    rules, and the marks that say so, as in a store the seller has opened before (the
    start-up benchmark measures a normal start, not the first one)."""
    started = time.perf_counter()
    rows = deadlines_repo.bring_up_to_date(store, now_utc())  # rules stamp set: a normal start
    log(f"  clocks computed: {rows:,} rows ({time.perf_counter() - started:.0f} s)")


# Who must act next: the seller, except while the buyer is to send the return back.
PARTY_OF_CASES = (
    "UPDATE cases SET next_due_party = "
    "CASE WHEN state = 'awaiting_return' THEN 'buyer' ELSE 'seller' END"
)


def _flush(conn, order_rows: list, line_rows: list) -> None:
    conn.executemany(
        "INSERT INTO orders (id, shop_id, platform, order_no, buyer_nick, status, state, "
        "receiver_name, item_titles, item_count, total_fen, paid_fen, created_at, paid_at, "
        "shipped_at, courier, tracking_no, source, updated_at, next_due_at, next_due_party) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        order_rows,
    )
    conn.executemany(
        "INSERT INTO order_lines (order_id, position, sub_order_no, title, price_fen, quantity) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        line_rows,
    )
    order_rows.clear()
    line_rows.clear()


if __name__ == "__main__":
    generate(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
