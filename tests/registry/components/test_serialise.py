"""A component as plain JSON data: stable keys, both languages, nothing published before a
good harvest."""

from __future__ import annotations

import datetime
import json
from dataclasses import replace

import pytest
from sqlalchemy.orm import Session

from harvester import records
from registry.components.queries import find_component
from registry.components.serialise import serialise_component
from registry.harvest.ingest import start_run, store_record, upsert_publishers
from tests.registry import factories

KEYS = [
    "aliases",
    "archived",
    "declared_url",
    "description",
    "forge",
    "fork",
    "harvest",
    "health",
    "history",
    "id",
    "incomplete",
    "inspection",
    "last_attempt",
    "last_serial",
    "licences",
    "maturity",
    "mirror",
    "name",
    "parent_url",
    "publiccode",
    "publisher",
    "releases",
    "repository_url",
    "single_commit_snapshot",
    "url",
]


def serialised(session: Session, *stored: records.HarvestRecord) -> dict[str, object]:
    upsert_publishers(session, [factories.publisher()])
    run = start_run(session, harvester_version="0.1.0")
    for record in stored:
        store_record(session, run.id, record)
    session.commit()
    component = find_component(session, factories.URL)
    assert component is not None
    return serialise_component(component)


@pytest.fixture
def data(db_session: Session) -> dict[str, object]:
    return serialised(db_session, factories.ok_record())


def test_keys_are_the_documented_ones(data: dict[str, object]) -> None:
    assert sorted(data) == KEYS


def test_is_plain_json(data: dict[str, object]) -> None:
    assert json.loads(json.dumps(data)) == data


def test_names_the_component_and_its_publisher(data: dict[str, object]) -> None:
    assert data["url"] == factories.KEY
    assert data["repository_url"] == factories.URL
    assert data["publisher"] == {
        "id": "mpsc-musterstadt",
        "name": "Smarte Musterstadt",
        "kind": "model-project",
        "round": 2020,
        "category": "Mittlere Stadt",
    }


def test_carries_the_published_harvests_provenance(data: dict[str, object]) -> None:
    harvest = data["harvest"]
    assert isinstance(harvest, dict)
    assert harvest["commit"] == factories.COMMIT
    assert harvest["harvested_at"] == "2024-05-01T12:00:00+00:00"
    assert (harvest["harvester_version"], harvest["model_version"]) == ("0.1.0", "1.0")


def test_publiccode_findings_carry_both_languages(data: dict[str, object]) -> None:
    publiccode = data["publiccode"]
    assert isinstance(publiccode, dict)
    assert (publiccode["present"], publiccode["valid"]) == (True, True)
    assert publiccode["findings"][1] == {
        "type": "profile",
        "severity": "recommended",
        "code": "SC-3",
        "key": "intendedAudience.scope",
        "path": "publiccode.yml",
        "line": None,
        "column": None,
        "message_de": "intendedAudience.scope fehlt",
        "message_en": None,
        "licences": None,
    }


def test_the_licence_panel_has_every_source_and_its_findings(data: dict[str, object]) -> None:
    licences = data["licences"]
    assert isinstance(licences, dict)
    assert licences["declared"] == "EUPL-1.2"
    assert licences["files"] == [
        {
            "path": "LICENSE",
            "status": "identified",
            "spdx_ids": ["EUPL-1.2"],
            "coverage": 0.99,
            "note": None,
        }
    ]
    assert licences["manifests"][0]["spdx"] == "MIT"
    assert licences["osi_approved"] == {"EUPL-1.2": True, "MIT": True}
    assert [f["code"] for f in licences["findings"]] == ["manifest-disagrees"]


def test_maturity_lists_every_check_with_evidence(data: dict[str, object]) -> None:
    maturity = data["maturity"]
    assert isinstance(maturity, dict)
    assert (maturity["level"], maturity["blocking"]) == (2, ["L3.1"])
    assert [(c["id"], c["outcome"]) for c in maturity["checks"]] == [
        ("L1.1", "pass"),
        ("L3.1", "fail"),
    ]
    assert maturity["checks"][0]["evidence"][0]["path"] == "LICENSE"


def test_releases_come_newest_first(data: dict[str, object]) -> None:
    releases = data["releases"]
    assert isinstance(releases, list)
    assert [r["tag"] for r in releases] == ["v1.1.0", "v1.0.0"]
    assert releases[0]["date"] == "2024-03-02T00:00:00+00:00"


def test_before_a_good_harvest_nothing_is_published(db_session: Session) -> None:
    data = serialised(db_session, factories.failed_record())
    assert data["harvest"] is None
    assert data["publiccode"] is data["licences"] is data["maturity"] is None
    assert data["last_attempt"] == {
        "status": "failed",
        "at": "2024-05-01T12:00:00+00:00",
        "failure": "git ls-remote: connection refused",
    }


def test_a_failure_after_a_good_harvest_keeps_the_harvest(db_session: Session) -> None:
    later = factories.NOW + datetime.timedelta(days=1)
    data = serialised(db_session, factories.ok_record(), factories.failed_record(at=later))
    assert isinstance(data["harvest"], dict)
    assert data["harvest"]["commit"] == factories.COMMIT
    assert isinstance(data["last_attempt"], dict)
    assert data["last_attempt"]["status"] == "failed"


def test_a_repository_without_publiccode_says_so(db_session: Session) -> None:
    record = replace(factories.ok_record(), publiccode=None, incomplete=True)
    data = serialised(db_session, record)
    assert data["incomplete"] is True
    assert isinstance(data["publiccode"], dict)
    assert data["publiccode"]["present"] is False
