"""A platform's case flow, as overrides of the shared one (domain/case_states.py): its words
for where a case stands and for the seller's steps, the steps it allows in a state (by
case kind, and before or after the seller agreed), and what it refuses to let a seller
refuse. Read from `flow.toml` in the platform's folder; a platform without one follows the
shared flow as it is.

flow.toml:

    [[state]]                  # first entry that fits wins; none: the shared steps
    state = "awaiting_seller"  # a CaseState id
    kinds = ["exchange"]       # optional: only cases of these CaseKind ids
    agreed = false             # optional: only before (false) / after (true) the seller
                               # agreed (seller_agreed on the timeline since the request)
    word = "待审核"            # the platform's word for the case there
    steps = ["seller_agreed", ...]   # optional: the EventKind ids it allows, in order

    [steps]                    # the platform's words for the seller's steps
    seller_agreed = "审核通过"
    [steps.return_refund]      # a kind's own words
    seller_agreed = "同意退货"

    [refusal]                  # a refusal the platform does not let the seller make
    reasons = ["无理由"]       # words of the buyer's reason
    message = "case.move.refuse_no_reason_return"   # a message key: why not

The words are the platform's (its seller tools and exports write them so), data in every
language like the status words of states.toml."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from shopdesk.domain.model import CaseKind, CaseState, EventKind

# Steps the shared flow decides itself, whatever a platform says (the buyer's request, a
# correction, the seller's own bookkeeping).
_NOT_STEPS = {
    EventKind.OPENED.value,
    EventKind.CORRECTION.value,
    EventKind.CAUSE_SET.value,
    EventKind.MONEY.value,
    EventKind.INSPECTED.value,
    EventKind.OUTCOME.value,
}


@dataclass(frozen=True)
class FlowState:
    """One [[state]] entry of a flow.toml."""

    state: str
    word: str = ""
    kinds: frozenset[str] | None = None
    agreed: bool | None = None
    steps: tuple[str, ...] | None = None

    def fits(self, state: str, kind: str, agreed: bool) -> bool:
        return (
            self.state == state
            and (self.kinds is None or kind in self.kinds)
            and (self.agreed is None or self.agreed == agreed)
        )


@dataclass(frozen=True)
class Flow:
    """A platform's overrides of the shared flow (empty: the shared flow as it is)."""

    states: tuple[FlowState, ...] = ()
    step_words: dict[str, str] = field(default_factory=dict)
    kind_step_words: dict[str, dict[str, str]] = field(default_factory=dict)
    refusal_reasons: tuple[str, ...] = ()
    refusal_message: str | None = None

    def entry(self, state: str, kind: str, agreed: bool) -> FlowState | None:
        return next((s for s in self.states if s.fits(state, kind, agreed)), None)

    def steps(self, state: str, kind: str, agreed: bool) -> tuple[str, ...] | None:
        """The EventKind ids the platform allows here, in order; None: the shared ones."""
        found = self.entry(state, kind, agreed)
        return found.steps if found is not None else None

    def state_word(self, state: str, kind: str, agreed: bool) -> str:
        """The platform's word for where the case stands ("" when it gives none)."""
        found = self.entry(state, kind, agreed)
        return found.word if found is not None else ""

    def step_word(self, event: str, kind: str) -> str:
        """The platform's word for a step ("" when it gives none)."""
        return self.kind_step_words.get(kind, {}).get(event) or self.step_words.get(event, "")

    def refusal_blocked(self, reason: str) -> str | None:
        """The message key saying why the platform does not let this be refused, or None."""
        if self.refusal_message and any(word in reason for word in self.refusal_reasons):
            return self.refusal_message
        return None


SHARED = Flow()


def _ids(values, known: set[str], what: str, path: Path) -> tuple[str, ...]:
    values = tuple(values)
    wrong = [value for value in values if value not in known]
    if wrong:
        raise ValueError(f"{path}: {what} {wrong} is not one of {sorted(known)}")
    return values


def load(path: Path | None) -> Flow:
    """The flow a flow.toml describes (SHARED for None). ValueError naming the file for an
    id ShopDesk does not know: a misspelt step would silently offer nothing."""
    import tomllib  # parsed here only: its import is 5 ms of the window's start-up

    if path is None:
        return SHARED
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    states_known = {s.value for s in CaseState}
    kinds_known = {k.value for k in CaseKind}
    steps_known = {e.value for e in EventKind} - _NOT_STEPS
    states = []
    for entry in raw.get("state", ()):
        (state,) = _ids([entry["state"]], states_known, "state", path)
        kinds = entry.get("kinds")
        steps = entry.get("steps")
        states.append(
            FlowState(
                state=state,
                word=str(entry.get("word", "")),
                kinds=frozenset(_ids(kinds, kinds_known, "kind", path)) if kinds else None,
                agreed=entry.get("agreed"),
                steps=_ids(steps, steps_known, "step", path) if steps is not None else None,
            )
        )
    words: dict[str, str] = {}
    by_kind: dict[str, dict[str, str]] = {}
    for name, value in raw.get("steps", {}).items():
        if isinstance(value, dict):
            _ids([name], kinds_known, "kind", path)
            _ids(value, steps_known, "step", path)
            by_kind[name] = {event: str(word) for event, word in value.items()}
        else:
            _ids([name], steps_known, "step", path)
            words[name] = str(value)
    refusal = raw.get("refusal", {})
    return Flow(
        states=tuple(states),
        step_words=words,
        kind_step_words=by_kind,
        refusal_reasons=tuple(refusal.get("reasons", ())),
        refusal_message=refusal.get("message"),
    )
