"""The seller's own templates (table `templates`), usage counts (`template_usage`) and
the timeline event a copied reply leaves on its case.

Built-in templates live in resources and are read-only; a seller changes one by
duplicating it. A seller's template is stored as: `texts` JSON (language -> {title,
body}), `tags` JSON ({kinds, causes, stages, steps, group, limit_bytes, platforms}) and
`limit_chars`. A template without platforms fits every platform."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from functools import lru_cache

from shopdesk.domain import messages
from shopdesk.domain.errors import InputError, NotFoundError
from shopdesk.domain.evidence_checklist import numbered
from shopdesk.domain.model import LANGUAGES, Case, Event, EventKind, Order, Shop
from shopdesk.domain.rules import current_deadline
from shopdesk.domain.timeutil import now_text, now_utc, to_text
from shopdesk.store import evidence_repo
from shopdesk.store.deadlines_repo import deadlines_for_case
from shopdesk.store.store import Store
from shopdesk.templates.context import build_context
from shopdesk.templates.library import (
    Template,
    TemplateText,
    duplicate,
    load_builtin,
    make_template,
)

OWN_PREFIX = "own-"


@lru_cache(maxsize=1)
def builtin_templates() -> tuple[Template, ...]:
    return tuple(load_builtin())


def _from_row(row: dict) -> Template:
    tags = json.loads(row["tags"] or "{}")
    texts = json.loads(row["texts"] or "{}")
    return make_template(
        row["id"],
        {lang: text for lang, text in texts.items() if lang in LANGUAGES},
        {key: tags.get(key, []) for key in ("kinds", "causes", "stages", "steps")},
        group=tags.get("group", ""),
        platforms=tags.get("platforms") or [],
        builtin_of=row["builtin_of"],
        limit_chars=row["limit_chars"],
        limit_bytes=tags.get("limit_bytes"),
    )


def _row(template: Template) -> dict:
    tags = dict(template.tags(), group=template.group, limit_bytes=template.limit_bytes)
    if template.platforms:
        tags["platforms"] = list(template.platforms)
    texts = {
        lang: {"title": text.title, "body": text.body} for lang, text in template.texts.items()
    }
    return {
        "id": template.id,
        "builtin_of": template.builtin_of,
        "tags": json.dumps(tags, ensure_ascii=False),
        "texts": json.dumps(texts, ensure_ascii=False),
        "limit_chars": template.limit_chars,
    }


def own_templates(store: Store) -> list[Template]:
    cursor = store.db.execute("SELECT * FROM templates ORDER BY created_at, id")
    names = [d[0] for d in cursor.description]
    return [_from_row(dict(zip(names, r, strict=True))) for r in cursor]


def all_templates(store: Store) -> list[Template]:
    """The seller's own templates first (they wrote them for their shop), then built-ins."""
    return [*own_templates(store), *builtin_templates()]


def get_template(store: Store, template_id: str) -> Template:
    for template in builtin_templates():
        if template.id == template_id:
            return template
    rows = list(store.db.query("SELECT * FROM templates WHERE id = ?", [template_id]))
    if not rows:
        raise NotFoundError("template.not_found", id=template_id)
    return _from_row(rows[0])


def _new_id(store: Store) -> str:
    row = store.db.execute(
        "SELECT max(CAST(substr(id, ?) AS INTEGER)) FROM templates WHERE id LIKE ?",
        [len(OWN_PREFIX) + 1, OWN_PREFIX + "%"],
    ).fetchone()
    return f"{OWN_PREFIX}{(row[0] or 0) + 1}"


def _check(template: Template) -> None:
    if not any(text.body.strip() for text in template.texts.values()):
        raise InputError("template.empty")


def add_template(
    store: Store,
    title: str,
    body: str,
    language: str = "zh-CN",
    tags: dict | None = None,
    limit_chars: int | None = None,
    limit_bytes: int | None = None,
) -> Template:
    """A new template of the seller's own."""
    try:
        template = make_template(
            _new_id(store),
            {language: TemplateText(title.strip() or body.strip()[:12], body)},
            tags or {},
            limit_chars=limit_chars,
            limit_bytes=limit_bytes,
        )
    except ValueError as error:
        raise InputError(str(error)) from None
    return save_template(store, template)


def save_template(store: Store, template: Template) -> Template:
    """Insert or replace a seller's template (never a built-in)."""
    if template.builtin or template.id in {t.id for t in builtin_templates()}:
        raise InputError("template.builtin_unchangeable", id=template.id)
    _check(template)
    stamp = now_text()
    row = _row(template)
    store.db.execute(
        "INSERT INTO templates (id, builtin_of, tags, texts, limit_chars, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "builtin_of = excluded.builtin_of, tags = excluded.tags, texts = excluded.texts, "
        "limit_chars = excluded.limit_chars, updated_at = excluded.updated_at",
        [*row.values(), stamp, stamp],
    )
    return get_template(store, template.id)


def edit_text(
    store: Store,
    template_id: str,
    language: str,
    title: str,
    body: str,
    kinds: Sequence[str] | None = None,
    stages: Sequence[str] | None = None,
) -> Template:
    """Change one language's title and body of a seller's template (and, when given,
    the case kinds and stages it fits; empty means any)."""
    template = get_template(store, template_id)
    texts = dict(template.texts)
    texts[language] = TemplateText(title.strip() or body.strip()[:12], body)
    template = replace(template, texts=texts)
    if kinds is not None or stages is not None:
        tags = template.tags()
        tags.update(
            {k: list(v) for k, v in (("kinds", kinds), ("stages", stages)) if v is not None}
        )
        try:
            tagged = make_template(template.id, texts, tags)
        except ValueError as error:
            raise InputError(str(error)) from None
        template = replace(template, kinds=tagged.kinds, stages=tagged.stages)
    return save_template(store, template)


def duplicate_template(store: Store, template_id: str) -> Template:
    """An editable copy of any template (built-in or own), all languages included."""
    return save_template(store, duplicate(get_template(store, template_id), _new_id(store)))


def delete_template(store: Store, template_id: str) -> None:
    if template_id in {t.id for t in builtin_templates()}:
        raise InputError("template.builtin_undeletable", id=template_id)
    with store.transaction():
        cursor = store.db.execute("DELETE FROM templates WHERE id = ?", [template_id])
        if cursor.rowcount == 0:
            raise NotFoundError("template.not_found", id=template_id)
        store.db.execute("DELETE FROM template_usage WHERE template_id = ?", [template_id])


def import_templates(store: Store, templates: Iterable[Template]) -> list[Template]:
    """Save imported templates in one transaction. An id that is a built-in's or looks
    like nothing of ours gets a fresh own id; an own id already present is updated."""
    builtin_ids = {t.id for t in builtin_templates()}
    saved = []
    with store.transaction():
        for template in templates:
            if template.id in builtin_ids or not template.id.startswith(OWN_PREFIX):
                template = replace(
                    template,
                    id=_new_id(store),
                    builtin=False,
                    builtin_of=template.builtin_of
                    or (template.id if template.id in builtin_ids else None),
                )
            saved.append(save_template(store, template))
    return saved


def search(templates: Sequence[Template], text: str) -> list[Template]:
    """Templates whose id, title or body (any language) contains `text`."""
    needle = text.strip().lower()
    if not needle:
        return list(templates)
    return [
        t
        for t in templates
        if needle in t.id.lower()
        or any(needle in (x.title + "\n" + x.body).lower() for x in t.texts.values())
    ]


def usage(store: Store) -> dict[str, int]:
    rows = store.db.execute("SELECT template_id, uses FROM template_usage")
    return dict(rows.fetchall())


def by_usage(store: Store, templates: Sequence[Template]) -> list[Template]:
    """Most used first; unused keep their order."""
    uses = usage(store)
    order = {t.id: n for n, t in enumerate(templates)}
    return sorted(templates, key=lambda t: (-uses.get(t.id, 0), order[t.id]))


def record_copy(
    store: Store,
    case_id: int,
    template_id: str,
    language: str = "zh-CN",
    at: str | None = None,
) -> Event:
    """The seller copied a reply made from a template for this case: count the use and
    add `replied` ("replied with template X") to the case's timeline."""
    template = get_template(store, template_id)
    store.get_case(case_id)  # NotFoundError for a wrong case id
    at = at or now_text()
    note = messages.text(
        "template.replied_note",
        language if language in messages.LANGUAGES else "zh-CN",
        title=template.title(language),
    )
    with store.transaction():
        store.db.execute(
            "INSERT INTO template_usage (template_id, uses, last_used_at) VALUES (?, 1, ?) "
            "ON CONFLICT(template_id) DO UPDATE SET uses = uses + 1, last_used_at = excluded.last_used_at",
            [template_id, at],
        )
        return store.add_event(
            case_id,
            EventKind.REPLIED.value,
            at,
            note=note,
            source="template",
            data={"template_id": template_id, "language": language, "steps": list(template.steps)},
        )


def replied_steps(store: Store, case_id: int) -> dict[int, list[str]]:
    """For each `replied` event of the case: the care steps its template covered."""
    rows = store.db.query(
        "SELECT id, data FROM case_events WHERE case_id = ? AND kind = ?",
        [case_id, EventKind.REPLIED.value],
    )
    return _steps_of((row["id"], row["data"]) for row in rows)


def replied_steps_in(events: Sequence[Event]) -> dict[int, list[str]]:
    """replied_steps from a timeline already read (a case snapshot's)."""
    return _steps_of((e.id, e.data) for e in events if e.kind == EventKind.REPLIED.value)


def _steps_of(rows) -> dict[int, list[str]]:
    steps = {}
    for event_id, text in rows:
        data = json.loads(text or "{}")
        if isinstance(data.get("steps"), list):
            steps[event_id] = [str(s) for s in data["steps"]]
    return steps


def case_facts(store: Store, case_id: int) -> tuple[Case, Order, Shop]:
    case = store.get_case(case_id)
    order = store.get_order(case.order_id)
    return case, order, store.get_shop(order.shop_id)


def next_deadline_at(store: Store, case: Case, now: datetime | None = None) -> str | None:
    """The case's soonest running deadline (UTC text) as the rule engine computes it now,
    with the platform's own deadline taking precedence where the seller entered one."""
    soonest = current_deadline(deadlines_for_case(store, case, now or now_utc()))
    return to_text(soonest.due_at) if soonest and soonest.due_at else None


def case_context(
    store: Store, case_id: int, language: str = "zh-CN", now: datetime | None = None
) -> dict[str, str]:
    """The variables for replying on this case: its order, the case, the shop settings,
    the case's next deadline and its evidence, numbered as a package of all of it
    numbers them (so a claim tied to a kind of evidence shows only when it is attached)."""
    case, order, shop = case_facts(store, case_id)
    exhibits = numbered(evidence_repo.list_evidence(store, case_id))
    return build_context(
        order, case, shop, language, next_deadline_at(store, case, now), exhibits=exhibits
    )


def snapshot_context(snapshot, language: str = "zh-CN") -> dict[str, str]:
    """case_context from a case snapshot (services/case_snapshot.py): no query."""
    return build_context(
        snapshot.order,
        snapshot.case,
        snapshot.shop,
        language,
        snapshot.next_deadline_at(),
        exhibits=numbered(snapshot.evidence),
    )
