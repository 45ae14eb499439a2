"""One window per store: a second ShopDesk on the same store asks the first to come
forward, then quits.

A store is identified by the file itself (its device and inode from stat()), so another
spelling of the path, a symbolic or a hard link all find the same window. The window that
holds the store's lock file (a file of its own in the data folder, never the store's
`.db`) owns the local socket: two windows started at the same moment cannot both run, and
only the lock's holder may remove a socket file left by a window that crashed."""

from __future__ import annotations

import getpass
import hashlib
import os
import time
from os import stat as _stat  # a stat only: never a descriptor on the store
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal

from shopdesk.domain import paths

try:  # QtNetwork ships in PySide6-Essentials; a build that leaves it out loses only this
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
except ImportError:  # pragma: no cover - only in a build without QtNetwork
    QLocalServer = QLocalSocket = None

_RAISE = b"raise\n"


def store_key(store_path: Path) -> str:
    """The store's identity for this user: its device and inode (a stat, no descriptor),
    or its resolved path while the file does not exist yet."""
    path = Path(store_path).expanduser()
    try:
        st = _stat(path)
        identity = f"{st.st_dev}:{st.st_ino}"
    except OSError:
        resolved = str(path.resolve())
        identity = resolved.casefold() if os.name == "nt" else resolved
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (a container without an entry)
        user = str(getattr(os, "getuid", lambda: "")())
    return hashlib.sha256(f"{user}|{identity}".encode()).hexdigest()[:20]


def server_name(store_path: Path) -> str:
    return f"shopdesk-{store_key(store_path)}"


def bring_forward_running(store_path: Path, timeout_ms: int = 1000) -> bool:
    """True when a window on this store is running and was asked to come forward."""
    if QLocalSocket is None:
        return False
    socket = QLocalSocket()
    socket.connectToServer(server_name(store_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_RAISE)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class WindowLock:
    """The lock file that makes a window the store's one window (QLockFile: it holds the
    owner's process id, so the lock of a window that crashed is taken over)."""

    def __init__(self, store_path: Path):
        folder = paths.data_dir() / "windows"
        folder.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(folder / f"{store_key(store_path)}.lock"))
        self.lock.setStaleLockTime(0)  # stale only when its owner is gone, never by age

    def acquire(self) -> bool:
        return self.lock.tryLock(0)

    def release(self) -> None:
        self.lock.unlock()


def defer_to_starting_window(store_path: Path, wait_seconds: float = 20.0) -> bool:
    """Another window holds the store's lock and may still be starting: ask it to come
    forward once it listens. False when it never answered (then it quit meanwhile)."""
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if bring_forward_running(store_path, timeout_ms=500):
            return True
        time.sleep(0.2)
    return False


class InstanceServer(QObject):
    """Listens for a second ShopDesk on the same store; emits raise_requested. Only the
    holder of the store's WindowLock creates one."""

    raise_requested = Signal()

    def __init__(self, store_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.server = QLocalServer(self) if QLocalServer is not None else None
        if self.server is None:
            return
        name = server_name(store_path)
        if not self.server.listen(name):
            # We hold the lock, so a socket file there was left by a window that crashed.
            QLocalServer.removeServer(name)
            self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def is_listening(self) -> bool:
        return self.server is not None and self.server.isListening()

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            # The message is one short line: wait for it here rather than keep the socket.
            arrived = socket.bytesAvailable() or socket.waitForReadyRead(1000)
            if arrived and bytes(socket.readAll().data()).startswith(_RAISE.strip()):
                self.raise_requested.emit()
            socket.abort()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()


def bring_to_front(window) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
