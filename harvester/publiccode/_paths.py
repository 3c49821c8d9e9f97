"""Key paths and their two spellings in the reference validator (publiccode-standard.md 2.9)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

__all__ = ["Language", "Path", "dotted", "struct_key"]


@dataclass(frozen=True, slots=True)
class Language:
    """A ``description`` language key, spelled differently in struct-validation results."""

    tag: str


Segment: TypeAlias = "str | int | Language"
Path: TypeAlias = "tuple[Segment, ...]"


def _spell(path: Path, *, bracket_tags: bool) -> str:
    parts: list[str] = []
    for segment in path:
        if isinstance(segment, int):
            parts.append(f"[{segment}]")
            continue
        name = segment.tag if isinstance(segment, Language) else segment
        plain = not (bracket_tags and isinstance(segment, Language)) or (
            name.isascii() and name.isalpha()
        )
        parts.append((f".{name}" if parts else name) if plain else f"[{name}]")
    return "".join(parts)


def dotted(path: Path) -> str:
    """Decode errors and extra checks: always dotted, raw tags (``description.en-US.x``)."""
    return _spell(path, bracket_tags=False)


def struct_key(path: Path) -> str:
    """Struct validation: ``description.en.x`` for letter-only tags, else ``description[en-US].x``."""
    return _spell(path, bracket_tags=True)
