"""A catalogue to search: components stored through ingest, as a harvest would store them.

``catalogue.add(...)`` builds a harvest record with the publiccode.yml document, licences,
level and last commit asked for, and stores it with :func:`store_record`, which keeps the
search projection current; tests then call :func:`search` on the same session.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy.orm import Session

from harvester import records
from harvester.records import LicenceStatus
from registry.components.queries import find_component
from registry.harvest.ingest import start_run, store_record, upsert_publishers
from tests.registry import factories

OTHER_PUBLISHER = "landkreis-beispiel"


@dataclass
class Catalogue:
    session: Session
    run_id: int
    made: int = 0

    def add(
        self,
        name: str | None = "Mängelmelder",
        *,
        url: str | None = None,
        short_de: str | None = None,
        short_en: str | None = None,
        long_de: str | None = None,
        features_de: tuple[str, ...] = (),
        publisher_id: str = factories.PUBLISHER_ID,
        level: int = 2,
        changed: datetime.datetime | None = factories.NOW,
        licence: str | None = "EUPL-1.2",
        found_licences: tuple[str, ...] = (),
        **extra: Any,
    ) -> int:
        """Store a good harvest of a new repository; its component's id."""
        self.made += 1
        url = url or f"https://github.com/stadt-musterstadt/repository-{self.made}.git"
        record = factories.ok_record(url, name=name or "", level=level, publisher_id=publisher_id)
        description = _description(short_de, short_en, long_de, features_de)
        document = {"name": name, **({"description": description} if description else {})}
        document |= {"legal": {"license": licence}} if licence else {}
        document |= extra  # further publiccode.yml keys: developmentStatus=..., platforms=...
        record = replace(
            record,
            name=name,
            description=short_de or short_en,
            publiccode=replace(factories.publiccode(), document=json.dumps(document)),
            licences=_licences(licence, found_licences),
            history=replace(record.history, last_commit_at=changed) if changed else None,
        )
        store_record(self.session, self.run_id, record)
        component = find_component(self.session, url)
        assert component is not None
        return component.id


def _description(
    short_de: str | None, short_en: str | None, long_de: str | None, features: tuple[str, ...]
) -> dict[str, Any]:
    description: dict[str, Any] = {}
    german = {"shortDescription": short_de, "longDescription": long_de, "features": features}
    german = {key: value for key, value in german.items() if value}
    if german:
        description["de"] = german
    if short_en:
        description["en"] = {"shortDescription": short_en}
    return description


def _licences(declared: str | None, found: tuple[str, ...]) -> records.LicenceReport:
    files = tuple(
        records.LicenceFile(f"LICENSES/{spdx}.txt", LicenceStatus.IDENTIFIED, (spdx,), 1.0)
        for spdx in found
    )
    return records.LicenceReport(
        declared=declared,
        declared_valid=declared is not None,
        declared_ids=(declared,) if declared else (),
        files=files,
        manifests=(),
    )


@pytest.fixture
def catalogue(db_session: Session) -> Catalogue:
    other = factories.publisher(OTHER_PUBLISHER, name="Landkreis Beispiel", round=2021)
    upsert_publishers(db_session, [factories.publisher(), other])
    return Catalogue(db_session, start_run(db_session, harvester_version="0.1.0").id)
