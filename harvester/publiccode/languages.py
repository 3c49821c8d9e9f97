"""Strict BCP 47 language tags, as the reference validator checks them.

publiccode-parser-go validates the keys of ``description`` and the items of
``localisation.availableLanguages`` with its own strict BCP 47 check (design
document ``publiccode-standard.md``, section 2.8), built on golang.org/x/text:

* the comparison ignores case (``EN``, ``zh-hant-tw``);
* a grandfathered tag from the IANA registry (``i-klingon``, ``en-GB-oed``,
  ``zh-min-nan``) or a private-use tag (``x-whatever``) passes as a whole;
* anything else must read
  ``language[-extlang]{0,3}[-Script][-Region][-variant]*[-extension]*[-x-private]``
  (RFC 5646, section 2.1), where

  - the language has 2 or 3 letters and is in IANA's language subtag registry,
    which lists each language by its shortest code only (``en``, not ``eng``),
    or is one of the twenty ISO 639-2/B codes x/text accepts (``ger``, ``fre``);
    deprecated subtags (``iw``, ``in``, ``mo``) pass;
  - each extlang is in the registry and its ``Prefix`` is the language;
  - the script, the region and each variant are in the registry; a two-letter
    region may also be one of ISO 3166's exceptionally reserved codes
    (``UK``, ``EU``), which x/text accepts too;
  - extensions and private-use parts are checked for syntax only.

The registry is IANA's, as shipped by the ``language-tags`` package; the
ISO 639-2/B codes come from ``pycountry``.
"""

from __future__ import annotations

import functools
import re
from typing import Any, cast

import pycountry
from language_tags import data as _iana_data  # type: ignore[import-untyped]

__all__ = ["is_bcp47", "primary_language"]

# RFC 5646's langtag, applied to the lower-cased tag. A language of 4 to 8
# letters (``root``) is well-formed in the RFC but never valid, so it is left out.
_LANGTAG = re.compile(
    r"(?P<language>[a-z]{2,3})"
    r"(?P<extlangs>(?:-[a-z]{3}){0,3})"
    r"(?:-(?P<script>[a-z]{4}))?"
    r"(?:-(?P<region>[a-z]{2}|[0-9]{3}))?"
    r"(?P<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)"
    r"(?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*"
    r"(?:-x(?:-[a-z0-9]{1,8})+)?"
)

# RFC 5646's privateuse production: a tag made only of private-use subtags.
_PRIVATE_USE = re.compile(r"x(?:-[a-z0-9]{1,8})+")

# ISO 3166-1's exceptionally reserved codes. x/text accepts them as regions,
# but IANA's registry lists only some of them (it lacks UK, for one).
_EXCEPTIONALLY_RESERVED_REGIONS = frozenset(
    {"ac", "cp", "dg", "ea", "eu", "ez", "fx", "ic", "su", "ta", "uk", "un"}
)


def _successor(code: str) -> str:
    """The next code of the same length in alphabetical order (``qaz`` -> ``qba``)."""
    head, last = code[:-1], code[-1]
    if last == "z":
        return _successor(head) + "a"
    return head + chr(ord(last) + 1)


def _expand(subtag: str) -> tuple[str, ...]:
    """A registry subtag, or every code of a range such as ``qaa..qtz``, lower-cased."""
    first, _, last = subtag.lower().partition("..")
    if not last:
        return (first,)
    codes = [first]
    while codes[-1] != last:
        codes.append(_successor(codes[-1]))
    return tuple(codes)


@functools.cache
def _records(record_type: str) -> tuple[dict[str, Any], ...]:
    """The IANA registry's records of one ``Type`` (``language``, ``region``...)."""
    registry = cast("list[dict[str, Any]]", _iana_data.get("registry"))
    return tuple(record for record in registry if record["Type"] == record_type)


@functools.cache
def _subtags(record_type: str) -> frozenset[str]:
    """Every lower-cased subtag of one type, with private-use ranges expanded."""
    return frozenset(code for record in _records(record_type) for code in _expand(record["Subtag"]))


@functools.cache
def _bibliographic_codes() -> dict[str, str]:
    """ISO 639-2/B codes (``ger``, ``fre``, ``chi``) mapped to their ISO 639-1 code."""
    return {
        language.bibliographic: language.alpha_2
        for language in pycountry.languages
        if hasattr(language, "bibliographic") and hasattr(language, "alpha_2")
    }


@functools.cache
def _languages() -> frozenset[str]:
    """Primary language subtags that pass: IANA's languages plus the 639-2/B codes."""
    return _subtags("language") | frozenset(_bibliographic_codes())


@functools.cache
def _extlang_prefixes() -> dict[str, frozenset[str]]:
    """Each extlang subtag mapped to the language subtags it may follow."""
    return {
        record["Subtag"].lower(): frozenset(prefix.lower() for prefix in record["Prefix"])
        for record in _records("extlang")
    }


@functools.cache
def _regions() -> frozenset[str]:
    """Region subtags that pass: IANA's (ISO 3166-1, UN M.49, private use) and ISO's reserved."""
    return _subtags("region") | _EXCEPTIONALLY_RESERVED_REGIONS


@functools.cache
def _grandfathered() -> dict[str, str | None]:
    """Grandfathered tags, lower-cased, mapped to their preferred tag if IANA names one."""
    return {
        record["Tag"].lower(): record.get("Preferred-Value") for record in _records("grandfathered")
    }


def _is_known_langtag(match: re.Match[str]) -> bool:
    """Whether every subtag of a well-formed langtag is one the registry knows."""
    language, script, region = match["language"], match["script"], match["region"]
    extlangs = match["extlangs"].split("-")[1:]
    variants = match["variants"].split("-")[1:]
    return (
        language in _languages()
        and all(language in _extlang_prefixes().get(ext, ()) for ext in extlangs)
        and (script is None or script in _subtags("script"))
        and (region is None or region in _regions())
        and all(variant in _subtags("variant") for variant in variants)
    )


@functools.lru_cache(maxsize=4096)
def is_bcp47(tag: str) -> bool:
    """Whether ``tag`` passes the reference validator's strict BCP 47 check.

    ``en``, ``de-CH-1996``, ``zh-Hant-TW``, ``es-419``, ``i-klingon`` and
    ``x-whatever`` pass; ``eng`` (not the shortest code), ``gb`` (a country),
    ``root`` (four letters), ``en-Abcd``, ``es-999``, ``en-posix`` and ``en_GB``
    fail. Results are cached per tag, as the check runs for every file harvested.
    """
    lowered = tag.lower()
    if lowered in _grandfathered() or _PRIVATE_USE.fullmatch(lowered):
        return True
    match = _LANGTAG.fullmatch(lowered)
    return match is not None and _is_known_langtag(match)


@functools.cache
def _language_synonyms() -> dict[str, str]:
    """Accepted language subtags mapped to the code preferred for the same language.

    ISO 639-2/B codes map to ISO 639-1 (``ger`` -> ``de``); deprecated IANA
    subtags map to their ``Preferred-Value`` (``iw`` -> ``he``, ``mo`` -> ``ro``).
    """
    deprecated = {
        record["Subtag"].lower(): record["Preferred-Value"].lower()
        for record in _records("language")
        if "Preferred-Value" in record
    }
    return deprecated | _bibliographic_codes()


def _primary_subtag(lowered: str) -> str | None:
    """The primary language subtag of a valid lower-cased tag, or None for private use."""
    if lowered in _grandfathered():
        preferred = _grandfathered()[lowered]
        return None if preferred is None else _primary_subtag(preferred.lower())
    first = lowered.partition("-")[0]
    return None if first == "x" else first


@functools.lru_cache(maxsize=4096)
def primary_language(tag: str) -> str | None:
    """The lower-cased primary language of a valid tag, in its preferred code; else None.

    ``de``, ``de-DE``, ``DE`` and ``ger`` all give ``de``; ``iw`` gives ``he``.
    A grandfathered tag gives the language of its preferred tag (``i-klingon``
    gives ``tlh``, ``en-GB-oed`` gives ``en``) or None if IANA names none
    (``i-default``). A private-use tag (``x-whatever``) or an invalid tag gives None.
    """
    if not is_bcp47(tag):
        return None
    subtag = _primary_subtag(tag.lower())
    if subtag is None:
        return None
    return _language_synonyms().get(subtag, subtag)
