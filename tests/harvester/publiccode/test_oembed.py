"""oEmbed video URLs (design/publiccode-standard.md section 2.8, "oEmbed")."""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harvester.publiccode import oembed
from harvester.publiccode.oembed import is_oembed_url
from harvester.publiccode.vocabularies import oembed_schemes


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=x",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=42",
        "https://youtu.be/x",
        "https://www.youtube.com/shorts/abc",
        "https://youtube.com/playlist?list=PL123",
        "https://vimeo.com/123",
        "https://player.vimeo.com/video/76979871",
    ],
)
def test_accepts_a_known_provider_url(url: str) -> None:
    assert is_oembed_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://www.youtube.com/watch?v=x",
        "https://youtube.com/watch?v=x",
        "http://youtu.be/x",
        "http://vimeo.com/123",
        "https://www.example.org/watch?v=x",
        "",
    ],
)
def test_refuses_a_url_no_pattern_matches(url: str) -> None:
    assert not is_oembed_url(url)


def test_matches_the_whole_url_not_a_prefix() -> None:
    assert not is_oembed_url("https://youtube.com/playlist?list=x\n")


def test_wildcard_does_not_cross_a_newline() -> None:
    assert not is_oembed_url("https://vimeo.com/1\n2")


def test_wildcard_spans_slashes_and_dots() -> None:
    assert is_oembed_url("https://evil.example/a.youtube.com/watch")


def test_wildcard_may_match_nothing() -> None:
    assert is_oembed_url("https://vimeo.com/")


def test_treats_a_dot_in_a_pattern_literally() -> None:
    assert not is_oembed_url("https://youtuXbe/x")


def test_treats_a_question_mark_in_a_pattern_literally() -> None:
    assert not is_oembed_url("https://youtube.com/playlistXlist=1")


def test_is_case_sensitive() -> None:
    assert not is_oembed_url("HTTPS://YOUTU.BE/x")


def test_matches_a_pattern_with_several_wildcards_only_in_order() -> None:
    assert is_oembed_url("https://cueup.io/user/a/sounds/b")
    assert not is_oembed_url("https://cueup.io/sounds/b/user/a")


def test_accepts_a_scheme_pattern_that_is_not_http() -> None:
    assert is_oembed_url("spotify:track:4uLU6hMCjMI75M1A2tKUQC")


def test_every_pattern_matches_itself_with_its_wildcards_filled() -> None:
    unmatched = [p for p in oembed_schemes() if not is_oembed_url(p.replace("*", "a*b/c?d"))]
    assert unmatched == []


@functools.cache
def naive() -> re.Pattern[str]:
    """Every pattern as a plain backtracking regex, the obvious reading of the rule."""
    return re.compile(
        "|".join(
            "(?:" + "[^\n]*".join(re.escape(part) for part in p.split("*")) + ")"
            for p in oembed_schemes()
        )
    )


def test_agrees_with_plain_backtracking_on_tricky_repetitions() -> None:
    urls = [
        "https://vimeo.com/album/video/album/x/video/",
        "https://vimeo.com/groups/videos/videos/",
        "https://vimeo.com/channels//",
        "https://vimeo.com/channels/x",
        "https://app.altrulabs.com/a/b?answer_id=",
        "https://app.altrulabs.com/a?answer_id=1",
        "https://smashnotes.com/p/x/e/y - https://smashnotes.com/p/x/e/z/s/w",
    ]
    assert [is_oembed_url(u) for u in urls] == [naive().fullmatch(u) is not None for u in urls]


@given(
    pattern=st.sampled_from(oembed_schemes()),
    fillers=st.lists(st.text(alphabet="a/.?*=\n:", max_size=6), min_size=7, max_size=7),
    cut=st.integers(min_value=0, max_value=3),
)
def test_agrees_with_plain_backtracking_on_filled_patterns(
    pattern: str, fillers: list[str], cut: int
) -> None:
    parts = pattern.split("*")
    url = parts[0] + "".join(f + p for f, p in zip(fillers, parts[1:], strict=False))
    url = url[: len(url) - cut]
    assert is_oembed_url(url) == (naive().fullmatch(url) is not None)


def test_compiles_the_patterns_only_once() -> None:
    assert oembed._matcher() is oembed._matcher()


def test_tries_wildcard_host_patterns_for_a_url_of_any_origin() -> None:
    assert is_oembed_url("https://www.youtube.com/watch?v=x")
    assert "https://www.youtube.com/" not in oembed._matcher().by_origin


def test_tries_a_url_without_an_origin_against_wildcard_host_patterns() -> None:
    assert is_oembed_url("https://x.youtube.com/watch")


def test_indexes_wildcard_host_patterns_by_their_longest_literal() -> None:
    needles = [needle for needle, _ in oembed._matcher().by_needle]
    assert ".youtube.com/watch" in needles
