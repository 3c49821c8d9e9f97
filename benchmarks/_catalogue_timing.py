"""Latencies for benchmarks/catalogue.py: the search page, search() alone, the component page.

Pages go through the real application (``create_app`` and Flask's test client: routing, the
per-request session, the query, Jinja rendering, the security headers), without a network.
The queries are timed round-robin, after one warm-up request each, so no query profits from
having just run.
"""

from __future__ import annotations

import functools
import random
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from flask.testing import FlaskClient
from sqlalchemy.orm import Session, sessionmaker

from registry.catalogue.search import FACETS, SearchQuery, SearchResult, Sort, search

__all__ = [
    "PLACEHOLDER_BYTES",
    "Query",
    "Timings",
    "choose_queries",
    "percentile",
    "time_component_pages",
    "time_search",
]

PLACEHOLDER_BYTES = 2_000
"""A page shorter than this is taken for a placeholder (the pages are still being written)."""

_PARAMETERS = {
    "topic": "thema",
    "category": "kategorie",
    "licence": "lizenz",
    "level": "reifegrad",
    "publisher": "herausgeber",
    "round": "staffel",
    "platform": "plattform",
    "status": "status",
    "language": "sprache",
}
_SORTS = {Sort.RELEVANCE: "relevanz", Sort.CHANGED: "aenderung", Sort.MATURITY: "reifegrad"}


@dataclass(frozen=True, slots=True)
class Query:
    """One search, as the page's URL and as the backend's query."""

    label: str
    query: SearchQuery

    def path(self) -> str:
        """``/suche?...`` with the page's German parameters (see the search contract)."""
        args: list[tuple[str, str]] = [("q", self.query.text)] if self.query.text else []
        for facet in FACETS:
            values = sorted(self.query.filters.get(facet, ()))
            args += [(_PARAMETERS[facet], value) for value in values]
        if self.query.sort is not Sort.RELEVANCE:
            args.append(("sortierung", _SORTS[self.query.sort]))
        if self.query.page > 1:
            args.append(("seite", str(self.query.page)))
        return f"/suche?{urlencode(args)}" if args else "/suche"


@dataclass(slots=True)
class Timings:
    """Seconds per query label (page and backend), hits, and the size of each page."""

    page: dict[str, list[float]] = field(default_factory=dict)
    backend: dict[str, list[float]] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    page_bytes: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` quantile (0.5, 0.95) by linear interpolation between closest ranks."""
    if len(values) == 1:
        return values[0]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[round(share * 100) - 1]


def choose_queries(sessions: sessionmaker[Session]) -> list[Query]:
    """The ten queries; facet values are taken from the data (its most common topic)."""
    with sessions() as session:
        everything = search(session, SearchQuery())
    topic = _most_common(everything, "topic")
    deep = max(1, everything.pages * 2 // 5)  # 2,000 of 5,000 pages at 100,000 components
    return [
        Query("one word: Verkehr", SearchQuery(text="Verkehr")),
        Query("two words (en): parking sensor", SearchQuery(text="parking sensor")),
        Query("plural, stemmed: Parkplätze", SearchQuery(text="Parkplätze")),
        Query('phrase: "offene Daten"', SearchQuery(text='"offene Daten"')),
        Query("prefix: Bürgerbet", SearchQuery(text="Bürgerbet")),
        Query(
            "facets: licence+levels+round",
            SearchQuery(filters=_filters(licence={"EUPL-1.2"}, level={"2", "3"}, round={"2"})),
        ),
        Query(
            f"text+2 facets: Dashboard, {topic}, MIT",
            SearchQuery(text="Dashboard", filters=_filters(topic={topic}, licence={"MIT"})),
        ),
        Query("browse all", SearchQuery()),
        Query("sort by maturity: Daten", SearchQuery(text="Daten", sort=Sort.MATURITY)),
        Query(f"deep page {deep:,}, by change", SearchQuery(sort=Sort.CHANGED, page=deep)),
    ]


def _filters(**values: set[str]) -> dict[str, frozenset[str]]:
    return {facet: frozenset(chosen) for facet, chosen in values.items()}


def _most_common(result: SearchResult, facet: str) -> str:
    values = result.facets.get(facet, ())
    if not values:
        raise SystemExit(f"the search offers no {facet} values: is the projection empty?")
    return max(values, key=lambda value: value.count).value


def time_search(
    client: FlaskClient, sessions: sessionmaker[Session], queries: Sequence[Query], repeat: int
) -> Timings:
    """Each query ``repeat`` times through the page and through search() alone."""
    timings = Timings()
    for query in queries:  # warm-up: templates compiled, pages of the database cached
        response = client.get(query.path())
        timings.statuses[query.label] = response.status_code
        timings.page_bytes[query.label] = len(response.data)
        with sessions() as session:
            timings.hits[query.label] = search(session, query.query).total
    for _ in range(repeat):
        for query in queries:
            page = _timed(functools.partial(client.get, query.path()))
            alone = _timed(functools.partial(_search_alone, sessions, query.query))
            timings.page.setdefault(query.label, []).append(page)
            timings.backend.setdefault(query.label, []).append(alone)
    return timings


def _search_alone(sessions: sessionmaker[Session], query: SearchQuery) -> None:
    with sessions() as session:  # a session per call, as each request has its own
        search(session, query)


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


@dataclass(frozen=True, slots=True)
class PageTimings:
    seconds: list[float]
    statuses: dict[int, int]  # status code -> how many
    mean_bytes: float


def time_component_pages(client: FlaskClient, components: int, count: int) -> PageTimings:
    """``/software/<id>`` for ``count`` random ids (after ten others as a warm-up)."""
    rng = random.Random(7)
    ids = rng.sample(range(1, components + 1), min(components, count + 10))
    for component_id in ids[:10]:
        client.get(f"/software/{component_id}")
    seconds, statuses, sizes = [], dict[int, int](), []
    for component_id in ids[10:]:
        started = time.perf_counter()
        response = client.get(f"/software/{component_id}")
        seconds.append(time.perf_counter() - started)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        sizes.append(len(response.data))
    return PageTimings(seconds, statuses, statistics.fmean(sizes))
