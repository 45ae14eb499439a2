"""The limits of each evidence destination as the seller has them: the bundled profile
(or the seller's copy in the data folder, profiles.py), with the limits the seller set in
设置 → 证据提交限制 on top, kept in the store's settings (`SETTING`: profile id -> its
image count, bytes per image, formats and statement limit).

Everything that packages for a store reads its profiles here (`for_store`, `get`), so the
证据 tab's budget, the packager and `pack --list-profiles` count by the same limits; the
count itself is one function (package.images_for)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from shopdesk.domain.errors import InputError
from shopdesk.domain.messages import Message, text
from shopdesk.evidence.profiles import IMAGE_FORMATS, Profile, get_profile, load_profiles
from shopdesk.platforms import registry

SETTING = "evidence.profile_limits"
MIN_BYTES = 10_000  # as a profile file must have (profiles.parse_profile)
MAX_BYTES = 200_000_000
FORMAT_NAMES = {"jpg": "JPEG", "png": "PNG", "gif": "GIF"}
CONFIDENCES = ("high", "medium", "low")


@dataclass(frozen=True)
class Limits:
    """What the seller can change of a destination. 0 = not limited (count, statement)."""

    max_count: int
    max_bytes: int
    formats: tuple[str, ...]
    text_limit: int

    def as_setting(self) -> dict:
        return {
            "max_count": self.max_count,
            "max_bytes": self.max_bytes,
            "formats": list(self.formats),
            "text_limit": self.text_limit,
        }


def limits_of(profile: Profile) -> Limits:
    return Limits(profile.max_count, profile.max_bytes, tuple(profile.formats), profile.text_limit)


@dataclass(frozen=True)
class ProfileName:
    """A destination's name as a message parameter: read in the message's language."""

    names: dict[str, str]

    def label(self, language: str = "zh-CN") -> str:
        return self.names.get(language) or self.names.get("zh-CN") or ""


def check(profile: Profile, limits: Limits) -> None:
    """InputError (a catalogue key naming the destination) for limits no package can fit."""
    name = ProfileName(dict(profile.names) or {"zh-CN": profile.id})
    for field, value in (("max_count", limits.max_count), ("text_limit", limits.text_limit)):
        if value < 0:
            raise InputError("profile_limits.negative", name=name, field=field)
    if limits.max_bytes < MIN_BYTES:
        raise InputError("profile_limits.too_small", name=name, min=size_text(MIN_BYTES))
    if limits.max_bytes > MAX_BYTES:
        raise InputError("profile_limits.too_large", name=name, max=size_text(MAX_BYTES))
    if not limits.formats or any(f not in IMAGE_FORMATS for f in limits.formats):
        available = "/".join(FORMAT_NAMES[f] for f in IMAGE_FORMATS)
        raise InputError("profile_limits.no_format", name=name, available=available)


def _entry(value: object) -> Limits | None:
    """A stored entry as Limits; None for one that is damaged (the bundled limits hold)."""
    if not isinstance(value, Mapping):
        return None
    try:
        numbers = [value[k] for k in ("max_count", "max_bytes", "text_limit")]
        formats = tuple(str(f) for f in value["formats"])
    except (KeyError, TypeError):
        return None
    if any(isinstance(n, bool) or not isinstance(n, int) for n in numbers):
        return None
    return Limits(numbers[0], numbers[1], formats, numbers[2])


def edited(store) -> dict[str, Limits]:
    """The limits the seller set, by profile id (damaged entries left out)."""
    stored = store.get_setting(SETTING, {})
    if not isinstance(stored, Mapping):
        return {}
    found = {}
    for profile_id, value in stored.items():
        limits = _entry(value)
        if limits is not None:
            found[str(profile_id)] = limits
    return found


def apply(profile: Profile, limits: Limits | None) -> Profile:
    """`profile` with the seller's `limits` (None, or limits no package fits: unchanged)."""
    if limits is None:
        return profile
    try:
        check(profile, limits)
    except InputError:
        return profile
    return replace(
        profile,
        max_count=limits.max_count,
        max_bytes=limits.max_bytes,
        formats=limits.formats,
        text_limit=limits.text_limit,
    )


def for_store(store, user_folder: Path | None = None) -> dict[str, Profile]:
    """Every destination by id, with the limits the seller set in this store."""
    changes = edited(store)
    return {pid: apply(p, changes.get(pid)) for pid, p in load_profiles(user_folder).items()}


def get(store, profile_id: str, user_folder: Path | None = None) -> Profile:
    """One destination with this store's limits (NotFoundError for an unknown id)."""
    return apply(get_profile(profile_id, user_folder), edited(store).get(profile_id))


def save(store, profile_id: str, limits: Limits, user_folder: Path | None = None) -> Profile:
    """Keep the seller's limits for `profile_id` in the store; returns the profile as it
    now counts. Limits equal to the profile's own are not kept (nothing was changed)."""
    bundled = get_profile(profile_id, user_folder)
    check(bundled, limits)
    stored = dict(store.get_setting(SETTING, {}) or {})
    if limits == limits_of(bundled):
        stored.pop(profile_id, None)
    else:
        stored[profile_id] = limits.as_setting()
    store.set_setting(SETTING, stored)
    return apply(bundled, limits)


def reset(store, profile_id: str, user_folder: Path | None = None) -> Profile:
    """Back to the profile's own limits."""
    stored = dict(store.get_setting(SETTING, {}) or {})
    stored.pop(profile_id, None)
    store.set_setting(SETTING, stored)
    return get_profile(profile_id, user_folder)


def is_edited(store, profile_id: str) -> bool:
    return profile_id in edited(store)


def platform_of(profile: Profile) -> str | None:
    """The platform whose folder holds the bundled profile; None for a shared one."""
    for platform_id, spec in registry.platforms().items():
        folder = spec.profiles_dir()
        if folder is not None and (folder / f"{profile.id}.toml").exists():
            return platform_id
    return None


def starting_profile(platform_id: str | None, profiles: Mapping[str, Profile]) -> str | None:
    """The destination a case on `platform_id` starts with: the one its spec names, else
    the first of its own folder (by id: its appeal form before its refusal form), else the
    default platform's."""
    spec = registry.find(platform_id)
    if spec is not None and spec.default_profile in profiles:
        return spec.default_profile
    own = [pid for pid, p in profiles.items() if platform_of(p) == platform_id]
    return min(own) if own else registry.default_profile()


# -- the limits in words --------------------------------------------------------------------


def size_text(size: int) -> str:
    """3,000,000 -> "3 MB", 500,000 -> "500 KB" (decimal, as the platforms' pages write)."""
    if size >= 1_000_000:
        return f"{round(size / 1_000_000, 2):g} MB"
    return f"{round(size / 1000, 1):g} KB"


def formats_text(formats) -> str:
    return "/".join(FORMAT_NAMES.get(f, f.upper()) for f in formats)


def limits_text(profile: Profile, lang: str | None = None) -> str:
    """ "5 张图片，每张 3 MB，JPEG，陈述 200 字以内" in `lang`."""
    formats = formats_text(profile.formats)
    size = size_text(profile.max_bytes)
    if profile.output == "pdf":
        limits = text("profile_limits.summary_pdf", lang, size=size, formats=formats)
    else:
        images = (
            text("profile_limits.images", lang, n=profile.max_count)
            if profile.max_count
            else text("profile_limits.images_any", lang)
        )
        limits = text("profile_limits.summary", lang, images=images, size=size, formats=formats)
    if profile.text_limit:
        key = f"profile_limits.statement_{'bytes' if profile.text_unit == 'bytes' else 'chars'}"
        statement = text(key, lang, n=profile.text_limit)
        limits = text("profile_limits.with_statement", lang, limits=limits, statement=statement)
    return limits


def summary(profile: Profile, lang: str | None = None, *, edited_here: bool = False) -> str:
    """The limits as the seller reads them, saying when they are a conservative setting
    ("保守设置：5 张图片，每张 3 MB，JPEG…") or the seller's own."""
    limits = limits_text(profile, lang)
    if edited_here:
        return text("profile_limits.edited", lang, limits=limits)
    if profile.conservative:
        return text("profile_limits.conservative", lang, limits=limits)
    return limits


def source_text(profile: Profile, lang: str | None = None) -> str:
    """Where the limits come from: the fact page and its confidence, or that the facts
    give none (a conservative setting)."""
    if profile.conservative:
        facts = profile.facts or profile.source
        return text("profile_limits.source_conservative", lang, facts=facts)
    level = profile.confidence if profile.confidence in CONFIDENCES else "unknown"
    confidence = Message(f"profile_limits.confidence.{level}")
    if profile.facts:
        return text(
            "profile_limits.source",
            lang,
            facts=profile.facts,
            source=profile.source,
            confidence=confidence,
        )
    return text("profile_limits.source_only", lang, source=profile.source, confidence=confidence)
