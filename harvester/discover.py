"""Discover: turn each publisher's code hosting into the repositories to harvest.

An organisation or group is listed through its forge; a single repository is described by
its forge (or by plain git, which knows nothing but the URL). A forge that fails becomes a
:class:`DiscoveryFailure` for that code hosting entry; the other entries go on.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from .forges import ForgeClient, ForgeError
from .records import CodeHosting, ForgeRepository, Publisher
from .urls import InvalidURL, normalise_repository_url, redact

__all__ = ["DiscoveryFailure", "Target", "discover"]

_FORGE_CLONE_SCHEMES = ("https://", "http://", "git://")
"""What a forge may name as a clone URL: never a local path or ``file://``, which would have
the harvester read (and publish) repositories of its own machine."""
_LOCAL_CLONE_URL = (
    "the forge named a clone URL that is not https, http or git:// "
    "(die Forge nannte eine Klon-URL, die nicht https, http oder git:// ist)"
)


@dataclass(frozen=True, slots=True)
class Target:
    """One repository to harvest, with what its forge said about it (if anything)."""

    publisher_id: str
    url: str
    driver: str
    forge: ForgeRepository | None = None


@dataclass(frozen=True, slots=True)
class DiscoveryFailure:
    """A code hosting entry that could not be listed, and why."""

    publisher_id: str
    url: str
    reason: str


def discover(
    publishers: Sequence[Publisher], forges: Mapping[str, ForgeClient]
) -> Iterator[Target | DiscoveryFailure]:
    """Every repository of every publisher once (the first publisher listing it keeps it)."""
    seen: set[str] = set()
    for publisher in publishers:
        for hosting in publisher.code_hosting:
            for found in _listed(publisher.id, hosting, forges):
                if isinstance(found, Target):
                    try:
                        key = normalise_repository_url(found.url)
                    except InvalidURL as error:
                        yield DiscoveryFailure(publisher.id, redact(found.url), str(error))
                        continue
                    if key in seen:
                        continue
                    seen.add(key)
                yield found


def _listed(
    publisher_id: str, hosting: CodeHosting, forges: Mapping[str, ForgeClient]
) -> Iterator[Target | DiscoveryFailure]:
    forge = forges.get(hosting.driver)
    if forge is None:
        reason = f"no forge driver {hosting.driver!r} is configured"
        yield DiscoveryFailure(publisher_id, redact(hosting.url), reason)
        return
    try:
        if hosting.group:
            repositories = list(forge.list_repositories(hosting.url))
        else:
            repositories = [forge.repository(hosting.url)]
    except ForgeError as error:
        yield DiscoveryFailure(publisher_id, redact(hosting.url), error.reason)
        return
    for repository in repositories:
        if hosting.driver != "git" and not _fetchable(repository.clone_url):
            shown = redact(repository.clone_url) if isinstance(repository.clone_url, str) else ""
            yield DiscoveryFailure(publisher_id, shown, _LOCAL_CLONE_URL)
            continue
        described = None if hosting.driver == "git" else repository  # plain git says nothing
        yield Target(publisher_id, repository.clone_url, hosting.driver, described)


def _fetchable(url: object) -> bool:
    """Whether a forge's clone URL is one git may fetch from the network."""
    return isinstance(url, str) and url.lower().startswith(_FORGE_CLONE_SCHEMES)
