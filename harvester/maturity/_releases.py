"""Releases as git tags and forge releases know them, merged by tag name."""

from __future__ import annotations

import datetime

from ..records import ForgeRepository, History

__all__ = ["release_dates", "releases_since"]


def release_dates(
    history: History | None, forge: ForgeRepository | None
) -> dict[str, datetime.datetime] | None:
    """Each dated release by tag name; None when neither git nor the forge was asked.

    A version tag's date is its commit's; a forge release that has no tag in git adds its
    publication date.
    """
    forge_releases = forge.releases if forge is not None else None
    if history is None and forge_releases is None:
        return None
    dates = {tag.name: tag.date for tag in (history.tags if history else ()) if tag.date}
    for release in forge_releases or ():
        if release.published_at is not None:
            dates.setdefault(release.tag, release.published_at)
    return dates


def releases_since(
    history: History | None, forge: ForgeRepository | None, since: datetime.datetime
) -> list[tuple[str, datetime.datetime]] | None:
    """The releases dated at or after ``since``, newest first; None when nothing was asked."""
    dates = release_dates(history, forge)
    if dates is None:
        return None
    recent = [(name, date) for name, date in dates.items() if date >= since]
    return sorted(recent, key=lambda item: item[1], reverse=True)
