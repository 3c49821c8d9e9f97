"""Links into a component's repository, and which URLs from a harvest may become links.

Harvested URLs are untrusted: only absolute ``http(s)`` URLs become links, only ``https`` URLs
or files of the component's own repository (at the harvested commit, on a forge whose URL
layout is known: GitHub, GitLab, Gitea) become images. Paths are percent-encoded segment by
segment and may not leave the repository (``..``); commits must be hexadecimal object ids.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import quote, urlsplit

from harvester.urls import InvalidURL, default_driver

__all__ = ["RepositoryLinks", "image_url", "repository_links", "safe_link"]

_COMMIT: Final = re.compile(r"[0-9a-f]{7,64}")
_FORGES: Final = ("github", "gitlab", "gitea")


@dataclass(frozen=True, slots=True)
class RepositoryLinks:
    """URLs into a repository on a known forge: files and commits, and raw files for images."""

    base: str  # https://host/owner/name
    driver: str  # github | gitlab | gitea
    path: str  # /owner/name

    def commit(self, sha: str) -> str | None:
        """The page of commit ``sha``."""
        if not _COMMIT.fullmatch(sha):
            return None
        return (
            f"{self.base}/-/commit/{sha}"
            if self.driver == "gitlab"
            else f"{self.base}/commit/{sha}"
        )

    def folder(self, sha: str) -> str | None:
        """The root folder at ``sha``, ending in ``/`` (what relative links resolve against)."""
        if not _COMMIT.fullmatch(sha):
            return None
        if self.driver == "github":
            return f"{self.base}/blob/{sha}/"
        if self.driver == "gitlab":
            return f"{self.base}/-/blob/{sha}/"
        return f"{self.base}/src/commit/{sha}/"

    def file(self, sha: str, path: str, line: int | None = None) -> str | None:
        """The page of ``path`` (a folder when it ends in ``/``) at ``sha``, at ``line``."""
        quoted = _quoted_path(path)
        if quoted is None or not _COMMIT.fullmatch(sha):
            return None
        kind = "tree" if path.endswith("/") else "blob"
        if self.driver == "github":
            url = f"{self.base}/{kind}/{sha}/{quoted}"
        elif self.driver == "gitlab":
            url = f"{self.base}/-/{kind}/{sha}/{quoted}"
        else:
            url = f"{self.base}/src/commit/{sha}/{quoted}"
        return f"{url}#L{line}" if line and kind == "blob" else url

    def raw(self, sha: str, path: str) -> str | None:
        """The raw content of file ``path`` at ``sha`` (for images)."""
        quoted = _quoted_path(path)
        if quoted is None or path.endswith("/") or not _COMMIT.fullmatch(sha):
            return None
        if self.driver == "github":
            return f"https://raw.githubusercontent.com{self.path}/{sha}/{quoted}"
        if self.driver == "gitlab":
            return f"{self.base}/-/raw/{sha}/{quoted}"
        return f"{self.base}/raw/commit/{sha}/{quoted}"


def repository_links(url: str, forge: Mapping[str, Any] | None = None) -> RepositoryLinks | None:
    """Links into the repository at ``url`` (its forge's ``web_url`` preferred); ``None``
    unless it is an https URL on GitHub, a GitLab host or a Gitea host."""
    forge = forge or {}
    web = forge.get("web_url")
    candidate = web if isinstance(web, str) and safe_link(web, https_only=True) else url
    if safe_link(candidate, https_only=True) is None:
        return None
    parts = urlsplit(candidate)
    path = parts.path.rstrip("/").removesuffix(".git").rstrip("/")
    if not path.strip("/") or parts.query or parts.fragment or parts.username:
        return None
    driver = forge.get("driver")
    if driver not in _FORGES:
        try:
            driver = default_driver(candidate)
        except InvalidURL:
            return None
    if driver not in _FORGES:
        return None
    return RepositoryLinks(f"https://{parts.netloc}{path}", str(driver), path)


def safe_link(url: object, *, https_only: bool = False) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host and no spaces; else ``None``."""
    if not isinstance(url, str) or not url or url != url.strip() or any(c.isspace() for c in url):
        return None
    if any(ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    schemes = ("https",) if https_only else ("http", "https")
    if parts.scheme.lower() not in schemes or not parts.hostname:
        return None
    return url


def image_url(reference: object, links: RepositoryLinks | None, commit: str | None) -> str | None:
    """Where to load an image named in publiccode.yml from: an https URL as it is, or a
    path of the repository as a raw file at ``commit``; ``None`` for anything else."""
    if not isinstance(reference, str) or not reference.strip():
        return None
    if ":" in reference.split("/", 1)[0] or reference.startswith("//"):
        return safe_link(reference, https_only=True)
    if links is None or commit is None:
        return None
    return links.raw(commit, reference.strip().removeprefix("./").lstrip("/"))


def _quoted_path(path: str) -> str | None:
    segments = [part for part in path.strip("/").split("/") if part not in ("", ".")]
    if not segments or ".." in segments or any(ord(c) < 32 for c in path):
        return None
    return "/".join(quote(segment, safe="") for segment in segments)
