"""GitLab (OpenCoDE, gitlab.com, any self-hosted instance) through python-gitlab, API v4.

The API's base is the URL's own origin: ``https://gitlab.opencode.de/smart-city-muenster``
talks to ``https://gitlab.opencode.de/api/v4``. A group URL (``/group``, ``/group/subgroup``,
``/groups/group``) lists the group's own projects and those of all its subgroups, recursively
(``include_subgroups=true``; projects merely shared with the group are left out); a URL that
names no group but a user lists the user's projects. A path of digits alone (``/2021``) is
looked up by search, because GitLab reads a numeric ``:id`` as a group ID, never as a path.
A project URL (``/group/sub/project``, anything from ``/-/`` on ignored) describes one project.
Pages are followed as python-gitlab's iterator follows GitLab's ``Link`` headers.

The token goes only to the instance it was made for (``home``, OpenCoDE by default), as
``Authorization: Bearer``, which GitLab accepts for personal access tokens and which requests
drops on a redirect to another host (``PRIVATE-TOKEN`` it would carry along).

Rate limits: python-gitlab's own retry (``obey_rate_limit``) sleeps with :func:`time.sleep`
and has no ceiling, so it is switched off per request; the session's
:class:`~._retry.PatientRetry` waits out 429 answers instead (``Retry-After``, else
``RateLimit-Reset``), through the injected ``sleep`` and never longer than ``max_wait``.
GitLab's ``pushed_at`` does not exist (``last_activity_at`` also moves on issues and
comments), so it stays unknown.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from itertools import islice
from typing import Any

import gitlab
import requests
from gitlab.exceptions import GitlabError

from ..records import ForgeRelease, ForgeRepository
from ._http import USER_AGENT, located, patient_session, request_failure, status_failure
from ._json import flag, integer, mapping, text, timestamp
from ._retry import transient_retry
from ._urls import parse_forge_url
from .errors import ForgeError, ForgeNotFound, InvalidForgeURL, RateLimited

__all__ = ["OPENCODE", "GitLabForge"]

OPENCODE = "https://gitlab.opencode.de"
_MAX_RELEASES = 500
_OURS: dict[str, Any] = {"obey_rate_limit": False, "retry_transient_errors": False}
_ListOf = Iterator[Mapping[str, Any]]


class GitLabForge:
    """GitLab's API v4 on whatever instance a URL names."""

    def __init__(
        self,
        token: str | None = None,
        *,
        home: str = OPENCODE,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        max_wait: float = 3600.0,
        per_page: int = 100,
        releases: bool = True,
    ) -> None:
        self._token = token or None
        self._home = parse_forge_url(home).origin
        self._retry = transient_retry(sleep, max_wait)
        self._timeout = timeout
        self._per_page = per_page
        self._releases = releases
        self._clients: dict[str, gitlab.Gitlab] = {}

    def list_repositories(self, url: str) -> Iterator[ForgeRepository]:
        """Every project of the group at ``url`` and its subgroups, or of the user there."""
        where = parse_forge_url(url)
        segments = where.segments[1:] if where.segments[:1] == ("groups",) else where.segments
        if not segments:
            raise InvalidForgeURL(where.shown, "not the URL of a GitLab group or user")
        client = self._client(where.origin)
        with self._translated(where.shown):
            for project in self._projects(client, "/".join(segments)):
                yield self._describe(client, project)

    def repository(self, url: str) -> ForgeRepository:
        """The project at ``url``."""
        where = parse_forge_url(url)
        if len(where.segments) < 2:
            raise InvalidForgeURL(where.shown, "not the URL of a GitLab project")
        client = self._client(where.origin)
        with self._translated(where.shown):
            project = client.projects.get("/".join(where.segments), **_OURS)
            return self._describe(client, project.attributes)

    def close(self) -> None:
        """Close the connections of every instance asked so far."""
        for client in self._clients.values():
            client.session.close()

    def _client(self, origin: str) -> gitlab.Gitlab:
        client = self._clients.get(origin)
        if client is None:
            client = gitlab.Gitlab(
                origin,
                oauth_token=self._token if origin == self._home else None,
                timeout=self._timeout,
                per_page=self._per_page,
                user_agent=USER_AGENT,
                keep_base_url=True,  # pagination links stay on this origin
                session=patient_session(self._retry),
            )
            self._clients[origin] = client
        return client

    def _projects(self, client: gitlab.Gitlab, path: str) -> _ListOf:
        group = _group_id(client, path)
        if group is not None:
            try:
                listing = client.groups.get(group, lazy=True).projects.list(
                    iterator=True, include_subgroups=True, with_shared=False, **_OURS
                )
            except GitlabError as error:
                if error.response_code != 404:
                    raise
            else:
                return (project.attributes for project in listing)
        return _user_projects(client, path)

    def _describe(self, client: gitlab.Gitlab, project: Mapping[str, Any]) -> ForgeRepository:
        releases = self._releases_of(client, project) if self._releases else None
        return _repository(project, releases)

    def _releases_of(
        self, client: gitlab.Gitlab, project: Mapping[str, Any]
    ) -> tuple[ForgeRelease, ...] | None:
        """The releases, or ``None`` when GitLab will not list them (rate limits still raise)."""
        identifier = integer(project, "id")
        if identifier is None:
            return None
        try:
            manager = client.projects.get(identifier, lazy=True).releases
            listed = islice(manager.list(iterator=True, **_OURS), _MAX_RELEASES)
            return tuple(_release(release.attributes) for release in listed)
        except RateLimited:
            raise
        except (GitlabError, ForgeError):
            return None

    @contextmanager
    def _translated(self, url: str) -> Iterator[None]:
        """python-gitlab's and requests' exceptions, and answers of a strange shape, as ours."""
        try:
            yield
        except ForgeError as error:
            if error.url:
                raise
            raise located(error, url) from error
        except GitlabError as error:
            if error.response_code is None:
                raise ForgeError(url, "the forge's answer cannot be read") from error
            raise status_failure(url, error.response_code) from error
        except requests.RequestException as error:
            raise request_failure(url, error, self._timeout) from error
        except (TypeError, AttributeError, KeyError, ValueError) as error:
            raise ForgeError(url, "the forge's answer has an unexpected shape") from error


def _group_id(client: gitlab.Gitlab, path: str) -> str | int | None:
    """What ``/groups/:id`` takes for ``path``; ``None`` when no group has that path."""
    if not path.isdigit():
        return path
    for group in client.groups.list(iterator=True, search=path, **_OURS):
        if group.attributes.get("full_path") == path:
            return integer(group.attributes, "id")
    return None


def _user_projects(client: gitlab.Gitlab, username: str) -> _ListOf:
    if "/" not in username:
        for user in client.users.list(username=username, get_all=False, **_OURS):
            identifier = integer(user.attributes, "id")
            if identifier is not None:
                projects = client.users.get(identifier, lazy=True).projects.list(
                    iterator=True, **_OURS
                )
                return (project.attributes for project in projects)
    raise ForgeNotFound("")


def _repository(
    project: Mapping[str, Any], releases: tuple[ForgeRelease, ...] | None
) -> ForgeRepository:
    clone_url = text(project, "http_url_to_repo")
    if not clone_url:
        raise ForgeError("", "the forge listed a project without a clone URL")
    parent = mapping(project, "forked_from_project")
    issues = _issues_enabled(project)
    return ForgeRepository(
        clone_url=clone_url,
        web_url=text(project, "web_url"),
        name=text(project, "path") or "",
        full_name=text(project, "path_with_namespace") or "",
        description=text(project, "description"),
        default_branch=text(project, "default_branch"),
        archived=flag(project, "archived"),
        fork=parent is not None,
        parent_url=text(parent, "http_url_to_repo") if parent is not None else None,
        mirror=flag(project, "mirror"),
        stars=integer(project, "star_count"),
        open_issues=integer(project, "open_issues_count") if issues else None,
        issues_enabled=issues,
        releases=releases,
        created_at=timestamp(project, "created_at"),
        driver="gitlab",
    )


def _issues_enabled(project: Mapping[str, Any]) -> bool | None:
    """Whether anyone may see the issues (``issues_access_level``; ``private``: members only)."""
    level = text(project, "issues_access_level")
    if level is not None:
        return level == "enabled"
    return flag(project, "issues_enabled")


def _release(release: Mapping[str, Any]) -> ForgeRelease:
    tag = text(release, "tag_name")
    if not tag:
        raise ForgeError("", "the forge listed a release without a tag")
    return ForgeRelease(
        tag=tag,
        name=text(release, "name") or None,
        published_at=timestamp(release, "released_at") or timestamp(release, "created_at"),
        has_notes=bool((text(release, "description") or "").strip()),
    )
