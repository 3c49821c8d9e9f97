"""Harvest runs and a component's harvest history; the caller owns the session."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..components import models as _components  # noqa: F401 - RepositoryHarvest.component
from .models import HarvestRun, RepositoryHarvest

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["harvests_of", "recent_runs"]


def recent_runs(session: Session, limit: int = 10) -> Sequence[HarvestRun]:
    """The newest runs first."""
    return session.scalars(select(HarvestRun).order_by(HarvestRun.id.desc()).limit(limit)).all()


def harvests_of(
    session: Session, component_id: int, limit: int = 20
) -> Sequence[RepositoryHarvest]:
    """A component's harvests (its URL's and its aliases', good and failed), newest first."""
    query = (
        select(RepositoryHarvest)
        .where(RepositoryHarvest.component_id == component_id)
        .order_by(RepositoryHarvest.harvested_at.desc(), RepositoryHarvest.id.desc())
        .limit(limit)
    )
    return session.scalars(query).all()
