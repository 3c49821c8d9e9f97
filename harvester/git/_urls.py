"""Repository URLs: which ones git may be handed, and how to show them without credentials."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable

from .errors import InvalidRepositoryUrl

__all__ = ["check_url", "is_local", "redact", "redactor", "shown"]

_SCHEMES = frozenset({"https", "http", "git", "file"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_SCP_LIKE = re.compile(r"^(?:[^@/:]+@)?[^/:]+:")  # user@host:path, host:path
_TRANSPORT = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*::")  # ext::cmd, fd::3 and friends
_SUPPORTED = "only https, http, git and file are supported."
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_USERINFO = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://)[^/\s'\"]*@")


def check_url(url: str) -> None:
    """Refuse what git must never see: options, control characters, foreign transports."""
    problem = _problem(url)
    if problem is not None:
        visible = shown(url)
        raise InvalidRepositoryUrl(f"The repository URL {visible!r} {problem}", url=visible)


def _problem(url: str) -> str | None:
    if not url or url.startswith("-") or _CONTROL.search(url):
        return "is not valid."
    match = _SCHEME.match(url)
    if match is not None and match.group(1).lower() not in _SCHEMES:
        return f"uses the protocol {match.group(1)!r}; {_SUPPORTED}"
    if match is None and _TRANSPORT.match(url):
        return "names a git transport helper, which is not allowed."
    if match is None and not is_local(url):
        return f"is an ssh address; {_SUPPORTED}"
    return None


def is_local(url: str) -> bool:
    """True for file:// URLs and plain paths (which git reads through the file protocol)."""
    match = _SCHEME.match(url)
    if match is not None:
        return match.group(1).lower() == "file"
    return url.startswith("/") or url.startswith(".") or not _SCP_LIKE.match(url)


def redact(text: str) -> str:
    """``text`` with the user name and password removed from every URL in it."""
    return _USERINFO.sub(r"\1", text)


def shown(url: str) -> str:
    """``url`` as it may be shown: without its credentials."""
    return redactor(url)(url)


def redactor(url: str) -> Callable[[str], str]:
    """A function that removes ``url``'s credentials from any text (also where git prints
    them outside a URL, as in ``unable to look up user:secret@host``)."""
    secrets = _secrets(url)

    def clean(text: str) -> str:
        text = redact(text)
        for secret in secrets:
            text = text.replace(secret, "***")
        return text

    return clean


def _secrets(url: str) -> tuple[str, ...]:
    match = _SCHEME.match(url)
    if match is None:
        return ()
    authority = url[match.end() :].split("/", 1)[0]
    if "@" not in authority:
        return ()
    userinfo = authority.rsplit("@", 1)[0]
    user, _, password = userinfo.partition(":")
    found = {userinfo, password or user}  # a lone user name is often a token
    found |= {urllib.parse.unquote(part) for part in found}
    # longest first, so that "user:token" goes before "token"
    return tuple(sorted((s for s in found if s), key=len, reverse=True))
