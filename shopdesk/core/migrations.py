"""Schema steps, append-only: never edit or reorder a step once it has shipped; add a
new one at the end. The store refuses a file with a step it does not know (newer)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("shopdesk")


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


def known_names() -> set[str]:
    return {m.name for m in migrations._migrations}
