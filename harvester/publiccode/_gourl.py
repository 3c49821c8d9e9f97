"""A port of Go's ``net/url`` parser and serialiser (``url.Parse``, ``url.ParseRequestURI``,
``(*url.URL).String``), as of Go 1.22.

The reference validator (italia/publiccode-parser-go) decodes every URL field with Go's
``url.Parse``, reports its failures verbatim (``parse "<s>": <reason>``) and validates the
re-serialised URL, so Kataster needs Go's exact verdicts, fields and ``String()`` output.
Python's ``urllib.parse`` is far more lenient and serialises differently.

Go works on bytes, and so does this port: the text is UTF-8 encoded first, and a
percent-escape may decode to a byte that is not valid UTF-8 (``%ff``). Such bytes reach the
:class:`GoURL` fields as lone surrogates (the ``surrogateescape`` convention), so that
``parse(u.string())`` round-trips.

Only the encoding modes that ``Parse`` and ``String`` use are ported: path, host, zone,
userinfo and fragment (not query components or path segments).
"""

from __future__ import annotations

import dataclasses
import enum
import re
from urllib.parse import unquote_to_bytes

from .errors import PubliccodeError

__all__ = ["GoURL", "GoUserinfo", "InvalidGoURL", "parse", "parse_request_uri"]


class InvalidGoURL(PubliccodeError, ValueError):
    """Go's URL parser rejected the text.

    ``str()`` is Go's ``*url.Error`` message, ``parse "<url>": <reason>``, with the URL quoted
    the way ``strconv.Quote`` does it. ``url`` is the text Go names in the error (for
    :func:`parse`, the part before ``#`` unless the fragment was the problem) and
    ``reason`` is Go's underlying error text, e.g. ``missing protocol scheme``.
    """

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"parse {_quote(_encode(url))}: {reason}")


class _Reason(Exception):
    """Internal: a Go parse error before it is wrapped with the URL it concerns."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclasses.dataclass(frozen=True, slots=True)
class GoUserinfo:
    """Go's ``url.Userinfo``: decoded user name and password (``password_set`` after ``:``)."""

    username: str
    password: str = ""
    password_set: bool = False

    def string(self) -> str:
        """Go's ``(*Userinfo).String()``: both parts escaped, joined by ``:``."""
        return _decode(_userinfo_bytes(self))


@dataclasses.dataclass(frozen=True, slots=True)
class GoURL:
    """Go's ``url.URL``, field for field (decoded ``path``/``fragment``, raw hints beside)."""

    scheme: str = ""
    opaque: str = ""
    user: GoUserinfo | None = None
    host: str = ""
    path: str = ""
    raw_path: str = ""
    omit_host: bool = False
    force_query: bool = False
    raw_query: str = ""
    fragment: str = ""
    raw_fragment: str = ""

    def escaped_path(self) -> str:
        """Go's ``EscapedPath()``: ``raw_path`` when it is a valid encoding of ``path``."""
        return _decode(_escaped(_encode(self.path), _encode(self.raw_path), _PATH))

    def escaped_fragment(self) -> str:
        """Go's ``EscapedFragment()``, the fragment counterpart of :meth:`escaped_path`."""
        fragment, hint = _encode(self.fragment), _encode(self.raw_fragment)
        return _decode(_escaped(fragment, hint, _FRAGMENT))

    def string(self) -> str:
        """Go's ``String()``: the URL reassembled, each part escaped as Go escapes it."""
        return _decode(_serialise(self))


def parse(raw_url: str) -> GoURL:
    """Go's ``url.Parse``: cut the fragment at the first ``#``, then parse the rest.

    Raises :class:`InvalidGoURL` with Go's reason when Go would return an error.
    """
    raw = _encode(raw_url)
    head, _, fragment = raw.partition(b"#")
    try:
        url = _parse(head, via_request=False)
    except _Reason as failure:
        raise InvalidGoURL(_decode(head), failure.reason) from None
    if not fragment:
        return url
    try:
        decoded, raw_fragment = _unescape_with_hint(fragment, _FRAGMENT)
    except _Reason as failure:
        raise InvalidGoURL(raw_url, failure.reason) from None
    return dataclasses.replace(url, fragment=decoded, raw_fragment=raw_fragment)


def parse_request_uri(raw_url: str) -> GoURL:
    """Go's ``url.ParseRequestURI``: an absolute URI or an absolute path, no fragment cut.

    The text must have a scheme or start with ``/``; ``#`` is an ordinary character.
    """
    try:
        return _parse(_encode(raw_url), via_request=True)
    except _Reason as failure:
        raise InvalidGoURL(raw_url, failure.reason) from None


# --- text conversions --------------------------------------------------------------------


def _encode(text: str) -> bytes:
    """The bytes Go would hold: UTF-8, with escaped surrogates turned back into raw bytes."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _decode(raw: bytes) -> str:
    """Bytes back to text; bytes that are not UTF-8 become lone surrogates."""
    return raw.decode("utf-8", "surrogateescape")


_C_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
}


def _quote(raw: bytes) -> str:
    """Go's ``strconv.Quote``: double quotes, backslash escapes for what is not printable."""
    return '"' + "".join(_quote_char(char) for char in _decode(raw)) + '"'


def _quote_char(char: str) -> str:
    """One rune as ``strconv.Quote`` writes it (a byte that is not UTF-8 becomes ``\\xNN``)."""
    code = ord(char)
    if char in '"\\':
        return "\\" + char
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    if char.isprintable():
        return char
    if char in _C_ESCAPES:
        return _C_ESCAPES[char]
    if code < 0x20 or code == 0x7F:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


# --- escaping: Go's shouldEscape, escape, unescape and validEncoded --------------------------


class _Mode(enum.Enum):
    """Go's ``encoding`` values: which part of the URL is being escaped or unescaped."""

    PATH = enum.auto()
    HOST = enum.auto()
    ZONE = enum.auto()
    USER_PASSWORD = enum.auto()
    FRAGMENT = enum.auto()


_ALNUM = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_RESERVED_ESCAPES = {
    _Mode.PATH: b"?",
    _Mode.USER_PASSWORD: b"@/?:",
    _Mode.FRAGMENT: b"",
}


def _should_escape(char: int, mode: _Mode) -> bool:
    """Go's ``shouldEscape``: whether a byte must be %-escaped in this part of a URL."""
    if char in _ALNUM:
        return False
    if mode in (_Mode.HOST, _Mode.ZONE) and char in b"!$&'()*+,;=:[]<>\"":
        return False
    if char in b"-_.~":
        return False
    if char in b"$&+,/:;=?@":
        # Host and zone reach here only with / ? @, which they escape.
        return char in _RESERVED_ESCAPES.get(mode, b"$&+,/:;=?@")
    return not (mode is _Mode.FRAGMENT and char in b"!()*")


@dataclasses.dataclass(frozen=True, slots=True)
class _Encoding:
    """One mode with its byte tables worked out once (``shouldEscape`` is per byte)."""

    mode: _Mode
    escapes: tuple[bytes, ...]
    needs_escape: re.Pattern[bytes]
    not_valid_encoded: re.Pattern[bytes]
    bad_host_byte: re.Pattern[bytes] | None


def _byte_class(chars: list[int]) -> re.Pattern[bytes]:
    """A regex matching any one of the given bytes (never matching if the list is empty)."""
    if not chars:
        return re.compile(b"(?!)")
    return re.compile(b"[" + b"".join(b"\\x%02x" % char for char in chars) + b"]")


def _encoding(mode: _Mode) -> _Encoding:
    """The tables of one mode. Only hosts and zones refuse ASCII bytes outright (Go's
    ``InvalidHostError``); ``validEncoded`` also lets sub-delims, ``:@[]`` and ``%`` by."""
    escaped = [c for c in range(256) if _should_escape(c, mode)]
    hostlike = mode in (_Mode.HOST, _Mode.ZONE)
    return _Encoding(
        mode=mode,
        escapes=tuple(b"%%%02X" % c if c in escaped else bytes([c]) for c in range(256)),
        needs_escape=_byte_class(escaped),
        not_valid_encoded=_byte_class([c for c in escaped if c not in b"!$&'()*+,;=:@[]%"]),
        bad_host_byte=_byte_class([c for c in escaped if c < 0x80 and c != 0x25])
        if hostlike
        else None,
    )


_PATH = _encoding(_Mode.PATH)
_HOST = _encoding(_Mode.HOST)
_ZONE = _encoding(_Mode.ZONE)
_USER_PASSWORD = _encoding(_Mode.USER_PASSWORD)
_FRAGMENT = _encoding(_Mode.FRAGMENT)
_HEX = frozenset(b"0123456789abcdefABCDEF")


def _escape(raw: bytes, encoding: _Encoding) -> bytes:
    """Go's ``escape``: %-escape (upper-case hex) every byte ``shouldEscape`` names."""
    if not encoding.needs_escape.search(raw):
        return raw
    table = encoding.escapes
    return b"".join(table[char] for char in raw)


def _unescape(raw: bytes, encoding: _Encoding) -> bytes:
    """Go's ``unescape``: check every %-escape (and, in hosts, every byte), then decode."""
    if b"%" not in raw:
        bad_host = encoding.bad_host_byte
        found = bad_host.search(raw) if bad_host else None
        if found:
            raise _Reason(_invalid_host_reason(found.group()))
        return raw
    _check_escapes(raw, encoding)
    return unquote_to_bytes(raw)


def _check_escapes(raw: bytes, encoding: _Encoding) -> None:
    """The checking half of Go's ``unescape``, left to right, first problem wins."""
    bad_host = encoding.bad_host_byte
    index = 0
    while index < len(raw):
        if raw[index] == 0x25:  # %
            _check_escape(raw, index, encoding.mode)
            index += 3
            continue
        if bad_host and bad_host.match(raw, index):
            raise _Reason(_invalid_host_reason(raw[index : index + 1]))
        index += 1


def _check_escape(raw: bytes, index: int, mode: _Mode) -> None:
    """One ``%XX``: two hex digits; in hosts only non-ASCII bytes or ``%25``; in zones
    ``%25``, ``%20`` or a byte a host may hold as it is."""
    escape = raw[index : index + 3]
    if index + 2 >= len(raw) or raw[index + 1] not in _HEX or raw[index + 2] not in _HEX:
        raise _Reason(_escape_reason(escape))
    if escape == b"%25":
        return
    value = int(escape[1:], 16)
    if mode is _Mode.HOST and value < 0x80:
        raise _Reason(_escape_reason(escape))
    if mode is _Mode.ZONE and value != 0x20 and _should_escape(value, _Mode.HOST):
        raise _Reason(_escape_reason(escape))


def _escape_reason(escape: bytes) -> str:
    """Go's ``EscapeError`` text."""
    return f"invalid URL escape {_quote(escape)}"


def _invalid_host_reason(char: bytes) -> str:
    """Go's ``InvalidHostError`` text."""
    return f"invalid character {_quote(char)} in host name"


def _unescape_with_hint(raw: bytes, encoding: _Encoding) -> tuple[str, str]:
    """Go's ``setPath``/``setFragment``: the decoded text, and the raw text when it is not
    what escaping the decoded text would give back (``RawPath``/``RawFragment``)."""
    decoded = _unescape(raw, encoding)
    hint = b"" if _escape(decoded, encoding) == raw else raw
    return _decode(decoded), _decode(hint)


def _escaped(decoded: bytes, hint: bytes, encoding: _Encoding) -> bytes:
    """Go's ``EscapedPath``/``EscapedFragment``: the hint if it is valid and still decodes
    to the decoded text, else the default escaping (a lone ``*`` path stays as is)."""
    if hint and not encoding.not_valid_encoded.search(hint):
        try:
            if _unescape(hint, encoding) == decoded:
                return hint
        except _Reason:
            pass
    if encoding is _PATH and decoded == b"*":
        return decoded
    return _escape(decoded, encoding)


# --- parsing -----------------------------------------------------------------------------

_CONTROL = re.compile(b"[\\x00-\\x1f\\x7f]")
_SCHEME = re.compile(b"[A-Za-z][A-Za-z0-9+.\\-]*:")
_VALID_USERINFO = re.compile(b"[A-Za-z0-9\\-._:~!$&'()*+,;=%@]*")
_OPTIONAL_PORT = re.compile(b"(?::[0-9]*)?")


def _parse(raw: bytes, via_request: bool) -> GoURL:
    """Go's ``parse``: everything but the fragment."""
    if _CONTROL.search(raw):
        raise _Reason("net/url: invalid control character in URL")
    if not raw and via_request:
        raise _Reason("empty url")
    if raw == b"*":
        return GoURL(path="*")
    scheme, rest = _get_scheme(raw)
    rest, query, force_query = _split_query(rest)
    if scheme and not rest.startswith(b"/"):
        opaque = _decode(rest)
        return GoURL(_decode(scheme), opaque, force_query=force_query, raw_query=_decode(query))
    if not rest.startswith(b"/"):
        _check_relative_path(rest, via_request)
    user, host, omit_host = None, b"", False
    if (scheme or (not via_request and not rest.startswith(b"///"))) and rest.startswith(b"//"):
        authority, slash, path = rest[2:].partition(b"/")
        rest = slash + path
        user, host = _parse_authority(authority)
    elif scheme and rest.startswith(b"/"):
        omit_host = True
    path_text, raw_path = _unescape_with_hint(rest, _PATH)
    return GoURL(
        scheme=_decode(scheme),
        user=user,
        host=_decode(host),
        path=path_text,
        raw_path=raw_path,
        omit_host=omit_host,
        force_query=force_query,
        raw_query=_decode(query),
    )


def _get_scheme(raw: bytes) -> tuple[bytes, bytes]:
    """Go's ``getScheme``: a leading ``[A-Za-z][A-Za-z0-9+.-]*:``, lower-cased, or none.

    A text starting with ``:`` is an error; any other non-scheme byte means "no scheme".
    """
    found = _SCHEME.match(raw)
    if found:
        return found.group()[:-1].lower(), raw[found.end() :]
    if raw.startswith(b":"):
        raise _Reason("missing protocol scheme")
    return b"", raw


def _split_query(rest: bytes) -> tuple[bytes, bytes, bool]:
    """Split at the first ``?``; a single trailing ``?`` sets ``ForceQuery`` instead."""
    if rest.endswith(b"?") and rest.count(b"?") == 1:
        return rest[:-1], b"", True
    before, _, query = rest.partition(b"?")
    return before, query, False


def _check_relative_path(rest: bytes, via_request: bool) -> None:
    """A relative reference: refused for requests, and its first segment has no colon."""
    if via_request:
        raise _Reason("invalid URI for request")
    if b":" in rest.partition(b"/")[0]:
        raise _Reason("first path segment in URL cannot contain colon")


def _parse_authority(authority: bytes) -> tuple[GoUserinfo | None, bytes]:
    """Go's ``parseAuthority``: the host after the last ``@``, then the userinfo before it."""
    at = authority.rfind(b"@")
    host = _parse_host(authority[at + 1 :])
    if at < 0:
        return None, host
    userinfo = authority[:at]
    if not _VALID_USERINFO.fullmatch(userinfo):
        raise _Reason("net/url: invalid userinfo")
    if b":" not in userinfo:
        return GoUserinfo(_decode(_unescape(userinfo, _USER_PASSWORD))), host
    username, _, password = userinfo.partition(b":")
    name = _unescape(username, _USER_PASSWORD)
    secret = _unescape(password, _USER_PASSWORD)
    return GoUserinfo(_decode(name), _decode(secret), password_set=True), host


def _parse_host(host: bytes) -> bytes:
    """Go's ``parseHost``: check the optional ``:port``, then unescape as a host."""
    if host.startswith(b"["):
        return _parse_ip_literal(host)
    colon = host.rfind(b":")
    if colon != -1:
        _check_port(host[colon:])
    return _unescape(host, _HOST)


def _parse_ip_literal(host: bytes) -> bytes:
    """A bracketed host (``[fe80::1%25en0]:80``): RFC 6874 zones may use more escapes."""
    close = host.rfind(b"]")
    if close < 0:
        raise _Reason("missing ']' in host")
    _check_port(host[close + 1 :])
    zone = host.find(b"%25", 0, close)
    if zone < 0:
        return _unescape(host, _HOST)
    return (
        _unescape(host[:zone], _HOST)
        + _unescape(host[zone:close], _ZONE)
        + _unescape(host[close:], _HOST)
    )


def _check_port(colon_port: bytes) -> None:
    """Go's ``validOptionalPort``: empty, or ``:`` and digits (possibly none)."""
    if not _OPTIONAL_PORT.fullmatch(colon_port):
        raise _Reason(f"invalid port {_quote(colon_port)} after host")


# --- serialising -------------------------------------------------------------------------


def _userinfo_bytes(user: GoUserinfo) -> bytes:
    """Go's ``(*Userinfo).String()`` as bytes."""
    text = _escape(_encode(user.username), _USER_PASSWORD)
    if user.password_set:
        text += b":" + _escape(_encode(user.password), _USER_PASSWORD)
    return text


def _serialise(url: GoURL) -> bytes:
    """Go's ``String()`` as bytes."""
    out = bytearray()
    if url.scheme:
        out += _encode(url.scheme) + b":"
    if url.opaque:
        out += _encode(url.opaque)
    else:
        _write_hierarchy(url, out)
    if url.force_query or url.raw_query:
        out += b"?" + _encode(url.raw_query)
    if url.fragment:
        out += b"#" + _escaped(_encode(url.fragment), _encode(url.raw_fragment), _FRAGMENT)
    return bytes(out)


def _write_hierarchy(url: GoURL, out: bytearray) -> None:
    """The ``//userinfo@host`` and path part of ``String()``, appended to ``out``."""
    host = _encode(url.host)
    has_user = url.user is not None
    if (url.scheme or host or has_user) and not (url.omit_host and not host and not has_user):
        if host or url.path or has_user:
            out += b"//"
        if url.user is not None:
            out += _userinfo_bytes(url.user) + b"@"
        out += _escape(host, _HOST)
    path = _escaped(_encode(url.path), _encode(url.raw_path), _PATH)
    if path and not path.startswith(b"/") and host:
        out += b"/"
    if not out and b":" in path.partition(b"/")[0]:
        out += b"./"
    out += path
