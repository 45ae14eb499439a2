"""Templates in and out: JSON (everything, round-trips) and CSV in the style of
Qianniu quick phrases (快捷短语): one row per phrase with `title` and `phrase` columns.

CSV rows may carry ShopDesk's extra columns (id, language, tags, limits); rows with the
same id are the languages of one template. Files from Qianniu come as UTF-8 (with or
without BOM) or GB18030; exports are UTF-8 with BOM so Excel shows Chinese right."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import tomllib
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path

from shopdesk.domain import paths
from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message
from shopdesk.domain.model import LANGUAGES
from shopdesk.domain.os_errors import reason
from shopdesk.store.export import FORMULA_STARTS, neutralise
from shopdesk.store.safeio import atomic_write
from shopdesk.templates.library import Template, TemplateText, check_tags, make_template

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


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    """Each CSV field's accepted headers, as ShopDesk's and Qianniu's files write them
    (resources/template_csv/columns.toml: file words, the same in every language)."""
    path = paths.resource("template_csv", "columns.toml")
    with path.open("rb") as file:
        aliases = {field: tuple(names) for field, names in tomllib.load(file).items()}
    if set(aliases) != set(CSV_COLUMNS):  # a damaged resource file is a bug in ShopDesk
        raise ValueError(f"{path.name}: fields {sorted(aliases)} are not {sorted(CSV_COLUMNS)}")
    return aliases


_SPLIT_TAGS = re.compile(r"[|,;，；\s]+")
TITLE_FROM_PHRASE = 12
MAX_FILE_BYTES = 8 * 1024 * 1024  # thousands of phrases; a bigger file is not a template file
MAX_LIMIT = 1_000_000  # characters or bytes a platform could accept in one reply
_DIGITS = re.compile(r"[0-9]+")


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


def _where_field(where: str, field: str) -> Message:
    return Message("template_io.where.field", where=where, field=field)


def _where_row(source: str, line: int) -> Message:
    return Message("template_io.where.row", source=source, line=line)


def _text_field(value: object, where: str, field: str, *, required: bool = False) -> str:
    """A text field of a JSON template: a string (an id may be a number); null or missing
    is empty, which a required field may not be."""
    if value is None or value == "":
        if required:
            raise InputError("template_io.empty_null", where=_where_field(where, field))
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(
            "template_io.not_text", where=_where_field(where, field), type=_json_type(value)
        )
    text = str(value)
    if required and not text.strip():
        raise InputError("template_io.blank", where=_where_field(where, field))
    return text


def _json_type(value: object) -> str:
    """What a JSON value is, in the seller's words (true/false and null as JSON writes them)."""
    if value is None:
        return "null"
    if type(value) is bool:
        return "true/false"
    names = {dict: "object", list: "list", str: "text", float: "number", int: "number"}
    name = names.get(type(value))
    return Message(f"template_io.json_type.{name}") if name else type(value).__name__


def _limit(value: object, where: str, field: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_LIMIT:
        raise InputError(
            "template_io.limit_range",
            where=_where_field(where, field),
            value=str(value),
            max=MAX_LIMIT,
        )
    return value


def _tags(tags: Mapping[str, object], where: str, prefix: str = "tags.") -> dict[str, list[str]]:
    """Tags of known ids only; an unknown one is named with its field."""
    clean: dict[str, list[str]] = {}
    for tag, values in tags.items():
        if tag not in _TAGS:
            raise InputError(
                "template_io.unknown_tag_kind",
                where=_where_field(where, "tags"),
                tag=str(tag),
                available=list(_TAGS),
            )
        if values is None:
            continue
        if isinstance(values, str):
            values = [v for v in _SPLIT_TAGS.split(values) if v]
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise InputError("template_io.tags_not_list", where=_where_field(where, prefix + tag))
        for value in values:
            if check_tags({tag: [value]}):
                raise InputError(
                    "template_io.unknown_tag", where=_where_field(where, prefix + tag), value=value
                )
        clean[tag] = list(values)
    return clean


def template_from_dict(data: object, where: str = "") -> Template:
    """A seller's template from exported JSON; InputError names the template and field."""
    if not isinstance(data, Mapping):
        raise InputError("template_io.not_a_template", where=where, type=_json_type(data))
    template_id = _text_field(data.get("id"), where, "id", required=True).strip()
    texts = data.get("texts")
    if not isinstance(texts, Mapping) or not texts:
        raise InputError("template_io.texts_shape", where=_where_field(where, "texts"))
    clean_texts = {}
    for language, text in texts.items():
        field = f"texts.{language}"
        if language not in LANGUAGES:
            raise InputError(
                "template_io.unknown_language",
                where=_where_field(where, "texts"),
                language=str(language),
                languages=list(LANGUAGES),
            )
        if not isinstance(text, Mapping):
            raise InputError("template_io.text_shape", where=_where_field(where, field))
        clean_texts[language] = TemplateText(
            _text_field(text.get("title"), where, field + ".title").strip(),
            _text_field(text.get("body"), where, field + ".body", required=True).strip("\n"),
        )
    tags = data.get("tags") or {}
    if not isinstance(tags, Mapping):
        raise InputError(
            "template_io.tags_not_object", where=_where_field(where, "tags"), type=_json_type(tags)
        )
    builtin_of = _text_field(data.get("builtin_of"), where, "builtin_of") or None
    try:
        return make_template(
            template_id,
            clean_texts,
            _tags(tags, where),
            group=_text_field(data.get("group"), where, "group"),
            builtin_of=builtin_of,
            limit_chars=_limit(data.get("limit_chars"), where, "limit_chars"),
            limit_bytes=_limit(data.get("limit_bytes"), where, "limit_bytes"),
        )
    except ValueError as error:  # checked above; kept so nothing slips through as a crash
        raise InputError("template_io.unusable", where=where, error=str(error)) from None


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
        raise InputError(
            "template_io.bad_json", source=source, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:  # thousands of nested brackets: not a template file
        raise InputError("template_io.too_deep", source=source) from None
    except ValueError:  # a number of thousands of digits
        raise InputError("template_io.long_number", source=source) from None
    entries = document.get("templates") if isinstance(document, dict) else document
    if not isinstance(entries, list):
        raise InputError("template_io.no_list", source=source)
    return [
        template_from_dict(entry, Message("template_io.where.template", source=source, n=n))
        for n, entry in enumerate(entries, 1)
    ]


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
            writer.writerow({key: neutralise(value) for key, value in row.items()})
    return out.getvalue()


def decode(data: bytes, source: str = "file") -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        nul = text.find("\x00")
        if nul >= 0:  # UTF-16 or a binary file: never a phrase
            line = text.count("\n", 0, nul) + 1
            raise InputError("template_io.nul", where=_where_row(source, line))
        return text
    raise InputError("template_io.encoding", source=source)


def _columns(header: list[str], source: str) -> dict[str, int]:
    found: dict[str, int] = {}
    cleaned = [h.strip().lower() for h in header]
    for field, aliases in _aliases().items():
        for index, name in enumerate(cleaned):
            if name in aliases and field not in found:
                found[field] = index
    if "phrase" not in found:
        raise InputError("template_io.no_phrase_column", where=_where_row(source, 1))
    return found


def _csv_rows(text: str, source: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text))
    try:
        return list(reader)
    except csv.Error as error:  # a field over the size limit, a NUL, a stray quote
        too_long = "field limit" in str(error)
        key = "template_io.csv_cell_too_long" if too_long else "template_io.csv_malformed"
        raise InputError(key, where=_where_row(source, reader.line_num)) from None


def _un_neutralise(value: str) -> str:
    """A cell our own export guarded against formulas ('=…) read back as written."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


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
    rows = _csv_rows(text, source)
    if not rows:
        raise InputError("template_io.empty_file", source=source)
    columns = _columns(rows[0], source)
    grouped: dict[str, dict] = {}
    for line, row in enumerate(rows[1:], 2):

        def cell(field: str, row: list[str] = row) -> str:
            index = columns.get(field)
            value = row[index].strip() if index is not None and index < len(row) else ""
            return _un_neutralise(value)

        phrase = cell("phrase").replace("\r\n", "\n").replace("\r", "\n")
        if not phrase:
            continue
        lang = cell("language") or language
        if lang not in LANGUAGES:
            raise InputError(
                "template_io.row_language",
                where=_where_row(source, line),
                language=lang,
                languages=list(LANGUAGES),
            )
        template_id = cell("id") or new_id()
        entry = grouped.setdefault(
            template_id,
            {"texts": {}, "tags": {}, "group": cell("group"), "limits": {}, "line": line},
        )
        title = cell("title") or phrase.splitlines()[0][:TITLE_FROM_PHRASE]
        entry["texts"][lang] = TemplateText(title, phrase)
        where = _where_row(source, line)
        entry["tags"].update(_tags({tag: cell(tag) for tag in _TAGS}, where, prefix=""))
        for limit in ("limit_chars", "limit_bytes"):
            value = _limit(cell(limit), where, limit)
            if value is not None:
                entry["limits"][limit] = value
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
        except ValueError as error:  # checked above; kept so nothing slips through as a crash
            where = _where_row(source, entry["line"])
            raise InputError("template_io.unusable", where=where, error=str(error)) from None
    return templates


def _read_budgeted(path: Path) -> bytes:
    """The file's bytes, if it is a regular file within the size budget: checked before
    reading (a link to /dev/zero, a pipe or a giant file is refused, not read)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("template_io.not_regular", file=path.name)
        if info.st_size > MAX_FILE_BYTES:
            raise InputError(
                "template_io.too_big", file=path.name, size=info.st_size, max=MAX_FILE_BYTES
            )
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise InputError("template_io.unreadable", file=path.name, reason=reason(error)) from None
    if len(data) > MAX_FILE_BYTES:  # grew while being read
        raise InputError("template_io.grew", file=path.name, max=MAX_FILE_BYTES)
    return data


def load_file(path: Path, language: str = "zh-CN", new_id: Callable[[], str] | None = None):
    """Templates from a .json or .csv file (by extension)."""
    path = Path(path)
    text = decode(_read_budgeted(path), path.name)
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
