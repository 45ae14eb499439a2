"""Schema steps, append-only: never edit or reorder a step once it has shipped; add a
new one at the end. The store refuses a file with a step it does not know (newer)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shopdesk.store.sqlite_db import full_database

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Step:
    name: str
    fn: Callable


class Steps:
    """The schema steps in order, kept as sqlite-utils' Migrations keeps them (its
    `_sqlite_migrations` table). Which steps a store has is read with one SELECT; only
    applying them imports sqlite-utils (opening a store on the start path does not)."""

    table = "_sqlite_migrations"

    def __init__(self, name: str):
        self.name = name
        self._migrations: list[Step] = []

    def __call__(self, *, name: str) -> Callable[[Callable], Callable]:
        def inner(fn: Callable) -> Callable:
            if any(step.name == name for step in self._migrations):
                raise ValueError(f"step {name} is already registered")
            self._migrations.append(Step(name, fn))
            return fn

        return inner

    def applied(self, db) -> list[str]:
        """The names of the steps the store has, in the order they were applied."""
        exists = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [self.table]
        ).fetchone()
        if exists is None:
            return []
        sql = f"SELECT name FROM {self.table} WHERE migration_set = ? ORDER BY rowid"
        return [row[0] for row in db.execute(sql, [self.name])]

    def pending(self, db) -> list[Step]:
        done = set(self.applied(db))
        return [step for step in self._migrations if step.name not in done]

    def apply(self, db) -> None:
        from sqlite_utils.migrations import Migrations

        steps = Migrations(self.name)
        for step in self._migrations:
            steps(name=step.name)(step.fn)
        steps.apply(full_database(db))


migrations = Steps("shopdesk")


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL            -- JSON
        );
        CREATE TABLE shops (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            platform TEXT NOT NULL,
            return_address TEXT NOT NULL DEFAULT '',
            promised_ship_hours INTEGER NOT NULL DEFAULT 48,
            signature TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE buyers (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            nick TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            first_seen_at TEXT,
            UNIQUE (platform, nick)
        );
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            shop_id INTEGER NOT NULL REFERENCES shops(id),
            platform TEXT NOT NULL,
            order_no TEXT NOT NULL,
            buyer_id INTEGER REFERENCES buyers(id),
            buyer_nick TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '',       -- the platform's own text
            state TEXT NOT NULL DEFAULT 'paid',    -- OrderState id
            receiver_name TEXT NOT NULL DEFAULT '',
            receiver_phone TEXT NOT NULL DEFAULT '',
            receiver_address TEXT NOT NULL DEFAULT '',
            item_titles TEXT NOT NULL DEFAULT '',
            item_count INTEGER NOT NULL DEFAULT 0,
            total_fen INTEGER NOT NULL DEFAULT 0,
            paid_fen INTEGER NOT NULL DEFAULT 0,
            postage_fen INTEGER NOT NULL DEFAULT 0,
            refund_fen INTEGER NOT NULL DEFAULT 0,
            created_at TEXT,
            paid_at TEXT,
            shipped_at TEXT,
            confirmed_at TEXT,
            closed_reason TEXT NOT NULL DEFAULT '',
            courier TEXT NOT NULL DEFAULT '',
            tracking_no TEXT NOT NULL DEFAULT '',
            buyer_message TEXT NOT NULL DEFAULT '',
            seller_note TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'manual', -- manual | import | demo
            source_stamp TEXT NOT NULL DEFAULT '', -- export time of the data kept, for newer-wins
            precision TEXT NOT NULL DEFAULT '{}',  -- JSON: per time field, 's' or 'm'
            updated_at TEXT NOT NULL,
            next_due_at TEXT,                      -- cache for sorting; derived from rules
            UNIQUE (platform, order_no)
        );
        CREATE INDEX orders_paid_at ON orders(paid_at);
        CREATE INDEX orders_next_due ON orders(next_due_at);
        CREATE INDEX orders_buyer ON orders(buyer_nick);
        CREATE INDEX orders_tracking ON orders(tracking_no);
        CREATE TABLE order_lines (
            id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            sub_order_no TEXT,
            title TEXT NOT NULL DEFAULT '',
            sku_props TEXT NOT NULL DEFAULT '',
            price_fen INTEGER NOT NULL DEFAULT 0,
            quantity INTEGER NOT NULL DEFAULT 1,
            outer_code TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '',
            UNIQUE (order_id, position)
        );
        CREATE UNIQUE INDEX order_lines_sub ON order_lines(order_id, sub_order_no)
            WHERE sub_order_no IS NOT NULL;
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders(id),
            kind TEXT NOT NULL,
            cause TEXT NOT NULL DEFAULT 'unknown',
            state TEXT NOT NULL DEFAULT 'awaiting_seller',  -- cache, derived from events
            refund_fen INTEGER NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            platform_refund_no TEXT NOT NULL DEFAULT '',
            platform_status TEXT NOT NULL DEFAULT '',
            platform_deadline TEXT,        -- the platform's own clock for the current step
            opened_at TEXT,
            closed_at TEXT,
            note TEXT NOT NULL DEFAULT '',
            next_due_at TEXT,              -- cache for sorting; derived from rules
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX cases_order ON cases(order_id);
        CREATE INDEX cases_next_due ON cases(next_due_at);
        CREATE UNIQUE INDEX cases_refund_no ON cases(platform_refund_no)
            WHERE platform_refund_no != '';
        CREATE TABLE case_events (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'local',   -- local | platform | template
            retracts INTEGER REFERENCES case_events(id),
            data TEXT NOT NULL DEFAULT '{}',        -- JSON
            created_at TEXT NOT NULL
        );
        CREATE INDEX case_events_case ON case_events(case_id, at);
        -- The timeline is append-only: a mistake is retracted by a correction event.
        CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
        BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;
        CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
        BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END;
        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            kind TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            file_name TEXT NOT NULL,
            mime TEXT NOT NULL DEFAULT '',
            bytes INTEGER NOT NULL,
            caption TEXT NOT NULL DEFAULT '',
            captured_at TEXT,
            added_at TEXT NOT NULL,
            data TEXT NOT NULL DEFAULT '{}'          -- JSON (e.g. parsed chat messages)
        );
        CREATE INDEX evidence_case ON evidence(case_id);
        CREATE TABLE templates (
            id TEXT PRIMARY KEY,
            builtin_of TEXT,               -- the built-in template this one was copied from
            tags TEXT NOT NULL DEFAULT '{}',       -- JSON
            texts TEXT NOT NULL DEFAULT '{}',      -- JSON: language -> {title, body}
            limit_chars INTEGER,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE template_usage (
            template_id TEXT PRIMARY KEY,
            uses INTEGER NOT NULL DEFAULT 0,
            last_used_at TEXT
        );
        CREATE TABLE reminders_fired (
            key TEXT PRIMARY KEY,          -- subject, rule, due time and lead time
            fired_at TEXT NOT NULL
        );
        """
    )


@migrations(name="0002_rules_next_due_party")
def rules_next_due_party(db: Database) -> None:
    """Who must act on the cached soonest deadline, and its rule: the 待办 view pages
    through orders and cases by next_due_at and filters by party in SQL."""
    db.executescript(
        """
        ALTER TABLE orders ADD COLUMN next_due_party TEXT;
        ALTER TABLE orders ADD COLUMN next_due_rule TEXT;
        ALTER TABLE cases ADD COLUMN next_due_party TEXT;
        ALTER TABLE cases ADD COLUMN next_due_rule TEXT;
        """
    )


_ORDER_TEXT = (
    "{o}.order_no || ' ' || {o}.buyer_nick || ' ' || {o}.receiver_name || ' ' || "
    "{o}.item_titles || ' ' || {o}.tracking_no"
)
_CASE_TEXT = (
    "{c}.reason || ' ' || {c}.note || ' ' || {c}.description || ' ' || {c}.platform_refund_no"
)


def _index_rows(table: str, rowid: str, text: str, delete: bool = False) -> str:
    """INSERT statements adding (or, with delete, removing) one search document."""
    if delete:
        return (
            f"INSERT INTO {table}_cjk ({table}_cjk, rowid, uni, bi) VALUES ('delete', {rowid}, "
            f"shopdesk_uni({text}), shopdesk_bi({text}));\n"
            f"INSERT INTO {table}_words ({table}_words, rowid, words) VALUES ('delete', {rowid}, "
            f"shopdesk_words({text}));\n"
        )
    return (
        f"INSERT INTO {table}_cjk (rowid, uni, bi) VALUES ({rowid}, shopdesk_uni({text}), "
        f"shopdesk_bi({text}));\n"
        f"INSERT INTO {table}_words (rowid, words) VALUES ({rowid}, shopdesk_words({text}));\n"
    )


ORDER_SEARCH_TEXT = _ORDER_TEXT.format(o="o")
_ORDER_OF = "(SELECT " + ORDER_SEARCH_TEXT + " FROM orders o WHERE o.id = {c}.order_id)"
CASE_SEARCH_TEXT = _CASE_TEXT.format(c="c") + " || ' ' || " + _ORDER_OF.format(c="c")


def index_existing_sql(only_after: bool = False) -> list[str]:
    """Statements that index every order and case in one pass each (much cheaper than row
    by row). `only_after`: just the rows with ids above the `:order_after` and
    `:case_after` parameters (what a big import wrote with its triggers held back)."""
    order_where = " WHERE o.id > :order_after" if only_after else ""
    case_where = " WHERE c.id > :case_after" if only_after else ""
    return [
        "INSERT INTO order_cjk (rowid, uni, bi) SELECT o.id, "
        f"shopdesk_uni({ORDER_SEARCH_TEXT}), shopdesk_bi({ORDER_SEARCH_TEXT}) FROM orders o"
        + order_where,
        "INSERT INTO order_words (rowid, words) SELECT o.id, "
        f"shopdesk_words({ORDER_SEARCH_TEXT}) FROM orders o" + order_where,
        "INSERT INTO case_cjk (rowid, uni, bi) SELECT c.id, "
        f"shopdesk_uni({CASE_SEARCH_TEXT}), shopdesk_bi({CASE_SEARCH_TEXT}) FROM cases c"
        + case_where,
        "INSERT INTO case_words (rowid, words) SELECT c.id, "
        f"shopdesk_words({CASE_SEARCH_TEXT}) FROM cases c" + case_where,
    ]


SEARCH_TRIGGERS = (
    "orders_search_insert",
    "orders_search_update",
    "orders_search_delete",
    "cases_search_insert",
    "cases_search_update",
    "cases_search_delete",
)


def _search_triggers(gated: bool) -> str:
    """The triggers that keep the search tables current. `gated` (step 0004): a row is
    indexed only when `shopdesk_indexed(table, id)` says so, which lets a big import
    hold back its new rows and index them in one pass at the end (search_text.py)."""

    def when(table: str, row: str) -> str:
        return f" WHEN shopdesk_indexed('{table}', {row}.id)" if gated else ""

    case_gate = " AND shopdesk_indexed('case', c.id)" if gated else ""
    new_order = _ORDER_TEXT.format(o="new")
    old_order = _ORDER_TEXT.format(o="old")
    new_case = _CASE_TEXT.format(c="new") + " || ' ' || " + _ORDER_OF.format(c="new")
    old_case = _CASE_TEXT.format(c="old") + " || ' ' || " + _ORDER_OF.format(c="old")
    case_with = _CASE_TEXT.format(c="c") + " || ' ' || {order}"
    order_fields = "order_no, buyer_nick, receiver_name, item_titles, tracking_no"
    case_fields = "reason, note, description, platform_refund_no, order_id"
    return (
        f"CREATE TRIGGER orders_search_insert AFTER INSERT ON orders{when('order', 'new')} BEGIN\n"
        + _index_rows("order", "new.id", new_order)
        + "END;\n"
        f"CREATE TRIGGER orders_search_update AFTER UPDATE OF {order_fields} ON orders"
        f"{when('order', 'new')} BEGIN\n"
        + _index_rows("order", "old.id", old_order, delete=True)
        + _index_rows("order", "new.id", new_order)
        + "INSERT INTO case_cjk (case_cjk, rowid, uni, bi) SELECT 'delete', c.id, "
        f"shopdesk_uni({case_with.format(order=old_order)}), "
        f"shopdesk_bi({case_with.format(order=old_order)}) FROM cases c "
        f"WHERE c.order_id = old.id{case_gate};\n"
        "INSERT INTO case_words (case_words, rowid, words) SELECT 'delete', c.id, "
        f"shopdesk_words({case_with.format(order=old_order)}) FROM cases c "
        f"WHERE c.order_id = old.id{case_gate};\n"
        "INSERT INTO case_cjk (rowid, uni, bi) SELECT c.id, "
        f"shopdesk_uni({case_with.format(order=new_order)}), "
        f"shopdesk_bi({case_with.format(order=new_order)}) FROM cases c "
        f"WHERE c.order_id = new.id{case_gate};\n"
        "INSERT INTO case_words (rowid, words) SELECT c.id, "
        f"shopdesk_words({case_with.format(order=new_order)}) FROM cases c "
        f"WHERE c.order_id = new.id{case_gate};\n"
        "END;\n"
        f"CREATE TRIGGER orders_search_delete AFTER DELETE ON orders{when('order', 'old')} BEGIN\n"
        + _index_rows("order", "old.id", old_order, delete=True)
        + "END;\n"
        f"CREATE TRIGGER cases_search_insert AFTER INSERT ON cases{when('case', 'new')} BEGIN\n"
        + _index_rows("case", "new.id", new_case)
        + "END;\n"
        f"CREATE TRIGGER cases_search_update AFTER UPDATE OF {case_fields} ON cases"
        f"{when('case', 'new')} BEGIN\n"
        + _index_rows("case", "old.id", old_case, delete=True)
        + _index_rows("case", "new.id", new_case)
        + "END;\n"
        f"CREATE TRIGGER cases_search_delete AFTER DELETE ON cases{when('case', 'old')} BEGIN\n"
        + _index_rows("case", "old.id", old_case, delete=True)
        + "END;\n"
    )


@migrations(name="0003_perf_search")
def perf_search(db: Database) -> None:
    """Chinese-capable search and an index for every sortable column (issue 8).

    Contentless FTS5 tables (see store/search_text.py): `order_cjk`/`case_cjk` hold CJK
    characters and character pairs, `order_words`/`case_words` everything else with a
    prefix index. A case's document also holds its order's text. Triggers keep them
    current; they call the shopdesk_* SQL functions Store.open registers.
    """
    script = ""
    for table in ("order", "case"):
        script += (
            f"CREATE VIRTUAL TABLE {table}_cjk USING fts5(uni, bi, content='', columnsize=0, "
            "tokenize='unicode61 remove_diacritics 0');\n"
            f"CREATE VIRTUAL TABLE {table}_words USING fts5(words, content='', columnsize=0, "
            "detail='none', prefix='1 2 3 4 5 6 7 8', tokenize='unicode61 remove_diacritics 0');\n"
        )
    script += _search_triggers(gated=False)
    # What is already in the store.
    script += "".join(sql + ";\n" for sql in index_existing_sql())
    script += (
        # Every sortable column pages through an index (ORDER BY <expression>, id).
        "CREATE INDEX orders_sort_paid ON orders(coalesce(paid_at, created_at));\n"
        "CREATE INDEX orders_sort_due ON orders(coalesce(next_due_at, '9999'));\n"
        "CREATE INDEX orders_sort_no ON orders(order_no);\n"
        "CREATE INDEX orders_sort_status ON orders(status);\n"
        "CREATE INDEX orders_sort_paid_fen ON orders(paid_fen);\n"
        "CREATE INDEX cases_sort_opened ON cases(opened_at);\n"
        "CREATE INDEX cases_sort_due ON cases(coalesce(next_due_at, '9999'));\n"
        "CREATE INDEX cases_sort_kind ON cases(kind);\n"
        "CREATE INDEX cases_sort_state ON cases(state);\n"
        "CREATE INDEX cases_sort_refund ON cases(refund_fen);\n"
        # The 待办 list (orders and open cases by due time, order rows keyed by -id): a
        # compound SELECT ... UNION ALL ... ORDER BY next_due_at, id merges these two.
        "CREATE INDEX orders_due_list ON orders(next_due_at, -id, next_due_party) "
        "WHERE next_due_at IS NOT NULL;\n"
        "CREATE INDEX cases_due_list ON cases(next_due_at, id, next_due_party) "
        "WHERE next_due_at IS NOT NULL AND state NOT IN ('refunded', 'closed', 'withdrawn');\n"
    )
    db.executescript(script)


@migrations(name="0004_bulk_search_and_change_indexes")
def bulk_search_and_change_indexes(db: Database) -> None:
    """Two speed-ups measured on a million orders (benchmarks/).

    The search triggers learn to hold back rows a big import indexes in one pass: row by
    row, FTS5 flushes its pending index at every trigger statement, which made indexing
    three times slower than the import's own writes. And what changed since the last
    deadline refresh (every start, after every import) is found through indexes instead
    of reading every order."""
    drops = "".join(f"DROP TRIGGER {name};\n" for name in SEARCH_TRIGGERS)
    db.executescript(
        drops
        + _search_triggers(gated=True)
        + "CREATE INDEX orders_changed ON orders(updated_at);\n"
        "CREATE INDEX cases_changed ON cases(updated_at);\n"
        "CREATE INDEX case_events_created ON case_events(created_at);\n"
    )


@migrations(name="0005_clocks_delivered_at")
def clocks_delivered_at(db: Database) -> None:
    """When the buyer signed for the parcel (签收): the 7-day no-reason return counts from
    the day after it. NULL where no export or entry gave it (the clock then starts at
    交易成功, marked as an estimate)."""
    db.execute("ALTER TABLE orders ADD COLUMN delivered_at TEXT")


@migrations(name="0006_case_facts")
def case_facts(db: Database) -> None:
    """Why, what it cost and how it ended, cached per case for listing: the timeline's
    cause, money, inspection and outcome entries are the record (services in
    store/case_facts.py keep these columns current). `platform_cause` is what the
    platform's own reason words map to; a cause the seller chose is never overwritten."""
    db.executescript(
        "ALTER TABLE cases ADD COLUMN platform_cause TEXT;\n"
        "ALTER TABLE cases ADD COLUMN cause_source TEXT NOT NULL DEFAULT 'platform';\n"
        "ALTER TABLE cases ADD COLUMN cause_question TEXT NOT NULL DEFAULT '';\n"
        "ALTER TABLE cases ADD COLUMN responsibility TEXT;\n"
        "ALTER TABLE cases ADD COLUMN outcome TEXT;\n"
        "ALTER TABLE cases ADD COLUMN money_refund_fen INTEGER NOT NULL DEFAULT 0;\n"
        "ALTER TABLE cases ADD COLUMN money_compensation_fen INTEGER NOT NULL DEFAULT 0;\n"
        "ALTER TABLE cases ADD COLUMN money_recovered_fen INTEGER NOT NULL DEFAULT 0;\n"
        "ALTER TABLE cases ADD COLUMN money_net_fen INTEGER NOT NULL DEFAULT 0;\n"
        "CREATE INDEX cases_cause ON cases(cause);\n"
    )


@migrations(name="0007_pdd_ship_by_at")
def pdd_ship_by_at(db: Database) -> None:
    """The ship-by deadline an export gives for an order (Pinduoduo's 承诺发货时间, which
    the platform computes): the ship clock counts down to it instead of an estimate."""
    db.execute("ALTER TABLE orders ADD COLUMN ship_by_at TEXT")


# A line's product key (insights.PRODUCT_KEY): 商家编码, else the title.
def _product_key(line: str) -> str:
    return (
        f"CASE WHEN trim({line}.outer_code) = '' OR lower(trim({line}.outer_code)) = 'null' "
        f"THEN {line}.title ELSE trim({line}.outer_code) END"
    )


# The China day, week (its Monday) and month (its first day) of a stored UTC time
# (China has no daylight saving time).
_BUCKETS = (
    ("d", "date({paid}, '+8 hours')"),
    ("w", "date({paid}, '+8 hours', 'weekday 0', '-6 days')"),
    ("m", "strftime('%Y-%m-01', {paid}, '+8 hours')"),
)


def _bump_units(sign: str, line: str, order: str, source: str, where: str) -> str:
    """Add (sign '+') or take away (sign '-') the units of lines to their day, week and
    month."""
    statements = []
    for level, bucket in _BUCKETS:
        day = bucket.format(paid=f"{order}.paid_at")
        statements.append(
            "INSERT INTO product_units (level, bucket, shop_id, platform, product, units, "
            f"lines, title) SELECT '{level}', {day}, {order}.shop_id, {order}.platform, "
            f"{_product_key(line)}, {sign}{line}.quantity, {sign}1, {line}.title "
            f"FROM {source} WHERE {where} AND {day} IS NOT NULL "
            "ON CONFLICT DO UPDATE SET units = units + excluded.units, "
            "lines = lines + excluded.lines, title = min(title, excluded.title);\n"
        )
    return "".join(statements)


def _units_triggers() -> str:
    line_changed = (
        "OLD.quantity IS NOT NEW.quantity OR OLD.outer_code IS NOT NEW.outer_code "
        "OR OLD.title IS NOT NEW.title OR OLD.order_id IS NOT NEW.order_id"
    )
    order_changed = (
        "OLD.paid_at IS NOT NEW.paid_at OR OLD.shop_id IS NOT NEW.shop_id "
        "OR OLD.platform IS NOT NEW.platform"
    )

    def of(line: str, sign: str) -> str:
        return _bump_units(sign, line, "o", "orders o", f"o.id = {line}.order_id")

    def lines_of(order: str, sign: str) -> str:
        return _bump_units(sign, "l", order, "order_lines l", f"l.order_id = {order}.id")

    return (
        f"CREATE TRIGGER product_units_line_added AFTER INSERT ON order_lines BEGIN\n"
        f"{of('NEW', '+')}END;\n"
        f"CREATE TRIGGER product_units_line_removed AFTER DELETE ON order_lines BEGIN\n"
        f"{of('OLD', '-')}END;\n"
        "CREATE TRIGGER product_units_line_changed AFTER UPDATE OF quantity, outer_code, "
        f"title, order_id ON order_lines WHEN {line_changed} BEGIN\n"
        f"{of('OLD', '-')}{of('NEW', '+')}END;\n"
        "CREATE TRIGGER product_units_order_changed AFTER UPDATE OF paid_at, shop_id, "
        f"platform ON orders WHEN {order_changed} BEGIN\n"
        f"{lines_of('OLD', '-')}{lines_of('NEW', '+')}END;\n"
        # before the order goes: its lines' delete (cascade) no longer finds it
        f"CREATE TRIGGER product_units_order_removed BEFORE DELETE ON orders BEGIN\n"
        f"{lines_of('OLD', '-')}END;\n"
    )


@migrations(name="0008_product_units_and_refunded_item")
def product_units_and_refunded_item(db: Database) -> None:
    """Two things the 分析 view needs at a million orders.

    Units sold per product per China day, week and month, kept by triggers on every
    write of an order or its lines (import, the order form, the demo), so a breakdown
    over 90 days reads a few sums per product instead of every order line
    (benchmarks/insights_bench.py). `lines` counts the order lines summed: a product
    with none left is not sold. And the few return inspections (they name the lines a
    case concerns) found without reading every case's timeline.

    And the item a refund names (the export's 宝贝标题 on a refund row): the case then
    counts under that product, not under every line of its order."""
    db.executescript(
        "CREATE TABLE product_units (\n"
        "    level TEXT NOT NULL,       -- 'd' a China day, 'w' a week, 'm' a month\n"
        "    bucket TEXT NOT NULL,      -- its first day, YYYY-MM-DD\n"
        "    shop_id INTEGER NOT NULL,\n"
        "    platform TEXT NOT NULL,\n"
        "    product TEXT NOT NULL,\n"
        "    units INTEGER NOT NULL,\n"
        "    lines INTEGER NOT NULL,\n"
        "    title TEXT NOT NULL,\n"
        "    PRIMARY KEY (level, bucket, shop_id, platform, product)\n"
        ") WITHOUT ROWID;\n"
        "CREATE INDEX product_units_product ON product_units(product, level, bucket);\n"
        "CREATE INDEX case_events_inspected ON case_events(case_id) WHERE kind = 'inspected';\n"
        "ALTER TABLE cases ADD COLUMN item_title TEXT NOT NULL DEFAULT '';\n"
    )
    for level, bucket in _BUCKETS:
        day = bucket.format(paid="o.paid_at")
        db.execute(
            "INSERT INTO product_units (level, bucket, shop_id, platform, product, units, "
            f"lines, title) SELECT '{level}', {day} AS b, o.shop_id, o.platform, "
            f"{_product_key('l')} AS k, sum(l.quantity), count(*), min(l.title) "
            f"FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE {day} IS NOT NULL "
            "GROUP BY b, o.shop_id, o.platform, k"
        )
    db.executescript(_units_triggers())


@migrations(name="0009_due_search_ids")
def due_search_ids(db: Database) -> None:
    """Small indexes of the 待办 rows by id (with due time and party, so no table row is
    read): a 待办 search looks each match up here, not in the million-row tables
    (store/due_search.py)."""
    db.executescript(
        "CREATE INDEX orders_due_ids ON orders(id, next_due_at, next_due_party) "
        "WHERE next_due_at IS NOT NULL;\n"
        "CREATE INDEX cases_due_ids ON cases(id, next_due_at, next_due_party, state) "
        "WHERE next_due_at IS NOT NULL AND state NOT IN ('refunded', 'closed', 'withdrawn');\n"
    )


# What a trimmed title is for the refunded item's match: the ends' spaces, tabs, line
# breaks, no-break and full-width spaces (as Python's str.strip() takes them away).
_BLANKS = "' ' || char(9, 10, 13, 160, 12288)"


def _trimmed(text: str) -> str:
    return f"trim({text}, {_BLANKS})"


def _kept_inspection(case: str) -> str:
    """The data of the case's latest kept return inspection that names lines."""
    return (
        "(SELECT e.data FROM case_events e WHERE e.case_id = "
        f"{case} AND e.kind = 'inspected' AND json_valid(e.data) "
        "AND json_type(e.data, '$.lines') = 'array' AND NOT EXISTS (SELECT 1 FROM "
        "case_events r WHERE r.case_id = e.case_id AND r.retracts = e.id) "
        "ORDER BY e.id DESC LIMIT 1)"
    )


def _fill_case_products(where: str) -> str:
    """Insert the products of the cases matching `where` (on cases c): the lines its
    latest kept return inspection names, else the lines of the item its refund names
    where the order has that item, else every line of its order; each product once,
    with its smallest title."""
    inspection = _kept_inspection("c.id")
    item = _trimmed("c.item_title")
    return (
        "INSERT INTO case_products (case_id, product, title) "
        f"SELECT c.id, {_product_key('l')} AS k, min(l.title) FROM cases c "
        f"JOIN order_lines l ON l.order_id = c.order_id WHERE {where} AND CASE "
        f"WHEN {inspection} IS NOT NULL THEN l.position IN (SELECT "
        "CAST(json_extract(j.value, '$.line') AS INTEGER) FROM "
        f"json_each({inspection}, '$.lines') j) "
        f"WHEN {item} != '' AND EXISTS (SELECT 1 FROM order_lines m WHERE "
        f"m.order_id = c.order_id AND {_trimmed('m.title')} = {item}) "
        f"THEN {_trimmed('l.title')} = {item} ELSE 1 END GROUP BY c.id, k;\n"
    )


def _refresh_case(case: str) -> str:
    return f"DELETE FROM case_products WHERE case_id = {case};\n" + _fill_case_products(
        f"c.id = {case}"
    )


def _refresh_order(order: str) -> str:
    return (
        "DELETE FROM case_products WHERE case_id IN "
        f"(SELECT id FROM cases WHERE order_id = {order});\n"
        + _fill_case_products(f"c.order_id = {order}")
    )


def _case_products_triggers() -> str:
    event_matters = "{row}.kind = 'inspected' OR {row}.retracts IS NOT NULL"
    return (
        "CREATE TRIGGER case_products_case_added AFTER INSERT ON cases BEGIN\n"
        f"{_refresh_case('NEW.id')}END;\n"
        "CREATE TRIGGER case_products_case_changed AFTER UPDATE OF order_id, item_title "
        "ON cases WHEN OLD.order_id IS NOT NEW.order_id OR OLD.item_title IS NOT "
        f"NEW.item_title BEGIN\n{_refresh_case('NEW.id')}END;\n"
        "CREATE TRIGGER case_products_case_removed AFTER DELETE ON cases BEGIN\n"
        "DELETE FROM case_products WHERE case_id = OLD.id;\nEND;\n"
        "CREATE TRIGGER case_products_line_added AFTER INSERT ON order_lines BEGIN\n"
        f"{_refresh_order('NEW.order_id')}END;\n"
        "CREATE TRIGGER case_products_line_removed AFTER DELETE ON order_lines BEGIN\n"
        f"{_refresh_order('OLD.order_id')}END;\n"
        "CREATE TRIGGER case_products_line_changed AFTER UPDATE OF order_id, position, "
        "outer_code, title ON order_lines WHEN OLD.order_id IS NOT NEW.order_id OR "
        "OLD.position IS NOT NEW.position OR OLD.outer_code IS NOT NEW.outer_code OR "
        "OLD.title IS NOT NEW.title BEGIN\n"
        f"{_refresh_order('OLD.order_id')}{_refresh_order('NEW.order_id')}END;\n"
        "CREATE TRIGGER case_products_event_added AFTER INSERT ON case_events WHEN "
        f"{event_matters.format(row='NEW')} BEGIN\n{_refresh_case('NEW.case_id')}END;\n"
    )


@migrations(name="0010_case_products")
def case_products(db: Database) -> None:
    """The products each case concerns, kept by triggers on every write of a case, its
    order's lines or its return inspections (import, the case panel, the command line):
    the 分析 view's product figures read them with one GROUP BY instead of working out
    every case's lines in Python (benchmarks/insights_bench.py)."""
    db.executescript(
        "CREATE TABLE case_products (\n"
        "    case_id INTEGER NOT NULL,\n"
        "    product TEXT NOT NULL,     -- insights.PRODUCT_KEY of its lines\n"
        "    title TEXT NOT NULL,       -- the smallest title of those lines\n"
        "    PRIMARY KEY (case_id, product)\n"
        ") WITHOUT ROWID;\n"
        "CREATE INDEX case_products_product ON case_products(product, case_id);\n"
        + _fill_case_products("1")
        + _case_products_triggers()
    )


@migrations(name="0011_case_sub_order_no")
def case_sub_order_no(db: Database) -> None:
    """The order line (子订单) a case is about, where the after-sales export names it
    (Douyin's 商品单号 = 子订单编号): matched to order_lines.sub_order_no of the case's
    order. NULL where no export said (older cases, platforms without such a column)."""
    db.execute("ALTER TABLE cases ADD COLUMN sub_order_no TEXT")


# -- the 待办 rows' own search index (steps 0012, 0013) -----------------------------------
# A document per 待办 row, with the tokens order_cjk/order_words or case_cjk/case_words
# give the same row. Its id is the row's place in the 待办 list (step 0013): the second it
# falls due, then, within one second, orders before cases as the list sorts them (an
# order's list id is minus its id, so the newest order first, then cases by id). FTS5
# reads a term's documents in id order, so the first page of a search is the first
# documents that match, whatever their number.
# The tables are contentless, so a document must be taken out with the very text and id
# it went in with: `due_docs` says which documents are in (and whose turn the row's clock
# is), and each table has one trigger for every change of that text, of the row being due
# or of its due time, taking the old document out and putting the new one in (two
# triggers on one change could run in either order).
_DUE_ORDER = "{o}.next_due_at IS NOT NULL"
_DUE_CASE = (
    "coalesce({c}.next_due_at IS NOT NULL "
    "AND {c}.state NOT IN ('refunded', 'closed', 'withdrawn'), 0)"
)
_ORDER_FIELDS = ("order_no", "buyer_nick", "receiver_name", "item_titles", "tracking_no")
_CASE_FIELDS = ("reason", "note", "description", "platform_refund_no", "order_id")
DUE_EPOCH = 946684800  # 2000-01-01 UTC: due seconds from here fit 32 bits until 2136
DUE_ID_BITS = 31  # a document's low bits: the row within its second
DUE_CASE_BASE = 1 << 30  # ids below 2^30 (a billion rows): order 2^30 - id, case 2^30 + id


def _due_doc(row: str, kind: str) -> str:
    """The document id of the 待办 row `row` (a table alias) of `kind`."""
    second = (
        f"min(max(coalesce(CAST(strftime('%s', {row}.next_due_at) AS INTEGER), 0) "
        f"- {DUE_EPOCH}, 0), 4294967295)"
    )
    within = f"{DUE_CASE_BASE} - {row}.id" if kind == "order" else f"{DUE_CASE_BASE} + {row}.id"
    return f"(({second}) << {DUE_ID_BITS}) + {within}"


def _due_out(doc: str, text: str, rows: str) -> str:
    """Take the documents `doc` of `rows` (a FROM ... WHERE naming due_docs m) out of the
    待办 search, `text` being what each went in with."""
    return (
        f"INSERT INTO due_cjk (due_cjk, rowid, uni, bi) SELECT 'delete', {doc}, "
        f"shopdesk_uni({text}), shopdesk_bi({text}) {rows};\n"
        f"INSERT INTO due_words (due_words, rowid, words) SELECT 'delete', {doc}, "
        f"shopdesk_words({text}) {rows};\n"
        f"DELETE FROM due_docs WHERE id IN (SELECT {doc} {rows});\n"
    )


def _due_in(doc: str, text: str, party: str, rows: str) -> str:
    """Put the documents `doc` of `rows` (a [FROM ...] WHERE) into the 待办 search, with
    the party whose turn each row's clock is."""
    return (
        f"INSERT INTO due_cjk (rowid, uni, bi) SELECT {doc}, shopdesk_uni({text}), "
        f"shopdesk_bi({text}) {rows};\n"
        f"INSERT INTO due_words (rowid, words) SELECT {doc}, shopdesk_words({text}) {rows};\n"
        f"INSERT INTO due_docs (id, party) SELECT {doc}, {party} {rows};\n"
    )


def _changed(fields: tuple[str, ...]) -> str:
    return " OR ".join(f"old.{name} IS NOT new.{name}" for name in fields)


def _due_search_triggers() -> str:
    old_order, new_order = _ORDER_TEXT.format(o="old"), _ORDER_TEXT.format(o="new")
    old_case = _CASE_TEXT.format(c="old") + " || ' ' || " + _ORDER_OF.format(c="old")
    new_case = _CASE_TEXT.format(c="new") + " || ' ' || " + _ORDER_OF.format(c="new")
    case_with = _CASE_TEXT.format(c="c") + " || ' ' || {order}"
    member = "FROM due_docs m WHERE m.id = {doc}"
    order_text_changed = _changed(_ORDER_FIELDS)
    clock = ("next_due_at", "next_due_party")  # a document's id, and whose turn it is
    order_changed = (
        f"({_DUE_ORDER.format(o='old')}) IS NOT ({_DUE_ORDER.format(o='new')}) "
        f"OR {_changed(clock)} OR {order_text_changed}"
    )
    case_changed = (
        f"{_DUE_CASE.format(c='old')} IS NOT {_DUE_CASE.format(c='new')} "
        f"OR {_changed(clock)} OR {_changed(_CASE_FIELDS)}"
    )
    old_doc, new_doc = _due_doc("old", "order"), _due_doc("new", "order")
    old_case_doc, new_case_doc = _due_doc("old", "case"), _due_doc("new", "case")
    case_doc = _due_doc("c", "case")
    cases_of = (
        f"FROM cases c JOIN due_docs m ON m.id = {case_doc} "
        "WHERE c.order_id = {order} AND shopdesk_indexed('case', c.id){also}"
    )
    due_cases_of = (
        f"FROM cases c WHERE c.order_id = new.id AND {_DUE_CASE.format(c='c')} "
        f"AND shopdesk_indexed('case', c.id) AND ({order_text_changed})"
    )
    due_order_now = f"WHERE {_DUE_ORDER.format(o='new')}"
    due_case_now = f"WHERE {_DUE_CASE.format(c='new')}"
    fields = ", ".join((*clock, *_ORDER_FIELDS))
    case_fields = ", ".join((*clock, "state", *_CASE_FIELDS))
    return (
        # The columns are compared first: an update that changes nothing the index holds
        # (the clock recompute writing the times it had) asks no Python function, nor
        # does a write by a tool that has none.
        "CREATE TRIGGER orders_due_search_insert AFTER INSERT ON orders "
        f"WHEN {_DUE_ORDER.format(o='new')} AND shopdesk_indexed('order', new.id) BEGIN\n"
        + _due_in(new_doc, new_order, "new.next_due_party", due_order_now)
        + "END;\n"
        f"CREATE TRIGGER orders_due_search_update AFTER UPDATE OF {fields} ON orders "
        f"WHEN ({order_changed}) AND shopdesk_indexed('order', new.id) BEGIN\n"
        + _due_out(old_doc, old_order, member.format(doc=old_doc))
        + _due_in(new_doc, new_order, "new.next_due_party", due_order_now)
        # its cases' documents hold the order's text too
        + _due_out(
            case_doc,
            case_with.format(order=old_order),
            cases_of.format(order="old.id", also=f" AND ({order_text_changed})"),
        )
        + _due_in(case_doc, case_with.format(order=new_order), "c.next_due_party", due_cases_of)
        + "END;\n"
        "CREATE TRIGGER orders_due_search_delete AFTER DELETE ON orders "
        "WHEN shopdesk_indexed('order', old.id) BEGIN\n"
        + _due_out(old_doc, old_order, member.format(doc=old_doc))
        + _due_out(
            case_doc, case_with.format(order=old_order), cases_of.format(order="old.id", also="")
        )
        + "END;\n"
        "CREATE TRIGGER cases_due_search_insert AFTER INSERT ON cases "
        f"WHEN {_DUE_CASE.format(c='new')} AND shopdesk_indexed('case', new.id) BEGIN\n"
        + _due_in(new_case_doc, new_case, "new.next_due_party", due_case_now)
        + "END;\n"
        f"CREATE TRIGGER cases_due_search_update AFTER UPDATE OF {case_fields} ON cases "
        f"WHEN ({case_changed}) AND shopdesk_indexed('case', new.id) BEGIN\n"
        + _due_out(old_case_doc, old_case, member.format(doc=old_case_doc))
        + _due_in(new_case_doc, new_case, "new.next_due_party", due_case_now)
        + "END;\n"
        "CREATE TRIGGER cases_due_search_delete AFTER DELETE ON cases "
        "WHEN shopdesk_indexed('case', old.id) BEGIN\n"
        + _due_out(old_case_doc, old_case, member.format(doc=old_case_doc))
        + "END;\n"
    )


def index_due_sql(only_after: bool = False) -> list[str]:
    """Statements that put every 待办 row into the 待办 search in one pass (`only_after`:
    the rows above `:order_after` and `:case_after`, as index_existing_sql)."""
    orders = f"FROM orders o WHERE {_DUE_ORDER.format(o='o')}"
    cases = f"FROM cases c WHERE {_DUE_CASE.format(c='c')}"
    if only_after:
        orders += " AND o.id > :order_after"
        cases += " AND c.id > :case_after"
    statements = _due_in(
        _due_doc("o", "order"), ORDER_SEARCH_TEXT, "o.next_due_party", orders
    ) + _due_in(_due_doc("c", "case"), CASE_SEARCH_TEXT, "c.next_due_party", cases)
    return [sql for sql in statements.split(";\n") if sql.strip()]


_DUE_TRIGGERS = [
    f"{table}_due_search_{change}"
    for table in ("orders", "cases")
    for change in ("insert", "update", "delete")
]


def _build_due_search(db: Database) -> None:
    db.executescript(
        "CREATE VIRTUAL TABLE due_cjk USING fts5(uni, bi, content='', columnsize=0, "
        "tokenize='unicode61 remove_diacritics 0');\n"
        "CREATE VIRTUAL TABLE due_words USING fts5(words, content='', columnsize=0, "
        "detail='none', prefix='1 2 3 4 5 6 7 8', tokenize='unicode61 remove_diacritics 0');\n"
        "CREATE TABLE due_docs (id INTEGER PRIMARY KEY, party TEXT);\n"
        + "".join(sql + ";\n" for sql in index_due_sql())
        + _due_search_triggers()
        # built in one go: merged into one segment, as the index is read fastest
        + "INSERT INTO due_cjk (due_cjk) VALUES ('optimize');\n"
        "INSERT INTO due_words (due_words) VALUES ('optimize');\n"
    )


@migrations(name="0012_due_search")
def due_search(db: Database) -> None:
    """The 待办 rows' own search index (store/due_search.py): at a million orders a 待办
    search read every match of the whole store's index (32,000 for a buyer's name) to
    keep the 2,000 that are 待办 rows; this index holds only those rows. (Built as step
    0013 keys it; 0013 rebuilds the stores that had this step's first form.)"""
    _build_due_search(db)


@migrations(name="0013_due_search_in_due_order")
def due_search_in_due_order(db: Database) -> None:
    """The 待办 search's documents keyed by their place in the 待办 list: a search's first
    page is the first documents that match (at a million orders, 4-5 ms of sampling,
    walking and sorting matches became well under one)."""
    for trigger in _DUE_TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in ("due_cjk", "due_words", "due_docs"):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    _build_due_search(db)


def known_names() -> set[str]:
    return {m.name for m in migrations._migrations}
