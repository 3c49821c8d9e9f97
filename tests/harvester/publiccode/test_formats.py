"""Value formats of publiccode-standard.md, section 2.8 (messages from section 2.5)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harvester.publiccode import formats
from harvester.publiccode._gourl import InvalidGoURL, parse
from harvester.publiccode.formats import (
    is_country_code,
    is_date,
    is_email,
    is_http_url,
    is_ipa_code,
    is_mime,
    is_url,
    is_urn,
    organisation_uri_error,
    supports_id_error,
)

IPA_MESSAGE = (
    "uri must be a valid Italian Public Administration Code (iPA) with format "
    "'urn:x-italian-pa:[codiceIPA]' "
    "(see https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)"
)
URI_MESSAGE = "uri is not a valid URI"
ALIAS_MESSAGE = (
    "id contains an unknown alias "
    "(see https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/aliases-list.rst)"
)
ID_MESSAGE = "id must be a known alias ('alias:<name>') or a valid URI (URL or URN)"


def test_exports_exactly_the_public_api() -> None:
    assert sorted(formats.__all__) == [
        "is_country_code",
        "is_date",
        "is_email",
        "is_http_url",
        "is_ipa_code",
        "is_mime",
        "is_url",
        "is_urn",
        "organisation_uri_error",
        "supports_id_error",
    ]


# --- URL -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "mailto:x@y",
        "urn:a:b",
        "file:///x",
        "file:/x",
        "https://example.org",
        "HTTPS://EXAMPLE.ORG/A",
        "xyz://foobar.com",
        "ftp://foobar.ru/",
        "https://example.org/a%20b",
        "https://example.org/a b",
        "http:#fragment",
        "irc://#channel@network",
        "https://user:pw@example.org:8080/",
        "git://example.org/repo.git",
        "ssh://git@example.org/repo.git",
        "https://bücher.de/",
    ],
)
def test_accepts_urls(value: str) -> None:
    assert is_url(value)


@pytest.mark.parametrize(
    "value",
    ["example.org/x", "https://", "123", "", "/abs/path", "./rel/path", "//example.org/x"],
)
def test_rejects_text_without_scheme_or_host(value: str) -> None:
    assert not is_url(value)


@pytest.mark.parametrize("value", ["ssh:", "git:", "irc:", "https:"])
def test_a_bare_scheme_is_not_a_url(value: str) -> None:
    # Section 2.8 lists `ssh:` and `git:` as passing, but its own rule (and go-playground's,
    # whose tests have `irc:` failing) needs a host, fragment or opaque part: Go parses
    # `ssh:` as a scheme alone. `https://` re-serialises to `https:`, which the section
    # says fails, so the two examples cannot both hold.
    assert not is_url(value)


@pytest.mark.parametrize("value", ["file:", "file:/", "file:///", "file://host", "file:x"])
def test_file_url_needs_a_path_other_than_the_root(value: str) -> None:
    assert not is_url(value)


@pytest.mark.parametrize(
    "value",
    [
        "git@github.com:italia/publiccode-parser-go.git",
        " https://example.org",
        "https://exa mple.org",
        "https://example.org/%zz",
        "https://example.org:x/",
        "https://[::1",
        "https://example.org/\x01",
        "https://example.org/#%zz",
    ],
)
def test_a_go_parse_error_is_not_a_url(value: str) -> None:
    assert not is_url(value)


def test_url_rule_lower_cases_as_go_does() -> None:
    # Go lower-cases U+0130 to "i", making "httpi" a scheme; Python would give "i̇".
    assert is_url("HTTP\u0130://example.org")


# --- HTTP URL ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org",
        "http://example.org/a?b#c",
        "HTTPS://Example.org",
        "HtTp://example.org",
        "https://user:secret@example.org",
        "https://example.org:8443/x",
        "http://127.0.0.1/",
        "http://[::1]:8080/",
        "https://foo_bar.example.org/",
        "https://example.org/a%20b#x",
        "https://bücher.de/straße",
        "http://example.org/a b",
    ],
)
def test_accepts_http_urls(value: str) -> None:
    assert is_http_url(value)


@pytest.mark.parametrize(
    "value",
    [
        "ftp://example.org",
        "mailto:x@y",
        "https://",
        "https:///x",
        "http:#fragment",
        "example.org",
        "https://exa mple.org",
        "",
        "HTTP\u0130://example.org",
    ],
)
def test_rejects_non_http_urls(value: str) -> None:
    assert not is_http_url(value)


_HOSTISH = st.text(alphabet="aX9._~-%@[ ", min_size=1, max_size=6)
_PATHISH = st.text(alphabet="a9-~'=:@/?%# \t\\ü[{", max_size=5)


def _full_rule(value: str) -> tuple[bool, bool]:
    """(URL, HTTP URL) verdicts straight from section 2.8's wording, without fast paths."""
    try:
        url = parse(value.lower())
    except InvalidGoURL:
        return False, False
    if url.scheme == "file":
        valid = url.path not in ("", "/")
    else:
        valid = url.scheme != "" and bool(url.host or url.fragment or url.opaque)
    return valid, valid and url.scheme in ("http", "https") and url.host != ""


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org/%",
        "https://example.org/%41",
        "https://ex%41mple.org/",
        "https://ex%C3%A4mple.org/",
        "https://example.org:x/",
        "https://example.org:/",
        "https://example.org/#%zz",
        "https://example.org?%zz",
        "https://example.org/\t",
        "https://[::1]/",
        "https://a@example.org/",
        "https://@/",
        "https://example.org/a b",
        "HTTPS://EXAMPLE.ORG/\u0130",
    ],
)
def test_edge_cases_of_the_fast_path_give_the_full_rule_verdict(value: str) -> None:
    assert (is_url(value), is_http_url(value)) == _full_rule(value)


@settings(max_examples=500, deadline=None, database=None)
@given(
    scheme=st.sampled_from(["http", "https", "HTTP", "Https", "ftp", "htt", "httpss"]),
    host=_HOSTISH,
    port=st.sampled_from(["", ":", ":80", ":x"]),
    start=st.sampled_from(["", "/", "?", "#", "@"]),
    rest=_PATHISH,
)
def test_fast_path_gives_the_full_rule_verdict(
    scheme: str, host: str, port: str, start: str, rest: str
) -> None:
    value = f"{scheme}://{host}{port}{start}{rest}"
    assert (is_url(value), is_http_url(value)) == _full_rule(value)


# --- URN -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "urn:a:b",
        "URN:ISBN:0451450523",
        "urn:x-italian-pa:pcm",
        "urn:ietf:rfc:2141",
        "urn:a:%2F%2f",
        "urn:a:()+,-.:=@;$_!*'",
        "urn:" + "a" * 32 + ":x",
        "urn:1-:x",
    ],
)
def test_accepts_rfc_2141_urns(value: str) -> None:
    assert is_urn(value)


@pytest.mark.parametrize(
    "value",
    [
        "urn:urn:x",
        "urn:URN:x",
        "urn:a:",
        "urn::b",
        "urn:-a:b",
        "urn:" + "a" * 33 + ":x",
        "urn:a_b:c",
        "urn:a:b/c",
        "urn:a:b?c",
        "urn:a:b#c",
        "urn:a:b c",
        "urn:a:%zz",
        "urn:a:%2",
        "urn:a:b\n",
        "isbn:0451450523",
        "urn:a",
    ],
)
def test_rejects_non_urns(value: str) -> None:
    assert not is_urn(value)


# --- organisation URI ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "https://www.comune.example.it",
        "ftp://example.org/x",
        "urn:x-italian-pa:pcm",
        "urn:x-italian-pa:PCM",
        "URN:X-ITALIAN-PA:pcm",
        "urn:x-italian-pa:c_h501",
        "urn:isbn:0451450523",
        "https://example.org/a#b",
    ],
)
def test_accepts_organisation_uris(value: str) -> None:
    assert organisation_uri_error(value) is None


@pytest.mark.parametrize(
    "value", ["urn:x-italian-pa:unknowncode", "urn:x-italian-pa:", "urn:x-italian-pa:pcm/x"]
)
def test_unknown_ipa_code_in_lowercase_urn_gets_the_ipa_message(value: str) -> None:
    assert organisation_uri_error(value) == IPA_MESSAGE


@pytest.mark.parametrize(
    "value",
    [
        "URN:X-ITALIAN-PA:unknowncode",
        "urn:X-Italian-PA:unknowncode",
        "mailto:x@y",
        "/path",
        "example.org",
        "https://",
        "",
        "urn:urn:x",
        ":x",
        "https://exa mple.org",
        "https://example.org/\t",
    ],
)
def test_other_invalid_organisation_uris_get_the_uri_message(value: str) -> None:
    assert organisation_uri_error(value) == URI_MESSAGE


# --- supports id ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["alias:gdpr", "alias:pagopa", "https://example.org/x", "urn:a:b", "urn:x-italian-pa:pcm"],
)
def test_accepts_supports_ids(value: str) -> None:
    assert supports_id_error(value) is None


@pytest.mark.parametrize("value", ["alias:GDPR", "alias:", "alias:unknown", "alias: gdpr"])
def test_unknown_alias_gets_the_alias_message(value: str) -> None:
    assert supports_id_error(value) == ALIAS_MESSAGE


@pytest.mark.parametrize(
    "value", ["ALIAS:gdpr", "gdpr", "mailto:x@y", "", "urn:x-italian-pa:unknowncode"]
)
def test_other_invalid_supports_ids_get_the_id_message(value: str) -> None:
    assert supports_id_error(value) == ID_MESSAGE


# --- iPA code ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["pcm", "PCM", "Pcm", "c_h501", "C_H501", "agid", "assl10ve"])
def test_ipa_codes_match_case_insensitively(value: str) -> None:
    assert is_ipa_code(value)


@pytest.mark.parametrize("value", ["", "pcm ", " pcm", "unknowncode", "a\u00dfl10ve"])
def test_rejects_unknown_ipa_codes(value: str) -> None:
    # "aßl10ve": Python upper-cases ß to "SS" (matching ASSL10VE); Go's simple mapping does not.
    assert not is_ipa_code(value)


# --- email ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "a@b.co",
        "first.last@example.org",
        "a+tag@sub.example.org",
        "!#$%&'*+-/=?^_`{|}~@example.org",
        '"quoted string"@example.org',
        '"a\\"b"@example.org',
        '"a\\ b"@example.org',
        "üser@exämple.de",
        "a@1.b",
        "a@b-c.d~e",
        "a@b.c-d.e",
    ],
)
def test_accepts_email_addresses(value: str) -> None:
    assert is_email(value)


@pytest.mark.parametrize(
    "value",
    [
        "a@example_domain.org",
        "a@[192.0.2.1]",
        "Name <a@example.org>",
        "a@example.org.",
        "a@localhost",
        "a..b@example.org",
        ".a@example.org",
        "a.@example.org",
        "a@example..org",
        "a@-example.org",
        "a@example-.org",
        "a@example.1org",
        "a@example.org1",
        '""@example.org',
        '"a\x01b"@example.org',
        '"a"b"@example.org',
        '"a\\"@example.org',
        "a b@example.org",
        "\U0001f600@example.org",
        "a@example.org\n",
        " a@example.org",
        "a@example.org (comment)",
        "example.org",
        "",
    ],
)
def test_rejects_invalid_email_addresses(value: str) -> None:
    assert not is_email(value)


# --- date ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["2020-01-01", "2020-02-29", "2000-02-29", "0000-02-29", "9999-12-31"]
)
def test_accepts_calendar_dates(value: str) -> None:
    assert is_date(value)


@pytest.mark.parametrize(
    "value",
    [
        "2020-1-1",
        "2020-02-30",
        "2019-02-29",
        "1900-02-29",
        "2020-13-01",
        "2020-00-10",
        "2020-01-00",
        "2020-04-31",
        "",
        "2020-01-01T00:00:00Z",
        "2020-01-01 ",
        "2020-01-01\n",
        "20200101",
        "\u0662\u0660\u0662\u0660-01-01",
    ],
)
def test_rejects_malformed_or_impossible_dates(value: str) -> None:
    assert not is_date(value)


# --- country code --------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["de", "DE", "XK", "xk", "IT", "it", "AQ", "SS", "BQ"])
def test_accepts_iso_3166_alpha_2_codes_in_one_case(value: str) -> None:
    assert is_country_code(value)


@pytest.mark.parametrize("value", ["UK", "EU", "It", "iT", "", "DEU", "D", "AN", "YU", " DE"])
def test_rejects_unassigned_or_mixed_case_country_codes(value: str) -> None:
    assert not is_country_code(value)


# --- MIME ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "text/html",
        "application/vnd.ms-excel",
        "application/ld+json",
        "image/svg+xml",
        "  text/plain  ",
        "x-Type_1/sub#type$",
        "a" * 127 + "/b",
    ],
)
def test_accepts_mime_types(value: str) -> None:
    assert is_mime(value)


@pytest.mark.parametrize(
    "value",
    [
        "text",
        "text/",
        "/html",
        "text/html; charset=utf-8",
        "text/html\n",
        "te xt/html",
        "+x/html",
        "text/+html",
        "text.x/html",
        "a" * 128 + "/b",
        "\ttext/html",
        "",
    ],
)
def test_rejects_invalid_mime_types(value: str) -> None:
    assert not is_mime(value)
