"""The browser tests' data: the demo catalogue, and the few facts about it the tests need
(which component is the most mature, which is incomplete, which publisher has components)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from registry.components.models import Component
from registry.db import make_engine
from registry.demo import build_demo
from registry.harvest.models import RepositoryHarvest

__all__ = ["DemoFacts", "build_demo_database", "demo_facts"]


@dataclass(frozen=True)
class DemoFacts:
    database_url: str
    mature_component: int  # the id of a component with the highest level in the demo
    mature_level: int
    incomplete_component: int  # the id of a component without publiccode.yml
    publisher: str  # the id of a publisher of the mature component
    levels: Mapping[int, int | None]  # every component's level (None: not rated)


def build_demo_database(folder: Path, database_url: str) -> None:
    """Build the demo's repositories in ``folder`` and harvest them into the empty database
    at ``database_url`` (the demo migrates it)."""
    build_demo(folder, database_url)


def demo_facts(database_url: str) -> DemoFacts:
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            mature = _most_mature(session)
            levels = _levels(session)
            incomplete = session.scalars(
                select(Component.id).where(Component.incomplete).order_by(Component.id)
            ).first()
    finally:
        engine.dispose()
    assert mature is not None, "the demo has no rated component"
    assert incomplete is not None, "the demo has no incomplete component"
    component, level, publisher = mature
    return DemoFacts(database_url, component, level, incomplete, publisher, levels)


def _levels(session: Session) -> dict[int, int | None]:
    rows = session.execute(
        select(Component.id, RepositoryHarvest.maturity_level).outerjoin(
            RepositoryHarvest, Component.current_harvest_id == RepositoryHarvest.id
        )
    )
    return {component: level for component, level in rows}


def _most_mature(session: Session) -> tuple[int, int, str] | None:
    rated = (
        select(Component.id, RepositoryHarvest.maturity_level, Component.publisher_id)
        .join(RepositoryHarvest, Component.current_harvest_id == RepositoryHarvest.id)
        .where(RepositoryHarvest.maturity_level.is_not(None))
        .order_by(RepositoryHarvest.maturity_level.desc(), Component.id)
    )
    row = session.execute(rated).first()
    if row is None or row[1] is None:
        return None
    return row[0], row[1], row[2]
