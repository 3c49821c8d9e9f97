"""Reading what a harvest stored: JSON documents of any shape, and texts in two languages.

The JSON documents of a :class:`~registry.harvest.models.RepositoryHarvest` come from old
harvests, other harvester versions and hostile repositories. Each reader here returns the value
when it has the expected type and "unknown" (``None`` or empty) otherwise; none raises.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from harvester.maturity.model import Text

__all__ = [
    "Localised",
    "boolean",
    "either",
    "integer",
    "items",
    "language_tag",
    "mapping",
    "number",
    "pick",
    "text",
    "texts",
    "timestamp",
]

_LANGUAGE_TAG: Final = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True, slots=True)
class Localised:
    """A text and the language it is written in (``None`` when that is not known)."""

    text: str
    lang: str | None


def either(german: str | None, english: str | None, language: str) -> Localised | None:
    """The text in ``language`` when there is one, else the other."""
    candidates = [("de", german), ("en", english)]
    if language == "en":
        candidates.reverse()
    for lang, candidate in candidates:
        if candidate:
            return Localised(candidate, lang)
    return None


def pick(model_text: Text, language: str) -> Localised:
    """One language of a maturity model's text (the model has every text in both)."""
    if language == "en":
        return Localised(model_text.en, "en")
    return Localised(model_text.de, "de")


def mapping(value: object) -> Mapping[str, Any]:
    """A JSON object; anything else is an empty one."""
    return value if isinstance(value, dict) else {}


def items(value: object) -> list[Any]:
    """A JSON array; anything else is an empty one."""
    return value if isinstance(value, list) else []


def text(value: object) -> str | None:
    """A string that is not blank."""
    return value if isinstance(value, str) and value.strip() else None


def texts(value: object) -> tuple[str, ...]:
    """The non-blank strings of an array (other items are left out)."""
    return tuple(item for item in items(value) if isinstance(item, str) and item.strip())


def integer(value: object) -> int | None:
    """An int (never a bool)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def number(value: object) -> float | None:
    """An int or float (never a bool) as a float."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def boolean(value: object) -> bool | None:
    """``True`` or ``False``; anything else is unknown."""
    return value if isinstance(value, bool) else None


def timestamp(value: object) -> datetime.datetime | None:
    """An ISO 8601 time (naive ones are UTC, as the harvester writes them)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)


def language_tag(value: object) -> str | None:
    """A BCP 47-shaped language tag ("de", "en-GB"), fit for a ``lang`` attribute."""
    return value if isinstance(value, str) and _LANGUAGE_TAG.fullmatch(value) else None
