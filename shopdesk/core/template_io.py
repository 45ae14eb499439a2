"""Templates in and out: JSON (everything, round-trips) and CSV in the style of
Qianniu quick phrases (快捷短语): one row per phrase with `title` and `phrase` columns.

CSV rows may carry ShopDesk's extra columns (id, language, tags, limits); rows with the
same id are the languages of one template. Files from Qianniu come as UTF-8 (with or
without BOM) or GB18030; exports are UTF-8 with BOM so Excel shows Chinese right."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from shopdesk.core.errors import InputError
from shopdesk.core.model import LANGUAGES
from shopdesk.core.safeio import atomic_write
from shopdesk.core.templates import Template, TemplateText, make_template

JSON_FORMAT = "shopdesk-templates"
CSV_COLUMNS = [
    "id",
    "language",
    "group",
    "title",
    "phrase",
    "kinds",
    "causes",
    "stages",
    "steps",
    "limit_chars",
    "limit_bytes",
]
_TAGS = ("kinds", "causes", "stages", "steps")
_ALIASES = {
    "title": ("title", "标题", "標題", "快捷编码", "短语标题", "名称", "name"),
    "phrase": ("phrase", "短语", "快捷短语", "短语内容", "内容", "body", "text"),
    "group": ("group", "分组", "分组名称", "分組"),
    "id": ("id",),
    "language": ("language", "lang", "语言"),
    **{tag: (tag,) for tag in _TAGS},
    "limit_chars": ("limit_chars",),
    "limit_bytes": ("limit_bytes",),
}
_SPLIT_TAGS = re.compile(r"[|,;，；\s]+")
TITLE_FROM_PHRASE = 12


# --- JSON -------------------------------------------------------------------------------


def template_to_dict(template: Template) -> dict:
    return {
        "id": template.id,
        "builtin_of": template.builtin_of or (template.id if template.builtin else None),
        "group": template.group,
        "tags": template.tags(),
        "limit_chars": template.limit_chars,
        "limit_bytes": template.limit_bytes,
        "texts": {
            lang: {"title": text.title, "body": text.body} for lang, text in template.texts.items()
        },
    }


def template_from_dict(data: Mapping, where: str = "") -> Template:
    """A seller's template from exported JSON; InputError names what is wrong."""
    try:
        return make_template(
            str(data["id"]),
            data["texts"],
            data.get("tags") or {},
            group=str(data.get("group") or ""),
            builtin_of=data.get("builtin_of"),
            limit_chars=data.get("limit_chars"),
            limit_bytes=data.get("limit_bytes"),
        )
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise InputError(f"{where}: {error}") from None


def dumps_json(templates: Iterable[Template]) -> str:
    document = {
        "format": JSON_FORMAT,
        "version": 1,
        "templates": [template_to_dict(t) for t in templates],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def loads_json(text: str, source: str = "JSON") -> list[Template]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{source}: not JSON (line {error.lineno}: {error.msg})") from None
    except RecursionError:  # thousands of nested brackets: not a template file
        raise InputError(f"{source}: nested too deeply to be a template file") from None
    entries = document.get("templates") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise InputError(f"{source}: expected a list of templates")
    return [template_from_dict(entry, f"{source} #{n}") for n, entry in enumerate(entries, 1)]


# --- CSV --------------------------------------------------------------------------------


def dumps_csv(templates: Iterable[Template]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for template in templates:
        for language, text in template.texts.items():
            row = {
                "id": template.id,
                "language": language,
                "group": template.group,
                "title": text.title,
                "phrase": text.body,
                "limit_chars": template.limit_chars or "",
                "limit_bytes": template.limit_bytes or "",
            }
            row.update({tag: "|".join(getattr(template, tag)) for tag in _TAGS})
            writer.writerow(row)
    return out.getvalue()


def decode(data: bytes, source: str = "file") -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{source}: neither UTF-8 nor GB18030 text")


def _columns(header: list[str], source: str) -> dict[str, int]:
    found: dict[str, int] = {}
    cleaned = [h.strip().lower() for h in header]
    for field, aliases in _ALIASES.items():
        for index, name in enumerate(cleaned):
            if name in aliases and field not in found:
                found[field] = index
    if "phrase" not in found:
        raise InputError(f"{source}: no phrase column (expected one of: phrase, 快捷短语, 短语)")
    return found


def loads_csv(
    text: str,
    source: str = "CSV",
    language: str = "zh-CN",
    new_id: Callable[[], str] | None = None,
) -> list[Template]:
    """Templates from CSV. Rows without an id become new templates (ids from `new_id`);
    rows without a title get the phrase's first characters as title."""
    counter = iter(range(1, 1_000_000))
    new_id = new_id or (lambda: f"imported-{next(counter)}")
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:  # a stray line break, a field over the size limit
        raise InputError(f"{source}: not a readable CSV file ({error})") from None
    if not rows:
        raise InputError(f"{source}: empty file")
    columns = _columns(rows[0], source)
    grouped: dict[str, dict] = {}
    for line, row in enumerate(rows[1:], 2):

        def cell(field: str, row: list[str] = row) -> str:
            index = columns.get(field)
            return row[index].strip() if index is not None and index < len(row) else ""

        phrase = cell("phrase").replace("\r\n", "\n").replace("\r", "\n")
        if not phrase:
            continue
        lang = cell("language") or language
        if lang not in LANGUAGES:
            raise InputError(f"{source} line {line}: unknown language '{lang}'")
        template_id = cell("id") or new_id()
        entry = grouped.setdefault(
            template_id,
            {"texts": {}, "tags": {}, "group": cell("group"), "limits": {}, "line": line},
        )
        title = cell("title") or phrase.splitlines()[0][:TITLE_FROM_PHRASE]
        entry["texts"][lang] = TemplateText(title, phrase)
        for tag in _TAGS:
            values = [v for v in _SPLIT_TAGS.split(cell(tag)) if v]
            if values:
                entry["tags"][tag] = values
        for limit in ("limit_chars", "limit_bytes"):
            value = cell(limit)
            if value:
                if not value.isdigit():
                    raise InputError(f"{source} line {line}: {limit} '{value}' is not a number")
                entry["limits"][limit] = int(value)
    templates = []
    for template_id, entry in grouped.items():
        try:
            templates.append(
                make_template(
                    template_id,
                    entry["texts"],
                    entry["tags"],
                    group=entry["group"],
                    **entry["limits"],
                )
            )
        except ValueError as error:
            raise InputError(f"{source} line {entry['line']}: {error}") from None
    return templates


def load_file(path: Path, language: str = "zh-CN", new_id: Callable[[], str] | None = None):
    """Templates from a .json or .csv file (by extension)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path.name}: {error.strerror}") from None
    text = decode(data, path.name)
    if path.suffix.lower() == ".json":
        return loads_json(text, path.name)
    return loads_csv(text, path.name, language, new_id)


def save_file(path: Path, templates: Iterable[Template]) -> None:
    """Written under a temporary name and renamed when complete (a full disk leaves no
    half file under the seller's name)."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        data = dumps_json(templates).encode("utf-8")
    else:
        data = dumps_csv(templates).encode("utf-8-sig")
    with atomic_write(path, "wb") as handle:
        handle.write(data)
