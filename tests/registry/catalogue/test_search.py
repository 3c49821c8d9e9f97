"""Searching the catalogue: text with German and English stems, facets, sorting and pages.

Every test runs on SQLite (FTS5) and PostgreSQL (tsvector) with the same data and the same
expectations: both backends give the same results.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registry.catalogue import _pages
from registry.catalogue import search as search_module
from registry.catalogue.search import FACETS, SearchQuery, SearchResult, Sort, search
from registry.harvest.ingest import store_record
from tests.registry import factories
from tests.registry.catalogue.conftest import OTHER_PUBLISHER, Catalogue

DAY = datetime.timedelta(days=1)


def names(result: SearchResult) -> list[str]:
    return [hit.name for hit in result.hits]


def found(catalogue: Catalogue, text: str = "", **options: object) -> list[str]:
    return names(search(catalogue.session, SearchQuery(text=text, **options)))  # type: ignore[arg-type]


def counts(result: SearchResult, facet: str) -> dict[str, int]:
    return {value.value: value.count for value in result.facets[facet]}


def chosen(**filters: set[str]) -> dict[str, frozenset[str]]:
    return {facet: frozenset(values) for facet, values in filters.items()}


def test_exports_exactly_the_public_api() -> None:
    assert sorted(search_module.__all__) == sorted(
        ["FACETS", "FacetValue", "Hit", "SearchQuery", "SearchResult", "Sort", "search"]
    )


# --- text ----------------------------------------------------------------------------------


def test_a_plural_finds_the_singular_through_the_german_stem(catalogue: Catalogue) -> None:
    catalogue.add("Parkleitsystem", short_de="Zeigt freie Parkplatz-Flächen.")
    catalogue.add("Mängelmelder", short_de="Schäden melden.")
    assert found(catalogue, "Parkplätze") == ["Parkleitsystem"]


def test_an_english_word_finds_through_the_english_stem(catalogue: Catalogue) -> None:
    catalogue.add("Sensorik", short_en="Parking sensors for the city centre.")
    catalogue.add("Mängelmelder", short_en="Report damage.")
    assert found(catalogue, "parking") == ["Sensorik"]
    assert found(catalogue, "park sensor") == ["Sensorik"]


def test_sharp_s_and_umlauts_match_their_spellings(catalogue: Catalogue) -> None:
    catalogue.add("Straßenlaternen", short_de="Defekte Laternen melden.")
    assert found(catalogue, "strassenlaternen") == ["Straßenlaternen"]
    assert found(catalogue, "STRASSENLATERNEN") == ["Straßenlaternen"]


def test_every_word_must_match(catalogue: Catalogue) -> None:
    catalogue.add("Parken", short_de="Freie Parkplätze in der Innenstadt.")
    catalogue.add("Radwege", short_de="Radwege in der Innenstadt.")
    assert found(catalogue, "Innenstadt Parkplätze") == ["Parken"]
    assert found(catalogue, "Innenstadt Bahnhof") == []


def test_a_quoted_phrase_matches_only_words_in_a_row(catalogue: Catalogue) -> None:
    catalogue.add("Zusammen", short_de="Offene Daten der Stadt.")
    catalogue.add("Getrennt", short_de="Daten sind offen für die Stadt.")
    assert found(catalogue, '"offene Daten"') == ["Zusammen"]
    assert sorted(found(catalogue, "offene Daten")) == ["Getrennt", "Zusammen"]


def test_a_phrase_matches_english_words_in_a_row_and_their_german_inflections(
    catalogue: Catalogue,
) -> None:
    catalogue.add("Sensors", short_en="Parking sensors for the city centre.")
    catalogue.add("Apart", short_en="Sensors report parking spaces.")
    catalogue.add("Plural", short_de="Offene Daten, die offenen Daten der Stadt.")
    assert found(catalogue, '"parking sensor"') == ["Sensors"]
    assert found(catalogue, '"offenen Daten"') == ["Plural"]


def test_a_phrase_does_not_match_across_two_texts(catalogue: Catalogue) -> None:
    catalogue.add("Ende", short_de="Erste Zeile endet mit Daten", features_de=("Offen",))
    catalogue.add("Gefunden", features_de=("Daten offen",))
    assert found(catalogue, '"Daten offen"') == ["Gefunden"]


def test_the_last_word_also_matches_as_a_prefix(catalogue: Catalogue) -> None:
    catalogue.add("Parkleitsystem", short_de="Freie Parkplätze finden.")
    assert found(catalogue, "freie Parkpl") == ["Parkleitsystem"]
    assert found(catalogue, "Parkpl freie") == []  # only the last word


def test_a_single_letter_is_no_prefix(catalogue: Catalogue) -> None:
    catalogue.add("Parkleitsystem", short_de="Freie Parkplätze finden.")
    assert found(catalogue, "p") == []


def test_name_publisher_and_features_are_searched(catalogue: Catalogue) -> None:
    catalogue.add("Kartendienst", features_de=("Baustellen auf der Karte",))
    catalogue.add("Bürgerkonto", publisher_id=OTHER_PUBLISHER)
    assert found(catalogue, "Kartendienst") == ["Kartendienst"]
    assert found(catalogue, "Baustellen") == ["Kartendienst"]
    assert found(catalogue, "Landkreis") == ["Bürgerkonto"]


def test_the_repository_name_is_searched_too(catalogue: Catalogue) -> None:
    catalogue.add("Mängelmelder", url="https://github.com/stadt-musterstadt/maengel-app.git")
    assert found(catalogue, "maengel") == ["Mängelmelder"]


def test_relevance_ranks_a_match_in_the_name_first(catalogue: Catalogue) -> None:
    catalogue.add("Meldeportal", short_de="Ein Baustellen-Meldeportal.", level=5)
    catalogue.add("Baustellen", short_de="Ein Portal.", level=0)
    catalogue.add("Kartendienst", features_de=("Baustellen",), level=1)
    assert found(catalogue, "Baustellen") == ["Baustellen", "Kartendienst", "Meldeportal"]


def test_within_relevance_the_higher_level_comes_first(catalogue: Catalogue) -> None:
    catalogue.add("Eins", short_de="Ein Baustellenportal.", level=1)
    catalogue.add("Drei", short_de="Ein Baustellenportal.", level=3)
    assert found(catalogue, "Baustellenportal") == ["Drei", "Eins"]


def test_text_without_words_lists_everything(catalogue: Catalogue) -> None:
    catalogue.add("Eins")
    catalogue.add("Zwei")
    result = search(catalogue.session, SearchQuery(text=' " * - ( '))
    assert result.total == 2


@pytest.mark.parametrize(
    "text",
    ['"', '""', "*", "AND (", "NEAR(", "-x", "'", "a OR b", "x:y", "{name}: x", "^x", "x NOT y",
     "'':*A", "a & b | !c", "a <-> b", "\\", "\x00", "%", "_", "(((", "§", "🙂", "ǅ"],
)  # fmt: skip
def test_query_syntax_of_the_engines_is_no_syntax_here(catalogue: Catalogue, text: str) -> None:
    catalogue.add("Mängelmelder", short_de="Bürger melden Schäden (AND, NEAR, OR).")
    result = search(catalogue.session, SearchQuery(text=text))
    assert result.total in (0, 1)


def test_engine_keywords_are_ordinary_words(catalogue: Catalogue) -> None:
    catalogue.add("Logik", short_de="Verknüpft mit AND und OR.")
    catalogue.add("Anderes", short_de="Nichts davon.")
    assert found(catalogue, "AND OR") == ["Logik"]
    assert found(catalogue, '"AND und OR"') == ["Logik"]
    assert found(catalogue, "OR NOT") == []


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(max_size=40))
def test_any_text_searches_without_error(catalogue: Catalogue, text: str) -> None:
    if not catalogue.made:
        catalogue.add("Mängelmelder", short_de='Bürger melden "Schäden" * AND NEAR(x).')
    result = search(catalogue.session, SearchQuery(text=text))
    assert result.total in (0, 1)
    assert len(result.hits) == result.total


# --- facets --------------------------------------------------------------------------------


def test_every_facet_is_present_even_when_empty(catalogue: Catalogue) -> None:
    catalogue.add("Eins")
    result = search(catalogue.session, SearchQuery())
    assert list(result.facets) == list(FACETS)
    assert result.facets["platform"] == ()


def test_an_empty_catalogue_has_no_hits_and_empty_facets(catalogue: Catalogue) -> None:
    result = search(catalogue.session, SearchQuery(text="Parkplatz"))
    assert (result.total, result.hits, result.pages) == (0, (), 1)
    assert all(values == () for values in result.facets.values())


def test_facets_count_the_values_of_all_matches(catalogue: Catalogue) -> None:
    catalogue.add("Eins", level=2, licence="EUPL-1.2", platforms=["web", "android"])
    catalogue.add("Zwei", level=2, licence="MIT", platforms=["web"])
    catalogue.add("Drei", level=4, licence="MIT", publisher_id=OTHER_PUBLISHER)
    result = search(catalogue.session, SearchQuery())
    assert counts(result, "level") == {"2": 2, "4": 1}
    assert counts(result, "licence") == {"MIT": 2, "EUPL-1.2": 1}
    assert counts(result, "platform") == {"web": 2, "android": 1}
    assert counts(result, "round") == {"2": 2, "3": 1}
    assert [value.value for value in result.facets["licence"]] == ["MIT", "EUPL-1.2"]


def test_facets_count_only_the_text_matches(catalogue: Catalogue) -> None:
    catalogue.add("Parken", level=2)
    catalogue.add("Radwege", level=3)
    result = search(catalogue.session, SearchQuery(text="Parken"))
    assert counts(result, "level") == {"2": 1}


def test_the_publisher_facet_is_labelled_with_its_name(catalogue: Catalogue) -> None:
    catalogue.add("Eins", publisher_id=OTHER_PUBLISHER)
    (value,) = search(catalogue.session, SearchQuery()).facets["publisher"]
    assert (value.value, value.label, value.count) == (OTHER_PUBLISHER, "Landkreis Beispiel", 1)


def test_values_of_one_facet_are_alternatives(catalogue: Catalogue) -> None:
    catalogue.add("Eins", level=1)
    catalogue.add("Zwei", level=2)
    catalogue.add("Drei", level=3)
    result = search(catalogue.session, SearchQuery(filters=chosen(level={"1", "3"})))
    assert sorted(names(result)) == ["Drei", "Eins"]


def test_facets_combine_with_and(catalogue: Catalogue) -> None:
    catalogue.add("Eins", level=1, licence="MIT")
    catalogue.add("Zwei", level=1, licence="EUPL-1.2")
    catalogue.add("Drei", level=3, licence="MIT")
    filters = chosen(level={"1"}, licence={"MIT"})
    assert found(catalogue, filters=filters) == ["Eins"]


def test_a_facets_counts_ignore_its_own_selection(catalogue: Catalogue) -> None:
    catalogue.add("Eins", level=1, licence="MIT")
    catalogue.add("Zwei", level=1, licence="EUPL-1.2")
    catalogue.add("Drei", level=3, licence="MIT")
    result = search(catalogue.session, SearchQuery(filters=chosen(licence={"MIT"})))
    assert result.total == 2
    assert counts(result, "licence") == {"MIT": 2, "EUPL-1.2": 1}
    assert counts(result, "level") == {"1": 1, "3": 1}
    selected = {value.value: value.selected for value in result.facets["licence"]}
    assert selected == {"MIT": True, "EUPL-1.2": False}


def test_with_two_facets_selected_each_counts_under_the_other(catalogue: Catalogue) -> None:
    catalogue.add("Eins", level=1, licence="MIT")
    catalogue.add("Zwei", level=1, licence="EUPL-1.2")
    catalogue.add("Drei", level=3, licence="MIT")
    filters = chosen(level={"1"}, licence={"MIT"})
    result = search(catalogue.session, SearchQuery(filters=filters))
    assert counts(result, "licence") == {"MIT": 1, "EUPL-1.2": 1}
    assert counts(result, "level") == {"1": 1, "3": 1}
    assert counts(result, "publisher") == {factories.PUBLISHER_ID: 1}


def test_an_unknown_value_matches_nothing_and_stays_selected(catalogue: Catalogue) -> None:
    catalogue.add("Eins", licence="MIT")
    result = search(catalogue.session, SearchQuery(filters=chosen(licence={"WTFPL"})))
    assert (result.total, result.hits) == (0, ())
    assert [(v.value, v.count, v.selected) for v in result.facets["licence"]] == [
        ("MIT", 1, False),
        ("WTFPL", 0, True),
    ]


def test_an_unknown_facet_is_ignored(catalogue: Catalogue) -> None:
    catalogue.add("Eins")
    result = search(catalogue.session, SearchQuery(filters=chosen(colour={"red"})))
    assert result.total == 1
    assert "colour" not in result.facets and "colour" not in result.query.filters


def test_levels_include_unknown_for_a_component_without_a_good_harvest(
    catalogue: Catalogue,
) -> None:
    catalogue.add("Eins", level=0)
    catalogue.session.flush()
    store_failure(catalogue)
    result = search(catalogue.session, SearchQuery(filters=chosen(level={"unknown"})))
    assert names(result) == ["kaputt"]
    assert counts(result, "level") == {"0": 1, "unknown": 1}


def store_failure(catalogue: Catalogue) -> None:
    failed = factories.failed_record("https://github.com/stadt-musterstadt/kaputt.git")
    store_record(catalogue.session, catalogue.run_id, failed)


# --- sorting and pages ---------------------------------------------------------------------


def test_maturity_sorts_the_highest_level_first_and_unknown_last(catalogue: Catalogue) -> None:
    catalogue.add("Zwei", level=2)
    store_failure(catalogue)
    catalogue.add("Fünf", level=5)
    catalogue.add("Null", level=0)
    assert found(catalogue, sort=Sort.MATURITY) == ["Fünf", "Zwei", "Null", "kaputt"]


def test_without_text_relevance_sorts_like_maturity(catalogue: Catalogue) -> None:
    catalogue.add("Zwei", level=2)
    catalogue.add("Fünf", level=5)
    assert found(catalogue) == found(catalogue, sort=Sort.MATURITY) == ["Fünf", "Zwei"]


def test_on_one_level_the_newest_change_comes_first(catalogue: Catalogue) -> None:
    catalogue.add("Alt", level=2, changed=factories.NOW - 9 * DAY)
    catalogue.add("Neu", level=2, changed=factories.NOW)
    catalogue.add("Unbekannt", level=2, changed=None)
    assert found(catalogue, sort=Sort.MATURITY) == ["Neu", "Alt", "Unbekannt"]


def test_last_change_sorts_the_newest_first_and_unknown_last(catalogue: Catalogue) -> None:
    catalogue.add("Alt", level=5, changed=factories.NOW - 400 * DAY)
    catalogue.add("Unbekannt", level=5, changed=None)
    catalogue.add("Neu", level=0, changed=factories.NOW)
    assert found(catalogue, sort=Sort.CHANGED) == ["Neu", "Alt", "Unbekannt"]


def test_ties_break_by_component_id_the_newest_first(catalogue: Catalogue) -> None:
    first = catalogue.add("Erste", level=2)
    second = catalogue.add("Zweite", level=2)
    result = search(catalogue.session, SearchQuery(sort=Sort.CHANGED))
    assert [hit.component_id for hit in result.hits] == [second, first]


def test_pages_follow_each_other_without_gaps(catalogue: Catalogue) -> None:
    for level in range(6):
        catalogue.add(f"Stufe {level}", level=level, short_de="Ein Portal.")
    everything = found(catalogue, "Portal")
    pages = [found(catalogue, "Portal", page=page, per_page=4) for page in (1, 2, 3)]
    assert pages[0] + pages[1] == everything and pages[2] == []
    result = search(catalogue.session, SearchQuery(text="Portal", page=3, per_page=4))
    assert (result.total, result.pages) == (6, 2)


def test_page_and_page_size_are_kept_in_range(catalogue: Catalogue) -> None:
    catalogue.add("Eins")
    result = search(catalogue.session, SearchQuery(page=0, per_page=1000))
    assert (result.query.page, result.query.per_page) == (1, search_module.MAX_PER_PAGE)
    assert names(result) == ["Eins"]


@pytest.mark.parametrize("text", ["", "Portal"])
@pytest.mark.parametrize("sort", list(Sort))
def test_pages_are_the_same_whether_sorted_here_or_read_in_order(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch, text: str, sort: Sort
) -> None:
    for number in range(12):
        changed = None if number % 5 == 0 else factories.NOW - number * 40 * DAY
        catalogue.add(f"K{number}", level=number % 4, changed=changed, short_de="Portal")
    query = SearchQuery(text=text, sort=sort, filters=chosen(licence={"EUPL-1.2"}), per_page=5)
    sorted_here = [found_by(catalogue, replace(query, page=page)) for page in (1, 2, 3)]
    monkeypatch.setattr(_pages, "SORT_HERE", 0)
    read_in_order = [found_by(catalogue, replace(query, page=page)) for page in (1, 2, 3)]
    assert sorted_here == read_in_order
    every = [name for page in sorted_here for name in page]
    assert sorted(every) == sorted(f"K{number}" for number in range(12))


# --- hits ----------------------------------------------------------------------------------


def test_a_hit_shows_the_component_without_a_second_query(catalogue: Catalogue) -> None:
    component_id = catalogue.add(
        "Mängelmelder",
        short_de="Schäden melden.",
        short_en="Report damage.",
        level=3,
        licence="EUPL-1.2",
        found_licences=("MIT",),
        developmentStatus="stable",
        intendedAudience={"scope": ["local-authorities", "transportation"]},
        logo="https://example.org/logo.png",
    )
    (hit,) = search(catalogue.session, SearchQuery(text="Mängelmelder")).hits
    assert hit.component_id == component_id
    assert (hit.name, hit.description_de, hit.description_en) == (
        "Mängelmelder",
        "Schäden melden.",
        "Report damage.",
    )
    assert (hit.publisher_id, hit.publisher_name) == (factories.PUBLISHER_ID, "Smarte Musterstadt")
    assert (hit.level, hit.archived, hit.incomplete, hit.status) == (3, False, False, "stable")
    assert hit.licences == ("EUPL-1.2", "MIT")
    assert hit.topics == ("mobilitaet", "verwaltung")
    assert hit.last_change == factories.NOW
    assert hit.logo_url == "https://example.org/logo.png"


# --- both backends -------------------------------------------------------------------------

QUERIES = [
    (SearchQuery(text="Parkplätze"), ["Parkleitsystem"]),
    (SearchQuery(text="garage"), ["Parkhaus"]),
    (SearchQuery(text="parking"), ["Parkleitsystem", "Parkhaus"]),  # "park" is a prefix of both
    (SearchQuery(text='"freie Parkplätze"'), ["Parkleitsystem"]),
    (SearchQuery(text="Park"), ["Parkleitsystem", "Parkhaus"]),
    (SearchQuery(text="Melder"), ["Mängelmelder"]),
    (SearchQuery(sort=Sort.CHANGED), ["Parkhaus", "Mängelmelder", "Parkleitsystem"]),
    (SearchQuery(filters=chosen(level={"2", "4"})), ["Parkleitsystem", "Mängelmelder"]),
    (SearchQuery(text="Park", filters=chosen(topic={"mobilitaet"})), ["Parkleitsystem"]),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_both_databases_give_the_same_results(
    catalogue: Catalogue, query: SearchQuery, expected: list[str]
) -> None:
    catalogue.add(
        "Parkleitsystem",
        level=4,
        changed=factories.NOW - 30 * DAY,
        short_de="Zeigt freie Parkplätze an.",
        intendedAudience={"scope": ["transportation"]},
    )
    catalogue.add("Parkhaus", level=1, changed=factories.NOW, short_en="Parking garage sensors.")
    catalogue.add("Mängelmelder", level=2, changed=factories.NOW - DAY, short_de="Schäden melden.")
    assert found_by(catalogue, query) == expected


def found_by(catalogue: Catalogue, query: SearchQuery) -> list[str]:
    return names(search(catalogue.session, query))
