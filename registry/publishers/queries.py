"""Publishers with their components and levels, for the publisher pages; the caller owns the
session.

A component's level is its published harvest's; a component without one (no good harvest
yet, or not rated) counts as "not rated". Archived components (``Component.archived``, which
follows the published harvest) keep their level in the counts and are counted again as
archived.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..components.models import Component
from ..harvest.models import RepositoryHarvest
from .models import Publisher

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = [
    "LEVELS",
    "ROUNDS",
    "ComponentRow",
    "LevelCounts",
    "PublisherIndex",
    "PublisherPage",
    "PublisherSummary",
    "RoundGroup",
    "publisher_index",
    "publisher_page",
]

LEVELS: Final = (0, 1, 2, 3, 4, 5)
ROUNDS: Final = {2019: 1, 2020: 2, 2021: 3}
"""The model projects' funding rounds (Staffeln): the year to the round's number."""

MODEL_PROJECT: Final = "model-project"

_Count = tuple[int | None, bool, int]
"""How many components (the int) have a level (None: not rated) and are archived or not."""


@dataclass(frozen=True, slots=True)
class LevelCounts:
    """How many components reached each level, how many are not rated, how many archived."""

    by_level: tuple[int, ...]  # index = level 0..5
    not_rated: int
    archived: int

    @property
    def total(self) -> int:
        return sum(self.by_level) + self.not_rated

    def present(self) -> list[tuple[int, int]]:
        """``(level, count)`` for the levels that have components, highest first."""
        return [(level, n) for level, n in reversed(list(enumerate(self.by_level))) if n]


@dataclass(frozen=True, slots=True)
class PublisherSummary:
    """A publisher as the index lists it."""

    id: str
    name: str
    kind: str
    round: int | None
    category: str | None
    levels: LevelCounts

    @property
    def components(self) -> int:
        return self.levels.total


@dataclass(frozen=True, slots=True)
class RoundGroup:
    """The model projects of one funding round (Staffel ``number``, ``year``)."""

    number: int | None
    year: int | None
    publishers: tuple[PublisherSummary, ...]


@dataclass(frozen=True, slots=True)
class PublisherIndex:
    rounds: tuple[RoundGroup, ...]
    others: tuple[PublisherSummary, ...]


@dataclass(frozen=True, slots=True)
class ComponentRow:
    id: int
    name: str
    url: str
    level: int | None
    archived: bool
    incomplete: bool


@dataclass(frozen=True, slots=True)
class PublisherPage:
    """One publisher with its members, code hosting, components and their levels."""

    id: str
    name: str
    kind: str
    round: int | None
    category: str | None
    members: tuple[tuple[str, str | None], ...]  # (name, AGS)
    code_hosting: tuple[tuple[str, bool, str], ...]  # (url, group, driver)
    components: tuple[ComponentRow, ...]
    levels: LevelCounts


def publisher_index(session: Session) -> PublisherIndex:
    """Model projects by round (then name), and every other publisher by name."""
    publishers = session.scalars(select(Publisher).order_by(Publisher.name, Publisher.id)).all()
    counts = _level_counts(session)
    summaries = [_summary(publisher, counts.get(publisher.id, [])) for publisher in publishers]
    projects = [s for s in summaries if s.kind == MODEL_PROJECT]
    rounds = sorted({s.round for s in projects}, key=lambda year: (year is None, year or 0))
    return PublisherIndex(
        rounds=tuple(_round_group(year, projects) for year in rounds),
        others=tuple(s for s in summaries if s.kind != MODEL_PROJECT),
    )


def publisher_page(session: Session, publisher_id: str) -> PublisherPage | None:
    """The page of ``publisher_id``; ``None`` when there is no such publisher."""
    publisher = session.scalars(
        select(Publisher)
        .where(Publisher.id == publisher_id)
        .options(selectinload(Publisher.members), selectinload(Publisher.code_hosting))
    ).first()
    if publisher is None:
        return None
    components = _components(session, publisher_id)
    return PublisherPage(
        id=publisher.id,
        name=publisher.name,
        kind=publisher.kind,
        round=publisher.round,
        category=publisher.category,
        members=tuple((member.name, member.ags) for member in publisher.members),
        code_hosting=tuple((h.url, h.group, h.driver) for h in publisher.code_hosting),
        components=components,
        levels=_counts((row.level, row.archived, 1) for row in components),
    )


def _round_group(year: int | None, projects: Sequence[PublisherSummary]) -> RoundGroup:
    number = ROUNDS.get(year) if year is not None else None
    return RoundGroup(number, year, tuple(s for s in projects if s.round == year))


def _summary(publisher: Publisher, rows: Sequence[_Count]) -> PublisherSummary:
    return PublisherSummary(
        id=publisher.id,
        name=publisher.name,
        kind=publisher.kind,
        round=publisher.round,
        category=publisher.category,
        levels=_counts(rows),
    )


def _level_counts(session: Session) -> dict[str, list[_Count]]:
    """Per publisher: how many components have each (level, archived), in one query."""
    level, archived = RepositoryHarvest.maturity_level, Component.archived
    query = (
        select(Component.publisher_id, level, archived, func.count())
        .outerjoin(RepositoryHarvest, Component.current_harvest_id == RepositoryHarvest.id)
        .group_by(Component.publisher_id, level, archived)
    )
    counts: dict[str, list[_Count]] = {}
    for publisher_id, reached, is_archived, n in session.execute(query):
        counts.setdefault(publisher_id, []).append((reached, bool(is_archived), n))
    return counts


def _counts(rows: Iterable[_Count]) -> LevelCounts:
    by_level = [0] * len(LEVELS)
    not_rated = archived = 0
    for level, is_archived, n in rows:
        if level is not None and level in LEVELS:
            by_level[level] += n
        else:
            not_rated += n
        archived += n if is_archived else 0
    return LevelCounts(tuple(by_level), not_rated, archived)


def _components(session: Session, publisher_id: str) -> tuple[ComponentRow, ...]:
    query = (
        select(Component)
        .where(Component.publisher_id == publisher_id)
        .options(selectinload(Component.current_harvest))
    )
    rows = [_component_row(component) for component in session.scalars(query)]
    return tuple(sorted(rows, key=lambda row: (row.name.casefold(), row.id)))


def _component_row(component: Component) -> ComponentRow:
    harvest = component.current_harvest
    return ComponentRow(
        id=component.id,
        name=component.name or component.canonical_url.rstrip("/").rsplit("/", 1)[-1],
        url=component.canonical_url,
        level=None if harvest is None else harvest.maturity_level,
        archived=bool(component.archived),
        incomplete=component.incomplete,
    )
