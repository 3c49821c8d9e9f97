"""The component page's view model: built from real harvests and from stored rows with every
kind of gap, never raising, never guessing, links and images only where they are safe."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

import registry.components.page
from harvester.discover import Target
from harvester.git import GitLimits
from harvester.maturity import load_model
from harvester.pipeline import HarvestContext, harvest_repository
from harvester.publiccode import load_profile
from harvester.records import HarvestRecord
from registry.components.page import Outcome, component_page, merged_into
from registry.components.queries import find_component
from registry.harvest.ingest import start_run, store_record, upsert_publishers
from tests.gitrepos import RepoBuilder
from tests.harvester.test_pipeline import NOW, complete_repository
from tests.registry import factories

MIRROR = "https://gitlab.opencode.de/musterstadt/maengelmelder.git"
COMMIT = factories.COMMIT


def stored(session: Session, *records: HarvestRecord, publisher=None) -> int:
    """Store ``records`` as one harvest run; the id of the last record's component."""
    upsert_publishers(session, [publisher or factories.publisher()])
    run = start_run(session, harvester_version="0.1.0")
    for record in records:
        store_record(session, run.id, record)
    session.commit()
    component = find_component(session, records[-1].url)
    assert component is not None
    return component.id


def harvested(repo: RepoBuilder, tmp_path: Path) -> HarvestRecord:
    context = HarvestContext(
        cache_dir=tmp_path / "cache",
        limits=GitLimits(timeout=20, max_file_bytes=1024 * 1024),
        profile=load_profile("smart-city"),
        model=load_model(),
        harvester_version="test",
        now=NOW,
    )
    target = Target(publisher_id=factories.PUBLISHER_ID, url=repo.url, driver="git")
    return harvest_repository(target, context)


def page_of(session: Session, component_id: int, language: str = "de"):
    page = component_page(session, component_id, language=language)
    assert page is not None
    return page


def test_an_unknown_id_has_no_page(db_session: Session) -> None:
    assert component_page(db_session, 4711, language="de") is None


# --- a real harvest --------------------------------------------------------------------------


@pytest.fixture
def real_page(db_session: Session, git_repos, tmp_path: Path):
    record = harvested(complete_repository(git_repos("maengelmelder")), tmp_path)
    return page_of(db_session, stored(db_session, record))


def test_a_real_harvest_shows_every_check_of_the_model_by_level(real_page) -> None:
    model = load_model()
    maturity = real_page.maturity
    assert [group.number for group in maturity.groups] == [0, 1, 2, 3, 4, 5]
    shown = [check.id for group in maturity.groups for check in group.checks]
    assert shown == [spec.id for spec in model.checks]
    assert Outcome.NOT_CHECKED not in {c.outcome for g in maturity.groups for c in g.checks}


def test_a_real_harvest_names_its_level_and_what_blocks_the_next(real_page) -> None:
    maturity = real_page.maturity
    assert (maturity.level, maturity.level_name.text) == (1, "Offen")
    assert maturity.next_level == 2
    assert maturity.next_level_name.text == "Dokumentiert"
    blocking = {check.id: check for check in maturity.blocking}
    assert "L2.1" in blocking
    assert blocking["L2.1"].advice.text == load_model().check("L2.1").advice.de
    assert all(check.outcome is not Outcome.PASS for check in maturity.blocking)
    assert [g.reached for g in maturity.groups] == [True, True, False, False, False, False]


def test_a_real_harvest_keeps_evidence_without_a_link_on_a_plain_git_server(real_page) -> None:
    licence_file = next(c for g in real_page.maturity.groups for c in g.checks if c.id == "L1.1")
    evidence = licence_file.evidence[0]
    assert (evidence.path, evidence.link) == ("LICENSE", None)
    assert evidence.commit == real_page.provenance.commit


def test_a_real_harvest_shows_description_features_and_usage(real_page) -> None:
    assert real_page.short_description.text.startswith("Bürgerinnen und Bürger melden")
    assert real_page.short_description.lang == "de"
    assert "Web- und Mobilanwendung" in real_page.long_description
    assert real_page.features[0].text == "Meldungen mit Foto und Standort"
    assert real_page.used_by == ("Stadt Musterstadt", "Gemeinde Beispielhausen")
    assert [link.kind for link in real_page.links] == ["landing", "documentation", "api", "roadmap"]
    assert real_page.maintenance.contractors == (("Beispiel Software GmbH", "2099-12-31"),)


def test_a_real_harvest_shows_its_licences_and_their_approval(real_page) -> None:
    licence = real_page.licence
    assert (licence.declared, licence.declared_valid) == ("MIT", True)
    assert [(f.path, f.spdx_ids, f.status) for f in licence.files] == [
        ("LICENSE", ("MIT",), "identified")
    ]
    assert [(a.spdx_id, a.osi, a.fsf) for a in licence.approvals] == [("MIT", True, True)]
    assert licence.sources_agree is True


def test_a_real_harvest_counts_commits_per_month_and_releases_per_year(real_page) -> None:
    health = real_page.health
    assert len(health.commits_per_month) == 24
    assert sum(bar.value for bar in health.commits_per_month) == 2
    assert [(bar.label, bar.value) for bar in health.releases_per_year] == [("2026", 2)]
    assert health.commits_365d == 2
    assert [release.tag for release in real_page.releases] == ["v2.4.1", "v2.4.0"]


def test_a_logo_on_a_plain_git_server_is_not_shown_but_named(real_page) -> None:
    assert (real_page.logo, real_page.logo_refused) == (None, "logo.svg")


# --- stored rows with gaps -------------------------------------------------------------------


def test_without_a_good_harvest_the_page_says_what_is_known(db_session: Session) -> None:
    page = page_of(db_session, stored(db_session, factories.failed_record()))
    assert page.name == "maengelmelder"
    assert (page.maturity, page.licence, page.health, page.provenance) == (None,) * 4
    assert page.last_failure.reason == "git ls-remote: connection refused"
    assert page.last_failure.shown_from is None


def test_a_failed_attempt_after_a_good_one_keeps_the_good_data(db_session: Session) -> None:
    later = factories.NOW + datetime.timedelta(days=1)
    component_id = stored(
        db_session, factories.ok_record(), factories.failed_record(failure="timeout", at=later)
    )
    page = page_of(db_session, component_id)
    assert page.last_failure.reason == "timeout"
    assert page.last_failure.at == later
    assert page.last_failure.shown_from == factories.NOW
    assert page.maturity.level == 2


def test_a_good_last_attempt_reports_no_failure(db_session: Session) -> None:
    assert page_of(db_session, stored(db_session, factories.ok_record())).last_failure is None


@pytest.mark.parametrize(
    "part, value",
    [
        ("licences", {"files": "LICENSE", "manifests": [None, 3], "osi_approved": []}),
        ("health", {"commits_per_month": [{"month": 7}, "x"], "commits_90d": "many"}),
        ("history", ["not", "an", "object"]),
        ("publiccode_document", {"description": {"de": "text", "en": {"features": "x"}}}),
        ("forge", {"web_url": "javascript:alert(1)", "driver": 12}),
        ("inspection", {"readme": []}),
        ("blocking", [None, 3, "L9.9"]),
    ],
)
def test_malformed_json_parts_become_unknown_not_errors(
    db_session: Session, part: str, value: object
) -> None:
    component_id = stored(db_session, factories.ok_record())
    harvest = find_component(db_session, factories.URL).current_harvest
    setattr(harvest, part, value)
    db_session.commit()
    page_of(db_session, component_id)  # does not raise


def test_malformed_licence_parts_are_shown_as_unknown(db_session: Session) -> None:
    component_id = stored(db_session, factories.ok_record())
    harvest = find_component(db_session, factories.URL).current_harvest
    harvest.licences = {"files": [{"path": "LICENSE", "coverage": "high", "spdx_ids": "MIT"}]}
    harvest.health = {"commits_90d": True}
    db_session.commit()
    page = page_of(db_session, component_id)
    assert [(f.path, f.coverage, f.spdx_ids) for f in page.licence.files] == [("LICENSE", None, ())]
    assert page.licence.declared is None
    assert page.health.commits_90d is None


def test_evidence_is_linked_to_the_file_and_line_at_the_commit(db_session: Session) -> None:
    page = page_of(db_session, stored(db_session, factories.ok_record()))
    check = next(c for g in page.maturity.groups for c in g.checks if c.id == "L1.1")
    assert check.evidence[0].link == (
        f"https://github.com/Stadt-Musterstadt/maengelmelder/blob/{COMMIT}/LICENSE#L1"
    )
    assert page.provenance.commit_link == (
        f"https://github.com/Stadt-Musterstadt/maengelmelder/commit/{COMMIT}"
    )


def test_checks_the_harvest_did_not_run_are_not_checked(db_session: Session) -> None:
    page = page_of(db_session, stored(db_session, factories.ok_record()))
    outcomes = {c.id: c.outcome for g in page.maturity.groups for c in g.checks}
    assert outcomes["L1.1"] is Outcome.PASS
    assert outcomes["L3.1"] is Outcome.FAIL
    assert outcomes["L2.4"] is Outcome.NOT_CHECKED
    assert len(outcomes) == len(load_model().checks)


def test_an_unknown_model_version_still_shows_the_stored_checks(db_session: Session) -> None:
    record = factories.ok_record()
    record = replace(record, maturity=replace(record.maturity, model_version="9.9"))
    record = replace(record, provenance=replace(record.provenance, model_version="9.9"))
    page = page_of(db_session, stored(db_session, record))
    maturity = page.maturity
    assert (maturity.model_known, maturity.model_version, maturity.level_name) == (
        False,
        "9.9",
        None,
    )
    assert [(g.number, [c.id for c in g.checks]) for g in maturity.groups] == [
        (1, ["L1.1"]),
        (3, ["L3.1"]),
    ]
    assert maturity.groups[0].checks[0].advice is None
    assert [c.id for c in maturity.blocking] == ["L3.1"]


def test_the_licence_cap_and_archived_overrides_are_kept(db_session: Session) -> None:
    record = factories.ok_record()
    capped = replace(record.maturity, level=0, capped_by_licence=True, archived=True)
    page = page_of(db_session, stored(db_session, replace(record, maturity=capped)))
    assert (page.maturity.level, page.maturity.capped_by_licence) == (0, True)
    assert page.maturity.archived and page.archived


def test_disagreeing_licence_sources_are_flagged(db_session: Session) -> None:
    page = page_of(db_session, stored(db_session, factories.ok_record()))
    assert (
        page.licence.sources_agree is False
    )  # EUPL-1.2 declared and in LICENSE, MIT in package.json
    assert [a.spdx_id for a in page.licence.approvals] == ["EUPL-1.2", "MIT"]
    assert page.licence.findings[0].message.text.startswith("package.json nennt MIT")


def test_findings_carry_their_place_and_the_message_in_the_readers_language(
    db_session: Session,
) -> None:
    component_id = stored(db_session, factories.ok_record())
    warning = page_of(db_session, component_id).findings[0]
    assert (warning.key, warning.line, warning.column) == ("description.de.features", 7, 5)
    assert (warning.message.text, warning.message.lang) == ("features is deprecated", "en")
    licence = page_of(db_session, component_id, "en").licence.findings[0]
    assert licence.message.lang == "en"


def test_a_merged_component_id_leads_to_the_surviving_one(db_session: Session) -> None:
    mirror_id = stored(db_session, factories.ok_record(canonical_url=MIRROR))
    original_id = stored(db_session, factories.ok_record(MIRROR, commit="9" * 40))
    assert mirror_id != original_id
    assert component_page(db_session, mirror_id, language="de") is None
    assert merged_into(db_session, mirror_id) == original_id
    assert merged_into(db_session, original_id) is None
    assert merged_into(db_session, 4711) is None


# --- descriptions in two languages -----------------------------------------------------------

DOCUMENT = {
    "description": {
        "en": {"shortDescription": "In English", "features": ["Maps"]},
        "de": {"shortDescription": "Auf Deutsch", "longDescription": "# Titel\n\nLang."},
        "it": {"shortDescription": "In italiano", "documentation": "https://docs.example.it"},
    },
    "logo": "docs/logo.png",
    "usedBy": ["Stadt A"],
}


@pytest.fixture
def described(db_session: Session) -> int:
    component_id = stored(db_session, factories.ok_record())
    find_component(db_session, factories.URL).current_harvest.publiccode_document = DOCUMENT
    db_session.commit()
    return component_id


def test_descriptions_come_in_the_readers_language(db_session: Session, described: int) -> None:
    assert page_of(db_session, described, "de").short_description.text == "Auf Deutsch"
    assert page_of(db_session, described, "en").short_description.text == "In English"


def test_a_missing_field_falls_back_to_the_other_language_and_says_which(
    db_session: Session, described: int
) -> None:
    english = page_of(db_session, described, "en")
    assert english.long_description_lang == "de"
    assert "<h3>Titel</h3>" in english.long_description
    german = page_of(db_session, described, "de")
    assert [(f.text, f.lang) for f in german.features] == [("Maps", "en")]
    assert [link.url for link in german.links] == ["https://docs.example.it"]


def test_a_relative_logo_is_loaded_from_the_repository_at_the_commit(
    db_session: Session, described: int
) -> None:
    page = page_of(db_session, described)
    assert page.logo == (
        f"https://raw.githubusercontent.com/Stadt-Musterstadt/maengelmelder/{COMMIT}/docs/logo.png"
    )


def test_without_publiccode_the_readme_description_is_shown_in_its_language(
    db_session: Session,
) -> None:
    record = replace(factories.ok_record(), publiccode=None, incomplete=True)
    inspection = replace(
        record.inspection,
        readme=factories.records.Readme("README.md", "en", 200, None, None, "App", "An app."),
    )
    record = replace(record, inspection=inspection, description="An app.")
    page = page_of(db_session, stored(db_session, record))
    assert (page.short_description.text, page.short_description.lang) == ("An app.", "en")
    assert page.incomplete and page.publiccode_path is None


def test_exports_exactly_the_public_api() -> None:
    assert sorted(registry.components.page.__all__) == [
        "Approval",
        "CheckRow",
        "ComponentPage",
        "EvidenceItem",
        "FindingRow",
        "HealthPanel",
        "LastFailure",
        "LevelGroup",
        "LicenceFileRow",
        "LicencePanel",
        "Localised",
        "Maintenance",
        "MaturityPanel",
        "NamedLink",
        "Outcome",
        "Provenance",
        "PublisherInfo",
        "ReleaseRow",
        "component_page",
        "level_name",
        "merged_into",
    ]
