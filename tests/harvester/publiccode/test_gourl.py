"""The port of Go's net/url (publiccode-standard.md, sections 2.2 and 2.4)."""

from __future__ import annotations

import pytest

from harvester.publiccode import _gourl
from harvester.publiccode._gourl import GoURL, GoUserinfo, InvalidGoURL, parse, parse_request_uri


def test_exports_exactly_the_public_api() -> None:
    assert sorted(_gourl.__all__) == [
        "GoURL",
        "GoUserinfo",
        "InvalidGoURL",
        "parse",
        "parse_request_uri",
    ]


# --- parse errors: Go's *url.Error text ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # the reasons named in section 2.4
        (
            "git@github.com:italia/x.git",
            'parse "git@github.com:italia/x.git": first path segment in URL cannot contain colon',
        ),
        (
            " https://example.org",
            'parse " https://example.org": first path segment in URL cannot contain colon',
        ),
        (
            "https://exa mple.org/",
            'parse "https://exa mple.org/": invalid character " " in host name',
        ),
        ("https://[::1/x", "parse \"https://[::1/x\": missing ']' in host"),
        (
            "https://example.org/\x01",
            'parse "https://example.org/\\x01": net/url: invalid control character in URL',
        ),
        ("https://example.org/%zz", 'parse "https://example.org/%zz": invalid URL escape "%zz"'),
        (
            "https://example.org:x/",
            'parse "https://example.org:x/": invalid port ":x" after host',
        ),
        (":example.org", 'parse ":example.org": missing protocol scheme'),
        # more of Go's reasons
        ("https://[::1]x/", 'parse "https://[::1]x/": invalid port "x" after host'),
        (
            "https://example.org:80:x/",
            'parse "https://example.org:80:x/": invalid port ":x" after host',
        ),
        ("https://a b@example.org/", 'parse "https://a b@example.org/": net/url: invalid userinfo'),
        ("https://%41.org/", 'parse "https://%41.org/": invalid URL escape "%41"'),
        ("https://example.org/%", 'parse "https://example.org/%": invalid URL escape "%"'),
        ("https://example.org/%4", 'parse "https://example.org/%4": invalid URL escape "%4"'),
        (
            "https://a%zz@example.org/",
            'parse "https://a%zz@example.org/": invalid URL escape "%zz"',
        ),
        (
            "https://ex^ample.org/",
            'parse "https://ex^ample.org/": invalid character "^" in host name',
        ),
        ("https://[fe80::1%25%2F]/", 'parse "https://[fe80::1%25%2F]/": invalid URL escape "%2F"'),
        ("1a:b/c", 'parse "1a:b/c": first path segment in URL cannot contain colon'),
    ],
)
def test_parse_errors_carry_go_error_text(text: str, message: str) -> None:
    with pytest.raises(InvalidGoURL) as caught:
        parse(text)
    assert str(caught.value) == message


def test_scp_style_git_url_is_a_parse_error() -> None:
    with pytest.raises(InvalidGoURL, match="first path segment in URL cannot contain colon"):
        parse("git@github.com:italia/publiccode-parser-go.git")


def test_parse_error_is_a_value_error_with_url_and_reason() -> None:
    with pytest.raises(ValueError) as caught:
        parse("https://example.org:x/")
    assert isinstance(caught.value, InvalidGoURL)
    assert caught.value.url == "https://example.org:x/"
    assert caught.value.reason == 'invalid port ":x" after host'


def test_error_names_the_text_before_the_fragment_when_that_part_fails() -> None:
    with pytest.raises(InvalidGoURL) as caught:
        parse("https://example.org/%zz#section")
    assert caught.value.url == "https://example.org/%zz"
    assert str(caught.value) == 'parse "https://example.org/%zz": invalid URL escape "%zz"'


def test_error_names_the_whole_text_when_the_fragment_fails() -> None:
    with pytest.raises(InvalidGoURL) as caught:
        parse("https://example.org/#%zz")
    assert caught.value.url == "https://example.org/#%zz"
    assert caught.value.reason == 'invalid URL escape "%zz"'


def test_escape_error_shows_three_bytes_even_inside_a_character() -> None:
    with pytest.raises(InvalidGoURL) as caught:
        parse("https://example.org/%€")
    assert caught.value.reason == 'invalid URL escape "%\\xe2\\x82"'


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("a\tb", "a\\tb"),
        ("a\nb", "a\\nb"),
        ("a\x1bb", "a\\x1bb"),
        ("a\x7fb", "a\\x7fb"),
        ('a"b', 'a\\"b'),
        ("a\\b", "a\\\\b"),
        ("a\u00a0b", "a\\u00a0b"),
        ("a\u200bb", "a\\u200bb"),
        ("a\U000e0001b", "a\\U000e0001b"),
        ("àé😀 ", "àé😀 "),
    ],
)
def test_error_quotes_the_url_as_strconv_quote_does(text: str, quoted: str) -> None:
    with pytest.raises(InvalidGoURL) as caught:
        parse(":" + text)
    assert str(caught.value) == f'parse ":{quoted}": {caught.value.reason}'


def test_fragment_may_hold_control_characters() -> None:
    url = parse("https://example.org/#a\tb")
    assert url.fragment == "a\tb"
    assert url.string() == "https://example.org/#a%09b"


# --- parse: the fields -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "HTTPS://Example.org/a/b?q=1#top",
            GoURL(scheme="https", host="Example.org", path="/a/b", raw_query="q=1", fragment="top"),
        ),
        ("mailto:x@y", GoURL(scheme="mailto", opaque="x@y")),
        ("urn:a:b", GoURL(scheme="urn", opaque="a:b")),
        ("ssh:", GoURL(scheme="ssh")),
        ("https://", GoURL(scheme="https")),
        ("file:///x", GoURL(scheme="file", path="/x")),
        ("file:/x", GoURL(scheme="file", path="/x", omit_host=True)),
        ("example.org/x", GoURL(path="example.org/x")),
        ("123", GoURL(path="123")),
        ("", GoURL()),
        ("*", GoURL(path="*")),
        ("//example.org/x", GoURL(host="example.org", path="/x")),
        ("///x", GoURL(path="///x")),
        (
            "https://example.org/?",
            GoURL(scheme="https", host="example.org", path="/", force_query=True),
        ),
        (
            "https://example.org/??",
            GoURL(scheme="https", host="example.org", path="/", raw_query="?"),
        ),
        (
            "https://example.org/?a b",
            GoURL(scheme="https", host="example.org", path="/", raw_query="a b"),
        ),
        ("https://example.org/#", GoURL(scheme="https", host="example.org", path="/")),
        ("http:#frag", GoURL(scheme="http", fragment="frag")),
        (
            "https://user:p%40ss@example.org:8080/",
            GoURL(
                scheme="https",
                user=GoUserinfo("user", "p@ss", password_set=True),
                host="example.org:8080",
                path="/",
            ),
        ),
        (
            "https://a@b@example.org",
            GoURL(scheme="https", user=GoUserinfo("a@b"), host="example.org"),
        ),
        (
            "https://:@example.org",
            GoURL(scheme="https", user=GoUserinfo("", "", True), host="example.org"),
        ),
        ("https://example.org:/", GoURL(scheme="https", host="example.org:", path="/")),
        (
            "https://foo_bar.example.org/",
            GoURL(scheme="https", host="foo_bar.example.org", path="/"),
        ),
        ("http://[::1]:80/", GoURL(scheme="http", host="[::1]:80", path="/")),
        ("http://[fe80::1%25en0]/", GoURL(scheme="http", host="[fe80::1%en0]", path="/")),
        ("http://[fe80::1%25%41]/", GoURL(scheme="http", host="[fe80::1%A]", path="/")),
        ("https://b%C3%BCcher.de/", GoURL(scheme="https", host="bücher.de", path="/")),
        ("https://bücher.de/", GoURL(scheme="https", host="bücher.de", path="/")),
        (
            "https://example.org/a%2Fb",
            GoURL(scheme="https", host="example.org", path="/a/b", raw_path="/a%2Fb"),
        ),
        (
            "https://example.org/a b",
            GoURL(scheme="https", host="example.org", path="/a b", raw_path="/a b"),
        ),
        (
            "https://example.org/%ff",
            GoURL(scheme="https", host="example.org", path="/\udcff", raw_path="/%ff"),
        ),
        (
            "https://example.org/#a'b",
            GoURL(scheme="https", host="example.org", path="/", fragment="a'b", raw_fragment="a'b"),
        ),
        ("a/b:c", GoURL(path="a/b:c")),
        ("./a:b", GoURL(path="./a:b")),
    ],
)
def test_parse_fills_go_url_fields(text: str, expected: GoURL) -> None:
    assert parse(text) == expected


# --- String() --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "serialised"),
    [
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("HTTPS://Example.org", "https://Example.org"),
        ("https://example.org", "https://example.org"),
        ("https://", "https:"),
        ("ssh:", "ssh:"),
        ("mailto:x@y", "mailto:x@y"),
        ("urn:a:b", "urn:a:b"),
        ("file:///x", "file:///x"),
        ("file:/x", "file:/x"),
        ("file:///", "file:///"),
        ("https://bücher.de/straße", "https://b%C3%BCcher.de/stra%C3%9Fe"),
        ("https://example.org/a%2Fb", "https://example.org/a%2Fb"),
        ("https://example.org/a%41", "https://example.org/a%41"),
        ("https://example.org/a%20b", "https://example.org/a%20b"),
        ("https://example.org/%ff", "https://example.org/%ff"),
        ("https://example.org/a?b c", "https://example.org/a?b c"),
        ("https://example.org/a?", "https://example.org/a?"),
        ("https://example.org/#a b", "https://example.org/#a%20b"),
        ("https://example.org/#!()*", "https://example.org/#!()*"),
        ("https://example.org/#a'b", "https://example.org/#a'b"),
        ("https://example.org/#a%27b", "https://example.org/#a%27b"),
        ("https://example.org/#", "https://example.org/"),
        ("https://user:p%40ss@example.org/", "https://user:p%40ss@example.org/"),
        ("https://a@b@example.org", "https://a%40b@example.org"),
        ("http://[fe80::1%25en0]:8080/", "http://[fe80::1%25en0]:8080/"),
        ("//example.org/a b", "//example.org/a%20b"),
        ("a b", "a%20b"),
        ("*", "*"),
        ("http:#frag", "http:#frag"),
        ("https://example.org/a;b,c=d:e@f&g+h$", "https://example.org/a;b,c=d:e@f&g+h$"),
        ("https://example.org/a[b]", "https://example.org/a[b]"),
        ("https://example.org/a{b}", "https://example.org/a%7Bb%7D"),
    ],
)
def test_string_reserialises_as_go_does(text: str, serialised: str) -> None:
    assert parse(text).string() == serialised


def test_string_puts_a_dot_segment_before_a_colon_in_a_relative_path() -> None:
    assert GoURL(path="a:b/c").string() == "./a:b/c"


def test_string_adds_a_slash_between_host_and_a_relative_path() -> None:
    assert GoURL(scheme="https", host="example.org", path="a").string() == "https://example.org/a"


def test_string_ignores_a_raw_path_that_does_not_decode_to_the_path() -> None:
    url = GoURL(scheme="https", host="example.org", path="/a b", raw_path="/x")
    assert url.string() == "https://example.org/a%20b"


def test_string_escapes_userinfo_reserved_characters() -> None:
    user = GoUserinfo("a:b", "c@d/e?f", password_set=True)
    assert user.string() == "a%3Ab:c%40d%2Fe%3Ff"


def test_escaped_path_and_fragment_follow_the_raw_hints() -> None:
    url = parse("https://example.org/a%2Fb#c%27d")
    assert (url.escaped_path(), url.escaped_fragment()) == ("/a%2Fb", "c%27d")


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org/a b?c d#e f",
        "https://example.org/%ff%fe",
        "https://b%C3%BCcher.de/",
        "http://[fe80::1%25en0]:8080/x",
        "mailto:x@y",
        "file:/x",
    ],
)
def test_string_output_parses_back_to_the_same_url(text: str) -> None:
    serialised = parse(text).string()
    assert parse(serialised).string() == serialised


def test_go_url_is_immutable() -> None:
    url = parse("https://example.org")
    with pytest.raises(AttributeError):
        url.host = "other.example"  # type: ignore[misc]


# --- ParseRequestURI -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("urn:x-italian-pa:pcm", GoURL(scheme="urn", opaque="x-italian-pa:pcm")),
        ("mailto:x@y", GoURL(scheme="mailto", opaque="x@y")),
        (
            "https://example.org/a#b",
            GoURL(scheme="https", host="example.org", path="/a#b", raw_path="/a#b"),
        ),
        ("/a/b", GoURL(path="/a/b")),
        ("//example.org/a", GoURL(path="//example.org/a")),
        ("*", GoURL(path="*")),
    ],
)
def test_parse_request_uri_fills_go_url_fields(text: str, expected: GoURL) -> None:
    assert parse_request_uri(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty url"),
        ("example.org/x", "invalid URI for request"),
        ("pcm", "invalid URI for request"),
        ("#frag", "invalid URI for request"),
        ("https://example.org/#\t", "net/url: invalid control character in URL"),
        (":x", "missing protocol scheme"),
        ("https://example.org/#%zz", 'invalid URL escape "%zz"'),
    ],
)
def test_parse_request_uri_errors_carry_go_reasons(text: str, reason: str) -> None:
    with pytest.raises(InvalidGoURL) as caught:
        parse_request_uri(text)
    assert caught.value.reason == reason
    assert caught.value.url == text
