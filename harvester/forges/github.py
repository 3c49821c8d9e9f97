"""GitHub (and GitHub Enterprise) through PyGithub.

``https://github.com/NAME`` (or ``/orgs/NAME``) lists an organisation's repositories, or a
user's when there is no organisation of that name; ``https://github.com/OWNER/REPO`` (anything after the second
segment is ignored) describes one repository. Releases come from ``/repos/O/R/releases``
(drafts skipped, newest 500 at most): one request per repository, so by default only with a
token, since GitHub allows 60 requests an hour without one.

Rate limits, with PyGithub's own machinery: PyGithub hands a :class:`urllib3.util.Retry` to
requests; its :class:`~github.GithubRetry` tells a rate-limited 403 from a forbidden one by the
answer's message and computes the wait (until ``X-RateLimit-Reset`` for the primary limit,
``Retry-After`` or 60 s for a secondary one). :class:`_GitHubRetry` adds
:class:`~._retry.PatientRetry` on top: 429 answers count too, every wait goes through the
injected ``sleep``, and a wait over ``max_wait`` raises :class:`RateLimited`. PyGithub's
pacing between requests (``seconds_between_requests``) calls :func:`time.sleep` directly, so
it is switched off; the harvest lists serially and waits when GitHub asks.

Conditional requests: PyGithub sends ``If-None-Match``/``If-Modified-Since`` only through
``update()`` on an object it fetched before (a 304 answer leaves it as it was, and GitHub
does not count a 304 against the rate limit). Listings (``PaginatedList``) cannot be
conditional. So :meth:`GitHubForge.repository` remembers the repositories it fetched and asks
again conditionally; across runs that would need the ETag stored with the record.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests
from github import Auth, Github, GithubRetry
from github.GithubException import (
    BadAttributeException,
    GithubException,
    RateLimitExceededExceedsMaxWait,
    RateLimitExceededException,
    UnknownObjectException,
)
from requests.structures import CaseInsensitiveDict

from ..records import ForgeRelease, ForgeRepository
from ._http import USER_AGENT, located, request_failure, status_failure
from ._retry import PatientRetry, reset_wait, retry_options
from ._urls import ForgeURL, parse_forge_url
from .errors import ForgeError, ForgeNotFound, InvalidForgeURL, RateLimited

if TYPE_CHECKING:
    from github.GitRelease import GitRelease
    from github.PaginatedList import PaginatedList
    from github.Repository import Repository

__all__ = ["GITHUB_API", "GitHubForge"]

GITHUB_API = "https://api.github.com"
_MAX_RELEASES = 500
_MAX_REMEMBERED = 1024


class _GitHubRetry(PatientRetry, GithubRetry):
    """GithubRetry's rate-limit judgement, waiting through PatientRetry's ``sleep``."""


class GitHubForge:
    """GitHub's API v3 through PyGithub; ``base_url`` is ``https://HOST/api/v3`` for Enterprise."""

    def __init__(
        self,
        token: str | None = None,
        *,
        base_url: str = GITHUB_API,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        max_wait: float = 3600.0,
        per_page: int = 100,
        releases: bool | None = None,
    ) -> None:
        options = retry_options([429, *range(500, 600)])
        retry = _GitHubRetry(
            sleep=sleep, max_wait=max_wait, max_rate_limit_wait=max_wait, **options
        )
        self._github = Github(
            auth=Auth.Token(token) if token else None,
            base_url=base_url.rstrip("/"),
            timeout=max(1, math.ceil(timeout)),  # PyGithub insists on whole seconds
            user_agent=USER_AGENT,
            per_page=per_page,
            retry=retry,
            seconds_between_requests=None,
            seconds_between_writes=None,
        )
        self._timeout = timeout
        self._hosts = _web_hosts(base_url)
        self._releases = bool(token) if releases is None else releases
        self._remembered: dict[str, Repository] = {}

    def list_repositories(self, url: str) -> Iterator[ForgeRepository]:
        """Every repository of the organisation or user at ``url``."""
        where = self._parse(url)
        segments = where.segments[1:] if where.segments[:1] == ("orgs",) else where.segments
        if len(segments) != 1:
            raise InvalidForgeURL(where.shown, "not the URL of a GitHub organisation or user")
        with self._translated(where.shown):
            for repository in self._listing(segments[0]):
                yield self._describe(repository)

    def repository(self, url: str) -> ForgeRepository:
        """The repository at ``url``; asked conditionally when this client fetched it before."""
        where = self._parse(url)
        if len(where.segments) < 2:
            raise InvalidForgeURL(where.shown, "not the URL of a GitHub repository")
        with self._translated(where.shown):
            return self._describe(self._fetched("/".join(where.segments[:2])))

    def close(self) -> None:
        """Close the connections PyGithub keeps open."""
        self._github.close()

    def _parse(self, url: str) -> ForgeURL:
        where = parse_forge_url(url)
        if where.host not in self._hosts:
            raise InvalidForgeURL(where.shown, "not a GitHub URL")
        return where

    def _listing(self, owner: str) -> PaginatedList[Repository]:
        try:
            organisation = self._github.get_organization(owner)
        except UnknownObjectException:
            return self._github.get_user(owner).get_repos()
        return organisation.get_repos()

    def _fetched(self, full_name: str) -> Repository:
        key = full_name.lower()
        known = self._remembered.get(key)
        if known is not None:
            known.update()  # If-None-Match with the last ETag; a 304 keeps what we have
            return known
        repository = self._github.get_repo(full_name)
        if len(self._remembered) >= _MAX_REMEMBERED:
            del self._remembered[next(iter(self._remembered))]
        self._remembered[key] = repository
        return repository

    def _describe(self, repository: Repository) -> ForgeRepository:
        releases = self._releases_of(repository) if self._releases else None
        return _repository(repository, releases)

    def _releases_of(self, repository: Repository) -> tuple[ForgeRelease, ...] | None:
        """The releases, or ``None`` when GitHub will not list them (rate limits still raise)."""
        try:
            listed = islice(repository.get_releases(), _MAX_RELEASES)
            return tuple(_release(release) for release in listed if not release.draft)
        except RateLimitExceededException:
            raise
        except (GithubException, BadAttributeException):
            return None

    @contextmanager
    def _translated(self, url: str) -> Iterator[None]:
        """PyGithub's and requests' exceptions as this package's errors."""
        try:
            yield
        except ForgeError as error:
            if error.url:
                raise
            raise located(error, url) from error
        except GithubException as error:
            raise _github_failure(url, error) from error
        except BadAttributeException as error:
            raise ForgeError(url, "the forge answered with values of the wrong type") from error
        except requests.RequestException as error:
            raise request_failure(url, error, self._timeout) from error
        except (TypeError, AttributeError, KeyError, ValueError) as error:
            raise ForgeError(url, "the forge's answer has an unexpected shape") from error


def _github_failure(url: str, error: GithubException) -> ForgeError:
    if isinstance(error, UnknownObjectException):
        return ForgeNotFound(url)
    if isinstance(error, RateLimitExceededExceedsMaxWait):
        return RateLimited(url, error.wait)
    if isinstance(error, RateLimitExceededException):
        headers: CaseInsensitiveDict[Any] = CaseInsensitiveDict(error.headers or {})
        return RateLimited(url, reset_wait(headers))
    return status_failure(url, error.status)


def _web_hosts(base_url: str) -> frozenset[str]:
    """The hosts of web URLs this API answers for: github.com, or an Enterprise host."""
    api_host = (urlsplit(base_url).hostname or "").lower()
    return frozenset({"github.com", "www.github.com", api_host.removeprefix("api.")})


def _repository(
    repository: Repository, releases: tuple[ForgeRelease, ...] | None
) -> ForgeRepository:
    issues = repository.has_issues
    return ForgeRepository(
        clone_url=repository.clone_url,
        web_url=repository.html_url,
        name=repository.name,
        full_name=repository.full_name,
        description=repository.description,
        default_branch=repository.default_branch,
        archived=repository.archived,
        fork=repository.fork,
        parent_url=_parent_url(repository),
        mirror=repository.mirror_url is not None,
        stars=repository.stargazers_count,
        open_issues=repository.open_issues_count if issues else None,  # GitHub counts PRs too
        issues_enabled=issues,
        releases=releases,
        created_at=repository.created_at,
        pushed_at=repository.pushed_at,
        driver="github",
    )


def _parent_url(repository: Repository) -> str | None:
    """A fork's parent; listings do not carry it, so PyGithub fetches the fork's details."""
    if not repository.fork:
        return None
    try:
        parent = repository.parent
    except RateLimitExceededException:
        raise
    except (GithubException, BadAttributeException):
        return None
    return parent.clone_url if parent is not None else None


def _release(release: GitRelease) -> ForgeRelease:
    return ForgeRelease(
        tag=release.tag_name,
        name=release.name or None,
        published_at=release.published_at,
        has_notes=bool((release.body or "").strip()),
    )
