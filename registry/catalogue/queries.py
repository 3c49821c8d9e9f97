"""What the home page shows beside the search: the catalogue's numbers, the newest entries.

The caller owns the session (STYLE.md rule 7).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, joinedload

from harvester.records import CheckOutcome

from ..components.models import Component, Release
from ..harvest.models import CheckResult
from ..publishers.models import Publisher

if TYPE_CHECKING:
    from sqlalchemy import Select
    from sqlalchemy.orm import Session

__all__ = [
    "LICENCE_CHECKS",
    "MODEL_PROJECT",
    "Numbers",
    "newest_components",
    "newest_releases",
    "numbers",
]

MODEL_PROJECT: Final = "model-project"
"""The publisher kind of the Model Projects Smart Cities."""

LICENCE_CHECKS: Final = ("L1.1", "L1.2", "L1.3")
"""The maturity checks that read a component's licences (file, declaration, agreement)."""


@dataclass(frozen=True, slots=True)
class Numbers:
    """The catalogue in three numbers."""

    components: int
    model_projects: int
    licences_checked: int  # components whose published harvest has a licence verdict


def numbers(session: Session) -> Numbers:
    """Count components, model projects, and components whose licences were checked."""
    # a licence verdict: a licence check of the published harvest ended with pass or fail
    verdicts = (
        select(CheckResult.harvest_id)
        .where(CheckResult.check_id.in_(LICENCE_CHECKS))
        .where(CheckResult.outcome.in_((CheckOutcome.PASS, CheckOutcome.FAIL)))
    )
    count = select(func.count())
    return Numbers(
        components=_count(session, count.select_from(Component)),
        model_projects=_count(session, count.where(Publisher.kind == MODEL_PROJECT)),
        licences_checked=_count(session, count.where(Component.current_harvest_id.in_(verdicts))),
    )


def _count(session: Session, statement: Select[Any]) -> int:
    return session.scalar(statement) or 0


def newest_components(session: Session, limit: int = 5) -> Sequence[Component]:
    """The components added last that have a published harvest, newest first."""
    query = (
        select(Component)
        .where(Component.current_harvest_id.is_not(None))
        .order_by(Component.created_at.desc(), Component.id.desc())
        .options(joinedload(Component.publisher))
        .limit(limit)
    )
    return session.scalars(query).all()


def newest_releases(session: Session, limit: int = 5) -> Sequence[Release]:
    """The releases with the newest dates (undated ones never), each with its component."""
    query = (
        select(Release)
        .join(Release.component)
        .where(Release.date.is_not(None))
        .order_by(Release.date.desc(), Release.id.desc())
        .options(contains_eager(Release.component).joinedload(Component.publisher))
        .limit(limit)
    )
    return session.scalars(query).all()
