"""GitLab's REST API v4 (as OpenCoDE serves it), from tests/data/gitlab/.

Groups and projects come from ``groups.json`` and ``projects.json``; a group's projects are
those in its namespace, with ``include_subgroups=true`` those of every subgroup too, and
without ``with_shared=false`` also the project merely shared with it (``partnerstadt``).
``:id`` is a numeric ID or a URL-encoded full path, as GitLab reads it: digits are an ID.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from tests.harvester.forges.fake_forge import Answer, FakeForge, Request

SHARED_WITH_ROOT = "partnerstadt/fremdprojekt"
ROOT = "smart-city-beispielstadt"


class FakeGitLab(FakeForge):
    def __init__(self) -> None:
        super().__init__("gitlab")
        self.groups: list[dict[str, Any]] = self.recorded("groups.json")
        self.projects: list[dict[str, Any]] = self.recorded("projects.json")

    def route(self, request: Request) -> Answer:
        if request.segments[:2] != ("api", "v4"):
            return self.error(404, "error-project-not-found.json")
        match request.segments[2:]:
            case ("groups",):
                return self.page(request, self._searched(request.query.get("search", "")))
            case ("groups", group, "projects"):
                return self._group_projects(request, self._find(self.groups, group, "full_path"))
            case ("users",):
                users = [
                    u
                    for u in self.recorded("users.json")
                    if u["username"] == request.query.get("username")
                ]
                return self.page(request, users)
            case ("users", user, "projects"):
                owned = [p for p in self.projects if _owned_by(p, "user", int(user))]
                return self.page(request, owned)
            case ("projects", project):
                found = self._find(self.projects, project, "path_with_namespace")
                if found is None:
                    return self.error(404, "error-project-not-found.json")
                return Answer.json(200, found, **dict(self.rate_headers()))
            case ("projects", project, "releases"):
                found = self._find(self.projects, project, "path_with_namespace")
                if found is None:
                    return self.error(404, "error-project-not-found.json")
                releases = self.recorded(f"projects-{found['id']}-releases.json") or []
                return self.page(request, releases)
        return self.error(404, "error-project-not-found.json")

    def _group_projects(self, request: Request, group: dict[str, Any] | None) -> Answer:
        if group is None:
            return self.error(404, "error-group-not-found.json")
        path = group["full_path"]
        deep = _true(request.query.get("include_subgroups"))
        found = [p for p in self.projects if _in_namespace(p, path, deep)]
        if path == ROOT and not _false(request.query.get("with_shared")):
            found += [p for p in self.projects if p["path_with_namespace"] == SHARED_WITH_ROOT]
        return self.page(request, found)

    def _searched(self, search: str) -> list[dict[str, Any]]:
        return [g for g in self.groups if search in g["path"] or search in g["name"]]

    @staticmethod
    def _find(items: list[dict[str, Any]], key: str, path_field: str) -> dict[str, Any] | None:
        for item in items:
            if (key.isdigit() and item["id"] == int(key)) or item[path_field] == key:
                return item
        return None

    def error(self, status: int, name: str) -> Answer:
        return Answer.json(status, self.recorded(name), **dict(self.rate_headers()))

    def rate_limited(self, retry_after: int | None = 3, reset_in: int | None = None) -> Answer:
        """GitLab's 429 (Rack::Attack): plain text, with Retry-After and RateLimit headers."""
        headers = dict(self.rate_headers(remaining=0, reset_in=reset_in or 60))
        if retry_after is not None:
            headers["Retry-After"] = str(retry_after)
        headers["Content-Type"] = "text/plain"
        return Answer(429, b"Retry later\n", headers)

    def page_headers(
        self, page: int, pages: int, total: int, size: int
    ) -> Iterator[tuple[str, str]]:
        yield "X-Page", str(page)
        yield "X-Per-Page", str(size)
        yield "X-Total", str(total)
        yield "X-Total-Pages", str(pages)
        yield "X-Next-Page", str(page + 1) if page < pages else ""
        yield "X-Prev-Page", str(page - 1) if page > 1 else ""
        yield from self.rate_headers()

    def rate_headers(self, remaining: int = 1990, reset_in: int = 60) -> Iterator[tuple[str, str]]:
        reset = int(time.time()) + reset_in
        yield "RateLimit-Limit", "2000"
        yield "RateLimit-Observed", str(2000 - remaining)
        yield "RateLimit-Remaining", str(remaining)
        yield "RateLimit-Reset", str(reset)
        yield "RateLimit-ResetTime", time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(reset))


def _in_namespace(project: dict[str, Any], path: str, deep: bool) -> bool:
    namespace = project["namespace"]["full_path"]
    return namespace == path or (deep and namespace.startswith(path + "/"))


def _owned_by(project: dict[str, Any], kind: str, identifier: int) -> bool:
    namespace = project["namespace"]
    return bool(namespace["kind"] == kind and namespace["id"] == identifier)


def _true(value: str | None) -> bool:
    """Grape's (GitLab's) reading of a boolean parameter."""
    return (value or "").lower() in ("1", "on", "t", "true", "y", "yes")


def _false(value: str | None) -> bool:
    return (value or "").lower() in ("0", "off", "f", "false", "n", "no")
