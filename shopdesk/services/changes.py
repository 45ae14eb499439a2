"""What an action changed, so the window refreshes only the views that show it.

Every service returns a `Changes`; the window's dispatcher hands it to the views that
asked for its parts. Ids say which rows changed; `ALL` says "some rows, unknown which"
(another process wrote, a restore replaced the data)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields


class _All:
    """Every id: contains anything, absorbs any union."""

    _instance: _All | None = None

    def __new__(cls) -> _All:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __contains__(self, _item: object) -> bool:
        return True

    def __or__(self, _other: object) -> _All:
        return self

    __ror__ = __or__

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return "ALL"


ALL = _All()
Ids = frozenset[int] | _All


def ids(values: Iterable[int] | _All = ()) -> Ids:
    return ALL if isinstance(values, _All) else frozenset(int(v) for v in values)


@dataclass(frozen=True)
class Changes:
    """Sets of ids (or ALL) for rows, flags for the rest. Empty: nothing changed."""

    orders: Ids = field(default_factory=frozenset)  # order rows, their lines and clocks
    cases: Ids = field(default_factory=frozenset)  # case rows, their timelines and clocks
    evidence: Ids = field(default_factory=frozenset)  # cases whose evidence list changed
    templates: bool = False  # reply templates and their usage
    rules: bool = False  # platform rule files (every clock may move)
    settings: bool = False  # shop settings, reminder lead times, preferences
    shops: bool = False  # shops added or renamed

    @classmethod
    def everything(cls) -> Changes:
        """After a restore, or a write we cannot attribute: every view re-reads."""
        return cls(
            orders=ALL,
            cases=ALL,
            evidence=ALL,
            templates=True,
            rules=True,
            settings=True,
            shops=True,
        )

    @classmethod
    def of(
        cls,
        *,
        orders: Iterable[int] | _All = (),
        cases: Iterable[int] | _All = (),
        evidence: Iterable[int] | _All = (),
        **flags: bool,
    ) -> Changes:
        return cls(orders=ids(orders), cases=ids(cases), evidence=ids(evidence), **flags)

    def merge(self, other: Changes) -> Changes:
        """Both changes in one (a union of ids, an or of flags)."""
        merged = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = (mine | theirs) if not isinstance(mine, bool) else mine or theirs
        return Changes(**merged)

    def __or__(self, other: Changes) -> Changes:
        return self.merge(other)

    def any(self) -> bool:
        return any(bool(getattr(self, f.name)) for f in fields(self))

    def touches_case(self, case_id: int | None) -> bool:
        """The case (its row, timeline or evidence) changed."""
        return case_id is not None and (case_id in self.cases or case_id in self.evidence)

    def touches_order(self, order_id: int | None) -> bool:
        return order_id is not None and order_id in self.orders


NOTHING = Changes()
