"""The catalogue's pages: the home page and the search page.

Both are plain GET pages that work without JavaScript. Every state of the search page (text,
chosen facet values, sort, page) is its URL, written in one canonical order (see ``_params``),
and every link on the page (a facet value to choose or remove, a page, a sort) is such a URL.

Each facet lists its chosen values and then its most frequent ones, :data:`FACET_VISIBLE` in
all, and links to the same page with ``alle=<facet parameter>``, which lists every value of
that one facet (and links back with "Weniger anzeigen"). Only the values shown get a URL, so
the page stays small and cheap however many publishers the catalogue has. ``alle`` belongs to
one result set's view: the links to its other pages keep it; links that change the result set
(a value chosen or removed, all filters removed, the form's sort) drop it. The canonical link
is always the URL without ``alle``, as the result is the same.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from flask import Blueprint, Flask, abort, redirect, render_template, request, url_for

from ..web.caching import cacheable
from ..web.i18n import current_locale, gettext
from ..web.session import db_session
from . import queries
from ._labels import (
    facet_title,
    facet_value_label,
    language_label,
    level_label,
    round_label,
    status_label,
    topic_label,
)
from ._params import (
    FACET_PARAMETERS,
    SORT_PARAMETERS,
    InvalidParameter,
    expanded_args,
    expanded_from_args,
    query_args,
    query_from_args,
)
from .search import FACETS, FacetValue, SearchQuery, SearchResult, Sort, search
from .topics import Topic, load_topics

if TYPE_CHECKING:
    from collections.abc import Mapping

    from werkzeug.wrappers import Response

__all__ = ["PER_PAGE", "Choice", "Facet", "TopicEntry", "blueprint", "init_app", "search_url"]

PER_PAGE = 20
NEWEST = 5  # components and releases on the home page
FACET_VISIBLE = 8  # values per facet (more if more are chosen) unless all are asked for

blueprint = Blueprint("catalogue", __name__)
for _label in (level_label, round_label, status_label, topic_label, language_label):
    blueprint.add_app_template_global(_label)


@dataclass(frozen=True, slots=True)
class Choice:
    """A facet value as a link: choosing it, or (when ``selected``) removing it."""

    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass(frozen=True, slots=True)
class Facet:
    """A facet as the page shows it: ``choices`` are the values listed (the chosen ones
    first), ``total`` the values it has; ``more_url`` lists all of them, ``less_url`` goes back
    to the short list (each ``None`` where it would change nothing)."""

    name: str
    parameter: str
    title: str
    choices: tuple[Choice, ...]
    total: int
    more_url: str | None = None
    less_url: str | None = None

    @property
    def selected(self) -> tuple[Choice, ...]:
        return tuple(choice for choice in self.choices if choice.selected)


@dataclass(frozen=True, slots=True)
class TopicEntry:
    """A topic on the home page, with the number of components it has."""

    topic: Topic
    label: str
    description: str
    count: int
    url: str


def search_url(query: SearchQuery, *, external: bool = False, expanded: str | None = None) -> str:
    """The search page's URL for ``query`` (canonical parameter order; ``external``:
    with scheme and host; ``expanded``: the facet to list with all its values)."""
    args = query_args(query) + expanded_args(expanded)
    base = url_for("catalogue.search", _external=external)
    return f"{base}?{urlencode(args)}" if args else base


@blueprint.get("/")
@cacheable
def home() -> str:
    """What Kataster is, its numbers, entry by topic, the newest components and releases."""
    session = db_session()
    overview = search(session, SearchQuery(per_page=1))
    return render_template(
        "catalogue/home.html",
        numbers=queries.numbers(session),
        topics=_topic_entries(overview),
        components=queries.newest_components(session, NEWEST),
        releases=queries.newest_releases(session, NEWEST),
        empty_query=SearchQuery(),
    )


@blueprint.get("/suche", endpoint="search")
@cacheable
def search_page() -> str | Response:
    """Full-text search with facets, sorting and pages."""
    try:
        query = query_from_args(request.args, PER_PAGE)
        expanded = expanded_from_args(request.args)
    except InvalidParameter as error:
        abort(400, description=error.message)
    if not _canonical(query, expanded):
        return redirect(search_url(query, expanded=expanded))
    result = search(db_session(), query)
    if query.page > result.pages:
        abort(404)
    return render_template(
        "catalogue/search.html",
        result=result,
        query=query,
        facets=_facets(result, expanded),
        canonical=search_url(query, external=True),
        page_url=lambda page: search_url(replace(query, page=page), expanded=expanded),
        sorts=_sorts(),
        current_sort=_sort_value(query.sort),
        clear_url=search_url(SearchQuery(text=query.text, sort=query.sort)),
    )


def _canonical(query: SearchQuery, expanded: str | None) -> bool:
    """Whether the request's parameters (empty ones aside) are the canonical ones of ``query``
    and of the ``expanded`` facet."""
    given = [(name, value) for name, value in request.args.items(multi=True) if value]
    return given == query_args(query) + expanded_args(expanded)


def _sort_value(sort: Sort) -> str:
    """The sort select's value: empty for the default, so the form sends canonical URLs."""
    return "" if sort is Sort.RELEVANCE else SORT_PARAMETERS[sort]


def _sorts() -> tuple[tuple[str, str], ...]:
    """The sort select's options: value and label."""
    labels = {
        Sort.RELEVANCE: gettext("Relevanz"),
        Sort.CHANGED: gettext("Letzte Änderung"),
        Sort.MATURITY: gettext("Reifegrad"),
    }
    return tuple((_sort_value(sort), labels[sort]) for sort in Sort)


def _facets(result: SearchResult, expanded: str | None) -> tuple[Facet, ...]:
    """Every facet with the values it shows as links, the chosen ones first; all values only
    of the ``expanded`` facet."""
    return tuple(
        _facet(result.query, name, result.facets.get(name, ()), expanded=name == expanded)
        for name in FACETS
    )


def _facet(
    query: SearchQuery, name: str, values: tuple[FacetValue, ...], *, expanded: bool
) -> Facet:
    """One facet: its labels and URLs are made for the values shown only (the point of the
    short list: a catalogue may have hundreds of publishers)."""
    chosen = query.filters.get(name, frozenset())
    offered = _offered(chosen, values)
    short = max(FACET_VISIBLE, len(chosen))  # the chosen values come first and always show
    shown = offered if expanded else offered[:short]
    choices = tuple(
        Choice(
            value=value.value,
            label=facet_value_label(name, value),
            count=value.count,
            selected=value.value in chosen,
            url=search_url(_toggled(query, name, value.value)),
        )
        for value in shown
    )
    switch = _switch_url(query, name, expanded=expanded) if len(offered) > short else None
    return Facet(
        name=name,
        parameter=FACET_PARAMETERS[name],
        title=facet_title(name),
        choices=choices,
        total=len(offered),
        more_url=None if expanded else switch,
        less_url=switch if expanded else None,
    )


def _offered(chosen: frozenset[str], values: tuple[FacetValue, ...]) -> list[FacetValue]:
    """A facet's values in the page's order: the chosen ones (also those no component has),
    then the others that some component has, each by count."""
    known = {value.value for value in values}
    missing = [FacetValue(value, 0, True) for value in sorted(chosen - known)]
    first = [value for value in values if value.value in chosen]
    rest = [value for value in values if value.value not in chosen and value.count > 0]
    return [*first, *missing, *rest]


def _switch_url(query: SearchQuery, name: str, *, expanded: bool) -> str:
    """The same page with the facet's other list (all its values, or the short list), at the
    facet's heading, where the reader was."""
    return f"{search_url(query, expanded=None if expanded else name)}#facet-{name}"


def _toggled(query: SearchQuery, facet: str, value: str) -> SearchQuery:
    """``query`` with ``value`` of ``facet`` chosen, or removed when it was; first page."""
    filters: dict[str, frozenset[str]] = dict(query.filters)
    values = filters.get(facet, frozenset()) ^ {value}
    if values:
        filters[facet] = values
    else:
        filters.pop(facet, None)
    return replace(query, filters=filters, page=1)


def _topic_entries(overview: SearchResult) -> tuple[TopicEntry, ...]:
    """Every topic of topics.yml, in its order, with its number of components."""
    counts: Mapping[str, int] = {
        value.value: value.count for value in overview.facets.get("topic", ())
    }
    english = _english()
    return tuple(
        TopicEntry(
            topic=topic,
            label=topic.label_en if english else topic.label_de,
            description=topic.description_en if english else topic.description_de,
            count=counts.get(topic.id, 0),
            url=search_url(SearchQuery(filters={"topic": frozenset({topic.id})})),
        )
        for topic in load_topics()
    )


def _english() -> bool:
    return current_locale() == "en"


def init_app(app: Flask) -> None:
    """Register this domain's pages."""
    app.register_blueprint(blueprint)
