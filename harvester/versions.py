"""Tag names to versions: which tags are releases, and how their versions read.

::

    parse_version("v1.4.0")              -> ("1.4.0", VersionScheme.PEP440)
    parse_version("1.2.3-rc.1+build.5")  -> ("1.2.3-rc.1+build.5", VersionScheme.SEMVER)
    parse_version("2024.05")             -> ("2024.05", VersionScheme.CALVER)
    parse_version("release_3")           -> ("release_3", VersionScheme.RAW)
    parse_version("latest")              -> None

The rules, applied in this order:

1. A tag longer than :data:`MAX_TAG_LENGTH` characters, or with anything but printable ASCII
   other than a space, is not a version (``None``).
2. A leading ``release-`` or ``version-`` (any case) is removed, then a leading ``v`` or ``V``
   when a digit follows. What remains is the *text*.
3. **CalVer** when the text is a date: a four-digit year 1990-2099 and a month 1-12 joined by
   ``.`` (``2024.5``, ``2024.05.1``) or ``-`` (``2024-05``, ``2024-05-01``, a valid day), or
   a two-digit year and a zero-padded month ``01``-``09`` (``24.04``, ``22.04.1``), whose zero
   PEP 440 would drop. ``20.10`` is left to PEP 440, which keeps it as written. A suffix such
   as ``-rc1`` may follow. The version is the text as written.
4. **SemVer** when the text is valid SemVer 2.0 with a pre-release or build part that PEP 440
   would write differently (``1.2.3-rc.1`` is ``1.2.3rc1`` to PEP 440). The version is the
   text as written.
5. **PEP 440** when :class:`packaging.version.Version` accepts the text; the version is its
   normalised form (``1.0-RC1`` becomes ``1.0rc1``).
6. **Raw** for other version-like texts: the text starts with a number followed by ``.``,
   ``-``, ``_``, ``+`` or its end (``1.2.x``, ``20240501-prod``), contains a dotted number
   after a separator (``app-1.2.3``, ``pkg@2.0``), or is a release word joined to a number
   (``release_3``, ``ver3``). The version is the text.
7. Anything else (``latest``, ``staging``, ``build-123``, ``2fa-fix``) is not a version.

All patterns run on at most :data:`MAX_TAG_LENGTH` ASCII characters, so no tag can make them
slow.
"""

from __future__ import annotations

import calendar
import re

from packaging.version import InvalidVersion, Version

from .records import VersionScheme

__all__ = ["MAX_TAG_LENGTH", "is_version_tag", "parse_version"]

MAX_TAG_LENGTH = 128
"""Longer tags are never versions (git allows far longer names; releases never use them)."""

_PREFIX = re.compile(r"(?:release-|version-)?(?:v(?=\d))?", re.IGNORECASE)
_PRINTABLE = re.compile(r"[!-~]+")
_SUFFIX = r"(?:[-+._]?[A-Za-z][0-9A-Za-z.+-]*)?"
_CALVER_DOTS = re.compile(r"(?P<year>\d{4})\.(?P<month>\d{1,2})(?:\.\d{1,8})?" + _SUFFIX)
_CALVER_DASHES = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?" + _SUFFIX)
_CALVER_SHORT = re.compile(r"(?P<year>\d{2})\.(?P<month>0[1-9])(?:\.\d{1,8})?" + _SUFFIX)
_SEMVER_IDENTIFIER = re.compile(r"[0-9A-Za-z-]+")
_RAW_LEADING_NUMBER = re.compile(r"\d+(?:[-._+]|$)")
_RAW_DOTTED_NUMBER = re.compile(r"(?:^|[^0-9A-Za-z])[vV]?\d+\.\d+")
_RAW_RELEASE_WORD = re.compile(r"(?:release|rel|version|ver)[-_./]?\d+(?:[-._+]|$)", re.IGNORECASE)


def parse_version(tag: str) -> tuple[str, VersionScheme] | None:
    """The version a tag names and how it was understood, or ``None`` for other tags."""
    if len(tag) > MAX_TAG_LENGTH or not _PRINTABLE.fullmatch(tag):
        return None
    text = _without_prefix(tag)
    if not text:
        return None
    if _is_calver(text):
        return text, VersionScheme.CALVER
    pep440 = _pep440(text)
    if _is_semver_with_extras(text) and pep440 != text:
        return text, VersionScheme.SEMVER
    if pep440 is not None:
        return pep440, VersionScheme.PEP440
    if _is_raw_version(tag, text):
        return text, VersionScheme.RAW
    return None


def is_version_tag(tag: str) -> bool:
    """Whether a tag looks like a version under :func:`parse_version`'s rules."""
    return parse_version(tag) is not None


def _is_calver(text: str) -> bool:
    for pattern in (_CALVER_DOTS, _CALVER_DASHES, _CALVER_SHORT):
        found = pattern.fullmatch(text)
        if found is not None and _is_date(found):
            return True
    return False


def _is_date(found: re.Match[str]) -> bool:
    year, month = int(found["year"]), int(found["month"])
    if len(found["year"]) == 4 and not 1990 <= year <= 2099:
        return False
    if not 1 <= month <= 12:
        return False
    day = found.groupdict().get("day")
    full_year = year if year >= 100 else 2000 + year
    return day is None or 1 <= int(day) <= calendar.monthrange(full_year, month)[1]


def _pep440(text: str) -> str | None:
    try:
        return str(Version(text))
    except InvalidVersion:
        return None


def _is_semver_with_extras(text: str) -> bool:
    """Valid SemVer 2.0 (https://semver.org) with a pre-release or a build part."""
    rest, plus, build = text.partition("+")
    core, dash, prerelease = rest.partition("-")
    if not (plus or dash):
        return False
    numbers = core.split(".")
    if len(numbers) != 3 or not all(_is_numeric_identifier(number) for number in numbers):
        return False
    if dash and not _are_identifiers(prerelease, numeric_strict=True):
        return False
    return not plus or _are_identifiers(build, numeric_strict=False)


def _are_identifiers(dotted: str, *, numeric_strict: bool) -> bool:
    for identifier in dotted.split("."):
        if not _SEMVER_IDENTIFIER.fullmatch(identifier):
            return False
        if numeric_strict and identifier.isdigit() and not _is_numeric_identifier(identifier):
            return False
    return True


def _is_numeric_identifier(text: str) -> bool:
    return text.isdigit() and (text == "0" or not text.startswith("0"))


def _without_prefix(tag: str) -> str:
    prefix = _PREFIX.match(tag)
    return tag if prefix is None else tag[prefix.end() :]


def _is_raw_version(tag: str, text: str) -> bool:
    return bool(
        _RAW_LEADING_NUMBER.match(text)
        or _RAW_DOTTED_NUMBER.search(text)
        or _RAW_RELEASE_WORD.match(tag)
    )
