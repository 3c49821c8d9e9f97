"""The forge errors: one hierarchy, context as attributes, messages with the URL."""

from __future__ import annotations

from harvester.forges.errors import (
    ForgeError,
    ForgeNotFound,
    ForgeUnavailable,
    InvalidForgeURL,
    RateLimited,
)

URL = "https://github.com/smart-city-beispielstadt"


def test_every_error_is_a_forge_error() -> None:
    errors = [
        ForgeNotFound(URL),
        RateLimited(URL, 60),
        ForgeUnavailable(URL, "x"),
        InvalidForgeURL(URL, "x"),
    ]
    assert all(isinstance(error, ForgeError) for error in errors)


def test_an_invalid_url_is_a_value_error() -> None:
    assert isinstance(InvalidForgeURL(URL, "x"), ValueError)


def test_messages_name_the_url_and_the_reason() -> None:
    assert str(ForgeUnavailable(URL, "HTTP status 502")) == f"{URL}: HTTP status 502"
    assert str(ForgeNotFound(URL)) == f"{URL}: not found on the forge"


def test_rate_limited_carries_the_wait() -> None:
    error = RateLimited(URL, 1800.0)
    assert (error.retry_after, error.url, str(error)) == (
        1800.0,
        URL,
        f"{URL}: rate limited by the forge for 1800 s",
    )


def test_rate_limited_may_not_know_the_wait() -> None:
    assert str(RateLimited(URL, None)) == f"{URL}: rate limited by the forge"


def test_a_message_without_url_is_the_reason() -> None:
    assert str(InvalidForgeURL("", "not a forge URL")) == "not a forge URL"
