"""Value formats of publiccode.yml fields: small predicates with the reference's verdicts.

Each predicate takes an already-decoded string and answers as italia/publiccode-parser-go
does, through go-playground/validator or the parser's own validators (design document
``publiccode-standard.md``, section 2.8; messages from section 2.5). They run for every
field of every harvested file, so patterns are compiled once and common shapes take a fast
path that gives the same verdict as the full rule.
"""

from __future__ import annotations

import calendar
import functools
import re
from typing import TYPE_CHECKING

import pycountry

from ._gourl import InvalidGoURL, parse, parse_request_uri
from .vocabularies import aliases, ipa_codes

if TYPE_CHECKING:
    from ._gourl import GoURL

__all__ = [
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

_IPA_URN_PREFIX = "urn:x-italian-pa:"
_ALIAS_PREFIX = "alias:"
_IPA_URI_MESSAGE = (
    "uri must be a valid Italian Public Administration Code (iPA) with format "
    "'urn:x-italian-pa:[codiceIPA]' "
    "(see https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)"
)
_INVALID_URI_MESSAGE = "uri is not a valid URI"
_UNKNOWN_ALIAS_MESSAGE = (
    "id contains an unknown alias "
    "(see https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/aliases-list.rst)"
)
_INVALID_ID_MESSAGE = "id must be a known alias ('alias:<name>') or a valid URI (URL or URN)"

# http(s)://host[:port][/path-or-?query], plain ASCII with nothing Go could reject: always a
# valid URL and an HTTP URL (Go checks neither host names nor paths beyond %-escapes).
_PLAIN_HTTP_URL = re.compile(
    r"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9._~-]+(?::[0-9]*)?"
    r"(?:[/?][!$&'()*+,;=:@/?A-Za-z0-9._~-]*)?"
)


def is_url(value: str) -> bool:
    """The ``url`` rule of go-playground/validator, as the reference applies it.

    The text is lower-cased (Go's ``strings.ToLower``) and parsed with Go's ``url.Parse``;
    it needs a scheme; scheme ``file`` needs a path other than ``/``; any other scheme needs
    a host, a fragment or an opaque part (``mailto:x@y``, ``urn:a:b``, ``file:///x`` pass;
    ``example.org/x``, ``https://``, ``ssh:`` fail). A parse failure is not a URL.
    """
    if _PLAIN_HTTP_URL.fullmatch(value):
        return True
    url = _parse_lowered(value)
    return url is not None and _has_url_parts(url)


def is_http_url(value: str) -> bool:
    """The parser's HTTP URL rule: a valid URL (:func:`is_url`) that Go's ``url.Parse``
    gives the scheme ``http`` or ``https`` (any case, as Go lower-cases schemes) and a
    non-empty host. Userinfo, ports, IP addresses and ``_`` in host names all pass.
    """
    if _PLAIN_HTTP_URL.fullmatch(value):
        return True
    url = _parse_lowered(value)
    if url is None or not _has_url_parts(url):
        return False
    if not value.isascii():
        # Lower-casing ASCII cannot change what Go parses; other characters might.
        try:
            url = parse(value)
        except InvalidGoURL:
            return False
    return url.scheme in ("http", "https") and url.host != ""


def _parse_lowered(value: str) -> GoURL | None:
    """``url.Parse(strings.ToLower(value))``, or None for an empty text or a parse error."""
    text = _go_lower(value)
    if not text:
        return None
    try:
        return parse(text)
    except InvalidGoURL:
        return None


def _has_url_parts(url: GoURL) -> bool:
    """The structural half of the ``url`` rule, on the parsed, lower-cased text."""
    if not url.scheme:
        return False
    if url.scheme == "file":
        return url.path not in ("", "/")
    return bool(url.host or url.fragment or url.opaque)


def _go_lower(text: str) -> str:
    """Go's ``strings.ToLower`` wherever the difference could change a verdict.

    Python lower-cases ``İ`` (U+0130) to two code points, Go to a plain ``i``; every other
    mapping to ASCII is the same in both.
    """
    if text.isascii():
        return text.lower()
    return text.replace("\u0130", "i").lower()


_URN = re.compile(
    r"[Uu][Rr][Nn]:(?![Uu][Rr][Nn]:)[A-Za-z0-9][A-Za-z0-9-]{0,31}:"
    r"(?:[A-Za-z0-9()+,\-.:=@;$_!*']|%[0-9A-Fa-f]{2})+"
)


def is_urn(value: str) -> bool:
    """An RFC 2141 URN (go-playground's ``urn_rfc2141``, via leodido/go-urn).

    ``urn:`` in any case, a namespace id of 1 to 32 letters, digits and hyphens that starts
    with a letter or digit and is not ``urn``, a colon, then one or more NSS characters
    (letters, digits, ``()+,-.:=@;$_!*'``) or ``%XX`` escapes.
    """
    return _URN.fullmatch(value) is not None


def organisation_uri_error(value: str) -> str | None:
    """The message for an invalid ``organisation.uri`` / ``fundedBy[i].uri``, or None.

    A value starting with ``urn:x-italian-pa:`` (exactly, lower case) is reported as an
    unknown iPA code; any other invalid value as not a valid URI.
    """
    if _is_organisation_uri(value):
        return None
    if value.startswith(_IPA_URN_PREFIX):
        return _IPA_URI_MESSAGE
    return _INVALID_URI_MESSAGE


def supports_id_error(value: str) -> str | None:
    """The message for an invalid ``supports[i].id``, or None.

    ``alias:`` followed by one of the known aliases, exactly (``alias:GDPR`` is unknown),
    or else a URI by the organisation URI rule.
    """
    if value.startswith(_ALIAS_PREFIX):
        known = value[len(_ALIAS_PREFIX) :] in aliases()
        return None if known else _UNKNOWN_ALIAS_MESSAGE
    return None if _is_organisation_uri(value) else _INVALID_ID_MESSAGE


def _is_organisation_uri(value: str) -> bool:
    """The parser's organisation URI rule.

    Scheme ``urn`` (any case): an RFC 2141 URN, and under ``urn:x-italian-pa:`` (any case)
    a known iPA code. Otherwise the value must parse as a Go request URI and have a host,
    so ``mailto:x@y`` and ``/path`` fail.
    """
    if value[:4].lower() == "urn:":
        return is_urn(value) and _has_known_ipa_code(value)
    try:
        url = parse_request_uri(value)
    except InvalidGoURL:
        return False
    return url.host != ""


def _has_known_ipa_code(urn: str) -> bool:
    """False only for an ``urn:x-italian-pa:`` URN whose code is not in the iPA list."""
    prefix_length = len(_IPA_URN_PREFIX)
    if urn[:prefix_length].lower() != _IPA_URN_PREFIX:
        return True
    return is_ipa_code(urn[prefix_length:])


def is_ipa_code(value: str) -> bool:
    """A code of italian-organizations-ipa-vocabulary, compared case-insensitively.

    Characters whose upper case is several characters (``ß``) are kept as they are, as
    Go's simple case mapping does, so they never match.
    """
    if value.isascii():
        return value.upper() in ipa_codes()
    upper = "".join(_simple_upper(char) for char in value)
    return upper in ipa_codes()


def _simple_upper(char: str) -> str:
    """One character upper-cased when that gives exactly one character, else unchanged."""
    upper = char.upper()
    return upper if len(upper) == 1 else char


_EMAIL_EXTRA = "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
_EMAIL_LOCAL = re.compile(
    rf"(?:[A-Za-z0-9!#$%&'*+\-/=?^_`{{|}}~{_EMAIL_EXTRA}]+"
    rf"(?:\.[A-Za-z0-9!#$%&'*+\-/=?^_`{{|}}~{_EMAIL_EXTRA}]+)*"
    rf'|"(?:[\x21\x23-\x5b\x5d-\x7e \t{_EMAIL_EXTRA}]|\\[\x20-\x7e\t{_EMAIL_EXTRA}])+")@'
)
_EMAIL_DOMAIN = re.compile(rf"[A-Za-z0-9{_EMAIL_EXTRA}][A-Za-z0-9.~\-{_EMAIL_EXTRA}]*")
_EMAIL_DOMAIN_END = re.compile(rf"[A-Za-z{_EMAIL_EXTRA}]")
_EMAIL_DOMAIN_SPLIT = re.compile(rf"[A-Za-z0-9{_EMAIL_EXTRA}]\.[A-Za-z{_EMAIL_EXTRA}]")


def is_email(value: str) -> bool:
    """go-playground's ``email``: Go's ``net/mail.ParseAddress`` accepts the value and it
    matches the validator's e-mail regex; one pattern here checks what both demand.

    Local part: a dot-atom (ASCII letters, digits, ``!#$%&'*+-/=?^_`{|}~`` and non-ASCII in
    U+00A0-D7FF, F900-FDCF, FDF0-FFEF, with no leading, trailing or double dot) or a
    non-empty quoted string (``net/mail`` refuses control characters and allows ``\\``
    escapes). Domain: starts with a letter, digit or non-ASCII; holds those, ``-``, ``.``
    and ``~``; has a dot preceded by a letter, digit or non-ASCII and followed by a letter or
    non-ASCII; ends with a letter or non-ASCII; no double dot (``net/mail``). So no ``_``,
    IP literals, display names, trailing dot or single-label domain.
    """
    local = _EMAIL_LOCAL.match(value)
    if local is None:
        return False
    domain = value[local.end() :]
    return (
        _EMAIL_DOMAIN.fullmatch(domain) is not None
        and _EMAIL_DOMAIN_END.fullmatch(domain[-1]) is not None
        and _EMAIL_DOMAIN_SPLIT.search(domain) is not None
        and ".." not in domain
    )


_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_date(value: str) -> bool:
    """go-playground's ``datetime=2006-01-02`` (Go's ``time.Parse``): exactly
    ``NNNN-NN-NN`` in ASCII digits and a real proleptic Gregorian date, year 0000 included.

    ``2020-1-1``, ``2020-02-30``, datetimes and ``""`` fail.
    """
    found = _DATE.fullmatch(value)
    if found is None:
        return False
    year, month, day = (int(part) for part in found.groups())
    if not 1 <= month <= 12:
        return False
    leap_day = 1 if month == 2 and calendar.isleap(year) else 0
    return 1 <= day <= _DAYS_IN_MONTH[month - 1] + leap_day


@functools.cache
def _country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes plus ``XK`` (Kosovo), upper- and lower-case."""
    upper = {country.alpha_2 for country in pycountry.countries} | {"XK"}
    return frozenset(upper | {code.lower() for code in upper})


def is_country_code(value: str) -> bool:
    """The parser's country code rule: one of the 249 ISO 3166-1 alpha-2 codes or ``XK``,
    all upper-case or all lower-case (``de``, ``DE``, ``XK`` pass; ``It``, ``UK``, ``EU``
    fail). Lower-case codes pass here and are warned about elsewhere.
    """
    return value in _country_codes()


_MIME = re.compile(
    r" *[A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126} *"
)


def is_mime(value: str) -> bool:
    """The parser's MIME type rule (``inputTypes``, ``outputTypes``): a type and a subtype of
    1 to 127 token characters, optionally padded with spaces (no parameters)."""
    return _MIME.fullmatch(value) is not None
