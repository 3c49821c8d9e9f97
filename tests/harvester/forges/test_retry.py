"""PatientRetry: how long a rate-limit answer asks to wait (the waiting itself is tested per forge)."""

from __future__ import annotations

import email.utils
import time

import pytest
from urllib3.response import HTTPResponse

from harvester.forges._retry import PatientRetry, reset_wait
from harvester.forges.errors import RateLimited


def answer(status: int, **headers: str) -> HTTPResponse:
    return HTTPResponse(
        body=b"", headers={k.replace("_", "-"): v for k, v in headers.items()}, status=status
    )


def test_waits_retry_after_seconds() -> None:
    assert PatientRetry().limit_wait(answer(429, Retry_After="12")) == 12


def test_reads_retry_after_as_a_date() -> None:
    later = email.utils.formatdate(time.time() + 120, usegmt=True)
    wait = PatientRetry().limit_wait(answer(403, Retry_After=later))
    assert wait is not None
    assert 110 <= wait <= 121


def test_waits_a_default_for_a_429_that_says_nothing() -> None:
    assert PatientRetry(default_wait=45).limit_wait(answer(429)) == 45


@pytest.mark.parametrize("status", [403, 500, 503])
def test_other_answers_are_no_rate_limit(status: int) -> None:
    assert PatientRetry().limit_wait(answer(status)) is None


@pytest.mark.parametrize("prefix", ["X-RateLimit-", "RateLimit-"])
def test_waits_until_an_exhausted_limit_resets(prefix: str) -> None:
    headers = {prefix + "Remaining": "0", prefix + "Reset": str(int(time.time()) + 300)}
    wait = reset_wait(headers)
    assert wait is not None
    assert 299 <= wait <= 302


def test_reads_a_small_reset_as_seconds_to_go() -> None:
    assert reset_wait({"RateLimit-Remaining": "0", "RateLimit-Reset": "30"}) == 31


def test_a_limit_with_requests_left_needs_no_wait() -> None:
    assert reset_wait({"X-RateLimit-Remaining": "12", "X-RateLimit-Reset": "1999999999"}) is None


def test_its_copies_keep_the_sleep_and_the_ceiling() -> None:
    slept: list[float] = []
    retry = PatientRetry(sleep=slept.append, max_wait=10, total=3).new(total=2)
    retry.sleep(answer(429, Retry_After="4"))
    with pytest.raises(RateLimited):
        retry.sleep(answer(429, Retry_After="11"))
    assert slept == [4]
