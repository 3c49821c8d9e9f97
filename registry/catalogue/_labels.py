"""What readers see for the catalogue's coded values: levels, rounds, statuses, topics.

Every label is in the reader's language at the time of the call. Level names come from the
maturity model (schemas/maturity/model-1.0.yml), topic names from schemas/topics.yml; values
Kataster does not know are shown as they are, never hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from babel import Locale

from harvester.maturity import load_model

from ..web.i18n import current_locale, gettext
from .topics import load_topics

if TYPE_CHECKING:
    from .search import FacetValue

__all__ = [
    "MODEL_VERSION",
    "ROUND_YEARS",
    "UNRATED",
    "facet_title",
    "facet_value_label",
    "language_label",
    "level_label",
    "level_name",
    "platform_label",
    "round_label",
    "status_label",
    "topic_label",
]

MODEL_VERSION: Final = "1.0"
"""The maturity model whose level names the catalogue shows."""

UNRATED: Final = "unknown"
"""The level facet's value for components without a level."""

ROUND_YEARS: Final = {1: 2019, 2: 2020, 3: 2021}
"""The Model Projects Smart Cities' funding rounds (Staffeln) and their years."""

_PLATFORMS: Final = {
    "android": "Android",
    "ios": "iOS",
    "linux": "Linux",
    "mac": "macOS",
    "web": "Web",
    "windows": "Windows",
}


def level_name(level: int) -> str | None:
    """The level's name in the model (``Nachnutzbar``), ``None`` for a level it lacks."""
    for entry in load_model(MODEL_VERSION).levels:
        if entry.number == level:
            return entry.name.en if current_locale() == "en" else entry.name.de
    return None


def level_label(level: int | str | None) -> str:
    """``Stufe 3 · Nachnutzbar``; ``nicht bewertet`` for no level (``None``, ``unknown``)."""
    number = _number(level)
    if number is None:
        return gettext("nicht bewertet") if level in (None, UNRATED) else str(level)
    name = level_name(number)
    if name is None:
        return gettext("Stufe %(number)d", number=number)
    return gettext("Stufe %(number)d · %(name)s", number=number, name=name)


def round_label(value: int | str) -> str:
    """``Staffel 1 (2019)`` for round 1 or the year 2019; other values as they are."""
    number = _number(value)
    rounds = {year: round_ for round_, year in ROUND_YEARS.items()}
    if number is not None:
        number = rounds.get(number, number)
    if number is None or number not in ROUND_YEARS:
        return str(value)
    return gettext("Staffel %(number)d (%(year)d)", number=number, year=ROUND_YEARS[number])


def status_label(status: str | None) -> str:
    """publiccode.yml's ``developmentStatus`` in words; ``unbekannt`` when missing."""
    labels = {
        "concept": gettext("Konzept"),
        "development": gettext("In Entwicklung"),
        "beta": gettext("Beta"),
        "stable": gettext("Stabil"),
        "obsolete": gettext("Veraltet"),
    }
    if status is None:
        return gettext("unbekannt")
    return labels.get(status, status)


def language_label(code: str) -> str:
    """A language's name in the reader's language (``en`` -> ``Englisch``)."""
    name = Locale.parse(current_locale()).languages.get(code.lower())
    return name if name else code


def platform_label(platform: str) -> str:
    """A publiccode.yml platform as it is usually written (``ios`` -> ``iOS``)."""
    return _PLATFORMS.get(platform, platform)


def topic_label(topic_id: str) -> str:
    """A topic's name from topics.yml; the id itself for a topic the file lacks."""
    for topic in load_topics():
        if topic.id == topic_id:
            return topic.label_en if current_locale() == "en" else topic.label_de
    return topic_id


def facet_title(facet: str) -> str:
    """The heading of a facet on the search page."""
    titles = {
        "topic": gettext("Thema"),
        "category": gettext("Kategorie"),
        "licence": gettext("Lizenz"),
        "level": gettext("Reifegrad"),
        "publisher": gettext("Herausgeber"),
        "round": gettext("Staffel"),
        "platform": gettext("Plattform"),
        "status": gettext("Entwicklungsstand"),
        "language": gettext("Sprache der Beschreibung"),
    }
    return titles.get(facet, facet)


def facet_value_label(facet: str, value: FacetValue) -> str:
    """How one facet value reads (a publisher by its name, a level by its name, ...)."""
    if facet == "publisher":
        return value.label or value.value
    labels: dict[str, Callable[[str], str]] = {
        "topic": topic_label,
        "level": level_label,
        "round": round_label,
        "status": status_label,
        "language": language_label,
        "platform": platform_label,
    }
    label = labels.get(facet)
    return value.value if label is None else label(value.value)


def _number(value: int | str | None) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return None
