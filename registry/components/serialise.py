"""A component as plain JSON data: the one shape that reports, the API and exports build on.

The keys are documented in the README (``kataster report``, JSON output); they are an interface, so keys are
only ever added. Messages stored in German and English are both included.
"""

from __future__ import annotations

import datetime
from typing import Any

from ..harvest.models import CheckResult, Finding, FindingOrigin, RepositoryHarvest
from .models import Component, ComponentAlias, Release

__all__ = ["serialise_component", "serialise_release"]


def serialise_component(component: Component) -> dict[str, Any]:
    """Everything stored about ``component``; harvest parts are ``None`` before a good one."""
    harvest = component.current_harvest
    publisher = component.publisher
    return {
        "id": component.id,
        "url": component.canonical_url,
        "repository_url": component.url,
        "aliases": [_alias(alias) for alias in component.aliases],
        "publisher": {
            "id": publisher.id,
            "name": publisher.name,
            "kind": publisher.kind,
            "round": publisher.round,
            "category": publisher.category,
        },
        "name": component.name,
        "description": component.description,
        "incomplete": component.incomplete,
        "archived": component.archived,
        "fork": component.fork,
        "parent_url": component.parent_url,
        "mirror": component.mirror,
        "single_commit_snapshot": component.single_commit_snapshot,
        "declared_url": component.declared_url,
        "last_serial": component.last_serial,
        "last_attempt": _last_attempt(component),
        "harvest": None if harvest is None else _harvest(harvest),
        **_results(harvest),
        "releases": [serialise_release(release) for release in _newest_first(component)],
    }


def serialise_release(release: Release) -> dict[str, Any]:
    """One release: its tag, normalised version and where it was seen."""
    return {
        "tag": release.tag,
        "version": release.version,
        "scheme": str(release.scheme),
        "commit": release.commit,
        "date": _time(release.date),
        "name": release.name,
        "from_tag": release.from_tag,
        "from_forge": release.from_forge,
        "has_notes": release.has_notes,
    }


def _alias(alias: ComponentAlias) -> dict[str, Any]:
    return {"url": alias.raw_url, "key": alias.url, "reason": str(alias.reason)}


def _last_attempt(component: Component) -> dict[str, Any] | None:
    if component.last_attempt_status is None:
        return None
    return {
        "status": str(component.last_attempt_status),
        "at": _time(component.last_attempt_at),
        "failure": component.last_failure,
    }


def _harvest(harvest: RepositoryHarvest) -> dict[str, Any]:
    return {
        "url": harvest.source_url,
        "commit": harvest.commit,
        "harvested_at": _time(harvest.harvested_at),
        "harvester_version": harvest.harvester_version,
        "model_version": harvest.model_version,
        "run_id": harvest.run_id,
    }


def _results(harvest: RepositoryHarvest | None) -> dict[str, Any]:
    """The published harvest's assessment; all ``None`` while there is none."""
    if harvest is None:
        parts = ("publiccode", "licences", "history", "health", "maturity", "inspection", "forge")
        return dict.fromkeys(parts)
    return {
        "publiccode": _publiccode(harvest),
        "licences": _licences(harvest),
        "history": harvest.history,
        "health": harvest.health,
        "maturity": _maturity(harvest),
        "inspection": harvest.inspection,
        "forge": harvest.forge,
    }


def _publiccode(harvest: RepositoryHarvest) -> dict[str, Any]:
    return {
        "present": harvest.publiccode_path is not None,
        "path": harvest.publiccode_path,
        "valid": harvest.publiccode_valid,
        "findings": _findings(harvest, FindingOrigin.PUBLICCODE),
        "document": harvest.publiccode_document,
        "raw": harvest.publiccode_raw,
    }


def _licences(harvest: RepositoryHarvest) -> dict[str, Any] | None:
    if harvest.licences is None:
        return None
    return {**harvest.licences, "findings": _findings(harvest, FindingOrigin.LICENCE)}


def _findings(harvest: RepositoryHarvest, origin: FindingOrigin) -> list[dict[str, Any]]:
    return [_finding(finding) for finding in harvest.findings if finding.origin is origin]


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "type": finding.type,
        "severity": finding.severity,
        "code": finding.code,
        "key": finding.key,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "message_de": finding.message_de,
        "message_en": finding.message_en,
        "licences": finding.licences,
    }


def _maturity(harvest: RepositoryHarvest) -> dict[str, Any] | None:
    if harvest.maturity_level is None:
        return None
    return {
        "model_version": harvest.model_version,
        "level": harvest.maturity_level,
        "archived": harvest.archived,
        "capped_by_licence": harvest.capped_by_licence,
        "blocking": harvest.blocking or [],
        "checks": [_check(check) for check in harvest.checks],
    }


def _check(check: CheckResult) -> dict[str, Any]:
    return {
        "id": check.check_id,
        "name": check.name,
        "outcome": str(check.outcome),
        "value": check.value,
        "threshold": check.threshold,
        "reason_de": check.reason_de,
        "reason_en": check.reason_en,
        "evidence": check.evidence,
        "commit": check.commit,
    }


def _newest_first(component: Component) -> list[Release]:
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return sorted(component.releases, key=lambda r: (r.date or oldest, r.id), reverse=True)


def _time(value: datetime.datetime | None) -> str | None:
    return None if value is None else value.isoformat()
