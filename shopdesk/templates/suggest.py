"""Which replies fit a case (best first), and the seven-step checklist of the seed FAQ:
respond fast, listen, explain, apologise, offer compensation, act, follow up."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from shopdesk.domain.model import (
    CareStep,
    Case,
    CaseKind,
    CaseState,
    Cause,
    Event,
    EventKind,
    ReplyStage,
)
from shopdesk.domain.reply_clock import FirstReply, ReplyTarget, contacts, first_reply
from shopdesk.domain.timeutil import to_text
from shopdesk.templates.library import Template

# Weights: the case kind matters most, then the stage, then the cause. A tag list that
# is empty fits anything, but less well than a list that names the case's value.
_KIND = {"match": 4.0, "any": 1.0, "miss": -6.0, "specific": 1.0}
_STAGE = {"match": 3.0, "any": 1.0, "miss": -3.0, "specific": 0.2}
_CAUSE = {"match": 2.0, "any": 0.5, "miss": -1.0, "specific": 0.2}
_UNKNOWN_CAUSE = -0.5

_SELLER_MOVES = {
    EventKind.REPLIED.value,
    EventKind.SELLER_AGREED.value,
    EventKind.SELLER_REFUSED.value,
    EventKind.RESHIPPED.value,
    EventKind.REFUNDED.value,
}
_ACTS = {
    EventKind.SELLER_AGREED.value,
    EventKind.SELLER_RECEIVED_RETURN.value,
    EventKind.REFUNDED.value,
    EventKind.RESHIPPED.value,
    EventKind.EVIDENCE_SUBMITTED.value,
}


@dataclass(frozen=True)
class Suggestion:
    template: Template
    score: float
    fits: bool  # neither the kind nor the stage speaks against it
    uses: int = 0


def _part(tags: Sequence[str], value: str | None, weights: Mapping[str, float]) -> float:
    if not tags:
        return weights["any"]
    if value is not None and value in tags:
        # A reply written for few situations fits a case of one of them better than a
        # reply written for many.
        return weights["match"] + weights["specific"] / len(tags)
    return weights["miss"]


def score(template: Template, kind: str, cause: str | None, stage: str | None) -> float:
    cause = None if cause in (None, Cause.UNKNOWN.value) else cause
    total = _part(template.kinds, kind, _KIND)
    total += _part(template.stages, stage, _STAGE) if stage else 0.0
    if cause:
        total += _part(template.causes, cause, _CAUSE)
    elif template.causes:
        # The cause is not known yet: a reply written for one cause is a guess.
        total += _UNKNOWN_CAUSE
    return total


def rank(
    templates: Iterable[Template],
    kind: str,
    cause: str | None = None,
    stage: str | None = None,
    uses: Mapping[str, int] | None = None,
    platform: str | None = None,
) -> list[Suggestion]:
    """All templates, fitting ones first: by score, then by how often the seller used
    them, then built-in order. With `platform` (the case's), a template written in
    another platform's words (小二介入 for a JD case) is not offered at all."""
    uses = uses or {}
    suggestions = []
    for position, template in enumerate(templates):
        if not template.fits_platform(platform):
            continue
        kind_ok = not template.kinds or kind in template.kinds
        stage_ok = not stage or not template.stages or stage in template.stages
        suggestion = Suggestion(
            template,
            score(template, kind, cause, stage),
            kind_ok and stage_ok,
            uses.get(template.id, 0),
        )
        suggestions.append((suggestion, position))
    suggestions.sort(key=lambda p: (not p[0].fits, -p[0].score, -p[0].uses, p[1]))
    return [s for s, _ in suggestions]


def live_events(events: Iterable[Event]) -> list[Event]:
    """The timeline without corrections and the events they retract, in time order."""
    events = list(events)
    retracted = {e.retracts for e in events if e.retracts is not None}
    kept = [e for e in events if e.id not in retracted and e.kind != EventKind.CORRECTION.value]
    return sorted(kept, key=lambda e: (e.at, e.id))


def case_stage(case: Case, events: Iterable[Event] = ()) -> ReplyStage:
    """Where the case stands for replying, from its state and timeline."""
    state = case.state
    if case.kind == CaseKind.PLATFORM_APPEAL.value or state == CaseState.INTERVENTION.value:
        return ReplyStage.INTERVENTION
    if state == CaseState.REFUSED.value:
        return ReplyStage.REFUSING
    if state == CaseState.AWAITING_RETURN.value:
        return ReplyStage.RETURNING  # the buyer has to send it back (a reminder fits)
    if state == CaseState.RETURN_IN_TRANSIT.value:
        return ReplyStage.HANDLING  # on its way: the seller's turn
    if state in (
        CaseState.AWAITING_REFUND.value,
        CaseState.RESOLVED.value,
        CaseState.REFUNDED.value,
        CaseState.CLOSED.value,
        CaseState.WITHDRAWN.value,
    ):
        return ReplyStage.RESOLVED
    if any(e.kind in _SELLER_MOVES for e in live_events(events)):
        return ReplyStage.HANDLING
    return ReplyStage.OPENING


@dataclass(frozen=True)
class StepState:
    step: CareStep
    done: bool
    at: str | None = None  # when it was first done (UTC text)


def care_steps(
    events: Iterable[Event],
    template_steps: Mapping[int, Sequence[str]] | None = None,
    first: FirstReply | None = None,
) -> list[StepState]:
    """The seven steps in order, each marked done when the timeline shows it.

    `template_steps` maps a `replied` event's id to the steps its template covers (a
    reply that apologises ticks "apologise"). Seller actions tick "act"; a reply after an
    action ticks "follow up". "Respond fast" is met only when the first reply came within
    the shop's response target (`first`, from reply_clock: the timeline and the chats;
    without it, the timeline and the default target)."""
    events = list(events)
    template_steps = template_steps or {}
    done: dict[str, str] = {}
    first = first or first_reply(contacts(events), ReplyTarget())
    if first.met and first.replied_at is not None:
        done[CareStep.RESPOND_FAST.value] = to_text(first.replied_at)

    def tick(step: CareStep, at: str) -> None:
        done.setdefault(step.value, at)

    first_act: str | None = None
    for event in live_events(events):
        if event.kind in _ACTS:
            tick(CareStep.ACT, event.at)
            first_act = first_act or event.at
        if event.kind == EventKind.SELLER_REFUSED.value:
            tick(CareStep.EXPLAIN, event.at)
        if event.kind == EventKind.REPLIED.value:
            if first_act is not None:
                tick(CareStep.FOLLOW_UP, event.at)
            for step in template_steps.get(event.id, ()):
                try:
                    tick(CareStep(step), event.at)
                except ValueError:
                    continue
    return [StepState(step, step.value in done, done.get(step.value)) for step in CareStep]
