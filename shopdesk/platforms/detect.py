"""Which platform's export a header is: every registered layout is scored against the
whole header, since single names are shared (订单号 is JD's and Pinduoduo's, 订单编号
Taobao's too)."""

from __future__ import annotations

from shopdesk.domain.errors import InputError
from shopdesk.importers.layouts import ExportKind, Layout, LayoutSpec, normalize_header
from shopdesk.platforms.registry import all_layouts


def supported_titles() -> list[str]:
    """The titles of the exports ShopDesk imports (a message joins them in its language)."""
    return [spec.title for spec in all_layouts() if spec.importable]


def _score(spec: LayoutSpec, names: set[str]) -> tuple[int, int]:
    """(signature headers present, all known headers present)."""
    signature = sum(1 for name in spec.signature if name in names)
    return signature, len(names & spec.known_names())


def guess_spec(header: list[object]) -> LayoutSpec | None:
    """The known export this header fits best (at least two of its own headers), or None."""
    names = {normalize_header(value) for value in header}
    best = max(all_layouts(), key=lambda spec: _score(spec, names))
    return best if _score(best, names)[0] >= 2 else None


def guess_kind(header: list[object]) -> ExportKind | None:
    spec = guess_spec(header)
    return spec.kind if spec is not None else None


def read_layout(header: list[object], file_name: str) -> Layout:
    """The layout of a header row; InputError naming what is wrong otherwise."""
    names = [normalize_header(value) for value in header]
    declared = len(names)
    while names and names[-1] == "":
        names.pop()
    spec = guess_spec(names)
    if spec is None:
        raise InputError("import.not_an_export", file=file_name, supported=supported_titles())
    if not spec.importable:
        raise InputError(
            "import.platform_not_yet",
            file=file_name,
            title=spec.title,
            supported=supported_titles(),
        )
    positions: dict[str, int] = {}
    for position, name in enumerate(names):
        positions.setdefault(name, position)
    index: dict[str, int] = {}
    for field, spellings in spec.columns.items():
        for spelling in spellings:
            if spelling in positions:
                index[field] = positions[spelling]
                break
    missing = [spec.columns[field][0] for field in spec.required if field not in index]
    if missing:
        raise InputError(
            "import.missing_columns", file=file_name, title=spec.title, columns=missing
        )
    return Layout(spec.kind, index, names, spec.platform, spec.title, declared)
