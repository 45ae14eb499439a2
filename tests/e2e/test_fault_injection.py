"""The command-line write paths on a failing file system and a nearly full disk: each
failed write is one line of Chinese, exit 2, and the store exactly as before (see
fault_injection.py for what is checked).

CI tries a few N per syscall and path, and two nearly-full disks. The longer sweep is
marked slow and runs when asked:
    SHOPDESK_FAULT_N=12 python -m pytest -m slow tests/e2e/test_fault_injection.py -s
or directly: python -m tests.e2e.fault_injection --per-syscall 12
"""

from __future__ import annotations

import os

import pytest

from tests.e2e import fault_injection as fi

pytestmark = pytest.mark.skipif(
    not fi.strace_available(), reason="strace is not installed (scripts/setup installs it)"
)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    work = tmp_path_factory.mktemp("faults")
    base, write_paths = fi.prepare(work)
    return work, base, {p.action.name: p for p in write_paths}


def test_every_write_path_was_traced(prepared):
    _, _, write_paths = prepared
    assert set(write_paths) == set(fi.WRITE_PATHS)
    for name, path in write_paths.items():
        assert path.calls["pwrite64"], f"{name} wrote nothing through SQLite?"


@pytest.mark.parametrize("name", fi.WRITE_PATHS)
def test_a_failing_write_changes_nothing_and_says_so_in_one_line(prepared, name):
    work, base, write_paths = prepared
    path = write_paths[name]
    failures = []
    for syscall in fi.SYSCALLS:
        for n in fi.spread(path.calls[syscall], 2):
            path.outcomes[f"tried {syscall}"] += 1
            failures.append(fi.inject_once(path, base, work, syscall, n))
    assert [str(f) for f in failures if f] == []
    assert path.outcomes["refused, unchanged"] > 0  # some injections did make it fail


@pytest.mark.parametrize("name", ["case add", "case event"])
def test_a_step_lands_whole_or_not_at_all_whichever_sync_fails(prepared, name):
    """Every sync of these short steps: a case with its cached clock, an event with the
    case's new state, never one without the other."""
    work, base, write_paths = prepared
    path = write_paths[name]
    failures = [fi.inject_once(path, base, work, "fdatasync", n) for n in path.calls["fdatasync"]]
    assert [str(f) for f in failures if f] == []


@pytest.fixture(scope="module")
def small_disk(prepared):
    work, _, _ = prepared
    reason = fi.can_mount_tmpfs(work)
    if reason:
        pytest.skip(f"no small disk for the test: {reason}")
    return prepared


@pytest.mark.parametrize("name", fi.WRITE_PATHS)
def test_a_nearly_full_disk_changes_nothing_and_says_so_in_one_line(small_disk, name):
    work, base, write_paths = small_disk
    path = write_paths[name]
    failures = [fi.full_disk_once(path, base, work, free) for free in (0, 64 << 10)]
    assert [str(f) for f in failures if f] == []


@pytest.mark.slow
@pytest.mark.skipif("SHOPDESK_FAULT_N" not in os.environ, reason="sweep: set SHOPDESK_FAULT_N=12")
def test_longer_sweep(tmp_path):
    per_syscall = int(os.environ["SHOPDESK_FAULT_N"])
    lines: list[str] = []
    write_paths, failures = fi.strace_sweep(tmp_path, per_syscall, log=lines.append)
    if fi.can_mount_tmpfs(tmp_path) is None:
        _, disk_failures = fi.full_disk_sweep(
            tmp_path, fi.FREES, log=lines.append, base_and_paths=(tmp_path / "base", write_paths)
        )
        failures += disk_failures
    print("\n".join(lines))
    print(fi.summary(write_paths, failures))
    assert failures == []
