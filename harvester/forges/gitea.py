"""Gitea and Forgejo (Codeberg, self-hosted instances) through their API v1, with requests.

``https://HOST/NAME`` lists ``/api/v1/orgs/NAME/repos``, or ``/api/v1/users/NAME/repos`` when
there is no organisation of that name; ``https://HOST/OWNER/REPO`` describes
``/api/v1/repos/OWNER/REPO``. Pages are asked for by number (``page``, ``limit``) while the
answer's ``Link`` header names a next page or ``X-Total-Count`` says more are left; the URLs
in ``Link`` are never followed, so a server cannot send the client (and its token) elsewhere.
Releases (drafts skipped) are fetched only when ``release_counter`` is not 0.

The token goes only to its own instance (``home``, Codeberg by default), as
``Authorization: token ...``. Answers are read up to 20 MiB; rate limits (429, 403 with
``X-RateLimit-Remaining: 0``) are waited out by :class:`~._retry.PatientRetry`. Gitea reports
no push time, so ``pushed_at`` stays unknown.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import requests

from ..records import ForgeRelease, ForgeRepository
from ._http import located, patient_session, request_failure, status_failure
from ._json import flag, integer, mapping, text, timestamp
from ._retry import transient_retry
from ._urls import ForgeURL, is_name, parse_forge_url
from .errors import ForgeError, ForgeNotFound, InvalidForgeURL, RateLimited

__all__ = ["CODEBERG", "GiteaForge"]

CODEBERG = "https://codeberg.org"
_MAX_BODY = 20 * 1024 * 1024
_MAX_PAGES = 200
_MAX_RELEASES = 500
_Item = Mapping[str, Any]


class GiteaForge:
    """Gitea's (and Forgejo's) API v1 on whatever instance a URL names."""

    def __init__(
        self,
        token: str | None = None,
        *,
        home: str = CODEBERG,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        max_wait: float = 3600.0,
        per_page: int = 50,
        releases: bool = True,
    ) -> None:
        self._token = token or None
        self._home = parse_forge_url(home).origin
        retry = transient_retry(sleep, max_wait)
        self._session = patient_session(retry)
        self._timeout = timeout
        self._per_page = per_page
        self._releases = releases

    def list_repositories(self, url: str) -> Iterator[ForgeRepository]:
        """Every repository of the organisation or user at ``url``."""
        where = parse_forge_url(url)
        if len(where.segments) != 1:
            raise InvalidForgeURL(where.shown, "not the URL of a Gitea organisation or user")
        with self._translated(where.shown):
            for item in self._owned(where, where.segments[0]):
                yield self._describe(where, item)

    def repository(self, url: str) -> ForgeRepository:
        """The repository at ``url``."""
        where = parse_forge_url(url)
        if len(where.segments) < 2:
            raise InvalidForgeURL(where.shown, "not the URL of a Gitea repository")
        owner, name = where.segments[:2]
        with self._translated(where.shown):
            item = _object(self._get(where, f"/repos/{owner}/{name}").json)
            return self._describe(where, item)

    def close(self) -> None:
        """Close the connections kept open."""
        self._session.close()

    def _owned(self, where: ForgeURL, owner: str) -> Iterator[_Item]:
        pages = self._pages(where, f"/orgs/{owner}/repos")
        try:
            first = next(pages)
        except ForgeNotFound:
            pages = self._pages(where, f"/users/{owner}/repos")
            first = next(pages)
        yield from first
        for page in pages:
            yield from page

    def _pages(self, where: ForgeURL, path: str) -> Iterator[list[_Item]]:
        for number in range(1, _MAX_PAGES + 1):
            answer = self._get(where, path, page=number, limit=self._per_page)
            items = _objects(answer.json)
            yield items
            if not items or not answer.more(number, self._per_page):
                return

    def _describe(self, where: ForgeURL, item: _Item) -> ForgeRepository:
        releases = self._releases_of(where, item) if self._releases else None
        return _repository(item, releases)

    def _releases_of(self, where: ForgeURL, item: _Item) -> tuple[ForgeRelease, ...] | None:
        """The releases, or ``None`` when Gitea will not list them (rate limits still raise)."""
        if integer(item, "release_counter") == 0:
            return ()
        owner, _, name = (text(item, "full_name") or "").partition("/")
        if not (is_name(owner) and is_name(name)):
            return None
        try:
            found: list[ForgeRelease] = []
            for page in self._pages(where, f"/repos/{owner}/{name}/releases"):
                found.extend(
                    _release(release) for release in page if release.get("draft") is not True
                )
                if len(found) >= _MAX_RELEASES:
                    break
            return tuple(found[:_MAX_RELEASES])
        except RateLimited:
            raise
        except ForgeError:
            return None

    def _get(self, where: ForgeURL, path: str, **params: int) -> _Answer:
        headers = {"Accept": "application/json"}
        if self._token and where.origin == self._home:
            headers["Authorization"] = f"token {self._token}"
        url = f"{where.origin}/api/v1{path}"
        with self._session.get(
            url, params=params, headers=headers, timeout=self._timeout, stream=True
        ) as response:
            if response.status_code != 200:
                raise status_failure("", response.status_code)
            return _Answer(_body(response), response.links, response.headers)

    @contextmanager
    def _translated(self, url: str) -> Iterator[None]:
        """requests' exceptions as this package's errors, with ``url``."""
        try:
            yield
        except ForgeError as error:
            if error.url:
                raise
            raise located(error, url) from error
        except requests.RequestException as error:
            raise request_failure(url, error, self._timeout) from error


class _Answer:
    """A decoded answer with what tells whether more pages follow."""

    def __init__(self, body: Any, links: Mapping[str, Any], headers: Mapping[str, str]) -> None:
        self.json = body
        self._links = links
        self._total = headers.get("X-Total-Count", "")

    def more(self, page: int, per_page: int) -> bool:
        if "next" in self._links:
            return True
        return self._total.isdigit() and page * per_page < int(self._total)


def _body(response: requests.Response) -> Any:
    data = bytearray()
    for chunk in response.iter_content(64 * 1024):
        data += chunk
        if len(data) > _MAX_BODY:
            raise ForgeError("", "the forge's answer is too large")
    try:
        return json.loads(data)
    except ValueError:
        raise ForgeError("", "the forge's answer is not JSON") from None


def _object(body: Any) -> _Item:
    if not isinstance(body, dict):
        raise ForgeError("", "the forge's answer has an unexpected shape")
    return body


def _objects(body: Any) -> list[_Item]:
    if not isinstance(body, list) or not all(isinstance(item, dict) for item in body):
        raise ForgeError("", "the forge's answer has an unexpected shape")
    return body


def _repository(item: _Item, releases: tuple[ForgeRelease, ...] | None) -> ForgeRepository:
    clone_url = text(item, "clone_url")
    if not clone_url:
        raise ForgeError("", "the forge listed a repository without a clone URL")
    parent = mapping(item, "parent")
    issues = flag(item, "has_issues")
    return ForgeRepository(
        clone_url=clone_url,
        web_url=text(item, "html_url"),
        name=text(item, "name") or "",
        full_name=text(item, "full_name") or "",
        description=text(item, "description"),
        default_branch=text(item, "default_branch"),
        archived=flag(item, "archived"),
        fork=flag(item, "fork"),
        parent_url=text(parent, "clone_url") if parent is not None else None,
        mirror=flag(item, "mirror"),
        stars=integer(item, "stars_count"),
        open_issues=integer(item, "open_issues_count") if issues else None,
        issues_enabled=issues,
        releases=releases,
        created_at=timestamp(item, "created_at"),
        driver="gitea",
    )


def _release(release: _Item) -> ForgeRelease:
    tag = text(release, "tag_name")
    if not tag:
        raise ForgeError("", "the forge listed a release without a tag")
    return ForgeRelease(
        tag=tag,
        name=text(release, "name") or None,
        published_at=timestamp(release, "published_at"),
        has_notes=bool((text(release, "body") or "").strip()),
    )
