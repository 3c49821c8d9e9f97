"""The Smart City profile: Kataster's own rules on top of publiccode.yml.

The rules are data (``schemas/publiccode/smart-city-profile-1.0.yml``); each names a check,
a small registered function here that answers one question about the decoded document and
yields the places where the answer is "no", with the values its message needs.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from . import licences
from ._paths import Path
from .errors import InvalidProfile
from .languages import primary_language

__all__ = ["CHECKS", "InvalidProfile", "Profile", "Rule", "Violation", "load_profile", "violations"]

Values = Mapping[str, Any]
Violation = tuple["Rule", Path, dict[str, str]]
_Check = Callable[[Values, Mapping[str, Any], datetime.date], Iterator[tuple[Path, dict[str, str]]]]

_PROFILES = {"smart-city": "smart-city-profile-1.0.yml"}


@dataclass(frozen=True, slots=True)
class Rule:
    """One profile rule: what to check, how serious it is, and what to tell in each language."""

    id: str
    check: str
    params: Mapping[str, Any]
    key: str
    severity: str
    message: Mapping[str, str]

    def describe(self, language: str, values: Mapping[str, str]) -> str:
        """The message in ``language`` (German when that language is missing)."""
        return self.message.get(language, self.message["de"]).format(**values)


@dataclass(frozen=True, slots=True)
class Profile:
    """A named, versioned list of rules."""

    id: str
    version: str
    title: Mapping[str, str]
    rules: tuple[Rule, ...]


@functools.cache
def load_profile(name: str = "smart-city") -> Profile:
    """Read a shipped profile by name; raises :class:`InvalidProfile` for unknown names."""
    if name not in _PROFILES:
        raise InvalidProfile(f"unknown profile {name!r}; known: {', '.join(_PROFILES)}")
    text = resources.files("schemas").joinpath("publiccode", _PROFILES[name]).read_text("utf-8")
    data = yaml.safe_load(text)
    rules = tuple(Rule(**rule) for rule in data["rules"])
    unknown = sorted({rule.check for rule in rules} - CHECKS.keys())
    if unknown:
        raise InvalidProfile(f"profile {name!r} uses unknown checks: {', '.join(unknown)}")
    return Profile(data["profile"], data["version"], data["title"], rules)


def violations(profile: Profile, doc: Values, today: datetime.date) -> Iterator[Violation]:
    """Every place where the document does not meet a rule of the profile, in rule order."""
    for rule in profile.rules:
        for path, values in CHECKS[rule.check](doc, rule.params, today):
            yield rule, path, values


def _path(key: str) -> Path:
    return tuple(key.split("."))


def _get(doc: Values, path: Path) -> Any:
    value: Any = doc
    for segment in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(segment)
    return value


def has_description_in(
    doc: Values, params: Values, today: datetime.date
) -> Iterator[tuple[Path, dict[str, str]]]:
    """Is there a description block in the language (``de`` also matches ``de-AT``)?"""
    tags = (doc.get("description") or {}).keys()
    if not any(primary_language(tag) == params["language"] for tag in tags):
        yield ("description",), {}


def is_present(
    doc: Values, params: Values, today: datetime.date
) -> Iterator[tuple[Path, dict[str, str]]]:
    """Does the key have a value (not absent, not empty)?"""
    path = _path(params["key"])
    if _get(doc, path) in (None, "", [], {}):
        yield path, {}


def is_not(
    doc: Values, params: Values, today: datetime.date
) -> Iterator[tuple[Path, dict[str, str]]]:
    """Is the key's value something other than the given one?"""
    path = _path(params["key"])
    if _get(doc, path) == params["value"]:
        yield path, {}


def uses_open_licences(
    doc: Values, params: Values, today: datetime.date
) -> Iterator[tuple[Path, dict[str, str]]]:
    """Is every licence of ``legal.license`` OSI- or FSF-approved? Unknown ones are not."""
    expression = (doc.get("legal") or {}).get("license")
    if not expression or not licences.is_spdx_expression(expression):
        return  # missing or invalid: the reference's own errors already say so
    for licence_id in dict.fromkeys(licences.licence_ids(expression)):
        if not licences.is_open(licence_id):
            yield ("legal", "license"), {"licence": licence_id}


def has_current_contract(
    doc: Values, params: Values, today: datetime.date
) -> Iterator[tuple[Path, dict[str, str]]]:
    """Under contract maintenance, does some contractor's ``until`` lie in the future?"""
    maintenance = doc.get("maintenance") or {}
    if maintenance.get("type") != "contract":
        return
    dates = sorted(_dates(maintenance.get("contractors") or ()))
    if dates and dates[-1] <= today:
        yield (
            ("maintenance", "contractors"),
            {"until": dates[-1].isoformat()},
        )


def _dates(contractors: Any) -> Iterator[datetime.date]:
    for contractor in contractors:
        try:
            yield datetime.date.fromisoformat(contractor.get("until") or "")
        except ValueError:
            continue  # an invalid date is the reference's error, not ours


def includes_when_present(
    doc: Values, params: Values, today: datetime.date
) -> Iterator[tuple[Path, dict[str, str]]]:
    """When the list is given, does it include the value (in any case)?"""
    path = _path(params["key"])
    items = _get(doc, path)
    wanted = params["value"].upper()
    if items and not any(len(item) == len(wanted) and item.upper() == wanted for item in items):
        yield path, {}


def has_in_any_language(
    doc: Values, params: Values, today: datetime.date
) -> Iterator[tuple[Path, dict[str, str]]]:
    """Does at least one description language give the field?"""
    blocks = (doc.get("description") or {}).values()
    if not any(block.get(params["field"]) for block in blocks):
        yield ("description",), {}


def is_present_when(
    doc: Values, params: Values, today: datetime.date
) -> Iterator[tuple[Path, dict[str, str]]]:
    """When another key has the given value, is this key present?"""
    if doc.get(params["when"]) == params["equals"]:
        yield from is_present(doc, params, today)


CHECKS: dict[str, _Check] = {
    check.__name__: check
    for check in (
        has_description_in,
        is_present,
        is_not,
        uses_open_licences,
        has_current_contract,
        includes_when_present,
        has_in_any_language,
        is_present_when,
    )
}
"""Every check a profile rule may name."""
