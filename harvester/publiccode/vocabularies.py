"""The controlled vocabularies of publiccode.yml, read once from the ``schemas`` package."""

from __future__ import annotations

import functools
import json
from importlib import resources

__all__ = ["aliases", "categories", "ipa_codes", "oembed_schemes", "scopes"]


def _lines(name: str) -> tuple[str, ...]:
    text = resources.files("schemas").joinpath("vocab", name).read_text(encoding="utf-8")
    stripped = (line.strip() for line in text.splitlines())
    return tuple(line for line in stripped if line and not line.startswith("#"))


@functools.cache
def categories() -> frozenset[str]:
    """The 106 categories of ``categories`` (v0.5 and later)."""
    return frozenset(_lines("categories.txt"))


@functools.cache
def scopes() -> frozenset[str]:
    """The 24 scopes of ``intendedAudience.scope``."""
    return frozenset(_lines("scopes.txt"))


@functools.cache
def aliases() -> frozenset[str]:
    """The names allowed after ``alias:`` in ``supports[i].id`` (v0.7)."""
    return frozenset(_lines("aliases.txt"))


@functools.cache
def ipa_codes() -> frozenset[str]:
    """Codes of Italy's public administrations, upper-cased for case-insensitive lookup."""
    return frozenset(code.upper() for code in _lines("italian-ipa-codes.txt"))


@functools.cache
def oembed_schemes() -> tuple[str, ...]:
    """oEmbed provider URL patterns (``*`` is a wildcard), as the reference ships them."""
    text = (
        resources.files("schemas")
        .joinpath("vocab", "oembed-schemes.json")
        .read_text(encoding="utf-8")
    )
    return tuple(json.loads(text))
