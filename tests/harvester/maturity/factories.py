"""Small Facts for the maturity tests: a well-kept repository by default, changed per test.

``make_facts()`` describes a repository that passes every check this harvester version can
pass; a test changes the one input its behaviour is about::

    facts = make_facts(inspection=make_inspection(licence_files=()))
    facts = make_facts(document=make_document(developmentStatus="concept"))
    result = run("L1.1", facts)
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import yaml

from harvester.maturity import CHECKS, Facts, load_model
from harvester.records import (
    CheckResult,
    ForgeRelease,
    ForgeRepository,
    History,
    Inspection,
    LicenceFile,
    LicenceReport,
    LicenceStatus,
    MonthCount,
    PubliccodeFinding,
    PubliccodeReport,
    Readme,
    Tag,
    VersionScheme,
)

UTC = datetime.UTC
TODAY = datetime.date(2026, 6, 15)
NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
COMMIT = "c0ffee" + "0" * 34


def at(year: int, month: int, day: int) -> datetime.datetime:
    """Noon UTC on that day."""
    return datetime.datetime(year, month, day, 12, 0, tzinfo=UTC)


def run(check_id: str, facts: Facts) -> CheckResult:
    """Run one registered check with the thresholds of model 1.0."""
    return CHECKS[check_id](facts, load_model("1.0").check(check_id).params)


def make_inspection(**changes: Any) -> Inspection:
    fields: dict[str, Any] = {
        "commit": COMMIT,
        "default_branch": "main",
        "entries": 120,
        "readme": make_readme(),
        "licence_files": ("LICENSE",),
        "contributing_files": ("CONTRIBUTING.md",),
        "security_files": ("SECURITY.md",),
        "changelog_files": ("CHANGELOG.md",),
        "governance_files": ("GOVERNANCE.md",),
        "ci_files": (".gitlab-ci.yml",),
        "test_paths": ("tests/",),
        "manifests": ("pyproject.toml",),
        "lockfiles": ("uv.lock",),
        "cla_assignment": False,
        "standards_declared": ("OGC SensorThings API",),
        "reuse_files_with_licence": 120,
        "reuse_files_total": 120,
    }
    return Inspection(**(fields | changes))


def make_readme(**changes: Any) -> Readme:
    fields: dict[str, Any] = {
        "path": "README.md",
        "language": "de",
        "words": 400,
        "install_heading": "Installation",
        "install_line": 12,
        "title": "Parkleitsystem",
        "description": "Freie Parkplätze in Echtzeit.",
    }
    return Readme(**(fields | changes))


def months(count: int, commits: int, end: str = "2026-06") -> tuple[MonthCount, ...]:
    """``count`` calendar months ending with ``end``, each with ``commits`` commits."""
    year, month = (int(part) for part in end.split("-"))
    keys = []
    for _ in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return tuple(MonthCount(key, commits) for key in reversed(keys))


def make_tag(name: str, date: datetime.datetime | None) -> Tag:
    return Tag(name, "7a9" + "0" * 37, date, name.lstrip("v"), VersionScheme.SEMVER)


def make_history(**changes: Any) -> History:
    fields: dict[str, Any] = {
        "as_of": NOW,
        "commits": 500,
        "first_commit": "a" * 40,
        "first_commit_at": at(2022, 1, 10),
        "last_commit": "b" * 40,
        "last_commit_at": at(2026, 6, 10),
        "commits_per_month": months(24, 10),
        "active_weeks_90d": 12,
        "commits_90d": 40,
        "commits_365d": 120,
        "authors_12m": 4,
        "new_authors_12m": 1,
        "absence_factor_12m": 2,
        "author_domains_24m": (("stadt-a.de", 45), ("firma-b.de", 35), ("stadt-c.de", 20)),
        "reviewed_merges_180d": 8,
        "merges_180d": 10,
        "tags": (make_tag("v1.2.0", at(2026, 4, 1)), make_tag("v1.1.0", at(2025, 10, 1))),
    }
    return History(**(fields | changes))


def make_document(**changes: Any) -> dict[str, Any]:
    """A decoded publiccode.yml; a key given as None is left out."""
    document: dict[str, Any] = {
        "publiccodeYmlVersion": "0.4",
        "name": "Parkleitsystem",
        "url": "https://gitlab.example/stadt-a/parken.git",
        "developmentStatus": "stable",
        "softwareType": "standalone/web",
        "usedBy": ["Stadt A", "Stadt C"],
        "legal": {"license": "EUPL-1.2"},
        "maintenance": {
            "type": "contract",
            "contractors": [{"name": "Firma B", "until": "2027-06-30"}],
        },
        "dependsOn": {"open": [{"name": "PostgreSQL"}]},
    }
    merged = document | changes
    return {key: value for key, value in merged.items() if value is not None}


def make_publiccode(
    document: dict[str, Any], findings: tuple[PubliccodeFinding, ...] = ()
) -> PubliccodeReport:
    return PubliccodeReport(
        path="publiccode.yml",
        raw=yaml.safe_dump(document, sort_keys=False, allow_unicode=True),
        valid=not any(finding.type == "error" for finding in findings),
        findings=findings,
        document=json.dumps(document, sort_keys=True),
    )


def make_licences(**changes: Any) -> LicenceReport:
    fields: dict[str, Any] = {
        "declared": "EUPL-1.2",
        "declared_valid": True,
        "declared_ids": ("EUPL-1.2",),
        "files": (LicenceFile("LICENSE", LicenceStatus.IDENTIFIED, ("EUPL-1.2",), 1.0),),
        "manifests": (),
        "osi_approved": {"EUPL-1.2": True},
        "fsf_libre": {"EUPL-1.2": True},
    }
    return LicenceReport(**(fields | changes))


def make_forge(**changes: Any) -> ForgeRepository:
    fields: dict[str, Any] = {
        "clone_url": "https://gitlab.example/stadt-a/parken.git",
        "web_url": "https://gitlab.example/stadt-a/parken",
        "name": "parken",
        "full_name": "stadt-a/parken",
        "archived": False,
        "issues_enabled": True,
        "releases": (ForgeRelease("v1.2.0", "1.2.0", at(2026, 4, 2), True),),
        "driver": "gitlab",
    }
    return ForgeRepository(**(fields | changes))


def make_facts(**changes: Any) -> Facts:
    """A well-kept repository; a changed ``document`` brings its own publiccode report."""
    document = changes.get("document", make_document())
    fields: dict[str, Any] = {
        "clonable": True,
        "today": TODAY,
        "commit": COMMIT,
        "inspection": make_inspection(),
        "history": make_history(),
        "publiccode": None if document is None else make_publiccode(document),
        "document": document,
        "licences": make_licences(),
        "forge": make_forge(),
        "publisher_id": "stadt-a",
    }
    return Facts(**(fields | changes))
