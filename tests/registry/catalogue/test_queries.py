"""The home page's numbers and newest entries, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest
from sqlalchemy.orm import Session

from harvester import records
from harvester.records import CheckOutcome, VersionScheme
from registry.catalogue.queries import (
    Numbers,
    newest_components,
    newest_releases,
    numbers,
)
from registry.harvest.ingest import start_run, store_record, upsert_publishers
from tests.registry import factories

ORG = "https://github.com/Stadt-Musterstadt"


def url(name: str) -> str:
    return f"{ORG}/{name}.git"


@pytest.fixture
def run_id(db_session: Session) -> int:
    upsert_publishers(
        db_session,
        [
            factories.publisher(),
            factories.publisher("mpsc-anderstadt", name="Smartes Anderstadt", round=2021),
            factories.publisher("landkreis", name="Landkreis", kind="municipality", round=None),
        ],
    )
    run = start_run(db_session, harvester_version="0.1.0")
    db_session.commit()
    return run.id


def store(session: Session, run_id: int, record: records.HarvestRecord) -> None:
    store_record(session, run_id, record)
    session.commit()


def with_tags(
    record: records.HarvestRecord, *tags: tuple[str, datetime.date]
) -> records.HarvestRecord:
    """``record`` whose only releases are the version tags ``tags`` (name, date)."""
    assert record.history is not None and record.forge is not None
    history = replace(
        record.history,
        tags=tuple(
            records.Tag(
                name=name,
                commit=f"{index:040x}",
                date=datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC),
                version=name.removeprefix("v"),
                scheme=VersionScheme.PEP440,
            )
            for index, (name, day) in enumerate(tags)
        ),
    )
    return replace(record, history=history, forge=replace(record.forge, releases=()))


def with_licence_checks(
    record: records.HarvestRecord, outcome: CheckOutcome
) -> records.HarvestRecord:
    """``record`` whose licence checks (L1.1-L1.3) all end with ``outcome``."""
    assert record.maturity is not None
    template = record.maturity.checks[0]
    checks = tuple(
        replace(template, id=check_id, outcome=outcome) for check_id in ("L1.1", "L1.2", "L1.3")
    )
    return replace(record, maturity=replace(record.maturity, checks=checks))


def test_an_empty_catalogue_counts_nothing(db_session: Session) -> None:
    assert numbers(db_session) == Numbers(components=0, model_projects=0, licences_checked=0)
    assert newest_components(db_session) == []
    assert newest_releases(db_session) == []


def test_model_projects_are_the_publishers_of_that_kind(db_session: Session, run_id: int) -> None:
    assert numbers(db_session).model_projects == 2


def test_every_component_counts_even_one_without_a_good_harvest(
    db_session: Session, run_id: int
) -> None:
    store(db_session, run_id, factories.ok_record(url("a")))
    store(db_session, run_id, factories.failed_record(url("b")))
    assert numbers(db_session).components == 2


def test_licences_count_as_checked_when_a_licence_check_has_a_verdict(
    db_session: Session, run_id: int
) -> None:
    store(
        db_session, run_id, with_licence_checks(factories.ok_record(url("pass")), CheckOutcome.PASS)
    )
    store(
        db_session, run_id, with_licence_checks(factories.ok_record(url("fail")), CheckOutcome.FAIL)
    )
    unknown = with_licence_checks(factories.ok_record(url("unknown")), CheckOutcome.UNKNOWN)
    store(db_session, run_id, unknown)
    store(db_session, run_id, factories.failed_record(url("failed")))
    assert numbers(db_session).licences_checked == 2


def test_newest_components_come_first_and_only_published_ones(
    db_session: Session, run_id: int
) -> None:
    for name in ("erste", "zweite", "dritte"):
        store(db_session, run_id, factories.ok_record(url(name), name=name.title()))
    store(db_session, run_id, factories.failed_record(url("kaputt")))
    newest = newest_components(db_session, limit=2)
    assert [component.name for component in newest] == ["Dritte", "Zweite"]
    assert newest[0].publisher.name == "Smarte Musterstadt"


def test_newest_releases_by_date_across_components(db_session: Session, run_id: int) -> None:
    first = with_tags(
        factories.ok_record(url("a"), name="A"),
        ("v1.0", datetime.date(2023, 1, 5)),
        ("v2.0", datetime.date(2024, 6, 1)),
    )
    second = with_tags(factories.ok_record(url("b"), name="B"), ("v0.9", datetime.date(2024, 2, 1)))
    store(db_session, run_id, first)
    store(db_session, run_id, second)
    newest = newest_releases(db_session, limit=2)
    assert [(release.component.name, release.version) for release in newest] == [
        ("A", "2.0"),
        ("B", "0.9"),
    ]
    assert newest[0].component.publisher.name == "Smarte Musterstadt"
