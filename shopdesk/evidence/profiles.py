"""Destination profiles: what a package must fit (resources/profiles/*.toml, and each
platform's own in shopdesk/platforms/<id>/profiles/).

A profile in the seller's data folder (`<data>/profiles/<id>.toml`) overrides the bundled
one of the same id, so a seller can change a limit the platform moved without an update.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from shopdesk.domain import paths
from shopdesk.domain.errors import InputError, NotFoundError
from shopdesk.platforms import registry

IMAGE_FORMATS = ("jpg", "png", "gif")
MIN_MAX_BYTES = 10_000  # a smaller images.max_bytes is a typo, not a platform's limit


@dataclass(frozen=True)
class Profile:
    id: str
    names: dict[str, str]
    output: str  # images | pdf
    formats: tuple[str, ...]
    max_bytes: int  # per image; for `pdf` output, the whole PDF
    max_count: int = 0  # 0 = not limited
    text_limit: int = 0  # 0 = not limited
    text_unit: str = "chars"  # chars | bytes (UTF-8)
    text_min: int = 0
    kinds: tuple[str, ...] = ()  # evidence kinds taken; empty = every kind
    min_short_side: int = 600  # legibility floor for photos and screenshots (px)
    min_text_px: int = 12  # legibility floor for text we know the size of (px)
    max_long_side: int = 2560  # larger images are scaled down first
    version: int = 1
    source: str = ""
    confidence: str = ""
    # the fact page its limits come from; conservative: the facts give none (profile_limits.py)
    facts: str = ""
    conservative: bool = False
    path: str = field(default="", compare=False)

    def name(self, language: str = "zh-CN") -> str:
        return self.names.get(language) or self.names.get("zh-CN") or self.id

    def label(self, language: str = "zh-CN") -> str:
        """The name in `language`: a profile inside a message is named in the message's
        language (core.messages.say), as the profile file names it."""
        return self.name(language)

    def text_size(self, text: str) -> int:
        return len(text.encode("utf-8")) if self.text_unit == "bytes" else len(text)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name(),
            "names": dict(self.names),
            "output": self.output,
            "formats": list(self.formats),
            "max_bytes": self.max_bytes,
            "max_count": self.max_count,
            "text_limit": self.text_limit,
            "text_unit": self.text_unit,
            "text_min": self.text_min,
            "version": self.version,
            "source": self.source,
            "confidence": self.confidence,
            "facts": self.facts,
            "conservative": self.conservative,
            "path": self.path,
        }


def bundled_dirs() -> list[Path]:
    """The shared profiles (resources/profiles), then each platform's own."""
    folders = [paths.resource("profiles")]
    for spec in registry.platforms().values():
        folder = spec.profiles_dir()
        if folder is not None:
            folders.append(folder)
    return folders


def _bundled(profile_id: str) -> Path | None:
    for folder in bundled_dirs():
        path = folder / f"{profile_id}.toml"
        if path.exists():
            return path
    return None


def user_dir() -> Path:
    return paths.data_dir() / "profiles"


def parse_profile(text: str, origin: str) -> Profile:
    """A profile from TOML text; InputError naming the file and the field otherwise."""
    import tomllib  # parsed here only: its import is 5 ms of the window's start-up

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError("pack.profile.bad_toml", file=origin, reason=str(exc)) from None
    images = data.get("images", {})
    text_part = data.get("text", {})
    legibility = data.get("legibility", {})

    def need(table: dict, key: str, kind: type, where: str):
        value = table.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise InputError("pack.profile.bad_field", file=origin, field=f"{where}{key}")
        return value

    profile_id = need(data, "id", str, "")
    output = data.get("output", "images")
    if output not in ("images", "pdf"):
        raise InputError("pack.profile.bad_output", file=origin)
    formats = tuple(str(f).lower().replace("jpeg", "jpg") for f in images.get("formats", ["jpg"]))
    if not formats or any(f not in IMAGE_FORMATS for f in formats):
        raise InputError("pack.profile.bad_formats", file=origin, formats=", ".join(IMAGE_FORMATS))
    unit = text_part.get("unit", "chars")
    if unit not in ("chars", "bytes"):
        raise InputError("pack.profile.bad_unit", file=origin)
    max_bytes = need(images, "max_bytes", int, "images.")
    if max_bytes < MIN_MAX_BYTES:
        raise InputError("pack.profile.max_bytes_too_small", file=origin, min=MIN_MAX_BYTES)
    return Profile(
        id=profile_id,
        names={str(k): str(v) for k, v in data.get("name", {}).items()},
        output=output,
        formats=formats,
        max_bytes=max_bytes,
        max_count=int(images.get("max_count", 0)),
        text_limit=int(text_part.get("limit", 0)),
        text_unit=unit,
        text_min=int(text_part.get("min", 0)),
        kinds=tuple(images.get("kinds", ())),
        min_short_side=int(legibility.get("min_short_side", 600)),
        min_text_px=int(legibility.get("min_text_px", 12)),
        max_long_side=int(legibility.get("max_long_side", 2560)),
        version=int(data.get("version", 1)),
        source=str(data.get("source", "")),
        confidence=str(data.get("confidence", "")),
        facts=str(data.get("facts", "")),
        conservative=data.get("conservative") is True,
        path=origin,
    )


def _read(path: Path) -> Profile:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("pack.profile.unreadable", file=str(path), reason=str(exc)) from None
    profile = parse_profile(text, str(path))
    if profile.id != path.stem:
        raise InputError("pack.profile.id_mismatch", file=str(path), id=profile.id)
    return profile


def load_profiles(user_folder: Path | None = None) -> dict[str, Profile]:
    """Every profile by id: the bundled ones, overridden by the seller's copies."""
    found: dict[str, Profile] = {}
    folders = [*bundled_dirs(), user_folder if user_folder is not None else user_dir()]
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found[path.stem] = _read(path)
    return dict(sorted(found.items()))


def get_profile(profile_id: str, user_folder: Path | None = None) -> Profile:
    profiles = load_profiles(user_folder)
    if profile_id not in profiles:
        valid = ", ".join(profiles)
        raise NotFoundError("pack.profile.not_found", id=profile_id, valid=valid)
    return profiles[profile_id]


def copy_for_editing(profile_id: str, user_folder: Path | None = None) -> Path:
    """Copy a bundled profile into the data folder (if not there yet) for the seller to edit."""
    folder = user_folder if user_folder is not None else user_dir()
    target = folder / f"{profile_id}.toml"
    if not target.exists():
        source = _bundled(profile_id)
        if source is None:
            raise NotFoundError("pack.profile.no_bundled", id=profile_id)
        folder.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    return target
