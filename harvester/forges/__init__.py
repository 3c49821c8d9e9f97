"""Forges: where the harvest learns which repositories exist and what their host says of them.

One small seam, :class:`ForgeClient`, with one implementation per kind of code host, all
exchanging :class:`~harvester.records.ForgeRepository` records:

=========  ===================================  ==========================================
driver     module                               hosts (:func:`driver_for`)
=========  ===================================  ==========================================
github     :mod:`.github` (PyGithub)            github.com
gitlab     :mod:`.gitlab` (python-gitlab)       gitlab.com, gitlab.opencode.de, gitlab.*
gitea      :mod:`.gitea` (requests)             codeberg.org, gitea.*, forgejo.*
git        :mod:`.plain` (no network)           everything else
=========  ===================================  ==========================================

:func:`make_forges` builds the registry once at start-up; the harvest picks a client by the
code hosting's driver. :class:`NullForge` lists nothing, for dry runs and tests. Every client
raises only :mod:`.errors`; tokens are optional and never appear in messages or logs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from typing import Protocol, runtime_checkable

from ..records import ForgeRepository
from ..urls import default_driver
from .errors import (
    ForgeError,
    ForgeNotFound,
    ForgeUnavailable,
    InvalidForgeURL,
    RateLimited,
)
from .gitea import CODEBERG, GiteaForge
from .github import GITHUB_API, GitHubForge
from .gitlab import OPENCODE, GitLabForge
from .null import NullForge
from .plain import PlainGit

__all__ = [
    "DRIVERS",
    "ForgeClient",
    "ForgeError",
    "ForgeNotFound",
    "ForgeUnavailable",
    "InvalidForgeURL",
    "NullForge",
    "RateLimited",
    "driver_for",
    "make_forges",
]

DRIVERS = ("github", "gitlab", "gitea", "git")


@runtime_checkable
class ForgeClient(Protocol):
    """What the harvest asks of a code host."""

    def list_repositories(self, url: str) -> Iterator[ForgeRepository]:
        """Every repository of the organisation, user or group at ``url`` (GitLab: subgroups too)."""
        ...

    def repository(self, url: str) -> ForgeRepository:
        """The one repository at ``url``."""
        ...


def make_forges(
    tokens: Mapping[str, str | None],
    *,
    base_urls: Mapping[str, str] | None = None,
    timeout: float = 30,
    sleep: Callable[[float], None] = time.sleep,
    max_wait: float = 3600,
) -> dict[str, ForgeClient]:
    """One client per driver in :data:`DRIVERS`, keyed by driver name.

    ``tokens`` maps ``github``, ``gitlab`` and ``gitea`` to a token or ``None``. ``base_urls``
    may set ``github`` (the API: ``https://HOST/api/v3`` for Enterprise, a local server in
    tests), ``gitlab`` and ``gitea`` (the instance their token belongs to; other instances are
    asked without it; defaults OpenCoDE and Codeberg). ``sleep`` does every wait a rate limit
    asks for; a wait over ``max_wait`` seconds raises :class:`RateLimited` instead.
    """
    bases = base_urls or {}
    github = GitHubForge(
        tokens.get("github"),
        base_url=bases.get("github", GITHUB_API),
        timeout=timeout,
        sleep=sleep,
        max_wait=max_wait,
    )
    gitlab = GitLabForge(
        tokens.get("gitlab"),
        home=bases.get("gitlab", OPENCODE),
        timeout=timeout,
        sleep=sleep,
        max_wait=max_wait,
    )
    gitea = GiteaForge(
        tokens.get("gitea"),
        home=bases.get("gitea", CODEBERG),
        timeout=timeout,
        sleep=sleep,
        max_wait=max_wait,
    )
    return {"github": github, "gitlab": gitlab, "gitea": gitea, "git": PlainGit()}


def driver_for(url: str) -> str:
    """The driver for ``url`` by its host; ``git`` for anything that is not http(s)."""
    try:
        return default_driver(url)
    except ValueError:  # not a URL at all: plain git will say why when it tries
        return "git"
