"""What readers see for levels, rounds, statuses, topics and facet values, in both languages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from harvester.maturity import load_model
from registry.app import create_app
from registry.catalogue._labels import (
    facet_title,
    facet_value_label,
    language_label,
    level_label,
    platform_label,
    round_label,
    status_label,
    topic_label,
)
from registry.catalogue.search import FACETS, FacetValue
from registry.catalogue.topics import load_topics


@pytest.fixture(scope="module")
def app() -> Flask:
    return create_app({"TESTING": True})


@pytest.fixture(params=["de", "en"])
def language(request: pytest.FixtureRequest, app: Flask) -> Iterator[str]:
    with app.test_request_context(headers={"Accept-Language": request.param}):
        yield request.param


@pytest.fixture
def german(app: Flask) -> Iterator[None]:
    with app.test_request_context(headers={"Accept-Language": "de"}):
        yield


@pytest.fixture
def english(app: Flask) -> Iterator[None]:
    with app.test_request_context(headers={"Accept-Language": "en"}):
        yield


@pytest.mark.usefixtures("german")
@pytest.mark.parametrize(
    ("level", "label"),
    [
        (0, "Stufe 0 · Gelistet"),
        (3, "Stufe 3 · Nachnutzbar"),
        ("5", "Stufe 5 · Nachgenutzt"),
        (None, "nicht bewertet"),
        ("unknown", "nicht bewertet"),
    ],
)
def test_levels_in_german(level: int | str | None, label: str) -> None:
    assert level_label(level) == label


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("level", "label"),
    [(3, "Level 3 · Ready for reuse"), (None, "not rated"), ("unknown", "not rated")],
)
def test_levels_in_english(level: int | str | None, label: str) -> None:
    assert level_label(level) == label


def test_every_level_of_the_model_has_its_name(language: str) -> None:
    for level in load_model("1.0").levels:
        name = level.name.de if language == "de" else level.name.en
        assert level_label(level.number).endswith(f" · {name}")


@pytest.mark.usefixtures("german")
def test_values_without_a_name_are_shown_as_they_are() -> None:
    assert level_label(9) == "Stufe 9"
    assert level_label("hoch") == "hoch"
    assert round_label("7") == "7"
    assert status_label("fertig") == "fertig"
    assert topic_label("gibt-es-nicht") == "gibt-es-nicht"
    assert platform_label("amiga") == "amiga"


@pytest.mark.usefixtures("german")
@pytest.mark.parametrize(
    ("value", "label"),
    [("1", "Staffel 1 (2019)"), (2020, "Staffel 2 (2020)"), ("2021", "Staffel 3 (2021)")],
)
def test_rounds_by_number_or_year(value: int | str, label: str) -> None:
    assert round_label(value) == label


@pytest.mark.usefixtures("english")
def test_rounds_in_english() -> None:
    assert round_label("1") == "Round 1 (2019)"


@pytest.mark.usefixtures("german")
def test_statuses_in_german_and_a_missing_one_as_unknown() -> None:
    assert [status_label(s) for s in ("concept", "development", "beta", "stable", "obsolete")] == [
        "Konzept",
        "In Entwicklung",
        "Beta",
        "Stabil",
        "Veraltet",
    ]
    assert status_label(None) == "unbekannt"


def test_topics_by_their_name_in_the_readers_language(language: str) -> None:
    topic = load_topics()[0]
    assert topic_label(topic.id) == (topic.label_de if language == "de" else topic.label_en)


def test_languages_by_their_name(language: str) -> None:
    assert language_label("en") == {"de": "Englisch", "en": "English"}[language]
    assert language_label("xx") == "xx"


def test_every_facet_has_a_title(language: str) -> None:
    titles = [facet_title(facet) for facet in FACETS]
    assert all(title and title not in FACETS for title in titles)
    assert len(set(titles)) == len(FACETS)


@pytest.mark.usefixtures("german")
def test_facet_values_are_labelled_by_their_facet() -> None:
    assert (
        facet_value_label("publisher", FacetValue("mpsc-x", 1, False, "Smarte Stadt"))
        == "Smarte Stadt"
    )
    assert facet_value_label("publisher", FacetValue("mpsc-x", 1, False)) == "mpsc-x"
    assert facet_value_label("level", FacetValue("unknown", 1, False)) == "nicht bewertet"
    assert facet_value_label("round", FacetValue("3", 1, False)) == "Staffel 3 (2021)"
    assert facet_value_label("platform", FacetValue("ios", 1, False)) == "iOS"
    assert facet_value_label("licence", FacetValue("EUPL-1.2", 1, False)) == "EUPL-1.2"
