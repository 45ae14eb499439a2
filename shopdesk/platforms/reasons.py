"""A platform's refund-reason words -> a cause (shopdesk/platforms/<id>/reasons.toml).

The export's own words stay on the case beside the cause; a reason that needs the
seller's judgement (包装/商品破损: was the parcel intact?) gives a provisional cause and
the question to answer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from shopdesk.domain.errors import InputError
from shopdesk.domain.model import Cause
from shopdesk.platforms import registry


@dataclass(frozen=True)
class ReasonRule:
    words: tuple[str, ...]
    cause: str  # Cause id
    question: dict[str, str] | None = None


@dataclass(frozen=True)
class Reading:
    cause: str  # Cause id
    question: str = ""  # zh-CN; "" when the cause needs no judgement


def parse_reasons(data: dict, where: str) -> tuple[ReasonRule, ...]:
    rules = []
    for number, raw in enumerate(data.get("reasons", ()), 1):
        words = tuple(str(w) for w in raw.get("words", ()) if str(w).strip())
        if not words:
            raise InputError(f"{where}: reason {number} has no words")
        try:
            cause = Cause.parse(str(raw.get("cause", ""))).value
        except ValueError as error:
            raise InputError(f"{where}: reason {number}: {error}") from None
        question = raw.get("question")
        if question is not None and "zh-CN" not in question:
            raise InputError(f"{where}: reason {number}: question needs a zh-CN text")
        rules.append(ReasonRule(words, cause, dict(question) if question else None))
    return tuple(rules)


@lru_cache(maxsize=8)
def reason_rules(platform: str) -> tuple[ReasonRule, ...]:
    import tomllib  # parsed here only: its import is 5 ms of the window's start-up

    found = registry.find(platform)
    path = found.data_file("reasons.toml") if found else None
    if path is None:
        return ()
    return parse_reasons(tomllib.loads(path.read_text(encoding="utf-8")), str(path))


def read_reason(platform: str, *texts: str) -> Reading:
    """The cause the platform's reason words point to (the reason, then its tag)."""
    for text in texts:
        text = (text or "").strip()
        if not text:
            continue
        for rule in reason_rules(platform):
            if any(word in text for word in rule.words):
                return Reading(rule.cause, (rule.question or {}).get("zh-CN", ""))
    return Reading(Cause.UNKNOWN.value)


def question_in(platform: str, cause: str, question_zh: str, language: str) -> str:
    """The stored (zh-CN) question in another language."""
    for rule in reason_rules(platform):
        if rule.question and rule.question.get("zh-CN") == question_zh:
            return rule.question.get(language) or question_zh
    return question_zh
