"""Reply templates: the built-in library and safe rendering.

A template body is plain text with variables in single braces, e.g. `{buyer_nick}`.
Rendering never evaluates anything: it looks each `{...}` up in a fixed table of known
names and pastes the value as text (values are never rendered again). `{if NAME}…{end}`
keeps its text only when the known variable NAME has a value (no nesting): a claim tied
to an exhibit (`{if exhibit_shipping}物流轨迹见{exhibit_shipping}。{end}`) shows only when
that kind of evidence is attached. What it cannot
fill stays visible as a marked gap (`【待填：运单号】`) and is listed in `gaps`; a text
that still has a gap must not be copied to the buyer. Anything in braces that is not a
plain known name (`{0}`, `{order.__class__}`, `{x:>10}`) is a gap too, showing its raw
text; braces around other text (`{赠品}`, `{{}}`) stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from shopdesk.domain import messages, paths
from shopdesk.domain.model import LANGUAGES, CareStep, CaseKind, Cause, ReplyStage

DEFAULT_LANGUAGE = "zh-CN"

# The variables a template may use, in the order the editor offers them; each one's label
# (shown in a gap marker) is the message `templates.variable.<name>`.
_VARIABLE_NAMES = (
    "buyer_nick",
    "order_no",
    "item_title",
    "item_count",
    "paid_amount",
    "refund_amount",
    "courier",
    "tracking_no",
    "deadline",
    "case_kind",
    "reason",
    "platform",
    "shop_name",
    "return_address",
    "signature",
    # the exhibits of the case's package: all of them, and per evidence kind ("附件 3：物流记录")
    "exhibits",
    "exhibit_chat",
    "exhibit_shipping",
    "exhibit_photo",
    "exhibit_video",
    "exhibit_weight",
    "exhibit_invoice",
    "exhibit_authorization",
    "exhibit_test_report",
    "exhibit_other",
)
# name -> label per language (zh-CN, zh-TW, en); the label shows in a gap marker.
VARIABLES: dict[str, tuple[str, ...]] = {
    name: tuple(messages.text(f"templates.variable.{name}", lang) for lang in LANGUAGES)
    for name in _VARIABLE_NAMES
}

_TOKEN = re.compile(r"\{([^{}\n]{1,60})\}")
_CONDITION = re.compile(r"\{if ([a-z_]{1,40})\}(.*?)\{end\}", re.DOTALL)
_CODE_LIKE = re.compile(r"[\x21-\x7e]+")  # printable ASCII without spaces
_GAP = "templates.gap"  # the gap marker: 【待填：运单号】 / [fill in: tracking number]


def _gap_in_text() -> re.Pattern[str]:
    """A gap mark of any language, its label as the one group that matched: the marker's
    text before and after {label}, with no end of mark (or line) inside the label."""
    forms: list[str] = []
    for lang in LANGUAGES:
        before, _, after = messages.catalogue()[_GAP][lang].partition("{label}")
        form = f"{re.escape(before)}([^{re.escape(after[:1])}\\n]*){re.escape(after)}"
        if form not in forms:
            forms.append(form)
    return re.compile("|".join(forms))


_GAP_IN_TEXT = _gap_in_text()


@dataclass(frozen=True)
class TemplateText:
    title: str
    body: str


@dataclass(frozen=True)
class Template:
    """One reply in up to three languages, with the tags that say where it fits.

    Empty tag tuples mean "any". `platforms` are the platforms whose words the text
    speaks (小二介入 is Taobao's; JD's cases go to a 纠纷单): a case of another platform is
    never offered it; a seller's own template without them fits every platform.
    `limit_chars` / `limit_bytes` are the platform's limits for the field the text goes
    into (e.g. 500 characters for a review explanation, 400 bytes for a Taobao refund
    message)."""

    id: str
    texts: Mapping[str, TemplateText]
    kinds: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    group: str = ""
    platforms: tuple[str, ...] = ()
    limit_chars: int | None = None
    limit_bytes: int | None = None
    builtin: bool = False
    builtin_of: str | None = None

    def text(self, language: str = DEFAULT_LANGUAGE) -> TemplateText:
        """The text in `language`, else zh-CN, else whichever language it has."""
        for lang in (language, DEFAULT_LANGUAGE, *self.texts):
            if lang in self.texts:
                return self.texts[lang]
        return TemplateText("", "")

    def title(self, language: str = DEFAULT_LANGUAGE) -> str:
        return self.text(language).title

    def fits_platform(self, platform: str | None) -> bool:
        """True when the text suits a case on `platform` (None: any platform)."""
        return not self.platforms or platform is None or platform in self.platforms

    def tags(self) -> dict[str, list[str]]:
        return {
            "kinds": list(self.kinds),
            "causes": list(self.causes),
            "stages": list(self.stages),
            "steps": list(self.steps),
        }


@dataclass(frozen=True)
class Segment:
    """A piece of rendered text; `gap` names the variable (or raw token) not filled."""

    text: str
    gap: str | None = None


@dataclass(frozen=True)
class Rendered:
    text: str
    gaps: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)

    @property
    def can_copy(self) -> bool:
        return not self.gaps


def variable_label(name: str, language: str = DEFAULT_LANGUAGE) -> str:
    labels = VARIABLES.get(name)
    if labels is None:
        return name
    index = LANGUAGES.index(language) if language in LANGUAGES else 0
    return labels[index]


def gap_marker(name: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The visible mark for an unfilled variable, e.g. `【待填：运单号】`."""
    lang = language if language in LANGUAGES else DEFAULT_LANGUAGE
    return messages.text(_GAP, lang, label=variable_label(name, lang))


def gap_pattern() -> re.Pattern[str]:
    """The pattern of a gap mark in any language (for highlighting)."""
    return _GAP_IN_TEXT


def find_gaps(text: str) -> list[str]:
    """The gap marks still present in a (possibly hand-edited) text, as their labels."""
    return [next(g for g in m.groups() if g is not None) for m in _GAP_IN_TEXT.finditer(text)]


def can_copy(text: str) -> bool:
    """A text may be copied to the buyer only when no gap mark remains and it is not empty."""
    return bool(text.strip()) and not find_gaps(text)


def render(body: str, values: Mapping[str, object], language: str = DEFAULT_LANGUAGE) -> Rendered:
    """Fill `body` from `values` (only names in VARIABLES are looked up). Never raises for
    any text; never evaluates attribute, index, format or code syntax."""
    body = _conditions(str(body), values)
    segments: list[Segment] = []
    gaps: list[str] = []
    position = 0
    for match in _TOKEN.finditer(body):
        if match.start() > position:
            segments.append(Segment(body[position : match.start()]))
        position = match.end()
        content = match.group(1)
        if content in VARIABLES:
            value = values.get(content)
            text = "" if value is None else str(value).strip()
            if text:  # an empty value (no signature set yet) is a gap like any other
                segments.append(Segment(text))
                continue
            gap = content
        elif _CODE_LIKE.fullmatch(content) or content.startswith("if "):
            gap = content  # code-like, or a condition without its {end}
        else:
            segments.append(Segment(match.group(0)))
            continue
        segments.append(Segment(gap_marker(gap, language), gap))
        if gap not in gaps:
            gaps.append(gap)
    if position < len(body):
        segments.append(Segment(body[position:]))
    segments = _strip_end(segments)
    return Rendered("".join(s.text for s in segments), gaps, segments)


def _conditions(body: str, values: Mapping[str, object]) -> str:
    """Keep each `{if NAME}…{end}` block's text when NAME is a known variable with a
    value, drop it otherwise. An unknown NAME, or a stray `{if …}` / `{end}`, is left as
    it is, so it shows as a gap and blocks copying."""

    def keep(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in VARIABLES:
            return match.group(0)
        value = values.get(name)
        return match.group(2) if value is not None and str(value).strip() else ""

    return _CONDITION.sub(keep, body)


def conditions_used(body: str) -> list[str]:
    """The variable names a body's `{if NAME}` blocks test."""
    return [m.group(1) for m in _CONDITION.finditer(body)]


def _strip_end(segments: list[Segment]) -> list[Segment]:
    """Drop trailing blank text."""
    segments = [s for s in segments if s.text]
    while segments and segments[-1].gap is None and not segments[-1].text.strip():
        segments.pop()
    if segments and segments[-1].gap is None:
        segments[-1] = Segment(segments[-1].text.rstrip())
    return segments


def render_template(
    template: Template, values: Mapping[str, object], language: str = DEFAULT_LANGUAGE
) -> Rendered:
    return render(template.text(language).body, values, language)


def variables_used(body: str) -> list[str]:
    """Names of known variables a body refers to, in order of first use."""
    names: list[str] = []
    for match in _TOKEN.finditer(body):
        if match.group(1) in VARIABLES and match.group(1) not in names:
            names.append(match.group(1))
    return names


def measure(text: str) -> tuple[int, int]:
    """(characters, UTF-8 bytes): what platform limits count."""
    return len(text), len(text.encode("utf-8"))


def over_limit(template: Template, text: str) -> list[str]:
    """Which of the template's limits `text` exceeds: "chars" and/or "bytes"."""
    chars, size = measure(text)
    over = []
    if template.limit_chars is not None and chars > template.limit_chars:
        over.append("chars")
    if template.limit_bytes is not None and size > template.limit_bytes:
        over.append("bytes")
    return over


# --- tags -------------------------------------------------------------------------------

_TAG_IDS = {
    "kinds": {k.value for k in CaseKind},
    "causes": {c.value for c in Cause},
    "stages": {s.value for s in ReplyStage},
    "steps": {s.value for s in CareStep},
}


def check_tags(tags: Mapping[str, Iterable[str]]) -> list[str]:
    """Problems with a template's tags (unknown ids), as readable lines."""
    problems = []
    for key, valid in _TAG_IDS.items():
        for value in tags.get(key, ()) or ():
            if value not in valid:
                problems.append(f"unknown {key[:-1]} '{value}' (valid: {', '.join(sorted(valid))})")
    return problems


def make_template(
    template_id: str,
    texts: Mapping[str, Mapping[str, str] | TemplateText],
    tags: Mapping[str, Iterable[str]] | None = None,
    **extra: object,
) -> Template:
    """A Template from plain data; ValueError names what is wrong."""
    tags = tags or {}
    problems = check_tags(tags)
    if problems:
        raise ValueError(f"template {template_id}: " + "; ".join(problems))
    clean_texts: dict[str, TemplateText] = {}
    for language, text in texts.items():
        if language not in LANGUAGES:
            raise ValueError(f"template {template_id}: unknown language '{language}'")
        if isinstance(text, TemplateText):
            clean_texts[language] = text
        else:
            clean_texts[language] = TemplateText(
                str(text.get("title", "")).strip(), str(text.get("body", "")).strip("\n")
            )
    if not clean_texts:
        raise ValueError(f"template {template_id}: no text")
    platforms = _platforms(template_id, extra.pop("platforms", None) or ())
    limits = {}
    for key in ("limit_chars", "limit_bytes"):
        value = extra.pop(key, None)
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError(f"template {template_id}: {key} must be a positive number")
            limits[key] = value
    return Template(
        id=template_id,
        texts=clean_texts,
        kinds=tuple(tags.get("kinds", ()) or ()),
        causes=tuple(tags.get("causes", ()) or ()),
        stages=tuple(tags.get("stages", ()) or ()),
        steps=tuple(tags.get("steps", ()) or ()),
        platforms=platforms,
        **limits,
        **extra,  # type: ignore[arg-type]
    )


def _platforms(template_id: str, values: object) -> tuple[str, ...]:
    """The platform ids a template is tagged with; ValueError for one ShopDesk lacks."""
    from shopdesk.platforms import registry

    if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"template {template_id}: platforms must be a list of platform ids")
    known = registry.ids()
    unknown = [v for v in values if v not in known]
    if unknown:
        raise ValueError(
            f"template {template_id}: unknown platform {', '.join(unknown)} "
            f"(valid: {', '.join(known)})"
        )
    return tuple(values)


# --- the built-in library -----------------------------------------------------------------


def builtin_dir() -> Path:
    return paths.resource("templates")


def load_builtin(directory: Path | None = None) -> list[Template]:
    """Every built-in template, in file order (files sorted by name). A damaged resource
    file is a bug in ShopDesk, so it raises ValueError naming the file."""
    import tomllib  # parsed here only: its import is 5 ms of the window's start-up

    directory = directory or builtin_dir()
    templates: list[Template] = []
    seen: set[str] = set()
    for path in sorted(directory.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            for entry in data.get("template", []):
                template = _from_toml(entry, group=_group_name(path.stem))
                if template.id in seen:
                    raise ValueError(f"duplicate template id '{template.id}'")
                seen.add(template.id)
                templates.append(template)
        except (tomllib.TOMLDecodeError, ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path.name}: {error}") from error
    return templates


def _group_name(stem: str) -> str:
    """`30_logistics` -> `logistics`: the number only orders the files."""
    number, _, name = stem.partition("_")
    return name if number.isdigit() and name else stem


def _from_toml(entry: Mapping[str, object], group: str) -> Template:
    template_id = str(entry["id"])
    texts = entry["text"]
    if not isinstance(texts, Mapping):
        raise TypeError(f"template {template_id}: [text] must be a table")
    missing = [lang for lang in LANGUAGES if lang not in texts]
    if missing:
        raise ValueError(f"template {template_id}: no text for {', '.join(missing)}")
    tags = {key: entry.get(key, []) for key in _TAG_IDS}
    template = make_template(
        template_id,
        texts,  # type: ignore[arg-type]
        tags,  # type: ignore[arg-type]
        group=group,
        builtin=True,
        platforms=entry.get("platforms", []),
        limit_chars=entry.get("limit_chars"),
        limit_bytes=entry.get("limit_bytes"),
    )
    for language, text in template.texts.items():
        plain = _CONDITION.sub(lambda m: m.group(2), text.body)
        unknown = [m.group(1) for m in _TOKEN.finditer(plain) if m.group(1) not in VARIABLES]
        unknown += [n for n in conditions_used(text.body) if n not in VARIABLES]
        if unknown or not text.title or not text.body:
            raise ValueError(f"template {template_id} ({language}): bad text {unknown}")
    return template


def by_id(templates: Iterable[Template]) -> dict[str, Template]:
    return {t.id: t for t in templates}


def duplicate(template: Template, new_id: str) -> Template:
    """A seller's own editable copy of a (built-in) template."""
    return replace(
        template,
        id=new_id,
        builtin=False,
        builtin_of=template.builtin_of or (template.id if template.builtin else None),
    )
