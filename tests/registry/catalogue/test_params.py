"""The search page's URL parameters <-> SearchQuery: lenient where it can be, clear where not."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from registry.app import create_app
from registry.catalogue._params import (
    FACET_PARAMETERS,
    MAX_PAGE,
    MAX_TEXT,
    MAX_VALUES,
    InvalidParameter,
    expanded_args,
    expanded_from_args,
    query_args,
    query_from_args,
)
from registry.catalogue.search import FACETS, SearchQuery, Sort


@pytest.fixture(scope="module")
def app() -> Flask:
    return create_app({"TESTING": True})


@pytest.fixture(autouse=True)
def request_context(app: Flask) -> Iterator[None]:
    """Messages are translated, so parsing happens in a (German) request."""
    with app.test_request_context():
        yield


def parse(*pairs: tuple[str, str]) -> SearchQuery:
    return query_from_args(MultiDict(pairs))


def test_no_parameters_is_the_whole_catalogue() -> None:
    assert parse() == SearchQuery()


def test_every_parameter_is_read() -> None:
    query = parse(
        ("q", "Parkplätze finden"),
        ("thema", "mobilitaet"),
        ("kategorie", "it-development"),
        ("lizenz", "EUPL-1.2"),
        ("lizenz", "MIT"),
        ("reifegrad", "3"),
        ("herausgeber", "mpsc-musterstadt"),
        ("staffel", "1"),
        ("plattform", "web"),
        ("status", "stable"),
        ("sprache", "de"),
        ("sortierung", "aenderung"),
        ("seite", "3"),
    )
    assert query == SearchQuery(
        text="Parkplätze finden",
        filters={
            "topic": frozenset({"mobilitaet"}),
            "category": frozenset({"it-development"}),
            "licence": frozenset({"EUPL-1.2", "MIT"}),
            "level": frozenset({"3"}),
            "publisher": frozenset({"mpsc-musterstadt"}),
            "round": frozenset({"1"}),
            "platform": frozenset({"web"}),
            "status": frozenset({"stable"}),
            "language": frozenset({"de"}),
        },
        sort=Sort.CHANGED,
        page=3,
    )


def test_every_facet_has_a_parameter() -> None:
    assert set(FACET_PARAMETERS) == set(FACETS)
    assert len(set(FACET_PARAMETERS.values())) == len(FACETS)


@pytest.mark.parametrize(
    ("value", "sort"),
    [("relevanz", Sort.RELEVANCE), ("aenderung", Sort.CHANGED), ("reifegrad", Sort.MATURITY)],
)
def test_sort_values_are_german(value: str, sort: Sort) -> None:
    assert parse(("sortierung", value)).sort is sort


def test_unknown_parameters_and_empty_values_are_ignored() -> None:
    query = parse(("utm_source", "x"), ("q", ""), ("lizenz", ""), ("sortierung", ""), ("seite", ""))
    assert query == SearchQuery()


def test_text_and_values_are_trimmed_and_stripped_of_control_characters() -> None:
    query = parse(("q", "  Park\x00plätze \t\n finden "), ("lizenz", " MIT\u200b "))
    assert query.text == "Park plätze finden"
    assert query.filters["licence"] == frozenset({"MIT"})


def test_repeated_values_count_once() -> None:
    assert parse(("lizenz", "MIT"), ("lizenz", "MIT")).filters == {"licence": frozenset({"MIT"})}


@pytest.mark.parametrize("page", ["0", "-1", "x", "1.5", "\uff11", str(MAX_PAGE + 1), "9" * 40])
def test_a_page_that_is_not_a_page_number_is_refused(page: str) -> None:
    with pytest.raises(InvalidParameter) as raised:
        parse(("seite", page))
    assert raised.value.parameter == "seite"
    assert "Seitenzahl" in raised.value.message


def test_an_unknown_sort_is_refused_with_the_choices() -> None:
    with pytest.raises(InvalidParameter) as raised:
        parse(("sortierung", "name"))
    assert "relevanz, aenderung, reifegrad" in raised.value.message


def test_an_overlong_text_is_refused() -> None:
    parse(("q", "a" * MAX_TEXT))
    with pytest.raises(InvalidParameter, match="q"):
        parse(("q", "a" * (MAX_TEXT + 1)))


def test_too_many_values_of_one_facet_are_refused() -> None:
    parse(*(("lizenz", f"L{n}") for n in range(MAX_VALUES)))
    with pytest.raises(InvalidParameter, match="lizenz"):
        parse(*(("lizenz", f"L{n}") for n in range(MAX_VALUES + 1)))


def test_an_overlong_value_is_refused() -> None:
    with pytest.raises(InvalidParameter, match="thema"):
        parse(("thema", "x" * (MAX_TEXT + 1)))


def test_arguments_are_written_in_canonical_order() -> None:
    query = SearchQuery(
        text="Park",
        filters={
            "status": frozenset({"stable"}),
            "licence": frozenset({"MIT", "EUPL-1.2"}),
            "topic": frozenset({"mobilitaet"}),
        },
        sort=Sort.MATURITY,
        page=2,
    )
    assert query_args(query) == [
        ("q", "Park"),
        ("thema", "mobilitaet"),
        ("lizenz", "EUPL-1.2"),
        ("lizenz", "MIT"),
        ("status", "stable"),
        ("sortierung", "reifegrad"),
        ("seite", "2"),
    ]


def test_defaults_are_left_out_of_the_arguments() -> None:
    assert query_args(SearchQuery()) == []
    assert query_args(SearchQuery(sort=Sort.RELEVANCE, page=1)) == []


@pytest.mark.parametrize("facet", FACETS)
def test_alle_names_the_facet_to_list_whole_and_is_not_part_of_the_query(facet: str) -> None:
    args = MultiDict(expanded_args(facet))
    assert list(args.items()) == [("alle", FACET_PARAMETERS[facet])]
    assert expanded_from_args(args) == facet
    assert query_from_args(args) == SearchQuery()


def test_no_alle_or_an_empty_one_lists_no_facet_whole() -> None:
    assert expanded_from_args(MultiDict()) is None
    assert expanded_from_args(MultiDict([("alle", " ")])) is None
    assert expanded_args(None) == []


def test_alle_naming_no_facet_parameter_is_refused_with_the_choices() -> None:
    with pytest.raises(InvalidParameter) as raised:
        expanded_from_args(MultiDict([("alle", "publisher")]))  # a facet's name, not its parameter
    assert raised.value.parameter == "alle"
    assert "thema, kategorie, lizenz" in raised.value.message


def _words(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    """Text as the page keeps it: NFC, no control characters, no spaces at all."""
    letters = st.characters(blacklist_categories=("C", "Z"))
    text = st.text(letters, min_size=min_size, max_size=max_size)
    return text.map(lambda value: unicodedata.normalize("NFC", value))


_values = st.frozensets(_words(1, 12), max_size=3)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=_words(0, 30),
    filters=st.dictionaries(st.sampled_from(FACETS), _values.filter(bool)),
    sort=st.sampled_from(Sort),
    page=st.integers(1, MAX_PAGE),
)
def test_a_query_survives_the_round_trip_through_its_url(
    text: str, filters: dict[str, frozenset[str]], sort: Sort, page: int
) -> None:
    query = SearchQuery(text=text, filters=filters, sort=sort, page=page)
    assert query_from_args(MultiDict(query_args(query))) == query
