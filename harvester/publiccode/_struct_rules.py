"""Struct validation: the reference's field rules and messages (publiccode-standard.md 2.5).

Runs on the decoded values, in the reference's order (2.1): fields in model order, depth
first, list items in index order, languages in document order. Each field reports only its
first failing rule. "Required" fails on absent, null or ``""``; for lists only on absent.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

import regex

from . import formats, languages, licences, vocabularies
from ._paths import Language, Path

__all__ = ["ENUMS", "Violation", "grapheme_length", "struct_violations"]

Violation = tuple[Path, str]
Values = dict[str, Any]

_CATEGORIES_URL = (
    "https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst"
)
_SCOPES_URL = (
    "https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst"
)
_IPA_URL = "https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary"

ENUMS: dict[str, tuple[str, ...]] = {
    "developmentStatus": ("concept", "development", "beta", "stable", "obsolete"),
    "softwareType": (
        "standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
        "standalone/backend", "standalone/other", "addon", "library", "configurationFiles",
    ),
    "type": ("internal", "contract", "community", "none"),
    "countryExtensionVersion": ("0.2", "1.0"),
}  # fmt: skip
"""Enumerated fields and their values, in the order the reference's messages list them."""

_GRAPHEME = regex.compile(r"\X")
# The reference segments by Unicode 15.0; the regex module by a later version, whose rule
# GB9c (15.1) joins Indic conjuncts (U+0915 U+094D U+0937) into one cluster, and which also
# joins a consonant after a lone virama. Under 15.0 a consonant (Grapheme_Cluster_Break
# Other) always starts a cluster unless a Prepend character stands before it.
_JOINED_CONSONANT = regex.compile(r"(?<!\p{GCB=Prepend})\p{InCB=Consonant}")


def grapheme_length(text: str) -> int:
    """Length in extended grapheme clusters (UAX #29, Unicode 15.0), as the reference counts.

    Below U+0300 (ASCII, Latin-1, Latin Extended: all German text) every code point is a
    cluster of its own except CR LF, so the slow segmentation runs only for other scripts.
    Linear in the text's length, whatever it holds.
    """
    if not text or max(text) < "\u0300":
        return len(text) - text.count("\r\n")
    count = 0
    for cluster in _GRAPHEME.findall(text):
        count += 1
        if len(cluster) > 1:
            count += len(_JOINED_CONSONANT.findall(cluster, 1))
    return count


def struct_violations(doc: Values) -> Iterator[Violation]:
    """Every struct-validation error of a decoded document, in the reference's order.

    Lazily: aliases can make the list of errors very long, and callers stop early.
    """
    for check in _TOP_LEVEL:
        yield from check(doc)


# --- single-field rules ----------------------------------------------------------------------


def _required(values: Values, path: Path, name: str) -> Iterator[Violation]:
    if values.get(name) in (None, ""):
        yield (*path, name), f"{name} is a required field"


def _format(
    values: Values, path: Path, name: str, test: Callable[[str], bool], message: str
) -> Iterator[Violation]:
    value = values.get(name)
    if value is not None and not test(value):
        yield (*path, name), f"{name} {message}"


def _each(
    values: Values, path: Path, name: str, test: Callable[[str], bool], message: str
) -> Iterator[Violation]:
    verdicts: dict[str, bool] = {}  # aliases can repeat one long value many times
    for index, item in enumerate(values.get(name) or ()):
        if item not in verdicts:
            verdicts[item] = test(item)
        if not verdicts[item]:
            yield (*path, name, index), f"{name}[{index}] {message}"


def _per_item(
    items: list[Values] | None, path: Path, rule: Callable[[Values, Path], Iterator[Violation]]
) -> Iterator[Violation]:
    """The rule's violations for each item of a list of mappings, at that item's path.

    Items with the same content are judged once: aliases can repeat one mapping with a
    long value thousands of times. Struct items hold only scalars, so they can be keys.
    """
    judged: dict[tuple[tuple[str, Any], ...], list[Violation]] = {}
    for index, item in enumerate(items or ()):
        content = tuple(item.items())
        if content not in judged:
            judged[content] = list(rule(item, ()))
        for subpath, message in judged[content]:
            yield (*path, index, *subpath), message


def _non_empty(values: Values, path: Path, name: str) -> Iterator[Violation]:
    if not values.get(name):
        yield (*path, name), f"{name} must contain more than 0 items"


def _enum(values: Values, path: Path, name: str) -> Iterator[Violation]:
    value = values.get(name)
    if value in (None, ""):
        yield (*path, name), f"{name} is a required field"
    elif value not in ENUMS[name]:
        *head, tail = (f'"{choice}"' for choice in ENUMS[name])
        yield (*path, name), f"{name} must be one of the following: {', '.join(head)} or {tail}"


def _length(values: Values, path: Path, name: str, low: int, high: int) -> Iterator[Violation]:
    value = values.get(name)
    message = None if value is None else _length_problem(name, low, high)(value)
    if message is not None:
        yield (*path, name), message


def _length_problem(name: str, low: int, high: int) -> Callable[[str], str | None]:
    def problem(value: str) -> str | None:
        length = grapheme_length(value)
        if length > high:
            return f"{name} must be a maximum of {high} characters in length"
        if length < low:
            return f"{name} must be at least {low} characters in length"
        return None

    return problem


def _required_then(
    values: Values, path: Path, name: str, problem: Callable[[str], str | None]
) -> Iterator[Violation]:
    """Required; when present, the value's first other problem (one rule per field)."""
    value = values.get(name)
    message = f"{name} is a required field" if value in (None, "") else problem(value)
    if message is not None:
        yield (*path, name), message


def _licence_problem(value: str) -> str | None:
    if licences.is_spdx_expression(value):
        return None
    return "license must be a valid license (see https://spdx.org/licenses)"


def _date_problem(value: str) -> str | None:
    return None if formats.is_date(value) else "until must be a date with format 'YYYY-MM-DD'"


_HTTP = "must be an HTTP URL"


# Values repeated through aliases are judged once; at most 64 values stay cached.
_is_url = functools.lru_cache(maxsize=64)(formats.is_url)
_is_http_url = functools.lru_cache(maxsize=64)(formats.is_http_url)
_is_email = functools.lru_cache(maxsize=64)(formats.is_email)
_organisation_uri_error = functools.lru_cache(maxsize=64)(formats.organisation_uri_error)
_supports_id_error = functools.lru_cache(maxsize=64)(formats.supports_id_error)


def _is_category(value: str) -> bool:
    return value in vocabularies.categories()


def _is_scope(value: str) -> bool:
    return value in vocabularies.scopes()


# --- top level, in model order ---------------------------------------------------------------


def _identity(doc: Values) -> Iterator[Violation]:
    yield from _required(doc, (), "publiccodeYmlVersion")
    yield from _required(doc, (), "name")
    if "url" not in doc:
        yield ("url",), "url is a required field"
    yield from _format(doc, (), "url", _is_url, "must be a valid URL")
    yield from _format(doc, (), "landingURL", _is_http_url, _HTTP)
    yield from _each(doc, (), "isBasedOn", _is_url, "must be a valid URL")
    yield from _format(
        doc, (), "releaseDate", formats.is_date, "must be a date with format 'YYYY-MM-DD'"
    )


def _organisation(doc: Values) -> Iterator[Violation]:
    organisation = doc.get("organisation")
    if organisation is not None:
        yield from _organisation_uri(organisation, ("organisation",))


def _organisation_uri(values: Values, path: Path) -> Iterator[Violation]:
    yield from _required_then(values, path, "uri", _organisation_uri_error)


def _types_and_lists(doc: Values) -> Iterator[Violation]:
    yield from _each(doc, (), "inputTypes", formats.is_mime, "is not a valid MIME type")
    yield from _each(doc, (), "outputTypes", formats.is_mime, "is not a valid MIME type")
    yield from _non_empty(doc, (), "platforms")
    yield from _each(
        doc, (), "categories", _is_category,
        f"must be a valid category (see {_CATEGORIES_URL})",
    )  # fmt: skip
    yield from _per_item(doc.get("fundedBy"), ("fundedBy",), _organisation_uri)
    yield from _format(doc, (), "roadmap", _is_http_url, _HTTP)
    yield from _enum(doc, (), "developmentStatus")
    yield from _enum(doc, (), "softwareType")
    yield from _per_item(doc.get("supports"), ("supports",), _support)


def _support(values: Values, path: Path) -> Iterator[Violation]:
    yield from _required_then(values, path, "id", _supports_id_error)


def _audience(doc: Values) -> Iterator[Violation]:
    audience = doc.get("intendedAudience")
    if audience is None:
        return
    path = ("intendedAudience",)
    yield from _each(
        audience, path, "scope", _is_scope,
        f"must be a valid scope (see {_SCOPES_URL})",
    )  # fmt: skip
    country = "must be a valid ISO 3166-1 alpha-2 two-letter country code"
    yield from _each(audience, path, "countries", formats.is_country_code, country)
    yield from _each(audience, path, "unsupportedCountries", formats.is_country_code, country)


def _description(doc: Values) -> Iterator[Violation]:
    description: dict[str, Values] = doc.get("description") or {}
    if not description:
        yield ("description",), "description must contain more than 0 items"
        return
    if not all(map(languages.is_bcp47, description)):
        yield ("description",), "description must be a valid BCP 47 language"
        return
    judged: dict[tuple[tuple[str, int], ...], list[Violation]] = {}
    for tag, block in description.items():
        # Blocks whose values are the same objects (aliases) are judged once.
        identity = tuple((name, id(value)) for name, value in block.items())
        if identity not in judged:
            judged[identity] = list(_language_block(block, ()))
        for subpath, message in judged[identity]:
            yield ("description", Language(tag), *subpath), message


def _language_block(block: Values, path: Path) -> Iterator[Violation]:
    yield from _length(block, path, "genericName", 0, 35)
    yield from _required(block, path, "shortDescription")
    yield from _length(block, path, "shortDescription", 0, 150)
    long_description = _length_problem("longDescription", 150, 10000)
    yield from _required_then(block, path, "longDescription", long_description)
    yield from _format(block, path, "documentation", _is_http_url, _HTTP)
    yield from _format(block, path, "apiDocumentation", _is_http_url, _HTTP)
    yield from _non_empty(block, path, "features")
    yield from _each(block, path, "videos", _is_http_url, _HTTP)


def _legal(doc: Values) -> Iterator[Violation]:
    legal = doc.get("legal") or {}
    path = ("legal",)
    yield from _required_then(legal, path, "license", _licence_problem)


def _maintenance(doc: Values) -> Iterator[Violation]:
    maintenance = doc.get("maintenance") or {}
    path = ("maintenance",)
    yield from _enum(maintenance, path, "type")
    kind = maintenance.get("type")
    contractors = maintenance.get("contractors")
    if kind == "contract" and contractors is None:
        yield (*path, "contractors"), 'contractors is a required field when "type" is "contract"'
    elif kind != "contract" and contractors is not None:
        message = 'contractors must not be present unless "type" is "contract"'
        yield (*path, "contractors"), message
    yield from _per_item(contractors, (*path, "contractors"), _contractor)
    if kind in ("community", "internal") and maintenance.get("contacts") is None:
        yield (*path, "contacts"), f'contacts is a required field when "type" is "{kind}"'
    yield from _per_item(maintenance.get("contacts"), (*path, "contacts"), _contact)


def _contact(values: Values, path: Path) -> Iterator[Violation]:
    yield from _required(values, path, "name")
    yield from _email(values, path)


def _dependency(values: Values, path: Path) -> Iterator[Violation]:
    yield from _required(values, path, "name")


def _contractor(values: Values, path: Path) -> Iterator[Violation]:
    yield from _required(values, path, "name")
    yield from _email(values, path)
    yield from _format(values, path, "website", _is_http_url, _HTTP)
    yield from _required_then(values, path, "until", _date_problem)


def _email(values: Values, path: Path) -> Iterator[Violation]:
    email = values.get("email")
    if email and not _is_email(email):
        yield (*path, "email"), "email must be a valid email address"


def _localisation(doc: Values) -> Iterator[Violation]:
    localisation = doc.get("localisation") or {}
    path = ("localisation",)
    if localisation.get("localisationReady") is None:
        yield (*path, "localisationReady"), "localisationReady is a required field"
    available = localisation.get("availableLanguages")
    if available is None:
        yield (*path, "availableLanguages"), "availableLanguages is a required field"
        return
    yield from _non_empty(localisation, path, "availableLanguages")
    bcp47 = "must be a valid BCP 47 language"
    yield from _each(localisation, path, "availableLanguages", languages.is_bcp47, bcp47)


def _dependencies(doc: Values) -> Iterator[Violation]:
    depends_on = doc.get("dependsOn") or {}
    for kind in ("open", "proprietary", "hardware"):
        yield from _per_item(depends_on.get(kind), ("dependsOn", kind), _dependency)


def _italy(doc: Values) -> Iterator[Violation]:
    for section in ("IT", "it"):
        values = doc.get(section)
        if values is None:
            continue
        if values.get("countryExtensionVersion"):
            yield from _enum(values, (section,), "countryExtensionVersion")
        code = (values.get("riuso") or {}).get("codiceIPA")
        if code and not formats.is_ipa_code(code):
            message = f"codiceIPA must be a valid Italian Public Administration Code (iPA) (see {_IPA_URL})"
            yield (section, "riuso", "codiceIPA"), message


_TOP_LEVEL: tuple[Callable[[Values], Iterator[Violation]], ...] = (
    _identity,
    _organisation,
    _types_and_lists,
    _audience,
    _description,
    _legal,
    _maintenance,
    _localisation,
    _dependencies,
    _italy,
)
