"""What another process (the command line beside the window) wrote, as the `Changes` the
window's dispatcher hands to the views that show it (the rows and tables are read by
store/write_marks.py)."""

from __future__ import annotations

from shopdesk.services.changes import ALL, Changes
from shopdesk.store.store import Store
from shopdesk.store.write_marks import Marks, take_marks, written_since

__all__ = ["Marks", "changes_since", "take_marks"]


def changes_since(store: Store, marks: Marks) -> tuple[Changes, Marks]:
    written, now = written_since(store, marks)
    changes = Changes.of(
        orders=written.orders,
        cases=written.cases,
        evidence=ALL if written.evidence is None else written.evidence,
        templates=written.templates,
        rules=written.rules,
        settings=written.settings,
        shops=written.shops,
    )
    return changes, now
