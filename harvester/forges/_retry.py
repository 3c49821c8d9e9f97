"""Retries below the HTTP clients: rate limits waited out through an injected ``sleep``.

All three forge clients talk through :mod:`requests`, whose adapter hands every answer to a
:class:`urllib3.util.Retry`. :class:`PatientRetry` is that object with three changes:

* Every wait goes through the ``sleep`` it was given (tests pass a recorder, so they never
  sleep), never through :func:`time.sleep`.
* A rate-limit answer (403 or 429) waits as the forge asks: ``Retry-After`` seconds; or, when
  ``X-RateLimit-Remaining`` (GitHub) or ``RateLimit-Remaining`` (GitLab) is ``0``, until
  the matching ``...-Reset`` time plus one second; a 429 that says neither waits
  ``default_wait`` seconds (GitHub's advice for secondary limits: at least a minute).
* A wait longer than ``max_wait``, or a rate limit still there after five waits, raises :class:`~harvester.forges.errors.RateLimited` (without a URL: the client adds it).

Other retries (5xx in ``status_forcelist``, failed connections) keep urllib3's exponential
backoff, also through ``sleep``. Read time-outs are not retried: a forge that does not answer
in ``timeout`` seconds is unavailable now.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from urllib3.exceptions import InvalidHeader, MaxRetryError
from urllib3.util import Retry

from .errors import RateLimited

if TYPE_CHECKING:
    from collections.abc import Mapping
    from types import TracebackType
    from typing import Self

    from urllib3.connectionpool import ConnectionPool
    from urllib3.response import BaseHTTPResponse

__all__ = ["PatientRetry", "reset_wait", "retry_options", "transient_retry"]

Sleep = Callable[[float], None]

_LIMIT_STATUSES = frozenset({403, 429})
_EPOCH_AFTER = 1_000_000_000  # a Reset value this large is a Unix time, else seconds to go


def retry_options(status_forcelist: list[int]) -> dict[str, Any]:
    """The retry counts every forge client uses."""
    return {
        "total": 8,
        "connect": 2,
        "read": False,
        "status": 5,
        "backoff_factor": 1.0,
        "status_forcelist": status_forcelist,
        "raise_on_status": False,
    }


def transient_retry(sleep: Sleep, max_wait: float) -> PatientRetry:
    """Retries for a plain REST forge (GitLab, Gitea): rate limits and passing 5xx answers."""
    return PatientRetry(sleep=sleep, max_wait=max_wait, **retry_options([429, 500, 502, 503, 504]))


class PatientRetry(Retry):
    """urllib3's :class:`Retry`, waiting through ``sleep`` and never longer than ``max_wait``."""

    def __init__(
        self,
        *,
        sleep: Sleep = time.sleep,
        max_wait: float = 3600.0,
        default_wait: float = 60.0,
        **options: Any,
    ) -> None:
        self.wait_with = sleep
        self.max_wait = max_wait
        self.default_wait = default_wait
        super().__init__(**options)

    def new(self, **options: Any) -> Self:
        options.update(sleep=self.wait_with, max_wait=self.max_wait, default_wait=self.default_wait)
        return super().new(**options)

    def increment(
        self,
        method: str | None = None,
        url: str | None = None,
        response: BaseHTTPResponse | None = None,
        error: Exception | None = None,
        _pool: ConnectionPool | None = None,
        _stacktrace: TracebackType | None = None,
    ) -> Self:
        try:
            return self._incremented(method, url, response, error, _pool, _stacktrace)
        except MaxRetryError:
            raise  # urllib3 drains the answer (and may still hand it back)
        except BaseException:
            if response is not None:  # urllib3 does not expect this: give its connection back
                response.drain_conn()
                response.release_conn()
            raise

    def _incremented(
        self,
        method: str | None,
        url: str | None,
        response: BaseHTTPResponse | None,
        error: Exception | None,
        _pool: ConnectionPool | None,
        _stacktrace: TracebackType | None,
    ) -> Self:
        wait = self.limit_wait(response)
        if wait is not None and wait > self.max_wait:
            raise RateLimited("", wait)
        try:
            return super().increment(method, url, response, error, _pool, _stacktrace)
        except MaxRetryError:
            if wait is None:
                raise
            raise RateLimited("", wait) from None

    def sleep(self, response: BaseHTTPResponse | None = None) -> None:
        wait = self.limit_wait(response)
        self._wait(self.get_backoff_time() if wait is None else wait)

    def sleep_for_retry(self, response: BaseHTTPResponse) -> bool:
        wait = self.limit_wait(response)
        if wait is None:
            return False
        self._wait(wait)
        return True

    def limit_wait(self, response: BaseHTTPResponse | None) -> float | None:
        """Seconds a rate-limit answer asks to wait; ``None`` if it is no rate-limit answer."""
        if response is None or response.status not in _LIMIT_STATUSES:
            return None
        retry_after = response.headers.get("Retry-After")
        if retry_after:
            try:
                return self.parse_retry_after(retry_after)
            except InvalidHeader:
                return self.default_wait
        reset = reset_wait(response.headers)
        if reset is not None:
            return reset
        return self.default_wait if response.status == 429 else None

    def _wait(self, seconds: float) -> None:
        if seconds > self.max_wait:
            raise RateLimited("", seconds)
        if seconds > 0:
            self.wait_with(seconds)


def reset_wait(headers: Mapping[str, str]) -> float | None:
    """Seconds until an exhausted rate limit resets, from GitHub's or GitLab's headers."""
    for prefix in ("X-RateLimit-", "RateLimit-"):
        remaining = headers.get(prefix + "Remaining", "").strip()
        reset = headers.get(prefix + "Reset", "").strip()
        if remaining == "0" and reset.isdigit():
            seconds = int(reset)
            if seconds > _EPOCH_AFTER:
                seconds = max(0, int(seconds - time.time()))
            return float(seconds + 1)
    return None
