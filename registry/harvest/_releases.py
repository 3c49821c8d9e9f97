"""A harvest's releases: version-like git tags and forge releases, matched by tag name."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from harvester import records
from harvester.versions import parse_version

from ..components.models import Component, Release

__all__ = ["sync_releases"]


@dataclass
class _Seen:
    tag: str
    version: str
    scheme: records.VersionScheme
    commit: str | None = None
    date: datetime.datetime | None = None
    name: str | None = None
    from_tag: bool = False
    from_forge: bool = False
    has_notes: bool | None = None


def sync_releases(component: Component, record: records.HarvestRecord) -> list[Release]:
    """Add the record's new releases to ``component`` and update known ones; the new ones.

    Releases whose tag has gone stay: a deleted tag does not unpublish a version.
    """
    known = {release.tag: release for release in component.releases}
    added: list[Release] = []
    for seen in _releases(record).values():
        release = known.get(seen.tag)
        if release is None:
            release = Release(tag=seen.tag)
            component.releases.append(release)
            added.append(release)
        _update(release, seen)
    return added


def _releases(record: records.HarvestRecord) -> dict[str, _Seen]:
    found: dict[str, _Seen] = {}
    for tag in () if record.history is None else record.history.tags:
        found[tag.name] = _Seen(
            tag.name, tag.version, tag.scheme, tag.commit, tag.date, from_tag=True
        )
    forge_releases = None if record.forge is None else record.forge.releases
    for release in forge_releases or ():
        seen = found.get(release.tag) or found.setdefault(release.tag, _forge_only(release.tag))
        seen.from_forge = True
        seen.name = release.name
        seen.has_notes = release.has_notes
        seen.date = release.published_at or seen.date
    return found


def _forge_only(tag: str) -> _Seen:
    """A forge release on a tag that is not version-like keeps its tag as the version."""
    version, scheme = parse_version(tag) or (tag, records.VersionScheme.RAW)
    return _Seen(tag, version, scheme)


def _update(release: Release, seen: _Seen) -> None:
    release.version = seen.version
    release.scheme = seen.scheme
    release.commit = seen.commit
    release.date = seen.date
    release.name = seen.name
    release.from_tag = seen.from_tag
    release.from_forge = seen.from_forge
    release.has_notes = seen.has_notes
