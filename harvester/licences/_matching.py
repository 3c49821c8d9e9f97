"""Exact matching: where in a normalised text each SPDX template matches, as spans.

spdx-matcher's own ``analyse_license_text`` answers which licences match but not where, and
it costs seconds on texts that are long or hostile: it normalises the whole text again for
each of the ~700 templates, and a template that begins with a copyright variable of up to 5,000
characters is tried at every position of the text (23 s for 200 KB of words followed by an MIT
text). We keep its method (fingerprints first, then the template's patterns one after the
other, each starting where the last ended) and bound the work:

* the text is normalised once, by the caller;
* a template is tried only near its first fingerprint (the *anchor*), never from position 0 of
  a long text: at most :data:`LOOKBACK` characters before it, and at most
  :data:`MAX_ATTEMPTS` anchors per template;
* every pattern sees at most a bounded stretch of text after its start, and each regular
  expression call has a time limit; a template that runs out of time does not match.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ._identifiers import text_stem
from ._templates import VAR_GROUP_PREFIX, Template, capacity, compiled, templates

__all__ = ["LOOKBACK", "MAX_ATTEMPTS", "Match", "Matching", "Variable", "find_matches"]

LOOKBACK = 4500
"""How far before its first fingerprint a template may start: more than the longest template
text before a fingerprint (RPL-1.1's, about 4,000 characters), less than the longest leading
variable (5,000 characters), so that a template beginning with one matches at the first try."""

MAX_ATTEMPTS = 4
"""Anchors tried per template: a text repeating a fingerprint cannot make us try it forever."""

MAX_INSTANCES = 3
"""Copies of the same template looked for in one text."""

REACH = 12000
"""Extra characters a pattern may cover beyond twice its own length (variables)."""

PATTERN_TIMEOUT = 0.05
"""Seconds one regular expression call may take before the template counts as not matching."""

# spdx-matcher drops these when the first one matched: parts of the Python licence stack.
_SUPERSEDES = {"Python-2.0": ("0BSD", "HPND"), "Python-2.0.1": ("0BSD", "HPND")}


@dataclass(frozen=True, slots=True)
class Variable:
    """The text a template's variable took: ``start:end``; ``capacity`` 0 means no limit."""

    start: int
    end: int
    capacity: int


@dataclass(frozen=True, slots=True)
class Match:
    """One template matched at ``start:end``, with the text each of its variables took."""

    template: Template
    start: int
    end: int
    variables: tuple[Variable, ...]


@dataclass(frozen=True, slots=True)
class Matching:
    """The matches found in a text, and whether a time limit cut the search."""

    matches: tuple[Match, ...]
    timed_out: bool


class _TimedOut(Exception):
    """A pattern ran out of time."""


def _run(pattern: str, text: str, start: int, search: bool) -> regex.Match[str] | None:
    """One bounded pattern call from ``start``: ``match`` there, or ``search`` onwards."""
    endpos = min(len(text), start + 2 * len(pattern) + REACH)
    method = compiled(pattern).search if search else compiled(pattern).match
    try:
        return method(text, start, endpos, timeout=PATTERN_TIMEOUT)
    except TimeoutError as error:
        raise _TimedOut from error


def _variables(found: regex.Match[str]) -> list[Variable]:
    """The non-empty variables that took part in a pattern's match."""
    names = (name for name in found.re.groupindex if name.startswith(VAR_GROUP_PREFIX))
    spans = ((found.span(name), capacity(name)) for name in names)
    return [Variable(start, end, size) for (start, end), size in spans if end > start >= 0]


def _first(template: Template, text: str, start: int) -> regex.Match[str] | None:
    """The first pattern at ``start`` (a leading variable swallows what precedes the
    licence), else the nearest place after it."""
    first = template.patterns[0]
    return _run(first, text, start, search=False) or _run(first, text, start + 1, search=True)


def _at(template: Template, text: str, start: int) -> Match | None:
    """The template matched from its first pattern at or after ``start``, or None."""
    found = _first(template, text, start)
    if found is None:
        return None
    begin, position, variables = found.start(), found.end(), _variables(found)
    for pattern in template.patterns[1:]:
        found = _run(pattern, text, position, search=False)
        if found is None:
            return None
        position = found.end()
        variables.extend(_variables(found))
    return Match(template, begin, position, tuple(variables))


def _chain(template: Template, text: str, anchor: int) -> int:
    """The anchor of the fingerprint chain from ``anchor``: the last occurrence of the first
    fingerprint before the second; -1 when the fingerprints do not all follow in order."""
    position, second = anchor, -1
    for number, fingerprint in enumerate(template.fingerprints):
        position = text.find(fingerprint, position)
        if position < 0:
            return -1
        second = position if number == 1 else second
        position += len(fingerprint)
    if second < 0:
        return anchor
    return text.rfind(template.fingerprints[0], anchor, second)


def _anchors(template: Template, text: str) -> list[int]:
    """Where the template's text may begin: occurrences of its first fingerprint that all
    other fingerprints follow in order, at most :data:`MAX_ATTEMPTS`."""
    anchors: list[int] = []
    anchor = text.find(template.fingerprints[0])
    while anchor >= 0 and len(anchors) < MAX_ATTEMPTS:
        anchor = _chain(template, text, anchor)
        if anchor < 0:
            break
        anchors.append(anchor)
        anchor = text.find(template.fingerprints[0], anchor + 1)
    return anchors


def _matches_of(template: Template, text: str) -> list[Match]:
    """Every copy of one template in the text (at most :data:`MAX_INSTANCES`)."""
    found: list[Match] = []
    cursor = 0
    for anchor in _anchors(template, text):
        if anchor < cursor:
            continue
        match = _at(template, text, max(cursor, anchor - LOOKBACK))
        if match is not None:
            found.append(match)
            cursor = match.end
        if len(found) == MAX_INSTANCES:
            break
    return found


def _contained(match: Match, others: list[Match]) -> bool:
    """Whether another licence's match covers this one and more (MIT inside X11). Variants
    of one text (``GPL-2.0-only`` and ``-or-later``) never hide each other: the GPL's "How to
    apply" appendix, which suggests "or any later version", is no choice of version."""
    stem = text_stem(match.template.id)
    return any(
        other.start <= match.start
        and match.end <= other.end
        and (other.end - other.start) > (match.end - match.start)
        and text_stem(other.template.id) != stem
        for other in others
    )


def _resolved(matches: list[Match]) -> tuple[Match, ...]:
    """Matches inside a larger one dropped, and spdx-matcher's own supersessions applied."""
    kept = [match for match in matches if not _contained(match, matches)]
    ids = {match.template.id for match in kept}
    dropped = {gone for id_, gones in _SUPERSEDES.items() if id_ in ids for gone in gones}
    return tuple(match for match in kept if match.template.id not in dropped)


def find_matches(text: str) -> Matching:
    """Every template that matches the normalised ``text``, as spans, overlaps resolved."""
    matches: list[Match] = []
    timed_out = False
    for template in templates():
        if not template.fingerprints:
            continue  # nothing to anchor on (spdx-matcher's diffmark): it would scan every text
        try:
            matches.extend(_matches_of(template, text))
        except _TimedOut:
            timed_out = True
    return Matching(_resolved(matches), timed_out)
