"""Searching the catalogue: full text with German stemming, facets with counts, sorting, pages.

CONTRACT (written before the implementation; the catalogue's views and the benchmark build on
these names and shapes). The implementation fills in :func:`search`.

- Text: every word must match (AND); a word matches its Snowball stem, German or English
  ("Parkplätze" finds "Parkplatz"); ``"quoted words"`` are a phrase; the last word also
  matches as a prefix. Fields: component name (weighted highest), publisher name, features,
  descriptions (de and en, short and long).
- Filters: facet name -> selected values; values of one facet are alternatives (OR), facets
  combine with AND. A facet's counts are computed with every *other* facet's filters applied
  (disjunctive faceting), so choosing one licence still shows how many have the others.
- Facets (:data:`FACETS`): topic, category, licence, level, publisher, round, platform,
  status, language. ``level`` values are "0".."5" and "unknown"; ``round`` "1".."3".
- Sorting: relevance (text rank, then level, then last change), last change (newest first,
  unknown last), maturity (highest level first, unknown last). Without text, relevance sorts
  like maturity. Ties break by component id, so pages are stable.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["FACETS", "FacetValue", "Hit", "SearchQuery", "SearchResult", "Sort", "search"]

#: Facet names, in the order the search page shows them.
FACETS = (
    "topic",
    "category",
    "licence",
    "level",
    "publisher",
    "round",
    "platform",
    "status",
    "language",
)

MAX_PER_PAGE = 100


class Sort(enum.StrEnum):
    RELEVANCE = "relevance"
    CHANGED = "changed"
    MATURITY = "maturity"


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What a user asked for. ``page`` counts from 1."""

    text: str = ""
    filters: Mapping[str, frozenset[str]] = field(default_factory=dict)
    sort: Sort = Sort.RELEVANCE
    page: int = 1
    per_page: int = 20


@dataclass(frozen=True, slots=True)
class Hit:
    """One result, with what a result list shows (no second query needed per hit)."""

    component_id: int
    name: str  # the component's name, or its repository's last path segment when unnamed
    description_de: str | None  # the short description in German, when there is one
    description_en: str | None
    publisher_id: str
    publisher_name: str
    level: int | None  # None: not rated (no good harvest, or metadata missing)
    archived: bool
    incomplete: bool  # no publiccode.yml
    licences: tuple[str, ...]  # SPDX ids declared or found
    topics: tuple[str, ...]  # topic ids (schemas/topics.yml)
    status: str | None  # developmentStatus
    last_change: datetime.datetime | None  # the newest commit's date
    logo_url: str | None  # only https: or the component's own repository (see views)


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int
    selected: bool
    label: str | None = None  # publisher: its name; other facets are labelled by the views


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: SearchQuery
    total: int
    hits: tuple[Hit, ...]
    facets: Mapping[str, tuple[FacetValue, ...]]  # every name in FACETS, values by count desc

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


def search(session: Session, query: SearchQuery) -> SearchResult:
    """Run ``query`` against the catalogue (SQLite FTS5 or PostgreSQL tsvector)."""
    raise NotImplementedError("catalogue search: being implemented")
