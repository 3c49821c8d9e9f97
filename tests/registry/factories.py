"""Harvest records built by hand from harvester.records, as the harvester would hand them over.

Plain functions with keyword overrides; ``dataclasses.replace`` makes further variations.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from harvester import records
from harvester.records import (
    CheckOutcome,
    HarvestStatus,
    LicenceStatus,
    VersionScheme,
)

NOW = datetime.datetime(2024, 5, 1, 12, 0, tzinfo=datetime.UTC)
COMMIT = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"
URL = "https://github.com/Stadt-Musterstadt/maengelmelder.git"
KEY = "https://github.com/stadt-musterstadt/maengelmelder"
PUBLISHER_ID = "mpsc-musterstadt"


def publisher(id: str = PUBLISHER_ID, **changes: object) -> records.Publisher:
    listed = records.Publisher(
        id=id,
        name="Smarte Musterstadt",
        kind="model-project",
        round=2020,
        category="Mittlere Stadt",
        members=(records.Member("Musterstadt", "05122000"),),
        code_hosting=(
            records.CodeHosting("https://github.com/Stadt-Musterstadt", driver="github"),
        ),
    )
    return replace(listed, **changes)


def provenance(
    url: str = URL, commit: str | None = COMMIT, at: datetime.datetime = NOW
) -> records.Provenance:
    return records.Provenance(
        source_url=url,
        commit=commit,
        harvester_version="0.1.0",
        harvested_at=at,
        model_version="1.0",
    )


def ok_record(
    url: str = URL,
    *,
    commit: str = COMMIT,
    at: datetime.datetime = NOW,
    level: int = 2,
    canonical_url: str | None = None,
    tags: tuple[str, ...] = ("v1.0.0", "v1.1.0"),
    publisher_id: str = PUBLISHER_ID,
    name: str = "Mängelmelder",
) -> records.HarvestRecord:
    """A good harvest with every part filled in."""
    return records.HarvestRecord(
        publisher_id=publisher_id,
        url=url,
        provenance=provenance(url, commit, at),
        status=HarvestStatus.OK,
        canonical_url=canonical_url,
        name=name,
        description="Bürgerinnen melden Schäden im Stadtgebiet.",
        forge=forge(url),
        inspection=inspection(commit),
        history=history(commit, tags),
        publiccode=publiccode(),
        licences=licences(),
        maturity=maturity(level),
        health=health(),
    )


def failed_record(
    url: str = URL, failure: str = "git ls-remote: connection refused", at: datetime.datetime = NOW
) -> records.HarvestRecord:
    return records.HarvestRecord(
        publisher_id=PUBLISHER_ID,
        url=url,
        provenance=provenance(url, None, at),
        status=HarvestStatus.FAILED,
        failure=failure,
    )


def unchanged_record(
    url: str = URL, commit: str = COMMIT, at: datetime.datetime = NOW
) -> records.HarvestRecord:
    return records.HarvestRecord(
        publisher_id=PUBLISHER_ID,
        url=url,
        provenance=provenance(url, commit, at),
        status=HarvestStatus.UNCHANGED,
    )


def forge(url: str = URL) -> records.ForgeRepository:
    return records.ForgeRepository(
        clone_url=url,
        web_url=url.removesuffix(".git"),
        name="maengelmelder",
        full_name="Stadt-Musterstadt/maengelmelder",
        default_branch="main",
        archived=False,
        fork=False,
        stars=12,
        releases=(
            records.ForgeRelease(
                tag="v1.1.0",
                name="Version 1.1",
                published_at=datetime.datetime(2024, 3, 2, tzinfo=datetime.UTC),
                has_notes=True,
            ),
        ),
        driver="github",
    )


def inspection(commit: str = COMMIT) -> records.Inspection:
    return records.Inspection(
        commit=commit,
        default_branch="main",
        entries=42,
        licence_files=("LICENSE",),
        manifests=("package.json",),
        ci_files=(".github/workflows/test.yml",),
    )


def history(commit: str = COMMIT, tags: tuple[str, ...] = ("v1.0.0", "v1.1.0")) -> records.History:
    return records.History(
        as_of=NOW,
        commits=412,
        first_commit="f" * 40,
        first_commit_at=datetime.datetime(2019, 3, 1, tzinfo=datetime.UTC),
        last_commit=commit,
        last_commit_at=datetime.datetime(2024, 4, 30, tzinfo=datetime.UTC),
        commits_per_month=(records.MonthCount("2024-04", 9),),
        active_weeks_90d=7,
        commits_90d=12,
        commits_365d=80,
        authors_12m=5,
        new_authors_12m=2,
        absence_factor_12m=2,
        author_domains_24m=(("musterstadt.de", 70),),
        reviewed_merges_180d=None,
        merges_180d=None,
        tags=tuple(_tag(name, index) for index, name in enumerate(reversed(tags))),
    )


def _tag(name: str, index: int) -> records.Tag:
    return records.Tag(
        name=name,
        commit=f"{index:040x}",
        date=datetime.datetime(2024, 1, 1 + index, tzinfo=datetime.UTC),
        version=name.removeprefix("v"),
        scheme=VersionScheme.PEP440,
    )


def publiccode() -> records.PubliccodeReport:
    return records.PubliccodeReport(
        path="publiccode.yml",
        raw="publiccodeYmlVersion: '0.4'\nname: Mängelmelder\n",
        valid=True,
        findings=(
            records.PubliccodeFinding(
                type="warning",
                key="description.de.features",
                description="features is deprecated",
                line=7,
                column=5,
            ),
            records.PubliccodeFinding(
                type="profile",
                key="intendedAudience.scope",
                description="intendedAudience.scope fehlt",
                rule="SC-3",
                severity="recommended",
            ),
        ),
        document='{"name": "Mängelmelder", "publiccodeYmlVersion": "0.4"}',
    )


def licences() -> records.LicenceReport:
    return records.LicenceReport(
        declared="EUPL-1.2",
        declared_valid=True,
        declared_ids=("EUPL-1.2",),
        files=(records.LicenceFile("LICENSE", LicenceStatus.IDENTIFIED, ("EUPL-1.2",), 0.99),),
        manifests=(records.ManifestLicence("package.json", "license", "MIT", "MIT"),),
        osi_approved={"EUPL-1.2": True, "MIT": True},
        fsf_libre={"EUPL-1.2": True, "MIT": True},
        findings=(
            records.LicenceFinding(
                code="manifest-disagrees",
                severity="warning",
                message_de="package.json nennt MIT, erklärt ist EUPL-1.2",
                message_en="package.json names MIT, EUPL-1.2 is declared",
                path="package.json",
                licences=("MIT",),
            ),
        ),
    )


def maturity(level: int = 2) -> records.MaturityReport:
    return records.MaturityReport(
        model_version="1.0",
        level=level,
        archived=False,
        capped_by_licence=False,
        blocking=("L3.1",),
        checks=(
            records.CheckResult(
                id="L1.1",
                name="has_licence_file",
                outcome=CheckOutcome.PASS,
                value="LICENSE",
                threshold="a licence file at the root",
                reason_de="Eine Lizenzdatei liegt im Wurzelverzeichnis.",
                reason_en="A licence file is at the root.",
                evidence=(records.Evidence("G", path="LICENSE", line=1, commit=COMMIT),),
            ),
            records.CheckResult(
                id="L3.1",
                name="has_recent_commits",
                outcome=CheckOutcome.FAIL,
                value="3 of 12 months",
                threshold=">= 6 of the last 12 calendar months",
                reason_de="Zu wenige Monate mit Commits.",
                reason_en="Too few months with commits.",
            ),
        ),
    )


def health() -> records.Health:
    return records.Health(
        commits_90d=12,
        commits_365d=80,
        active_weeks_90d=7,
        releases_365d=2,
        last_release_at=datetime.datetime(2024, 3, 2, tzinfo=datetime.UTC),
        absence_factor_12m=2,
        elephant_factor_24m=1,
        new_contributors_12m=2,
        commits_per_month=(records.MonthCount("2024-04", 9),),
    )
