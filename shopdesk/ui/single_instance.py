"""One window per store: a second ShopDesk on the same store asks the first to come
forward, then quits. Keyed by a hash of the store's resolved path (a local socket name)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal

try:  # QtNetwork ships in PySide6-Essentials; a build that leaves it out loses only this
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
except ImportError:  # pragma: no cover - only in a build without QtNetwork
    QLocalServer = QLocalSocket = None

_RAISE = b"raise\n"


def server_name(store_path: Path) -> str:
    resolved = str(Path(store_path).expanduser().resolve())
    if os.name == "nt":
        resolved = resolved.casefold()
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:20]
    return f"shopdesk-{digest}"


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


class InstanceServer(QObject):
    """Listens for a second ShopDesk on the same store; emits raise_requested."""

    raise_requested = Signal()

    def __init__(self, store_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.server = QLocalServer(self) if QLocalServer is not None else None
        if self.server is None:
            return
        name = server_name(store_path)
        if not self.server.listen(name):
            # A socket file left by a window that crashed: nobody answers on it.
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
