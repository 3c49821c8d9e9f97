"""Harvest runs and what each repository's harvest found: findings and maturity checks.

A :class:`RepositoryHarvest` keeps one harvest of one URL with its provenance. The record's
larger parts (inspection, history, licences, health, forge data) are kept as JSON documents
for display; findings and check results get rows of their own so they can be queried.
"""

from __future__ import annotations

import datetime
import enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from harvester.records import CheckOutcome, HarvestStatus

from ..db import Base, intpk, sha, short, utcnow

if TYPE_CHECKING:
    from ..components.models import Component

__all__ = [
    "CheckResult",
    "Finding",
    "FindingOrigin",
    "HarvestRun",
    "RepositoryHarvest",
    "RunStatus",
]


class RunStatus(enum.StrEnum):
    """Whether a harvest run is still going."""

    RUNNING = "running"
    FINISHED = "finished"


class FindingOrigin(enum.StrEnum):
    """Which assessment a finding comes from."""

    PUBLICCODE = "publiccode"
    LICENCE = "licence"


class HarvestRun(Base):
    """One ``kataster harvest``: when, with which sources and harvester, and what it counted."""

    __tablename__ = "harvest_run"

    id: Mapped[intpk]
    started_at: Mapped[datetime.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime.datetime | None]
    sources: Mapped[str | None]  # the sources file's name, None for the shipped default
    harvester_version: Mapped[short]
    new: Mapped[int] = mapped_column(default=0)
    changed: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
    failed: Mapped[int] = mapped_column(default=0)
    dry_run: Mapped[bool] = mapped_column(default=False)
    status: Mapped[RunStatus] = mapped_column(default=RunStatus.RUNNING)


class RepositoryHarvest(Base):
    """One harvest of one repository URL (OK or FAILED), with provenance and its results."""

    __tablename__ = "repository_harvest"

    id: Mapped[intpk]
    run_id: Mapped[int] = mapped_column(ForeignKey("harvest_run.id"), index=True)
    component_id: Mapped[int] = mapped_column(
        ForeignKey("component.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(index=True)  # normalised
    source_url: Mapped[str]  # as harvested (credentials removed)
    commit: Mapped[sha | None]
    status: Mapped[HarvestStatus]
    failure: Mapped[str | None]
    harvested_at: Mapped[datetime.datetime]
    harvester_version: Mapped[short]
    model_version: Mapped[short | None]
    declared_url: Mapped[str | None]  # publiccode url naming another repository, normalised
    name: Mapped[str | None]
    description: Mapped[str | None]
    incomplete: Mapped[bool] = mapped_column(default=False)  # no publiccode.yml
    publiccode_path: Mapped[str | None]
    publiccode_raw: Mapped[str | None]
    publiccode_document: Mapped[dict[str, Any] | None]
    publiccode_valid: Mapped[bool | None]
    inspection: Mapped[dict[str, Any] | None]
    history: Mapped[dict[str, Any] | None]
    licences: Mapped[dict[str, Any] | None]  # the licence report without its findings
    health: Mapped[dict[str, Any] | None]
    forge: Mapped[dict[str, Any] | None]
    maturity_level: Mapped[int | None]
    archived: Mapped[bool | None]
    capped_by_licence: Mapped[bool | None]
    blocking: Mapped[list[Any] | None]  # ids of the checks keeping the next level out of reach
    single_commit_snapshot: Mapped[bool] = mapped_column(default=False)

    run: Mapped[HarvestRun] = relationship()
    component: Mapped[Component] = relationship(foreign_keys=[component_id])
    findings: Mapped[list[Finding]] = relationship(
        back_populates="harvest", cascade="all, delete-orphan", order_by="Finding.id"
    )
    checks: Mapped[list[CheckResult]] = relationship(
        back_populates="harvest", cascade="all, delete-orphan", order_by="CheckResult.id"
    )


class Finding(Base):
    """One message about publiccode.yml or the licences, placed at a key or a path."""

    __tablename__ = "finding"

    id: Mapped[intpk]
    harvest_id: Mapped[int] = mapped_column(
        ForeignKey("repository_harvest.id", ondelete="CASCADE"), index=True
    )
    origin: Mapped[FindingOrigin]
    type: Mapped[short]  # publiccode: error | warning | profile; licences: licence
    severity: Mapped[short | None]  # profile: required | recommended; licences: error | ...
    code: Mapped[str | None]  # the profile rule or the licence finding's stable code
    key: Mapped[str | None]  # publiccode.yml key path
    path: Mapped[str | None]  # the file
    line: Mapped[int | None]
    column: Mapped[int | None]
    message_de: Mapped[str | None]  # publiccode: the profile's messages (German)
    message_en: Mapped[str | None]  # publiccode: the reference validator's (English only)
    licences: Mapped[list[Any] | None]
    harvest: Mapped[RepositoryHarvest] = relationship(back_populates="findings")


class CheckResult(Base):
    """One maturity check's outcome at one commit under one model version, with evidence."""

    __tablename__ = "check_result"

    id: Mapped[intpk]
    harvest_id: Mapped[int] = mapped_column(
        ForeignKey("repository_harvest.id", ondelete="CASCADE"), index=True
    )
    check_id: Mapped[short]
    name: Mapped[str]
    outcome: Mapped[CheckOutcome]
    value: Mapped[str | None]
    threshold: Mapped[str | None]
    reason_de: Mapped[str]
    reason_en: Mapped[str]
    evidence: Mapped[list[Any]]
    model_version: Mapped[short]
    commit: Mapped[sha | None]
    harvest: Mapped[RepositoryHarvest] = relationship(back_populates="checks")
