"""The crash harness: real `python -m shopdesk ...` processes doing each write action,
killed with SIGKILL at a random moment, then the store is checked the way the seller's
next start would find it:

- `PRAGMA integrity_check` is ok;
- the action is wholly there or wholly absent (the store's fingerprint is the one before
  or the one after a run that was not killed);
- every evidence row's file exists with its SHA-256, in the store and in every backup;
- every backup listed is complete (manifest, sound database, all its evidence files);
- temporary files a killed write left are hidden (dot names) and the next start's sweep
  removes them all.

With --window, every kill happens while a real window process (`python -m shopdesk
--db X`, offscreen, its start-up work done) holds the store open; then the window's own
descriptors are checked (its -wal and -shm never deleted under it) before it is killed
too, and the store is checked as above.

Run the full pass by hand:  python -m tests.e2e.crash_harness --kills 120 [--window]
(tests/e2e/test_crash_harness.py runs a short pass in CI and the full one under -m slow.)
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from shopdesk.domain import paths  # noqa: E402
from shopdesk.services.demo import build_demo  # noqa: E402
from shopdesk.store.backup import (  # noqa: E402
    DB_NAME,
    FILES_NAME,
    MANIFEST_NAME,
    default_backup_dir,
    evidence_index,
    list_backups,
    make_backup,
    sweep_store_leftovers,
)
from shopdesk.store.safeio import is_temp_name, sweep_temp_files  # noqa: E402
from shopdesk.store.store import Store  # noqa: E402
from tests.e2e import window_process  # noqa: E402

NOW = datetime(2026, 11, 28, 4, 0, 0, tzinfo=UTC)
STORE = "shop.db"
IMPORT_ORDERS = 3000


# ------------------------------------------------------------------ what is checked


def _connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db, timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def fingerprint(db: Path) -> tuple:
    """What the seller would see of the store, without the run's own timestamps."""
    conn = _connect(db)
    try:
        return (
            tuple(conn.execute("SELECT order_no, status, paid_fen FROM orders ORDER BY order_no")),
            conn.execute("SELECT count(*) FROM order_lines").fetchone(),
            tuple(conn.execute("SELECT id, order_id, kind, state, reason FROM cases ORDER BY id")),
            tuple(conn.execute("SELECT id, case_id, kind, note FROM case_events ORDER BY id")),
            tuple(conn.execute("SELECT sha256, file_name FROM evidence ORDER BY id")),
            tuple(conn.execute("SELECT id, texts FROM templates ORDER BY id")),
        )
    finally:
        conn.close()


def backups_fingerprint(store: Path) -> tuple:
    """The backups the actions make (the window's own daily one left out)."""
    kinds = Counter(b.kind for b in list_backups(default_backup_dir(store)) if b.kind != "auto")
    return tuple(sorted(kinds.items()))


def evidence_problems(db: Path, files_dir: Path) -> list[str]:
    conn = _connect(db)
    try:
        shas = [r[0] for r in conn.execute("SELECT sha256 FROM evidence")]
    finally:
        conn.close()
    index = evidence_index(files_dir)
    problems = []
    for sha in shas:
        found = index.get(sha)
        if found is None:
            problems.append(f"evidence {sha[:12]} has no file in {files_dir}")
        elif hashlib.sha256(found.read_bytes()).hexdigest() != sha:
            problems.append(f"evidence {sha[:12]}: file bytes do not match")
    return problems


def integrity(db: Path) -> str:
    conn = _connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def store_problems(run_dir: Path) -> list[str]:
    """Everything that must hold after any kill, whatever the action."""
    store = run_dir / STORE
    problems = []
    leftovers = [p for p in run_dir.rglob("*") if is_temp_name(p.name)]
    # Evidence `.part-` files sit in the store's own files folder, never shown to the seller.
    problems += [
        f"visible leftover {p}"
        for p in leftovers
        if not p.name.startswith(".") and paths.evidence_dir(store) not in p.parents
    ]
    if (result := integrity(store)) != "ok":
        problems.append(f"integrity_check: {result}")
    problems += evidence_problems(store, paths.evidence_dir(store))
    for info in list_backups(default_backup_dir(store)):
        if not (info.path / MANIFEST_NAME).is_file():
            problems.append(f"backup {info.path.name} has no manifest")
        if (result := integrity(info.path / DB_NAME)) != "ok":
            problems.append(f"backup {info.path.name}: {result}")
        problems += evidence_problems(info.path / DB_NAME, info.path / FILES_NAME)
    sweep_store_leftovers(store)  # what the next start does
    sweep_temp_files(run_dir / "out")  # what the next package into that folder does
    left = [p for p in run_dir.rglob("*") if is_temp_name(p.name)]
    problems += [f"leftover after the sweep: {p}" for p in left]
    return problems


# ------------------------------------------------------------------ the actions


@dataclass
class Action:
    name: str
    argv: Callable[[Path], list[str]]  # run dir -> shopdesk arguments
    state: Callable[[Path], tuple]  # run dir -> fingerprint
    before: tuple = ()
    after: tuple = ()
    seconds: float = 1.0  # how long an unkilled run takes
    startup: float = 0.0  # how long `shopdesk` takes to get going (a read-only command)
    outcomes: Counter = field(default_factory=Counter)


def _store_state(run_dir: Path) -> tuple:
    return fingerprint(run_dir / STORE)


def _backup_state(run_dir: Path) -> tuple:
    return backups_fingerprint(run_dir / STORE)


def _export_state(run_dir: Path) -> tuple:
    """No file, or the whole export (every order row): never half a workbook."""
    out = run_dir / "订单.xlsx"
    if not out.exists():
        return ("absent",)
    from openpyxl import load_workbook

    book = load_workbook(out, read_only=True)
    try:
        rows = sum(1 for _ in book.active.iter_rows(values_only=True))
    finally:
        book.close()
    return ("exported", rows)


def make_actions(base: Path) -> list[Action]:
    restore_from = list_backups(default_backup_dir(base / STORE))[-1].path.name
    return [*_core_actions(restore_from), *_actions_on_main()]


def _commands() -> set[str]:
    from shopdesk.cli import build_parser

    subparsers = build_parser()._subparsers._group_actions[0]  # argparse keeps them here
    return set(subparsers.choices)


def _actions_on_main() -> list[Action]:
    """The write actions of other areas, once their commands are on main."""
    found = _commands()
    actions = []
    if "evidence" in found:
        actions.append(
            Action(
                "evidence add",
                lambda d: [
                    "evidence", "add", "3", *(str(p) for p in sorted((d / "photos").iterdir())),
                    "--kind", "photo", "--db", str(d / STORE),
                ],
                _store_state,
            )
        )  # fmt: skip
    if "pack" in found:
        actions.append(
            Action(
                "packaging",
                lambda d: [
                    "pack", "1", "--profile", "qianniu-upload", "--zip", "--out", str(d / "out"),
                    "--db", str(d / STORE),
                ],
                _pack_state,
            )
        )  # fmt: skip
    if "templates" in found:
        actions.append(
            Action(
                "template import",
                lambda d: ["templates", "import", str(d / "phrases.csv"), "--db", str(d / STORE)],
                _store_state,
            )
        )
    return actions


def _pack_state(run_dir: Path) -> tuple:
    """The packages in the output folder, each a sound zip (never half of one)."""
    out = run_dir / "out"
    if not out.is_dir():
        return ()
    found = []
    for path in sorted(out.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(out).parts)
        if hidden or is_temp_name(path.name) or path.is_dir():
            continue
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None, f"{path.name} is damaged"
                names = archive.namelist()
            bad = [n for n in names if n.startswith("/") or ".." in Path(n).parts]
            assert not bad, f"{path.name} has unsafe paths {bad}"
            found.append(("zip", len(names)))
        else:
            found.append(("file", path.relative_to(out).as_posix()))
    return tuple(found)


def _core_actions(restore_from: str) -> list[Action]:
    return [
        Action(
            "import",
            lambda d: [
                "import",
                "--db",
                str(d / STORE),
                str(d / "ExportOrderList202611280930.csv"),
            ],
            _store_state,
        ),
        Action(
            "case event",
            lambda d: [
                "case",
                "event",
                "1",
                "note",
                "--db",
                str(d / STORE),
                "--note",
                "已电话联系买家",
            ],
            _store_state,
        ),
        Action(
            "case add",
            lambda d: [
                "case",
                "add",
                _first_order_no(d),
                "--kind",
                "refund_unshipped",
                "--db",
                str(d / STORE),
                "--at",
                "2026-11-28T10:00:00+08:00",
                "--reason",
                "不想要了",
            ],
            _store_state,
        ),  # fmt: skip
        Action("backup", lambda d: ["backup", "--db", str(d / STORE)], _backup_state),
        Action(
            "export",
            lambda d: ["export", "orders", "--db", str(d / STORE), "--out", str(d / "订单.xlsx")],
            _export_state,
        ),
        Action(
            "restore",
            lambda d: [
                "restore",
                str(default_backup_dir(d / STORE) / restore_from),
                "--db",
                str(d / STORE),
            ],
            _store_state,
        ),
    ]


def _first_order_no(run_dir: Path) -> str:
    conn = _connect(run_dir / STORE)
    try:
        return conn.execute("SELECT order_no FROM orders ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        conn.close()


# ------------------------------------------------------------------ running


def _put_evidence(store: Store, case_id: int, data: bytes, name: str) -> None:
    sha = hashlib.sha256(data).hexdigest()
    folder = paths.evidence_dir(store.path) / sha[:2]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / sha).write_bytes(data)  # as evidence_repo keeps it: <sha[:2]>/<sha>
    store.db.execute(
        "INSERT INTO evidence (case_id, kind, sha256, file_name, mime, bytes, added_at) "
        "VALUES (?, 'photo', ?, ?, 'image/jpeg', ?, '2026-11-28T04:00:00Z')",
        [case_id, sha, name, len(data)],
    )


def _jpeg(seed: int, width: int = 1600, height: int = 1200) -> bytes:
    """A real photo-sized JPEG (noisy, so it does not compress to nothing)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    rng = random.Random(seed)
    raw = rng.randbytes(width * height * 3)
    image = QImage(raw, width, height, width * 3, QImage.Format.Format_RGB888).copy()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 85)
    return bytes(data.data())


def build_base(base: Path) -> None:
    """A demo shop with evidence, an older backup to restore, and an export to import."""
    from tests.importers_fixtures import order, write_orders

    base.mkdir(parents=True)
    with Store.open(base / STORE) as store:
        build_demo(store, NOW, orders=200)
        _put_evidence(store, 1, _jpeg(1), "裂痕.jpg")
        make_backup(store.path, NOW, kind="manual")  # what `restore` goes back to
        _put_evidence(store, 2, b"%PDF-1.4 waybill " * 300, "运单.pdf")
        store.add_case(store.list_orders(limit=1)[0].id, "refund_unshipped", "2026-11-28T03:00:00Z")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    photos = base / "photos"
    photos.mkdir()
    for n in range(3):
        (photos / f"破损{n}.jpg").write_bytes(_jpeg(10 + n))
    (base / "phrases.csv").write_text(
        "phrase,title\n"
        + "".join(f"亲，第 {n} 条快捷短语，已为您处理,短语{n}\n" for n in range(300)),
        encoding="utf-8",
    )
    rows = [order(f"36{n:017d}") for n in range(1, IMPORT_ORDERS + 1)]
    write_orders(base / "ExportOrderList202611280930.csv", rows)


def _env() -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def _fresh_copy(base: Path, run_dir: Path) -> None:
    if run_dir.exists():
        shutil.rmtree(run_dir)
    shutil.copytree(base, run_dir)


def _start(action: Action, run_dir: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "shopdesk", *action.argv(run_dir)],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def calibrate(action: Action, base: Path, work: Path) -> None:
    """Run the action once unkilled: its 'after' fingerprint and how long it takes."""
    run_dir = work / f"calibrate-{action.name.replace(' ', '-')}"
    _fresh_copy(base, run_dir)
    action.before = action.state(run_dir)
    started = time.monotonic()
    process = _start(action, run_dir)
    _, err = process.communicate(timeout=300)
    action.seconds = time.monotonic() - started
    if process.returncode != 0:
        raise RuntimeError(f"{action.name} failed unkilled: {err.decode()}")
    action.after = action.state(run_dir)
    if action.after == action.before:
        raise RuntimeError(f"{action.name} changed nothing: the harness could not tell")
    problems = store_problems(run_dir)
    if problems:
        raise RuntimeError(f"{action.name} unkilled: {problems}")
    shutil.rmtree(run_dir)


def _bytes_written(pid: int) -> int:
    """Bytes the process has passed to write() so far (Linux), to tell kills that landed
    while it was writing from kills during start-up."""
    try:
        text = Path(f"/proc/{pid}/io").read_text()
    except OSError:
        return 0
    fields = dict(line.split(": ") for line in text.splitlines() if ": " in line)
    return int(fields.get("wchar", 0))


def _startup_seconds(base: Path) -> float:
    """The time a read-only command takes: Python, ShopDesk and the store opened."""
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "shopdesk", "cases", "--db", str(base / STORE), "--open"],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        check=True,
    )
    return time.monotonic() - started


@dataclass
class Failure:
    action: str
    delay: float
    problems: list[str]


def kill_once(
    action: Action, base: Path, run_dir: Path, rng: random.Random, window: bool = False
) -> Failure | None:
    _fresh_copy(base, run_dir)
    beside = None
    if window:
        beside = window_process.start_window(run_dir / STORE)
        window_process.wait_until_started(beside, run_dir / STORE)
    try:
        return _kill_action(action, run_dir, rng, beside)
    finally:
        if beside is not None and beside.poll() is None:
            beside.kill()
            beside.wait()
        if beside is not None and beside.stderr:
            beside.stderr.close()


def _kill_action(
    action: Action, run_dir: Path, rng: random.Random, beside: subprocess.Popen | None
) -> Failure | None:
    process = _start(action, run_dir)
    # The one place a test waits on time. Half the kills land at a random moment between
    # the end of start-up and just after an unkilled run would have finished; the other
    # half wait until the process starts writing, then a random few milliseconds more
    # (the writes of a case event take a few ms and would otherwise rarely be hit).
    started = time.monotonic()
    if rng.random() < 0.5:
        time.sleep(rng.uniform(action.startup * 0.9, action.seconds * 1.05))
    else:
        while process.poll() is None and _bytes_written(process.pid) == 0:
            time.sleep(0.0005)
        time.sleep(rng.uniform(0, 0.04))
    delay = time.monotonic() - started
    writing = _bytes_written(process.pid) > 0
    process.kill()  # SIGKILL; TerminateProcess on Windows (no SIGKILL there)
    process.wait()
    if process.stderr:
        process.stderr.close()
    outcome = "finished" if process.returncode == 0 else "killed"
    if outcome == "killed" and writing:
        action.outcomes["killed after writing began"] += 1
    problems = []
    if beside is not None:
        problems += _window_problems(beside, run_dir / STORE)
        beside.kill()  # no clean quit: what is in the file is all there is
        beside.wait()
    problems += store_problems(run_dir)
    state = action.state(run_dir)
    if state == action.before:
        action.outcomes[f"{outcome}, absent"] += 1
    elif state == action.after:
        action.outcomes[f"{outcome}, whole"] += 1
    else:
        problems.append("the action is half there: neither the before nor the after state")
    return Failure(action.name, round(delay, 3), problems) if problems else None


def _window_problems(window: subprocess.Popen, db: Path) -> list[str]:
    """The window still runs; the seller's next command beside it works; and none of the
    window's store files was deleted under it (a command closing its connection deletes
    the WAL when it believes it was the last user)."""
    if window.poll() is not None:
        return [f"the window quit: {window_process.window_stderr(window)[-500:]}"]
    listed = window_process.shopdesk("cases", "--db", str(db), "--json")
    if listed.returncode != 0:
        return [f"`cases` beside the window after the kill: {listed.stderr.strip()}"]
    deleted = [
        line
        for line in window_process.store_files_open(window.pid, db)
        if line.endswith("(deleted)")
    ]
    return [f"the window's store file was deleted under it: {line}" for line in deleted]


def run(
    kills: int,
    seed: int,
    work: Path,
    log: Callable[[str], None] = print,
    window: bool = False,
) -> list[Failure]:
    """`kills` SIGKILLs spread over every action in turn (with `window`, each while a
    window process holds the store open). Returns the failures found."""
    rng = random.Random(seed)
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SHOPDESK_DATA_DIR", str(work / "data"))
    base = work / "base"
    if base.exists():
        shutil.rmtree(base)
    build_base(base)
    actions = make_actions(base)
    startup = _startup_seconds(base)
    for action in actions:
        calibrate(action, base, work)
        action.startup = min(startup, action.seconds * 0.8)
        log(
            f"{action.name}: an unkilled run takes {action.seconds:.2f} s (start-up {startup:.2f} s)"
        )
    failures = []
    for number in range(kills):
        action = actions[number % len(actions)]
        failure = kill_once(action, base, work / "run", rng, window=window)
        if failure:
            failures.append(failure)
            log(f"FAIL {failure}")
    log(summary(actions, failures))
    shutil.rmtree(work / "run", ignore_errors=True)
    global LAST_ACTIONS
    LAST_ACTIONS = actions
    return failures


LAST_ACTIONS: list[Action] = []


def summary(actions: list[Action], failures: list[Failure]) -> str:
    lines = [
        "| action | kills | killed, absent | killed, whole | killed after writing began "
        "| finished before the kill | failures |",
        "|---|---|---|---|---|---|---|",
    ]
    for a in actions:
        total = sum(v for k, v in a.outcomes.items() if k != "killed after writing began")
        failed = sum(1 for f in failures if f.action == a.name)
        finished = a.outcomes["finished, whole"] + a.outcomes["finished, absent"]
        lines.append(
            f"| {a.name} | {total + failed} | {a.outcomes['killed, absent']} | "
            f"{a.outcomes['killed, whole']} | {a.outcomes['killed after writing began']} | "
            f"{finished} | {failed} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=120)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--work", default="/tmp/shopdesk-crash")
    parser.add_argument(
        "--window", action="store_true", help="every kill beside an open window on the store"
    )
    args = parser.parse_args()
    failures = run(args.kills, args.seed, Path(args.work), window=args.window)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
