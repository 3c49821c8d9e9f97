"""The default sources file: the 73 Model Projects Smart Cities (harvester/sources/mpsc.yml)."""

from __future__ import annotations

import collections
import re

import pytest

from harvester.records import CodeHosting, Publisher
from harvester.sources import load_default_sources
from harvester.urls import normalise_repository_url

CATEGORIES = {
    "Großstadt",
    "Mittlere Stadt",
    "Kleinstadt/Landgemeinde",
    "Interkommunale Kooperation",
    "Landkreis",
}


@pytest.fixture(scope="module")
def publishers() -> tuple[Publisher, ...]:
    return load_default_sources()


def _by_id(publishers: tuple[Publisher, ...]) -> dict[str, Publisher]:
    return {p.id: p for p in publishers}


def test_lists_73_model_projects(publishers: tuple[Publisher, ...]) -> None:
    assert len(publishers) == 73
    assert {p.kind for p in publishers} == {"model-project"}


def test_has_13_32_and_28_projects_per_round(publishers: tuple[Publisher, ...]) -> None:
    assert collections.Counter(p.round for p in publishers) == {2019: 13, 2020: 32, 2021: 28}


def test_ids_are_unique_and_start_with_mpsc(publishers: tuple[Publisher, ...]) -> None:
    ids = [p.id for p in publishers]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"mpsc-[a-z0-9-]+", i) for i in ids)


def test_every_project_has_a_category_and_a_member(publishers: tuple[Publisher, ...]) -> None:
    assert {p.category for p in publishers} == CATEGORIES
    assert all(p.members for p in publishers)


def test_every_ags_is_8_digits_with_a_land_code(publishers: tuple[Publisher, ...]) -> None:
    codes = [m.ags for p in publishers for m in p.members if m.ags is not None]
    assert codes
    assert all(re.fullmatch(r"(0[1-9]|1[0-6])[0-9]{6}", code) for code in codes)


def test_no_ags_is_given_twice(publishers: tuple[Publisher, ...]) -> None:
    codes = [m.ags for p in publishers for m in p.members if m.ags is not None]
    assert len(set(codes)) == len(codes)


def test_connected_urban_twins_are_hamburg_leipzig_and_muenchen(
    publishers: tuple[Publisher, ...],
) -> None:
    twins = _by_id(publishers)["mpsc-connected-urban-twins"]
    assert [(m.name, m.ags) for m in twins.members] == [
        ("Hamburg", "02000000"),
        ("Leipzig", "14713000"),
        ("München", "09162000"),
    ]
    assert twins.round == 2020


@pytest.mark.parametrize(
    ("identifier", "round_", "category"),
    [
        ("mpsc-solingen", 2019, "Großstadt"),
        ("mpsc-hassfurt", 2019, "Kleinstadt/Landgemeinde"),
        ("mpsc-suedwestfalen", 2019, "Interkommunale Kooperation"),
        ("mpsc-jena", 2020, "Großstadt"),
        ("mpsc-kirchheim", 2020, "Kleinstadt/Landgemeinde"),
        ("mpsc-konstanz", 2021, "Mittlere Stadt"),
        ("mpsc-vorpommern-greifswald", 2021, "Interkommunale Kooperation"),
        ("mpsc-landkreis-hameln-pyrmont", 2021, "Landkreis"),
    ],
)
def test_rounds_and_categories_as_announced(
    publishers: tuple[Publisher, ...], identifier: str, round_: int, category: str
) -> None:
    publisher = _by_id(publishers)[identifier]
    assert (publisher.round, publisher.category) == (round_, category)


def test_suedwestfalen_has_its_five_towns(publishers: tuple[Publisher, ...]) -> None:
    members = _by_id(publishers)["mpsc-suedwestfalen"].members
    assert [m.name for m in members] == ["Arnsberg", "Olpe", "Menden", "Soest", "Bad Berleburg"]


@pytest.mark.parametrize(
    ("identifier", "hosting"),
    [
        ("mpsc-solingen", [("https://github.com/Klingenstadt-Solingen", True, "github")]),
        (
            "mpsc-ulm",
            [
                ("https://github.com/stadtulm", True, "github"),
                ("https://gitlab.opencode.de/smart-city-ulm", True, "gitlab"),
            ],
        ),
        ("mpsc-jena", [("https://github.com/de-jena", True, "github")]),
        ("mpsc-konstanz", [("https://github.com/sgc-kn", True, "github")]),
        (
            "mpsc-connected-urban-twins",
            [
                ("https://github.com/citysciencelab", True, "github"),
                ("https://github.com/digitalcityscience", True, "github"),
                ("https://github.com/it-at-m", True, "github"),
                ("https://gitlab.opencode.de/geowerkstatt-hamburg", True, "gitlab"),
            ],
        ),
        ("mpsc-muenster", [("https://gitlab.opencode.de/smart-city-muenster", True, "gitlab")]),
        ("mpsc-potsdam", [("https://gitlab.opencode.de/smart-city-potsdam", True, "gitlab")]),
        (
            "mpsc-wuppertal",
            [
                ("https://github.com/topicmaps-wuppertal", True, "github"),
                ("https://github.com/digital-twin-wuppertal-live", True, "github"),
            ],
        ),
        ("mpsc-hassfurt", [("https://github.com/smart-green-city-hassfurt", True, "github")]),
        ("mpsc-regensburg", [("https://github.com/StadtRegensburg", True, "github")]),
        ("mpsc-berlin", [("https://github.com/technologiestiftung", True, "github")]),
        (
            "mpsc-guben",
            [("https://github.com/smart-village-solutions/guben-cockpit-old", False, "github")],
        ),
        (
            "mpsc-landkreis-hameln-pyrmont",
            [
                ("https://gitlab.opencode.de/OC000075481431/open-locker", False, "gitlab"),
                ("https://github.com/Open-Locker/Open-Locker", False, "github"),
            ],
        ),
    ],
)
def test_code_hosting_named_in_the_design_notes(
    publishers: tuple[Publisher, ...], identifier: str, hosting: list[tuple[str, bool, str]]
) -> None:
    assert _by_id(publishers)[identifier].code_hosting == tuple(
        CodeHosting(url, group, driver) for url, group, driver in hosting
    )


def test_only_the_named_projects_have_code_hosting(publishers: tuple[Publisher, ...]) -> None:
    assert sum(1 for p in publishers if p.code_hosting) == 13


def test_no_repository_url_is_listed_twice(publishers: tuple[Publisher, ...]) -> None:
    keys = [normalise_repository_url(h.url) for p in publishers for h in p.code_hosting]
    assert len(set(keys)) == len(keys)
