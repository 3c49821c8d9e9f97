"""The appendix after "END OF TERMS AND CONDITIONS": the GNU texts' "How to apply these terms".

The SPDX matching guidelines let text after the end of a licence's terms differ (B.3.5,
extraneous text), and in the templates the appendix is one optional block: a single changed
character in it (the FSF's new address, ``<signature of Ty Coon>`` with angle brackets) makes
the whole block fail, and 300 words of standard text would count as added. So an appendix
that follows a match and resembles the licence's own appendix word for word (difflib, at least
:data:`MIN_RATIO`) counts as explained; an appendix with a clause of its own stays below.
"""

from __future__ import annotations

import difflib
import re

from ._matching import Match
from ._templates import normal_sample

__all__ = ["MIN_RATIO", "appendix_span"]

MIN_RATIO = 0.9
"""Word-sequence similarity an appendix needs to the licence's own."""

SEARCH_AFTER = 200
"""How far after a match the closing words may stand (the match may stop just before)."""

_END = "end of terms and conditions"
_WORD = re.compile(r"\S+")


def _words(text: str, limit: int) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    for word in _WORD.finditer(text):
        found.append(word)
        if len(found) == limit:
            break
    return found


def appendix_span(match: Match, text: str) -> tuple[int, int] | None:
    """The span of the standard appendix after a licence text's match, or None."""
    if match.template.part != "text":
        return None
    sample = normal_sample(match.template)
    in_sample = sample.find(_END)
    start = text.find(_END, match.start, min(len(text), match.end + SEARCH_AFTER))
    if in_sample < 0 or start < 0:
        return None
    standard = sample[in_sample:].split()
    found = _words(text[start:], int(len(standard) * 1.1) + 1)
    matcher = difflib.SequenceMatcher(None, [w.group() for w in found], standard, autojunk=False)
    if matcher.quick_ratio() < MIN_RATIO or matcher.ratio() < MIN_RATIO:
        return None
    return start, start + found[-1].end()
