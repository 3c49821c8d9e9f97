"""What the default branch's history says: activity, people, organisations, reviews, releases.

::

    facts = history(store.commits(sha), store.tags(), as_of=now)

The input is any sequence of :class:`CommitLike` and :class:`TagLike` (the git module's own
records fit); their order does not matter. The rules, measured at ``as_of``:

- **Dates** are taken as UTC (a date without a time zone is read as UTC). A date later than
  ``as_of`` (a wrong clock, or a hostile repository) is taken as ``as_of``: the commit counts
  as the newest, never outside every window.
- **Windows** end at ``as_of`` and include their first day: "90 days" are commits at or after
  ``as_of - 90 days``; "12 months" are 365 days and "24 months" 730 days.
  ``commits_per_month`` alone uses calendar months: the 24 ending with ``as_of``'s month.
- **Commit counts** include every commit, bots' too (what git shows); **author figures**
  leave bots out (see :mod:`._people`). Identities join e-mail addresses and names, so one
  person with a work and a private address counts once; the addresses and names should be
  mailmapped (``git log --use-mailmap``), so ``.mailmap`` is respected.
- ``active_weeks_90d``: 7-day periods counted back from ``as_of`` with a commit (at most 13).
- ``new_authors_12m``: authors whose first commit on this branch is in the 12 months.
- ``absence_factor_12m``: CHAOSS Contributor Absence Factor: the fewest authors whose commits
  make *more* than half of the authors' commits in 12 months (two equally active authors
  give 2, one author 1, no human commit 0).
- ``author_domains_24m``: commits per organisation e-mail domain in 24 months (personal,
  free-mail, no-reply and machine domains left out), most commits first, at most
  :data:`MAX_DOMAINS`; the input of the Elephant Factor.
- ``merges_180d``: merge commits (more than one parent) in 180 days;
  ``reviewed_merges_180d``: those with ``Reviewed-by:``/``Approved-by:`` trailers
  (``CommitLike.reviewed``). Git alone cannot see forge approvals or who merged a squashed
  change, so a low count is a floor.
- ``tags``: version-like tags (:func:`harvester.versions.parse_version`) newest first (tags
  without a date last, then by name in natural order), at most :data:`MAX_TAGS`.

A cloned repository always has a commit, so an empty commit sequence is a caller's mistake:
:class:`~harvester.inspect.errors.InvalidHistory`, as is an ``as_of`` without time zone.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..records import History, MonthCount, Tag
from ..versions import parse_version
from ._people import identities, is_bot, organisation_domain
from .errors import InvalidHistory

__all__ = ["MAX_DOMAINS", "MAX_TAGS", "CommitLike", "TagLike", "history"]

MAX_TAGS = 1000
"""Version tags kept (the newest)."""

MAX_DOMAINS = 100
"""Organisation domains kept (those with the most commits)."""

_MONTHS = 24
_DAY = datetime.timedelta(days=1)
_WEEK = datetime.timedelta(days=7)
_DIGITS = re.compile(r"(\d+)")
_NEVER = datetime.datetime.min.replace(tzinfo=datetime.UTC)


class CommitLike(Protocol):
    """A commit as the history needs it (author fields mailmapped)."""

    @property
    def sha(self) -> str: ...
    @property
    def author_name(self) -> str: ...
    @property
    def author_email(self) -> str: ...
    @property
    def authored_at(self) -> datetime.datetime: ...
    @property
    def parents(self) -> int: ...
    @property
    def reviewed(self) -> bool: ...  # Reviewed-by:/Approved-by: trailers in the message


class TagLike(Protocol):
    """A tag: its name, the commit it points to and that commit's date."""

    @property
    def name(self) -> str: ...
    @property
    def commit(self) -> str: ...
    @property
    def date(self) -> datetime.datetime | None: ...


@dataclass(frozen=True, slots=True)
class _Commit:
    sha: str
    at: datetime.datetime  # UTC, never after as_of
    author: str | None  # the identity; None for bots
    domain: str | None  # the organisation domain of a human author
    merge: bool
    reviewed: bool


def history(
    commits: Sequence[CommitLike], tags: Sequence[TagLike], *, as_of: datetime.datetime
) -> History:
    """The history figures of ``commits`` and ``tags`` at ``as_of`` (see the module's rules)."""
    as_of = _aware(as_of)
    if not commits:
        raise InvalidHistory(
            "Eine Historie braucht mindestens einen Commit (a history needs at least one commit)"
        )
    dated = _dated(commits, as_of)
    first = min(dated, key=lambda commit: commit.at)
    last = max(dated, key=lambda commit: commit.at)
    year = _since(dated, as_of, 365)
    half_year = [commit for commit in _since(dated, as_of, 180) if commit.merge]
    return History(
        as_of=as_of,
        commits=len(dated),
        first_commit=first.sha,
        first_commit_at=first.at,
        last_commit=last.sha,
        last_commit_at=last.at,
        commits_per_month=_per_month(dated, as_of),
        active_weeks_90d=len({(as_of - c.at) // _WEEK for c in _since(dated, as_of, 90)}),
        commits_90d=len(_since(dated, as_of, 90)),
        commits_365d=len(year),
        authors_12m=len({commit.author for commit in year if commit.author}),
        new_authors_12m=_new_authors(dated, as_of - 365 * _DAY),
        absence_factor_12m=_absence_factor(commit.author for commit in year),
        author_domains_24m=_domains(_since(dated, as_of, 730)),
        reviewed_merges_180d=sum(commit.reviewed for commit in half_year),
        merges_180d=len(half_year),
        tags=_tags(tags, as_of),
    )


def _aware(as_of: datetime.datetime) -> datetime.datetime:
    if as_of.tzinfo is None or as_of.utcoffset() is None:
        raise InvalidHistory("as_of braucht eine Zeitzone (as_of needs a time zone)")
    return as_of.astimezone(datetime.UTC)


def _utc(moment: datetime.datetime, as_of: datetime.datetime) -> datetime.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return min(moment.astimezone(datetime.UTC), as_of)


def _dated(commits: Sequence[CommitLike], as_of: datetime.datetime) -> list[_Commit]:
    people = [(commit.author_name, commit.author_email) for commit in commits]
    bots = [is_bot(*person) for person in people]
    identity = identities(person for person, bot in zip(people, bots, strict=True) if not bot)
    return [
        _Commit(
            sha=commit.sha,
            at=_utc(commit.authored_at, as_of),
            author=None if bot else identity[person],
            domain=None if bot else organisation_domain(commit.author_email),
            merge=commit.parents > 1,
            reviewed=commit.reviewed,
        )
        for commit, person, bot in zip(commits, people, bots, strict=True)
    ]


def _since(commits: list[_Commit], as_of: datetime.datetime, days: int) -> list[_Commit]:
    start = as_of - days * _DAY
    return [commit for commit in commits if commit.at >= start]


def _month_number(moment: datetime.datetime) -> int:
    return moment.year * 12 + moment.month - 1


def _per_month(commits: list[_Commit], as_of: datetime.datetime) -> tuple[MonthCount, ...]:
    newest = _month_number(as_of)
    counts = Counter(newest - _month_number(commit.at) for commit in commits)
    months = (newest - back for back in range(_MONTHS - 1, -1, -1))
    return tuple(
        MonthCount(f"{number // 12:04d}-{number % 12 + 1:02d}", counts[newest - number])
        for number in months
    )


def _new_authors(commits: list[_Commit], start: datetime.datetime) -> int:
    first_seen: dict[str, datetime.datetime] = {}
    for commit in commits:
        if commit.author is not None:
            seen = first_seen.get(commit.author)
            first_seen[commit.author] = commit.at if seen is None else min(seen, commit.at)
    return sum(1 for moment in first_seen.values() if moment >= start)


def _absence_factor(authors: Iterable[str | None]) -> int:
    counts = sorted(Counter(author for author in authors if author).values(), reverse=True)
    total, covered = sum(counts), 0
    for factor, count in enumerate(counts, start=1):
        covered += count
        if 2 * covered > total:
            return factor
    return 0


def _domains(commits: list[_Commit]) -> tuple[tuple[str, int], ...]:
    counts = Counter(commit.domain for commit in commits if commit.domain)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(ranked[:MAX_DOMAINS])


def _tags(tags: Sequence[TagLike], as_of: datetime.datetime) -> tuple[Tag, ...]:
    found = []
    for tag in tags:
        parsed = parse_version(tag.name)
        if parsed is not None:
            date = None if tag.date is None else _utc(tag.date, as_of)
            found.append(Tag(tag.name, tag.commit, date, parsed[0], parsed[1]))
    found.sort(key=_tag_order, reverse=True)
    return tuple(found[:MAX_TAGS])


def _tag_order(tag: Tag) -> tuple[bool, datetime.datetime, tuple[tuple[int, int, str], ...]]:
    """Dated tags before undated ones, newer first, then ``v1.10`` before ``v1.9``."""
    natural = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in _DIGITS.split(tag.name)
    )
    return tag.date is not None, tag.date or _NEVER, natural
