"""The seller's own templates in the store, usage counts, and the reply event."""

from __future__ import annotations

import pytest

from shopdesk.domain.errors import InputError, NotFoundError
from shopdesk.domain.model import CareStep, EventKind
from shopdesk.services.template_io import dumps_json, loads_json
from shopdesk.store import templates_repo as repo
from shopdesk.templates.context import deadline_text
from shopdesk.templates.library import render_template
from shopdesk.templates.suggest import care_steps, case_stage, rank


def _a_case(store, kind="return_refund"):
    return next(c for c in store.list_cases() if c.kind == kind and c.state == "awaiting_seller")


def test_add_edit_search_delete(store):
    own = repo.add_template(
        store, "催发货", "{buyer_nick}，您的订单马上发出", tags={"stages": ["opening"]}
    )
    assert own.id == "own-1" and not own.builtin
    assert repo.get_template(store, own.id).text().body == "{buyer_nick}，您的订单马上发出"
    edited = repo.edit_text(store, own.id, "en", "Shipping soon", "Hi {buyer_nick}, on its way")
    assert set(edited.texts) == {"zh-CN", "en"} and edited.stages == ("opening",)
    everything = repo.all_templates(store)
    assert everything[0].id == own.id and len(everything) == len(repo.builtin_templates()) + 1
    assert [t.id for t in repo.search(everything, "shipping SOON")] == [own.id]
    assert "parcel_lost" in [t.id for t in repo.search(everything, "丢件")]
    repo.delete_template(store, own.id)
    with pytest.raises(NotFoundError):
        repo.get_template(store, own.id)


def test_built_ins_are_read_only_but_can_be_duplicated(store):
    with pytest.raises(InputError):
        repo.delete_template(store, "parcel_lost")
    with pytest.raises(InputError):
        repo.edit_text(store, "parcel_lost", "zh-CN", "x", "y")
    copy = repo.duplicate_template(store, "parcel_lost")
    assert copy.builtin_of == "parcel_lost" and copy.id.startswith("own-")
    assert dict(copy.texts) == dict(repo.get_template(store, "parcel_lost").texts)
    changed = repo.edit_text(store, copy.id, "zh-CN", "丢件·本店版", "亲，包裹丢了，马上补发")
    assert changed.kinds == repo.get_template(store, "parcel_lost").kinds
    assert repo.get_template(store, "parcel_lost").title() == "快递丢件·先补发或退款"


def test_an_empty_template_is_refused(store):
    with pytest.raises(InputError):
        repo.add_template(store, "空", "   ")


def test_copy_records_a_replied_event_and_counts_usage(demo_store, now):
    case = _a_case(demo_store)
    at = "2026-11-28T04:00:00Z"
    event = repo.record_copy(demo_store, case.id, "quality_ask_photos", "zh-CN", at)
    assert event.kind == EventKind.REPLIED.value and event.source == "template"
    assert event.note == "使用模板「质量问题·请买家拍照」回复"
    assert demo_store.events(case.id)[-1].id == event.id
    repo.record_copy(demo_store, case.id, "quality_ask_photos", "zh-CN", at)
    assert repo.usage(demo_store) == {"quality_ask_photos": 2}
    ranked = repo.by_usage(demo_store, list(repo.builtin_templates()))
    assert ranked[0].id == "quality_ask_photos"
    # the checklist now shows what that reply did
    steps = care_steps(demo_store.events(case.id), repo.replied_steps(demo_store, case.id))
    done = {s.step for s in steps if s.done}
    assert done == {CareStep.RESPOND_FAST, CareStep.LISTEN, CareStep.APOLOGISE}


def test_case_context_uses_the_shop_settings(demo_store):
    case = _a_case(demo_store)
    shop = demo_store.default_shop()
    demo_store.update_shop(shop.id, signature="")
    values = repo.case_context(demo_store, case.id)
    assert values["shop_name"] == shop.name and "signature" not in values
    rendered = render_template(repo.get_template(demo_store, "no_reason_return"), values)
    assert shop.return_address in rendered.text
    assert rendered.gaps == ["signature"]  # an empty signature is a gap, never dropped


def test_json_export_import_round_trip_through_the_store(store):
    repo.add_template(store, "A", "正文A", tags={"kinds": ["bad_review"]}, limit_chars=500)
    repo.duplicate_template(store, "appeal_statement")
    exported = dumps_json(repo.own_templates(store))
    with pytest.raises(InputError):
        repo.import_templates(store, loads_json('[{"id": "x", "texts": {"zh-CN": {"body": ""}}}]'))
    assert len(repo.own_templates(store)) == 2  # nothing half-imported
    repo.import_templates(store, loads_json(exported))  # same ids: updated, not doubled
    assert dumps_json(repo.own_templates(store)) == exported
    # built-ins imported (e.g. from someone else's full export) become own copies
    saved = repo.import_templates(store, [repo.get_template(store, "follow_up")])
    assert saved[0].id == "own-3" and saved[0].builtin_of == "follow_up"


def test_the_deadline_comes_from_the_rule_engine(demo_store, now):
    case = next(c for c in demo_store.list_cases() if c.state == "awaiting_return")
    due = repo.next_deadline_at(demo_store, case, now)
    assert due is not None and due > "2026-11-28T04:00:00Z"  # the buyer's days to send it
    values = repo.case_context(demo_store, case.id, "zh-CN", now)
    assert values["deadline"] == deadline_text(due)


def test_every_demo_case_gets_a_fitting_reply_that_fills_completely(demo_store, now):
    library = repo.builtin_templates()
    for case in demo_store.list_cases():
        stage = case_stage(case, demo_store.events(case.id)).value
        best = rank(library, case.kind, case.cause, stage)[0]
        assert best.fits, (case.kind, case.state)
        values = repo.case_context(demo_store, case.id, "zh-CN", now)
        assert render_template(best.template, values).gaps == [], (case.kind, stage)
