"""Making a panel fit a 1280x720 screen: lists give up their preferred height first, and
status lines their width.

A scroll area sizes a panel with wrapped labels to its preferred height, and a list's
preferred height (192 px, Qt's default) then pushes the buttons under it below the fold.
A list made shrinkable keeps its minimum and grows into whatever room is left."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyleOption, QWidget


def let_shrink(widget: QWidget, minimum: int, maximum: int | None = None) -> None:
    policy = widget.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
    widget.setSizePolicy(policy)
    widget.setMinimumHeight(minimum)
    if maximum is not None:
        widget.setMaximumHeight(maximum)


class ElidingLabel(QLabel):
    """A one-line label that gives up width before the window does: narrower than its
    text, it ends in … (the whole text in its tooltip), so a long status line in English
    never makes the window wider than a 1280-pixel screen."""

    SHORTEST = 120  # px: what it keeps when the window is narrow

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.SHORTEST), hint.height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        room = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room.width())
        self.style().drawItemText(
            painter, room, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
            option.palette, self.isEnabled(), text, self.foregroundRole(),
        )  # fmt: skip
