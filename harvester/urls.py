"""Repository URLs: parse them, compare them across mirrors and listings, keep secrets out of logs.

A repository is reachable under many spellings: ``https://github.com/Owner/Repo``,
``http://github.com/owner/repo.git/``, ``git://github.com/owner/repo``,
``ssh://git@github.com/owner/repo`` and the scp-like ``git@github.com:owner/repo.git``.
:func:`normalise_repository_url` turns each of them into one canonical key,
``https://github.com/owner/repo``, so that listings, mirrors and publiccode ``url`` fields can be
compared. The key is for comparing, not for fetching.

Choices, so that the key never merges two different repositories:

- The path is lowercased only on hosts whose forge treats paths case-insensitively: GitHub
  (``github.com``) and GitLab hosts (``gitlab.com``, ``gitlab.opencode.de``, ``gitlab.*``);
  GitLab answers any case of a project path with a redirect to the canonical one. Elsewhere
  (Gitea, a town's own git server) the case is kept.
- A port other than the scheme's default is kept (``git://127.0.0.1:9418`` drops it,
  ``git://127.0.0.1:4711`` keeps it): two daemons on one host may serve different repositories.
- ``file://`` URLs keep their path as written apart from repeated and trailing slashes: on disk
  ``repo`` and ``repo.git`` are different directories.
- Dot segments (``/a/../b``) and percent-escapes are left as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = [
    "InvalidURL",
    "RepositoryURL",
    "default_driver",
    "is_same_repository",
    "normalise_repository_url",
    "parse_repository_url",
    "redact",
]

_SCHEMES: Final = frozenset({"http", "https", "git", "ssh", "git+ssh", "ssh+git", "file"})
_DEFAULT_PORTS: Final = {
    "http": 80,
    "https": 443,
    "git": 9418,
    "ssh": 22,
    "git+ssh": 22,
    "ssh+git": 22,
}
_SSH_SCHEMES: Final = frozenset({"ssh", "git+ssh", "ssh+git"})

_URL: Final = re.compile(
    r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<authority>[^/?#]*)"
    r"(?P<path>[^?#]*)(?:\?(?P<query>[^#]*))?(?:#(?P<fragment>.*))?",
    re.DOTALL,
)
_SCP: Final = re.compile(
    r"(?:(?P<userinfo>[^@/]*)@)?(?P<host>\[[^\]/]*\]|[^:/\[\]@]+)"
    r":(?P<path>[^?#]*)(?:\?(?P<query>[^#]*))?(?:#(?P<fragment>.*))?",
    re.DOTALL,
)
_IPV6: Final = re.compile(r"\[[0-9a-f:.]+\]")
_REG_NAME: Final = re.compile(r"[^\[\]/?#@:\\%\s]+")
_BAD_CHARACTER: Final = re.compile(r"[\s\x00-\x1f\x7f]")
_SLASHES: Final = re.compile(r"/{2,}")


class InvalidURL(ValueError):
    """Text that is not a repository URL Kataster can use; ``url`` is already redacted."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"invalid repository URL {redact(url)!r}: {reason}")
        self.url = redact(url)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class RepositoryURL:
    """A repository URL taken apart. Scheme and host are lowercased, the rest is as written.

    An scp-like address (``git@host:owner/repo``) has the scheme ``ssh``, ``scp_like`` set and
    a path that starts with ``/``. ``host`` is empty for ``file:///path``.
    """

    scheme: str
    host: str
    port: int | None
    path: str
    username: str | None = None
    password: str | None = None
    query: str | None = None
    fragment: str | None = None
    scp_like: bool = False

    @property
    def segments(self) -> tuple[str, ...]:
        """The non-empty segments of the path."""
        return tuple(part for part in self.path.split("/") if part)


def parse_repository_url(url: str) -> RepositoryURL:
    """Take ``url`` apart; an scp-like address is understood as git understands it.

    Raises :class:`InvalidURL` when ``url`` is neither a URL with a supported scheme
    (http, https, git, ssh, git+ssh, ssh+git, file) nor an scp-like address.
    """
    text = url.strip()
    if not text:
        raise InvalidURL(url, "the URL is empty")
    if _BAD_CHARACTER.search(text):
        raise InvalidURL(url, "the URL contains a space or a control character")
    if "://" in text:
        return _parse_url(url, text)
    scp = _SCP.fullmatch(text)
    if scp is None:
        raise InvalidURL(url, "not a URL: it needs a scheme such as https:// or file://")
    user, password = _userinfo(scp["userinfo"])
    return RepositoryURL(
        scheme="ssh",
        host=_host(url, scp["host"]),
        port=None,
        path="/" + scp["path"].lstrip("/") if scp["path"] else "",
        username=user,
        password=password,
        query=scp["query"],
        fragment=scp["fragment"],
        scp_like=True,
    )


def _parse_url(url: str, text: str) -> RepositoryURL:
    match = _URL.fullmatch(text)
    if match is None:
        raise InvalidURL(url, "the scheme is malformed")
    scheme = match["scheme"].lower()
    if scheme not in _SCHEMES:
        raise InvalidURL(url, f"the scheme {scheme}:// is not supported")
    userinfo, _, hostport = match["authority"].rpartition("@")
    user, password = _userinfo(userinfo if "@" in match["authority"] else None)
    host, port = _host_and_port(url, hostport, allow_empty=scheme == "file")
    if scheme == "file" and host not in ("", "localhost"):
        raise InvalidURL(url, "a file:// URL cannot name another host")
    return RepositoryURL(
        scheme=scheme,
        host="" if scheme == "file" else host,
        port=port,
        path=match["path"],
        username=user,
        password=password,
        query=match["query"],
        fragment=match["fragment"],
    )


def _userinfo(userinfo: str | None) -> tuple[str | None, str | None]:
    if userinfo is None:
        return None, None
    user, colon, password = userinfo.partition(":")
    return user, password if colon else None


def _host_and_port(url: str, hostport: str, *, allow_empty: bool) -> tuple[str, int | None]:
    if hostport.startswith("["):
        end = hostport.find("]") + 1
        host, rest = hostport[:end], hostport[end:]
    else:
        host, colon, port_text = hostport.partition(":")
        rest = colon + port_text
    if rest and not rest.startswith(":"):
        raise InvalidURL(url, "the host is malformed")
    if not host and allow_empty and not rest:
        return "", None
    return _host(url, host), _port(url, rest[1:])


def _host(url: str, host: str) -> str:
    host = host.lower().rstrip(".")
    if not host:
        raise InvalidURL(url, "the URL names no host")
    if not (_IPV6.fullmatch(host) or _REG_NAME.fullmatch(host)):
        raise InvalidURL(url, "the host name contains characters a host name cannot have")
    return host


def _port(url: str, text: str) -> int | None:
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) < 65536:
        raise InvalidURL(url, f"the port {text!r} is not a number from 1 to 65535")
    return int(text)


def normalise_repository_url(url: str) -> str:
    """The canonical key of the repository at ``url``, for comparing URLs.

    Scheme and host are lowercased; user names, passwords, default ports, query, fragment,
    repeated and trailing slashes and a ``.git`` suffix are dropped; ``http``, ``git``, ``ssh``
    and scp-like addresses become ``https://host/path``; GitHub and GitLab paths are lowercased.
    ``file://`` URLs become ``file:///path``. Idempotent. Raises :class:`InvalidURL`.
    """
    parts = parse_repository_url(url)
    if parts.scheme == "file":
        path = _SLASHES.sub("/", parts.path).rstrip("/")
        if not path:
            raise InvalidURL(url, "a file:// URL needs a path")
        return f"file://{path}"
    path = _SLASHES.sub("/", parts.path)
    if _forge_of_host(parts.host) in ("github", "gitlab"):
        path = path.lower()
    while path.endswith(("/", ".git")):
        path = path.removesuffix("/").removesuffix(".git")
    keep_port = parts.port not in (None, 443, _DEFAULT_PORTS.get(parts.scheme))
    port = f":{parts.port}" if keep_port else ""
    return f"https://{parts.host}{port}{path}"


def is_same_repository(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name the same repository. Raises :class:`InvalidURL`."""
    return normalise_repository_url(a) == normalise_repository_url(b)


def default_driver(url: str) -> str:
    """The forge driver for ``url`` by its host: ``github``, ``gitlab``, ``gitea`` or ``git``.

    Forge drivers talk to a forge's web API, so only ``https://`` and ``http://`` URLs get one;
    every other URL (git://, ssh://, scp-like, file://) is plain ``git``. Raises
    :class:`InvalidURL`.
    """
    parts = parse_repository_url(url)
    if parts.scheme not in ("http", "https"):
        return "git"
    return _forge_of_host(parts.host)


def _forge_of_host(host: str) -> str:
    if host == "github.com":
        return "github"
    if host in ("gitlab.com", "gitlab.opencode.de") or host.startswith("gitlab."):
        return "gitlab"
    if host == "codeberg.org" or host.startswith(("gitea.", "forgejo.")):
        return "gitea"
    return "git"


def redact(url: str) -> str:
    """``url`` fit for logs and messages: passwords, tokens, query and fragment replaced by ***.

    Any user information of an http(s), git or file URL is replaced (a lone "user name" there is
    usually a token); an ssh user name without a password (``git@``) is kept. Never raises,
    whatever the text.
    """
    scheme, separator, rest = url.partition("://")
    if not separator:
        scheme, rest = "", url
    cut = min((i for i in (rest.find("?"), rest.find("#")) if i >= 0), default=len(rest))
    head, tail = rest[:cut], rest[cut:]
    if tail:
        tail = tail[0] + "***"
    authority_end = min((i for i in (head.find("/"),) if i >= 0), default=len(head))
    userinfo, at, after = head[:authority_end].rpartition("@")
    if at and _is_secret(userinfo, scheme):
        head = "***@" + after + head[authority_end:]
    return f"{scheme}{separator}{head}{tail}"


def _is_secret(userinfo: str, scheme: str) -> bool:
    if ":" in userinfo:
        return True
    return scheme.lower() not in _SSH_SCHEMES and scheme != ""
