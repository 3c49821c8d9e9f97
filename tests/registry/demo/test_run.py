"""The demo end to end: example repositories harvested through the real pipeline into SQLite."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from registry.components.models import AliasReason, Component
from registry.db import make_engine
from registry.demo import DatabaseNotEmpty, InvalidDemoFolder, build_demo
from registry.demo.run import MARKER
from registry.harvest.models import CheckResult, Finding, FindingOrigin
from tests.registry.demo.built import Built, demo_built


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Built:
    built = demo_built(tmp_path_factory)
    assert built.result.exit_code == 0, built.result.output
    return built


@pytest.fixture
def session(demo: Built) -> Iterator[Session]:
    engine = make_engine(demo.database_url)
    with Session(engine) as session:
        yield session
    engine.dispose()


def by_name(session: Session) -> dict[str, Component]:
    return {c.name or c.url: c for c in session.scalars(select(Component))}


def checks(session: Session, component: Component) -> dict[str, str]:
    rows = session.scalars(
        select(CheckResult).where(CheckResult.harvest_id == component.current_harvest_id)
    )
    return {row.check_id: str(row.outcome) for row in rows}


def licence_findings(session: Session, component: Component) -> set[str]:
    rows = session.scalars(
        select(Finding.code).where(
            Finding.harvest_id == component.current_harvest_id,
            Finding.origin == FindingOrigin.LICENCE,
        )
    )
    return set(rows)


def test_stores_at_least_fifteen_components_every_one_harvested(session) -> None:
    components = list(session.scalars(select(Component)))
    assert len(components) >= 15
    assert all(c.current_harvest is not None for c in components)
    assert all(c.last_failure is None for c in components)


def test_merges_the_mirror_into_its_original_as_an_alias(session) -> None:
    parking = [c for c in session.scalars(select(Component)) if "parkleitsystem" in c.url]
    assert len(parking) == 1
    (alias,) = parking[0].aliases
    assert alias.reason is AliasReason.MIRROR
    assert alias.url.startswith("file://") and "spiegel" in alias.url
    assert parking[0].url.startswith("http://127.0.0.1:")


def test_the_original_stays_published_not_its_stale_mirror(session) -> None:
    parking = by_name(session)["Parkleitsystem Beispielstadt"]
    assert parking.current_harvest is not None
    assert parking.current_harvest.source_url == parking.url


def test_marks_the_repository_without_publiccode_yml_incomplete_at_level_0(session) -> None:
    clubs = by_name(session)["Vereinsverwaltung Dorfingen"]
    assert clubs.incomplete is True
    assert clubs.current_harvest.maturity_level == 0
    assert clubs.url.startswith("file://")
    assert [c.name for c in session.scalars(select(Component)) if c.incomplete] == [clubs.name]


def test_rates_components_from_level_0_to_level_4(session) -> None:
    levels = {c.current_harvest.maturity_level for c in session.scalars(select(Component))}
    assert {0, 1, 2, 4} <= levels, levels


def test_mature_histories_reach_level_4_with_every_measured_check_passed(session) -> None:
    """The checks this harvester does not run (secrets, OSV, REUSE coverage, responsiveness)
    are shown as unknown and do not gate; every other check of levels 1 to 4 passes."""
    unmeasured = {"L1.5", "L3.5", "L3.8", "L4.4", "L4.6"}
    for name in ("Parkleitsystem Beispielstadt", "Beteiligungsplattform Musterland"):
        component = by_name(session)[name]
        outcomes = checks(session, component)
        measured = {i: o for i, o in outcomes.items() if i[1] in "1234" and i not in unmeasured}
        assert set(measured.values()) == {"pass"}, (name, measured)
        assert component.current_harvest.maturity_level == 4
        assert "L5.1" in component.current_harvest.blocking


def test_two_organisations_develop_the_participation_platform(session) -> None:
    component = by_name(session)["Beteiligungsplattform Musterland"]
    assert checks(session, component)["L5.2"] == "pass"


def test_an_invalid_publiccode_yml_keeps_its_component_at_level_0(session) -> None:
    component = by_name(session)["Terminvergabe Bürgerbüro"]
    assert component.current_harvest.publiccode_valid is False
    assert checks(session, component)["L0.2"] == "fail"
    assert component.current_harvest.maturity_level == 0


def test_finds_the_licence_conflict_and_caps_the_level(session) -> None:
    council = by_name(session)["Ratsinformation als offene Daten (OParl)"]
    assert {"declared-without-text", "undeclared-licence-text"} <= licence_findings(
        session, council
    )
    assert council.current_harvest.capped_by_licence is True


def test_reports_a_missing_and_a_modified_licence_text(session) -> None:
    components = by_name(session)
    assert "no-licence-file" in licence_findings(session, components["Ausflugsziele Musterkreis"])
    modified = licence_findings(session, components["Sicherer Schulweg"])
    assert "modified-licence-text" in modified


def test_abandoned_software_fails_the_maintenance_and_activity_checks(session, demo) -> None:
    component = by_name(session)["Luftgütemessnetz Fiktivhausen"]
    outcomes = checks(session, component)
    assert (outcomes["L3.2"], outcomes["L3.3"]) == ("fail", "fail")
    last = datetime.date.fromisoformat(component.current_harvest.history["last_commit_at"][:10])
    assert (demo.today - last).days > 3 * 365


def test_recent_activity_is_recent_whenever_the_demo_is_built(session, demo) -> None:
    component = by_name(session)["Parkleitsystem Beispielstadt"]
    last = datetime.date.fromisoformat(component.current_harvest.history["last_commit_at"][:10])
    assert 0 <= (demo.today - last).days <= 7


def test_the_forge_says_which_repository_is_archived(session) -> None:
    archived = [c.name for c in session.scalars(select(Component)) if c.archived]
    assert archived == ["Parkplatzsensorik Innenstadt"]


def test_descriptions_come_in_german_and_english(session) -> None:
    documents = [
        c.current_harvest.publiccode_document or {} for c in session.scalars(select(Component))
    ]
    languages = [set(document.get("description", {})) for document in documents]
    assert {"de", "en"} in languages
    assert {"de"} in languages and {"en"} in languages


def test_scopes_spread_over_the_catalogues_topics(session) -> None:
    scopes = set()
    for component in session.scalars(select(Component)):
        document = component.current_harvest.publiccode_document or {}
        scopes |= set(document.get("intendedAudience", {}).get("scope", []))
    expected = {"transportation", "energy", "environment", "society", "local-authorities"}
    assert expected | {"tourism", "healthcare", "education"} <= scopes


def test_parking_is_described_in_the_words_people_search_for(session) -> None:
    texts = [
        str(c.current_harvest.publiccode_document)
        for c in session.scalars(select(Component))
        if c.current_harvest.publiccode_document
    ]
    assert any("Parkplätze" in text for text in texts)
    assert any("Parkplatz" in text for text in texts)


def test_model_projects_of_all_three_rounds_publish(session) -> None:
    publishers = {c.publisher for c in session.scalars(select(Component))}
    rounds = {p.round for p in publishers if p.kind == "model-project"}
    assert rounds == {2019, 2020, 2021}
    cooperation = next(p for p in publishers if p.id == "mpsc-smarte-region-musterland")
    assert len(cooperation.members) == 3


def test_refuses_a_folder_it_did_not_make(tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InvalidDemoFolder):
        build_demo(tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert not (tmp_path / MARKER).exists()


def test_refuses_a_database_that_already_holds_kataster_tables(tmp_path, database_url) -> None:
    with pytest.raises(DatabaseNotEmpty):
        build_demo(tmp_path / "demo", database_url)
    assert not (tmp_path / "demo" / "repositories").exists()
