"""The demo forge: a small Gitea-compatible code host on 127.0.0.1, for the demo build only.

Kataster learns some things only from a forge (whether the issue tracker is on, whether a
repository is archived, its releases and stars), so the demo harvests most of its repositories
through the real Gitea driver. This server answers the part of Gitea's API v1 that the driver
asks (an organisation's repositories, one repository, its releases) from
:class:`ForgeListing` records, and serves the bare repositories under ``root`` over git's
smart HTTP protocol through ``git http-backend`` (read only). It listens on a free port of
127.0.0.1 while the demo is built and stops afterwards::

    with DemoForge.serve(root) as forge:
        forge.publish(ForgeListing(owner="beispielstadt", name="parkleitsystem", ...))
        forge.clone_url("beispielstadt", "parkleitsystem")  # http://127.0.0.1:PORT/...
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import re
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

__all__ = ["DemoForge", "ForgeListing", "ForgeRelease"]

_API = re.compile(
    r"/api/v1/(?:orgs/(?P<org>[\w.-]+)/repos"
    r"|repos/(?P<owner>[\w.-]+)/(?P<name>[\w.-]+)(?P<releases>/releases)?)"
)
_GIT = re.compile(r"/(?P<owner>[\w-]+)/(?P<name>[\w-]+)\.git(?P<rest>/info/refs|/git-upload-pack)")
_MAX_BODY = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ForgeRelease:
    tag: str
    published_at: datetime.datetime
    notes: str


@dataclass(frozen=True, slots=True)
class ForgeListing:
    """What the forge says about one repository."""

    owner: str
    name: str
    description: str
    created_at: datetime.datetime
    archived: bool = False
    has_issues: bool = True
    open_issues: int = 0
    stars: int = 0
    releases: tuple[ForgeRelease, ...] = ()


@dataclass
class DemoForge:
    """A running demo forge serving the bare repositories ``root/<owner>/<name>.git``."""

    root: Path
    base_url: str
    listings: dict[tuple[str, str], ForgeListing] = field(default_factory=dict)

    @classmethod
    @contextlib.contextmanager
    def serve(cls, root: Path) -> Iterator[DemoForge]:
        """Serve ``root`` on a free port of 127.0.0.1 until the block ends."""
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        port = server.server_address[1]
        forge = cls(root=root, base_url=f"http://127.0.0.1:{port}")
        server.forge = forge  # type: ignore[attr-defined]
        thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name="demo-forge", daemon=True
        )
        thread.start()
        try:
            yield forge
        finally:
            server.shutdown()
            server.server_close()
            thread.join()

    def publish(self, listing: ForgeListing) -> None:
        self.listings[(listing.owner, listing.name)] = listing

    def clone_url(self, owner: str, name: str) -> str:
        return f"{self.base_url}/{owner}/{name}.git"

    def web_url(self, owner: str, name: str) -> str:
        return f"{self.base_url}/{owner}/{name}"

    def organisation_url(self, owner: str) -> str:
        return f"{self.base_url}/{owner}"

    def item(self, listing: ForgeListing) -> dict[str, Any]:
        """The repository as Gitea's API describes it."""
        owner, name = listing.owner, listing.name
        return {
            "name": name,
            "full_name": f"{owner}/{name}",
            "owner": {"login": owner},
            "description": listing.description,
            "clone_url": self.clone_url(owner, name),
            "html_url": self.web_url(owner, name),
            "default_branch": "main",
            "archived": listing.archived,
            "fork": False,
            "parent": None,
            "mirror": False,
            "stars_count": listing.stars,
            "has_issues": listing.has_issues,
            "open_issues_count": listing.open_issues,
            "release_counter": len(listing.releases),
            "created_at": listing.created_at.isoformat(),
        }


def _release(release: ForgeRelease) -> dict[str, Any]:
    return {
        "tag_name": release.tag,
        "name": f"Version {release.tag.removeprefix('v')}",
        "body": release.notes,
        "draft": False,
        "prerelease": False,
        "published_at": release.published_at.isoformat(),
    }


class _Handler(BaseHTTPRequestHandler):
    server_version = "KatasterDemoForge/1.0"

    @property
    def forge(self) -> DemoForge:
        forge: DemoForge = self.server.forge  # type: ignore[attr-defined]
        return forge

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        api, git = _API.fullmatch(path), _GIT.fullmatch(path)
        if api is not None:
            self._api(api, parse_qs(urlsplit(self.path).query))
        elif git is not None and git["rest"] == "/info/refs":
            self._git(git)
        else:
            self._json(404, {"message": "not found"})

    def do_POST(self) -> None:
        git = _GIT.fullmatch(urlsplit(self.path).path)
        if git is not None and git["rest"] == "/git-upload-pack":
            self._git(git)
        else:
            self._json(404, {"message": "not found"})

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the demo prints its own summary."""

    # --- the API ---------------------------------------------------------------------------

    def _api(self, match: re.Match[str], query: dict[str, list[str]]) -> None:
        first_page = query.get("page", ["1"]) == ["1"]
        if match["org"] is not None:
            items = [self.forge.item(listing) for listing in self._owned(match["org"])]
            self._json(200 if items else 404, items if first_page else [], total=len(items))
            return
        listing = self.forge.listings.get((match["owner"], match["name"]))
        if listing is None:
            self._json(404, {"message": "repository not found"})
        elif match["releases"]:
            releases = [_release(release) for release in listing.releases]
            self._json(200, releases if first_page else [], total=len(releases))
        else:
            self._json(200, self.forge.item(listing))

    def _owned(self, owner: str) -> list[ForgeListing]:
        return [item for key, item in sorted(self.forge.listings.items()) if key[0] == owner]

    def _json(self, status: int, body: Any, total: int | None = None) -> None:
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if total is not None:
            self.send_header("X-Total-Count", str(total))
        self.end_headers()
        self.wfile.write(data)

    # --- git over smart HTTP ---------------------------------------------------------------

    def _git(self, match: re.Match[str]) -> None:
        if (match["owner"], match["name"]) not in self.forge.listings:
            self._json(404, {"message": "repository not found"})
            return
        body = self._body()
        completed = subprocess.run(
            ["git", "http-backend"],
            input=body,
            env=self._cgi_environment(match, len(body)),
            capture_output=True,
            timeout=120,
        )
        self._cgi_response(completed.stdout)

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return self._chunked()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(min(length, _MAX_BODY))

    def _chunked(self) -> bytes:
        data = bytearray()
        while len(data) <= _MAX_BODY:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                self.rfile.readline()
                break
            data += self.rfile.read(size)
            self.rfile.readline()
        return bytes(data)

    def _cgi_environment(self, match: re.Match[str], length: int) -> dict[str, str]:
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_PROJECT_ROOT": str(self.forge.root),
            "GIT_HTTP_EXPORT_ALL": "1",
            "REQUEST_METHOD": self.command,
            "PATH_INFO": f"/{match['owner']}/{match['name']}.git{match['rest']}",
            "QUERY_STRING": urlsplit(self.path).query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(length),
            "HTTP_CONTENT_ENCODING": self.headers.get("Content-Encoding", ""),
            "GIT_PROTOCOL": self.headers.get("Git-Protocol", ""),
            "REMOTE_ADDR": "127.0.0.1",
        }

    def _cgi_response(self, output: bytes) -> None:
        head, _, body = output.partition(b"\r\n\r\n")
        headers = [line.split(b":", 1) for line in head.split(b"\r\n") if b":" in line]
        status = 200
        for name, value in headers:
            if name.strip().lower() == b"status":
                status = int(value.split()[0])
        self.send_response(status)
        for name, value in headers:
            if name.strip().lower() != b"status":
                self.send_header(name.decode().strip(), value.decode().strip())
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
