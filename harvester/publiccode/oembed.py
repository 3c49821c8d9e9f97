"""Video URLs that an oEmbed provider serves, as the reference validator decides.

Rule (design/publiccode-standard.md section 2.8, "oEmbed"): a ``description.*.videos[i]``
URL, re-serialised the way Go's ``(*url.URL).String`` does it, must fully match one of the
``schemes`` patterns of oembed.com's ``providers.json``
(:func:`harvester.publiccode.vocabularies.oembed_schemes`). In a pattern ``*`` matches any
run of characters except a newline; everything else is literal (``.`` and ``?`` included).
The reference checks this even with the network and external checks off.

Speed and safety. The patterns are compiled once. Most begin with a literal origin,
``scheme://host/`` (``https://vimeo.com/*``); they are grouped by it, and a URL is tried
only against its own origin's group. The others (``https://*.youtube.com/watch*``) are
grouped by their longest literal part and tried only when the URL contains it. Within a
pattern ``L0*L1*...*Ln`` each middle literal is found at its leftmost position and the
choice is never revisited (an atomic group); for ``*`` wildcards that choice is always safe,
so the verdict equals plain backtracking while the time stays linear in the URL's length:
an untrusted URL cannot make matching slow.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from .vocabularies import oembed_schemes

__all__ = ["is_oembed_url"]

_ANY = r"[^\n]*"


def is_oembed_url(url: str) -> bool:
    """Whether ``url`` (already re-serialised) fully matches an oEmbed provider pattern."""
    return _matcher().matches(url)


@dataclass(frozen=True, slots=True)
class _Matcher:
    """The patterns, compiled: one regex per literal origin, and the rest by needle.

    A pattern's needle is its longest literal part, which any matching URL contains.
    """

    by_origin: dict[str, re.Pattern[str]]
    by_needle: tuple[tuple[str, re.Pattern[str]], ...]

    def matches(self, url: str) -> bool:
        specific = self.by_origin.get(_origin(url) or "")
        if specific is not None and specific.fullmatch(url) is not None:
            return True
        return any(
            needle in url and regex.fullmatch(url) is not None for needle, regex in self.by_needle
        )


@functools.cache
def _matcher() -> _Matcher:
    """Group the distinct patterns by the origin their literal start spells out, or needle."""
    by_origin: defaultdict[str, list[str]] = defaultdict(list)
    by_needle: defaultdict[str, list[str]] = defaultdict(list)
    for pattern in dict.fromkeys(oembed_schemes()):
        origin = _origin(pattern.partition("*")[0])
        if origin is not None:
            by_origin[origin].append(_pattern_regex(pattern))
        else:
            by_needle[max(pattern.split("*"), key=len)].append(_pattern_regex(pattern))
    return _Matcher(
        {origin: _compile(regexes) for origin, regexes in by_origin.items()},
        tuple((needle, _compile(regexes)) for needle, regexes in by_needle.items()),
    )


def _origin(text: str) -> str | None:
    """``scheme://host/``: the text up to the first ``/`` after ``://``, if it has one."""
    start = text.find("://")
    slash = text.find("/", start + 3) if start >= 0 else -1
    return text[: slash + 1] if slash >= 0 else None


def _compile(regexes: list[str]) -> re.Pattern[str]:
    """One alternation of ``regexes``."""
    return re.compile("|".join(regexes))


def _pattern_regex(pattern: str) -> str:
    """``L0*L1*...*Ln`` as ``L0(?>.*?L1)...(?>.*?Ln-1).*Ln`` (``.`` excluding newlines)."""
    literals = [re.escape(literal) for literal in pattern.split("*")]
    if len(literals) == 1:
        return f"(?:{literals[0]})"
    middle = "".join(f"(?>{_ANY}?{literal})" for literal in literals[1:-1])
    return f"(?:{literals[0]}{middle}{_ANY}{literals[-1]})"
