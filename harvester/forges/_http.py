"""What the forge clients share about HTTP: a patient session and failures turned into errors.

The session (:func:`patient_session`) mounts :class:`~._retry.PatientRetry` for ``http`` and
``https``, so rate limits are waited out below the client library. Failures of
:mod:`requests` and HTTP statuses become this package's errors with short reasons; a token
never appears in them (tokens travel in ``Authorization`` headers, which requests drops on a
redirect to another host, and neither requests nor the reasons below repeat headers).
"""

from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter

from ._retry import PatientRetry
from .errors import ForgeError, ForgeNotFound, ForgeUnavailable, RateLimited

__all__ = ["USER_AGENT", "located", "patient_session", "request_failure", "status_failure"]

USER_AGENT = "kataster-harvester"


def patient_session(retry: PatientRetry) -> requests.Session:
    """A session whose every request retries (and waits) as ``retry`` says."""
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    return session


def request_failure(url: str, error: requests.RequestException, timeout: float) -> ForgeError:
    """The error for a request that got no usable answer."""
    if isinstance(error, requests.Timeout):
        return ForgeUnavailable(url, f"no answer within {timeout:g} s")
    if isinstance(error, requests.exceptions.RetryError):
        return ForgeUnavailable(url, "the forge kept failing")
    if isinstance(error, requests.ConnectionError):
        return ForgeUnavailable(url, "cannot connect to the forge")
    return ForgeUnavailable(url, "the request failed")


def status_failure(url: str, status: int) -> ForgeError:
    """The error for an answer with an HTTP error status."""
    if status == 404:
        return ForgeNotFound(url)
    if status == 429:
        return RateLimited(url, None)
    if status >= 500:
        return ForgeUnavailable(url, f"HTTP status {status}")
    if status == 401:
        return ForgeError(url, "the forge refused the token (HTTP status 401)")
    return ForgeError(url, f"HTTP status {status}")


def located(error: ForgeError, url: str) -> ForgeError:
    """``error`` with ``url``, for one raised without it (deep in a retry or a reader)."""
    if isinstance(error, RateLimited):
        return RateLimited(url, error.retry_after)
    if isinstance(error, ForgeNotFound):
        return ForgeNotFound(url)
    return type(error)(url, error.reason)
