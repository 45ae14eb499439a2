"""Giant and hostile evidence inputs against their budgets: each is fed to the real command
line under a memory limit, and the table gives its exit code, peak memory (ru_maxrss of
the command line process), wall time and the first words of its message.

    python benchmarks/giant_inputs_bench.py [--limit-gb 2]

The inputs are built small on disk (the zip of a 2 GiB member takes a few seconds).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "evidence"))

from budget_support import (  # noqa: E402
    chat_with_long_message,
    gif_dimension_bomb,
    jpeg_dimension_bomb,
    pdf_with_page,
    png_dimension_bomb,
    run_cli,
    zip_with_declared_member,
)

CASE = "9"


def _store_old_chat(db: Path, characters: int) -> None:
    """A chat with one message of `characters`, kept as an earlier version (no budget at
    add) would have kept it."""
    from shopdesk.platforms import chatlog
    from shopdesk.platforms.chatlog import ChatMessage
    from shopdesk.store import evidence_repo
    from shopdesk.store.store import Store

    message = ChatMessage("林间小鹿", "2026-11-20T02:01:00Z", "耳" * characters)
    with Store.open(db) as store:
        evidence_repo.add_bytes(
            store,
            int(CASE),
            b"chat kept by an earlier version",
            "旧聊天.txt",
            "chat",
            extra={"messages": chatlog.to_data([message]), "picked": [0]},
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit-gb", type=float, default=2.0, help="address space limit")
    args = parser.parse_args()
    limit = int(args.limit_gb * 1024**3)
    work = Path(tempfile.mkdtemp(prefix="shopdesk-giant-bench-"))
    rows = []
    try:
        template = work / "demo.db"
        assert run_cli("demo", "--db", str(template)).code == 0

        def fresh(name: str) -> str:
            db = work / f"{name}.db"
            shutil.copyfile(template, db)
            return str(db)

        def measure(label: str, *command: str, stdin=None) -> None:
            run = run_cli(*command, limit=limit, stdin=stdin)
            message = (run.stderr.strip().splitlines() or [""])[-1].removeprefix("shopdesk: ")
            rows.append((label, command[0] + (f" {command[1]}" if command[0] == "evidence" else ""),
                         run.code, run.peak_mb, run.seconds, message))  # fmt: skip

        def pack_of(label: str, path: Path, kind: str) -> None:
            db = fresh(path.stem)
            added = run_cli("evidence", "add", CASE, str(path), "--kind", kind, "--db", db)
            assert added.code == 0, added.stderr
            measure(label, "pack", CASE, "--profile", "taobao-refund", "--out",
                    str(work / "out"), "--db", db)  # fmt: skip

        pack_of("PDF, one 200-inch page (595 B)", pdf_with_page(work / "poster.pdf", 14400, 14400),
                "invoice")  # fmt: skip
        pack_of("PNG 15000x15000 (656 KB)", png_dimension_bomb(work / "b1.png", 15000, 15000),
                "photo")  # fmt: skip
        pack_of("PNG 60000x60000 (10 MB)", png_dimension_bomb(work / "b2.png", 60000, 60000),
                "photo")  # fmt: skip
        pack_of("GIF 16000x16000 (35 B)", gif_dimension_bomb(work / "b3.gif", 16000, 16000),
                "photo")  # fmt: skip
        pack_of("GIF 65535x65535 (35 B)", gif_dimension_bomb(work / "b4.gif", 65535, 65535),
                "photo")  # fmt: skip
        pack_of("JPEG 65000x65000 (693 B)", jpeg_dimension_bomb(work / "b5.jpg", 65000, 65000),
                "photo")  # fmt: skip

        db = fresh("chat100k")
        chat = chat_with_long_message(work / "chat100k.txt", 100_000)
        measure("chat, one 100,000-char message", "evidence", "chat", CASE, str(chat), "--db", db)
        measure("  ... then packed", "pack", CASE, "--profile", "taobao-refund", "--out",
                str(work / "out"), "--db", db)  # fmt: skip

        db = fresh("chat50m")
        chat = chat_with_long_message(work / "chat50m.txt", 50_000_000)
        measure("chat, one 50M-char message (150 MB)", "evidence", "chat", CASE, str(chat),
                "--db", db)  # fmt: skip
        chat.unlink()
        _store_old_chat(Path(db), 50_000_000)
        measure("  ... kept by an earlier version, packed", "pack", CASE, "--profile",
                "taobao-refund", "--out", str(work / "out"), "--db", db)  # fmt: skip

        bomb = zip_with_declared_member(work / "package.zip", 2 * 1024**3)
        measure(f"zip declaring a 2 GiB member ({bomb.stat().st_size / 1e6:.1f} MB)", "verify",
                str(bomb))  # fmt: skip

        db = fresh("devices")
        measure("/dev/zero as a photo", "evidence", "add", CASE, "/dev/zero", "--kind", "photo",
                "--db", db)  # fmt: skip
        with open("/dev/zero", "rb") as zero:
            measure("/dev/zero as chat on stdin", "evidence", "chat", CASE, "-", "--db", db,
                    stdin=zero)  # fmt: skip
        fifo = work / "fifo.txt"
        os.mkfifo(fifo)
        measure("a FIFO as a chat log", "evidence", "chat", CASE, str(fifo), "--db", db)
        sparse = work / "sparse.mp4"
        with open(sparse, "wb") as handle:
            handle.truncate(3 * 1024**3)
        measure("a 3 GiB (sparse) video", "evidence", "add", CASE, str(sparse), "--kind", "video",
                "--db", db)  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"memory limit (RLIMIT_AS): {args.limit_gb:g} GiB; {os.cpu_count()} CPUs")
    print(f"{'input':44} {'command':15} {'exit':>4} {'peak MB':>8} {'seconds':>8}  message")
    for label, command, code, peak, seconds, message in rows:
        short = message if len(message) <= 70 else message[:69] + "…"
        print(f"{label:44} {command:15} {code:>4} {peak:8.0f} {seconds:8.2f}  {short}")


if __name__ == "__main__":
    main()
