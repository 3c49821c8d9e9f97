"""One harvest record as rows: the repository harvest with its findings and check results."""

from __future__ import annotations

import json
from typing import Any

from harvester import records

from ._plain import plain, plain_object
from .models import FindingOrigin, RepositoryHarvest

__all__ = ["detail_rows", "harvest_row"]


def harvest_row(
    run_id: int, component_id: int, record: records.HarvestRecord, key: str, declared: str | None
) -> RepositoryHarvest:
    """The record as a :class:`RepositoryHarvest` (not yet added to a session)."""
    provenance = record.provenance
    harvest = RepositoryHarvest(
        run_id=run_id,
        component_id=component_id,
        url=key,
        source_url=provenance.source_url,
        commit=provenance.commit,
        status=record.status,
        failure=record.failure,
        harvested_at=provenance.harvested_at,
        harvester_version=provenance.harvester_version,
        model_version=_model_version(record),
        declared_url=declared,
        name=record.name,
        description=record.description,
        incomplete=record.incomplete,
        inspection=plain_object(record.inspection),
        history=plain_object(record.history),
        licences=plain_object(record.licences, without=("findings",)),
        health=plain_object(record.health),
        forge=plain_object(record.forge),
        single_commit_snapshot=record.single_commit_snapshot,
    )
    _add_publiccode(harvest, record.publiccode)
    _add_maturity(harvest, record.maturity)
    return harvest


def detail_rows(
    harvest_id: int, record: records.HarvestRecord
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The record's findings and check results as rows of ``harvest_id``, for one bulk
    INSERT each (dozens per repository: one statement per row would dominate a harvest)."""
    findings: list[dict[str, Any]] = []
    if record.publiccode is not None:
        path = record.publiccode.path
        findings += [_publiccode_finding(f, path) for f in record.publiccode.findings]
    if record.licences is not None:
        findings += [_licence_finding(f) for f in record.licences.findings]
    checks: list[dict[str, Any]] = []
    if record.maturity is not None:
        version, commit = record.maturity.model_version, record.provenance.commit
        checks = [_check(check, version, commit) for check in record.maturity.checks]
    for row in (*findings, *checks):
        row["harvest_id"] = harvest_id
    return findings, checks


def _model_version(record: records.HarvestRecord) -> str | None:
    if record.provenance.model_version is not None:
        return record.provenance.model_version
    return None if record.maturity is None else record.maturity.model_version


def _add_publiccode(harvest: RepositoryHarvest, report: records.PubliccodeReport | None) -> None:
    if report is None:
        return
    harvest.publiccode_path = report.path
    harvest.publiccode_raw = report.raw
    harvest.publiccode_valid = report.valid
    harvest.publiccode_document = _document(report.document)


def _document(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    loaded = json.loads(text)
    return plain(loaded) if isinstance(loaded, dict) else None


def _publiccode_finding(finding: records.PubliccodeFinding, path: str) -> dict[str, Any]:
    """The reference validator's messages are English; the profile's are German (``de``)."""
    profile = finding.type == "profile"
    return dict(
        origin=FindingOrigin.PUBLICCODE,
        type=finding.type,
        severity=finding.severity,
        code=finding.rule,
        key=finding.key,
        path=path,
        line=finding.line or None,
        column=finding.column or None,
        message_de=finding.description if profile else None,
        message_en=None if profile else finding.description,
    )


def _licence_finding(finding: records.LicenceFinding) -> dict[str, Any]:
    return dict(
        origin=FindingOrigin.LICENCE,
        type="licence",
        severity=finding.severity,
        code=finding.code,
        path=finding.path,
        message_de=finding.message_de,
        message_en=finding.message_en,
        licences=list(finding.licences),
    )


def _add_maturity(harvest: RepositoryHarvest, report: records.MaturityReport | None) -> None:
    if report is None:
        return
    harvest.maturity_level = report.level
    harvest.archived = report.archived
    harvest.capped_by_licence = report.capped_by_licence
    harvest.blocking = list(report.blocking)


def _check(check: records.CheckResult, model_version: str, commit: str | None) -> dict[str, Any]:
    return dict(
        check_id=check.id,
        name=check.name,
        outcome=check.outcome,
        value=check.value,
        threshold=check.threshold,
        reason_de=check.reason_de,
        reason_en=check.reason_en,
        evidence=plain(check.evidence),
        model_version=model_version,
        commit=commit,
    )
