"""Forge URLs taken apart before any request is built from them."""

from __future__ import annotations

import pytest

from harvester.forges._urls import ForgeURL, is_name, parse_forge_url
from harvester.forges.errors import InvalidForgeURL


def test_takes_apart_origin_and_path() -> None:
    assert parse_forge_url("https://GitLab.OpenCoDE.de:8443/Gruppe/Projekt") == ForgeURL(
        "https", "gitlab.opencode.de", "gitlab.opencode.de:8443", ("Gruppe", "Projekt")
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://codeberg.org/stadt/app.git",
        "https://codeberg.org/stadt/app/",
        "https://codeberg.org//stadt//app",
        "https://codeberg.org/stadt/app/-/tree/main",
        "https://codeberg.org/stadt/app?tab=readme#top",
    ],
)
def test_drops_what_names_no_path_segment(url: str) -> None:
    assert parse_forge_url(url).segments == ("stadt", "app")


def test_shows_the_url_without_query_or_fragment() -> None:
    assert (
        parse_forge_url("http://127.0.0.1:3000/stadt/app.git?x=1#y").shown
        == "http://127.0.0.1:3000/stadt/app"
    )


@pytest.mark.parametrize(
    "url",
    [
        "git://codeberg.org/stadt/app",
        "https:///stadt",
        "https://codeberg.org:99999/stadt",
        "https://codeberg.org/stadt/%2e%2e",
        "https://codeberg.org/stadt/../app",
        "https://codeberg.org/stadt/äpp",
        "https://codeberg.org/stadt/app\u200b",
        "https://codeberg.org/" + "a" * 3000,
    ],
)
def test_rejects_what_is_no_forge_url(url: str) -> None:
    with pytest.raises(InvalidForgeURL):
        parse_forge_url(url)


def test_rejects_credentials_without_repeating_them() -> None:
    with pytest.raises(InvalidForgeURL) as caught:
        parse_forge_url("https://oauth2:glpat-geheim@gitlab.com/stadt")
    assert "geheim" not in str(caught.value)
    assert caught.value.url == "https://gitlab.com/stadt"


@pytest.mark.parametrize(
    ("segment", "valid"), [(".github", True), ("a-b_c.d", True), ("..", False), ("-x", False)]
)
def test_tells_names_from_other_text(segment: str, valid: bool) -> None:
    assert is_name(segment) is valid
