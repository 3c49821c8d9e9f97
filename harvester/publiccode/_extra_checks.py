"""Extra checks and deprecation warnings, after struct validation (publiccode-standard.md 2.6).

File references are read from a file source (2.7); URLs are fetched only when a network
policy is given (2.11). Keys are spelled dotted with raw language tags (2.9).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from . import formats, oembed
from ._paths import Language, Path
from .files import FileKind, FileSource, check_file_reference
from .findings import FindingType
from .network import NetworkPolicy, UnreachableURL, check_reachable

__all__ = ["Extra", "Surroundings", "extra_findings"]

Values = dict[str, Any]
Extra = tuple[FindingType, Path, str]

_ERROR, _WARNING = FindingType.ERROR, FindingType.WARNING
_MISSING = "no such file: "
_DROP = "This key is DEPRECATED and will be removed in the future. It's safe to drop it"


@dataclass(frozen=True, slots=True)
class Surroundings:
    """What the checks may look at beyond the file: its folder, and the network if allowed."""

    files: FileSource
    network: NetworkPolicy | None = None


def extra_findings(doc: Values, around: Surroundings) -> Iterator[Extra]:
    """Every extra check's error and warning, in the reference's order, lazily."""
    yield from _reachable(doc, ("url", "landingURL", "roadmap"), (), around)
    yield from _logos(doc, around)
    yield from _lowercase_countries(doc)
    yield from _legal(doc, around)
    for name in ("inputTypes", "outputTypes"):
        if name in doc:
            yield _WARNING, (name,), _DROP
    judged: dict[tuple[tuple[str, int], ...], list[Extra]] = {}
    for tag, block in (doc.get("description") or {}).items():
        # Blocks whose values are the same objects (aliases) are checked once.
        identity = tuple((name, id(value)) for name, value in block.items())
        if identity not in judged:
            judged[identity] = list(_language(block, (), around))
        for kind, subpath, message in judged[identity]:
            yield kind, ("description", Language(tag), *subpath), message
    yield from _italy(doc)


def _reachable(
    values: Values, names: tuple[str, ...], path: Path, around: Surroundings
) -> Iterator[Extra]:
    if around.network is None:
        return
    for name in names:
        url = values.get(name)
        if not url:
            continue
        try:
            check_reachable(url, around.network)
        except UnreachableURL as error:
            yield _ERROR, (*path, name), f"'{url}' not reachable: {error.reason}"


def _logos(doc: Values, around: Surroundings) -> Iterator[Extra]:
    if doc.get("logo"):
        yield from _file(doc["logo"], ("logo",), FileKind.LOGO, around)
    if doc.get("monochromeLogo"):
        use_logo = "This key is DEPRECATED and will be removed in the future. Use 'logo' instead"
        yield _WARNING, ("monochromeLogo",), use_logo
        yield from _file(doc["monochromeLogo"], ("monochromeLogo",), FileKind.LOGO, around)


def _file(value: str, path: Path, kind: FileKind, around: Surroundings) -> Iterator[Extra]:
    reason = check_file_reference(value, kind, around.files)
    if reason is not None:
        yield _ERROR, path, reason


def _lowercase_countries(doc: Values) -> Iterator[Extra]:
    audience = doc.get("intendedAudience") or {}
    for name in ("countries", "unsupportedCountries"):
        for index, code in enumerate(audience.get(name) or ()):
            if len(code) == 2 and code.islower() and formats.is_country_code(code):
                message = f"Lowercase country codes are DEPRECATED. Use uppercase instead ('{code.upper()}')"
                yield _WARNING, ("intendedAudience", name, index), message


def _legal(doc: Values, around: Surroundings) -> Iterator[Extra]:
    legal = doc.get("legal") or {}
    if "authorsFile" in legal:
        yield _WARNING, ("legal", "authorsFile"), _DROP
        reason = check_file_reference(legal["authorsFile"], FileKind.AUTHORS_FILE, around.files)
        if reason is not None and reason.startswith(_MISSING):
            reason = f"'{reason.removeprefix(_MISSING)}' does not exist: {reason}"
        if reason is not None:
            yield _ERROR, ("legal", "authorsFile"), reason
    if "repoOwner" in legal:
        use_name = "This key is DEPRECATED and will be removed in the future. Use 'organisation.name' instead"
        yield _WARNING, ("legal", "repoOwner"), use_name


def _language(block: Values, path: Path, around: Surroundings) -> Iterator[Extra]:
    if block.get("genericName"):
        yield _WARNING, (*path, "genericName"), _DROP
    yield from _reachable(block, ("documentation", "apiDocumentation"), path, around)
    screenshots = block.get("screenshots") or ()
    yield from _item_errors(screenshots, (*path, "screenshots"), around, _screenshot_problem)
    yield from _item_errors(block.get("videos") or (), (*path, "videos"), around, _video_problem)


def _item_errors(
    items: Sequence[str],
    path: Path,
    around: Surroundings,
    problem: Callable[[str, Surroundings], str | None],
) -> Iterator[Extra]:
    """An error for each item with a problem; each distinct value is checked once only,
    since aliases can repeat one long value thousands of times."""
    problems: dict[str, str | None] = {}
    for index, item in enumerate(items):
        if item not in problems:
            problems[item] = problem(item, around)
        message = problems[item]
        if message is not None:
            yield _ERROR, (*path, index), message


def _screenshot_problem(value: str, around: Surroundings) -> str | None:
    reason = check_file_reference(value, FileKind.SCREENSHOT, around.files)
    return None if reason is None else f"'{value}' is not an image: {reason}"


def _video_problem(url: str, around: Surroundings) -> str | None:
    if oembed.is_oembed_url(url):
        return None
    return f"'{url}' is not a valid video URL supporting oEmbed: invalid oEmbed link: {url}"


def _italy(doc: Values) -> Iterator[Extra]:
    section = doc.get("IT")
    if "it" in doc:
        message = "Lowercase country codes are DEPRECATED and will be removed in the future. Use 'IT' instead"
        yield _WARNING, ("it",), message
        if section is not None:
            yield _ERROR, ("it",), "'IT' key already present. Remove this key"
        else:
            section = doc["it"]
    if section is None:
        return
    if section.get("conforme") is not None:
        yield _WARNING, ("IT", "conforme"), _DROP
    code = (section.get("riuso") or {}).get("codiceIPA")
    if code and formats.is_ipa_code(code):
        message = (
            "This key is DEPRECATED and will be removed in the future. Use 'organisation.uri' "
            f"and set it to 'urn:x-italian-pa:{code}' instead"
        )
        yield _WARNING, ("IT", "riuso", "codiceIPA"), message
