"""A threaded HTTP server on 127.0.0.1 that answers like a forge's API, from recorded JSON.

Subclasses route a request's decoded path segments to recorded answers under
``tests/data/<forge>/``; :meth:`FakeForge.script` queues answers (rate limits, errors) that go
out before the routed ones; every request is kept in :attr:`FakeForge.requests`.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

DATA = Path(__file__).parents[2] / "data"
MAX_PER_PAGE = 100


@dataclass
class Answer:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, status: int, data: Any, **headers: str) -> Answer:
        body = json.dumps(data, ensure_ascii=False).encode()
        return cls(status, body, {"Content-Type": "application/json; charset=utf-8", **headers})


@dataclass(frozen=True)
class Request:
    path: str  # as sent, percent-escapes kept
    segments: tuple[str, ...]  # decoded
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names


class FakeForge(ThreadingHTTPServer):
    daemon_threads = True
    link_origin: str | None = None  # the origin a forge writes into Link headers

    def __init__(self, data_dir: str) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.data = DATA / data_dir
        self.requests: list[Request] = []
        self._scripted: list[tuple[str, Answer]] = []
        self._lock = threading.Lock()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def script(self, path: str, *answers: Answer) -> None:
        """Answer the next requests to paths starting with ``path`` with ``answers``, in order."""
        with self._lock:
            self._scripted.extend((path, answer) for answer in answers)

    def requests_to(self, path: str) -> list[Request]:
        return [request for request in self.requests if request.path.startswith(path)]

    def respond(self, request: Request) -> Answer:
        with self._lock:
            self.requests.append(request)
            for index, (path, answer) in enumerate(self._scripted):
                if request.path.startswith(path):
                    del self._scripted[index]
                    return answer
        return self.route(request)

    def route(self, request: Request) -> Answer:
        raise NotImplementedError

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up (time-outs, closed sessions) is no failure of the server

    def recorded(self, name: str) -> Any:
        """A recorded answer, or ``None`` when there is none of that name."""
        path = self.data / name
        if not path.is_file():
            return None
        return json.loads(self.rewritten(path.read_text(encoding="utf-8")))

    def rewritten(self, text: str) -> str:
        return text

    def page(self, request: Request, items: list[Any], size_key: str = "per_page") -> Answer:
        """One page of ``items`` as the request asks, with Link headers to the others."""
        size = max(1, min(int(request.query.get(size_key, 30)), MAX_PER_PAGE))
        number = max(1, int(request.query.get("page", 1)))
        pages = max(1, -(-len(items) // size))
        chunk = items[(number - 1) * size : number * size]
        headers = dict(self.page_headers(number, pages, len(items), size))
        links = ", ".join(
            f'<{self._page_url(request, page)}>; rel="{rel}"'
            for rel, page in _relations(number, pages)
        )
        if links:
            headers["Link"] = links
        return Answer.json(200, chunk, **headers)

    def page_headers(
        self, page: int, pages: int, total: int, size: int
    ) -> Iterator[tuple[str, str]]:
        return iter(())

    def _page_url(self, request: Request, page: int) -> str:
        query = urlencode({**request.query, "page": str(page)})
        return f"{self.link_origin or self.origin}{request.path}?{query}"


def _relations(page: int, pages: int) -> Iterator[tuple[str, int]]:
    if page > 1:
        yield "prev", page - 1
    if page < pages:
        yield "next", page + 1
    yield "first", 1
    yield "last", pages


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once, as from a real server
    wbufsize = 64 * 1024
    server: FakeForge

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        request = Request(
            path=parts.path,
            segments=tuple(unquote(segment) for segment in parts.path.split("/") if segment),
            query=dict(parse_qsl(parts.query)),
            headers={name.lower(): value for name, value in self.headers.items()},
        )
        answer = self.server.respond(request)
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)
