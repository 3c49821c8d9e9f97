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

DECISIONS made implementing it (the same on SQLite and PostgreSQL):

- Text rank is the best field matched: the whole query in the name, else in the publisher's
  name, else in the features, else anywhere (descriptions, or words spread over fields). It
  is computed the same way on both databases, so both give the same order; bm25/ts_rank would
  differ between them and cost a score per match (about 130 ms for a word in 40,000 entries).
- Words are answered from postings per stem (:mod:`._terms`), phrases (and prefixes spanning
  too many stems) by the database's full-text index: a common word costs the index 10-30 ms
  at 100,000 entries, its postings one indexed row. Both answer the same (tested). Phrases
  match by German stems only (see :mod:`._textquery`).
- Facet values and postings are read once per process and projection version
  (:func:`._postings.current`); every search asks the database which version holds.
- The last word is a prefix when it has two letters or more. Nothing typed is FTS5 or tsquery
  syntax: quotes pair into phrases, everything else that is no letter or digit separates words.
  A query without any word lists everything.
- Ties break by component id, the highest (newest) first.
- Filters: an unknown facet name is ignored (and dropped from ``result.query``); an unknown
  value of a known facet matches nothing, and is listed in its facet as selected with count
  0, so a page can offer to remove it. Up to 50 values per facet count; the text is cut at
  500 characters; ``page`` and ``per_page`` are brought into range (1.., 1..100).
- A facet lists the values at least one match has, by count (then value); a value nobody
  has is left out unless it is selected. ``level`` and ``round`` are values like any other.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sqlalchemy import RowMapping, select

from . import _facets as _facet_counts
from . import _postings, _terms
from ._fields import SORT_YEAR
from ._pages import ORDER_BY, UNKNOWN, Order, Sorting, page_ids
from ._postings import Index, Value
from ._textquery import SHORT, SHORT_FIELDS, TextQuery, parse
from .models import ALL_ENTRIES, CatalogueEntry

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
MAX_SELECTED = 50  # values of one facet a query may select; more are ignored
MAX_TEXT = 500  # characters of the search text kept


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
    """Run ``query`` against the catalogue (SQLite FTS5 or PostgreSQL tsvector).

    Without text and filters, the stored counts and the order's index answer; otherwise the
    matches are bitmaps: of the text (the full-text index), of each filter (postings), and
    their intersections per facet give the counts (:mod:`._facets`) and the page
    (:mod:`._pages`). Values and postings come from :func:`._postings.current`.
    """
    query = _bounded(query)
    text = parse(query.text)
    index = _postings.current(session)
    every = next(
        (value for value in index.values if (value.facet, value.value) == ALL_ENTRIES), None
    )
    if every is None:  # an empty catalogue
        return SearchResult(query, 0, (), _facets(query, index, {}))
    if text is None and not query.filters:
        return _browse(session, query, index, every)
    return _matching(session, query, text, index, every)


def _browse(session: Session, query: SearchQuery, index: Index, every: Value) -> SearchResult:
    """Everything, in order: the counts are the stored ones, the page is the order's index."""
    ordered = select(CatalogueEntry.component_id).order_by(*ORDER_BY[_order(query)])
    offset, limit = _window(query)
    ids = list(session.connection().scalars(ordered.offset(offset).limit(limit)))
    counts = {value.id: value.count for value in index.values}
    return SearchResult(query, every.count, _hits(session, ids), _facets(query, index, counts))


def _matching(
    session: Session, query: SearchQuery, text: TextQuery | None, index: Index, every: Value
) -> SearchResult:
    """A search with text or filters: the matches as bitmaps, counted per facet value."""
    counted = [value for value in index.values if value.facet in FACETS]
    base = index.bitmap(every.id)
    if text is not None:
        base = _terms.matching(session, text, base)
    chosen = {
        v.id: index.bitmap(v.id) for v in counted if v.value in query.filters.get(v.facet, ())
    }
    sets = _facet_counts.within(query.filters, counted, chosen, base, FACETS)
    counts = _facet_counts.by_postings(counted, index, sets)
    sorting = Sorting(every.count, _ranks(index, "level"), _ranks(index, SORT_YEAR))
    matches = sets[_facet_counts.ALL]
    groups = _groups(session, query, text, matches)
    ids = page_ids(session, groups, _order(query), _window(query), sorting)
    facets = _facets(query, index, counts)
    return SearchResult(query, matches.bit_count(), _hits(session, ids), facets)


def _bounded(query: SearchQuery) -> SearchQuery:
    """The query as searched: known facets only, a page and a page size in range."""
    filters = {
        facet: frozenset(sorted(values)[:MAX_SELECTED])
        for facet, values in query.filters.items()
        if facet in FACETS and values
    }
    return replace(
        query,
        text=query.text[:MAX_TEXT],
        filters=filters,
        page=max(1, query.page),
        per_page=min(max(1, query.per_page), MAX_PER_PAGE),
    )


def _groups(
    session: Session, query: SearchQuery, text: TextQuery | None, matches: int
) -> Iterator[int]:
    """The matches in the order's groups: by relevance, those matching in the name first,
    then in the publisher's name, then in the features, then the rest. Lazily: a group is
    looked up only when the page reaches it, and none when no match is in a short field
    (one query on the short fields saves three, as with most phrases)."""
    if text is None or query.sort is not Sort.RELEVANCE:
        yield matches
        return
    short = _terms.matching(session, text, matches, SHORT)
    rest = matches
    for name in SHORT_FIELDS:
        if not short & rest:
            break
        group = _terms.matching(session, text, short & rest, name)
        yield group
        rest &= ~group
    yield rest


def _order(query: SearchQuery) -> Order:
    return Order.CHANGED if query.sort is Sort.CHANGED else Order.MATURITY


def _window(query: SearchQuery) -> tuple[int, int]:
    """Offset and size of the page."""
    return (query.page - 1) * query.per_page, query.per_page


def _ranks(index: Index, facet: str) -> dict[int, int]:
    """Postings of the levels or the change years, by rank ("unknown" is -1)."""
    return {
        UNKNOWN if value.value == "unknown" else int(value.value): index.bitmap(value.id)
        for value in index.values
        if value.facet == facet
    }


def _hits(session: Session, ids: list[int]) -> tuple[Hit, ...]:
    if not ids:
        return ()
    rows = session.connection().execute(
        select(CatalogueEntry.__table__).where(CatalogueEntry.component_id.in_(ids))
    )
    hits = {row.component_id: _hit(row._mapping) for row in rows}
    return tuple(hits[component_id] for component_id in ids if component_id in hits)


def _hit(entry: RowMapping) -> Hit:
    return Hit(
        component_id=entry["component_id"],
        name=entry["name"],
        description_de=entry["description_de"],
        description_en=entry["description_en"],
        publisher_id=entry["publisher_id"],
        publisher_name=entry["publisher_name"],
        level=entry["level"],
        archived=entry["archived"],
        incomplete=entry["incomplete"],
        licences=tuple(entry["licences"]),
        topics=tuple(entry["topics"]),
        status=entry["status"],
        last_change=entry["last_change"],
        logo_url=entry["logo_url"],
    )


def _facets(
    query: SearchQuery, index: Index, counts: Mapping[int, int]
) -> dict[str, tuple[FacetValue, ...]]:
    """Every facet's values with their counts, the selected ones also when nobody has them."""
    listed: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    for value in index.values:
        if value.facet in listed and counts.get(value.id):
            listed[value.facet][value.value] = counts[value.id]
    for facet, chosen in query.filters.items():
        for name in chosen:
            listed[facet].setdefault(name, 0)
    labels = {"publisher": index.publisher_names}
    return {
        facet: _facet(values, query.filters.get(facet, frozenset()), labels.get(facet, {}))
        for facet, values in listed.items()
    }


def _facet(
    counts: Mapping[str, int], chosen: frozenset[str], labels: Mapping[str, str]
) -> tuple[FacetValue, ...]:
    """One facet's values, the most frequent first (then by value)."""
    values = [
        FacetValue(name, count, name in chosen, labels.get(name)) for name, count in counts.items()
    ]
    return tuple(sorted(values, key=lambda value: (-value.count, value.value)))
