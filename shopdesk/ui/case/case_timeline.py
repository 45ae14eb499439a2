"""A case's timeline as both tabs of the case panel show it (概况 and 进度): one line per
event, oldest first; an event a correction retracted struck through, grey, marked
（已撤销）."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from shopdesk.domain.model import Event, EventKind
from shopdesk.ui.format import label, local_time


def event_text(event: Event) -> str:
    text = f"{local_time(event.at)}  {label(EventKind, event.kind)}"
    return f"{text} — {event.note}" if event.note else text


def fill_timeline(widget: QListWidget, events: Sequence[Event]) -> None:
    widget.clear()
    retracted = {e.retracts for e in events if e.retracts}
    struck = QFont()
    struck.setStrikeOut(True)
    for event in events:
        item = QListWidgetItem(event_text(event))
        if event.id in retracted:
            item.setText(item.text() + QCoreApplication.translate("CaseTimeline", "（已撤销）"))
            item.setFont(struck)
            item.setForeground(Qt.GlobalColor.gray)
        widget.addItem(item)
