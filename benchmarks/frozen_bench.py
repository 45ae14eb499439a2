"""The standalone bundle against its budgets, measured in one run:

- size of dist/shopdesk/ (every file, MiB): budget 160 MB;
- wall time of the frozen `shopdesk --smoke-test` against the same smoke test run from
  source (`python -m shopdesk --smoke-test`), median of 3 each, runs interleaved so both
  see the same machine: budget frozen <= 1.5 x source;
- for information, the bare start (`--version`) of both.

    python benchmarks/frozen_bench.py            # build first with scripts/build
    python benchmarks/frozen_bench.py --build    # build, then measure

Prints a table; exits 1 when a budget is broken.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "shopdesk"
SIZE_BUDGET_MB = 160.0
SPEED_BUDGET = 1.5  # frozen smoke test / source smoke test
MIB = 1024 * 1024


def bundle_mb(folder: Path) -> float:
    """Bytes of every file in the bundle (symlinks not counted twice), in MiB."""
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / MIB


def executable(folder: Path) -> Path:
    name = "shopdesk.exe" if sys.platform == "win32" else "shopdesk"
    return folder / name


def timed(command: list[str]) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if result.returncode != 0 or (
        "--smoke-test" in command and result.stdout.strip().splitlines()[-1:] != ["ok"]
    ):
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time per command; one warm-up each, then runs interleaved."""
    for command in commands.values():
        timed(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(timed(command))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help="the onedir bundle folder")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (median)")
    parser.add_argument("--build", action="store_true", help="run scripts/build first")
    args = parser.parse_args()
    if args.build:
        env = {**os.environ, "SHOPDESK_BUILD_PYTHON": sys.executable}
        subprocess.run(["bash", str(ROOT / "scripts" / "build")], check=True, env=env)
    frozen = executable(args.bundle)
    if not frozen.exists():
        print(f"{frozen} does not exist: build it with scripts/build (or pass --build)")
        return 2

    size = bundle_mb(args.bundle)
    source = [sys.executable, "-m", "shopdesk"]
    medians = measure(
        {
            "source smoke": [*source, "--smoke-test"],
            "frozen smoke": [str(frozen), "--smoke-test"],
            "source start": [*source, "--version"],
            "frozen start": [str(frozen), "--version"],
        },
        args.runs,
    )
    ratio = medians["frozen smoke"] / medians["source smoke"]
    rows = [
        ("bundle size", f"{size:.1f} MiB", f"<= {SIZE_BUDGET_MB:.0f} MB", size <= SIZE_BUDGET_MB),
        ("--smoke-test from source", f"{medians['source smoke']:.2f} s", "(limit)", True),
        ("--smoke-test frozen", f"{medians['frozen smoke']:.2f} s", "", True),
        ("frozen / source", f"{ratio:.2f} x", f"<= {SPEED_BUDGET} x", ratio <= SPEED_BUDGET),
        ("--version from source", f"{medians['source start']:.2f} s", "(info)", True),
        ("--version frozen", f"{medians['frozen start']:.2f} s", "(info)", True),
    ]
    print(f"bundle: {args.bundle}  (median of {args.runs} runs, interleaved)")
    print(f"{'measure':<26} {'value':>11}  {'budget':<12} ok")
    for name, value, budget, ok in rows:
        print(f"{name:<26} {value:>11}  {budget:<12} {'yes' if ok else 'NO'}")
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
