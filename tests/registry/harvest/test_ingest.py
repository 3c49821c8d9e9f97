"""Storing harvest records: OK, UNCHANGED and FAILED, mirrors, releases, publishers, runs."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import registry.harvest.ingest
from harvester.records import HarvestStatus
from registry.components.identity import add_alias
from registry.components.models import AliasReason, Component, ComponentAlias, Release
from registry.components.queries import find_component
from registry.harvest.errors import UnknownPublisher, UnknownRepository
from registry.harvest.ingest import (
    StoreOutcome,
    finish_run,
    previous_commit,
    resolve_canonical,
    start_run,
    store_record,
    upsert_publishers,
)
from registry.harvest.models import CheckResult, Finding, HarvestRun, RepositoryHarvest, RunStatus
from registry.journal.models import JournalEntry
from registry.publishers.models import Publisher
from tests.registry import factories
from tests.registry.factories import KEY, URL, failed_record, ok_record, unchanged_record

MIRROR = "https://gitlab.opencode.de/musterstadt/maengelmelder.git"
MIRROR_KEY = "https://gitlab.opencode.de/musterstadt/maengelmelder"
LATER = factories.NOW + datetime.timedelta(days=1)
OTHER_COMMIT = "9" * 40


@pytest.fixture
def run_id(db_session: Session) -> int:
    upsert_publishers(db_session, [factories.publisher()])
    run = start_run(db_session, harvester_version="0.1.0")
    db_session.commit()
    return run.id


def store(session: Session, run_id: int, record: object) -> StoreOutcome:
    outcome = store_record(session, run_id, record)  # type: ignore[arg-type]
    session.commit()
    return outcome


def component(session: Session, url: str = URL) -> Component:
    found = find_component(session, url)
    assert found is not None
    return found


def actions(session: Session) -> list[str]:
    entries = session.scalars(select(JournalEntry).order_by(JournalEntry.id))
    return [entry.action for entry in entries]


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_exports_exactly_the_public_api() -> None:
    assert sorted(registry.harvest.ingest.__all__) == [
        "MAX_URL_LENGTH",
        "StoreOutcome",
        "finish_run",
        "previous_commit",
        "record_listing_failure",
        "resolve_canonical",
        "start_run",
        "store_record",
        "upsert_publishers",
    ]


# --- OK -------------------------------------------------------------------------------------


def test_a_first_good_harvest_creates_a_published_component(
    db_session: Session, run_id: int
) -> None:
    assert store(db_session, run_id, ok_record()) is StoreOutcome.NEW
    stored = component(db_session)
    assert stored.canonical_url == KEY
    assert stored.url == URL
    assert stored.name == "Mängelmelder"
    assert stored.incomplete is False
    assert stored.current_harvest is not None
    assert stored.current_harvest.commit == factories.COMMIT
    assert stored.last_attempt_status is HarvestStatus.OK


def test_the_first_good_harvest_after_failures_counts_as_new(
    db_session: Session, run_id: int
) -> None:
    assert store(db_session, run_id, factories.failed_record()) is StoreOutcome.FAILED
    assert store(db_session, run_id, ok_record()) is StoreOutcome.NEW
    assert store(db_session, run_id, ok_record()) is StoreOutcome.CHANGED


def test_a_good_harvest_keeps_provenance(db_session: Session, run_id: int) -> None:
    store(db_session, run_id, ok_record())
    harvest = component(db_session).current_harvest
    assert harvest is not None
    assert (harvest.source_url, harvest.harvester_version, harvest.model_version) == (
        URL,
        "0.1.0",
        "1.0",
    )
    assert harvest.harvested_at == factories.NOW
    assert harvest.run_id == run_id


def test_a_good_harvest_stores_raw_and_normalised_publiccode(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record())
    harvest = component(db_session).current_harvest
    assert harvest is not None
    assert harvest.publiccode_raw == factories.publiccode().raw
    assert harvest.publiccode_document == {"name": "Mängelmelder", "publiccodeYmlVersion": "0.4"}
    assert harvest.publiccode_valid is True


def test_findings_of_publiccode_and_licences_get_rows(db_session: Session, run_id: int) -> None:
    store(db_session, run_id, ok_record())
    findings = db_session.scalars(select(Finding).order_by(Finding.id)).all()
    assert [(f.origin, f.type, f.code) for f in findings] == [
        ("publiccode", "warning", None),
        ("publiccode", "profile", "SC-3"),
        ("licence", "licence", "manifest-disagrees"),
    ]
    warning, profile, licence = findings
    assert (warning.key, warning.line, warning.column) == ("description.de.features", 7, 5)
    assert (warning.message_en, warning.message_de) == ("features is deprecated", None)
    assert (profile.message_de, profile.line) == ("intendedAudience.scope fehlt", None)
    assert licence.message_de == "package.json nennt MIT, erklärt ist EUPL-1.2"
    assert licence.licences == ["MIT"]


def test_check_results_keep_outcome_and_evidence(db_session: Session, run_id: int) -> None:
    store(db_session, run_id, ok_record())
    checks = db_session.scalars(select(CheckResult).order_by(CheckResult.id)).all()
    assert [(c.check_id, c.outcome, c.model_version) for c in checks] == [
        ("L1.1", "pass", "1.0"),
        ("L3.1", "fail", "1.0"),
    ]
    assert checks[0].evidence == [
        {
            "source": "G",
            "path": "LICENSE",
            "line": 1,
            "commit": factories.COMMIT,
            "url": None,
            "detail": None,
        }
    ]
    assert checks[0].commit == factories.COMMIT


def test_record_parts_are_kept_as_json_documents(db_session: Session, run_id: int) -> None:
    store(db_session, run_id, ok_record())
    harvest = component(db_session).current_harvest
    assert harvest is not None
    assert harvest.history is not None
    assert harvest.history["commits"] == 412
    assert harvest.history["first_commit_at"] == "2019-03-01T00:00:00+00:00"
    assert harvest.licences is not None
    assert harvest.licences["files"][0]["status"] == "identified"
    assert "findings" not in harvest.licences
    assert harvest.forge is not None and harvest.forge["stars"] == 12
    assert harvest.maturity_level == 2
    assert harvest.blocking == ["L3.1"]


def test_nul_characters_from_a_repository_are_stored_replaced(
    db_session: Session, run_id: int
) -> None:
    report = replace(factories.publiccode(), raw="name: a\x00b\n", document='{"name": "a\\u0000b"}')
    store(db_session, run_id, replace(ok_record(), publiccode=report, name="a\x00b"))
    db_session.expire_all()
    harvest = component(db_session).current_harvest
    assert harvest is not None
    assert harvest.publiccode_raw == "name: a\ufffdb\n"
    assert harvest.publiccode_document == {"name": "a\ufffdb"}
    assert component(db_session).name == "a\ufffdb"


def test_a_new_good_harvest_replaces_the_published_one(db_session: Session, run_id: int) -> None:
    store(db_session, run_id, ok_record())
    assert (
        store(db_session, run_id, ok_record(commit=OTHER_COMMIT, at=LATER)) is StoreOutcome.CHANGED
    )
    harvest = component(db_session).current_harvest
    assert harvest is not None and harvest.commit == OTHER_COMMIT
    assert count(db_session, Component) == 1


def test_a_repository_without_publiccode_is_stored_incomplete(
    db_session: Session, run_id: int
) -> None:
    record = replace(ok_record(), publiccode=None, incomplete=True, name="README title")
    store(db_session, run_id, record)
    assert component(db_session).incomplete is True
    assert component(db_session).name == "README title"


def test_forge_flags_are_copied_to_the_component(db_session: Session, run_id: int) -> None:
    forge = replace(factories.forge(), fork=True, parent_url="https://github.com/a/b", mirror=True)
    record = replace(ok_record(), forge=forge, single_commit_snapshot=True)
    store(db_session, run_id, record)
    stored = component(db_session)
    assert (stored.fork, stored.parent_url, stored.mirror) == (True, "https://github.com/a/b", True)
    assert stored.single_commit_snapshot is True


# --- releases -------------------------------------------------------------------------------


def test_tags_and_forge_releases_become_releases_matched_by_tag(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record())
    releases = {r.tag: r for r in component(db_session).releases}
    assert sorted(releases) == ["v1.0.0", "v1.1.0"]
    assert (releases["v1.0.0"].from_tag, releases["v1.0.0"].from_forge) == (True, False)
    assert (releases["v1.1.0"].from_tag, releases["v1.1.0"].from_forge) == (True, True)
    assert releases["v1.1.0"].has_notes is True
    assert releases["v1.1.0"].date == datetime.datetime(2024, 3, 2, tzinfo=datetime.UTC)
    assert (releases["v1.0.0"].version, releases["v1.0.0"].scheme) == ("1.0.0", "pep440")


def test_a_forge_release_without_a_version_tag_keeps_its_tag_as_version(
    db_session: Session, run_id: int
) -> None:
    forge_release = replace(factories.forge().releases[0], tag="stable")  # type: ignore[index]
    record = replace(ok_record(), forge=replace(factories.forge(), releases=(forge_release,)))
    store(db_session, run_id, record)
    stable = next(r for r in component(db_session).releases if r.tag == "stable")
    assert (stable.version, stable.scheme, stable.from_tag) == ("stable", "raw", False)


def test_releases_are_upserted_by_tag_and_journaled_once(db_session: Session, run_id: int) -> None:
    store(db_session, run_id, ok_record(tags=("v1.0.0",)))
    store(db_session, run_id, ok_record(commit=OTHER_COMMIT, tags=("v1.0.0", "v2.0.0")))
    assert sorted(r.tag for r in component(db_session).releases) == ["v1.0.0", "v1.1.0", "v2.0.0"]
    assert count(db_session, Release) == 3
    assert actions(db_session).count("release added") == 3


# --- UNCHANGED ------------------------------------------------------------------------------


def test_an_unchanged_record_only_notes_the_attempt(db_session: Session, run_id: int) -> None:
    store(db_session, run_id, ok_record())
    before = (count(db_session, RepositoryHarvest), actions(db_session))
    assert store(db_session, run_id, unchanged_record(at=LATER)) is StoreOutcome.UNCHANGED
    assert (count(db_session, RepositoryHarvest), actions(db_session)) == before
    stored = component(db_session)
    assert stored.last_attempt_at == LATER
    assert stored.last_attempt_status is HarvestStatus.UNCHANGED


def test_an_unchanged_record_for_an_unknown_url_is_refused(
    db_session: Session, run_id: int
) -> None:
    with pytest.raises(UnknownRepository):
        store_record(db_session, run_id, unchanged_record())


# --- FAILED ---------------------------------------------------------------------------------


def test_a_failed_harvest_keeps_the_last_good_data_published(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record())
    assert store(db_session, run_id, failed_record(at=LATER)) is StoreOutcome.FAILED
    stored = component(db_session)
    assert stored.current_harvest is not None
    assert stored.current_harvest.commit == factories.COMMIT
    assert stored.name == "Mängelmelder"
    assert (stored.last_attempt_status, stored.last_attempt_at) == (HarvestStatus.FAILED, LATER)
    assert stored.last_failure == "git ls-remote: connection refused"


def test_a_failed_harvest_is_stored_and_journaled_with_its_reason(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record())
    store(db_session, run_id, failed_record())
    failed = db_session.scalars(
        select(RepositoryHarvest).where(RepositoryHarvest.status == HarvestStatus.FAILED)
    ).one()
    assert failed.failure == "git ls-remote: connection refused"
    last = db_session.scalars(select(JournalEntry).order_by(JournalEntry.id.desc())).first()
    assert last is not None
    assert (last.action, last.details) == (
        "harvest failed",
        f"{URL}: git ls-remote: connection refused",
    )


def test_a_first_harvest_that_fails_creates_an_unpublished_component(
    db_session: Session, run_id: int
) -> None:
    assert store(db_session, run_id, failed_record()) is StoreOutcome.FAILED
    stored = component(db_session)
    assert stored.current_harvest is None
    assert stored.incomplete is True
    assert actions(db_session)[-2:] == ["component created", "harvest failed"]


def test_a_good_harvest_after_a_failure_clears_the_failure(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, failed_record())
    store(db_session, run_id, ok_record(at=LATER))
    stored = component(db_session)
    assert (stored.last_attempt_status, stored.last_failure) == (HarvestStatus.OK, None)
    assert stored.incomplete is False


def test_a_record_of_an_unknown_publisher_is_refused(db_session: Session, run_id: int) -> None:
    with pytest.raises(UnknownPublisher) as raised:
        store_record(db_session, run_id, ok_record(publisher_id="nobody"))
    assert raised.value.publisher_id == "nobody"


# --- journal --------------------------------------------------------------------------------


def test_a_first_harvest_is_journaled_in_order(db_session: Session, run_id: int) -> None:
    store(db_session, run_id, ok_record())
    assert actions(db_session) == [
        "publisher created",
        "component created",
        "harvest ok",
        "release added",
        "release added",
    ]
    assert component(db_session).last_serial == max(
        db_session.scalars(select(JournalEntry.id)).all()
    )


def test_a_level_change_is_journaled(db_session: Session, run_id: int) -> None:
    store(db_session, run_id, ok_record(level=2))
    store(db_session, run_id, ok_record(commit=OTHER_COMMIT, level=3))
    entry = db_session.scalars(
        select(JournalEntry).where(JournalEntry.action == "level changed")
    ).one()
    assert entry.details == "2 -> 3"


# --- mirrors --------------------------------------------------------------------------------


def test_a_mirror_naming_a_known_component_becomes_its_alias(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record(MIRROR))
    outcome = store(db_session, run_id, ok_record(URL, commit=OTHER_COMMIT, canonical_url=MIRROR))
    assert outcome is StoreOutcome.CHANGED
    assert count(db_session, Component) == 1
    original = component(db_session, MIRROR)
    assert original is component(db_session, URL)
    assert [(a.url, a.reason) for a in original.aliases] == [(KEY, AliasReason.MIRROR)]


def test_the_original_keeps_its_own_harvest_published_over_a_mirror(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record(MIRROR))
    store(db_session, run_id, ok_record(URL, commit=OTHER_COMMIT, canonical_url=MIRROR))
    harvest = component(db_session, MIRROR).current_harvest
    assert harvest is not None
    assert (harvest.url, harvest.commit) == (MIRROR_KEY, factories.COMMIT)


def test_a_mirror_harvested_first_is_merged_when_the_original_arrives(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record(URL, canonical_url=MIRROR))
    assert component(db_session).canonical_url == KEY
    assert store(db_session, run_id, ok_record(MIRROR, commit=OTHER_COMMIT)) is StoreOutcome.NEW
    assert count(db_session, Component) == 1
    original = component(db_session, URL)
    assert original.canonical_url == MIRROR_KEY
    assert [(a.url, a.reason) for a in original.aliases] == [(KEY, AliasReason.MIRROR)]
    assert original.current_harvest is not None
    assert original.current_harvest.commit == OTHER_COMMIT
    assert count(db_session, RepositoryHarvest) == 2


def test_a_merge_moves_the_mirrors_journal_entries_and_is_journaled(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record(URL, canonical_url=MIRROR))
    store(db_session, run_id, ok_record(MIRROR, commit=OTHER_COMMIT))
    original = component(db_session, MIRROR)
    named = db_session.scalars(select(JournalEntry.component_id).distinct()).all()
    assert set(named) == {None, original.id}
    assert "component merged" in actions(db_session)


def test_a_mirror_of_a_repository_never_harvested_stays_its_own_component(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record(URL, canonical_url=MIRROR))
    stored = component(db_session)
    assert (stored.canonical_url, stored.declared_url) == (KEY, MIRROR_KEY)
    assert stored.aliases == []


def test_a_mirror_claim_waits_until_the_original_is_harvested_well(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record(URL, canonical_url=MIRROR))
    store(db_session, run_id, failed_record(MIRROR))  # a component, though never good
    assert resolve_canonical(db_session) == 0
    assert count(db_session, Component) == 2
    store(db_session, run_id, ok_record(MIRROR))
    db_session.commit()
    assert count(db_session, Component) == 1
    assert component(db_session, URL).canonical_url == MIRROR_KEY


def test_a_mirror_claim_without_shared_history_merges_nothing(
    db_session: Session, run_id: int
) -> None:
    """A repository cannot take over another's page by naming it in its publiccode.yml."""
    store(db_session, run_id, ok_record(MIRROR))
    claim = ok_record(URL, canonical_url=MIRROR)
    unrelated = replace(claim, history=replace(claim.history, first_commit="a" * 40))
    store(db_session, run_id, unrelated)
    assert resolve_canonical(db_session) == 0
    db_session.commit()
    assert count(db_session, Component) == 2
    assert component(db_session, URL).canonical_url == KEY


def test_resolving_after_a_merge_at_store_time_changes_nothing(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record(URL, canonical_url=MIRROR))
    store(db_session, run_id, ok_record(MIRROR))  # verified: the claimant is merged now
    db_session.commit()
    assert count(db_session, Component) == 1
    serials = actions(db_session)
    assert resolve_canonical(db_session) == 0
    assert actions(db_session) == serials


def test_two_repositories_naming_each_other_end_as_one_component(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record(URL, canonical_url=MIRROR))
    store(db_session, run_id, ok_record(MIRROR, commit=OTHER_COMMIT, canonical_url=URL))
    resolve_canonical(db_session)
    db_session.commit()
    assert count(db_session, Component) == 1
    assert count(db_session, ComponentAlias) == 1


def test_previous_commit_of_an_alias_without_harvests_is_the_published_one(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record(MIRROR))
    add_alias(db_session, component(db_session, MIRROR), KEY, URL, AliasReason.LISTED)
    db_session.commit()
    assert previous_commit(db_session, URL) == (factories.COMMIT, "1.0")


# --- previous commit ------------------------------------------------------------------------


def test_previous_commit_is_none_for_an_unknown_url(db_session: Session) -> None:
    assert previous_commit(db_session, URL) is None


def test_previous_commit_is_the_last_good_harvest_in_any_spelling(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record())
    store(db_session, run_id, failed_record(at=LATER))
    spelling = "git@github.com:stadt-musterstadt/MAENGELMELDER.git"
    assert previous_commit(db_session, spelling) == (factories.COMMIT, "1.0")


def test_previous_commit_of_a_mirror_is_its_own_last_harvest(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, ok_record(MIRROR))
    store(db_session, run_id, ok_record(URL, commit=OTHER_COMMIT, canonical_url=MIRROR))
    assert previous_commit(db_session, URL) == (OTHER_COMMIT, "1.0")
    assert previous_commit(db_session, MIRROR) == (factories.COMMIT, "1.0")


# --- runs and publishers --------------------------------------------------------------------


def test_a_run_is_started_and_finished_with_its_counts(db_session: Session, run_id: int) -> None:
    finish_run(db_session, run_id, {"new": 2, "failed": 1, "dry-run": 5})
    db_session.commit()
    run = db_session.get_one(HarvestRun, run_id)
    assert (run.new, run.changed, run.unchanged, run.failed) == (2, 0, 0, 1)
    assert run.status is RunStatus.FINISHED
    assert run.finished_at is not None and run.finished_at >= run.started_at


def test_publishers_are_stored_with_members_and_code_hosting(db_session: Session) -> None:
    upsert_publishers(db_session, [factories.publisher()])
    db_session.commit()
    stored = db_session.get_one(Publisher, factories.PUBLISHER_ID)
    assert (stored.name, stored.kind, stored.round) == ("Smarte Musterstadt", "model-project", 2020)
    assert [(m.name, m.ags) for m in stored.members] == [("Musterstadt", "05122000")]
    assert [(c.url, c.group, c.driver) for c in stored.code_hosting] == [
        ("https://github.com/Stadt-Musterstadt", True, "github")
    ]


def test_an_unchanged_publisher_is_not_journaled_again(db_session: Session) -> None:
    upsert_publishers(db_session, [factories.publisher()])
    upsert_publishers(db_session, [factories.publisher()])
    db_session.commit()
    assert actions(db_session) == ["publisher created"]


def test_a_changed_publisher_is_updated_and_journaled(db_session: Session) -> None:
    upsert_publishers(db_session, [factories.publisher()])
    upsert_publishers(db_session, [factories.publisher(name="Musterstadt", members=())])
    db_session.commit()
    stored = db_session.get_one(Publisher, factories.PUBLISHER_ID)
    assert (stored.name, stored.members) == ("Musterstadt", [])
    assert actions(db_session) == ["publisher created", "publisher changed"]
