"""The commit history of a demo repository, planned relative to today.

A project's :class:`Activity` says when work started and stopped (in days before today), how
many changes were made, by whom, how often a version was released and whether changes arrive
as reviewed merges. :func:`plan` turns it into :class:`Commit` records: the first commit adds
the project's files, each change edits one source module, and each release commit updates the
change log and publiccode.yml. Dates are at fixed times of day counted back from today's
midnight (UTC), so "recent activity" stays true whenever the demo is built, and the same day
always gives the same history.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["Activity", "Commit", "History", "Person", "Release", "plan", "releases"]

Files = Mapping[str, bytes | None]

_MESSAGES = (
    "Fehlerbehandlung beim Datenimport verbessert",
    "Übersetzungen ergänzt",
    "Barrierefreiheit der Kartenansicht verbessert",
    "Abhängigkeiten aktualisiert",
    "Schnittstelle um Filter nach Stadtteil erweitert",
    "Tests für den Export ergänzt",
    "Dokumentation der Konfiguration überarbeitet",
    "Zeitzonen bei Messwerten korrigiert",
    "Caching der API-Antworten eingeführt",
    "Fix: leere Antworten des Sensordienstes abfangen",
    "Datenschutzhinweise aktualisiert",
    "Docker-Image verkleinert",
    "Ladezeiten der Startseite reduziert",
    "Logging vereinheitlicht",
    "Validierung der Eingaben verschärft",
)
_TIMES = (9, 11, 14, 16, 10, 15, 13)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True, slots=True)
class Release:
    """A version and the day it was tagged."""

    version: str
    date: datetime.date

    @property
    def tag(self) -> str:
        return f"v{self.version}"


@dataclass(frozen=True, slots=True)
class Activity:
    """How a project was worked on; days count back from today."""

    first: int  # days ago of the first commit
    last: int  # days ago of the newest commit
    changes: int  # commits after the first one
    authors: tuple[Person, ...]
    release_every: int = 0  # a release after every N-th change (0: never)
    reviewed_merges: bool = False  # every third change is a merge with a Reviewed-by trailer
    first_version: tuple[int, int, int] = (1, 0, 0)


@dataclass(frozen=True, slots=True)
class Commit:
    when: datetime.datetime
    author: Person
    message: str
    files: Files
    parents: tuple[int, ...] = ()  # indexes of earlier commits in the plan
    ref: str = "refs/heads/main"
    trailers: tuple[tuple[str, str], ...] = ()
    committer: Person | None = None

    def full_message(self) -> str:
        if not self.trailers:
            return self.message + "\n"
        block = "\n".join(f"{key}: {value}" for key, value in self.trailers)
        return f"{self.message}\n\n{block}\n"


@dataclass(frozen=True, slots=True)
class History:
    commits: tuple[Commit, ...]
    tags: dict[str, int] = field(default_factory=dict)  # tag name -> commit index


def releases(activity: Activity, today: datetime.date) -> tuple[Release, ...]:
    """The versions the project released, oldest first."""
    if not activity.release_every:
        return ()
    found = []
    major, minor, patch = activity.first_version
    for change in range(activity.release_every, activity.changes + 1, activity.release_every):
        found.append(Release(f"{major}.{minor}.{patch}", _when(activity, change, today).date()))
        minor, patch = (minor, patch + 1) if len(found) % 3 else (minor + 1, 0)
    return tuple(found)


def plan(
    activity: Activity,
    today: datetime.date,
    initial: Files,
    change: Callable[[int, str], Files],
    release: Callable[[int], Files],
) -> History:
    """The commits: ``initial`` files, then ``change(n, message)`` per change and
    ``release(k)`` for the k-th release (0-based), in the order they happened."""
    author = activity.authors[0]
    commits: list[Commit] = [Commit(_when(activity, 0, today), author, "Erste Fassung", initial)]
    tags: dict[str, int] = {}
    done = releases(activity, today)
    for number in range(1, activity.changes + 1):
        message = _MESSAGES[(number * 7) % len(_MESSAGES)]
        when = _when(activity, number, today)
        commits += _change(activity, number, when, message, change(number, message), commits)
        if activity.release_every and number % activity.release_every == 0:
            index = number // activity.release_every - 1
            if index < len(done):
                commits.append(_release_commit(done[index], when, author, release(index), commits))
                tags[done[index].tag] = len(commits) - 1
    return History(tuple(commits), tags)


def _when(activity: Activity, number: int, today: datetime.date) -> datetime.datetime:
    """Change ``number``'s time: evenly spread from the first day to the last."""
    span = activity.first - activity.last
    days_ago = activity.first - (span * number // max(activity.changes, 1))
    day = today - datetime.timedelta(days=days_ago)
    hour = _TIMES[number % len(_TIMES)]
    return datetime.datetime(
        day.year, day.month, day.day, hour, 17 * number % 60, tzinfo=datetime.UTC
    )


def _change(
    activity: Activity,
    number: int,
    when: datetime.datetime,
    message: str,
    files: Files,
    commits: Sequence[Commit],
) -> list[Commit]:
    """One change: a commit on main, or a topic commit and its reviewed merge."""
    authors = activity.authors
    author = authors[number % len(authors)]
    tip = len(commits) - 1
    if not (activity.reviewed_merges and number % 3 == 1 and len(authors) > 1):
        return [Commit(when, author, message, files, parents=(tip,))]
    reviewer = authors[(number + 1) % len(authors)]
    topic = Commit(
        when - datetime.timedelta(hours=2), author, message, files, (tip,), "refs/heads/topic"
    )
    merge = Commit(
        when,
        reviewer,
        f"Merge branch 'topic/aenderung-{number}' into 'main'\n\n{message}",
        {},
        parents=(tip, tip + 1),
        trailers=(("Reviewed-by", f"{reviewer.name} <{reviewer.email}>"),),
    )
    return [topic, merge]


def _release_commit(
    release: Release,
    when: datetime.datetime,
    author: Person,
    files: Files,
    commits: Sequence[Commit],
) -> Commit:
    later = when + datetime.timedelta(minutes=30)
    return Commit(later, author, f"Version {release.version}", files, parents=(len(commits) - 1,))
