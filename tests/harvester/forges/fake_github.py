"""GitHub's REST API v3 as GitHub Enterprise serves it (``/api/v3``), from tests/data/github/.

Recorded answers name ``https://api.github.com``; they are served with this server's base
instead, as an Enterprise server writes its own. Every answer carries GitHub's rate-limit
headers; repository details carry an ETag and answer a matching ``If-None-Match`` with 304.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from typing import Any

from tests.harvester.forges.fake_forge import Answer, FakeForge, Request

PRIMARY = "error-primary-rate-limit.json"
SECONDARY = "error-secondary-rate-limit.json"


class FakeGitHub(FakeForge):
    def __init__(self) -> None:
        super().__init__("github")

    @property
    def api(self) -> str:
        return f"{self.origin}/api/v3"

    def rewritten(self, text: str) -> str:
        return text.replace("https://api.github.com", self.api)

    def route(self, request: Request) -> Answer:
        if request.segments[:2] != ("api", "v3"):
            return self.error(404, "error-not-found.json")
        match request.segments[2:]:
            case ("orgs" | "users" as kind, name):
                return self.found(self.recorded(f"{kind}-{name}.json"))
            case ("orgs" | "users" as kind, name, "repos"):
                return self.listed(request, self.recorded(f"{kind}-{name}-repos.json"))
            case ("repos", owner, name):
                return self.conditional(request, self.recorded(f"repos-{owner}-{name}.json"))
            case ("repos", owner, name, "releases"):
                releases = self.recorded(f"repos-{owner}-{name}-releases.json")
                return self.listed(request, [] if releases is None else releases)
        return self.error(404, "error-not-found.json")

    def found(self, data: Any) -> Answer:
        if data is None:
            return self.error(404, "error-not-found.json")
        return Answer.json(200, data, **dict(self.rate_headers()))

    def listed(self, request: Request, items: Any) -> Answer:
        if items is None:
            return self.error(404, "error-not-found.json")
        return self.page(request, items)

    def conditional(self, request: Request, data: Any) -> Answer:
        answer = self.found(data)
        if answer.status != 200:
            return answer
        etag = f'W/"{hashlib.sha256(answer.body).hexdigest()}"'
        if request.headers.get("if-none-match") == etag:
            return Answer(304, b"", {"ETag": etag, **dict(self.rate_headers())})
        answer.headers["ETag"] = etag
        return answer

    def error(self, status: int, name: str, **headers: str) -> Answer:
        return Answer.json(status, self.recorded(name), **dict(self.rate_headers()), **headers)

    def primary_limit(self, status: int = 403, reset_in: int = 30) -> Answer:
        """GitHub's answer once the hourly quota is spent."""
        reset = str(int(time.time()) + reset_in)
        answer = self.error(status, PRIMARY)
        answer.headers.update({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset})
        return answer

    def secondary_limit(self, status: int = 403, retry_after: int | None = 7) -> Answer:
        """GitHub's answer to too many requests at once."""
        extra = {} if retry_after is None else {"Retry-After": str(retry_after)}
        return self.error(status, SECONDARY, **extra)

    def page_headers(
        self, page: int, pages: int, total: int, size: int
    ) -> Iterator[tuple[str, str]]:
        return self.rate_headers()

    def rate_headers(self) -> Iterator[tuple[str, str]]:
        yield "X-RateLimit-Limit", "60"
        yield "X-RateLimit-Remaining", "42"
        yield "X-RateLimit-Reset", str(int(time.time()) + 1800)
        yield "X-RateLimit-Used", "18"
        yield "X-RateLimit-Resource", "core"
        yield "X-GitHub-Media-Type", "github.v3; format=json"
        yield "X-GitHub-Api-Version-Selected", "2022-11-28"
        yield "Cache-Control", "public, max-age=60, s-maxage=60"
