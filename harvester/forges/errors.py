"""The errors of :mod:`harvester.forges`.

::

    ForgeError                         the forge did not describe what was asked (url)
     ├── ForgeNotFound                 no such organisation, user, group or repository (404)
     ├── RateLimited                   the forge asks to wait longer than allowed (retry_after)
     ├── ForgeUnavailable              5xx answers, refused connections, time-outs (reason)
     └── InvalidForgeURL (ValueError)  a URL that names no account or repository here (reason)

Every forge client raises only these. ``url`` is always fit for logs: no user information,
query or fragment, and messages never contain a token.
"""

from __future__ import annotations

__all__ = [
    "ForgeError",
    "ForgeNotFound",
    "ForgeUnavailable",
    "InvalidForgeURL",
    "RateLimited",
]


class ForgeError(Exception):
    """Base of this package's errors; also raised for answers that make no sense."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}" if url else reason)
        self.url = url
        self.reason = reason


class ForgeNotFound(ForgeError):
    """The forge says the organisation, user, group or repository does not exist."""

    def __init__(self, url: str) -> None:
        super().__init__(url, "not found on the forge")


class RateLimited(ForgeError):
    """The forge's rate limit needs a wait longer than allowed, or kept refusing after waits.

    ``retry_after`` is the wait in seconds the forge asked for, ``None`` if it did not say.
    """

    def __init__(self, url: str, retry_after: float | None) -> None:
        wait = "" if retry_after is None else f" for {retry_after:.0f} s"
        super().__init__(url, f"rate limited by the forge{wait}")
        self.retry_after = retry_after


class ForgeUnavailable(ForgeError):
    """The forge failed: a 5xx answer, a refused or broken connection, or no answer in time."""


class InvalidForgeURL(ForgeError, ValueError):
    """A URL from which this forge cannot tell an account, group or repository."""
