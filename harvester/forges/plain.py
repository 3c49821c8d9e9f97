"""Plain git: a repository at any URL git can fetch, described by nothing but that URL.

The ``git`` driver asks no forge and opens no connection. ``list_repositories(url)`` yields
the one repository at ``url``; both methods return ``ForgeRepository(clone_url=url)`` with
everything else unknown. The URL is checked, because it is handed to git later: it must use
``https``, ``http``, ``git``, ``ssh`` or ``file`` (or be an scp-like ``user@host:path``), carry
no password or token, and must not look like a command-line option or a remote helper
(``ext::``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..records import ForgeRepository
from .errors import InvalidForgeURL

__all__ = ["PlainGit", "checked_git_url"]

_SCHEMES = frozenset({"https", "http", "git", "ssh", "file"})
_SCP_LIKE = re.compile(r"[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^:]")
_MAX_LENGTH = 2048


class PlainGit:
    """The ``git`` driver: the URL is the repository, and nothing more is known."""

    def list_repositories(self, url: str) -> Iterator[ForgeRepository]:
        """Exactly the repository at ``url``."""
        yield self.repository(url)

    def repository(self, url: str) -> ForgeRepository:
        """The repository at ``url``, with everything but its URL unknown."""
        return ForgeRepository(clone_url=checked_git_url(url), driver="git")


def checked_git_url(url: str) -> str:
    """``url`` when git may be given it; raises :class:`InvalidForgeURL` otherwise."""
    if not isinstance(url, str) or not url or len(url) > _MAX_LENGTH or not url.isprintable():
        raise InvalidForgeURL("", "not a git URL")
    if url.startswith("-") or "::" in url or " " in url:
        raise InvalidForgeURL("", "not a git URL (it looks like an option or a remote helper)")
    if _SCP_LIKE.match(url):
        return url
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        raise InvalidForgeURL("", "not a git URL") from None
    if parts.scheme.lower() not in _SCHEMES:
        raise InvalidForgeURL("", "git URLs use https, http, git, ssh or file")
    if password is not None or (parts.username and parts.scheme.lower() != "ssh"):
        raise InvalidForgeURL("", "credentials inside git URLs are not accepted")
    return url
