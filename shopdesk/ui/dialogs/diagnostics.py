"""What a seller sends when asking for help: the version, where the store is and how big,
the SQLite and Qt versions, the system, and the newest crash log (written to
`<data folder>/crash-logs/crash-YYYYmmdd-HHMMSS-<pid>.log`; newest = last by name)."""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion

from shopdesk import __version__
from shopdesk.domain import paths
from shopdesk.services.session import Store

CRASH_LOG_FOLDER = "crash-logs"
CRASH_LOG_PATTERN = "crash-*.log"
# A crash log is a traceback and a few facts; a runaway one is cut to its end.
CRASH_LOG_LIMIT = 20_000


def tr(text: str) -> str:
    return QCoreApplication.translate("Diagnostics", text)


@dataclass(frozen=True)
class Facts:
    version: str
    store_path: Path
    store_bytes: int
    schema_version: int
    data_dir: Path
    sqlite_version: str
    qt_version: str
    pyside_version: str
    python_version: str
    system: str


def store_bytes(store_path: Path) -> int:
    """The store's size on disk: the database and its write-ahead log (stat only; nothing
    but SQLite opens these files)."""
    total = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):  # no -wal after a clean close
            total += Path(f"{store_path}{suffix}").stat().st_size
    return total


def gather(store: Store) -> Facts:
    import platform  # asked when the seller opens this, not on every start-up

    sqlite_version = store.sqlite_version()
    return Facts(
        version=__version__,
        store_path=Path(store.path).resolve(),
        store_bytes=store_bytes(store.path),
        schema_version=store.schema_version(),
        data_dir=paths.data_dir(),
        sqlite_version=sqlite_version,
        qt_version=qVersion(),
        pyside_version=PySide6.__version__,
        python_version=platform.python_version(),
        system=f"{platform.platform()} ({'frozen' if paths.is_frozen() else sys.executable})",
    )


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:,.1f} KB"
    if size < 1024**3:
        return f"{size / 1024**2:,.1f} MB"
    return f"{size / 1024**3:,.2f} GB"


def crash_log_folder() -> Path:
    return paths.data_dir() / CRASH_LOG_FOLDER


def newest_crash_log(folder: Path | None = None) -> Path | None:
    folder = crash_log_folder() if folder is None else folder
    logs = sorted(folder.glob(CRASH_LOG_PATTERN)) if folder.is_dir() else []
    return logs[-1] if logs else None


def read_crash_log(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    if len(text) > CRASH_LOG_LIMIT:
        text = (
            tr("……（前面的 %1 个字符已省略）\n").replace("%1", f"{len(text) - CRASH_LOG_LIMIT:,}")
            + text[-CRASH_LOG_LIMIT:]
        )
    return text.rstrip("\n")


def facts_lines(facts: Facts) -> list[tuple[str, str]]:
    """(label, value) pairs, in the order the About box and the report show them."""
    return [
        (tr("版本"), f"ShopDesk {facts.version}"),
        (tr("数据文件"), str(facts.store_path)),
        (
            tr("数据文件大小"),
            tr("%1（数据结构版本 %2）")
            .replace("%1", size_text(facts.store_bytes))
            .replace("%2", str(facts.schema_version)),
        ),
        (tr("数据文件夹"), str(facts.data_dir)),
        (tr("SQLite 版本"), facts.sqlite_version),
        (tr("Qt 版本"), f"Qt {facts.qt_version} · PySide6 {facts.pyside_version}"),
        (tr("Python 版本"), facts.python_version),
        (tr("系统"), facts.system),
    ]


def report(facts: Facts, crash_log: Path | None) -> str:
    """The text 帮助 → 诊断信息 copies: the facts, then the newest crash log."""
    lines = [f"{label}：{value}" for label, value in facts_lines(facts)]
    lines.append("")
    if crash_log is None:
        lines.append(tr("最近的崩溃记录：没有崩溃记录"))
    else:
        lines.append(tr("最近的崩溃记录：%1").replace("%1", str(crash_log)))
        lines.append(read_crash_log(crash_log))
    return "\n".join(lines) + "\n"
