"""Video URLs that an oEmbed provider serves, as the reference validator decides.

Rule (design/publiccode-standard.md section 2.8, "oEmbed"): a ``description.*.videos[i]``
URL, re-serialised the way Go's ``(*url.URL).String`` does it, must fully match one of the
``schemes`` patterns of oembed.com's ``providers.json``
(:func:`harvester.publiccode.vocabularies.oembed_schemes`). In a pattern ``*`` matches any
run of characters except a newline; everything else is literal (``.`` and ``?`` included).
The reference checks this even with the network and external checks off.

All patterns are compiled once into one regular expression. A pattern
``L0*L1*...*Ln`` is compiled so that each middle literal is found at its leftmost
position and the choice is never revisited (an atomic group). For ``*`` wildcards that
choice is always safe, so the answer is the same as plain backtracking while the time stays
linear in the URL's length per pattern: an untrusted URL cannot make matching slow.
"""

from __future__ import annotations

import functools
import re

from .vocabularies import oembed_schemes

__all__ = ["is_oembed_url"]

_ANY = r"[^\n]*"


def is_oembed_url(url: str) -> bool:
    """Whether ``url`` (already re-serialised) fully matches an oEmbed provider pattern."""
    return _matcher().fullmatch(url) is not None


@functools.cache
def _matcher() -> re.Pattern[str]:
    """One alternation of every distinct pattern, compiled on first use."""
    patterns = dict.fromkeys(oembed_schemes())
    return re.compile("|".join(_pattern_regex(pattern) for pattern in patterns))


def _pattern_regex(pattern: str) -> str:
    """``L0*L1*...*Ln`` as ``L0(?>.*?L1)...(?>.*?Ln-1).*Ln`` (``.`` excluding newlines)."""
    literals = [re.escape(literal) for literal in pattern.split("*")]
    if len(literals) == 1:
        return f"(?:{literals[0]})"
    middle = "".join(f"(?>{_ANY}?{literal})" for literal in literals[1:-1])
    return f"(?:{literals[0]}{middle}{_ANY}{literals[-1]})"
