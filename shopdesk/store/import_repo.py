"""Apply platform exports to a Store: one import is one transaction (all files or none).

    report = import_files(store, paths, now=now)   # InputError: nothing imported at all

Orders are upserted by (platform, order_no): the newer export (by the time in its file
name, else by import order) wins, but a less precise time never replaces a more precise
one; a receiver masked (`王*阳`, `137****1772`) or left out never replaces the full one
known, and a full one fills in a masked one. Item lines attach to their orders by
子订单编号, else by position and product. Refund rows become cases with platform events;
the platform's status and deadline win.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any

from shopdesk.domain import messages
from shopdesk.domain.case_states import FACT_EVENTS
from shopdesk.domain.errors import InputError
from shopdesk.domain.model import CaseState, EventKind
from shopdesk.domain.timeutil import CHINA, from_text, to_text
from shopdesk.importers import (
    ExportFile,
    ExportKind,
    ParsedLine,
    ParsedOrder,
    ParsedRefund,
    Problem,
    open_export,
)
from shopdesk.importers.cells import PRECISION_RANK
from shopdesk.platforms import registry
from shopdesk.platforms.reasons import read_reason
from shopdesk.store.safeio import disk_errors
from shopdesk.store.search_repo import index_in_bulk

CHUNK = 500
BUYER_CACHE = 20_000
PROGRESS_STEPS = 1000  # progress units per file
INDEX_SHARE = 4  # the search index, built at the end, is about a fifth of the work

ORDER_TIMES = ("created_at", "paid_at", "shipped_at", "confirmed_at", "ship_by_at")
ORDER_FIELDS = (
    "buyer_nick",
    "status",
    "state",
    "receiver_name",
    "receiver_phone",
    "receiver_address",
    "item_titles",
    "item_count",
    "total_fen",
    "paid_fen",
    "postage_fen",
    "refund_fen",
    *ORDER_TIMES,
    "closed_reason",
    "courier",
    "tracking_no",
    "buyer_message",
    "seller_note",
)
ORDER_TEXTS = {
    "buyer_nick",
    "receiver_name",
    "receiver_phone",
    "receiver_address",
    "item_titles",
    "closed_reason",
    "courier",
    "tracking_no",
    "buyer_message",
    "seller_note",
}
# Who the parcel goes to: exports may mask these (`王*阳`, `137****1772`) or leave them out;
# a value that says less never replaces one that says more (_tells_less).
RECEIVER_FIELDS = frozenset({"receiver_name", "receiver_phone", "receiver_address"})
LINE_FIELDS = (
    "sub_order_no",
    "title",
    "sku_props",
    "price_fen",
    "quantity",
    "outer_code",
    "status",
)
ORDER_DEFAULTS: dict[str, Any] = {
    name: "" if name in ORDER_TEXTS else None for name in ORDER_FIELDS
} | {name: 0 for name in ("item_count", "total_fen", "paid_fen", "postage_fen", "refund_fen")}
INSERT_ORDER_COLUMNS = (
    "id",
    "shop_id",
    "platform",
    "order_no",
    "buyer_id",
    *ORDER_FIELDS,
    "source_stamp",
    "precision",
)
_insert_values = itemgetter(*INSERT_ORDER_COLUMNS)
# The seller's own entries that move nothing (notes, replies, cause, money, inspection,
# outcome): a later export is still news after them.
_STATE_NEUTRAL = {EventKind.NOTE.value, EventKind.REPLIED.value} | {k.value for k in FACT_EVENTS}
KIND_ORDER = {ExportKind.ORDERS: 0, ExportKind.ORDER_LINES: 1, ExportKind.REFUNDS: 2}


class ImportCancelled(Exception):
    """The seller cancelled: the transaction was rolled back, the store is unchanged."""


@dataclass
class FileReport:
    path: str
    kind: str
    platform: str = field(default_factory=registry.default_id)
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Problem] = field(default_factory=list)
    # rows that repeat a record already read from the same file (an order exported twice,
    # the same item line again): folded into that record, counted here.
    # rows == added + updated + unchanged + len(skipped) + merged
    merged: int = 0
    # cells left empty (a tracking number Excel rounded); their rows are imported
    cleared: list[Problem] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "platform": self.platform,
            "kind": self.kind,
            "rows": self.rows,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": [problem.as_dict() for problem in self.skipped],
            "merged": self.merged,
            "cleared": [problem.as_dict() for problem in self.cleared],
        }


@dataclass
class ImportReport:
    files: list[FileReport]

    def as_dict(self) -> dict[str, Any]:
        return {"files": [report.as_dict() for report in self.files]}


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _record_chunks(records: Iterable, size: int) -> Iterator[list]:
    """Chunks of about `size` records that never cut between the rows of one order (an
    export with one row per SKU): each chunk sees the whole order, so a re-import
    compares whole orders."""
    chunk: list = []
    for record in records:
        if len(chunk) >= size and record.order_no != chunk[-1].order_no:
            yield chunk
            chunk = []
        chunk.append(record)
    if chunk:
        yield chunk


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _same_instant(a: str, b: str, precision: str) -> bool:
    """Whether two UTC texts agree at the coarser precision ('s', 'm' or 'd' China date)."""
    if precision == "d":
        return from_text(a).astimezone(CHINA).date() == from_text(b).astimezone(CHINA).date()
    if precision == "m":
        return a[:16] == b[:16]
    return a == b


class _Tally:
    """added / updated / unchanged per record key; a record whose key was seen before in
    the same file is a repeat, folded into the first and counted as merged. Every record
    read is noted exactly once."""

    def __init__(self) -> None:
        self.state: dict[object, str] = {}
        self.merged = 0

    def note(self, key: object, outcome: str) -> None:
        before = self.state.get(key)
        if before is None:
            self.state[key] = outcome
            return
        self.merged += 1
        if before == "unchanged" and outcome == "updated":
            self.state[key] = outcome

    def upgrade(self, key: object) -> None:
        """A record noted unchanged turned out changed (its order's later rows)."""
        if self.state.get(key) == "unchanged":
            self.state[key] = "updated"

    def fill(self, report: FileReport) -> None:
        for outcome in self.state.values():
            setattr(report, outcome, getattr(report, outcome) + 1)
        report.merged = self.merged


class Importer:
    """One import run on one Store (call `run` once)."""

    def __init__(
        self,
        store,
        *,
        now: datetime,
        shop: str | Mapping[str, str] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.store = store
        self.db = store.db
        self.conn = store.db.conn
        self.now = to_text(now)
        # --shop NAME: every file goes there; {platform: name}: the files of that platform
        self._shop_choice = shop
        self.shop: str | None = None
        self.platform = registry.default_id()  # of the file being applied
        self._file_name = ""
        # per platform: what the bookkeeping below needs (switched with the file)
        self._per_platform: dict[str, tuple[dict, dict, dict, bool]] = {}
        self.on_progress = on_progress or (lambda done, total: None)
        self.cancelled = cancelled or (lambda: False)
        self._shops: dict[str, int] = {}
        self._buyers: dict[str, int] = {}
        self._precisions: dict[tuple, str] = {}
        # Orders this import created: order_no -> id (ids given here, so no look-ups back),
        # and those of them that have lines already. Only orders that existed before the
        # import, or that this import wrote, are looked up in the store.
        self._created: dict[str, int] = {}
        self._with_lines: set[int] = set()
        self._had_orders = True
        self._next_id = 0
        self._first_created = 0
        self._made_at = ""  # when the file being applied was exported (best guess)
        self._export: ExportFile | None = None  # the file being applied

    def _begin(self) -> None:
        """Read, inside the transaction, what the id bookkeeping starts from."""
        next_id = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM orders").fetchone()[0]
        self._next_id = next_id
        self._first_created = next_id  # ids from here on are orders this import created

    def _use_platform(self, platform: str) -> None:
        """Switch the per-platform bookkeeping (shops, buyers, orders created) to the file's
        platform; the first time, look whether the store had its orders before."""
        if self._per_platform:
            self._per_platform[self.platform] = (
                self._shops,
                self._buyers,
                self._created,
                self._had_orders,
            )
        self.platform = platform
        choice = self._shop_choice
        chosen = choice.get(platform) if isinstance(choice, Mapping) else choice
        self.shop = (chosen or "").strip() or None
        if platform in self._per_platform:
            self._shops, self._buyers, self._created, self._had_orders = self._per_platform[
                platform
            ]
            return
        found = self.conn.execute(
            "SELECT 1 FROM orders WHERE platform = ? LIMIT 1", [platform]
        ).fetchone()
        self._shops, self._buyers, self._created = {}, {}, {}
        self._had_orders = found is not None
        self._per_platform[platform] = (self._shops, self._buyers, self._created, found is not None)

    # -- the run ----------------------------------------------------------------------

    def run(self, paths: Sequence[Path | str]) -> ImportReport:
        exports: list[ExportFile] = []
        try:
            for path in paths:
                exports.append(open_export(path))
            reports = [
                FileReport(str(export.path), export.kind.value, export.platform)
                for export in exports
            ]
            order = sorted(
                range(len(exports)),
                key=lambda i: (KIND_ORDER[exports[i].kind], self._stamp_of(exports[i]), i),
            )
            files_total = PROGRESS_STEPS * len(exports)
            total = files_total + files_total // INDEX_SHARE
            self.on_progress(0, total)
            with self.store.transaction(), index_in_bulk(self.conn, self.store.index_gate):
                self._begin()
                for step, index in enumerate(order):
                    export = exports[index]
                    self._apply(export, reports[index], step * PROGRESS_STEPS, total)
                    reports[index].rows = export.rows
                    # in row order: a split parent is found when its chunk is applied
                    reports[index].skipped = sorted(export.problems, key=_row_of)
                    reports[index].cleared = list(export.cleared)
                    if self.cancelled():
                        raise ImportCancelled()
            self.on_progress(total, total)
            return ImportReport(reports)
        finally:
            for export in exports:
                export.close()

    def _stamp_of(self, export: ExportFile) -> str:
        return export.exported_at or _file_time(export.path, self.now)

    def _apply(self, export: ExportFile, report: FileReport, base: int, total: int) -> None:
        self._use_platform(export.platform)
        self._file_name = export.name
        # A file without a time in its name (renamed, 拼多多订单.csv; JD's) counts as exported
        # when it was last saved: imported after a newer export it does not undo that one.
        stamp = self._made_at = self._stamp_of(export)
        tally = _Tally()
        handler = {
            ExportKind.ORDERS: self._orders_chunk,
            ExportKind.ORDER_LINES: self._lines_chunk,
            ExportKind.REFUNDS: self._refunds_chunk,
        }[export.kind]
        self._export = export
        for chunk in _record_chunks(export.records(), CHUNK):
            if self.cancelled():
                raise ImportCancelled()
            handler(chunk, stamp, tally)
            done, size = export.progress()
            self.on_progress(base + (PROGRESS_STEPS * done) // max(size, 1), total)
        tally.fill(report)

    # -- shops, buyers, orders found or created ---------------------------------------

    def _shop_id(self, name: str) -> int:
        """The shop a record goes to: --shop NAME; else the shop the file names, if the
        store has it; else the platform's only shop; else a new one (named as the file
        says, else after the platform). Several shops and no way to choose: InputError."""
        if name in self._shops:
            return self._shops[name]
        wanted = self.shop or name
        row = None
        if wanted:
            row = self.conn.execute(
                "SELECT id, name FROM shops WHERE platform = ? AND name = ? ORDER BY id LIMIT 1",
                [self.platform, wanted],
            ).fetchone()
        if row is None and not self.shop:
            shops = self.conn.execute(
                "SELECT id, name FROM shops WHERE platform = ? ORDER BY id", [self.platform]
            ).fetchall()
            if len(shops) == 1:
                row = shops[0]
            elif len(shops) > 1 and not name:
                raise InputError(
                    "import.which_shop",
                    file=self._file_name,
                    count=len(shops),
                    platform=registry.label(self.platform),
                    names=[shop_name for _, shop_name in shops[:5]],
                )
        if row is None:
            new_name = wanted or registry.get(self.platform).new_shop_name
            cursor = self.conn.execute(
                "INSERT INTO shops (name, platform, created_at) VALUES (?, ?, ?)",
                [new_name, self.platform, self.now],
            )
            row = (cursor.lastrowid, new_name)
        self._shops[name] = row[0]
        return row[0]

    def _buyer_ids(self, nicks: set[str]) -> None:
        if len(self._buyers) > BUYER_CACHE:  # keep memory flat on big imports
            self._buyers.clear()
        missing = [nick for nick in nicks if nick and nick not in self._buyers]
        if not missing:
            return
        self.conn.executemany(
            "INSERT OR IGNORE INTO buyers (platform, nick, first_seen_at) VALUES (?, ?, ?)",
            [(self.platform, nick, self.now) for nick in missing],
        )
        for part in _chunks(missing, CHUNK):
            rows = self.conn.execute(
                f"SELECT nick, id FROM buyers WHERE platform = ? AND nick IN ({_marks(len(part))})",
                [self.platform, *part],
            )
            self._buyers.update(rows)

    def _new_id(self, order_no: str) -> int:
        order_id = self._next_id
        self._next_id += 1
        self._created[order_no] = order_id
        return order_id

    def _load_orders(self, order_nos: Iterable[str]) -> dict[str, dict[str, Any]]:
        nos = [no for no in dict.fromkeys(order_nos) if self._had_orders or no in self._created]
        columns = ("id", "order_no", "source_stamp", "precision", *ORDER_FIELDS)
        found: dict[str, dict[str, Any]] = {}
        for part in _chunks(nos, CHUNK):
            cursor = self.conn.execute(
                f"SELECT {', '.join(columns)} FROM orders "
                f"WHERE platform = ? AND order_no IN ({_marks(len(part))})",
                [self.platform, *part],
            )
            for row in cursor:
                found[row[1]] = dict(zip(columns, row, strict=True))
        return found

    def _order_ids(self, wanted: dict[str, dict[str, Any]]) -> dict[str, int]:
        """Ids of the orders named (order_no -> hints for a stub); an order not imported
        yet gets a stub that any order report fills in later (its stamp is empty)."""
        ids = {no: self._created[no] for no in wanted if no in self._created}
        if self._had_orders:
            looked_up = self._load_orders(no for no in wanted if no not in ids)
            ids.update({no: row["id"] for no, row in looked_up.items()})
        missing = [no for no in wanted if no not in ids]
        if missing:
            shop_id = self._shop_id("")
            self.conn.executemany(
                "INSERT INTO orders (id, shop_id, platform, order_no, buyer_nick, status, state, "
                "paid_fen, item_titles, source, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?)",
                [
                    (
                        self._new_id(no),
                        shop_id,
                        self.platform,
                        no,
                        wanted[no].get("buyer_nick", ""),
                        wanted[no].get("status", ""),
                        wanted[no].get("state", "paid"),
                        wanted[no].get("paid_fen", 0),
                        wanted[no].get("item_titles", ""),
                        self.now,
                    )
                    for no in missing
                ],
            )
            ids.update({no: self._created[no] for no in missing})
        return ids

    # -- orders -----------------------------------------------------------------------

    def _orders_chunk(self, chunk: list[ParsedOrder], stamp: str, tally: _Tally) -> None:
        stored = self._load_orders(record.order_no for record in chunk)
        originals = {no: dict(row) for no, row in stored.items()}
        chunk = self._without_split_parents(chunk, stored)
        fresh: dict[str, dict[str, Any]] = {}
        applied: dict[str, ParsedOrder] = {}  # the record each row last took its values from
        for record in chunk:
            row = stored.get(record.order_no) or fresh.get(record.order_no)
            if row is None:
                row = fresh[record.order_no] = self._new_order(record, stamp)
                applied[record.order_no] = record
                tally.note(row["id"], "added")
                continue
            if not _same_order_values(applied.get(record.order_no), record):
                _merge_order(row, record, stamp)  # folding the same values again changes nothing
                applied[record.order_no] = record
            if record.order_no in fresh:
                tally.note(row["id"], "added")
                continue
            tally.note(row["id"], "unchanged")
        for no, row in stored.items():  # whole orders compared: an SKU row is a part
            if any(row[name] != originals[no][name] for name in ORDER_FIELDS):
                tally.upgrade(row["id"])
        self._buyer_ids({row["buyer_nick"] for row in [*fresh.values(), *stored.values()]})
        for row in fresh.values():
            row["buyer_id"] = self._buyers.get(row["buyer_nick"])
        if fresh:
            self.conn.executemany(
                f"INSERT INTO orders ({', '.join(INSERT_ORDER_COLUMNS)}, source, updated_at) "
                f"VALUES ({_marks(len(INSERT_ORDER_COLUMNS))}, 'import', ?)",
                [(*_insert_values(row), self.now) for row in fresh.values()],
            )
        updates = []
        for no, row in stored.items():
            before = originals[no]
            if any(
                row[name] != before[name] for name in (*ORDER_FIELDS, "precision", "source_stamp")
            ):
                row["buyer_id"] = self._buyers.get(row["buyer_nick"])
                updates.append(row)
        if updates:
            names = ("buyer_id", *ORDER_FIELDS, "source_stamp", "precision")
            self.conn.executemany(
                f"UPDATE orders SET {', '.join(f'{name} = ?' for name in names)}, "
                "source = 'import', updated_at = ? WHERE id = ?",
                [(*(row[name] for name in names), self.now, row["id"]) for row in updates],
            )
        lines = [
            record.line for record in chunk if record.line is not None and not record.replaced_by
        ]
        if lines:  # one row per item line: each row also is a line of its order
            self._lines_chunk(lines, stamp, _Tally())

    def _without_split_parents(
        self, chunk: list[ParsedOrder], stored: dict[str, dict[str, Any]]
    ) -> list[ParsedOrder]:
        """A parent the platform split is no order beside its children: skipped and
        reported, unless the store has it from before the split (then it is closed with
        the platform's words, so nothing runs on it)."""
        if not any(record.replaced_by for record in chunk):
            return chunk
        kept = []
        for record in chunk:
            if record.replaced_by and record.order_no not in stored:
                assert self._export is not None
                self._export.problems.append(
                    Problem(
                        self._file_name,
                        record.row,
                        self._export.layout.column_name("status"),
                        record.status,
                        record.replaced_reason,
                    )
                )
                continue
            kept.append(record)
        return kept

    def _new_order(self, record: ParsedOrder, stamp: str) -> dict[str, Any]:
        row = dict(ORDER_DEFAULTS)
        row.update(record.values)  # extra fields of the export (goods_fen) are not written
        precision_key = tuple(record.precision.items())
        precision = self._precisions.get(precision_key)
        if precision is None:
            precision = json.dumps(record.precision, sort_keys=True)
            self._precisions[precision_key] = precision
        row.update(
            id=self._new_id(record.order_no),
            shop_id=self._shop_id(record.shop_name),
            platform=self.platform,
            order_no=record.order_no,
            status=record.status,
            state=record.state,
            source_stamp=stamp,
            precision=precision,
        )
        return row

    # -- order lines ------------------------------------------------------------------

    def _lines_chunk(self, chunk: list[ParsedLine], stamp: str, tally: _Tally) -> None:
        created = self._created
        if all(record.order_no in created for record in chunk):  # lines of orders just read
            order_ids = {record.order_no: created[record.order_no] for record in chunk}
        else:
            hints: dict[str, dict[str, Any]] = {}
            for record in chunk:
                if record.order_no not in hints:
                    state = registry.get(self.platform).order_state(record.status)
                    hints[record.order_no] = {
                        "status": record.status,
                        "state": state or "paid",
                        "item_titles": record.title,
                    }
            order_ids = self._order_ids(hints)
        groups: dict[int, list[dict[str, Any]]] = {order_id: [] for order_id in order_ids.values()}
        first_created = self._first_created
        ids = [i for i in groups if i < first_created or i in self._with_lines]
        columns = ("id", "order_id", "position", *LINE_FIELDS)
        for part in _chunks(ids, CHUNK):
            cursor = self.conn.execute(
                f"SELECT {', '.join(columns)} FROM order_lines "
                f"WHERE order_id IN ({_marks(len(part))}) ORDER BY position",
                part,
            )
            for values in cursor:
                row = dict(zip(columns, values, strict=True))
                row["_before"] = {name: row[name] for name in LINE_FIELDS}
                groups[row["order_id"]].append(row)
        inserts: list[dict[str, Any]] = []
        for record in chunk:
            order_id = order_ids[record.order_no]
            lines = groups[order_id]
            row = _match_line(lines, record)
            incoming = {name: getattr(record, name) for name in LINE_FIELDS}
            if row is None:
                if incoming["outer_code"] is None:  # a cell left empty on import
                    incoming["outer_code"] = ""
                taken = {line["position"] for line in lines}
                position = record.position
                if position in taken:
                    position = max(taken) + 1
                row = {"id": None, "order_id": order_id, "position": position, **incoming}
                lines.append(row)
                inserts.append(row)
                tally.note(_line_key(row), "added")
                continue
            for name in ("sub_order_no", "outer_code"):  # None: not known, keep what is
                if incoming[name] is None:
                    incoming[name] = row[name]
            for name in record.kept:  # a cell Excel mangled: what is stored stays
                incoming[name] = row[name]
            row.update(incoming)
            if row["id"] is None:  # a line this import added: this row repeats it
                tally.note(_line_key(row), "added")
            else:
                changed = any(row[name] != row["_before"][name] for name in LINE_FIELDS)
                tally.note(_line_key(row), "updated" if changed else "unchanged")
        if inserts:
            self._with_lines.update(row["order_id"] for row in inserts)
            names = ("order_id", "position", *LINE_FIELDS)
            self.conn.executemany(
                f"INSERT INTO order_lines ({', '.join(names)}) VALUES ({_marks(len(names))})",
                [tuple(row[name] for name in names) for row in inserts],
            )
        updates = [
            row
            for lines in groups.values()
            for row in lines
            if row["id"] is not None
            and any(row[name] != row["_before"][name] for name in LINE_FIELDS)
        ]
        if updates:
            self.conn.executemany(
                f"UPDATE order_lines SET {', '.join(f'{name} = ?' for name in LINE_FIELDS)} "
                "WHERE id = ?",
                [(*(row[name] for name in LINE_FIELDS), row["id"]) for row in updates],
            )

    # -- refunds -> cases -------------------------------------------------------------

    def _refunds_chunk(self, chunk: list[ParsedRefund], stamp: str, tally: _Tally) -> None:
        hints = {
            record.order_no: {
                "buyer_nick": record.buyer_nick,
                "paid_fen": record.paid_fen or 0,
                "item_titles": record.title,
                **({"state": record.order_state} if record.order_state else {}),
            }
            for record in chunk
        }
        order_ids = self._order_ids(hints)
        # The goods' own waybill, where the after-sales row names it: an order whose export
        # gave none learns it; one already known (from 快递信息) is never replaced.
        self.conn.executemany(
            "UPDATE orders SET tracking_no = ? WHERE id = ? AND tracking_no = ''",
            [(r.ship_tracking, order_ids[r.order_no]) for r in chunk if r.ship_tracking],
        )
        for record in chunk:
            outcome = self._apply_refund(record, order_ids[record.order_no], stamp)
            tally.note(record.refund_no, outcome)

    def _apply_refund(self, record: ParsedRefund, order_id: int, stamp: str) -> str:
        # The cause the platform's words point to; a cause the seller chose is kept on the
        # timeline and wins over it (case_facts.derive_facts).
        reading = read_reason(self.platform, record.reason)
        values = {
            "platform_cause": reading.cause,
            "cause_question": reading.question,
            "kind": record.kind,
            "state": record.state,
            "refund_fen": record.refund_fen,
            "reason": record.reason,
            "description": record.description,
            "item_title": record.title,  # the refunded item: insights count it there
            "platform_status": record.platform_status,
            "platform_deadline": record.platform_deadline,
            "opened_at": record.opened_at,
            "closed_at": record.closed_at,
        }
        if record.sub_order_no is not None:
            values["sub_order_no"] = record.sub_order_no  # the order line it is about
        row = self.conn.execute(
            f"SELECT id, {', '.join(values)} FROM cases WHERE platform_refund_no = ?",
            [record.refund_no],
        ).fetchone()
        if row is None:
            cursor = self.conn.execute(
                f"INSERT INTO cases (order_id, platform_refund_no, {', '.join(values)}, cause, "
                f"next_due_at, created_at, updated_at) "
                f"VALUES (?, ?, {_marks(len(values))}, ?, ?, ?, ?)",
                [
                    order_id,
                    record.refund_no,
                    *values.values(),
                    reading.cause,
                    record.platform_deadline,
                    self.now,
                    self.now,
                ],
            )
            self._add_platform_events(cursor.lastrowid, record, stamp, {})
            return "added"
        case_id = row[0]
        before = dict(zip(values, row[1:], strict=True))
        known = self._known_events(case_id)
        newest_export = max((data.get("export_stamp", "") for data in known["data"]), default="")
        if stamp < newest_export or self._made_at < known["local_latest"]:
            # An older export, or one made before the seller's own latest step (re-importing
            # this morning's file after agreeing to the refund): its events are history
            # worth keeping; its status is not news.
            added = self._add_platform_events(case_id, record, stamp, known)
            return "updated" if added else "unchanged"
        added = self._add_platform_events(case_id, record, stamp, known)
        changed = values != before
        if before["state"] != record.state and known["local"]:
            self._add_event(
                case_id,
                EventKind.NOTE.value,
                stamp,
                messages.text(
                    "case.platform_state_differs",
                    "zh-CN",
                    status=record.platform_status,
                    local=CaseState(before["state"]).label(),
                ),
                stamp,
            )
            added += 1
        if changed:
            self.conn.execute(
                f"UPDATE cases SET {', '.join(f'{name} = ?' for name in values)}, "
                "next_due_at = coalesce(?, CASE WHEN ? THEN next_due_at END), updated_at = ? "
                "WHERE id = ?",
                [
                    *values.values(),
                    record.platform_deadline,
                    CaseState(record.state).is_open,
                    self.now,
                    case_id,
                ],
            )
        return "updated" if changed or added else "unchanged"

    def _known_events(self, case_id: int) -> dict[str, Any]:
        rows = self.conn.execute(
            "SELECT kind, at, source, data FROM case_events WHERE case_id = ?", [case_id]
        ).fetchall()
        return {
            "pairs": {(kind, at) for kind, at, _, _ in rows},
            "platform_kinds": {kind for kind, _, source, _ in rows if source == "platform"},
            "kinds": {kind for kind, _, _, _ in rows},
            "local": any(source == "local" for _, _, source, _ in rows),
            # when the seller's own latest step happened (a note or a reply moves nothing)
            "local_latest": max(
                (
                    at
                    for kind, at, source, _ in rows
                    if source == "local" and kind not in _STATE_NEUTRAL
                ),
                default="",
            ),
            "data": [
                json.loads(data or "{}") for _, _, source, data in rows if source == "platform"
            ],
        }

    def _add_platform_events(
        self, case_id: int, record: ParsedRefund, stamp: str, known: dict[str, Any]
    ) -> int:
        added = 0
        for event in record.events:
            if event.at is None:
                if event.kind in known.get("kinds", ()):
                    continue  # the export does not say when; it is already on the timeline
                at = stamp
                note = event.note or messages.text("case.state_without_time", "zh-CN")
            else:
                if (event.kind, event.at) in known.get("pairs", ()):
                    continue
                if event.kind in known.get("platform_kinds", ()):
                    continue
                at = event.at
                note = event.note
            self._add_event(case_id, event.kind, at, note, stamp)
            added += 1
        return added

    def _add_event(self, case_id: int, kind: str, at: str, note: str, stamp: str) -> None:
        self.conn.execute(
            "INSERT INTO case_events (case_id, kind, at, note, source, data, created_at) "
            "VALUES (?, ?, ?, ?, 'platform', ?, ?)",
            [case_id, kind, at, note, json.dumps({"export_stamp": stamp}), self.now],
        )


def _row_of(problem: Problem) -> int:
    return problem.row or 0


def _file_time(path: Path, now: str) -> str:
    """When a file without a time in its name was saved (its modification time, as UTC
    text), never later than `now`: the best guess of when it was exported."""
    try:
        saved = datetime.fromtimestamp(Path(path).stat().st_mtime, tz=UTC)
    except OSError:
        return now
    return min(to_text(saved), now)


def _same_order_values(before: ParsedOrder | None, record: ParsedOrder) -> bool:
    """Whether `record` carries the order values `before` did (the next SKU row of an
    order, its values repeated): merging it after `before` leaves the row as it is."""
    return (
        before is not None
        and before.status == record.status
        and before.state == record.state
        and (before.values is record.values or before.values == record.values)
        and before.precision == record.precision
    )


def _merge_order(row: dict[str, Any], record: ParsedOrder, stamp: str) -> None:
    """Fold an order row from an export into the stored one (in place)."""
    newer = stamp >= (row["source_stamp"] or "")
    precision = json.loads(row["precision"] or "{}")
    values = {**record.values, "status": record.status, "state": record.state}
    for name, value in values.items():
        if name not in row or name == "source_stamp":
            continue
        if name in ORDER_TIMES:
            if value is None:
                continue  # a time once known does not un-happen
            old = row[name]
            new_precision = record.precision.get(name, "s")
            old_precision = precision.get(name, "s")
            # "<field>.from": the time was read from another column standing in for a
            # missing one (Pinduoduo's 订单成交时间 for 支付时间): it fills a gap, never
            # replaces a time read from the field's own column, and gives way to one.
            new_from = record.precision.get(f"{name}.from")
            old_from = precision.get(f"{name}.from")
            if old is None:
                take = True
            elif bool(new_from) != bool(old_from):
                take = old_from is not None
            elif _same_instant(
                old,
                value,
                min(new_precision, old_precision, key=PRECISION_RANK.__getitem__),
            ):
                take = PRECISION_RANK[new_precision] > PRECISION_RANK[old_precision]
            else:
                take = newer
            if take:
                row[name] = value
                precision[name] = new_precision
                if new_from:
                    precision[f"{name}.from"] = new_from
                else:
                    precision.pop(f"{name}.from", None)
            continue
        if name in RECEIVER_FIELDS:
            if _tells_less(value, row[name]):
                continue  # a masked or left-out receiver never hides the one known
            if _tells_less(row[name], value):
                row[name] = value  # the full receiver fills in a masked one, whatever its age
                continue
        if not newer and row[name] not in ("", None, 0):
            continue
        if name in ORDER_TEXTS and value == "" and row[name]:
            continue
        row[name] = value
    row["precision"] = json.dumps(precision, sort_keys=True)
    if newer:
        row["source_stamp"] = stamp


def _masked(text: str) -> bool:
    """Whether an export hid part of a value behind a run of `*` (`王*阳`, `137****1772`,
    `文一西路****号`; the full-width `＊` too)."""
    return "*" in text or "\uff0a" in text


def _tells_less(value: str | None, known: str | None) -> bool:
    """Whether the receiver field `value` says less than the `known` one: empty, masked where
    `known` is not, or only the start of it (an address's region without the street and
    house number). Then `known` is kept."""
    if not known:
        return False
    if not value:
        return True
    if _masked(value):
        return not _masked(known)
    return len(value) < len(known) and known.startswith(value) and not _masked(known)


def _line_key(row: dict[str, Any]) -> int:
    """A line's identity within one import, as one small int (order id and position)."""
    return (row["order_id"] << 20) | row["position"]


def _match_line(lines: list[dict[str, Any]], record: ParsedLine) -> dict[str, Any] | None:
    """The stored line an item-report row is: same 子订单编号; else same position and
    product; else the same product elsewhere in the order (a repeated row)."""
    if record.sub_order_no is not None:
        for line in lines:
            if line["sub_order_no"] == record.sub_order_no:
                return line
    product = (record.title, record.sku_props)
    candidates = [
        line
        for line in lines
        if (line["title"], line["sku_props"]) == product
        and (record.sub_order_no is None or line["sub_order_no"] is None)
    ]
    for line in candidates:
        if line["position"] == record.position:
            return line
    return candidates[0] if candidates else None


def import_files(
    store,
    paths: Sequence[Path | str],
    *,
    now: datetime,
    shop: str | Mapping[str, str] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import export files into `store` in one transaction. InputError (nothing imported)
    when a file cannot be used at all; ImportCancelled (nothing imported) on cancel.
    `shop`: the shop's name for every file, or per platform ({平台 id: 店铺名})."""
    importer = Importer(store, now=now, shop=shop, on_progress=on_progress, cancelled=cancelled)
    with disk_errors(store.path):  # a full or read-only disk: DiskError, nothing imported
        return importer.run(paths)
