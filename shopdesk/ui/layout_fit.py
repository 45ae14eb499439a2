"""Making a panel fit a 1280x720 screen: lists give up their preferred height first.

A scroll area sizes a panel with wrapped labels to its preferred height, and a list's
preferred height (192 px, Qt's default) then pushes the buttons under it below the fold.
A list made shrinkable keeps its minimum and grows into whatever room is left."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QWidget


def let_shrink(widget: QWidget, minimum: int, maximum: int | None = None) -> None:
    policy = widget.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
    widget.setSizePolicy(policy)
    widget.setMinimumHeight(minimum)
    if maximum is not None:
        widget.setMaximumHeight(maximum)
