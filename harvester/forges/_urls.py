"""Forge web URLs taken apart: origin and path segments, checked before any request is built.

A URL comes from a sources file, so it is untrusted: only ``http``/``https``, no user
information (a token must never travel inside a URL, nor show up in a message), and path
segments of the characters forges allow in names (letters, digits, ``-``, ``_``, ``.``; never
``.`` or ``..`` alone), so that nothing but the intended account or repository reaches an API
path. A GitLab-style ``/-/`` suffix (``/-/tree/main``) and a final ``.git`` are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import InvalidForgeURL

__all__ = ["ForgeURL", "is_name", "parse_forge_url"]

_SEGMENT = re.compile(r"[A-Za-z0-9_.][A-Za-z0-9_.\-]*")
_MAX_LENGTH = 2048


@dataclass(frozen=True, slots=True)
class ForgeURL:
    """An ``http(s)`` URL of a forge: ``origin`` (scheme://host[:port]) and path segments."""

    scheme: str
    host: str
    netloc: str
    segments: tuple[str, ...]

    @property
    def origin(self) -> str:
        return f"{self.scheme}://{self.netloc}"

    @property
    def shown(self) -> str:
        """The URL as messages show it."""
        return "/".join((self.origin, *self.segments))


def parse_forge_url(url: str) -> ForgeURL:
    """``url`` taken apart; raises :class:`InvalidForgeURL` for anything else."""
    if not isinstance(url, str) or len(url) > _MAX_LENGTH or not url.isprintable():
        raise InvalidForgeURL("", "not a forge URL")
    try:
        parts = urlsplit(url.strip())
        host, port = parts.hostname, parts.port
    except ValueError:
        raise InvalidForgeURL("", "not a forge URL") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host:
        raise InvalidForgeURL("", "not an http(s) URL with a host")
    netloc = host if port is None else f"{host}:{port}"
    segments = _segments(parts.path)
    shown = ForgeURL(scheme, host, netloc, segments).shown
    if parts.username is not None or parts.password is not None:
        raise InvalidForgeURL(shown, "credentials inside forge URLs are not accepted")
    if not all(is_name(segment) for segment in segments):
        raise InvalidForgeURL(shown, "the path holds characters no forge name has")
    return ForgeURL(scheme, host, netloc, segments)


def is_name(segment: str) -> bool:
    """Whether ``segment`` may be one name in a forge path (an owner, group or repository)."""
    return bool(_SEGMENT.fullmatch(segment)) and bool(segment.strip("."))


def _segments(path: str) -> tuple[str, ...]:
    segments = [segment for segment in path.split("/") if segment]
    if "-" in segments:
        segments = segments[: segments.index("-")]
    if segments and segments[-1].endswith(".git"):
        segments[-1] = segments[-1].removesuffix(".git")
    return tuple(segments)
