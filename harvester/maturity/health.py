"""The health panel: CHAOSS metrics shown beside the level, never folded into it."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ..records import ForgeRepository, Health, History
from ._releases import release_dates

__all__ = ["elephant_factor", "health"]

_YEAR = datetime.timedelta(days=365)


def health(
    history: History | None, forge: ForgeRepository | None, as_of: datetime.datetime
) -> Health:
    """The health metrics at ``as_of``; a metric is None when its data was not gathered.

    Releases count version tags (git) and forge releases, one per tag name, dated within
    the 365 days before ``as_of``.
    """
    dates = release_dates(history, forge)
    recent = None if dates is None else [d for d in dates.values() if as_of - _YEAR < d <= as_of]
    return Health(
        commits_90d=history.commits_90d if history else None,
        commits_365d=history.commits_365d if history else None,
        active_weeks_90d=history.active_weeks_90d if history else None,
        releases_365d=None if recent is None else len(recent),
        last_release_at=max((d for d in (dates or {}).values() if d <= as_of), default=None),
        absence_factor_12m=history.absence_factor_12m if history else None,
        elephant_factor_24m=elephant_factor(history.author_domains_24m) if history else None,
        new_contributors_12m=history.new_authors_12m if history else None,
        commits_per_month=history.commits_per_month if history else (),
    )


def elephant_factor(domains: Sequence[tuple[str, int]]) -> int | None:
    """CHAOSS Elephant Factor: the fewest organisations that made at least half the commits.

    ``domains`` pairs an organisation's e-mail domain with its commits (personal domains
    already left out). None when no commit has an organisation's domain.
    """
    counts = sorted((commits for _, commits in domains if commits > 0), reverse=True)
    total = sum(counts)
    if total == 0:
        return None
    running = 0
    for size, commits in enumerate(counts, start=1):
        running += commits
        if running * 2 >= total:
            return size
    return len(counts)  # not reached: the loop ends with running == total
