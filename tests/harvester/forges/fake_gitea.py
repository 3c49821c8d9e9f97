"""Gitea's (Forgejo's) REST API v1 as Codeberg serves it, from tests/data/gitea/.

Pages are numbered (``page``, ``limit``); answers carry ``X-Total-Count`` and, unless
``links`` is off, a ``Link`` header written with the instance's configured ROOT_URL
(``https://codeberg.org``), not with the address it was reached at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tests.harvester.forges.fake_forge import Answer, FakeForge, Request

ROOT_URL = "https://codeberg.org"


class FakeGitea(FakeForge):
    link_origin = ROOT_URL

    def __init__(self) -> None:
        super().__init__("gitea")
        self.links = True

    def route(self, request: Request) -> Answer:
        if request.segments[:2] != ("api", "v1"):
            return self.error(404, "error-not-found.json")
        match request.segments[2:]:
            case ("orgs" | "users" as kind, name, "repos"):
                return self.listed(request, self.recorded(f"{kind}-{name}-repos.json"))
            case ("repos", owner, name):
                found = self._repository(f"{owner}/{name}")
                if found is None:
                    return self.error(404, "error-not-found.json")
                return Answer.json(200, found)
            case ("repos", owner, name, "releases"):
                if self._repository(f"{owner}/{name}") is None:
                    return self.error(404, "error-not-found.json")
                releases = self.recorded(f"repos-{owner}-{name}-releases.json") or []
                return self.listed(request, releases)
        return self.error(404, "error-not-found.json")

    def listed(self, request: Request, items: Any) -> Answer:
        if items is None:
            return self.error(404, "error-not-found.json")
        answer = self.page(request, items, size_key="limit")
        if not self.links:
            answer.headers.pop("Link", None)
        return answer

    def _repository(self, full_name: str) -> dict[str, Any] | None:
        for listing in self.data.glob("*-repos.json"):
            repositories: list[dict[str, Any]] = self.recorded(listing.name)
            for repository in repositories:
                if repository["full_name"] == full_name:
                    return repository
        return None

    def error(self, status: int, name: str, **headers: str) -> Answer:
        return Answer.json(status, self.recorded(name), **headers)

    def page_headers(
        self, page: int, pages: int, total: int, size: int
    ) -> Iterator[tuple[str, str]]:
        yield "X-Total-Count", str(total)
        yield "Access-Control-Expose-Headers", "X-Total-Count, Link"
