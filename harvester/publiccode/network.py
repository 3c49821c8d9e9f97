"""Whether a URL answers an HTTP GET, checked without letting the file aim us at ourselves.

Rule (design/publiccode-standard.md section 2.11): with network checks on, ``url``,
``landingURL``, ``roadmap``, ``documentation`` and ``apiDocumentation`` must answer a GET;
the reference validator reports ``'<u>' not reachable: <reason>``. Its hardening is kept:
a time limit per check, no loopback, private, link-local, CGNAT, multicast, reserved or
unspecified targets unless allowed, and a cap on the bytes read.

How a check runs (:func:`check_reachable`):

* Only ``http`` and ``https`` URLs. Redirects (301, 302, 303, 307, 308 with a ``Location``)
  are followed by hand, every hop checked afresh; as in Go, the check gives up when the
  tenth response is still a redirect.
* Each hop's host is resolved once with :func:`socket.getaddrinfo`; if any address is
  refused the check fails before any connection is made. Otherwise the first of them
  (at most four) that accepts a connection is used.
* The request then goes to the checked address itself, not to the name: the URL is
  rewritten to the IP literal and the name travels in the ``Host`` header. For ``https``
  a transport adapter hands that name to urllib3 as ``server_hostname``, so SNI and
  certificate verification still use the name. As nothing resolves the name a second
  time, DNS rebinding cannot swap the address between check and connection.
* A 2xx status is reachable. At most ``max_bytes`` of the body are read (raw, never
  decompressed), then reading stops without error.
* ``timeout`` bounds the whole check, redirects and body included, as Go's
  ``http.Client.Timeout`` does. Each socket read may wait up to the time left when its
  request was sent, so a check may overrun by at most that much. Not covered: name
  resolution (the system resolver's own limits apply) and a server trickling its
  *headers* (each read is still bounded).

Reasons are short: ``host resolves to a private address (127.0.0.1)``, ``timed out after
30 s``, ``HTTP status 404``, ``stopped after 10 redirects``, ``cannot resolve host
<host>``, ``unsupported protocol scheme "<s>"``, ``no host in URL``, ``invalid URL``,
``connection failed``, ``TLS handshake failed``, ``connection broke while reading the
response``. They are ours: the reference's Go error texts are not reproduced.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import SplitResult, urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter

from .errors import UnreachableURL

if TYPE_CHECKING:
    from requests.adapters import _HostParams, _PoolKwargs
    from requests.models import PreparedRequest

__all__ = ["NetworkPolicy", "UnreachableURL", "check_reachable"]

_MAX_REDIRECTS = 10  # as Go's http.Client: the tenth redirect response ends the check
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_READ_SIZE = 64 * 1024
_MAX_ADDRESSES = 4
_CGNAT = ipaddress.IPv4Network("100.64.0.0/10")

_Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class NetworkPolicy:
    """Limits for network checks; the defaults are the reference validator's.

    ``allowed_hosts`` names hosts (as written in URLs, lower case, IPv6 without brackets)
    that may resolve to refused addresses anyway: an explicit exception for an intranet
    mirror, or for tests against a server on 127.0.0.1. ``allow_private_hosts`` lifts the
    address check for every host.
    """

    timeout: float = 30.0
    max_bytes: int = 20 * 1024 * 1024
    allow_private_hosts: bool = False
    allowed_hosts: frozenset[str] = frozenset()


class _Failure(Exception):
    """Internal: why one hop failed, before it is tied to the URL that was asked about."""


def check_reachable(
    url: str, policy: NetworkPolicy, session: requests.Session | None = None
) -> None:
    """GET ``url`` under ``policy``; raise :class:`UnreachableURL` unless it answers 2xx.

    A given ``session`` gets this module's HTTPS adapter mounted for ``https://``; without
    one, a session is made and closed.
    """
    own_session = session is None
    active = requests.Session() if session is None else session
    _mount_adapter(active)
    clock = _Clock(policy.timeout, time.monotonic() + policy.timeout)
    try:
        _follow(url, policy, active, clock)
    except _Failure as failure:
        raise UnreachableURL(url, str(failure)) from None
    finally:
        if own_session:
            active.close()


def _follow(url: str, policy: NetworkPolicy, session: requests.Session, clock: _Clock) -> None:
    """Fetch ``url`` and each redirect target, making at most ten requests."""
    current = url
    for _ in range(_MAX_REDIRECTS):
        following = _fetch(current, policy, session, clock)
        if following is None:
            return
        current = following
    raise _Failure(f"stopped after {_MAX_REDIRECTS} redirects")


def _fetch(url: str, policy: NetworkPolicy, session: requests.Session, clock: _Clock) -> str | None:
    """One hop: check its addresses, GET it pinned, return the redirect target if any."""
    target = _Target.parse(url)
    addresses = _checked_addresses(target, policy)
    response = _send(target, addresses, session, clock)
    with response:
        location = response.headers.get("Location")
        if response.status_code in _REDIRECT_STATUSES and location is not None:
            return urljoin(url, location)
        if not 200 <= response.status_code < 300:
            raise _Failure(f"HTTP status {response.status_code}")
        _drain(response, policy.max_bytes, clock)
    return None


@dataclass(frozen=True, slots=True)
class _Clock:
    """The check's deadline on the monotonic clock."""

    timeout: float
    end: float

    def remaining(self) -> float:
        """Seconds left, or the timeout failure when none are."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise self.expired()
        return left

    def expired(self) -> _Failure:
        return _Failure(f"timed out after {self.timeout:g} s")


@dataclass(frozen=True, slots=True)
class _Target:
    """One hop's URL, split, with its host in ASCII and the port to connect to."""

    parts: SplitResult
    host: str
    port: int

    @classmethod
    def parse(cls, url: str) -> _Target:
        try:
            parts = urlsplit(url)
            explicit_port, hostname = parts.port, parts.hostname
        except ValueError:
            raise _Failure("invalid URL") from None
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise _Failure(f'unsupported protocol scheme "{parts.scheme}"')
        if not hostname:
            raise _Failure("no host in URL")
        port = explicit_port or (443 if scheme == "https" else 80)
        return cls(parts._replace(scheme=scheme), _ascii_host(hostname), port)

    def host_header(self) -> str:
        """The ``Host`` header http.client would send for the name."""
        name = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.parts.scheme == "https" else 80
        return name if self.port == default else f"{name}:{self.port}"

    def pinned_url(self, address: _Address) -> str:
        """The URL with the host replaced by ``address`` (userinfo and port kept)."""
        literal = str(address).replace("%", "%25")
        host = f"[{literal}]" if address.version == 6 else literal
        userinfo = self.parts.netloc.rpartition("@")[0]
        netloc = f"{userinfo}@{host}:{self.port}" if userinfo else f"{host}:{self.port}"
        return self.parts._replace(netloc=netloc, fragment="").geturl()


def _ascii_host(hostname: str) -> str:
    """The host as DNS and the ``Host`` header want it: IDNA for non-ASCII names."""
    if hostname.isascii():
        return hostname
    try:
        return hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise _Failure(f"cannot resolve host {hostname}") from None


def _checked_addresses(target: _Target, policy: NetworkPolicy) -> list[_Address]:
    """Resolve the host once; refuse it if any address is not public, unless allowed."""
    try:
        infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise _Failure(f"cannot resolve host {target.host}") from None
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
    exempt = policy.allow_private_hosts or target.host in policy.allowed_hosts
    for address in addresses:
        if not exempt and _is_refused(address):
            raise _Failure(f"host resolves to a private address ({address})")
    return addresses[:_MAX_ADDRESSES]


def _is_refused(address: _Address) -> bool:
    """Loopback, private, link-local, CGNAT, multicast, reserved or unspecified.

    An IPv4-mapped or 6to4 IPv6 address is judged by the IPv4 address inside it.
    """
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is not None:
            return _is_refused(inner)
        if address.is_site_local:
            return True
    return (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or address in _CGNAT
    )


def _send(
    target: _Target, addresses: list[_Address], session: requests.Session, clock: _Clock
) -> requests.Response:
    """GET the first address that accepts a connection, with the name in ``Host``."""
    for address in addresses:
        try:
            return session.get(
                target.pinned_url(address),
                headers={"Host": target.host_header()},
                stream=True,
                timeout=clock.remaining(),
                allow_redirects=False,
            )
        except requests.Timeout:
            raise clock.expired() from None
        except requests.exceptions.SSLError:
            raise _Failure("TLS handshake failed") from None
        except requests.ConnectionError:
            continue
        except requests.RequestException:
            raise _Failure("invalid URL") from None
    raise _Failure("connection failed")


def _drain(response: requests.Response, max_bytes: int, clock: _Clock) -> None:
    """Read the raw body until its end, ``max_bytes``, or the deadline."""
    left = max_bytes
    try:
        while left > 0:
            piece = response.raw.read1(min(_READ_SIZE, left), decode_content=False)
            if not piece:
                return
            left -= len(piece)
            clock.remaining()
    except urllib3.exceptions.TimeoutError:
        raise clock.expired() from None
    except (urllib3.exceptions.HTTPError, OSError):
        raise _Failure("connection broke while reading the response") from None


class _HostHeaderTLSAdapter(HTTPAdapter):
    """Verify TLS for the name in the ``Host`` header when the URL names an IP address.

    requests documents :meth:`build_connection_pool_key_attributes` as the hook for custom
    TLS settings; ``server_hostname`` is part of urllib3's pool key, so each name gets its
    own connection pool.
    """

    def build_connection_pool_key_attributes(
        self,
        request: PreparedRequest,
        verify: bool | str,
        cert: str | tuple[str, str] | None = None,
    ) -> tuple[_HostParams, _PoolKwargs]:
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, verify, cert
        )
        host = request.headers.get("Host")
        if host is not None:
            extra = cast("dict[str, Any]", pool_kwargs)
            extra["server_hostname"] = urlsplit(f"//{host}").hostname
        return host_params, pool_kwargs


def _mount_adapter(session: requests.Session) -> None:
    """Mount the TLS adapter for ``https://`` unless the session already has it."""
    if not isinstance(session.get_adapter("https://"), _HostHeaderTLSAdapter):
        session.mount("https://", _HostHeaderTLSAdapter())
