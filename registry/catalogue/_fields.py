"""What one component contributes to the catalogue: entry fields, facet values, texts.

Everything is read from the component and its published harvest (publiccode.yml as stored,
the licence report, the history, the maturity level); a component without a good harvest
is listed by its repository's name with the level unknown. Harvested values are untrusted:
facet values are trimmed, bounded in length and number, and never interpreted.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from harvester.publiccode.languages import primary_language

from ._logos import logo_url
from ._pages import UNKNOWN, year_of
from .topics import topics_for_scopes

if TYPE_CHECKING:
    from ..components.models import Component
    from ..harvest.models import RepositoryHarvest

__all__ = ["ROUNDS", "SORT_YEAR", "Projected", "Texts", "project"]

ROUNDS = {2019: "1", 2020: "2", 2021: "3"}
"""Funding year of a Model Project Smart Cities -> its round (Staffel) as the facet shows it."""

SORT_YEAR = "year"
"""A hidden facet: the year of the last change ("unknown" without one), whose postings cut
the sort orders into buckets (see :mod:`._pages`); search shows no facet of it."""

MAX_VALUE_LENGTH = 100
MAX_VALUES = 50  # per facet and component
MAX_TEXT_LENGTH = 20_000  # per text indexed


@dataclass(frozen=True, slots=True)
class Texts:
    """The texts indexed for full-text search, by field (weighted in this order)."""

    name: str
    publisher: str
    features: str
    descriptions: str

    def in_order(self) -> tuple[str, str, str, str]:
        """The texts in the order of ``_textquery.FIELDS``."""
        return (self.name, self.publisher, self.features, self.descriptions)


@dataclass(frozen=True, slots=True)
class Projected:
    """One component as the catalogue stores it."""

    entry: dict[str, Any]  # the columns of its CatalogueEntry
    facets: frozenset[tuple[str, str]]  # (facet, value)
    texts: Texts


def project(component: Component) -> Projected:
    """The catalogue's view of ``component`` (its publisher and harvest loaded)."""
    harvest = component.current_harvest
    document = _document(harvest)
    blocks = _descriptions(document)
    licences = _licences(harvest)
    topics = topics_for_scopes(_strings(_scopes(document)), _strings(document.get("categories")))
    level = None if harvest is None else harvest.maturity_level
    last_change = _last_change(harvest)
    entry = {
        "component_id": component.id,
        "name": _name(component),
        "description_de": _short(blocks.get("de")) or _readme(component, harvest, "de"),
        "description_en": _short(blocks.get("en")) or _readme(component, harvest, "en"),
        "publisher_id": component.publisher.id,
        "publisher_name": component.publisher.name,
        "level": level,
        "archived": bool(component.archived),
        "incomplete": harvest is None or component.incomplete,
        "status": _value(document.get("developmentStatus")),
        "licences": list(licences),
        "topics": list(topics),
        "last_change": last_change,
        "logo_url": _logo(component, harvest, document),
        "level_rank": -1 if level is None else level,
        "change_rank": -1 if last_change is None else max(0, int(last_change.timestamp())),
    }
    facets = _facets(component, document, blocks, entry, harvest)
    return Projected(entry, facets, _texts(component, blocks, entry))


# --- publiccode.yml ------------------------------------------------------------------------


def _document(harvest: RepositoryHarvest | None) -> dict[str, Any]:
    document = None if harvest is None else harvest.publiccode_document
    return document if isinstance(document, dict) else {}


def _descriptions(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Description blocks by primary language (``de-DE`` counts as ``de``; the first wins)."""
    found: dict[str, dict[str, Any]] = {}
    described = document.get("description")
    if not isinstance(described, dict):
        return found
    for tag in sorted(described, key=lambda tag: (tag.lower() not in ("de", "en"), tag)):
        language = primary_language(tag) if isinstance(tag, str) else None
        block = described[tag]
        if language is not None and isinstance(block, dict):
            found.setdefault(language, block)
    return found


def _short(block: dict[str, Any] | None) -> str | None:
    text = None if block is None else block.get("shortDescription")
    return (text.strip() or None) if isinstance(text, str) else None


def _scopes(document: dict[str, Any]) -> Any:
    audience = document.get("intendedAudience")
    return audience.get("scope") if isinstance(audience, dict) else None


def _strings(value: Any) -> list[str]:
    """The usable strings of a list (trimmed, lower-cased, bounded)."""
    if not isinstance(value, list):
        return []
    return [text for text in map(_value, value[:MAX_VALUES]) if text is not None]


def _value(value: Any) -> str | None:
    """A facet value: a non-blank string, trimmed, lower-cased, not too long."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().lower()[:MAX_VALUE_LENGTH]


# --- the harvest's other parts -------------------------------------------------------------


def _name(component: Component) -> str:
    if component.name and component.name.strip():
        return component.name.strip()
    return _repository_name(component)


def _repository_name(component: Component) -> str:
    path = component.canonical_url.split("://", 1)[-1].split("?", 1)[0].rstrip("/")
    return path.rsplit("/", 1)[-1].removesuffix(".git") or component.canonical_url


def _readme(component: Component, harvest: RepositoryHarvest | None, language: str) -> str | None:
    """Without publiccode.yml, the README's first paragraph when it is in ``language``."""
    if harvest is None or harvest.publiccode_document is not None or not component.description:
        return None
    readme = (harvest.inspection or {}).get("readme")
    same = isinstance(readme, dict) and readme.get("language") == language
    return component.description if same else None


def _licences(harvest: RepositoryHarvest | None) -> tuple[str, ...]:
    """SPDX ids declared in publiccode.yml, then those identified in licence files."""
    report = None if harvest is None else harvest.licences
    if not isinstance(report, dict):
        return ()
    declared = report.get("declared_ids") or []
    found: list[Any] = []
    for licence_file in report.get("files") or []:
        if isinstance(licence_file, dict) and licence_file.get("status") == "identified":
            found.extend(licence_file.get("spdx_ids") or [])
    ids = [_licence(item) for item in [*declared, *sorted(map(str, found))]]
    return tuple(dict.fromkeys(item for item in ids if item is not None))[:MAX_VALUES]


def _licence(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip()[:MAX_VALUE_LENGTH]


def _last_change(harvest: RepositoryHarvest | None) -> datetime.datetime | None:
    """The newest commit's date (``history.last_commit_at``); ``None`` when unknown."""
    history = None if harvest is None else harvest.history
    text = history.get("last_commit_at") if isinstance(history, dict) else None
    try:
        moment = datetime.datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None
    if moment is None or moment.tzinfo is None:
        return None
    return moment.astimezone(datetime.UTC)


def _logo(
    component: Component, harvest: RepositoryHarvest | None, document: dict[str, Any]
) -> str | None:
    if harvest is None:
        return None
    driver = (harvest.forge or {}).get("driver")
    return logo_url(document.get("logo"), component.url, harvest.commit, driver)


# --- facets and texts ----------------------------------------------------------------------


def _facets(
    component: Component,
    document: dict[str, Any],
    blocks: dict[str, dict[str, Any]],
    entry: dict[str, Any],
    harvest: RepositoryHarvest | None,
) -> frozenset[tuple[str, str]]:
    level = entry["level"]
    round_ = ROUNDS.get(component.publisher.round or 0)
    year = year_of(entry["last_change"])
    single = {
        "level": "unknown" if level is None else str(level),
        SORT_YEAR: "unknown" if year == UNKNOWN else str(year),
        "publisher": component.publisher.id,
        "round": round_,
        "status": entry["status"],
    }
    multi: dict[str, Iterable[str]] = {
        "topic": entry["topics"],
        "category": _strings(document.get("categories")),
        "licence": entry["licences"],
        "platform": _strings(document.get("platforms")),
        "language": sorted(blocks) or _readme_language(harvest),
    }
    pairs = {(facet, value) for facet, value in single.items() if value is not None}
    pairs.update((facet, value) for facet, values in multi.items() for value in values)
    return frozenset(pairs)


def _readme_language(harvest: RepositoryHarvest | None) -> list[str]:
    """Without publiccode.yml descriptions, the README's language when it could be told."""
    if harvest is None or harvest.publiccode_document is not None:
        return []
    readme = (harvest.inspection or {}).get("readme")
    language = readme.get("language") if isinstance(readme, dict) else None
    return [language] if isinstance(language, str) and language else []


def _texts(component: Component, blocks: dict[str, dict[str, Any]], entry: dict[str, Any]) -> Texts:
    chosen = [blocks[language] for language in ("de", "en") if language in blocks]
    names = [entry["name"], _repository_name(component)]
    names += [block.get("localisedName") for block in chosen]
    features = [f for block in chosen for f in _list(block.get("features"))]
    descriptions = [component.description]
    descriptions += [block.get(key) for block in chosen for key in _DESCRIPTION_KEYS]
    return Texts(
        name=_joined(names),
        publisher=_joined([entry["publisher_name"]]),
        features=_joined(features),
        descriptions=_joined(descriptions),
    )


_DESCRIPTION_KEYS = ("shortDescription", "longDescription")


def _list(value: Any) -> list[Any]:
    return value[:MAX_VALUES] if isinstance(value, list) else []


def _joined(texts: Iterable[Any]) -> str:
    """The distinct strings, one a line (line breaks within one become spaces), each cut at
    :data:`MAX_TEXT_LENGTH`: a phrase matches within one text, not across two."""
    cut = (" ".join(text[:MAX_TEXT_LENGTH].split()) for text in texts if isinstance(text, str))
    return "\n".join(dict.fromkeys(text for text in cut if text))
