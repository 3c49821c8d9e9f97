"""Appending to the change journal. Every change to a component or publisher is one entry.

The entry's id is the global serial (like PyPI's journal): a mirror that has seen serial N asks
for everything after N. The component remembers the serial of its latest change. The caller
owns the session and commits the entry with the change it describes.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from .models import JournalEntry

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..components.models import Component

__all__ = ["MAX_DETAILS", "Action", "last_serial", "record", "record_many"]

MAX_DETAILS = 2000
"""Longest details text an entry keeps (failure reasons quote what a server said)."""


class Action(enum.StrEnum):
    """What happened; the details say to what (a URL, a tag, ``2 -> 3``)."""

    PUBLISHER_CREATED = "publisher created"
    PUBLISHER_CHANGED = "publisher changed"
    COMPONENT_CREATED = "component created"
    COMPONENT_MERGED = "component merged"
    ALIAS_ADDED = "alias added"
    HARVEST_OK = "harvest ok"
    HARVEST_FAILED = "harvest failed"
    LISTING_FAILED = "listing failed"  # a publisher's organisation or group could not be listed
    LEVEL_CHANGED = "level changed"
    RELEASE_ADDED = "release added"


def record(
    session: Session,
    component: Component | None,
    action: Action,
    details: str | None = None,
    *,
    publisher_id: str | None = None,
) -> JournalEntry:
    """Append one entry (flushed, so its serial is known) and stamp the component with it."""
    if details is not None:
        details = _bounded(details)
    entry = JournalEntry(
        action=str(action),
        component_id=None if component is None else component.id,
        publisher_id=publisher_id,
        details=details,
    )
    session.add(entry)
    session.flush()
    if component is not None:
        component.last_serial = entry.id
    return entry


def record_many(
    session: Session, component: Component, action: Action, details: Sequence[str]
) -> list[JournalEntry]:
    """One entry per detail (e.g. per release added), flushed together; serials in order."""
    entries = [
        JournalEntry(action=str(action), component_id=component.id, details=_bounded(text))
        for text in details
    ]
    if entries:
        session.add_all(entries)
        session.flush()
        component.last_serial = max(entry.id for entry in entries)
    return entries


def _bounded(details: str) -> str:
    return details if len(details) <= MAX_DETAILS else details[: MAX_DETAILS - 1] + "…"


def last_serial(session: Session) -> int | None:
    """The newest serial, ``None`` while the journal is empty."""
    return session.scalar(select(func.max(JournalEntry.id)))
