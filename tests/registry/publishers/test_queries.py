"""Publishers with their components' levels: the index by funding round and one publisher's
page, counted in the database on both backends."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.orm import Session

import registry.publishers.queries
from harvester import records
from registry.harvest.ingest import start_run, store_record, upsert_publishers
from registry.publishers.queries import LevelCounts, publisher_index, publisher_page
from tests.registry import factories

PUBLISHERS = [
    factories.publisher("mpsc-ulm", name="Ulm", round=2019, category="Großstadt"),
    factories.publisher("mpsc-solingen", name="Solingen", round=2019, category="Großstadt"),
    factories.publisher("mpsc-jena", name="Jena", round=2020, category="Großstadt"),
    factories.publisher("mpsc-guben", name="Guben", round=2021, category="Kleinstadt"),
    factories.publisher(
        "stadt-x", name="Stadt X", kind="municipality", round=None, category=None, members=()
    ),
    factories.publisher("vendor-y", name="Anbieter Y", kind="vendor", round=None, category=None),
]


def url(name: str) -> str:
    return f"https://github.com/stadtulm/{name}.git"


def archived(record: records.HarvestRecord) -> records.HarvestRecord:
    return replace(record, maturity=replace(record.maturity, archived=True))


def fill(db_session: Session) -> Session:
    """Six publishers; Ulm with two components at level 2, an archived one at level 3 and
    one never harvested well; Stadt X with one at level 0."""
    upsert_publishers(db_session, PUBLISHERS)
    run = start_run(db_session, harvester_version="0.1.0")
    for record in (
        factories.ok_record(url("b-app"), publisher_id="mpsc-ulm", level=2, name="Beta"),
        factories.ok_record(url("a-app"), publisher_id="mpsc-ulm", level=2, name="alpha"),
        archived(factories.ok_record(url("c-app"), publisher_id="mpsc-ulm", level=3, name="Gamma")),
        replace(factories.failed_record(url("d-app")), publisher_id="mpsc-ulm"),
        factories.ok_record(url("e-app"), publisher_id="stadt-x", level=0, name="Epsilon"),
    ):
        store_record(db_session, run.id, record)
    db_session.commit()
    return db_session


@pytest.fixture
def catalogue(db_session: Session) -> Session:
    return fill(db_session)


def test_model_projects_are_grouped_by_round_then_listed_by_name(catalogue: Session) -> None:
    index = publisher_index(catalogue)
    assert [(g.number, g.year, [p.id for p in g.publishers]) for g in index.rounds] == [
        (1, 2019, ["mpsc-solingen", "mpsc-ulm"]),
        (2, 2020, ["mpsc-jena"]),
        (3, 2021, ["mpsc-guben"]),
    ]


def test_other_publishers_are_listed_after_the_model_projects(catalogue: Session) -> None:
    assert [p.id for p in publisher_index(catalogue).others] == ["vendor-y", "stadt-x"]


def test_each_publisher_counts_its_components_per_level(catalogue: Session) -> None:
    index = publisher_index(catalogue)
    ulm = next(p for g in index.rounds for p in g.publishers if p.id == "mpsc-ulm")
    assert ulm.components == 4
    assert ulm.levels == LevelCounts((0, 0, 2, 1, 0, 0), not_rated=1, archived=1)
    assert ulm.levels.present() == [(3, 1), (2, 2)]
    solingen = next(p for g in index.rounds for p in g.publishers if p.id == "mpsc-solingen")
    assert (solingen.components, solingen.levels.total) == (0, 0)


def test_a_publisher_page_has_its_members_hosting_and_components(catalogue: Session) -> None:
    page = publisher_page(catalogue, "mpsc-ulm")
    assert page is not None
    assert (page.name, page.kind, page.round, page.category) == (
        "Ulm",
        "model-project",
        2019,
        "Großstadt",
    )
    assert page.members == (("Musterstadt", "05122000"),)
    assert page.code_hosting == (("https://github.com/Stadt-Musterstadt", True, "github"),)
    assert [(c.name, c.level, c.archived) for c in page.components] == [
        ("alpha", 2, False),
        ("Beta", 2, False),
        ("d-app", None, False),
        ("Gamma", 3, True),
    ]
    assert page.levels == LevelCounts((0, 0, 2, 1, 0, 0), not_rated=1, archived=1)


def test_a_publisher_without_components_has_an_empty_page(catalogue: Session) -> None:
    page = publisher_page(catalogue, "mpsc-guben")
    assert page is not None
    assert page.components == ()
    assert page.levels.total == 0


def test_an_unknown_publisher_has_no_page(catalogue: Session) -> None:
    assert publisher_page(catalogue, "mpsc-atlantis") is None


def test_an_empty_catalogue_has_an_empty_index(db_session: Session) -> None:
    index = publisher_index(db_session)
    assert (index.rounds, index.others) == ((), ())


def test_exports_exactly_the_public_api() -> None:
    assert sorted(registry.publishers.queries.__all__) == [
        "ComponentRow",
        "LEVELS",
        "LevelCounts",
        "PublisherIndex",
        "PublisherPage",
        "PublisherSummary",
        "ROUNDS",
        "RoundGroup",
        "publisher_index",
        "publisher_page",
    ]
