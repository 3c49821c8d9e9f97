"""Components (one per canonical repository URL), their aliases and their releases."""

from __future__ import annotations

import datetime
import enum

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from harvester.records import HarvestStatus, VersionScheme

from ..db import Base, created, intpk, sha, utcnow
from ..harvest.models import RepositoryHarvest
from ..publishers.models import Publisher

__all__ = ["AliasReason", "Component", "ComponentAlias", "Release"]


class AliasReason(enum.StrEnum):
    """Why another URL leads to a component."""

    LISTED = "listed"  # a URL the sources list for the same repository
    MIRROR = "mirror"  # its publiccode.yml names the component's repository as the original
    RENAMED = "renamed"  # the repository's former address
    FORK = "fork"  # reserved: forks are components of their own (``Component.fork``)


class Component(Base):
    """One reusable solution, identified by its canonical repository URL (normalised).

    ``current_harvest`` is the last good harvest: what is published. A failed harvest only
    changes the ``last_attempt_*`` fields, so the last good data stays published.
    """

    __tablename__ = "component"

    id: Mapped[intpk]
    canonical_url: Mapped[str] = mapped_column(unique=True)
    url: Mapped[str]  # the canonical repository's URL as harvested (credentials removed)
    publisher_id: Mapped[str] = mapped_column(ForeignKey("publisher.id"), index=True)
    name: Mapped[str | None]
    description: Mapped[str | None]
    incomplete: Mapped[bool] = mapped_column(default=False)
    archived: Mapped[bool | None]
    fork: Mapped[bool | None]
    parent_url: Mapped[str | None]
    mirror: Mapped[bool | None]
    single_commit_snapshot: Mapped[bool] = mapped_column(default=False)
    declared_url: Mapped[str | None] = mapped_column(index=True)  # publiccode url, elsewhere
    current_harvest_id: Mapped[int | None] = mapped_column(
        ForeignKey("repository_harvest.id", use_alter=True, ondelete="SET NULL")
    )
    last_attempt_at: Mapped[datetime.datetime | None]
    last_attempt_status: Mapped[HarvestStatus | None]
    last_failure: Mapped[str | None]
    last_serial: Mapped[int | None]
    created_at: Mapped[created]
    updated_at: Mapped[datetime.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    publisher: Mapped[Publisher] = relationship()
    current_harvest: Mapped[RepositoryHarvest | None] = relationship(
        foreign_keys=[current_harvest_id], post_update=True
    )
    aliases: Mapped[list[ComponentAlias]] = relationship(
        back_populates="component", cascade="all, delete-orphan", order_by="ComponentAlias.url"
    )
    releases: Mapped[list[Release]] = relationship(
        back_populates="component", cascade="all, delete-orphan", order_by="Release.id"
    )

    def publish(self, harvest: RepositoryHarvest) -> None:
        """Make ``harvest`` the published one; the descriptive fields follow it."""
        forge = harvest.forge or {}
        self.current_harvest = harvest
        self.name = harvest.name
        self.description = harvest.description
        self.incomplete = harvest.incomplete
        self.archived = forge.get("archived") if harvest.archived is None else harvest.archived
        self.fork = forge.get("fork")
        self.parent_url = forge.get("parent_url")
        self.mirror = forge.get("mirror")
        self.single_commit_snapshot = harvest.single_commit_snapshot


class ComponentAlias(Base):
    """Another URL of a component's repository: a mirror, a former address."""

    __tablename__ = "component_alias"

    id: Mapped[intpk]
    component_id: Mapped[int] = mapped_column(
        ForeignKey("component.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(unique=True)  # normalised
    raw_url: Mapped[str]
    reason: Mapped[AliasReason]
    created_at: Mapped[created]
    component: Mapped[Component] = relationship(back_populates="aliases")


class Release(Base):
    """A version of a component: a version-like git tag, a forge release, or both."""

    __tablename__ = "release"
    __table_args__ = (UniqueConstraint("component_id", "tag"),)

    id: Mapped[intpk]
    component_id: Mapped[int] = mapped_column(ForeignKey("component.id", ondelete="CASCADE"))
    tag: Mapped[str]
    commit: Mapped[sha | None]
    date: Mapped[datetime.datetime | None]
    version: Mapped[str]
    scheme: Mapped[VersionScheme]
    name: Mapped[str | None]  # the forge release's title
    from_tag: Mapped[bool] = mapped_column(default=False)
    from_forge: Mapped[bool] = mapped_column(default=False)
    has_notes: Mapped[bool | None]
    created_at: Mapped[created]
    component: Mapped[Component] = relationship(back_populates="releases")
