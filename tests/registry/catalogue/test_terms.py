"""Words answered from postings per stem: the same answers as the full-text index, kept current."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from registry.catalogue import _terms
from registry.catalogue._backend import backend
from registry.catalogue._bitmaps import decode
from registry.catalogue._textquery import SHORT, SHORT_FIELDS, parse
from registry.catalogue.models import CatalogueEntry, CatalogueTerm
from registry.catalogue.projection import rebuild_all, refresh_entries
from registry.components.models import Component
from tests.registry.catalogue.conftest import OTHER_PUBLISHER, Catalogue

FIELDS_ASKED = (None, SHORT, *SHORT_FIELDS)
QUERIES = (
    "Parkplatz",
    "Parkplätze",
    "parking",
    "Park",
    "Pa",
    "Parkplätze Innenstadt",
    '"freie Parkplätze"',
    '"freie Parkplätze" Sensor',
    "Landkreis",
    "Beispiel Mängel",
    "Sensoren melden",
    "nichts",
)


def every(catalogue: Catalogue) -> int:
    ids = catalogue.session.scalars(select(CatalogueEntry.component_id))
    return sum(1 << component_id for component_id in ids)


def by_postings(catalogue: Catalogue, text: str, field: str | None = None) -> int:
    query = parse(text)
    assert query is not None
    return _terms.matching(catalogue.session, query, every(catalogue), field)


def by_index(catalogue: Catalogue, text: str, field: str | None = None) -> int:
    query = parse(text)
    assert query is not None
    return backend(catalogue.session).matching(catalogue.session, query, every(catalogue), field)


@pytest.fixture
def parking(catalogue: Catalogue) -> Catalogue:
    catalogue.add("Parkleitsystem", short_de="Freie Parkplätze in der Innenstadt finden.")
    catalogue.add("Parkplatz-Sensoren", short_en="Parking sensors report free spaces.")
    catalogue.add(
        "Mängelmelder",
        features_de=("Freie Parkplätze melden", "Sensoren melden Schäden"),
        publisher_id=OTHER_PUBLISHER,
    )
    catalogue.add("Parkhaus", short_de="Parken im Parkhaus am Bahnhof.")
    return catalogue


@pytest.mark.parametrize("field", FIELDS_ASKED)
@pytest.mark.parametrize("text", QUERIES)
def test_postings_answer_as_the_full_text_index(
    parking: Catalogue, text: str, field: str | None
) -> None:
    assert by_postings(parking, text, field) == by_index(parking, text, field)


def test_words_are_answered_without_the_full_text_index(parking: Catalogue) -> None:
    parking.session.execute(CatalogueTerm.__table__.delete())
    assert by_index(parking, "Parkplätze") != 0
    assert by_postings(parking, "Parkplätze") == 0  # so the postings were what answered


def test_a_phrase_of_two_words_is_answered_without_the_full_text_index(
    parking: Catalogue,
) -> None:
    assert (
        by_postings(parking, '"freie Parkplätze"') == by_index(parking, '"freie Parkplätze"') != 0
    )
    parking.session.execute(CatalogueTerm.__table__.delete())
    assert by_postings(parking, '"freie Parkplätze"') == 0


def test_a_changed_text_leaves_the_old_words_and_takes_the_new(catalogue: Catalogue) -> None:
    url = "https://github.com/stadt-musterstadt/parken.git"
    catalogue.add("Parkleitsystem", url=url, short_de="Freie Parkplätze finden.")
    catalogue.add("Parkleitsystem", url=url, short_de="Ladesäulen finden.")
    assert by_postings(catalogue, "Parkplätze") == 0 == by_index(catalogue, "Parkplätze")
    assert by_postings(catalogue, '"freie Parkplätze"') == 0
    assert by_postings(catalogue, "Ladesäulen") == by_index(catalogue, "Ladesäulen") != 0


def test_a_deleted_component_is_found_no_more(parking: Catalogue) -> None:
    before = by_postings(parking, "Parkplätze")
    gone = parking.session.scalars(select(Component).where(Component.name == "Parkhaus")).one()
    parking.session.delete(gone)
    parking.session.flush()
    refresh_entries(parking.session, [gone.id])
    assert by_postings(parking, "Park") == by_index(parking, "Park")
    assert by_postings(parking, "Parkplätze") == before


def test_a_prefix_spanning_too_many_stems_is_left_to_the_index(
    parking: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_terms, "MAX_PREFIX_TERMS", 1)
    assert by_postings(parking, "Park") == by_index(parking, "Park") != 0


WORDS = ("Park", "Parken", "Platz", "Plätze", "Daten", "offene", "Karte", "Stadt", "data")


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    texts=st.lists(st.lists(st.sampled_from(WORDS), max_size=6), min_size=1, max_size=4),
    asked=st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
    quoted=st.booleans(),
    field=st.sampled_from(FIELDS_ASKED),
)
def test_any_words_are_answered_as_the_full_text_index_does(
    catalogue: Catalogue, texts: list[list[str]], asked: list[str], quoted: bool, field: str | None
) -> None:
    for number, words in enumerate(texts):
        url = f"https://github.com/stadt-musterstadt/generated-{number}.git"
        name = " ".join(words[:2]) or None
        catalogue.add(name, url=url, short_de=" ".join(words), features_de=tuple(words[2:]))
    text = " ".join(asked)
    text = f'"{text}"' if quoted else text
    assert by_postings(catalogue, text, field) == by_index(catalogue, text, field)


def stored_terms(catalogue: Catalogue) -> dict[tuple[str, str], int]:
    rows = catalogue.session.execute(
        select(CatalogueTerm.field, CatalogueTerm.term, CatalogueTerm.postings)
    )
    found = {(field, term): decode(data) for field, term, data in rows}
    return {key: bitmap for key, bitmap in found.items() if bitmap}


def test_a_rebuild_writes_the_terms_a_refresh_of_everything_writes(parking: Catalogue) -> None:
    ids = list(parking.session.scalars(select(CatalogueEntry.component_id)))
    refresh_entries(parking.session, ids)
    refreshed = stored_terms(parking)
    assert rebuild_all(parking.session) == len(ids)
    assert stored_terms(parking) == refreshed
    assert ("*/2", "freie parkplatz") in refreshed
    assert by_postings(parking, '"freie Parkplätze" Innenstadt') == by_index(
        parking, '"freie Parkplätze" Innenstadt'
    )
