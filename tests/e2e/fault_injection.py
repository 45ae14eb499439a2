"""Fault injection beyond SIGKILL: every command-line write path run (a) on a small disk
filled nearly full (a tmpfs mounted for the run) and (b) with the file system failing one
call, `strace -f --inject=SYSCALL:error=EIO:when=N`, for pwrite64 (SQLite's writes),
write (ShopDesk's own file writes), fsync and fdatasync.

After each run, whatever its outcome:
- exit 2: one line on stderr, in Chinese, no traceback; the store exactly as before (every
  row of every table the seller works with and the bytes of every evidence file, compared
  by content) and the action's own result absent (no backup listed, no export file);
- exit 0: the action wholly done (the state an undisturbed run leaves);
- either way: `PRAGMA integrity_check` ok, every evidence file (store and backups) matches
  its hash, no visible leftovers (the crash harness's checks);
- any other exit is a failure.

The N tried for a syscall are the ordinals of its calls on the run's own files, found by
tracing one undisturbed run (`strace -y`); injection counts per syscall and per tracee,
and ShopDesk's command line does its writes on its main thread.

By hand, the longer sweep:  python -m tests.e2e.fault_injection --per-syscall 12
(tests/e2e/test_fault_injection.py runs a few N per path in CI and the sweep under -m slow.)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from shopdesk.services.demo import build_demo  # noqa: E402
from shopdesk.store.backup import make_backup  # noqa: E402
from shopdesk.store.store import Store  # noqa: E402
from tests.e2e import crash_harness  # noqa: E402
from tests.e2e.crash_harness import NOW, STORE, Action  # noqa: E402
from tests.safety_support import snapshot  # noqa: E402

SYSCALLS = ("pwrite64", "write", "fsync", "fdatasync")
# The command-line write paths (the crash harness's actions; `pack` writes only its output
# folder and is covered by the evidence area's own fault tests).
WRITE_PATHS = (
    "import", "case event", "case add", "evidence add", "backup", "restore", "export",
    "template import",
)  # fmt: skip
IMPORT_ORDERS = 60
_CALL = re.compile(r"^(\d+)\s+(\w+)\((\d+)<([^>]*)>")


def strace_available() -> bool:
    return shutil.which("strace") is not None


def build_base(base: Path) -> None:
    """A demo shop with evidence, an older backup to restore, and files to import: the
    crash harness's base, smaller (every write call is a point to fail at)."""
    from tests.importers_fixtures import order, write_orders

    base.mkdir(parents=True)
    with Store.open(base / STORE) as store:
        build_demo(store, NOW, orders=60)
        crash_harness._put_evidence(store, 1, crash_harness._jpeg(1, 320, 240), "裂痕.jpg")
        make_backup(store.path, NOW, kind="manual")
        crash_harness._put_evidence(store, 2, b"%PDF-1.4 waybill " * 300, "运单.pdf")
        store.add_case(store.list_orders(limit=1)[0].id, "refund_unshipped", "2026-11-28T03:00:00Z")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # The caches commands bring up to date first (clocks, rule stamps, a case's cached
    # money and responsibility) made current
    # through the front door, so what a run leaves is only what its action wrote.
    data = base.parent / "data"
    data.mkdir(exist_ok=True)
    for args in (["cases"], ["export", "cases", "--out", str(data / "warm.csv")]):
        warm = _run([sys.executable, "-m", "shopdesk", *args, "--db", str(base / STORE)], data)
        assert warm.returncode == 0, warm.stderr
    photos = base / "photos"
    photos.mkdir()
    for n in range(2):
        (photos / f"破损{n}.jpg").write_bytes(crash_harness._jpeg(10 + n, 1200, 900))
    (base / "phrases.csv").write_text(
        "phrase,title\n"
        + "".join(f"亲，第 {n} 条快捷短语，已为您处理,短语{n}\n" for n in range(40)),
        encoding="utf-8",
    )
    rows = [order(f"36{n:017d}") for n in range(1, IMPORT_ORDERS + 1)]
    write_orders(base / "ExportOrderList202611280930.csv", rows)


@dataclass
class Path_:
    """One write path under test, with what an undisturbed run does."""

    action: Action
    calls: dict[str, list[int]] = field(default_factory=dict)  # syscall -> ordinals on files
    outcomes: Counter = field(default_factory=Counter)


@dataclass
class Failure:
    path: str
    fault: str
    problems: list[str]

    def __str__(self) -> str:
        return f"{self.path} / {self.fault}: {'; '.join(self.problems)}"


def _env(data: Path) -> dict:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "SHOPDESK_DATA_DIR": str(data),
    }


def _command(action: Action, run_dir: Path) -> list[str]:
    return [sys.executable, "-m", "shopdesk", *action.argv(run_dir)]


def _run(argv: list[str], data: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        argv, cwd=ROOT, env=_env(data), capture_output=True, text=True, timeout=600
    )


def _fresh_data(work: Path) -> Path:
    """An empty data folder for one run: what ShopDesk caches there (its store checks)
    is then the same in the traced run and the injected one, so the ordinals match."""
    data = work / "data-run"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    return data


def traced_calls(action: Action, base: Path, work: Path) -> dict[str, list[int]]:
    """Run the action undisturbed under strace -y: for each syscall, the ordinals (per
    the main thread, as injection counts them) of its calls on files in the run folder."""
    run_dir = work / "trace"
    crash_harness._fresh_copy(base, run_dir)
    log = work / "trace.log"
    argv = ["strace", "-f", "-qq", "-y", "-e", f"trace={','.join(SYSCALLS)}", "-o", str(log)]
    result = _run([*argv, "--", *_command(action, run_dir)], _fresh_data(work))
    if result.returncode != 0:
        raise RuntimeError(f"{action.name} failed undisturbed: {result.stderr}")
    prefix = str(run_dir.resolve())
    counts: Counter = Counter()
    found: dict[str, list[int]] = {name: [] for name in SYSCALLS}
    main_pid = None
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        match = _CALL.match(line)
        if not match:
            continue
        pid, name, _fd, target = match.groups()
        main_pid = main_pid or pid
        if pid != main_pid or name not in found:
            continue
        counts[name] += 1
        if target.startswith(prefix):
            found[name].append(counts[name])
    shutil.rmtree(run_dir)
    return found


def spread(ordinals: list[int], count: int) -> list[int]:
    """`count` ordinals spread over the list: the first, the last and evenly between."""
    if len(ordinals) <= count:
        return list(ordinals)
    step = (len(ordinals) - 1) / (count - 1)
    return sorted({ordinals[round(i * step)] for i in range(count)})


def _chinese_line(stderr: str) -> str | None:
    """The one line a seller should read, or None when stderr is anything else."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    if len(lines) != 1 or "Traceback" in stderr:
        return None
    return lines[0] if re.search(r"[\u4e00-\u9fff]", lines[0]) else None


def store_content(db: Path) -> dict:
    """Every row the seller works with and every evidence file's bytes (tests'
    `snapshot`), without the cached next-due columns: a cache for sorting that any
    command refreshes first when a deadline has passed on the wall clock meanwhile."""
    content = snapshot(db)
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for table, rows in content["rows"].items():
            names = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            keep = [i for i, name in enumerate(names) if not name.startswith("next_due")]
            content["rows"][table] = [[row[i] for i in keep] for row in rows]
    finally:
        conn.close()
    return content


def _changed_columns(db: Path, table: str, before: list, after: list) -> list[str]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()
    names = [n for n in names if not n.startswith("next_due")]
    return sorted(
        {
            names[i]
            for b, a in zip(before, after, strict=False)
            for i in range(len(b))
            if b[i] != a[i]
        }
    )


def judge(path: Path_, run_dir: Path, before: dict, result, fault: str) -> Failure | None:
    """Check one disturbed run against the rules in the module's docstring."""
    action = path.action
    problems = crash_harness.store_problems(run_dir)
    state = action.state(run_dir)
    if result.returncode == 0:
        if state != action.after:
            problems.append("exit 0 but the action is not wholly done")
        path.outcomes["finished"] += 1
    elif result.returncode == 2:
        if _chinese_line(result.stderr) is None:
            problems.append(f"exit 2 without one Chinese line: {result.stderr.strip()[-300:]!r}")
        after = store_content(run_dir / STORE)
        if after != before:
            changed = [
                f"{t} {_changed_columns(run_dir / STORE, t, before['rows'][t], after['rows'][t])}"
                for t in before["rows"]
                if before["rows"][t] != after["rows"].get(t)
            ]
            changed += ["evidence files"] if before["files"] != after["files"] else []
            problems.append(f"exit 2 but the store changed: {', '.join(changed)}")
        if state != action.before:
            problems.append("exit 2 but the action's result is (partly) there")
        path.outcomes["refused, unchanged"] += 1
    else:
        problems.append(f"exit {result.returncode}: {result.stderr.strip()[-300:]!r}")
    return Failure(action.name, fault, problems) if problems else None


def inject_once(path: Path_, base: Path, work: Path, syscall: str, n: int) -> Failure | None:
    run_dir = work / "run"
    crash_harness._fresh_copy(base, run_dir)
    before = store_content(run_dir / STORE)
    argv = ["strace", "-f", "-qq", "-o", "/dev/null", f"--inject={syscall}:error=EIO:when={n}"]
    result = _run([*argv, "--", *_command(path.action, run_dir)], _fresh_data(work))
    return judge(path, run_dir, before, result, f"{syscall} EIO at call {n}")


def prepare(work: Path, *, with_calls: bool = True) -> tuple[Path, list[Path_]]:
    """The base store and every write path, calibrated (its before/after states and, for
    strace, the calls it makes on files)."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "data").mkdir(exist_ok=True)
    os.environ.setdefault("SHOPDESK_DATA_DIR", str(work / "data"))
    base = work / "base"
    if base.exists():
        shutil.rmtree(base)
    build_base(base)
    found = []
    for action in crash_harness.make_actions(base):
        if action.name not in WRITE_PATHS:
            continue
        crash_harness.calibrate(action, base, work)
        path = Path_(action)
        if with_calls:
            traced_calls(action, base, work)  # the first run writes Python's caches
            path.calls = traced_calls(action, base, work)
        found.append(path)
    return base, found


def strace_sweep(work: Path, per_syscall: int, log=print) -> tuple[list[Path_], list[Failure]]:
    base, write_paths = prepare(work)
    failures = []
    for path in write_paths:
        for syscall in SYSCALLS:
            for n in spread(path.calls.get(syscall, []), per_syscall):
                path.outcomes[f"tried {syscall}"] += 1
                failure = inject_once(path, base, work, syscall, n)
                if failure:
                    failures.append(failure)
                    log(f"FAIL {failure}")
    shutil.rmtree(work / "run", ignore_errors=True)
    return write_paths, failures


# ------------------------------------------------------------------ a nearly full disk


class SmallDisk:
    """A tmpfs of `size` bytes mounted at `mountpoint` (needs root); unmounted on exit."""

    def __init__(self, mountpoint: Path, size: int):
        self.mountpoint = mountpoint
        self.size = size

    def __enter__(self) -> Path:
        self.mountpoint.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={self.size}", "tmpfs", str(self.mountpoint)],
            check=True,
            capture_output=True,
        )
        return self.mountpoint

    def __exit__(self, *exc) -> None:
        subprocess.run(["umount", "-l", str(self.mountpoint)], capture_output=True)


def can_mount_tmpfs(work: Path) -> str | None:
    """None when a tmpfs can be mounted here, else why not."""
    if shutil.which("mount") is None:
        return "no mount command"
    probe = work / "probe"
    try:
        with SmallDisk(probe, 1 << 20):
            pass
    except subprocess.CalledProcessError as exc:
        return f"cannot mount a tmpfs here ({exc.stderr.decode(errors='replace').strip()})"
    finally:
        if probe.exists():
            probe.rmdir()
    return None


def fill_to(folder: Path, free: int) -> None:
    """Leave only `free` bytes available in `folder`'s file system."""
    stat = os.statvfs(folder)
    available = stat.f_bavail * stat.f_frsize
    if available > free:
        with open(folder / "filler", "wb") as handle:
            os.posix_fallocate(handle.fileno(), 0, available - free)


def full_disk_once(path: Path_, base: Path, work: Path, free: int) -> Failure | None:
    """The action on a tmpfs holding a copy of the base with only `free` bytes left."""
    used = sum(p.stat().st_size for p in base.rglob("*") if p.is_file())
    with SmallDisk(work / "disk", used + (32 << 20)) as disk:
        run_dir = disk / "run"
        shutil.copytree(base, run_dir)
        before = store_content(run_dir / STORE)
        fill_to(disk, free)
        result = _run(_command(path.action, run_dir), _fresh_data(work))
        (disk / "filler").unlink(missing_ok=True)  # room for the checks' own reads
        return judge(path, run_dir, before, result, f"disk with {free} bytes free")


def full_disk_sweep(
    work: Path, frees: list[int], log=print, base_and_paths=None
) -> tuple[list[Path_], list[Failure]]:
    base, write_paths = base_and_paths or prepare(work, with_calls=False)
    failures = []
    for path in write_paths:
        for free in frees:
            path.outcomes["tried disk"] += 1
            failure = full_disk_once(path, base, work, free)
            if failure:
                failures.append(failure)
                log(f"FAIL {failure}")
    return write_paths, failures


def summary(write_paths: list[Path_], failures: list[Failure]) -> str:
    lines = [
        "| path | " + " | ".join(f"{s} N" for s in SYSCALLS) + " | full disk | exit 0 "
        "| exit 2, unchanged | failures |",
        "|---|" + "---|" * (len(SYSCALLS) + 4),
    ]
    for p in write_paths:
        tried = [str(p.outcomes[f"tried {s}"]) for s in SYSCALLS]
        failed = sum(1 for f in failures if f.path == p.action.name)
        lines.append(
            f"| {p.action.name} | {' | '.join(tried)} | {p.outcomes['tried disk']} | "
            f"{p.outcomes['finished']} | {p.outcomes['refused, unchanged']} | {failed} |"
        )
    return "\n".join(lines)


FREES = [0, 4096, 64 << 10, 512 << 10, 2 << 20]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-syscall", type=int, default=12, help="N tried per syscall")
    parser.add_argument("--work", default="/tmp/shopdesk-faults")
    args = parser.parse_args()
    work = Path(args.work)
    paths_, failures = strace_sweep(work, args.per_syscall)
    _, disk_failures = full_disk_sweep(work, FREES, base_and_paths=(work / "base", paths_))
    print(summary(paths_, failures + disk_failures))
    return 1 if failures or disk_failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
