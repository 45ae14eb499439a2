"""A read-only block of labelled facts (订单号: …), selectable so the seller can copy.

A grid, not a QFormLayout: the form layout gave a wrapped value (a long 宝贝 line) the
height of one line and cut off the rest; the grid asks each value its height for the
width it gets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

TOP_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop


class FactsBlock(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(1, 1)
        self.fields: list[QLabel] = []
        self.names: list[str] = []  # the names the labels are built for

    def show_facts(self, facts: list[tuple[str, str]]) -> None:
        """Show these (name, value) lines. The same names as shown: only the values change
        (a click on the next case must not build a dozen labels again)."""
        names = [name for name, _value in facts]
        if names != self.names:
            self._build(names)
        for field, (_name, value) in zip(self.fields, facts, strict=True):
            field.setText(value or "—")

    def _build(self, names: list[str]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().setParent(None)  # gone now, not at the next event loop turn
        self.fields = []
        self.names = names
        for row, name in enumerate(names):
            title = QLabel(name + "：")
            title.setAlignment(TOP_RIGHT)
            field = QLabel()
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            policy.setHeightForWidth(True)
            field.setSizePolicy(policy)
            self.grid.addWidget(title, row, 0)
            self.grid.addWidget(field, row, 1)
            self.fields.append(field)
